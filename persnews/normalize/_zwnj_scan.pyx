# cython: language_level=3, boundscheck=False, wraparound=False, initializedcheck=False
"""Compiled form of the per-word loop of :meth:`persnews.normalize.zwnj.ZwnjModel.edits`.

The decisions stay in Python (:mod:`persnews.normalize.zwnj`): this loop finds the words
and the single-space gaps between them, counts the bound pieces written apart, and looks
each word and pair up in the model's decision caches, calling back into the model only
for words and pairs it has not decided before; pairs outside the model's
``candidate_sets`` are never joined by any rule and are not looked up at all.  Its output is the list of edits the
Python loop returns, which ``tests/test_zwnj_scan.py`` checks on every input it is given.
Phrases holding URLs, e-mail addresses, hashtags or mentions are left as they are, as
the Python loop leaves them.
"""

from cpython.dict cimport PyDict_GetItem
from cpython.object cimport PyObject
from cpython.set cimport PySet_Contains
from libc.stdlib cimport free, malloc


cdef extern from "Python.h":
    Py_ssize_t PyUnicode_FindChar(
        object text, Py_UCS4 ch, Py_ssize_t start, Py_ssize_t end, int direction
    ) except -2

cdef Py_UCS4 ZWNJ_CHAR = 0x200C


cdef inline bint _letter(Py_UCS4 c) noexcept:
    # The ranges of persnews.normalize.zwnj.LETTERS.
    return (
        (0x0621 <= c <= 0x063A)
        or (0x0641 <= c <= 0x0655)
        or c == 0x0670
        or c == 0x067E
        or c == 0x0686
        or c == 0x0698
        or c == 0x06A9
        or c == 0x06AF
        or c == 0x06CC
    )


cdef Py_ssize_t _scan_words(str text, Py_ssize_t* starts, Py_ssize_t* ends) noexcept:
    """Fill ``starts``/``ends`` (room for ``len(text) // 2 + 1`` words); return the count."""
    cdef Py_ssize_t n = len(text)
    cdef Py_ssize_t i = 0, j, count = 0
    while i < n:
        if not _letter(text[i]):
            i += 1
            continue
        j = i + 1
        while j < n:
            if _letter(text[j]):
                j += 1
            elif text[j] == ZWNJ_CHAR and j + 1 < n and _letter(text[j + 1]):
                j += 2
            else:
                break
        starts[count] = i
        ends[count] = j
        count += 1
        i = j
    return count


cdef bint _may_join(str left, str right, object candidates) except -1:
    """Can any rule join the last ZWNJ segment of ``left`` and the first of ``right``?

    See ``ZwnjModel.candidate_sets``; ``None`` means every pair must be decided.
    """
    cdef Py_ssize_t cut
    cdef str a = left, b = right
    cdef PyObject* hit
    if candidates is None:
        return True
    cut = PyUnicode_FindChar(left, ZWNJ_CHAR, 0, len(left), -1)
    if cut >= 0:
        a = left[cut + 1:]
    cut = PyUnicode_FindChar(right, ZWNJ_CHAR, 0, len(right), 1)
    if cut >= 0:
        b = right[:cut]
    left_any, right_any, seen = candidates
    if PySet_Contains(left_any, a) == 1 or PySet_Contains(right_any, b) == 1:
        return True
    hit = PyDict_GetItem(seen, a)
    return hit is not NULL and PySet_Contains(<object>hit, b) == 1


def word_spans(str text):
    """Starts and ends of the words (letters with single ZWNJs between them) of ``text``."""
    cdef Py_ssize_t n = _room(text)
    cdef Py_ssize_t* starts = <Py_ssize_t*>malloc(n * sizeof(Py_ssize_t))
    cdef Py_ssize_t* ends = <Py_ssize_t*>malloc(n * sizeof(Py_ssize_t))
    cdef Py_ssize_t count, k
    if starts is NULL or ends is NULL:
        free(starts)
        free(ends)
        raise MemoryError()
    try:
        count = _scan_words(text, starts, ends)
        return [starts[k] for k in range(count)], [ends[k] for k in range(count)]
    finally:
        free(starts)
        free(ends)


cdef inline Py_ssize_t _room(str text) noexcept:
    # Words are separated by at least one character: at most len // 2 + 1 of them.
    return len(text) // 2 + 1


