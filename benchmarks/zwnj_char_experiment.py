"""Experiment (not shipped): a character model for spaced word pairs the lexicon never saw.

Question: do the count rules of :mod:`persnews.normalize.zwnj` leave accuracy on the table
for pairs of pieces without any count (``آبان ماه``, ``عدالت خواهان``)?  A small
convolutional classifier reads the characters of the two pieces around a separator (up to 16
on each side, nothing beyond the two pieces) and predicts ZWNJ vs. space.  It is trained on
the distinct piece pairs of the training text (the lexicon's sources with the raw-treebank
holdout left out), each weighted by the square root of its weighted count, and scored on the
holdout, where the pairs the ``--holdout`` lexicon has no count for get the model's decision
and all others keep the count rules.  No dev or test text is read.

Three steps; ``train`` needs PyTorch, which persnews does not depend on (any venv with
``torch`` and ``numpy``; it ran on 2 CPU cores in ~11 minutes)::

    .venv/bin/python -m persnews.training.zwnj_lexicon --holdout --output /tmp/zw/holdout.tsv.xz
    .venv/bin/python -m benchmarks.zwnj_char_experiment prep /tmp/zw
    TORCH_VENV/bin/python benchmarks/zwnj_char_experiment.py train /tmp/zw
    .venv/bin/python -m benchmarks.zwnj_char_experiment score /tmp/zw

Result (2026-11-30) in ``docs/benchmarks.md`` ("Normalization: ZWNJ restoration").
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# The train step runs where persnews (spaCy) is not installed, so these two constants repeat
# persnews.normalize.zwnj_text.LETTERS and persnews.lang.chars.ZWNJ instead of importing them.
ZWNJ = "\u200c"
LETTERS = "\u0621-\u063a\u0641-\u0655\u0670\u067e\u0686\u0698\u06a9\u06af\u06cc"
LETTER = re.compile(f"[{LETTERS}]")
HALF = 16  # characters on each side of the separator
PAD, UNKNOWN = 0, 1


def boundaries(text: str) -> list[tuple[int, int]]:
    """``(position, label)`` of every space (0) or ZWNJ (1) between two Persian letters."""
    out = []
    for i in range(1, len(text) - 1):
        if text[i] in (" ", ZWNJ) and LETTER.match(text[i - 1]) and LETTER.match(text[i + 1]):
            out.append((i, int(text[i] == ZWNJ)))
    return out


def pieces(spaced: str, i: int) -> tuple[str, str]:
    """The letter runs left and right of the separator at ``i``."""
    s = i - 1
    while s > 0 and LETTER.match(spaced[s - 1]):
        s -= 1
    e = i + 1
    while e < len(spaced) - 1 and LETTER.match(spaced[e + 1]):
        e += 1
    return spaced[s:i], spaced[i + 1 : e + 1]


def window(a: str, b: str) -> str:
    """The model's input: ``a`` right-aligned, a space, ``b`` left-aligned (NUL padded)."""
    return a[-HALF:].rjust(HALF, "\0") + " " + b[:HALF].ljust(HALF, "\0")


# -- prep (persnews venv) -------------------------------------------------------------


def prep(out: Path) -> None:
    """Write ``train.tsv`` (weight, window, label) and ``holdout.tsv`` (tag, text)."""
    from collections import Counter

    from benchmarks._data import data_dir
    from persnews.normalize.chars import char_normalize
    from persnews.training.zwnj_lexicon import SOURCE_WEIGHTS, raw_holdout, training_sources

    data = data_dir()
    counts: Counter[tuple[str, int]] = Counter()
    for name, lines in training_sources(data, holdout=True).items():
        weight = SOURCE_WEIGHTS.get(name, 1)
        for line in lines:
            text = char_normalize(line)[0].replace("\n", " ")
            spaced = text.replace(ZWNJ, " ")
            for i, y in boundaries(text):
                counts[(window(*pieces(spaced, i)), y)] += weight
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "train.tsv", "w", encoding="utf-8") as fh:
        for (win, y), n in counts.items():
            fh.write(f"{n}\t{win}\t{y}\n")
    with open(out / "holdout.tsv", "w", encoding="utf-8") as fh:
        for k, line in enumerate(raw_holdout(data)):
            if line.strip():
                tag = "perdt" if k < 2619 else "seraji"
                fh.write(f"{tag}\t{char_normalize(line)[0].replace(chr(10), ' ')}\n")
    print(f"{len(counts)} distinct (window, label) pairs")


# -- train (torch venv) ---------------------------------------------------------------


