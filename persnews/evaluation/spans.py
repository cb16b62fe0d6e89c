"""Character spans of gold annotations, their overlap, and precision/recall/F1.

>>> dice((0, 10), (5, 10))
0.6666666666666666
>>> prf(8, 10, 16)
(0.8, 0.5, 0.6153846153846154)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from persnews.errors import InputFormatError

__all__ = ["dice", "prf", "resolve_span", "trim_span"]

#: Characters :func:`trim_span` removes at span edges: whitespace, punctuation, quote marks.
_EDGE = set(" \t\n\u00a0\u200c\u200f\u200e.،,:;؛!?؟«»\"'“”()[]-–—…/")


def resolve_span(text: str, span: Mapping[str, Any] | None) -> tuple[int, int] | None:
    """Character ``(start, end)`` of a gold span (``start``/``end`` or ``text``+``occ``).

    >>> resolve_span("a b a", {"text": "a", "occ": 2})
    (4, 5)
    """
    if not span:
        return None
    if "start" in span and "end" in span:
        return int(span["start"]), int(span["end"])
    needle = span.get("text")
    if not needle:
        return None
    pos = -1
    for _ in range(int(span.get("occ", 1))):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            raise InputFormatError(f"gold span {needle!r} (occ {span.get('occ')}) not in text")
    return pos, pos + len(needle)


def trim_span(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Shrink a span past whitespace, punctuation and quotation marks at its edges.

    >>> trim_span("«سلام.»", (0, 7))
    (1, 5)
    """
    s, e = span
    while s < e and text[s] in _EDGE:
        s += 1
    while e > s and text[e - 1] in _EDGE:
        e -= 1
    return s, e


def dice(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Dice overlap of two character spans."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    total = (a[1] - a[0]) + (b[1] - b[0])
    return 2 * inter / total if total else 0.0


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0 when undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
