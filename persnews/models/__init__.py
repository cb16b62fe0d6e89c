"""The trained persnews models shipped inside the package, and how to add them to a pipeline.

Two spaCy pipelines are stored here (each loadable offline with ``spacy.load``):

* ``fa_ud``  — ``tok2vec``, ``morphologizer`` (UPOS + features), ``trainable_lemmatizer``,
  ``persnews_lemma_lookup`` (known words, verb stems), ``parser``
* ``fa_ner`` — ``ner_tok2vec``, ``ner`` (PER ORG LOC DATE TIME MONEY PERCENT)

:func:`add_trained_components` sources their components into an existing pipeline (the one
built by :func:`persnews.load`), right after the rule-based sentencizer (so the parser keeps
its sentence boundaries and the rule-based extractors after it see tags, parses and entities).

>>> sorted(COMPONENTS)
['fa_ner', 'fa_ud']
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

import spacy
import srsly
from spacy.language import Language
from spacy.strings import StringStore
from spacy.vectors import Vectors
from spacy.vocab import Vocab

from persnews.errors import ModelNotFoundError, check_choice

__all__ = [
    "COMPONENTS",
    "MODELS_DIR",
    "NER_MODEL",
    "UD_MODEL",
    "add_trained_components",
    "available",
    "load_ner",
    "load_ud",
]

logger = logging.getLogger("persnews")

MODELS_DIR = Path(__file__).resolve().parent
UD_MODEL = MODELS_DIR / "fa_ud"
NER_MODEL = MODELS_DIR / "fa_ner"

#: Model name -> component names, in pipeline order.
COMPONENTS: dict[str, tuple[str, ...]] = {
    "fa_ud": (
        "tok2vec",
        "morphologizer",
        "trainable_lemmatizer",
        "persnews_lemma_lookup",
        "parser",
    ),
    "fa_ner": ("ner_tok2vec", "ner"),
}
_PATHS = {"fa_ud": UD_MODEL, "fa_ner": NER_MODEL}


def available() -> dict[str, bool]:
    """Which shipped models are present (a model is present when its ``config.cfg`` is).

    >>> set(available()) == {"fa_ud", "fa_ner"}
    True
    """
    return {name: (path / "config.cfg").is_file() for name, path in _PATHS.items()}


def _load_source(path: str, vocab: Vocab) -> Language:
    """Load a shipped model into ``vocab`` (the target pipeline's vocab).

    Loaded afresh for every pipeline: components must not be shared between pipelines.
    With one vocab, sourcing copies no strings and the components write analysis ids
    that ``token.morph`` finds.
    """
    # the stored tokenizer (spaCy's default, used only in training) is never used here:
    # building it compiles its affix rules, so the cheap persnews tokenizer stands in
    import persnews.tokenizer  # noqa: F401  (registers persnews.Tokenizer.v1)
    from persnews.models import lemma_lookup  # noqa: F401  (registers the factory)

    return spacy.load(
        path,
        vocab=vocab,
        exclude=["tokenizer"],
        config={"nlp": {"tokenizer": {"@tokenizers": "persnews.Tokenizer.v1"}}},
    )


def _check_vectors(nlp: Language, path: Path) -> None:
    """Refuse to load a model whose static vectors differ from those ``nlp`` already has."""
    ours = nlp.vocab.vectors
    if ours.shape[0] == 0:
        return
    meta = srsly.read_json(path / "meta.json").get("vectors", {})
    theirs = (meta.get("name"), (meta.get("vectors", 0), meta.get("width", 0)))
    if meta.get("vectors") and theirs != (ours.name, ours.shape):
        raise ModelNotFoundError(
            f"pipeline already has other vectors ({ours.name!r}, {ours.shape}); "
            f"the trained components of {path} need {theirs[0]!r} {theirs[1]}"
        )


def _resolve(name: str, path: Path | None) -> Path:
    path = Path(path) if path is not None else _PATHS[name]
    if not (path / "config.cfg").is_file():
        raise ModelNotFoundError(
            f"trained model {name!r} not found at {path}; reinstall persnews or retrain it "
            f"with `python -m persnews.training.cli {'ner' if name == 'fa_ner' else 'ud'}`"
        )
    return path


def add_trained_components(
    nlp: Language,
    *,
    models: Iterable[str] = ("fa_ud", "fa_ner"),
    exclude: Iterable[str] = (),
    paths: dict[str, Path] | None = None,
    after: str | None = "persnews_sentencizer",
) -> Language:
    """Append the trained components of ``models`` to ``nlp`` (in place) and return it.

    Args:
        nlp: a ``fa`` pipeline, normally with ``persnews.Tokenizer.v1`` and the sentencizer.
        models: which shipped models to add (``"fa_ud"``, ``"fa_ner"``).
        exclude: component names to leave out (e.g. ``("ner",)``; excluding a ``*tok2vec``
            also drops the components listening to it).
        paths: override the directory of a model (e.g. a fresh training output).
        after: insert the components right after this one (in order) when it is in the
            pipeline, so that rule-based components further on see tags, parses and
            entities; otherwise they are appended.
    """
    excluded = set(exclude)
    anchor = after if after in nlp.pipe_names else None
    sources = []
    for name in models:
        check_choice("models", name, tuple(COMPONENTS))
        path = _resolve(name, (paths or {}).get(name))
        _check_vectors(nlp, path)
        sources.append((name, _load_source(str(path), nlp.vocab)))
    # spaCy compares the vectors of source and target byte by byte for every sourced
    # component (seconds for 7 components); here they are one table, so the check runs
    # on an empty stand-in and the table is put back once at the end.
    vectors = nlp.vocab.vectors
    nlp.vocab.vectors = Vectors(strings=StringStore())
    try:
        for name, source in sources:
            names = COMPONENTS[name]
            if names[0] in excluded:
                excluded.update(names)
            for comp in names:
                # a model trained before a component existed simply lacks it
                if comp in excluded or comp in nlp.pipe_names or comp not in source.pipe_names:
                    continue
                if anchor is None:
                    nlp.add_pipe(comp, source=source)
                else:
                    nlp.add_pipe(comp, source=source, after=anchor)
                    anchor = comp
    finally:
        nlp.vocab.vectors = vectors
    return nlp


def _blank() -> Language:
    import persnews.tokenizer  # noqa: F401  (registers persnews.Tokenizer.v1)

    return spacy.blank(
        "fa", config={"nlp": {"tokenizer": {"@tokenizers": "persnews.Tokenizer.v1"}}}
    )


def load_ud(path: Path | None = None) -> Language:
    """A pipeline with the persnews tokenizer and the UD components only (for evaluation)."""
    return add_trained_components(
        _blank(), models=("fa_ud",), paths={"fa_ud": path} if path else None
    )


def load_ner(path: Path | None = None) -> Language:
    """A pipeline with the persnews tokenizer and the NER components only (for evaluation)."""
    return add_trained_components(
        _blank(), models=("fa_ner",), paths={"fa_ner": path} if path else None
    )
