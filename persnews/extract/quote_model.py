"""The internal quotation record of the extractor and the helpers shared by its parts.

>>> from persnews.extract.quote_text import segment
>>> seg = segment("گفت: «سلام.» پایان پیام")
>>> trim(seg, 2, len(seg.words))
(3, 4)
"""

from __future__ import annotations

from dataclasses import dataclass

from persnews.extract.quote_cues import Cue
from persnews.extract.quote_speakers import Subject
from persnews.extract.quote_text import Segmented

__all__ = ["RawQuote", "container", "effective_speaker", "same_text", "split_or_nest", "trim"]


@dataclass(slots=True)
class RawQuote:
    """A quotation in word indices (``[cs, ce)`` content, ``cue`` its cue)."""

    kind: str
    cue: Cue
    cs: int
    ce: int
    subject: Subject | None
    marks: bool = False
    colon: bool = False
    parent: int | None = None
    antecedent: tuple[int, int] | None = None  # word range of the resolved speaker mention
    confidence: float = 0.8
    headline: bool = False

    @property
    def lemma(self) -> str:
        return self.cue.lemma


_CHROME_TAILS = (("پایان", "پیام"), ("انتهای", "پیام"), ("انتهای", "خبر"))


def trim(seg: Segmented, cs: int, ce: int) -> tuple[int, int]:
    while cs < ce and seg.words[cs].is_punct:
        cs += 1
    for j in range(cs, ce - 1):
        if (seg.words[j].key, seg.words[j + 1].key) in _CHROME_TAILS:
            ce = j
            break
    while ce > cs and seg.words[ce - 1].is_punct:
        ce -= 1
    return cs, ce


def container(quotes: list[RawQuote], c: int) -> int | None:
    best: int | None = None
    for qi, q in enumerate(quotes):
        if q.cs <= c < q.ce and (best is None or q.cs >= quotes[best].cs):
            best = qi
    return best


def same_text(seg: Segmented, a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    if a is None or b is None:
        return False
    ka = " ".join(w.key for w in seg.words[a[0] : a[1]])
    kb = " ".join(w.key for w in seg.words[b[0] : b[1]])
    return ka == kb or ka.endswith(" " + kb) or kb.endswith(" " + ka)


def effective_speaker(q: RawQuote) -> tuple[int, int] | None:
    """The resolved speaker mention: the antecedent, else the overt subject."""
    if q.antecedent is not None:
        return q.antecedent
    if q.subject is not None:
        return q.subject.first, q.subject.last
    return None


def split_or_nest(
    seg: Segmented, quotes: list[RawQuote], ci: int, q: RawQuote, *, colon: bool
) -> None:
    """A quote whose sentence starts inside a colon quote: a new top-level quote, or nested.

    A colon cue, a pronoun, demonstrative or missing subject, or the container's own
    speaker starts a new quote (the container ends before its sentence); any other
    speaker is quoted by the container's speaker (``... پوتین گفت که ...``).
    """
    container = quotes[ci]
    sent = seg.sentence_start[q.cue.first]
    if sent > container.cs and container.colon and not container.marks:
        subject = q.subject
        subj = (subject.first, subject.last) if subject else None
        new_top = (
            colon
            or q.kind in ("according_to", "participial")
            or subject is None
            or subject.kind in ("pronoun", "role")
            or same_text(seg, subj, effective_speaker(container))
        )
        if new_top:
            container.ce = trim(seg, container.cs, sent)[1]
            q.parent = container.parent
            return
    q.parent = ci
