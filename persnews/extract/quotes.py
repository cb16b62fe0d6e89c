"""Quotations with cues and speakers in Persian news.

:func:`find_quotes` works on plain text and returns one plain dict per quotation
(character offsets into the text as given); :func:`extract_quotes` does the same on a
spaCy ``Doc`` and also resolves speakers to the article's entities when the
``persnews_entities`` component has run.

Each dict has ``id``, ``kind`` (``direct``, ``indirect`` or ``according_to``),
``content``, ``cue`` (with ``lemma``), ``speaker`` (the overt subject nearest the cue, or
None), ``speaker_antecedent`` (the earlier mention a pronoun, demonstrative role or
subjectless cue refers to), ``speaker_entity`` (an entity id or None), ``parent`` (the id
of the enclosing quotation) and ``confidence``.

>>> qs = find_quotes("جن ساکی، سخنگوی کاخ سفید گفت: بایدن تاکید کرد که تنش باید کاهش یابد.")
>>> [(q["id"], q["kind"], q["speaker"]["text"], q["parent"]) for q in qs]
[('q1', 'direct', 'جن ساکی', None), ('q2', 'indirect', 'بایدن', 'q1')]
>>> qs[1]["content"]["text"]
'تنش باید کاهش یابد'
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from persnews.extract.quote_build import RawQuote, build_quotes
from persnews.extract.quote_text import Segmented, key, segment
from persnews.lang.cues import PRONOUNS
from persnews.lang.titles import HONORIFICS

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["extract_quotes", "find_quotes"]

logger = logging.getLogger("persnews")
_PRONOUNS = frozenset(key(p) for p in PRONOUNS)
_HONORIFICS = frozenset(key(h) for h in HONORIFICS) | {"سید"}


def _span(seg: Segmented, first: int, last: int) -> dict[str, Any]:
    start = seg.words[first].start
    end = seg.words[last - 1].end
    return {"start": start, "end": end, "text": seg.text[start:end]}


def _to_dicts(seg: Segmented, raw: list[RawQuote]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for k, q in enumerate(raw):
        cue = _span(seg, q.cue.first, q.cue.last)
        cue["lemma"] = q.lemma
        subject = q.subject
        out.append(
            {
                "id": f"q{k + 1}",
                "kind": q.kind,
                "content": _span(seg, q.cs, q.ce),
                "cue": cue,
                "speaker": _span(seg, subject.first, subject.last) if subject else None,
                "speaker_antecedent": (
                    _span(seg, *q.antecedent) if q.antecedent is not None else None
                ),
                "speaker_entity": None,
                "parent": f"q{q.parent + 1}" if q.parent is not None else None,
                "confidence": round(q.confidence, 2),
            }
        )
    return out


def find_quotes(text: str, *, start: int = 0, end: int | None = None) -> list[dict[str, Any]]:
    """Quotations in ``text`` as plain dicts (no entity resolution).

    Only quotations whose cue lies in ``text[start:end]`` are kept (the article body, say);
    offsets always index the whole ``text``.

    >>> [q["kind"] for q in find_quotes("به گفته وزیر، قیمت‌ها ثابت می‌ماند.")]
    ['according_to']
    """
    if not isinstance(text, str):
        raise TypeError(f"find_quotes() takes a str, not {type(text).__name__}")
    if not isinstance(start, int) or (end is not None and not isinstance(end, int)):
        raise TypeError("start and end must be int offsets")
    seg = segment(text)
    raw = build_quotes(seg)
    hi = len(text) if end is None else end
    if start > 0 or hi < len(text):
        raw = _keep_between(seg, raw, start, hi)
    return _to_dicts(seg, raw)


def _keep_between(seg: Segmented, raw: list[RawQuote], lo: int, hi: int) -> list[RawQuote]:
    keep = [k for k, q in enumerate(raw) if lo <= seg.words[q.cue.first].start < hi]
    new_index = {old: new for new, old in enumerate(keep)}
    out = []
    for k in keep:
        q = raw[k]
        q.parent = new_index.get(q.parent) if q.parent is not None else None
        out.append(q)
    return out


def _entity_api() -> tuple[Any, Any]:
    try:
        from persnews.extract import entities
    except ImportError:  # the entity layer is optional
        return None, None
    return getattr(entities, "entity_for_span", None), getattr(entities, "resolve_speaker", None)


def _head(doc: Doc, span: dict[str, Any]) -> tuple[int, int]:
    """The head word of a speaker span (after an honorific): an entity must be mentioned there.

    ``یکی از مقام‌های ارشد دولت واشنگتن`` is not Washington, ``استاندار خوزستان`` is not
    Khuzestan and ``مسئول بسیج دانشگاه X`` is not university X: a name inside a noun
    phrase is not its head. ``آقای کریمی`` and ``سید علی موسوی`` keep their name.
    """
    text = doc.text[span["start"] : span["end"]]
    end = 0
    for word in text.split():
        end = text.index(word, end) + len(word)
        if key(word) not in _HONORIFICS:
            break
    return span["start"], span["start"] + end


def _resolve(doc: Doc, q: dict[str, Any], for_span: Any, resolver: Any) -> str | None:
    speaker = q["speaker"]
    antecedent = q["speaker_antecedent"]
    cue_char = q["cue"]["start"]
    try:
        if speaker is not None and antecedent is None and for_span is not None:
            found = for_span(doc, *_head(doc, speaker))
            if found is not None and _is_group(doc, speaker, str(found)):
                return None
            if found is not None or not _is_pronoun(speaker["text"]):
                return None if found is None else str(found)
        if antecedent is not None:
            # the previous quotation's speaker: its entity, or none (an anonymous source,
            # or a name the entity layer did not cluster)
            found = for_span(doc, *_head(doc, antecedent)) if for_span is not None else None
            return None if found is None else str(found)
        if resolver is not None:
            start = speaker["start"] if speaker else None
            end = speaker["end"] if speaker else None
            found = resolver(doc, start, end, cue_char=cue_char)
            return None if found is None else str(found)
    except (ValueError, IndexError, KeyError, AttributeError) as err:  # pragma: no cover
        logger.debug("speaker resolution failed for %s: %s", q["id"], err)
    return None


def _is_group(doc: Doc, speaker: dict[str, Any], entity_id: str) -> bool:
    """``بایدن و پوتین``: an ``و`` after the entity's mention joins a second speaker."""
    ends = [
        m["end"]
        for e in doc._.pn_entities or []
        if e.get("id") == entity_id
        for m in e.get("mentions", [])
        if speaker["start"] <= m["start"] < speaker["end"]
    ]
    if not ends:
        return False
    rest = doc.text[max(ends) : speaker["end"]].split()
    return "و" in rest


