"""NER evaluation: entity-level exact-match P/R/F1 (micro and per type).

* PEYMA test and ParsTwiNER test with the shipped model (gold tokens and raw text);
* Arman test folds 1-3, each with the evaluation model trained on its own train fold
  (``--arman-models DIR`` holding ``arman1/model-best`` ...), averaged;
* Arman test folds with the shipped model (PER/ORG/LOC only; it never saw Arman).

    .venv/bin/python -m benchmarks.ner_eval [--model DIR] [--arman-models DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._data import data_dir
from persnews.training.evaluate import NerScores, score_ner, score_ner_raw
from persnews.training.ner_data import NerSentence, read_ner

ANCHORS = {
    "peyma": "ParsBERT 93.1–93.4, Beheshti-NER 90.6, mBERT 86.6, CRF 84.0",
    "arman": "stanza 83.2 (ParsBERT) / 80.1, BiLSTM-CRF 77.5",
}


def _row(name: str, mode: str, s: NerScores, anchor: str = "") -> str:
    t = s.table()
    p, r, f, n = t["micro"]
    types = ", ".join(f"{k} {v[2]:.1f}" for k, v in t.items() if k != "micro")
    return f"| {name} | {mode} | {n} | {p:.2f} | {r:.2f} | **{f:.2f}** | {types} | {anchor} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None, help="NER model dir (default: shipped)")
    parser.add_argument("--arman-models", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--no-raw", action="store_true")
    parser.add_argument("--only-arman", action="store_true", help="only the Arman fold models")
    args = parser.parse_args(argv)

    from persnews.models import load_ner

    nlp = load_ner(args.model)
    root = data_dir()

    def sents(rel: str, corpus: str) -> list[tuple[list[str], list[str]]]:
        out = list(read_ner(root / rel, corpus))
        return out[: args.limit] if args.limit else out

    print("| test set | input | gold entities | P | R | F1 | F1 per type | anchors |")
    print("|---|---|---:|---:|---:|---:|---|---|")
    if args.only_arman:
        _arman_folds(args.arman_models, sents)
        return 0
    peyma = sents("ner/peyma/test.txt", "peyma")
    print(_row("PEYMA test", "gold tokens", score_ner(nlp, peyma), ANCHORS["peyma"]))
    if not args.no_raw:
        print(_row("PEYMA test", "raw text", score_ner_raw(nlp, peyma)))
    twi = sents("ner/parstwiner/test.txt", "parstwiner")
    print(
        _row(
            "ParsTwiNER test (PER/ORG/LOC)",
            "gold tokens",
            score_ner(nlp, twi, labels=("PER", "ORG", "LOC")),
        )
    )
    three = ("PER", "ORG", "LOC")
    for k in (1, 2, 3):
        arman = sents(f"ner/arman/test_fold{k}.txt", "arman")
        print(
            _row(
                f"Arman test_fold{k}, shipped model (PER/ORG/LOC)",
                "gold tokens",
                score_ner(nlp, arman, labels=three),
            )
        )
    _arman_folds(args.arman_models, sents)
    return 0


def _arman_folds(models: Path | None, sents: Callable[[str, str], list[NerSentence]]) -> None:
    """Arman test folds scored by the per-fold evaluation models, and their average."""
    from persnews.models import load_ner

    if models is None:
        return
    f1s = []
    for k in (1, 2, 3):
        path = models / f"arman{k}" / "model-best"
        if not path.is_dir():
            print(f"| Arman fold {k} | missing model {path} | | | | | | |")
            continue
        s = score_ner(load_ner(path), sents(f"ner/arman/test_fold{k}.txt", "arman"))
        f1s.append(100 * s.micro.f1)
        print(_row(f"Arman test_fold{k}, fold-{k} model", "gold tokens", s))
    if f1s:
        avg = sum(f1s) / len(f1s)
        print(
            f"| Arman {len(f1s)}-fold average | gold tokens | | | | **{avg:.2f}** | | "
            f"{ANCHORS['arman']} |"
        )


if __name__ == "__main__":
    raise SystemExit(main())
