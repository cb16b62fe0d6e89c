"""Split tokens that the normalizer joined across a space, unless the space set off an affix.

Private helper of :mod:`persnews.tokenizer` (through :mod:`persnews._tiling`). The
normalizer joins ``می تواند`` and ``کتاب ها`` into one normalized word, which stays one
token; other joins (``آن چه``) are split back at the original space, as UD Persian writes
them. The loop over such tokens runs in C where ``persnews._token_scan`` was built.

>>> is_affixed(["می", "تواند"]), is_affixed(["آن", "چه"])
(True, False)
"""

from __future__ import annotations

import functools
import re
from typing import Any

import numpy

from persnews.lang import tokenization as T
from persnews.normalize import OffsetMap

try:
    from persnews import _token_scan
except ImportError:  # pragma: no cover - depends on the build
    COMPILED = False
else:
    COMPILED = True

__all__ = ["COMPILED", "is_affixed", "unjoin"]

Span = tuple[int, int]
_IntArray = numpy.ndarray[Any, numpy.dtype[numpy.int64]]

_SPACES = re.compile(r"\s+")
_ZWNJ = "\u200c"
_ZWNJ_EDGES = "\u200c "
# Decisions of :func:`is_affixed` for a normalized token with one ZWNJ where the original
# had one space (the common case of :func:`unjoin`), which depend on the token alone.
_PAIR_AFFIXED: dict[str, bool] = {}
_PAIR_CACHE_SIZE = 100_000


def unjoin(
    text: str,
    cum: _IntArray,
    spans: _IntArray,
    norm_of: list[str],
    omap: OffsetMap,
    norm: str,
    *,
    compiled: bool | None = None,
) -> tuple[_IntArray, list[str]]:
    """Split tokens that span an original space, unless the space set off an affix.

    The normalizer joins ``می تواند`` and ``کتاب ها`` (kept as one token) but may also join
    words that UD Persian keeps apart (``آن چه``); those are split at the original space.
    """
    if not len(spans):
        return spans, norm_of
    inner_ws = cum[spans[:, 1]] - cum[spans[:, 0]]
    suspect_idx = numpy.flatnonzero(inner_ws)
    if not len(suspect_idx):
        return spans, norm_of
    suspects = suspect_idx.tolist()
    starts = spans[suspect_idx, 0].tolist()
    ends = spans[suspect_idx, 1].tolist()
    counts = inner_ws[suspect_idx].tolist()
    if (COMPILED if compiled is None else compiled) and type(text) is str:
        cuts, inserted, counts_in, out_norms, done = _token_scan.unjoin_loop(
            text,
            suspects,
            starts,
            ends,
            counts,
            norm_of,
            _PAIR_AFFIXED,
            _decide_pair,
            functools.partial(_split_general, text, omap, norm),
        )
    else:
        cuts, inserted, counts_in, out_norms, done = _unjoin_loop(
            text, suspects, starts, ends, counts, norm_of, omap, norm
        )
    if not cuts:
        return spans, norm_of
    out_norms.extend(norm_of[done:])
    new_spans = numpy.asarray(inserted, dtype=numpy.int64).reshape(-1, 2)
    pieces: list[_IntArray] = []
    at = 0
    for (a, b), c in zip(cuts, counts_in, strict=True):
        pieces.append(spans[a:b])
        pieces.append(new_spans[at : at + c])
        at += c
    pieces.append(spans[done:])
    return numpy.concatenate(pieces), out_norms


def _decide_pair(norm: str) -> bool:
    """Does a normalized token with one ZWNJ (one space in the original) stay one token?"""
    if len(_PAIR_AFFIXED) >= _PAIR_CACHE_SIZE:
        _PAIR_AFFIXED.clear()
    keep = _PAIR_AFFIXED[norm] = is_affixed(norm.split(_ZWNJ))
    return keep


def _split_general(
    text: str, omap: OffsetMap, norm: str, s: int, e: int
) -> tuple[list[Span], list[str]] | None:
    """Parts (split at each whitespace run) and their norms, or ``None`` to keep the token."""
    parts: list[Span] = []
    pos = s
    for m in _SPACES.finditer(text, s, e):
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, e))
    up = omap.to_normalized
    forms = [norm[up(a) : up(b)].strip(_ZWNJ_EDGES) for a, b in parts]
    return None if is_affixed(forms) else (parts, forms)


def _unjoin_loop(
    text: str,
    suspects: list[int],
    starts: list[int],
    ends: list[int],
    counts: list[int],
    norm_of: list[str],
    omap: OffsetMap,
    norm: str,
) -> tuple[list[tuple[int, int]], list[Span], list[int], list[str], int]:
    """The loop of :func:`unjoin` in Python (the reference of the compiled one)."""
    cuts: list[tuple[int, int]] = []  # spans[a:b] kept before each split token
    inserted: list[Span] = []  # the parts of the split tokens, in order
    counts_in: list[int] = []  # how many parts each split token has
    out_norms: list[str] = []
    done = 0
    for i, s, e, count in zip(suspects, starts, ends, counts, strict=True):
        piece = text[s:e]
        nv = norm_of[i]
        k = piece.find(" ")
        parts: list[Span]
        if k > 0 and count == 1 and nv.count(_ZWNJ) == 1 and _ZWNJ not in piece:
            # One space in the original, one ZWNJ in its place in the normalized token.
            keep = _PAIR_AFFIXED.get(nv)
            if keep is None:
                keep = _decide_pair(nv)
            if keep:
                continue  # keep the joined token as it is
            parts = [(s, s + k), (s + k + 1, e)]
            forms = nv.split(_ZWNJ)
        else:
            planned = _split_general(text, omap, norm, s, e)
            if planned is None:
                continue  # keep the joined token as it is
            parts, forms = planned
        cuts.append((done, i))
        out_norms.extend(norm_of[done:i])
        done = i + 1
        kept = [(a, b, form) for (a, b), form in zip(parts, forms, strict=True) if b > a]
        inserted.extend((a, b) for a, b, _ in kept)
        counts_in.append(len(kept))
        out_norms.extend(form or text[a:b] for a, b, form in kept)
    return cuts, inserted, counts_in, out_norms, done


def is_affixed(forms: list[str]) -> bool:
    """``['می', 'تواند']`` or ``['کتاب', 'ها']``: one stem with spaced prefixes/suffixes.

    >>> is_affixed(["می", "تواند"]), is_affixed(["آن", "چه"]), is_affixed(["ای", "خدا"])
    (True, False, False)
    """
    k = 0
    while k < len(forms) - 1 and forms[k] in T.SPACED_AFFIXES_BEFORE:
        k += 1
    rest = forms[k + 1 :]
    if rest[:1] == ["ای"] and not forms[k].endswith(T.INDEFINITE_AFTER_VOWEL):
        return False  # vocative ای (ای خدا), not the indefinite suffix of خانه ای
    return (k > 0 or bool(rest)) and all(f in T.SPACED_AFFIXES_AFTER for f in rest)
