"""Turning cues into quotations: content spans, speakers, nesting and antecedents.

Works on word indices of a :class:`~persnews.extract.quote_text.Segmented` text; the
public API in :mod:`persnews.extract.quotes` converts the result to character offsets.

>>> from persnews.extract.quote_text import segment
>>> qs = build_quotes(segment("کرملین اعلام کرد بایدن موافقت کرد."))
>>> [(q.kind, q.lemma) for q in qs]
[('indirect', 'اعلام کردن')]
"""

from __future__ import annotations

from persnews.extract.quote_cues import Cue, find_cues, is_cue_word
from persnews.extract.quote_forms import (
    according_quote,
    fill_according,
    headlines,
    participial_quote,
)
from persnews.extract.quote_model import (
    RawQuote,
    container,
    effective_speaker,
    split_or_nest,
    trim,
)
from persnews.extract.quote_speakers import Subject, find_subject, is_verbish, noun_phrase
from persnews.extract.quote_text import QUOTE_OPEN, Segmented

__all__ = ["RawQuote", "build_quotes", "effective_speaker"]


def _closes_clause(seg: Segmented, j: int) -> bool:
    """A «...» opened at ``j`` that ends its sentence (not «name» followed by more text)."""
    close = seg.close_of.get(j)
    if close is None:
        return False
    after = close + 1
    words = seg.words
    return (
        after >= len(words)
        or words[after].para != words[close].para
        or words[after].key in (".", "!", "؟", "?", "»")
        or words[close - 1].key in (".", "!", "؟", "?")
    )


def _content_after(seg: Segmented, cue: Cue) -> tuple[int, int, str, bool, bool] | None:
    """(start, end, kind, marks, colon) of the content following a verb cue."""
    words = seg.words
    n = len(words)
    j = cue.last
    if j >= n or words[j].para != words[cue.verb_at].para:
        return None
    k = words[j].key
    if k == ":":
        j += 1
        if j >= n:
            return None  # (a colon ending its line introduces the next paragraph)
        if words[j].key in QUOTE_OPEN and _closes_clause(seg, j):
            return j + 1, seg.close_of[j], "direct", True, True
        return j, seg.para_end(j), "direct", False, True
    if k in QUOTE_OPEN and _closes_clause(seg, j):
        return j + 1, seg.close_of[j], "direct", True, False
    if cue.clause_only and k != "که":
        return None
    if k[:1] == "و" and len(k) > 2 and is_cue_word(k[1:]):
        return None  # "تاکید کرد وگفت: ..." — the next verb carries the quote
    if k in ("که", "،", ","):
        j += 1
    elif words[j].is_punct or k == "و":
        return None
    if j >= n or words[j].para != words[cue.verb_at].para:
        return None
    if words[j].key in QUOTE_OPEN and j in seg.close_of:
        close = seg.close_of[j]
        after = close + 1
        ends = after >= n or words[after].key in (".", "!", "؟", "?")
        if ends or words[after].para != words[j].para:
            return j + 1, close, "indirect", True, False
    return j, seg.sentence_end[j], "indirect", False, False


def _preposed(seg: Segmented, first: int) -> tuple[int, int] | None:
    """A «...» quote opening the sentence of a sentence-final cue (``«...»، وی گفت.``)."""
    j = first - 1
    if j >= 0 and seg.words[j].key in ("،", ","):
        j -= 1
    if j < 0 or j not in seg.open_of:
        return None
    opened = seg.open_of[j]
    sent = seg.sentence_start[first]
    if seg.sentence_start[opened] != sent or opened > sent + 1:
        return None
    size = j - opened - 1
    if size < 3 or (size < 6 and not any(is_verbish(w.key) for w in seg.words[opened + 1 : j])):
        return None  # names and scare quotes are short and verbless
    return opened + 1, j


def _coordination(seg: Segmented, start: int, cue: int) -> int | None:
    """Index of an ``و`` joining the cue's clause to a previous one ending in a verb."""
    for j in range(cue - 1, start, -1):
        w = seg.words[j]
        if w.key in ("،", ",", ":", "«", "»"):
            return None
        if w.key == "و" and is_verbish(seg.words[j - 1].key):
            return j
    return None


_PART_OF = (("قسمتی", "از"), ("بخشی", "از"), ("ادامه",), ("متن",), ("بخش", "دیگری", "از"))


def _document_subject(seg: Segmented, start: int, cue: int) -> Subject | None:
    """``در [بخشی از] این بیانیه آمده است:`` — the document is the source."""
    words = seg.words
    at = next((j for j in range(cue - 1, start - 1, -1) if words[j].key == "در"), None)
    if at is None or at + 1 >= cue:
        return None
    first = at + 1
    for part in _PART_OF:
        if tuple(w.key for w in words[first : first + len(part)]) == part:
            first += len(part)
            break
    return Subject(first, cue, "named") if first < cue else None


