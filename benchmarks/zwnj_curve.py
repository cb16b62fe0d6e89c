"""ZWNJ restoration: learning curve and memorization ceiling on the raw-treebank holdout.

How much would more training text help?  For each share of the training sentences, a
lexicon is built without the holdout (every 10th line of the raw PerDT/Seraji training
files, :func:`persnews.training.zwnj_lexicon.raw_holdout`) and the holdout is scored as in
:mod:`benchmarks.zwnj` (joined and spaced input), per treebank.  The last row scores the
shipped lexicon, which counted the holdout lines themselves: a ceiling for a lexicon that
has seen every sentence.  No dev or test text is read.

    .venv/bin/python -m benchmarks.zwnj_curve [--shares 0.125 0.25 0.5 1] [--seed 0]

Each lexicon takes ~25 s to build.
"""

from __future__ import annotations

import argparse
import lzma
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._data import data_dir
from benchmarks.zwnj import ZWNJ, Score
from persnews.normalize.chars import char_normalize
from persnews.normalize.offsets import apply_edits
from persnews.normalize.zwnj import LEXICON_PATH, ZwnjModel
from persnews.training.zwnj_lexicon import RAW_TRAINING, build


def holdout_by_treebank(data: Path) -> dict[str, list[str]]:
    """The holdout lines (character-normalized) of each raw file, keyed by treebank name.

    The same lines as :func:`persnews.training.zwnj_lexicon.raw_holdout` (every 10th).
    """
    out: dict[str, list[str]] = {}
    for rel in RAW_TRAINING:
        with lzma.open(data / rel, "rt", encoding="utf-8") as fh:
            lines = [line.rstrip("\n") for i, line in enumerate(fh) if i % 10 == 9]
        out[rel.split("/")[-1].split("-")[0]] = [char_normalize(t)[0] for t in lines if t.strip()]
    return out


def score(model: ZwnjModel, gold: list[str], kind: str) -> Score:
    """Score ``model`` on ``gold`` with every ZWNJ deleted (joined) or made a space (spaced)."""
    sep = "" if kind == "joined" else " "
    result = Score()
    for g in gold:
        text = g.replace(ZWNJ, sep)
        result.add(g, apply_edits(text, model.edits(text))[0])
    return result


def row(label: str, model: ZwnjModel, sets: dict[str, list[str]]) -> str:
    cells = [label]
    for kind in ("joined", "spaced"):
        total = Score()
        for gold in sets.values():
            s = score(model, gold, kind)
            cells.append(f"{s.row()[2]:.2f}")
            total.tp, total.fp, total.fn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn
        cells.append(f"**{total.row()[2]:.2f}**")
    return "| " + " | ".join(cells) + " |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--shares", type=float, nargs="*", default=[0.125, 0.25, 0.5, 1.0])
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    data = data_dir()
    sets = holdout_by_treebank(data)
    names = list(sets)
    n_zwnj = {name: sum(g.count(ZWNJ) for g in gold) for name, gold in sets.items()}
    print(
        f"holdout: {', '.join(f'{k} {len(v)} lines / {n_zwnj[k]} ZWNJs' for k, v in sets.items())}"
    )
    head = " | ".join(f"{kind} F1 {n}" for kind in ("joined", "spaced") for n in [*names, "all"])
    print(f"| training text | {head} |")
    print("|---" + "|---:" * (2 * len(names) + 2) + "|")
    with tempfile.TemporaryDirectory() as tmp:
        for share in args.shares:
            path = Path(tmp) / f"lexicon-{share}.tsv.xz"
            build(data, path, holdout=True, sample=share)
            print(row(f"{share:g} of the lines", ZwnjModel.load(path), sets), flush=True)
    print(row("shipped lexicon (has seen the holdout)", ZwnjModel.load(LEXICON_PATH), sets))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
