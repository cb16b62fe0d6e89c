"""Map token spans of normalized text back to the original and tile the original with them.

Private helpers of :mod:`persnews.tokenizer`. Everything that touches every token runs in
numpy or in one list comprehension; Python loops only visit the rare exceptions (tokens
that map to nothing or overlap, gaps holding deleted characters, tokens across a space).
Where the compiled loops of ``persnews._token_scan`` were built (:data:`COMPILED`), finding
the tokens and tiling run in C, with the same output. Splitting joined tokens back at the
original space lives in :mod:`persnews._unjoin` (re-exported here).

>>> assemble("الف  ب", [(0, 3), (5, 6)], None)
(['الف', ' ', 'ب'], [True, False, False], [])
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from typing import Any

import numpy

from persnews._unjoin import is_affixed, unjoin
from persnews.normalize import OffsetMap

#: True when the compiled token scan and tiling (``persnews._token_scan``, built from
#: ``_token_scan.pyx`` when a C compiler is present at install time) are in use.
try:
    from persnews import _token_scan
    from persnews.normalize import _offsets_scan
except ImportError:  # pragma: no cover - depends on the build
    COMPILED = False
else:
    COMPILED = True

__all__ = [
    "COMPILED",
    "assemble",
    "changed_norms",
    "changed_positions",
    "is_affixed",
    "map_spans",
    "split_spans",
    "text_arrays",
    "tile",
    "to_original_spans",
    "token_spans",
    "unjoin",
]

Span = tuple[int, int]
_IntArray = numpy.ndarray[Any, numpy.dtype[numpy.int64]]
_CodeArray = numpy.ndarray[Any, numpy.dtype[numpy.uint32]]

_GAP = re.compile(r"(\S*)(.*?)(\S*)", re.S)
_TABLE_SIZE = 0x3100  # every whitespace code point is below this
_IS_WHITESPACE = numpy.array([chr(c).isspace() for c in range(_TABLE_SIZE)] + [False])


def text_arrays(text: str) -> tuple[_CodeArray, _IntArray]:
    """The code points of ``text`` and ``cum``: ``cum[j]`` whitespace characters in ``text[:j]``.

    >>> text_arrays("a b")[1].tolist()
    [0, 0, 1, 1]
    """
    codes = numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32)
    cum = numpy.zeros(len(text) + 1, dtype=numpy.int64)
    numpy.cumsum(_IS_WHITESPACE[numpy.minimum(codes, _TABLE_SIZE)], out=cum[1:])
    return codes, cum


def _pass_arrays(p: Any) -> tuple[_IntArray, _IntArray, _IntArray, _IntArray, Any]:
    def ints(values: tuple[int, ...]) -> _IntArray:
        return numpy.fromiter(values, dtype=numpy.int64, count=len(values))

    copied = numpy.fromiter(p.copied, dtype=bool, count=len(p.copied))
    return ints(p.norm_starts), ints(p.norm_ends), ints(p.orig_starts), ints(p.orig_ends), copied


def _pairs(starts: _IntArray, ends: _IntArray) -> _IntArray:
    """``numpy.stack([starts, ends], axis=1)`` without its per-call overhead."""
    out = numpy.empty((len(starts), 2), dtype=numpy.int64)
    out[:, 0] = starts
    out[:, 1] = ends
    return out


def split_spans(splitter: re.Pattern[str], norm: str) -> tuple[_IntArray, list[str]]:
    """Token spans and token strings of ``norm``.

    ``splitter`` is the token pattern wrapped in one capturing group: ``splitter.split``
    alternates gaps and tokens, so the spans follow from the piece lengths without a
    match object per token.
    """
    pieces = splitter.split(norm)
    lengths = numpy.fromiter(map(len, pieces), dtype=numpy.int64, count=len(pieces))
    bounds = numpy.cumsum(lengths)
    ends = bounds[1::2]
    starts = ends - lengths[1::2]
    return _pairs(starts, ends), pieces[1::2]


@functools.lru_cache(maxsize=8)
def _capturing(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(f"({pattern.pattern})", pattern.flags)


def token_spans(
    pattern: re.Pattern[str], norm: str, *, compiled: bool | None = None
) -> tuple[_IntArray, list[str]]:
    """Token spans (an ``n × 2`` array) and token strings of ``norm``.

    ``pattern`` is the token pattern of :func:`persnews.tokenizer.token_pattern`: its
    first branch must be the run of Arabic-script letters that the compiled scan finds
    itself (``compiled=False`` uses :func:`split_spans`, the reference).

    >>> from persnews.tokenizer import token_pattern
    >>> spans, pieces = token_spans(token_pattern(), "نرخ ۳.۵ شد.")
    >>> spans.tolist(), pieces
    ([[0, 3], [4, 7], [8, 10], [10, 11]], ['نرخ', '۳.۵', 'شد', '.'])
    """
    if (COMPILED if compiled is None else compiled) and type(norm) is str:
        spans, pieces = _token_scan.scan_tokens(pattern, norm)
        return spans, pieces
    return split_spans(_capturing(pattern), norm)


def to_original_spans(
    omap: OffsetMap, matches: _IntArray, *, compiled: bool | None = None
) -> _IntArray:
    """``omap.to_original_span`` of every span, vectorized over the map's passes.

    Falls back to one call per span if the map's internals are not the expected ones.
    """
    if not len(matches):
        return matches.copy()
    if COMPILED if compiled is None else compiled:
        spans: _IntArray = _offsets_scan.original_spans(
            omap.passes, numpy.ascontiguousarray(matches, dtype=numpy.int64)
        )
        return spans
    try:
        # Token spans of the normalized text lie within it: no clipping needed.
        st = matches[:, 0]
        en = matches[:, 1]
        for p in reversed(omap.passes):
            ns, ne, os_, oe, cp = _pass_arrays(p)
            k = numpy.maximum(numpy.searchsorted(ns, st, side="right") - 1, 0)
            copied_pos = numpy.minimum(os_[k] + (st - ns[k]), oe[k])
            new_st = numpy.where(cp[k], copied_pos, numpy.where(st >= ne[k], oe[k], os_[k]))
            k = numpy.maximum(numpy.searchsorted(ns, en - 1, side="right") - 1, 0)
            copied_end = numpy.minimum(os_[k] + (en - ns[k]), oe[k])
            new_en = numpy.where(en <= 0, 0, numpy.where(cp[k], copied_end, oe[k]))
            st, en = new_st, new_en
        en = numpy.where(matches[:, 1] <= matches[:, 0], st, numpy.maximum(st, en))
        return _pairs(st, en)
    except (AttributeError, TypeError, ValueError):  # pragma: no cover - map internals changed
        pairs = [omap.to_original_span(s, e) for s, e in matches.tolist()]
        return numpy.asarray(pairs, dtype=numpy.int64).reshape(-1, 2)


def map_spans(
    matches: _IntArray, originals: _IntArray, pieces: list[str]
) -> tuple[_IntArray, list[str]]:
    """Pair original spans with the normalized tokens, merging empty or overlapping ones."""
    if len(originals):
        prev_end = numpy.maximum.accumulate(originals[:, 1])
        if bool(numpy.all(originals[:, 1] > originals[:, 0])) and bool(
            numpy.all(originals[1:, 0] >= prev_end[:-1])
        ):
            return originals, pieces
    spans: list[Span] = []
    norms: list[str] = []
    pending = ""  # normalized text of tokens whose original span was empty
    for piece, (os_, oe) in zip(pieces, originals.tolist(), strict=True):
        if oe <= os_:
            if norms:
                norms[-1] += piece
            else:
                pending += piece
            continue
        if spans and os_ < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(oe, spans[-1][1]))
            norms[-1] += piece
            continue
        spans.append((os_, oe))
        norms.append(pending + piece)
        pending = ""
    return numpy.asarray(spans, dtype=numpy.int64).reshape(-1, 2), norms


def _absorb_gaps(text: str, starts: list[int], ends: list[int], gaps: list[int]) -> None:
    """Move non-whitespace gap characters (deleted by the normalizer) into tokens.

    Gap ``i`` lies before token ``i`` (gap ``n`` after the last token). Such characters
    join the token before them when they follow it directly, else the token after them.
    """
    n = len(starts)
    for i in gaps:
        prev_end = ends[i - 1] if i > 0 else 0
        start = starts[i] if i < n else len(text)
        m = _GAP.fullmatch(text, prev_end, start)
        gap = text[prev_end:start]
        lead, mid, trail = m.groups() if m else (gap, "", "")
        if i > 0:
            ends[i - 1] += len(lead)
        elif not mid:
            starts[i] -= len(lead)
        if trail and i < n:
            starts[i] -= len(trail)


def tile(
    text: str,
    spans: _IntArray | list[Span],
    arrays: tuple[_CodeArray, _IntArray] | None = None,
    *,
    compiled: bool | None = None,
) -> tuple[list[str], list[bool], list[int]]:
    """Tile ``text`` with the token ``spans``; gaps become spaces or whitespace tokens.

    Returns the words, their trailing-space flags and the word index of every span.
    ``arrays`` (from :func:`text_arrays`) saves recomputing them; ``compiled=False``
    forces the Python code (the reference of the compiled tiling).

    >>> tile("الف  ب", [(0, 3), (5, 6)])
    (['الف', ' ', 'ب'], [True, False, False], [0, 2])
    """
    arr = numpy.asarray(spans, dtype=numpy.int64).reshape(-1, 2)
    if (COMPILED if compiled is None else compiled) and type(text) is str:
        tiles = _token_scan.tile_spans(text, numpy.ascontiguousarray(arr))
        if tiles is not None:
            return tiles
    if not len(arr):
        return ([text], [False], []) if text else ([], [], [])
    codes, cum = text_arrays(text) if arrays is None else arrays
    n = len(arr)
    size = len(text)
    starts, ends = arr[:, 0], arr[:, 1]
    gap_s = numpy.concatenate(([0], ends))
    gap_e = numpy.concatenate((starts, [size]))
    odd = numpy.flatnonzero((gap_e - gap_s) != (cum[gap_e] - cum[gap_s])).tolist()
    if odd:
        s_list, e_list = starts.tolist(), ends.tolist()
        _absorb_gaps(text, s_list, e_list, odd)
        starts = numpy.asarray(s_list, dtype=numpy.int64)
        ends = numpy.asarray(e_list, dtype=numpy.int64)
    nxt = numpy.concatenate((starts[1:], [size]))
    codes_after = (nxt > ends) & (codes[numpy.minimum(ends, size - 1)] == 32)
    ws_start = ends + codes_after
    has_ws = nxt > ws_start
    lead = int(starts[0]) > 0
    if not has_ws.any():
        # Common case: every gap is empty or one space; words are the tokens themselves.
        s_list, e_list = starts.tolist(), ends.tolist()
        words = [text[a:b] for a, b in zip(s_list, e_list, strict=True)]
        spaces: list[bool] = codes_after.tolist()
        token_pos = list(range(lead, n + lead))
    else:
        # Interleave token i and the whitespace piece after it; drop missing pieces.
        piece_s = numpy.empty(2 * n, dtype=numpy.int64)
        piece_e = numpy.empty(2 * n, dtype=numpy.int64)
        piece_sp = numpy.zeros(2 * n, dtype=bool)
        keep = numpy.ones(2 * n, dtype=bool)
        piece_s[0::2], piece_e[0::2], piece_sp[0::2] = starts, ends, codes_after
        piece_s[1::2], piece_e[1::2] = ws_start, nxt
        keep[1::2] = has_ws
        position = numpy.cumsum(keep) - 1
        words = [
            text[a:b] for a, b in zip(piece_s[keep].tolist(), piece_e[keep].tolist(), strict=True)
        ]
        spaces = piece_sp[keep].tolist()
        token_pos = (position[0::2] + lead).tolist()
    if lead:
        words.insert(0, text[: int(starts[0])])
        spaces.insert(0, False)
    return words, spaces, token_pos


def assemble(
    text: str,
    spans: _IntArray | list[Span],
    norm_of: list[str] | None,
    arrays: tuple[_CodeArray, _IntArray] | None = None,
) -> tuple[list[str], list[bool], list[tuple[int, str]]]:
    """:func:`tile`, with ``(word index, norm)`` for the tokens whose norm differs from their text.

    >>> assemble("كه  ب", [(0, 2), (4, 5)], ["که", "ب"])
    (['كه', ' ', 'ب'], [True, False, False], [(0, 'که')])
    """
    words, spaces, token_pos = tile(text, spans, arrays)
    return words, spaces, changed_norms(words, token_pos, norm_of)


def changed_positions(
    words: list[str], token_pos: list[int], norm_of: list[str], *, compiled: bool | None = None
) -> tuple[list[int], list[str]]:
    """Word indexes and norms (as given) of the tokens whose norm differs from their text.

    >>> changed_positions(["كه", " ", "ب"], [0, 2], ["که", "ب"])
    ([0], ['که'])
    """
    if COMPILED if compiled is None else compiled:
        positions, norms = _token_scan.changed_norms(words, token_pos, norm_of)
        return positions, norms
    token_words = list(map(words.__getitem__, token_pos))
    differs = list(map(operator.ne, norm_of, token_words))
    idx = list(itertools.compress(range(len(differs)), differs))
    return list(map(token_pos.__getitem__, idx)), list(map(norm_of.__getitem__, idx))


def changed_norms(
    words: list[str], token_pos: list[int], norm_of: list[str] | None
) -> list[tuple[int, str]]:
    """``(word index, lower-cased norm)`` of every token whose norm differs from its text."""
    if norm_of is None:
        return []
    positions, norms = changed_positions(words, token_pos, norm_of)
    return [(pos, norm.lower()) for pos, norm in zip(positions, norms, strict=True)]
