"""UD evaluation of the shipped persnews models: UPOS, features, lemma, UAS/LAS.

Scores the PerDT and Seraji test files and iPerUDT dev, from gold tokenization and
from raw text, next to the published anchors.

    .venv/bin/python benchmarks/ud_eval.py [--model DIR] [--limit N] [--files perdt-test ...]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._data import data_dir
from persnews.training.conllu import read_conllu
from persnews.training.evaluate import Convention, UdScores, score_ud_gold, score_ud_raw
from persnews.training.harmonize import to_iperudt, to_seraji

Scorer = Callable[..., UdScores]

FILES = {
    "perdt-test": "ud/perdt-test.conllu",
    "seraji-test": "ud/seraji-test.conllu",
    "iperudt-dev": "ud/iperudt-dev.conllu",
}
#: Predictions converted to the treebank's own convention (persnews follows PerDT's).
CONVENTIONS: dict[str, tuple[str, Convention]] = {
    "seraji-test": ("Seraji", to_seraji),
    "iperudt-dev": ("iPerUDT", to_iperudt),
}
#: Published anchors (UPOS / lemma / UAS / LAS) from issue 3.
ANCHORS = {
    "perdt-test": "UDPipe 2 97.75 / 99.28 / – / 91.87; DadmaTools 97.52 / 99.14 / – / 92.54; "
    "stanza 97.35 / – / – / 91.05",
    "seraji-test": "UDPipe 2 98.27 / 98.54 / – / 89.52; DadmaTools 97.83 / – / – / 89.23",
    "iperudt-dev": "–",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None, help="model dir (default: shipped)")
    parser.add_argument("--limit", type=int, default=0, help="first N sentences per file")
    parser.add_argument("--files", nargs="*", default=list(FILES))
    parser.add_argument("--no-raw", action="store_true", help="skip the raw-text rows")
    args = parser.parse_args(argv)

    from persnews.models import load_ud

    nlp = load_ud(args.model)
    print("| file | input | words F1 | UPOS | UFeats | lemma | UAS | LAS | sec | anchors |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for key in args.files:
        sents = read_conllu(data_dir() / FILES[key])
        if args.limit:
            sents = sents[: args.limit]
        modes: list[tuple[str, Scorer, Convention | None]] = [("gold tokens", score_ud_gold, None)]
        if not args.no_raw:
            modes.append(("raw text", score_ud_raw, None))
        # persnews follows PerDT's convention; Seraji's differs (PROPN, را, the lemma of شد),
        # iPerUDT's in را (PART)
        convention = CONVENTIONS.get(key)
        if convention is not None:
            name, convert = convention
            modes.append((f"gold tokens, {name} convention", score_ud_gold, convert))
            if not args.no_raw:
                modes.append((f"raw text, {name} convention", score_ud_raw, convert))
        for mode, fn, convention in modes:
            t0 = time.perf_counter()
            s = fn(nlp, sents, convention=convention).table()
            dt = time.perf_counter() - t0
            print(
                f"| {key} | {mode} | {s['words']:.2f} | {s['upos']:.2f} | {s['feats']:.2f} | "
                f"{s['lemma']:.2f} | {s['uas']:.2f} | {s['las']:.2f} | {dt:.0f} | {ANCHORS[key]} |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
