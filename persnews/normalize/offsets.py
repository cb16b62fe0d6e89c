"""Offset maps between an original string and an edited (normalized) copy of it.

An edit replaces ``original[start:end]`` by a new string. Outside edits the two
texts are aligned character by character, so each editing pass is stored sparsely
as one segment per edit plus the copied stretches between edits. Look-ups are
binary searches, and memory grows with the number of edits, not with the text.
Several passes chain into one :class:`OffsetMap`.  :func:`apply_edits` runs in C where the
optional ``_offsets_scan`` extension was built (:data:`COMPILED`), with the same output.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

#: True when the compiled edit loop (``_offsets_scan``, built from ``_offsets_scan.pyx`` when a
#: C compiler is present at install time) is in use.
try:
    from persnews.normalize import _offsets_scan
except ImportError:  # pragma: no cover - depends on the build
    COMPILED = False
else:
    COMPILED = True

__all__ = ["COMPILED", "Edit", "OffsetMap", "apply_edits"]

#: ``(start, end, replacement)``: replace ``text[start:end]`` by ``replacement``.
Edit = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class _Pass:
    """One editing pass: segments that are either verbatim copies or replacements."""

    norm_starts: tuple[int, ...]
    norm_ends: tuple[int, ...]
    orig_starts: tuple[int, ...]
    orig_ends: tuple[int, ...]
    copied: tuple[bool, ...]

    def down_start(self, i: int) -> int:
        k = max(bisect_right(self.norm_starts, i) - 1, 0)
        if self.copied[k]:
            return min(self.orig_starts[k] + (i - self.norm_starts[k]), self.orig_ends[k])
        return self.orig_ends[k] if i >= self.norm_ends[k] else self.orig_starts[k]

    def down_end(self, j: int) -> int:
        if j <= 0:
            return 0
        k = max(bisect_right(self.norm_starts, j - 1) - 1, 0)
        if self.copied[k]:
            return min(self.orig_starts[k] + (j - self.norm_starts[k]), self.orig_ends[k])
        return self.orig_ends[k]

    def up(self, j: int) -> int:
        k = max(bisect_right(self.orig_starts, j) - 1, 0)
        if self.copied[k]:
            return min(self.norm_starts[k] + (j - self.orig_starts[k]), self.norm_ends[k])
        return self.norm_ends[k] if j >= self.orig_ends[k] else self.norm_starts[k]


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps positions of a normalized text to the original text and back.

    >>> text, omap = apply_edits("ab-cd", [(2, 3, "")])
    >>> text, omap.to_original(2), omap.to_normalized(3)
    ('abcd', 3, 2)
    >>> omap.to_original_span(1, 3)
    (1, 4)
    """

    passes: tuple[_Pass, ...]
    orig_length: int
    norm_length: int

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a text to an unchanged copy of itself."""
        return cls((), length, length)

    @property
    def is_identity(self) -> bool:
        """True when no pass changed anything."""
        return not self.passes

    def then(self, later: OffsetMap) -> OffsetMap:
        """Chain ``self`` (original -> middle) with ``later`` (middle -> final)."""
        if later.orig_length != self.norm_length:
            raise ValueError(
                f"cannot chain offset maps: the first ends at length {self.norm_length}, "
                f"the second starts at length {later.orig_length}"
            )
        return OffsetMap(self.passes + later.passes, self.orig_length, later.norm_length)

    def to_original(self, i: int) -> int:
        """The original position of normalized position ``i`` (clamped to the text)."""
        pos = min(max(i, 0), self.norm_length)
        for p in reversed(self.passes):
            pos = p.down_start(pos)
        return pos

    def to_original_end(self, j: int) -> int:
        """The original end of a span that ends at normalized position ``j``."""
        pos = min(max(j, 0), self.norm_length)
        for p in reversed(self.passes):
            pos = p.down_end(pos)
        return pos

    def to_original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original ``(start, end)`` covering the normalized span ``[start, end)``."""
        o_start = self.to_original(start)
        if end <= start:
            return o_start, o_start
        return o_start, max(o_start, self.to_original_end(end))

    def to_normalized(self, j: int) -> int:
        """The normalized position of original position ``j`` (clamped to the text)."""
        pos = min(max(j, 0), self.orig_length)
        for p in self.passes:
            pos = p.up(pos)
        return pos


def apply_edits(
    text: str, edits: Iterable[Edit], *, compiled: bool | None = None
) -> tuple[str, OffsetMap]:
    """Apply sorted, non-overlapping edits to ``text``; return the new text and its map.

    ``compiled=False`` forces the Python loop (the reference of the compiled one).

    >>> new, omap = apply_edits("میتواند", [(2, 2, "\\u200c")])
    >>> new == "می\\u200cتواند", omap.to_original(3)
    (True, 2)
    """
    if (COMPILED if compiled is None else compiled) and type(text) is str:
        edits = edits if isinstance(edits, list) else list(edits)
        result = _offsets_scan.apply_edits(text, edits)
        if result is not None:
            new_text, segments = result
            if segments is None:
                return text, OffsetMap.identity(len(text))
            return new_text, OffsetMap((_Pass(*segments),), len(text), len(new_text))
        # Invalid edits: the Python loop below raises the error that names them.
    return _apply_edits_python(text, edits)


def _apply_edits_python(text: str, edits: Iterable[Edit]) -> tuple[str, OffsetMap]:
    pieces: list[str] = []
    norm_starts: list[int] = []
    norm_ends: list[int] = []
    orig_starts: list[int] = []
    orig_ends: list[int] = []
    copied: list[bool] = []
    pos = 0
    npos = 0

    def add(o_start: int, o_end: int, piece: str, is_copy: bool) -> None:
        nonlocal npos
        if is_copy and copied and copied[-1]:
            orig_ends[-1] = o_end
            norm_ends[-1] = npos + len(piece)
        else:
            norm_starts.append(npos)
            norm_ends.append(npos + len(piece))
            orig_starts.append(o_start)
            orig_ends.append(o_end)
            copied.append(is_copy)
        pieces.append(piece)
        npos += len(piece)

    changed = False
    for start, end, replacement in edits:
        if start < pos or end < start or end > len(text):
            raise ValueError(
                f"edit ({start}, {end}) overlaps an earlier edit or lies outside the text "
                f"of length {len(text)}"
            )
        if start > pos:
            add(pos, start, text[pos:start], True)
        if replacement == text[start:end]:
            add(start, end, replacement, True)
        else:
            changed = True
            add(start, end, replacement, False)
        pos = end
    if not changed:
        return text, OffsetMap.identity(len(text))
    if pos < len(text):
        add(pos, len(text), text[pos:], True)
    new_text = "".join(pieces)
    step = _Pass(
        tuple(norm_starts), tuple(norm_ends), tuple(orig_starts), tuple(orig_ends), tuple(copied)
    )
    return new_text, OffsetMap((step,), len(text), len(new_text))
