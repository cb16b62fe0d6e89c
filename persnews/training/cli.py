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

__all__ = ["build_parser", "install", "main"]

logger = logging.getLogger("persnews")


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
        "--set",
        nargs="*",
        default=[],
        metavar="KEY=VALUE",
        help="config overrides, e.g. training.max_steps=2000",
    )
    return parser


def install(best: Path, name: str) -> Path:
    """Copy a trained ``model-best`` directory to ``persnews/models/<name>`` (replacing it)."""
    import spacy

    from persnews.models import MODELS_DIR

    target = MODELS_DIR / name
    nlp = spacy.load(best)
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
        best = train_ud(args.data, work_dir=args.work, output=args.work / "ud", overrides=overrides)
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
            output=args.work / f"arman{args.fold}",
            overrides=overrides,
        )
        name = ""
    logger.info("best model: %s", best)
    if args.install and name:
        logger.info("installed to %s", install(best, name))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
