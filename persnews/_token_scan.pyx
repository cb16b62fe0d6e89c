# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled forms of two per-token loops of the tokenizer (:mod:`persnews._tiling`).

* :func:`scan_tokens` finds the tokens of normalized text.  A run of Arabic-script
  letters followed by whitespace or punctuation (most tokens of Persian prose) is found
  in C; at any other position the token pattern itself is matched there, so the tokens
  are those of ``pattern.finditer`` (the pattern must start with the letter-run branch).
* :func:`tile_spans` tiles the original text with the token spans, as
  :func:`persnews._tiling.tile` does when no gap between tokens holds anything but
  whitespace; it returns ``None`` otherwise and the Python function handles the text.

``tests/test_token_scan.py`` checks both against the Python code on every input.
"""

import numpy

from libc.stdlib cimport free, malloc, realloc


cdef extern from "Python.h":
    bint Py_UNICODE_ISSPACE(Py_UCS4 ch)
    bint Py_UNICODE_ISALNUM(Py_UCS4 ch)


cdef inline bint _run_letter(Py_UCS4 c) noexcept:
    # The class of the first branch of persnews.tokenizer.token_pattern().
    return (
        (0x0621 <= c <= 0x063A)
        or (0x0641 <= c <= 0x065F)
        or (0x0670 <= c <= 0x06D3)
        or c == 0x200C
    )


cdef inline bint _word_char(Py_UCS4 c) noexcept:
    # ``\w`` of Python's re module for str patterns.
    return Py_UNICODE_ISALNUM(c) or c == 0x5F


def scan_tokens(pattern, str text):
    """The ``(start, end)`` spans (an ``n × 2`` int64 array) and strings of the tokens.

    ``pattern`` is the tokenizer's token pattern; whitespace is never part of a token and
    every other character starts one.
    """
    cdef Py_ssize_t n = len(text)
    cdef Py_ssize_t cap = n // 4 + 16
    cdef Py_ssize_t count = 0, i = 0, j, k
    cdef Py_UCS4 c
    cdef Py_ssize_t* bounds = <Py_ssize_t*>malloc(2 * cap * sizeof(Py_ssize_t))
    cdef Py_ssize_t* grown
    cdef long long[:, ::1] out
    cdef list pieces = []
    match = pattern.match
    if bounds is NULL:
        raise MemoryError()
    try:
        while i < n:
            c = text[i]
            if Py_UNICODE_ISSPACE(c):
                i += 1
                continue
            j = -1
            if _run_letter(c):
                j = i + 1
                while j < n and _run_letter(text[j]):
                    j += 1
                if j < n and (text[j] == u"." or _word_char(text[j])):
                    j = -1
            if j < 0:
                m = match(text, i)
                j = m.end() if m is not None else i + 1
                if j <= i:
                    j = i + 1
            if count == cap:
                cap *= 2
                grown = <Py_ssize_t*>realloc(bounds, 2 * cap * sizeof(Py_ssize_t))
                if grown is NULL:
                    raise MemoryError()
                bounds = grown
            bounds[2 * count] = i
            bounds[2 * count + 1] = j
            pieces.append(text[i:j])
            count += 1
            i = j
        spans = numpy.empty((count, 2), dtype=numpy.int64)
        out = spans
        for k in range(count):
            out[k, 0] = bounds[2 * k]
            out[k, 1] = bounds[2 * k + 1]
        return spans, pieces
    finally:
        free(bounds)


def tile_spans(str text, long long[:, ::1] spans):
    """``(words, spaces, token_pos)`` of :func:`persnews._tiling.tile`, or ``None``.

    ``None`` when a gap between tokens (or before the first, after the last) holds a
    character that is not whitespace: the Python function moves such characters into
    the tokens.  Spans must be sorted, non-overlapping and non-empty.
    """
    cdef Py_ssize_t n = spans.shape[0]
    cdef Py_ssize_t size = len(text)
    cdef Py_ssize_t i, k, s, e, nxt, ws_start, prev_end = 0
    cdef bint space
    cdef list words = [], spaces = [], token_pos = []
    # Gaps must be whitespace only.
    for i in range(n + 1):
        s = spans[i, 0] if i < n else size
        for k in range(prev_end, s):
            if not Py_UNICODE_ISSPACE(text[k]):
                return None
        if i < n:
            prev_end = spans[i, 1]
    if n == 0:
        return ([text], [False], []) if size else ([], [], [])
    if spans[0, 0] > 0:
        words.append(text[: spans[0, 0]])
        spaces.append(False)
    for i in range(n):
        s = spans[i, 0]
        e = spans[i, 1]
        nxt = spans[i + 1, 0] if i + 1 < n else size
        token_pos.append(len(words))
        words.append(text[s:e])
        space = nxt > e and text[e] == u" "
        spaces.append(space)
        ws_start = e + 1 if space else e
        if nxt > ws_start:
            words.append(text[ws_start:nxt])
            spaces.append(False)
    return words, spaces, token_pos


def changed_norms(list words, list token_pos, list norm_of):
    """Word indexes and norms of the tokens whose norm differs from their text.

    ``token_pos[i]`` is the word index of token ``i``; ``norm_of[i]`` its norm.
    """
    cdef Py_ssize_t i, n = len(token_pos)
    cdef list positions = [], norms = []
    cdef object pos
    cdef str norm
    if len(norm_of) != n:
        raise ValueError(f"{len(norm_of)} norms for {n} tokens")
    for i in range(n):
        pos = token_pos[i]
        norm = norm_of[i]
        if norm != words[pos]:
            positions.append(pos)
            norms.append(norm)
    return positions, norms


def unjoin_loop(
    str text,
    list suspects,
    list starts,
    list ends,
    list counts,
    list norm_of,
    dict pair_cache,
    decide_pair,
    split_general,
):
    """The loop of :func:`persnews._tiling.unjoin` over the tokens that span whitespace.

    ``pair_cache`` maps a normalized token with one ZWNJ (where the original had one
    space) to whether it stays one token; ``decide_pair(norm)`` decides (and caches) a
    token missing from it; ``split_general(start, end)`` returns ``None`` (keep the token)
    or the ``(parts, forms)`` of any other token.  Returns ``(cuts, inserted, counts_in,
    out_norms, done)`` as the Python loop builds them.
    """
    cdef Py_ssize_t j, n = len(suspects), s, e, k, i
    cdef list cuts = [], inserted = [], counts_in = [], out_norms = []
    cdef list parts, forms, kept_forms
    cdef Py_ssize_t done = 0, a, b
    cdef str piece, nv, form
    cdef object keep
    for j in range(n):
        i = suspects[j]
        s = starts[j]
        e = ends[j]
        piece = text[s:e]
        nv = norm_of[i]
        k = piece.find(u" ")
        if k > 0 and counts[j] == 1 and nv.count(u"\u200c") == 1 and u"\u200c" not in piece:
            keep = pair_cache.get(nv)
            if keep is None:
                keep = decide_pair(nv)
            if keep:
                continue
            parts = [(s, s + k), (s + k + 1, e)]
            forms = nv.split(u"\u200c")
        else:
            planned = split_general(s, e)
            if planned is None:
                continue
            parts, forms = planned
        cuts.append((done, i))
        out_norms.extend(norm_of[done:i])
        done = i + 1
        kept = 0
        for (a, b), form in zip(parts, forms):
            if b > a:
                inserted.append((a, b))
                out_norms.append(form or text[a:b])
                kept += 1
        counts_in.append(kept)
    return cuts, inserted, counts_in, out_norms, done
