"""Training command: ``python -m persnews.training.cli tagger|parser|ner|arman --data DIR``.

``tagger`` and ``parser`` train the same joint UD model (tok2vec + morphologizer +
lemmatizer + parser, ``configs/ud.cfg``); ``ner`` trains the shipped NER
(``configs/ner.cfg``); ``arman K`` trains the evaluation-only model of Arman fold K.
With ``--install`` the best model is copied into ``persnews/models/`` (the shipped location).

>>> build_parser().parse_args(["ner", "--data", "d"]).model
'ner'
"""

from __future__ import annotations

import argparse
import logging
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["build_parser", "install", "main"]

logger = logging.getLogger("persnews")

#: The shipped NER model (``persnews.models.NER_MODEL``, without importing spaCy here).
_SHIPPED_NER = Path(__file__).resolve().parents[1] / "models" / "fa_ner"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the training command."""
    parser = argparse.ArgumentParser(prog="persnews train", description=__doc__.splitlines()[0])
    parser.add_argument("model", choices=["tagger", "parser", "ud", "ner", "arman"])
    parser.add_argument("fold", nargs="?", type=int, default=1, help="Arman fold (1-3)")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"), help="shared data dir")
    parser.add_argument(
        "--work",
        type=Path,
        default=Path("/tmp/persnews-train"),
        help="scratch dir for corpora and checkpoints (outside the repo)",
    )
    parser.add_argument(
        "--install", action="store_true", help="copy the best model into persnews/models/"
    )
    parser.add_argument(
        "--transfer",
        nargs="?",
        type=Path,
        const=_SHIPPED_NER,
        default=None,
        metavar="NER_MODEL",
        help="arman: start from this NER model's tok2vec (default: the shipped fa_ner)",
    )
    parser.add_argument(
        "--harmonize",
        action="store_true",
        help="ud: train on treebanks brought to PerDT's convention (not the shipped model)",
    )
    parser.add_argument(
        "--set",
        nargs="*",
        action="extend",
        default=[],
        metavar="KEY=VALUE",
        help="config overrides, e.g. training.max_steps=2000",
    )
    return parser


def add_lemma_lookup(nlp: Language, data_dir: Path) -> None:
    """Add ``persnews_lemma_lookup`` after the lemmatizer, with a table from the UD train split.

    UPOS and lemmas follow PerDT's convention (:mod:`persnews.training.harmonize`); the
    lemmas seen per UPOS feed the nominal back-off.
    """
    from persnews.models.lemma_lookup import NOMINAL_UPOS, LemmaLookup, build_table
    from persnews.training.conllu import gold_norm, read_conllu
    from persnews.training.corpora import UD_DEV_CARVED, carve_index, require
    from persnews.training.harmonize import UposHarmonizer, harmonize_lemma

    train = [
        (rel, sent)
        for rel in UD_DEV_CARVED
        for i, sent in enumerate(read_conllu(require(data_dir, rel)))
        if not carve_index(i)
    ]
    harmonizer = UposHarmonizer.from_sentences(s for rel, s in train if "seraji" not in rel)
    triples = [
        (
            gold_norm(w.form),
            harmonizer.upos(w.form, w.upos, seraji="seraji" in rel),
            harmonize_lemma(w.form, w.lemma, seraji="seraji" in rel),
        )
        for rel, sent in train
        for w in sent.words
    ]
    import persnews.models.lemma_lookup  # noqa: F401  (registers the factory)

    lookup = nlp.add_pipe("persnews_lemma_lookup", after="trainable_lemmatizer")
    if not isinstance(lookup, LemmaLookup):
        raise TypeError(f"unexpected component {type(lookup).__name__}")
    lookup.table = build_table(triples, min_share=0.7)
    known: dict[str, set[str]] = {upos: set() for upos in NOMINAL_UPOS}
    for _, upos, lemma in triples:
        if upos in known:
            known[upos].add(lemma)
    lookup.lemmas = {upos: frozenset(lemmas) for upos, lemmas in known.items()}


def install(best: Path, name: str, data_dir: Path, *, models_dir: Path | None = None) -> Path:
    """Save a trained ``model-best`` as ``persnews/models/<name>`` (replacing it).

    The UD model gets its ``persnews_lemma_lookup`` table here (from the UD train split).
    """
    import spacy

    from persnews.models import MODELS_DIR

    target = (models_dir or MODELS_DIR) / name
    nlp = spacy.load(best)
    if name == "fa_ud":
        if "tagger" in nlp.pipe_names:
            # The tagger is an auxiliary task: it trains the shared tok2vec on the silver
            # Bijankhan/ParsNER tags.  Its own UPOS was less accurate on our dev split than
            # the morphologizer's (PerDT dev 90.84 vs 91.23), so it is not shipped.
            nlp.remove_pipe("tagger")
        add_lemma_lookup(nlp, data_dir)
    if target.exists():
        shutil.rmtree(target)
    nlp.to_disk(target)
    return target


def _overrides(items: Sequence[str]) -> dict[str, object]:
    out: dict[str, object] = {}
    for item in items:
        key, _, value = item.partition("=")
        try:
            out[key] = int(value)
        except ValueError:
            try:
                out[key] = float(value)
            except ValueError:
                out[key] = value
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Run the training command; returns the exit status."""
    from persnews.training.train import train_arman, train_ner, train_ud

    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    overrides = _overrides(args.set)
    if args.model in {"tagger", "parser", "ud"}:
        best = train_ud(
            args.data,
            work_dir=args.work,
            output=args.work / "ud",
            overrides=overrides,
            harmonize=args.harmonize,
        )
        name = "fa_ud"
    elif args.model == "ner":
        best = train_ner(
            args.data, work_dir=args.work, output=args.work / "ner", overrides=overrides
        )
        name = "fa_ner"
    else:
        best = train_arman(
            args.data,
            args.fold,
            work_dir=args.work,
            output=args.work / (f"arman{args.fold}" + ("-transfer" if args.transfer else "")),
            overrides=overrides,
            transfer_from=args.transfer,
        )
        name = ""
    logger.info("best model: %s", best)
    if args.install and name:
        logger.info("installed to %s", install(best, name, args.data))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
