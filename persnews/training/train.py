"""Train the persnews models with spaCy from a versioned config in ``configs/``.

Each function builds its corpora from the shared data directory into ``work_dir``
(outside the repository), then runs ``spacy train`` with a fixed seed.  Training
never runs in CI; see ``docs/models.md`` for the exact commands and timings.

>>> sorted(CONFIGS)
['ner', 'ner_transfer', 'ud']
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from persnews.errors import DataNotFoundError

__all__ = ["CONFIGS", "REPO", "config_path", "train_arman", "train_ner", "train_ud"]

logger = logging.getLogger("persnews")

REPO = Path(__file__).resolve().parents[2]
#: Model name -> config file (relative to the repository root).
CONFIGS: dict[str, str] = {
    "ud": "configs/ud.cfg",
    "ner": "configs/ner.cfg",
    "ner_transfer": "configs/ner_transfer.cfg",
}


def config_path(name: str) -> Path:
    """Absolute path of the versioned config of model ``name``."""
    path = REPO / CONFIGS[name]
    if not path.is_file():
        raise DataNotFoundError(f"training config not found: {path} (run from a source checkout)")
    return path


def _single_thread() -> None:
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")


def _vectors(data_dir: Path, work_dir: Path) -> Path:
    """The NORM-keyed word2vec table in ``work_dir/vectors``, trained once and reused."""
    from persnews.training.vectors import build_vectors

    target = work_dir / "vectors"
    if not (target / "config.cfg").is_file():
        build_vectors(data_dir, work_dir)
    return target


def _spacy_train(config: Path, output: Path, overrides: dict[str, object]) -> None:
    _single_thread()
    # imported lazily: spaCy's CLI pulls in many modules
    from spacy.cli.train import train as spacy_train

    import persnews.training.corpora  # noqa: F401  (registers persnews.GoldCorpus.v1)

    output.mkdir(parents=True, exist_ok=True)
    spacy_train(config, output, overrides=overrides)


def train_ud(
    data_dir: Path,
    *,
    work_dir: Path,
    output: Path,
    overrides: dict[str, object] | None = None,
    harmonize: bool = False,
) -> Path:
    """Train tagger/morphologizer/lemmatizer/parser; returns the ``model-best`` directory.

    ``harmonize`` brings the treebanks to PerDT's convention first
    (:mod:`persnews.training.harmonize`); the shipped model is trained without it (the
    harmonized run was not better on our dev split, see ``docs/models.md``).
    """
    from persnews.training.corpora import build_ud

    counts = build_ud(
        Path(data_dir),
        Path(work_dir),
        include_iperudt=True,
        silver=True,
        gold_repeat=2,
        harmonize=harmonize,
    )
    logger.info("UD corpora: %s", counts)
    opts: dict[str, object] = {
        "paths.train": str(Path(work_dir) / "ud-train.spacy"),
        "paths.dev": str(Path(work_dir) / "ud-dev.spacy"),
        "paths.vectors": str(_vectors(Path(data_dir), Path(work_dir))),
    }
    opts.update(overrides or {})
    _spacy_train(config_path("ud"), Path(output), opts)
    return Path(output) / "model-best"


def train_ner(
    data_dir: Path, *, work_dir: Path, output: Path, overrides: dict[str, object] | None = None
) -> Path:
    """Train the named-entity recognizer; returns the ``model-best`` directory."""
    from persnews.training.ner_data import build_ner

    counts = build_ner(Path(data_dir), Path(work_dir))
    logger.info("NER corpora: %s", counts)
    opts: dict[str, object] = {
        "paths.train": str(Path(work_dir) / "ner-train.spacy"),
        "paths.dev": str(Path(work_dir) / "ner-dev.spacy"),
        "paths.vectors": str(_vectors(Path(data_dir), Path(work_dir))),
    }
    opts.update(overrides or {})
    _spacy_train(config_path("ner"), Path(output), opts)
    return Path(output) / "model-best"


def train_arman(
    data_dir: Path,
    fold: int,
    *,
    work_dir: Path,
    output: Path,
    overrides: dict[str, object] | None = None,
    transfer_from: Path | None = None,
) -> Path:
    """Train the evaluation-only NER model of Arman fold ``fold`` on ``train_fold{fold}``.

    With ``transfer_from`` (a trained persnews NER model directory) its token-to-vector
    layer is the starting point (``configs/ner_transfer.cfg``); otherwise training starts
    from scratch (``configs/ner.cfg``).
    """
    from persnews.training.ner_data import build_arman_fold

    counts = build_arman_fold(Path(data_dir), Path(work_dir), fold)
    logger.info("Arman fold %d corpora: %s", fold, counts)
    opts: dict[str, object] = {
        "paths.train": str(Path(work_dir) / f"arman{fold}-train.spacy"),
        "paths.dev": str(Path(work_dir) / f"arman{fold}-dev.spacy"),
        # the folds plateau early (fold 1 dev F1 73.11 after 500 updates, 73.12 after 750)
        "training.max_steps": 500,
        "training.eval_frequency": 100,
        "paths.vectors": str(_vectors(Path(data_dir), Path(work_dir))),
    }
    if transfer_from is not None:
        opts["paths.ner_source"] = str(transfer_from)
    opts.update(overrides or {})
    name = "ner" if transfer_from is None else "ner_transfer"
    _spacy_train(config_path(name), Path(output), opts)
    return Path(output) / "model-best"
