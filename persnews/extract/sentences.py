"""Rule-based sentence boundaries for Persian news on a tokenized :class:`~spacy.tokens.Doc`.

Rules, in order:

* a line break (a whitespace token containing ``\\n``) ends a sentence;
* ``.`` ``!`` ``؟`` ``?`` ``…`` end a sentence, together with any further final marks and
  closing quotes or brackets right after them (``«...؟»``, ``(ص).``), so a closing ``»``,
  ``"`` or ``)`` never starts a sentence;
* abbreviations (``ج.ا.ا``, ``U.S.``), decimals (``۳.۵``) and times (``۱۰:۲۶``) are single
  tokens, so their dots and colons never end a sentence; neither does a ``.`` followed by a
  lower-case Latin word;
* a dateline (``تهران - ایرنا:``, at most six words with a dash or ending in an agency name)
  is a sentence of its own, as in UD Seraji;
* a quotation of several sentences is split like any other text by default
  (``split_inside_quotes=True``): its ``«`` stays in its first sentence and its ``»`` in
  its last, so the quotation can still be found across sentences;
* a quoted question or exclamation followed by a continuing word (``«چرا؟» و رفت``) does
  not end the sentence; With
  ``split_inside_quotes=False`` no boundary is placed inside an open ``«...»`` or ``"..."``
  (a quote left open ends at the next line break).

>>> import persnews
>>> nlp = persnews.load(exclude=["persnews_sentencizer"])
>>> doc = nlp("او گفت: «می‌آیم. فردا.» سپس رفت.")
>>> [doc[i].text for i in sentence_starts(doc)]
['او', 'فردا', 'سپس']
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy
from spacy.attrs import IS_SPACE, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc

from persnews.lang import tokenization as T

__all__ = ["sentence_starts"]

_ALWAYS_CLOSING = T.CLOSING_PUNCT
_DASHES = frozenset({"-", "–", "—", "\u2010", "\u2011", "\u2012", "\u2015", "\u2212"})
_MAX_DATELINE_WORDS = 6


class _Texts:
    """``texts[i]`` is the text of token ``i``, read on demand."""

    __slots__ = ("doc",)

    def __init__(self, doc: Doc) -> None:
        self.doc = doc

    def __getitem__(self, i: int) -> str:
        return str(self.doc[i].text)


@lru_cache(maxsize=1)
def _mark_ids() -> numpy.ndarray[Any, numpy.dtype[numpy.uint64]]:
    marks = T.SENTENCE_FINAL | _ALWAYS_CLOSING | {"«", '"', ":"}
    return numpy.array(sorted(get_string_id(m) for m in marks), dtype=numpy.uint64)


def sentence_starts(doc: Doc, *, split_inside_quotes: bool = True) -> list[int]:
    """Indices of the tokens of ``doc`` that start a sentence (the first token included).

    Whitespace tokens never start a sentence; they belong to the sentence before them.
    """
    if not isinstance(doc, Doc):
        raise TypeError(f"sentence_starts() takes a spacy Doc, not {type(doc).__name__}")
    n = len(doc)
    if n == 0:
        return []
    # Only punctuation and whitespace tokens change the state below; words are skipped in
    # bulk, and token texts are read lazily, so the cost grows with the punctuation.
    orth = doc.to_array([ORTH]).reshape(-1)
    space_arr = doc.to_array([IS_SPACE]).reshape(-1).astype(bool)
    marks = numpy.flatnonzero(numpy.isin(orth, _mark_ids()) | space_arr).tolist()
    is_space: list[bool] = space_arr.tolist()
    texts = _Texts(doc)

    starts = [0]
    sent_start = 0  # index of the first token of the current sentence
    pending = False  # the next non-space token starts a sentence
    after_break = False  # a line break came since the last non-space token
    guillemets = 0  # open « in the current sentence
    straight_open = False  # an open " in the current sentence

    def begin(k: int) -> None:
        nonlocal sent_start, pending, guillemets, straight_open
        if k > starts[-1]:
            starts.append(k)
        sent_start = k
        pending = False
        guillemets = 0
        straight_open = False

    i = 0
    p = 0  # position in marks
    while i < n:
        while p < len(marks) and marks[p] < i:
            p += 1
        next_mark = marks[p] if p < len(marks) else n
        if i < next_mark:  # a run of words
            if pending:
                begin(i)
            after_break = False
            i = next_mark
            continue
        tx = texts[i]
        if is_space[i]:
            if "\n" in tx:
                pending = after_break = True
            i += 1
            continue
        if pending and (after_break or not (tx in _ALWAYS_CLOSING or tx in T.SENTENCE_FINAL)):
            begin(i)
        after_break = False
        if tx == "«":
            guillemets += 1
        elif tx == "»":
            guillemets = max(guillemets - 1, 0)
        elif tx == '"':
            straight_open = not straight_open
        if tx in T.SENTENCE_FINAL:
            j = i + 1
            quoted = False
            while j < n:
                nxt = texts[j]
                if nxt in T.SENTENCE_FINAL:
                    j += 1
                elif nxt in _ALWAYS_CLOSING:
                    if nxt == "»":
                        guillemets = max(guillemets - 1, 0)
                        quoted = True
                    j += 1
                elif nxt == '"' and straight_open and not doc[j - 1].whitespace_:
                    straight_open = False
                    quoted = True
                    j += 1
                else:
                    break
            if _ends_here(texts, is_space, i, j, n, quoted) and (
                split_inside_quotes or (guillemets == 0 and not straight_open)
            ):
                pending = True
            i = j
            continue
        if tx == ":" and _is_dateline(texts, is_space, sent_start, i):
            pending = True
        i += 1
    return starts


def _ends_here(texts: _Texts, is_space: list[bool], i: int, j: int, n: int, quoted: bool) -> bool:
    """Whether the final mark at ``i`` (with its closers up to ``j``) ends the sentence."""
    k = j
    while k < n and is_space[k]:
        if "\n" in texts[k]:
            return True
        k += 1
    if k >= n:
        return False  # nothing follows: the document ends anyway
    if quoted and texts[i] != "." and texts[k] in T.QUOTE_CONTINUATIONS:
        return False  # «چرا؟» و رفت
    first = texts[k][:1]
    return not (texts[i] == "." and first.isascii() and first.islower())


def _is_dateline(texts: _Texts, is_space: list[bool], start: int, colon: int) -> bool:
    """``تهران - ایرنا:``: a short segment with a dash, or ending in an agency name."""
    if colon - start - sum(is_space[start:colon]) > _MAX_DATELINE_WORDS:
        return False
    words = [texts[k] for k in range(start, colon) if not is_space[k]]
    if not words or len(words) > _MAX_DATELINE_WORDS:
        return False
    return any(w in _DASHES for w in words) or words[-1] in T.DATELINE_SOURCES
