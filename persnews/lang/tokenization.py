"""Language data for Persian tokenization and sentence splitting.

Facts only (character classes, punctuation, abbreviations, news-agency names); the
rules that use them live in :mod:`persnews.tokenizer` and :mod:`persnews.extract.sentences`.

>>> "؟" in SENTENCE_FINAL and "»" in CLOSING_PUNCT
True
"""

from __future__ import annotations

__all__ = [
    "ABBREVIATIONS",
    "CLOSING_PUNCT",
    "DATELINE_SOURCES",
    "DIGITS",
    "INDEFINITE_AFTER_VOWEL",
    "LATIN_ABBREVIATIONS",
    "NUMBER_INNER_SEPARATORS",
    "PERCENT_SIGNS",
    "PUNCT_CHARS",
    "QUOTE_CONTINUATIONS",
    "SENTENCE_FINAL",
    "SPACED_AFFIXES_AFTER",
    "SPACED_AFFIXES_BEFORE",
    "SYMBOL_RANGES",
    "UNIT_ABBREVIATION_LETTERS",
]

#: Latin, Persian and Arabic-Indic digits (regex character-class body).
DIGITS = "0-9\u06f0-\u06f9\u0660-\u0669"

#: Characters that may join digit groups inside one number, date or time token:
#: ``۱۲٬۵۰۰``, ``12,500``, ``۳.۵``, ``٣٫٥``, ``۳/۵``, ``۱۴۰۰/۱۰/۱۰``, ``۱۰-۱۰-۱۴۰۰``, ``۱۰:۲۶``.
#: The Persian comma ``،`` is not one of them: ``۲۰،۳۰`` is a list.
NUMBER_INNER_SEPARATORS = ".,/:\\-\u066b\u066c"

#: Percent signs that stay on the number they follow (PerDT writes ``5%`` as one token).
PERCENT_SIGNS = "%\u066a"

#: Characters that are always a token of their own (or part of a punctuation run).
#: Hyphens and slashes are here too; numbers, URLs, e-mails and Latin compounds that
#: contain them are matched before this class applies.
PUNCT_CHARS = (
    ".,،;؛:!?؟"  # stops, commas, colons, question and exclamation marks
    "«»\"'“”‘’‹›„"  # quotation marks
    "()[]{}<>"  # brackets
    "\u2026"  # horizontal ellipsis
    "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"  # hyphens and dashes
    "/\\\\|*+=~^`_&$€£#@%\u066a\u066d\u06d4\u061f\u060c\u061b"
    "\u00ab\u00bb\u00b7\u2022"
)

#: Symbol and emoji blocks that never join a word (regex character-class body).
SYMBOL_RANGES = (
    "\u2190-\u21ff\u2300-\u23ff\u2460-\u24ff\u25a0-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f"
)

#: Tokens that end a sentence. Ellipses (``…``, ``...``) are not among them: in UD Persian
#: they mark an unfinished list inside a sentence far more often than a sentence end.
SENTENCE_FINAL = frozenset({".", "!", "?", "؟", "\u06d4"})

#: Closing punctuation that stays with the sentence before it (``"`` and ``'`` open as
#: well as close, so they are not here; the sentence splitter tracks them).
CLOSING_PUNCT = frozenset({"»", "”", "’", ")", "]", "}", "›"})

#: Persian abbreviations with internal dots, each kept as one token.
ABBREVIATIONS: tuple[str, ...] = (
    "ج.ا.ا.",
    "ج.ا.ا",
    "ج.ا.",
    "ق.ظ.",
    "ق.ظ",
    "ب.ظ.",
    "ب.ظ",
    "ه.ش.",
    "ه.ش",
    "ه.ق.",
    "ه.ق",
    "ق.م.",
    "ق.م",
    "ص.ب.",
    "ص.ب",
    "ر.ک.",
    "ر.ک",
    "ع.ج",
    "الخ.",
)

#: Latin abbreviations that end in a dot and do not end a sentence.
LATIN_ABBREVIATIONS: tuple[str, ...] = (
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Prof.",
    "St.",
    "Jr.",
    "Sr.",
    "Inc.",
    "Ltd.",
    "Co.",
    "Corp.",
    "vs.",
    "etc.",
    "e.g.",
    "i.e.",
    "No.",
    "Vol.",
    "pp.",
)

#: Single letters written after a year with a dot: ``۱۹۱۷ م.`` (Gregorian), ``ق.`` (lunar),
#: ``ش.`` (solar); ``م.`` after a number is one token in PerDT.
UNIT_ABBREVIATION_LETTERS = "مقش"

#: News-agency and desk names that end a dateline (``تهران - ایرنا:``), which UD
#: Seraji treats as a sentence of its own.
DATELINE_SOURCES = frozenset(
    {
        "ایرنا",
        "ایسنا",
        "ایلنا",
        "مهر",
        "فارس",
        "تسنیم",
        "خبر",
        "ایکنا",
        "برنا",
        "پانا",
        "میزان",
        "صداوسیما",
        "رویترز",
        "فرانس‌پرس",
        "آسوشیتدپرس",
        "آناتولی",
        "شینهوا",
    }
)

#: Written apart from their word by a space (``می تواند``, ``کتاب ها``), these prefixes
#: and suffixes are joined to it: the normalizer writes a ZWNJ and the tokenizer keeps one
#: token. Other words that the normalizer joins across a space (``آن چه``, ``به جز``) stay
#: separate tokens, as in UD Persian.
SPACED_AFFIXES_BEFORE = frozenset({"می", "نمی"})
SPACED_AFFIXES_AFTER = frozenset(
    {
        "ها",
        "های",
        "هایی",
        "هایم",
        "هایت",
        "هایش",
        "هایمان",
        "هایتان",
        "هایشان",
        "ای",
        "ام",
        "ات",
        "اش",
        "ایم",
        "اید",
        "اند",
        "مان",
        "تان",
        "شان",
        "تر",
        "ترین",
        "ی",
    }
)

#: The spaced suffix ``ای`` is the indefinite/ezafe ending only after these letters
#: (``خانه ای``, ``صندلی ای``); elsewhere ``ای`` is the vocative particle (``ای خدا``).
INDEFINITE_AFTER_VOWEL = ("ه", "ی", "ا", "و")

#: After a quoted question or exclamation (``«چرا؟»``) the sentence goes on when one of
#: these words follows: ``او پرسید «چرا؟» و رفت``.
QUOTE_CONTINUATIONS = frozenset({"و", "که", "را", "یا", "تا", "به", "از", "در", "با", "هم"})