def train(out: Path, *, epochs: int = 6, emb: int = 32, channels: int = 96) -> None:
    """Fit the classifier and write the holdout windows' probabilities (``holdout_p.npy``)."""
    import numpy as np
    import torch
    from torch import nn

    torch.manual_seed(0)
    agg: dict[str, list[float]] = {}
    with open(out / "train.tsv", encoding="utf-8") as fh:
        for line in fh:
            n, win, y = line.rstrip("\n").split("\t")
            pos_tot = agg.setdefault(win, [0.0, 0.0])
            pos_tot[0] += float(n) * int(y)
            pos_tot[1] += float(n)
    vocab = {"\0": PAD}
    for win in agg:
        for ch in win:
            vocab.setdefault(ch, len(vocab) + 1)

    def encode(wins: list[str]) -> Any:
        return torch.tensor([[vocab.get(ch, UNKNOWN) for ch in w] for w in wins])

    wins = list(agg)
    x = encode(wins)
    tot = torch.tensor([agg[w][1] for w in wins])
    y = torch.tensor([agg[w][0] for w in wins]) / tot
    weight = tot.sqrt()

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.emb = nn.Embedding(len(vocab) + 2, emb, padding_idx=PAD)
            self.c1 = nn.Conv1d(emb, channels, 5, padding=2)
            self.c2 = nn.Conv1d(channels, channels, 5, padding=2)
            self.c3 = nn.Conv1d(channels, channels, 3, padding=1)
            self.head = nn.Sequential(nn.Linear(5 * channels, 256), nn.ReLU(), nn.Linear(256, 1))

        def forward(self, inp: Any) -> Any:
            h = torch.relu(self.c1(self.emb(inp).transpose(1, 2)))
            h = h + torch.relu(self.c2(h))
            h = h + torch.relu(self.c3(h))
            c = HALF
            parts = [h[:, :, c], h[:, :, c - 1], h[:, :, c + 1]]
            parts += [h[:, :, :c].amax(2), h[:, :, c + 1 :].amax(2)]
            return self.head(torch.cat(parts, 1)).squeeze(1)

    net = Net()
    batch = 2048
    steps = epochs * ((len(x) + batch - 1) // batch)
    opt = torch.optim.AdamW(net.parameters(), lr=2e-3, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=2e-3, total_steps=steps)
    loss_fn = nn.BCEWithLogitsLoss(reduction="none")
    for epoch in range(epochs):
        perm = torch.randperm(len(x))
        total = 0.0
        for k in range(0, len(x), batch):
            idx = perm[k : k + batch]
            loss = (loss_fn(net(x[idx]), y[idx]) * weight[idx]).sum() / weight[idx].sum()
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss.detach()) * len(idx)
        print(f"epoch {epoch}: loss {total / len(x):.4f}", flush=True)
    hold: list[str] = []
    with open(out / "holdout.tsv", encoding="utf-8") as fh:
        for line in fh:
            text = line.rstrip("\n").split("\t", 1)[1]
            spaced = text.replace(ZWNJ, " ")
            hold += [window(*pieces(spaced, i)) for i, _ in boundaries(text)]
    net.eval()
    with torch.no_grad():
        probs = [torch.sigmoid(net(encode(hold[k : k + 8192]))) for k in range(0, len(hold), 8192)]
    np.save(out / "holdout_p.npy", torch.cat(probs).numpy())


# -- score (persnews venv) ------------------------------------------------------------


def score(out: Path, *, lexicon: Path) -> None:
    """Boundary F1 on the holdout: count rules alone, and with the model for unseen pairs."""
    import numpy as np

    from persnews.normalize.zwnj import ZwnjModel

    model = ZwnjModel.load(lexicon)
    tables = model.tables
    probs = np.load(out / "holdout_p.npy")
    rows: list[tuple[str, int, bool, bool]] = []  # tag, label, count rules join, unseen pair
    with open(out / "holdout.tsv", encoding="utf-8") as fh:
        for line in fh:
            tag, text = line.rstrip("\n").split("\t", 1)
            spaced = text.replace(ZWNJ, " ")
            joined = {e[0] for e in model.edits(spaced) if e[1] == e[0] + 1 and e[2] == ZWNJ}
            for i, y in boundaries(text):
                pair = pieces(spaced, i)
                unseen = tables.together.get(pair, 0) + tables.apart.get(pair, 0) == 0
                rows.append((tag, y, i in joined, unseen))
    if len(rows) != len(probs):
        raise SystemExit(f"{len(rows)} boundaries but {len(probs)} probabilities: rerun train")

    def f1(decisions: list[bool], labels: list[int]) -> str:
        tp = sum(d and y for d, y in zip(decisions, labels, strict=True))
        fp = sum(d and not y for d, y in zip(decisions, labels, strict=True))
        fn = sum(y and not d for d, y in zip(decisions, labels, strict=True))
        return f"{200 * tp / (2 * tp + fp + fn):.2f}"

    print("| holdout lines | pairs | count rules | model on unseen pairs (threshold 0.5 / 0.7) |")
    print("|---|---|---:|---:|")
    for tag in ("perdt", "seraji"):
        for scope in ("unseen", "all"):
            keep = [k for k, r in enumerate(rows) if r[0] == tag and (scope == "all" or r[3])]
            labels = [rows[k][1] for k in keep]
            base = [rows[k][2] for k in keep]
            cells = []
            for threshold in (0.5, 0.7):
                hybrid = [bool(probs[k] > threshold) if rows[k][3] else rows[k][2] for k in keep]
                cells.append(f1(hybrid, labels))
            print(f"| {tag} | {scope} | {f1(base, labels)} | {' / '.join(cells)} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("step", choices=("prep", "train", "score"))
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--lexicon", type=Path, help="the --holdout lexicon (score)")
    parser.add_argument("--epochs", type=int, default=6)
    args = parser.parse_args(argv)
    if args.step == "prep":
        prep(args.workdir)
    elif args.step == "train":
        train(args.workdir, epochs=args.epochs)
    else:
        score(args.workdir, lexicon=args.lexicon or args.workdir / "holdout.tsv.xz")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