def _verb_quote(seg: Segmented, cue: Cue, quotes: list[RawQuote]) -> RawQuote | None:
    words = seg.words
    sent = seg.sentence_start[cue.first]
    ci = container(quotes, cue.first)
    outer = quotes[ci] if ci is not None else None
    limit = sent
    if outer is not None and outer.kind != "participial":
        limit = max(sent, outer.cs)
    elif outer is not None:
        limit = seg.sentence_start[outer.cue.first]
    coord = _coordination(seg, limit, cue.first)
    if coord is not None and outer is None and noun_phrase(seg, coord + 1, cue.first) is None:
        coord = None  # "X ... خبر داد و گفت": one subject for both verbs
    if coord is not None:
        limit = coord + 1
    subject = find_subject(seg, cue.first, limit)
    if cue.lemma == "آمدن":
        subject = _document_subject(seg, limit, cue.first)
    found = _content_after(seg, cue)
    if found is None:
        if cue.clause_only:
            return None
        pre = _preposed(seg, subject.first if subject else cue.first)
        if pre is None:
            return None
        cs, ce, kind, marks, colon = pre[0], pre[1], "direct", True, False
    else:
        cs, ce, kind, marks, colon = found
    cs, ce = trim(seg, cs, ce)
    bare = not (marks or colon) and words[cue.last].key not in ("که", "،", ",")
    if ce - cs < (3 if bare else 2):
        return None  # "آنچه وزیر گفت درست است": a bare verb before two words is no report
    q = RawQuote(kind, cue, cs, ce, subject, marks=marks, colon=colon)
    q.confidence = 0.95 if marks else 0.9 if colon else 0.85 if words[cue.last].key == "که" else 0.7
    if outer is None or ci is None:
        return q
    if outer.kind == "participial":
        cut = cue.first
        for j in range(cue.first - 1, outer.cs, -1):
            if words[j].key in ("،", ","):
                cut = j
                break
        outer.cs, outer.ce = trim(seg, outer.cs, min(outer.ce, cut))
        q.parent = outer.parent
        return q
    if coord is not None and coord > outer.cs:
        outer.ce = trim(seg, outer.cs, coord)[1]
        q.parent = outer.parent
        if subject is None:
            q.antecedent = effective_speaker(outer)
        return q
    if limit == sent:
        split_or_nest(seg, quotes, ci, q, colon=colon)
    else:
        q.parent = ci
    return q


def build_quotes(seg: Segmented) -> list[RawQuote]:
    """All quotations of a segmented text, in cue order, with parents as list indices."""
    quotes: list[RawQuote] = []
    cues = find_cues(seg)
    verb_starts = [c.first for c in cues if c.kind == "verb"]
    for cue in cues:
        if cue.kind == "according_to":
            q = according_quote(seg, cue, quotes, verb_starts)
        elif cue.kind == "participial":
            q = participial_quote(seg, cue, quotes)
        else:
            q = _verb_quote(seg, cue, quotes)
        if q is not None:
            quotes.append(q)
    fill_according(quotes)
    _cut_at_relay(seg, quotes)
    first_cue: dict[int, int] = {}
    for c in cues:
        first_cue.setdefault(seg.words[c.first].para, c.first)
    quotes = _merge(quotes, headlines(seg, first_cue))
    for q in quotes:
        if q.kind == "participial":
            q.kind = "indirect"
    _resolve_antecedents(seg, quotes)
    return quotes


def _cut_at_relay(seg: Segmented, quotes: list[RawQuote]) -> None:
    """A colon quote ends before a sentence opening with ``به گزارش`` (the reporter again)."""
    words = seg.words
    for q in quotes:
        if not q.colon or q.marks:
            continue
        j = seg.sentence_end[q.cs] if q.cs < len(words) else q.ce
        while j < q.ce:
            if words[j].key == "به" and j + 1 < q.ce and words[j + 1].key == "گزارش":
                q.ce = trim(seg, q.cs, j)[1]
                break
            j = seg.sentence_end[j]


def _merge(quotes: list[RawQuote], heads: list[RawQuote]) -> list[RawQuote]:
    """Add headline quotes in text order, drop empty quotes, renumber the parents."""
    parents = {id(q): (quotes[q.parent] if q.parent is not None else None) for q in quotes}
    merged = sorted(quotes + heads, key=lambda q: q.cue.first)
    for h in heads:
        for q in merged:
            free = q is not h and not q.headline and parents.get(id(q)) is None
            if free and h.cs <= q.cue.first < h.ce:
                parents[id(q)] = h
    kept = [q for q in merged if q.ce > q.cs]
    index = {id(q): k for k, q in enumerate(kept)}
    for q in kept:
        parent = parents.get(id(q))
        while parent is not None and id(parent) not in index:
            parent = parents.get(id(parent))
        q.parent = index[id(parent)] if parent is not None and parent is not q else None
    return kept


def _resolve_antecedents(seg: Segmented, quotes: list[RawQuote]) -> None:
    """Pronoun, demonstrative-role and subjectless speakers take the previous speaker.

    When a quotation opens with another speaker's colon quote (``ایرنا نوشت: X افزود: ...``)
    the relayed speaker X is the one a following ``وی`` refers to.
    """
    previous: tuple[int, int] | None = None
    for k, q in enumerate(quotes):
        if q.parent is not None:
            continue
        if q.antecedent is None and (q.subject is None or q.subject.kind in ("pronoun", "role")):
            q.antecedent = previous
        eff = effective_speaker(q)
        unresolved = q.antecedent is None and q.subject is not None and q.subject.kind != "named"
        if eff is not None and not unresolved:
            previous = eff
        for child in quotes[k + 1 :]:
            if child.parent == k and child.colon and child.subject is not None:
                if trim(seg, q.cs, child.subject.first)[1] == q.cs:
                    previous = effective_speaker(child)
                break
