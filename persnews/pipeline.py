"""Build the persnews spaCy pipeline.

>>> import persnews
>>> nlp = persnews.load()
>>> nlp.lang
'fa'
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable

import spacy
from spacy.language import Language

import persnews.tokenizer  # noqa: F401  (registers persnews.Tokenizer.v1)

__all__ = ["load"]

#: Rule-based components added after the trained ones, in this order, when available.
_RULE_COMPONENTS: tuple[tuple[str, str], ...] = (
    ("persnews_sentencizer", "persnews.components.sentences"),  # must stay before the parser
)


def load(*, exclude: Iterable[str] = ()) -> Language:
    """Return the persnews pipeline: tokenizer, sentences, trained models and extractors."""
    excluded = set(exclude)
    nlp = spacy.blank(
        "fa", config={"nlp": {"tokenizer": {"@tokenizers": "persnews.Tokenizer.v1"}}}
    )
    for factory, module in _RULE_COMPONENTS:
        if factory in excluded:
            continue
        importlib.import_module(module)
        nlp.add_pipe(factory)
    return nlp