def _is_pronoun(text: str) -> bool:
    return key(text) in _PRONOUNS


def _parsed_subjects(doc: Doc, quotes: list[dict[str, Any]]) -> None:
    """Fill a missing speaker from the parse: the ``nsubj`` of the cue verb, before the cue.

    The patterns stay in charge; the parser only speaks where they found no subject (a
    subject after an adverbial phrase the patterns do not know, say). Pronouns keep the
    antecedent the patterns gave them.
    """
    for q in quotes:
        if q["speaker"] is not None or q["kind"] == "according_to":
            continue
        cue = doc.char_span(q["cue"]["start"], q["cue"]["end"], alignment_mode="expand")
        if cue is None:
            continue
        for tok in cue:
            subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < cue.start), None)
            if subj is None or subj.sent.start != cue.sent.start:
                continue
            span = doc[subj.left_edge.i : subj.right_edge.i + 1]
            while len(span) > 1 and (span[-1].is_punct or span[-1].is_space):
                span = span[:-1]
            if span.end > cue.start:
                continue
            q["speaker"] = {"start": span.start_char, "end": span.end_char, "text": span.text}
            if not _is_pronoun(span.text):
                q["speaker_antecedent"] = None
            break


def extract_quotes(doc: Doc, *, start: int = 0, end: int | None = None) -> list[dict[str, Any]]:
    """Quotations of a ``Doc`` (offsets into ``doc.text``) with speaker entities.

    When the Doc is parsed, a cue verb's ``nsubj`` fills a speaker the patterns missed.
    Speakers are resolved with :func:`persnews.extract.entities.entity_for_span` /
    ``resolve_speaker`` when ``doc._.pn_entities`` is set (the ``persnews_entities``
    component ran); otherwise ``speaker_entity`` stays None.
    """
    quotes = find_quotes(doc.text, start=start, end=end)
    if doc.has_annotation("DEP"):
        _parsed_subjects(doc, quotes)
    for_span, resolver = _entity_api()
    if for_span is None and resolver is None:
        return quotes
    if not doc.has_extension("pn_entities") or doc._.pn_entities is None:
        return quotes
    for q in quotes:
        q["speaker_entity"] = _resolve(doc, q, for_span, resolver)
    return quotes
