"""The ``persnews_quotes`` component: quotations, cues and speakers on the Doc.

A thin wrapper around :func:`persnews.extract.quotes.extract_quotes`. It reads the page
structure once (:func:`persnews.read_article`; kept in ``doc._.pn_article`` as plain data
unless something set it before) so that quotations are looked for in the title and the
article body only, not in page chrome such as related-links footers. It writes:

- ``doc._.pn_quotes``: one plain dict per quotation (the ``quotes`` of the article record);
- ``doc.spans["pn_quotes"]``: the content spans (``label_`` = kind, ``id_`` = quote id);
- ``doc.spans["pn_cues"]``: the cue spans (``label_`` = cue lemma, ``id_`` = quote id);
- ``doc.spans["pn_speakers"]``: the overt speaker spans (``label_`` = ``"SPEAKER"``,
  ``id_`` = quote id; the speaker's entity id is in the quote dict).

Put it after ``persnews_entities`` so that speakers are resolved to entities.

>>> import persnews
>>> nlp = persnews.load()
>>> if "persnews_quotes" not in nlp.pipe_names:
...     _ = nlp.add_pipe("persnews_quotes")
>>> doc = nlp("وزیر کشور گفت: انتخابات به موقع برگزار می‌شود.")
>>> [(s.label_, s.text) for s in doc.spans["pn_quotes"]]
[('direct', 'انتخابات به موقع برگزار می\u200cشود')]
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from persnews.extract.quotes import extract_quotes

__all__ = ["CUES_KEY", "QUOTES_KEY", "SPEAKERS_KEY", "QuotesComponent", "article_data"]

QUOTES_KEY = "pn_quotes"
CUES_KEY = "pn_cues"
SPEAKERS_KEY = "pn_speakers"

logger = logging.getLogger("persnews")

for _name in ("pn_quotes", "pn_article"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def article_data(doc: Doc) -> dict[str, Any] | None:
    """``doc._.pn_article``, reading the page structure first when it is not set yet."""
    if doc._.pn_article is None:
        try:
            from persnews.article import read_article
        except ImportError:  # pragma: no cover - the article reader ships with persnews
            return None
        try:
            doc._.pn_article = read_article(doc.text).to_dict()
        except Exception as err:  # a reader bug must not lose the quotations
            logger.warning("read_article failed, using the whole text: %s", err)
            return None
    data = doc._.pn_article
    if hasattr(data, "to_dict"):  # an Article object set by another component
        data = data.to_dict()
    return data if isinstance(data, dict) else None


def _region(doc: Doc, article: dict[str, Any] | None) -> tuple[int, int]:
    """Title start (or body start) to body end; the whole text when unknown."""
    if not article:
        return 0, len(doc.text)
    start = article.get("body_start")
    end = article.get("body_end")
    if not isinstance(start, int) or not isinstance(end, int) or end <= start:
        return 0, len(doc.text)
    for part in article.get("parts") or []:
        if part.get("kind") == "title" and isinstance(part.get("start"), int):
            start = min(start, part["start"])
    return start, end


def _span(doc: Doc, data: dict[str, Any] | None, label: str, qid: str) -> Span | None:
    if not data:
        return None
    span = doc.char_span(data["start"], data["end"], label=label, alignment_mode="expand")
    if span is not None:
        span.id_ = qid
    return span


class QuotesComponent:
    """Finds quotations and their speakers (see the module docstring)."""

    def __init__(self, name: str = "persnews_quotes", *, body_only: bool = True) -> None:
        if not isinstance(body_only, bool):
            raise TypeError(f"body_only must be a bool, not {type(body_only).__name__}")
        self.name = name
        self.body_only = body_only

    def __call__(self, doc: Doc) -> Doc:
        start, end = 0, len(doc.text)
        if self.body_only:
            start, end = _region(doc, article_data(doc))
        quotes = extract_quotes(doc, start=start, end=end)
        doc._.pn_quotes = quotes
        contents: list[Span] = []
        cues: list[Span] = []
        speakers: list[Span] = []
        for q in quotes:
            for data, label, bucket in (
                (q["content"], q["kind"], contents),
                (q["cue"], q["cue"]["lemma"], cues),
                (q["speaker"], "SPEAKER", speakers),
            ):
                span = _span(doc, data, label, q["id"])
                if span is not None:
                    bucket.append(span)
        doc.spans[QUOTES_KEY] = contents
        doc.spans[CUES_KEY] = cues
        doc.spans[SPEAKERS_KEY] = speakers
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Process a stream of Docs."""
        for doc in docs:
            yield self(doc)


@Language.factory(
    "persnews_quotes",
    assigns=["doc._.pn_quotes", "doc._.pn_article", "doc.spans"],
    default_config={"body_only": True},
)
def make_quotes(nlp: Language, name: str, body_only: bool) -> QuotesComponent:
    """Factory of :class:`QuotesComponent`."""
    return QuotesComponent(name, body_only=body_only)
