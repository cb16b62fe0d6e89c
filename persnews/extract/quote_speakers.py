"""Finding the overt subject (speaker mention) of a quotation cue.

Persian news puts the subject first: ``[subject][، apposition][ adverbials] cue``. The
finder skips relay attributions (``به گزارش ایسنا،``), leading adverbials (``در این میان``)
and comma segments that are adverbial phrases or clauses, then reads the noun phrase that
opens the clause up to the first preposition, adverb or particle. Quantified subjects
keep their ``از`` (``یکی از مقام‌های ارشد``). A clause after ``و`` whose previous
clause ended in a verb starts a new subject (``... است و مقام‌ها می‌گویند``).

>>> from persnews.extract.quote_text import segment
>>> seg = segment("یوری اوشاکف، معاون پوتین نیز گفت که گفتگو خوب بود.")
>>> s = find_subject(seg, 5, 0)
>>> seg.text[seg.words[s.first].start : seg.words[s.last - 1].end], s.kind
('یوری اوشاکف', 'named')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from persnews.extract.quote_text import Segmented, key
from persnews.lang.cues import (
    LEADING_ADVERBIALS,
    PRONOUNS,
    QUANTIFIER_HEADS,
    RELAY_MARKERS,
    SUBJECT_STOP_WORDS,
)

__all__ = ["Subject", "find_subject", "is_verbish", "noun_phrase"]

_MAX_NP = 12
_FINITE = frozenset(
    {
        "است",
        "بود",
        "بودند",
        "هست",
        "هستند",
        "نیست",
        "نبود",
        "شد",
        "شدند",
        "شده",
        "کرد",
        "کردند",
        "کرده",
        "دارد",
        "دارند",
        "داشت",
        "داشتند",
        "اند",
        "نیستند",
        "گرفت",
        "داد",
        "دادند",
        "رسید",
        "یافت",
        "نمود",
        "کند",
        "شود",
        "باشد",
        "گذاشت",
        "آمد",
        "امد",
        "رفت",
        "کنند",
        "شوند",
        "گیرد",
        "گیرند",
        "باشند",
        "دهد",
        "دهند",
        "گرفتند",
        "رسیدند",
        "یابد",
        "یابند",
        "نمایند",
        "نماید",
        "ماند",
        "مانده",
        "کردهاند",
        "شدهاند",
    }
)


_PARTICIPLES = frozenset({"شده", "کرده", "بوده", "داده", "گرفته", "مانده"})


@dataclass(frozen=True, slots=True)
class Subject:
    """Word range ``[first, last)`` of a subject and its kind.

    ``kind`` is ``"pronoun"``, ``"role"`` (a demonstrative role noun such as ``این مقام``)
    or ``"named"`` (any other noun phrase: a name, a role with its complement, an
    organization or an anonymous source; the entity layer tells them apart).
    """

    first: int
    last: int
    kind: str


@lru_cache(maxsize=1)
def _phrases() -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    lead = sorted((tuple(key(p).split()) for p in LEADING_ADVERBIALS), key=len, reverse=True)
    relay = [tuple(key(p).split()) for p in RELAY_MARKERS]
    return lead, relay


_STOP = frozenset(key(w) for w in SUBJECT_STOP_WORDS)
_QUANT = frozenset(key(w) for w in QUANTIFIER_HEADS)
_PRON = frozenset(key(w) for w in PRONOUNS)


def is_verbish(word_key: str) -> bool:
    """Rough test for a finite verb ending a clause (``است``, ``می‌کند``, ``کرده``)."""
    if word_key in _FINITE:
        return True
    # "می‌شود", "نمی‌کنند", "میگفت"; not "میهمان", "میدان", "میلیون"
    return word_key.startswith(("می", "نمی")) and len(word_key) > 4 and word_key[-1] in "دتم"


def noun_phrase(seg: Segmented, i: int, end: int) -> tuple[int, int] | None:
    """The noun phrase opening at word ``i`` (before ``end``), or None."""
    words = seg.words
    if i >= end or words[i].is_punct or words[i].key in _STOP:
        return None
    if words[i].key in _PRON:
        return i, i + 1
    j = i
    while j < end and j - i < _MAX_NP:
        w = words[j]
        if w.is_punct and w.key not in ("-",):
            break
        quantified = w.key == "از" and words[i].key in _QUANT and j == i + 1
        compound = w.key == "بین" and j + 1 < end and words[j + 1].key.startswith("الملل")
        joined = w.key == "و" and _and_continues(seg, j, end)
        if w.key in _STOP and not (quantified or compound or joined):
            break
        if j > i and is_verbish(w.key):
            break
        if j - i >= 4 and w.key[:1].isdigit():
            break  # "مدیر کل ... استان تهران 44 درصد ...": a figure starts the predicate
        j += 1
    return (i, j) if j > i else None


def _subject_np(seg: Segmented, a: int, b: int) -> tuple[int, int] | None:
    """The first noun phrase in ``[a, b)`` that can be a subject: not a verb, not an object.

    ``این را او گفت``: ``این`` is followed by the object marker ``را``; the subject follows.
    """
    words = seg.words
    while a < b:
        if is_verbish(words[a].key) or words[a].key[:1].isdigit():
            return None
        span = noun_phrase(seg, a, b)
        if span is None or span[1] >= b or words[span[1]].key != "را":
            return span
        if span[1] - span[0] > 2:
            return span  # a long phrase before را runs the subject into the object
        a = span[1] + 1
    return None


def _and_continues(seg: Segmented, j: int, end: int) -> bool:
    """An ``و`` inside a noun phrase (``وزیر آموزش و پرورش``, ``وزیر و معاونش``)."""
    if j + 1 >= end:
        return False
    nxt = seg.words[j + 1]
    return not nxt.is_punct and nxt.key not in _STOP and not is_verbish(nxt.key)


def _skip_prefixes(seg: Segmented, i: int, end: int) -> int:
    """Skip relay segments (up to their comma) and leading adverbials."""
    lead, relay = _phrases()
    words = seg.words
    changed = True
    while changed and i < end:
        changed = False
        if words[i].key in ("و", "اما", "ولی", "که", "،", ",", ":", "«", "»"):
            i += 1
            changed = True
            continue
        for r in relay:
            if tuple(w.key for w in words[i : i + len(r)]) == r:
                j = i + len(r)
                while j < end and words[j].key not in ("،", ","):
                    j += 1
                if j < end:
                    i = j + 1
                    changed = True
                break
        for p in lead:
            if tuple(w.key for w in words[i : i + len(p)]) == p:
                i += len(p)
                changed = True
                break
    return i


def _clause_start(seg: Segmented, start: int, cue: int) -> int:
    """Start of the clause of the cue: after the last ``verb و`` before it, else ``start``."""
    words = seg.words
    for j in range(cue - 1, start, -1):
        if words[j].key == "و" and is_verbish(words[j - 1].key):
            if _subject_np(seg, j + 1, cue) is not None:
                return j + 1
            return start
    return start


def find_subject(seg: Segmented, cue: int, start: int) -> Subject | None:
    """The overt subject of the cue starting at word ``cue``; the clause begins at ``start``.

    The nearest clause start is tried first: after the last finite verb or colon before
    the cue (run-in subheadings and datelines end there), then the clause start proper.
    """
    words = seg.words
    starts = []
    for j in range(cue - 1, start - 1, -1):
        k = words[j].key
        dateline = k in ("-", "–", "—") and j - seg.sentence_start[cue] <= 8
        if (
            k in (":", "»", "”")
            or j in seg.open_of
            or dateline
            or (is_verbish(k) and k not in _PARTICIPLES)
        ):
            starts.append(j + 1)
            break
    starts.append(_clause_start(seg, start, cue))
    quoted = _quoted_name(seg, starts[0], start) if starts[0] > start else None
    if quoted is not None:
        return quoted
    for s in starts:
        found = _subject_from(seg, cue, s)
        if found is not None:
            return found
    return None


def _quoted_name(seg: Segmented, after: int, start: int) -> Subject | None:
    """``«ناصر کنعانی» سخنگوی وزارت خارجه گفت``: a short name in guillemets opening the clause."""
    close = after - 1
    opened = seg.open_of.get(close)
    if opened is None or not 1 <= close - opened - 1 <= 4:
        return None
    if _skip_prefixes(seg, start, opened + 1) < opened:
        return None
    if any(seg.words[k].is_punct or is_verbish(seg.words[k].key) for k in range(opened + 1, close)):
        return None
    return Subject(opened + 1, close, "named")


def _subject_from(seg: Segmented, cue: int, start: int) -> Subject | None:
    words = seg.words
    i = _skip_prefixes(seg, start, cue)
    segments: list[tuple[int, int]] = []
    seg_start = i
    for j in range(i, cue + 1):
        if j == cue or words[j].key in ("،", ","):
            segments.append((seg_start, j))
            seg_start = j + 1
    for a, b in segments:
        if a >= b:
            continue
        a = _skip_prefixes(seg, a, b)
        span = _subject_np(seg, a, b)
        if span is None:
            continue
        return Subject(span[0], span[1], _kind(seg, span))
    for j in range(i, cue):
        if words[j].key in _PRON:
            return Subject(j, j + 1, "pronoun")
    return None


def _kind(seg: Segmented, span: tuple[int, int]) -> str:
    first = seg.words[span[0]].key
    if first in _PRON and span[1] - span[0] == 1:
        return "pronoun"
    if first in ("این", "اين", "همین") and span[1] - span[0] >= 2:
        return "role"
    return "named"
