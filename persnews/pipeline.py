"""Build the persnews spaCy pipeline.

The pipeline, in order: the ``persnews.Tokenizer.v1`` tokenizer (normalizes internally,
keeps original offsets), ``persnews_sentencizer`` (rule-based sentences, before the parser),
the shipped trained components (tagger/morphology, lemmatizer, parser, NER) when present,
``persnews_gazetteer`` and ``persnews_entities`` (entity clusters, optional KB linking) and
``persnews_quotes`` (quotations with speakers).

>>> import persnews
>>> nlp = persnews.load()
>>> nlp.lang, nlp.pipe_names[0], nlp.pipe_names[-1]
('fa', 'persnews_sentencizer', 'persnews_quotes')
>>> doc = nlp("کرملین اعلام کرد: این گفتگو سازنده بود.")
>>> doc.text
'کرملین اعلام کرد: این گفتگو سازنده بود.'
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.language import Language

import persnews.tokenizer  # noqa: F401  (registers persnews.Tokenizer.v1)
from persnews._log import logger
from persnews.errors import InvalidOptionError
from persnews.models import COMPONENTS as TRAINED_COMPONENTS

__all__ = ["COMPONENT_NAMES", "load"]

#: Every component name ``load`` may add, in pipeline order (trained ones need the models).
COMPONENT_NAMES: tuple[str, ...] = (
    "persnews_sentencizer",
    *(name for names in TRAINED_COMPONENTS.values() for name in names),
    "persnews_gazetteer",
    "persnews_entities",
    "persnews_quotes",
)


def load(
    *,
    exclude: Iterable[str] = (),
    kb_path: str | Path | None = None,
    trained: bool = True,
) -> Language:
    """Return the persnews pipeline for ``fa``, built offline from the installed package.

    Args:
        exclude: component names to leave out (see :data:`COMPONENT_NAMES`).
        kb_path: a knowledge-base file (CSV or JSONL) for entity linking, or ``"example"`` for
            the small KB shipped with persnews; ``None`` links nothing.
        trained: add the shipped trained models (set ``False`` for a rules-only pipeline).
    """
    excluded = set(exclude)
    unknown = excluded - set(COMPONENT_NAMES)
    if unknown:
        raise InvalidOptionError(
            f"exclude={sorted(unknown)!r} names no persnews component; "
            f"allowed: {', '.join(COMPONENT_NAMES)}"
        )
    nlp = spacy.blank("fa", config={"nlp": {"tokenizer": {"@tokenizers": "persnews.Tokenizer.v1"}}})
    if "persnews_sentencizer" not in excluded:
        importlib.import_module("persnews.components.sentences")
        nlp.add_pipe("persnews_sentencizer")
    if trained:
        from persnews.models import add_trained_components, available

        present = [name for name, ok in available().items() if ok]
        if len(present) < len(available()):
            logger.warning(
                "trained models missing from the package: %s",
                sorted(set(available()) - set(present)),
            )
        add_trained_components(nlp, models=present, exclude=excluded)
    from persnews.components.entities import add_entity_components

    if "persnews_entities" not in excluded:
        add_entity_components(nlp, kb_path=None if kb_path is None else str(kb_path))
        if "persnews_gazetteer" in excluded:
            nlp.remove_pipe("persnews_gazetteer")
    elif "persnews_gazetteer" not in excluded:
        nlp.add_pipe("persnews_gazetteer")
    if "persnews_quotes" not in excluded:
        importlib.import_module("persnews.components.quotes")
        nlp.add_pipe("persnews_quotes")
    return nlp
