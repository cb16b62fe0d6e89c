"""spaCy components: ``persnews_gazetteer`` (rule-based names) and ``persnews_entities``.

``persnews_gazetteer`` adds gazetteer and name-pattern hits (:mod:`persnews.extract.recognize`)
to ``doc.ents`` where the NER model (if any ran before it) found nothing, and keeps all of
them in ``doc.spans["pn_gazetteer"]`` with the alias group in ``span.id_``.

``persnews_entities`` groups ``doc.ents`` into document entities
(:func:`persnews.extract.entities.cluster_entities`) and writes ``doc._.pn_entities``
(plain dicts), ``doc.spans["pn_mentions"]`` (one span per mention, ``span.id_`` = entity id,
``span.kb_id_`` = KB id or "") and ``kb_id_`` on linked ``doc.ents``.

>>> import persnews
>>> nlp = add_entity_components(persnews.load())
>>> doc = nlp("سرگئی لاوروف به مسکو رفت. لاوروف گفت که ...")
>>> [(e["name"], len(e["mentions"])) for e in doc._.pn_entities if e["label"] == "PER"]
[('سرگئی لاوروف', 2)]
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from persnews.extract.ent_merge import merge_entities
from persnews.extract.entities import CLUSTER_LABELS, cluster_entities
from persnews.extract.linking import KnowledgeBase, example_kb_path, load_kb
from persnews.extract.recognize import find_candidates

__all__ = ["EntitiesComponent", "GazetteerComponent", "add_entity_components"]

MENTIONS_KEY = "pn_mentions"
GAZETTEER_KEY = "pn_gazetteer"

if not Doc.has_extension("pn_entities"):
    Doc.set_extension("pn_entities", default=None)


def _char_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    return doc.char_span(start, end, label=label, alignment_mode="expand")


class GazetteerComponent:
    """Merges rule-based PER/ORG/LOC names with the model's ``doc.ents``
    (:func:`persnews.extract.ent_merge.merge_entities`)."""

    def __init__(self, *, patterns: bool = True, use_model: bool = True) -> None:
        self.patterns = bool(patterns)
        self.use_model = bool(use_model)

    def __call__(self, doc: Doc) -> Doc:
        cands = [c for c in find_candidates(doc.text) if self.patterns or c.source == "gazetteer"]
        hits = []
        for cand in cands:
            span = _char_span(doc, cand.start, cand.end, cand.label)
            if span is not None:
                span.id_ = cand.group or ""
                hits.append(span)
        doc.spans[GAZETTEER_KEY] = hits
        clustered = [e for e in doc.ents if e.label_ in CLUSTER_LABELS]
        others = [e for e in doc.ents if e.label_ not in CLUSTER_LABELS]
        merged = merge_entities(
            doc.text,
            [(e.start_char, e.end_char, e.label_) for e in clustered] if self.use_model else [],
            [(c.start, c.end, c.label, c.source, c.group) for c in cands],
        )
        spans = []
        for start, end, label, _group in merged:
            span = _char_span(doc, start, end, label)
            if span is not None:
                spans.append(span)
        kept = filter_spans(spans)
        taken = {t.i for s in kept for t in s}
        kept += [e for e in others if not any(t.i in taken for t in e)]
        doc.ents = sorted(filter_spans(kept), key=lambda s: s.start)
        return doc


@lru_cache(maxsize=8)
def _kb(path: str) -> KnowledgeBase:
    return load_kb(example_kb_path() if path == "example" else path)


class EntitiesComponent:
    """Groups entity mentions into document entities (see the module docstring)."""

    def __init__(self, *, kb_path: str | None = None) -> None:
        self.kb_path = kb_path
        self.kb: KnowledgeBase | None = _kb(kb_path) if kb_path else None

    def __call__(self, doc: Doc) -> Doc:
        groups: dict[tuple[int, int], str] = {}
        if GAZETTEER_KEY in doc.spans:
            groups = {(s.start_char, s.end_char): s.id_ for s in doc.spans[GAZETTEER_KEY] if s.id_}
        spans: list[Any] = [
            (e.start_char, e.end_char, e.label_, groups.get((e.start_char, e.end_char)))
            for e in doc.ents
        ]
        entities = cluster_entities(doc.text, spans, kb=self.kb)
        doc._.pn_entities = entities
        mentions = []
        linked: dict[tuple[int, int], str] = {}
        for ent in entities:
            for m in ent["mentions"]:
                span = _char_span(doc, m["start"], m["end"], ent["label"])
                if span is None:
                    continue
                span.id_ = ent["id"]
                span.kb_id_ = ent["kb_id"] or ""
                mentions.append(span)
                if ent["kb_id"] and m["kind"] == "name":
                    linked[(span.start, span.end)] = ent["kb_id"]
        doc.spans[MENTIONS_KEY] = mentions
        if linked:
            doc.ents = [
                Span(
                    doc,
                    e.start,
                    e.end,
                    label=e.label_,
                    kb_id=linked.get((e.start, e.end), e.kb_id_),
                )
                if e.label_ in CLUSTER_LABELS
                else e
                for e in doc.ents
            ]
        return doc


@Language.factory(
    "persnews_gazetteer",
    assigns=["doc.ents", "doc.spans"],
    default_config={"patterns": True, "use_model": True},
)
def make_gazetteer(nlp: Language, name: str, patterns: bool, use_model: bool) -> GazetteerComponent:
    """Factory of :class:`GazetteerComponent`; ``use_model=False`` ignores the NER model's
    PER/ORG/LOC entities (rules only), ``patterns=False`` keeps only gazetteer hits."""
    return GazetteerComponent(patterns=patterns, use_model=use_model)


@Language.factory(
    "persnews_entities",
    assigns=["doc._.pn_entities", "doc.spans", "token.ent_kb_id"],
    requires=["doc.ents"],
    default_config={"kb_path": None},
)
def make_entities(nlp: Language, name: str, kb_path: str | None) -> EntitiesComponent:
    """Factory of :class:`EntitiesComponent`; ``kb_path="example"`` uses the shipped example KB."""
    return EntitiesComponent(kb_path=kb_path)


def add_entity_components(nlp: Language, *, kb_path: str | None = None) -> Language:
    """Add ``persnews_gazetteer`` and ``persnews_entities`` to ``nlp`` unless already there.

    The gazetteer goes after the NER model (``ner``) when the pipeline has one.
    """
    if "persnews_gazetteer" not in nlp.pipe_names:
        if "ner" in nlp.pipe_names:
            nlp.add_pipe("persnews_gazetteer", after="ner")
        else:
            nlp.add_pipe("persnews_gazetteer")
    if "persnews_entities" not in nlp.pipe_names:
        nlp.add_pipe("persnews_entities", after="persnews_gazetteer", config={"kb_path": kb_path})
    return nlp
