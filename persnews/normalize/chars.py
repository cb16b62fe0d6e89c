"""Character-level normalization: letters, digits, spaces, invisibles, diacritics.

Produces :data:`~persnews.normalize.offsets.Edit` lists so that every change can
be mapped back to the original text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from persnews.lang import chars as C
from persnews.normalize.offsets import Edit, OffsetMap, apply_edits

__all__ = ["DIGIT_FORMS", "char_normalize"]

DIGIT_FORMS = ("persian", "latin", "keep")
DIACRITIC_POLICIES = ("remove", "keep")

_LETTER = f"[{C.PERSIAN_LETTERS}A-Za-z0-9۰-۹٠-٩]"


@lru_cache(maxsize=16)
def _translation(digits: str, unify_optional_letters: bool) -> dict[int, str]:
    table: dict[int, str] = {ord(k): v for k, v in C.LETTER_VARIANTS.items()}
    if unify_optional_letters:
        table.update({ord(k): v for k, v in C.OPTIONAL_LETTER_VARIANTS.items()})
    for ch in C.ODD_SPACES:
        table[ord(ch)] = " "
    if digits == "persian":
        sources = C.ARABIC_INDIC_DIGITS + C.LATIN_DIGITS
        targets = C.PERSIAN_DIGITS * 2
    elif digits == "latin":
        sources = C.ARABIC_INDIC_DIGITS + C.PERSIAN_DIGITS
        targets = C.LATIN_DIGITS * 2
    else:
        sources = targets = ""
    for s, t in zip(sources, targets, strict=True):
        table[ord(s)] = t
    return table


@lru_cache(maxsize=4)
def _edit_pattern(remove_diacritics: bool) -> re.Pattern[str]:
    deletable = re.escape(C.KASHIDA + C.INVISIBLES)
    controls = "\x00-\x08\x0e-\x1f\x7f-\x9f"
    diacritics = re.escape(C.DIACRITICS) if remove_diacritics else ""
    drop = f"[{deletable}{controls}{diacritics}\\ud800-\\udfff]"
    return re.compile(
        "|".join(
            [
                r"(?P<compose>[\u0627\u0648][\u0653\u0654])",
                rf"(?P<zwnj>{drop}*\u200c(?:{drop}|\u200c)*)",
                rf"(?P<drop>{drop}+)",
                r"(?P<hehyeh>\u06c0)",
                r"(?P<crlf>\r\n?)",
                r"(?P<spaces> {2,})",
            ]
        )
    )


_WORDCHAR = re.compile(_LETTER)

#: Text kept exactly as written by the letter/digit mapping: URLs, e-mail addresses and
#: Latin tokens with digits in them (``MP3``, ``COVID19``, ``4G``).
_VERBATIM = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"«»]+"
    r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
    r"|(?<![A-Za-z0-9])(?:[A-Za-z]+[0-9]|[0-9]+[A-Za-z])[A-Za-z0-9]*"
)
_VERBATIM_HINT = re.compile(r"://|www\.|@|[A-Za-z][0-9]|[0-9][A-Za-z]")


def _keep_verbatim(text: str, translated: str) -> str:
    """Undo the 1:1 character mapping inside URLs, e-mails and Latin tokens."""
    if _VERBATIM_HINT.search(text) is None:
        return translated
    pieces: list[str] = []
    pos = 0
    for m in _VERBATIM.finditer(text):
        s, e = m.span()
        pieces.append(translated[pos:s])
        pieces.append(text[s:e])
        pos = e
    if not pieces:
        return translated
    pieces.append(translated[pos:])
    return "".join(pieces)


def _is_word_char(ch: str) -> bool:
    return bool(ch) and _WORDCHAR.match(ch) is not None


def _edits(text: str, pattern: re.Pattern[str]) -> list[Edit]:
    edits: list[Edit] = []
    append = edits.append
    for m in pattern.finditer(text):
        kind = m.lastgroup
        start, end = m.span()
        if kind == "drop":
            append((start, end, ""))
        elif kind == "zwnj":
            before = text[start - 1] if start else ""
            after = text[end] if end < len(text) else ""
            keep = _is_word_char(before) and _is_word_char(after)
            if not keep:
                append((start, end, ""))
            elif end - start > 1:
                append((start, end, C.ZWNJ))
        elif kind == "spaces":
            append((start, end, " "))
        elif kind == "crlf":
            append((start, end, "\n"))
        elif kind == "hehyeh":
            append((start, end, C.HEH_HAMZA))
        elif kind == "compose":
            append((start, end, unicodedata.normalize("NFC", m.group())))
    return edits


def char_normalize(
    text: str,
    *,
    digits: str = "persian",
    diacritics: str = "remove",
    unify_optional_letters: bool = False,
) -> tuple[str, OffsetMap]:
    """Unify letters and digits, clean spaces and invisible characters.

    Returns the new text and the map of its positions to ``text``.

    >>> new, omap = char_normalize("كتاب\u200f  يك ٣")
    >>> new
    'کتاب یک ۳'
    >>> omap.to_original(new.index("یک"))
    7
    """
    translated = _keep_verbatim(text, text.translate(_translation(digits, unify_optional_letters)))
    edits = _edits(translated, _edit_pattern(diacritics == "remove"))
    return apply_edits(translated, edits)
