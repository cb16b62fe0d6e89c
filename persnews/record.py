"""The article record: the stable, versioned output of persnews (schema in docs/schema.md).

:func:`analyze` runs the default pipeline on one article and returns an
:class:`ArticleRecord`; :func:`record_from_doc` builds the same record from a Doc that
has been through the pipeline (the batch runner uses it). The record is read off the Doc
(``doc._.pn_article``, ``doc._.pn_entities``, ``doc._.pn_quotes``), never computed twice.

>>> import persnews
>>> rec = persnews.analyze("سخنگوی دولت گفت: جلسه فردا برگزار می‌شود.", id="a1")
>>> d = rec.to_dict()
>>> d["id"], d["schema_version"], d["quotes"][0]["kind"], d["quotes"][0]["content"]["text"]
('a1', '1', 'direct', 'جلسه فردا برگزار می\u200cشود')
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["SCHEMA_VERSION", "ArticleRecord", "analyze", "default_pipeline", "record_from_doc"]

#: Version of the record layout; bumped on any incompatible change (see docs/schema.md).
SCHEMA_VERSION = "1"

logger = logging.getLogger("persnews")

#: Article fields copied to the top level of the record when the reader provides them.
_ARTICLE_KEYS = (
    "title",
    "lead",
    "news_id",
    "published",
    "published_jalali",
    "updated",
    "updated_jalali",
    "body_start",
    "body_end",
    "parts",
)


@dataclass(slots=True)
class ArticleRecord:
    """One analysed article; :meth:`to_dict` gives the JSON layout of docs/schema.md."""

    id: str | None
    text: str
    article: dict[str, Any] = field(default_factory=dict)
    entities: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    attributions: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data: ``id``, ``schema_version``, ``text``, article fields,
        ``entities``, ``quotes``, ``attributions``."""
        out: dict[str, Any] = {"id": self.id, "schema_version": SCHEMA_VERSION, "text": self.text}
        for key in _ARTICLE_KEYS:
            out[key] = self.article.get(key)
        out["entities"] = [dict(e) for e in self.entities]
        out["quotes"] = [dict(q) for q in self.quotes]
        out["attributions"] = [dict(a) for a in self.attributions]
        return out

    def to_json(self, *, indent: int | None = None) -> str:
        """The record as one JSON document (UTF-8 text, Persian kept readable)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def _entities(doc: Doc) -> list[dict[str, Any]]:
    if not doc.has_extension("pn_entities") or doc._.pn_entities is None:
        return []
    return [dict(e) for e in doc._.pn_entities]


def record_from_doc(doc: Doc, *, id: str | None = None) -> ArticleRecord:
    """The article record of a processed Doc.

    When the pipeline had no ``persnews_quotes`` component, the quotation step runs on the
    Doc here (once); entities are empty when ``persnews_entities`` did not run.
    """
    if not isinstance(doc, Doc):
        raise TypeError(f"record_from_doc() takes a spaCy Doc, not {type(doc).__name__}")
    if id is not None and not isinstance(id, str):
        raise TypeError(f"id must be a str or None, not {type(id).__name__}")
    from persnews.components.quotes import QuotesComponent, article_data

    if doc._.pn_quotes is None:
        QuotesComponent()(doc)
    article = article_data(doc) or {}
    return ArticleRecord(
        id=id,
        text=doc.text,
        article=dict(article),
        entities=_entities(doc),
        quotes=[dict(q) for q in doc._.pn_quotes or []],
        attributions=[dict(a) for a in article.get("attributions") or []],
    )


@lru_cache(maxsize=1)
def default_pipeline() -> Language:
    """``persnews.load()``, built once and cached for :func:`analyze`."""
    from persnews.pipeline import load

    return load()


def analyze(text: str, *, id: str | None = None, nlp: Language | None = None) -> ArticleRecord:
    """Analyse one article: entities, quotations with speakers, relay attributions.

    ``nlp`` defaults to :func:`default_pipeline`; pass your own (e.g. with a knowledge
    base) to reuse it. ``text`` is kept unchanged in the record and every offset indexes it.
    """
    if not isinstance(text, str):
        raise TypeError(f"analyze() takes a str, not {type(text).__name__}")
    if nlp is not None and not isinstance(nlp, Language):
        raise TypeError(f"nlp must be a spacy Language, not {type(nlp).__name__}")
    pipeline = nlp if nlp is not None else default_pipeline()
    return record_from_doc(pipeline(text), id=id)
