"""Outlet names inside attribution phrases: where a name starts and ends in raw text.

:mod:`persnews.extract.attributions` finds the formulas (``به گزارش …``, datelines); this
module folds the text one character for one (so offsets never move) and resolves the outlet
inside a phrase: a known name (``ایسنا``, ``خبرگزاری رویترز``), a head noun with its name
(``روزنامه …``), or the outlet after a reporter prefix (``خبرنگار اقتصادی خبرگزاری تسنیم``).

>>> phrase = "خبرنگار اقتصادی خبرگزاری تسنیم"
>>> start, end = resolve_outlet(fold(phrase), 0, len(phrase), strict=True)
>>> phrase[start:end]
'خبرگزاری تسنیم'
"""

from __future__ import annotations

import re

from persnews.lang.outlets import NEWS_AGENCIES, OTHER_OUTLETS, OUTLET_HEADS, REPORTER_PREFIXES

__all__ = [
    "WORD_PUNCT",
    "fold",
    "head_noun_at",
    "known_name_at",
    "norm_words",
    "resolve_outlet",
    "words_in",
]

# --- folding (one character for one, so offsets never move) ---------------------------------

_FOLD_MAP = {
    "\u064a": "ی",
    "\u0649": "ی",
    "\u0643": "ک",
    "\u0629": "ه",
    "\u06c0": "ه",
    "\u0623": "ا",
    "\u0625": "ا",
    "\u200c": " ",
    "\u200d": " ",
    "\xa0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u200f": " ",
    "\u200e": " ",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
}
_FOLD_MAP.update({chr(0x06F0 + i): str(i) for i in range(10)})
_FOLD_MAP.update({chr(0x0660 + i): str(i) for i in range(10)})
_FOLD_PAIRS = tuple(_FOLD_MAP.items())


def fold(text: str) -> str:
    """Arabic letter variants, ZWNJ and odd spaces, curly quotes and digits folded one for one.

    >>> fold("خبرگزاري ايسنا") == "خبرگزاری ایسنا"
    True
    """
    # A chain of str.replace is much faster than str.translate on non-ASCII text.
    for old, new in _FOLD_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text


def norm_words(text: str) -> str:
    """Words separated by single spaces (for comparing names)."""
    return " ".join(text.split())


_KNOWN: frozenset[str] = frozenset(norm_words(n) for n in NEWS_AGENCIES | OTHER_OUTLETS)
_KNOWN_MAX_WORDS = max(len(n.split()) for n in _KNOWN)
_HEADS: tuple[tuple[str, ...], ...] = tuple(
    sorted((tuple(h.split()) for h in OUTLET_HEADS), key=len, reverse=True)
)
_EDGE_CHARS = " \t\"'«»()[]-–—_*.:،,؛;"
#: Punctuation stripped from both ends of a word before it is compared with a name.
WORD_PUNCT = "\"'«»()[]،,.:؛;!?؟"


_CUT_RE = re.compile(r"\s(?:که|و\s+به|[-–—])(?=\s|$)|\s*[،,]")


def _trim(folded: str, start: int, end: int) -> tuple[int, int]:
    m = _CUT_RE.search(folded, start, end)
    if m:
        end = m.start()
    while start < end and folded[start] in _EDGE_CHARS:
        start += 1
    while end > start and folded[end - 1] in _EDGE_CHARS:
        end -= 1
    # Keep a balanced parenthesis at the end: خبرگزاری دانشجویان ایران(ایسنا)
    inner = folded[start:end]
    nxt = folded[end] if end < len(folded) else ""
    closes = (
        (nxt == ")" and "(" in inner)
        or (nxt == "»" and inner.count("«") > inner.count("»"))
        or (nxt == '"' and inner.count('"') % 2 == 1)
    )
    return start, end + 1 if closes else end


def words_in(folded: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``(start, end, word without edge punctuation)`` of the words of ``folded[start:end]``."""
    out = []
    for m in re.finditer(r"\S+", folded[start:end]):
        w = m.group().strip(WORD_PUNCT)
        out.append((start + m.start(), start + m.end(), w))
    return out


def known_name_at(words: list[tuple[int, int, str]], i: int) -> int:
    """Number of words of the longest known outlet name starting at word ``i`` (0 if none)."""
    for n in range(min(_KNOWN_MAX_WORDS, len(words) - i), 0, -1):
        if " ".join(w[2] for w in words[i : i + n]) in _KNOWN:
            return n
    return 0


def head_noun_at(words: list[tuple[int, int, str]], i: int) -> int:
    """Number of words of the outlet head noun (``روزنامه``) starting at word ``i`` (0: none)."""
    for head in _HEADS:
        n = len(head)
        if tuple(w[2] for w in words[i : i + n]) == head:
            return n
    return 0


def _with_paren(folded: str, end: int) -> int:
    m = re.match(r"\s*\([^()\n]{1,30}\)", folded[end : end + 40])
    return end + m.end() if m else end


def resolve_outlet(folded: str, start: int, end: int, *, strict: bool) -> tuple[int, int] | None:
    """The outlet inside ``[start, end)``; ``strict`` demands a known name or head noun."""
    start, end = _trim(folded, start, end)
    words = words_in(folded, start, end)
    if not words or len(words) > 12:
        return None
    if words[0][2] in REPORTER_PREFIXES:
        for i in range(len(words) - 1, 0, -1):
            if words[i][2] == "خبرگزاری":
                return words[i][0], end
        for i in range(len(words) - 1, 0, -1):
            if head_noun_at(words, i):
                return words[i][0], end
        for i in range(len(words) - 1, 0, -1):
            n = known_name_at(words, i)
            if n:
                return words[i][0], _with_paren(folded, words[i + n - 1][1])
        if strict or len(words) < 2 or words[1][2] == "ما":
            return None
        return words[-1][0], words[-1][1]
    n = known_name_at(words, 0)
    if n:
        return start, _with_paren(folded, words[n - 1][1])
    head = head_noun_at(words, 0)
    if head:
        n = known_name_at(words, head) if head < len(words) else 0
        if n:
            return start, _with_paren(folded, words[head + n - 1][1])
        return (start, end) if len(words) <= 8 and len(words) > head else None
    if strict or len(words) > 5:
        return None
    return start, end