def edits(
    str text,
    model,
    str joined,
    str spaced,
    list protected,
):
    """The edits of ``model.edits(text, joined=joined, spaced=spaced)``.

    ``protected``: the sorted, non-overlapping ``(start, end)`` spans of URLs, e-mail
    addresses, hashtags and mentions; a phrase (words joined by single spaces) touching one
    is left as it is.
    """
    cdef Py_ssize_t room = _room(text)
    cdef Py_ssize_t* starts = <Py_ssize_t*>malloc(room * sizeof(Py_ssize_t))
    cdef Py_ssize_t* ends = <Py_ssize_t*>malloc(room * sizeof(Py_ssize_t))
    if starts is NULL or ends is NULL:
        free(starts)
        free(ends)
        raise MemoryError()
    try:
        return _edits(text, model, joined, spaced, starts, ends, protected)
    finally:
        free(starts)
        free(ends)


cdef set _protected_words(
    str text, Py_ssize_t* starts, Py_ssize_t* ends, Py_ssize_t n_words, list protected
):
    """Indices of the words in phrases that touch a protected span."""
    cdef set out = set()
    cdef Py_ssize_t k, j = 0, n_spans = len(protected), phrase_start = 0
    cdef bint touched = False
    for k in range(n_words):
        if k and not (ends[k - 1] + 1 == starts[k] and text[starts[k] - 1] == 0x20):
            if touched:
                out.update(range(phrase_start, k))
            phrase_start = k
            touched = False
        while j < n_spans and protected[j][1] <= starts[k]:
            j += 1
        if j < n_spans and protected[j][0] < ends[k]:
            touched = True
    if touched:
        out.update(range(phrase_start, n_words))
    return out


cdef list _edits(
    str text,
    model,
    str joined,
    str spaced,
    Py_ssize_t* starts,
    Py_ssize_t* ends,
    list protected,
):
    cdef list words
    cdef Py_ssize_t n_words, k, s, apart = 0, joined_count = 0
    cdef frozenset left_pieces, right_pieces
    cdef dict best, word_cache, pair_cache
    cdef bint has_zwnj, restore_joined, join_spaced, strict, gap
    cdef object word, new, prev, decided, key, candidates
    cdef set skipped
    cdef PyObject* hit
    cdef list out = []
    cdef Py_ssize_t offset
    cdef Py_UCS4 ch

    n_words = _scan_words(text, starts, ends)
    if n_words == 0:
        return out
    words = [text[starts[k]:ends[k]] for k in range(n_words)]
    has_zwnj = "\u200c" in text
    if joined == "auto" or spaced == "auto":
        left_pieces, right_pieces = model._style_sets()
        for k in range(n_words - 1):
            if ends[k] + 1 == starts[k + 1] and text[ends[k]] == 0x20:
                if PySet_Contains(left_pieces, words[k]):
                    apart += 1
                if PySet_Contains(right_pieces, words[k + 1]):
                    apart += 1
    join_spaced = spaced != "never"
    strict = spaced == "auto" and apart == 0
    if joined == "always":
        restore_joined = True
    elif joined == "auto" and not has_zwnj:
        restore_joined = True
        if apart:
            best = model._best
            for k in range(n_words):
                if PyDict_GetItem(best, words[k]) is not NULL:
                    joined_count += 1
            restore_joined = not (joined_count <= model.joined_apart_ratio * apart)
    else:
        restore_joined = False
    if not (restore_joined or join_spaced):
        return out
    word_cache = model._word_cache
    pair_cache = model._strict_cache if strict else model._pair_cache
    candidates = model.candidate_sets(strict=strict)
    restore = model.restore_word
    join = model.join_pair
    skipped = _protected_words(text, starts, ends, n_words, protected) if protected else None
    prev = None
    for k in range(n_words):
        if skipped and k in skipped:
            continue  # a phrase with a URL, e-mail, hashtag or mention: left as it is
        word = words[k]
        s = starts[k]
        gap = k > 0 and ends[k - 1] + 1 == s and text[s - 1] == 0x20
        if restore_joined and not (has_zwnj and "\u200c" in word):
            hit = PyDict_GetItem(word_cache, word)
            if hit is NULL:
                new = restore(word)
            else:
                new = <object>hit
                if not new:
                    new = restore(word)
        else:
            new = word
        if gap and join_spaced and _may_join(prev, new, candidates):
            key = (prev, new)
            hit = PyDict_GetItem(pair_cache, key)
            if hit is NULL:
                decided = join(prev, new, strict=strict)
            else:
                decided = <object>hit
            if decided:
                out.append((s - 1, s, "\u200c"))
        if new is not word and new != word:
            offset = s
            for ch in <str>new:
                if ch == ZWNJ_CHAR:
                    out.append((offset, offset, "\u200c"))
                else:
                    offset += 1
        prev = new
    return out
