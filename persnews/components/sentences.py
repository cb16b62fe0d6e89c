"""The ``persnews_sentencizer`` component: rule-based sentence boundaries.

A thin wrapper around :func:`persnews.extract.sentences.sentence_starts`; it sets
``token.is_sent_start`` on every token. Put it before the parser, which then keeps
these boundaries.

>>> import persnews
>>> nlp = persnews.load()
>>> doc = nlp("تهران - ایرنا: رئیس‌جمهور به نیویورک رفت. او فردا سخنرانی می‌کند.")
>>> [s.text for s in doc.sents]
['تهران - ایرنا:', 'رئیس\u200cجمهور به نیویورک رفت.', 'او فردا سخنرانی می\u200cکند.']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from persnews.extract.sentences import sentence_starts

__all__ = ["PersianSentencizer", "make_sentencizer"]


class PersianSentencizer:
    """Sets sentence starts by rule (see :mod:`persnews.extract.sentences`)."""

    def __init__(self, name: str = "persnews_sentencizer", *, split_inside_quotes: bool = True):
        if not isinstance(split_inside_quotes, bool):
            raise TypeError(
                f"split_inside_quotes must be a bool, not {type(split_inside_quotes).__name__}"
            )
        self.name = name
        self.split_inside_quotes = split_inside_quotes

    def __call__(self, doc: Doc) -> Doc:
        """Mark the first token of every sentence; every other token is not a start."""
        starts = set(sentence_starts(doc, split_inside_quotes=self.split_inside_quotes))
        for token in doc:
            token.is_sent_start = token.i in starts
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 1000) -> Iterator[Doc]:
        """Process a stream of Docs."""
        for doc in docs:
            yield self(doc)


@Language.factory(
    "persnews_sentencizer",
    assigns=["token.is_sent_start"],
    default_config={"split_inside_quotes": True},
)
def make_sentencizer(nlp: Language, name: str, split_inside_quotes: bool) -> PersianSentencizer:
    """spaCy factory for :class:`PersianSentencizer`."""
    return PersianSentencizer(name, split_inside_quotes=split_inside_quotes)
