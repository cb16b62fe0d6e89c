# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled forms of the per-edit and per-span loops of :mod:`persnews.normalize.offsets`.

* :func:`apply_edits` applies sorted edits and returns the new text with the segment
  tuples of one offset-map pass, as ``offsets.apply_edits`` builds them;
* :func:`original_spans` maps token spans of the normalized text down through the passes
  of an offset map, as ``persnews._tiling.to_original_spans`` does with numpy.

``tests/test_offsets_scan.py`` checks both against the Python code.
"""

import numpy

from libc.stdlib cimport free, malloc


cdef class _Segments:
    """The segment lists of one pass, built in order (copies next to copies merge)."""

    cdef list norm_starts, norm_ends, orig_starts, orig_ends, copied
    cdef bint last_copied

    def __cinit__(self):
        self.norm_starts = []
        self.norm_ends = []
        self.orig_starts = []
        self.orig_ends = []
        self.copied = []
        self.last_copied = False

    cdef void add(self, Py_ssize_t npos, Py_ssize_t o_start, Py_ssize_t o_end,
                  Py_ssize_t length, bint is_copy) except *:
        # Explicit last index: with wraparound off, ``lst[-1]`` would not wrap.
        cdef Py_ssize_t last = len(self.copied) - 1
        if is_copy and self.last_copied:
            self.orig_ends[last] = o_end
            self.norm_ends[last] = npos + length
            return
        self.norm_starts.append(npos)
        self.norm_ends.append(npos + length)
        self.orig_starts.append(o_start)
        self.orig_ends.append(o_end)
        self.copied.append(is_copy)
        self.last_copied = is_copy

    cdef tuple as_tuples(self):
        return (
            tuple(self.norm_starts),
            tuple(self.norm_ends),
            tuple(self.orig_starts),
            tuple(self.orig_ends),
            tuple(self.copied),
        )


def apply_edits(str text, edits):
    """``(new_text, segments)`` or ``None`` when the edits are not sorted and disjoint.

    ``segments`` is ``None`` when no edit changed anything, else the tuple
    ``(norm_starts, norm_ends, orig_starts, orig_ends, copied)`` of one pass.  On ``None``
    the caller runs the Python code, which raises the error naming the bad edit.
    """
    cdef Py_ssize_t size = len(text)
    cdef Py_ssize_t pos = 0, npos = 0, start, end, length
    cdef bint changed = False, same
    cdef list pieces = []
    cdef _Segments segments = _Segments()
    cdef str replacement
    for edit in edits:
        start, end, replacement = edit
        if start < pos or end < start or end > size:
            return None
        if start > pos:
            segments.add(npos, pos, start, start - pos, True)
            pieces.append(text[pos:start])
            npos += start - pos
        length = len(replacement)
        same = length == end - start and text[start:end] == replacement
        changed = changed or not same
        segments.add(npos, start, end, length, same)
        pieces.append(replacement)
        npos += length
        pos = end
    if not changed:
        return text, None
    if pos < size:
        segments.add(npos, pos, size, size - pos, True)
        pieces.append(text[pos:])
    return "".join(pieces), segments.as_tuples()


cdef inline Py_ssize_t _segment(const Py_ssize_t* starts, Py_ssize_t n, Py_ssize_t x) noexcept:
    """The last segment starting at or before ``x`` (0 if none): bisect_right - 1."""
    cdef Py_ssize_t lo = 0, hi = n, mid
    while lo < hi:
        mid = (lo + hi) >> 1
        if x < starts[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo - 1 if lo > 0 else 0


def original_spans(passes, long long[:, ::1] matches):
    """The original ``(start, end)`` of every normalized span, through ``passes`` in reverse.

    ``passes`` are the ``_Pass`` objects of an offset map (segment tuples); the result is
    an ``n × 2`` int64 array, as ``persnews._tiling.to_original_spans`` computes it.
    """
    cdef Py_ssize_t n = matches.shape[0]
    cdef Py_ssize_t i, k, m, st, en
    cdef Py_ssize_t* ns
    cdef Py_ssize_t* ne
    cdef Py_ssize_t* os_
    cdef Py_ssize_t* oe
    cdef char* cp
    out = numpy.array(matches, dtype=numpy.int64)
    cdef long long[:, ::1] res = out
    for p in reversed(passes):
        m = len(p.norm_starts)
        if m == 0:
            continue
        ns = <Py_ssize_t*>malloc(4 * m * sizeof(Py_ssize_t))
        cp = <char*>malloc(m)
        if ns is NULL or cp is NULL:
            free(ns)
            free(cp)
            raise MemoryError()
        ne = ns + m
        os_ = ns + 2 * m
        oe = ns + 3 * m
        try:
            for k, v in enumerate(p.norm_starts):
                ns[k] = v
            for k, v in enumerate(p.norm_ends):
                ne[k] = v
            for k, v in enumerate(p.orig_starts):
                os_[k] = v
            for k, v in enumerate(p.orig_ends):
                oe[k] = v
            for k, v in enumerate(p.copied):
                cp[k] = 1 if v else 0
            for i in range(n):
                st = res[i, 0]
                en = res[i, 1]
                k = _segment(ns, m, st)
                if cp[k]:
                    res[i, 0] = min(os_[k] + (st - ns[k]), oe[k])
                elif st >= ne[k]:
                    res[i, 0] = oe[k]
                else:
                    res[i, 0] = os_[k]
                if en <= 0:
                    res[i, 1] = 0
                else:
                    k = _segment(ns, m, en - 1)
                    if cp[k]:
                        res[i, 1] = min(os_[k] + (en - ns[k]), oe[k])
                    else:
                        res[i, 1] = oe[k]
        finally:
            free(ns)
            free(cp)
    for i in range(n):
        if matches[i, 1] <= matches[i, 0]:
            res[i, 1] = res[i, 0]
        elif res[i, 1] < res[i, 0]:
            res[i, 1] = res[i, 0]
    return out
