"""Character tables used by the normalizer.

Facts only: which code points are variants of which Persian letters, which are
digits, diacritics, spaces and invisible controls.
"""

from __future__ import annotations

ZWNJ = "\u200c"
ZWJ = "\u200d"
KASHIDA = "\u0640"

#: Arabic letter variants that are always written with the Persian letter.
LETTER_VARIANTS: dict[str, str] = {
    "\u064a": "\u06cc",  # ARABIC YEH -> FARSI YEH
    "\u0649": "\u06cc",  # ALEF MAKSURA -> FARSI YEH
    "\u06d2": "\u06cc",  # YEH BARREE
    "\u06d0": "\u06cc",  # E
    "\u0643": "\u06a9",  # ARABIC KAF -> KEHEH
    "\u06aa": "\u06a9",  # SWASH KAF
    "\u06c1": "\u0647",  # HEH GOAL
    "\u06d5": "\u0647",  # AE
    "\u06be": "\u0647",  # HEH DOACHASHMEE
    "\u0671": "\u0627",  # ALEF WASLA
}

#: Letters that carry meaning in some words (Arabic names, Quranic text); unified on request.
OPTIONAL_LETTER_VARIANTS: dict[str, str] = {
    "\u0629": "\u0647",  # TEH MARBUTA -> HEH
    "\u0623": "\u0627",  # ALEF WITH HAMZA ABOVE -> ALEF
    "\u0625": "\u0627",  # ALEF WITH HAMZA BELOW -> ALEF
    "\u0624": "\u0648",  # WAW WITH HAMZA ABOVE -> WAW
}

#: HEH WITH YEH ABOVE (ezafe) is written as HEH + HAMZA ABOVE.
HEH_YEH = "\u06c0"
HEH_HAMZA = "\u0647\u0654"

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
LATIN_DIGITS = "0123456789"

#: Arabic decimal and thousands separators.
ARABIC_DECIMAL_SEPARATOR = "\u066b"
ARABIC_THOUSANDS_SEPARATOR = "\u066c"

#: Harakat and other combining marks removed under ``diacritics="remove"``.
#: HAMZA ABOVE (U+0654) is not here: it is a letter part (هٔ, ؤ) in Persian.
DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0655\u0656\u0657\u0658\u0670"

#: Space characters that become an ordinary space.
ODD_SPACES = (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\t\u000b\u000c"
)

#: Invisible format characters removed outright (ZWNJ is handled separately).
#: Bidi embeddings/overrides/isolates, marks, zero-width space and joiner, BOM, soft hyphen.
INVISIBLES = (
    "\u200b\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\u2060\ufeff\u00ad\u061c"
)

#: Persian letters (for "is this a Persian word character" tests).
PERSIAN_LETTERS = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیءأؤئۀةًٌٍَُِّْٔ"

#: Letters after which a ZWNJ never changes the shape (they do not join to the left).
NON_JOINING_LETTERS = "آاأإدذرزژوؤۀةء"
