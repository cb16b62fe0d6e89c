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
def _translation(digits: str, unify_optional_letters: bool) -> dict[str, str]:
    table: dict[str, str] = dict(C.LETTER_VARIANTS)
    if unify_optional_letters:
        table.update(C.OPTIONAL_LETTER_VARIANTS)
    for ch in C.ODD_SPACES:
        table[ch] = " "
    if digits == "persian":
        sources = C.ARABIC_INDIC_DIGITS + C.LATIN_DIGITS
        targets = C.PERSIAN_DIGITS * 2
    elif digits == "latin":
        sources = C.ARABIC_INDIC_DIGITS + C.PERSIAN_DIGITS
        targets = C.LATIN_DIGITS * 2
    else:
        sources = targets = ""
    for s, t in zip(sources, targets, strict=True):
        table[s] = t
    return table


@lru_cache(maxsize=4)
def _edit_patterns(remove_diacritics: bool) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A fast scan for the first character of any edit, and the edit patterns themselves."""
    deletable = re.escape(C.KASHIDA + C.INVISIBLES)
    controls = "\x00-\x08\x0e-\x1f\x7f-\x9f"
    diacritics = re.escape(C.DIACRITICS) if remove_diacritics else ""
    drop_chars = f"{deletable}{controls}{diacritics}\\ud800-\\udfff"
    drop = f"[{drop_chars}]"
    scan = re.compile(f"[\u0653\u0654\u200c\u06c0\r{drop_chars}]")
    detail = re.compile(
        "|".join(
            [
                r"(?P<compose>[\u0653\u0654])",
                rf"(?P<zwnj>(?:\u200c|{drop}+\u200c)(?:{drop}|\u200c)*)",
                rf"(?P<drop>{drop}+)",
                r"(?P<hehyeh>\u06c0)",
                r"(?P<crlf>\r\n?)",
            ]
        )
    )
    return scan, detail


_SPACES = re.compile(" {2,}")


_WORDCHAR = re.compile(_LETTER)
_COMPOSING_BASES = frozenset("\u0627\u0648")

#: Text kept exactly as written by the letter/digit mapping: URLs and e-mail addresses
#: (found from their ``://``, ``www.`` or ``@``) and Latin tokens with digits in them
#: (``MP3``, ``COVID19``, ``4G``).
_URL_HINT = re.compile(r"://|www\.|@")
_URL_OR_EMAIL = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"«»]+"
    r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
)
_LATIN_DIGITS = re.compile(r"[0-9]+")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ASCII_ALNUM = _ASCII_LETTERS | frozenset("0123456789")


def _verbatim_spans(text: str, *, latin_tokens: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    if _URL_HINT.search(text) is not None:
        spans += [m.span() for m in _URL_OR_EMAIL.finditer(text)]
    if not latin_tokens:
        return spans
    n = len(text)
    last = 0
    for m in _LATIN_DIGITS.finditer(text):
        s, e = m.span()
        if s < last:
            continue
        if (s and text[s - 1] in _ASCII_LETTERS) or (e < n and text[e] in _ASCII_LETTERS):
            while s > 0 and text[s - 1] in _ASCII_ALNUM:
                s -= 1
            while e < n and text[e] in _ASCII_ALNUM:
                e += 1
            spans.append((s, e))
            last = e
    return spans


def _translate(text: str, table: dict[str, str]) -> str:
    """The 1:1 character mapping (``str.replace`` per present character: fast in C)."""
    for source, target in table.items():
        if source in text:
            text = text.replace(source, target)
    return text


def _keep_verbatim(text: str, translated: str, *, latin_tokens: bool) -> str:
    """Undo the 1:1 character mapping inside URLs, e-mails and Latin tokens."""
    if translated is text:
        return text
    spans = _verbatim_spans(text, latin_tokens=latin_tokens)
    if not spans:
        return translated
    spans.sort()
    pieces: list[str] = []
    pos = 0
    for s, e in spans:
        if s < pos:  # inside a URL already kept
            s = pos
        if e <= s:
            continue
        pieces.append(translated[pos:s])
        pieces.append(text[s:e])
        pos = e
    pieces.append(translated[pos:])
    return "".join(pieces)


def _is_word_char(ch: str) -> bool:
    return bool(ch) and _WORDCHAR.match(ch) is not None


def _edits(text: str, *, remove_diacritics: bool) -> list[Edit]:
    scan, detail = _edit_patterns(remove_diacritics)
    edits: list[Edit] = []
    append = edits.append
    pos = 0
    while (found := scan.search(text, pos)) is not None:
        m = detail.match(text, found.start())
        if m is None:  # pragma: no cover - every scanned character starts a branch
            pos = found.end()
            continue
        pos = m.end()
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
        elif kind == "crlf":
            append((start, end, "\n"))
        elif kind == "hehyeh":
            append((start, end, C.HEH_HAMZA))
        elif kind == "compose":  # a madda or hamza above: compose with a preceding alef/waw
            prev = text[start - 1] if start else ""
            if prev in _COMPOSING_BASES:
                append((start - 1, end, unicodedata.normalize("NFC", prev + m.group())))
            elif remove_diacritics and m.group() == "\u0653":
                append((start, end, ""))
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
    table = _translation(digits, unify_optional_letters)
    translated = _keep_verbatim(text, _translate(text, table), latin_tokens=digits == "persian")
    new, omap = apply_edits(
        translated, _edits(translated, remove_diacritics=diacritics == "remove")
    )
    if "  " in new:  # runs of spaces, also those that the first pass left behind
        new, spaces = apply_edits(new, [(m.start(), m.end(), " ") for m in _SPACES.finditer(new)])
        omap = omap.then(spaces)
    return new, omap
