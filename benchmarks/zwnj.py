"""ZWNJ restoration benchmark (issue 2): persnews against hazm, parsivar (and shekar).

Gold: the ``# text`` lines of ``ud/perdt-test.conllu`` and ``ud/seraji-test.conllu``
(``--split test``, 2,055 sentences) or of our dev carve-out of the UD dev files
(``--split dev``, the only split to tune on).  Two inputs are made from each gold line:
*joined* (every ZWNJ deleted) and *spaced* (every ZWNJ replaced by a space).  Gold and
output are folded (letter variants, digits, diacritics, kashida and invisible controls)
and aligned; at every boundary between two non-space gold characters the separator
(none / space / ZWNJ) of the output is compared with the gold one.

Reported: ZWNJ precision / recall / F1 over boundaries, boundary accuracy and the share
of sentences whose every boundary is right.

    .venv/bin/python -m benchmarks.zwnj [--split test|dev] [--only persnews] [--errors 30]
        [--by-file]
"""

from __future__ import annotations

import sys

# Run as a script: keep benchmarks/ off sys.path so nothing here shadows the stdlib.
if sys.path and sys.path[0].rstrip("/").endswith("benchmarks"):
    sys.path[0] = sys.path[0].rstrip("/")[: -len("benchmarks")] or "."

import argparse
import difflib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._data import data_dir
from persnews.lang import chars as C
from persnews.training.zwnj_lexicon import dev_sentences

ZWNJ = "\u200c"
NONE, SPACE, JOIN = 0, 1, 2

_FOLD = {ord(k): v for k, v in {**C.LETTER_VARIANTS, **C.OPTIONAL_LETTER_VARIANTS}.items()}
for _src in (C.ARABIC_INDIC_DIGITS, C.LATIN_DIGITS):
    for _s, _t in zip(_src, C.PERSIAN_DIGITS, strict=True):
        _FOLD[ord(_s)] = _t
for _ch in C.DIACRITICS + C.KASHIDA + C.INVISIBLES + "\u0654":
    _FOLD[ord(_ch)] = None
_FOLD[ord("\u06c0")] = "\u0647"
_FOLD[ord("\u0622")] = "\u0627"


def fold(text: str) -> tuple[str, list[int]]:
    """Base characters and the separator before each of them."""
    base: list[str] = []
    seps: list[int] = []
    sep = NONE
    for ch in text.translate(_FOLD):
        if ch.isspace():
            sep = SPACE
        elif ch == ZWNJ:
            sep = max(sep, JOIN) if sep != SPACE else SPACE
        else:
            base.append(ch)
            seps.append(sep)
            sep = NONE
    return "".join(base), seps


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    right: int = 0
    boundaries: int = 0
    exact: int = 0
    sentences: int = 0
    seconds: float = 0.0

    def add(self, gold: str, out: str) -> bool:
        gb, gs = fold(gold)
        ob, os_ = fold(out)
        if gb == ob:
            mapping: dict[int, int] | None = None
        else:
            mapping = {}
            sm = difflib.SequenceMatcher(None, gb, ob, autojunk=False)
            for a, b, n in sm.get_matching_blocks():
                for k in range(n):
                    mapping[a + k] = b + k
        ok = True
        for i in range(1, len(gb)):
            g = gs[i]
            if mapping is None:
                o = os_[i]
            else:
                j, jprev = mapping.get(i), mapping.get(i - 1)
                o = os_[j] if j is not None and jprev == j - 1 else -1
            self.boundaries += 1
            self.right += o == g
            ok &= o == g
            self.tp += g == JOIN and o == JOIN
            self.fp += g != JOIN and o == JOIN
            self.fn += g == JOIN and o != JOIN
        self.sentences += 1
        self.exact += ok
        return ok

    def row(self) -> tuple[float, float, float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        acc = self.right / self.boundaries if self.boundaries else 0.0
        ex = self.exact / self.sentences if self.sentences else 0.0
        return 100 * p, 100 * r, 100 * f, 100 * acc, 100 * ex


def _texts(path: Path) -> list[str]:
    prefix = "# text = "
    with path.open(encoding="utf-8") as fh:
        return [line[len(prefix) :].rstrip("\n") for line in fh if line.startswith(prefix)]


def gold_sentences(split: str) -> list[str]:
    data = data_dir()
    if split == "dev":
        return dev_sentences(data)
    return _texts(data / "ud" / "perdt-test.conllu") + _texts(data / "ud" / "seraji-test.conllu")


def systems(only: set[str] | None) -> dict[str, Callable[[str], str] | str]:
    out: dict[str, Callable[[str], str] | str] = {}

    def want(name: str) -> bool:
        return only is None or name in only

    if want("persnews"):
        from persnews.normalize import Normalizer

        out["persnews"] = Normalizer()
        # the same lexicon without adapting to the text's own spelling
        out["persnews (style off)"] = Normalizer(joined_words="always", spaced_words="always")
    if want("hazm"):
        try:
            import hazm

            out["hazm 0.12.1"] = hazm.Normalizer().normalize
        except Exception as exc:  # pragma: no cover - report, do not fail
            out["hazm 0.12.1"] = f"unavailable: {exc!r}"
    if want("parsivar"):
        try:
            from parsivar import Normalizer as ParsivarNormalizer

            out["parsivar"] = ParsivarNormalizer().normalize
        except Exception as exc:
            out["parsivar"] = f"unavailable: {exc!r}"
    if want("shekar"):
        try:
            from shekar import Normalizer as ShekarNormalizer

            out["shekar"] = ShekarNormalizer()
        except Exception as exc:
            out["shekar"] = f"not installed or failed: {type(exc).__name__}"
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="ZWNJ restoration benchmark")
    parser.add_argument("--split", choices=("test", "dev"), default="test")
    parser.add_argument("--only", action="append", help="run only these systems")
    parser.add_argument("--errors", type=int, default=0, help="print N wrong persnews outputs")
    parser.add_argument(
        "--by-file", action="store_true", help="also print persnews's rows per test file"
    )
    args = parser.parse_args(argv)
    gold = gold_sentences(args.split)
    inputs = {
        "joined": [g.replace(ZWNJ, "") for g in gold],
        "spaced": [g.replace(ZWNJ, " ") for g in gold],
    }
    n_zwnj = sum(g.count(ZWNJ) for g in gold)
    print(f"split={args.split}: {len(gold)} gold sentences, {n_zwnj} ZWNJs")
    header = "| system | input | ZWNJ P | ZWNJ R | ZWNJ F1 | boundary acc | sentence exact | s |"
    print(header)
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    shown = 0
    for name, fn in systems(set(args.only) if args.only else None).items():
        if isinstance(fn, str):
            print(f"| {name} | – | {fn} | | | | | |")
            continue
        for kind, texts in inputs.items():
            score = Score()
            t0 = time.perf_counter()
            outs = [fn(t) for t in texts]
            score.seconds = time.perf_counter() - t0
            for g, o in zip(gold, outs, strict=True):
                ok = score.add(g, o)
                if not ok and name == "persnews" and shown < args.errors:
                    shown += 1
                    _show_diff(kind, g, o)
            p, r, f, acc, ex = score.row()
            print(
                f"| {name} | {kind} | {p:.1f} | {r:.1f} | {f:.1f} | {acc:.2f} | {ex:.1f} "
                f"| {score.seconds:.2f} |"
            )
    if args.by_file and args.split == "test":
        _by_file()
    return 0


def _by_file() -> None:
    """persnews's rows for each test file (same method, default options)."""
    from persnews.normalize import Normalizer

    normalize = Normalizer()
    print()
    print("| test file | input | ZWNJ P | ZWNJ R | ZWNJ F1 | boundary acc | sentence exact |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for rel in ("perdt-test.conllu", "seraji-test.conllu"):
        gold = _texts(data_dir() / "ud" / rel)
        for kind, sep in (("joined", ""), ("spaced", " ")):
            score = Score()
            for g in gold:
                score.add(g, normalize(g.replace(ZWNJ, sep)))
            p, r, f, acc, ex = score.row()
            print(f"| {rel} | {kind} | {p:.1f} | {r:.1f} | {f:.1f} | {acc:.2f} | {ex:.1f} |")


def _show_diff(kind: str, gold: str, out: str) -> None:
    gw, ow = gold.replace(ZWNJ, "+").split(), out.replace(ZWNJ, "+").split()
    sm = difflib.SequenceMatcher(None, gw, ow, autojunk=False)
    diffs = [
        f"{' '.join(gw[a1:a2])} -> {' '.join(ow[b1:b2])}"
        for op, a1, a2, b1, b2 in sm.get_opcodes()
        if op != "equal"
    ]
    print(f"  [{kind}] " + " | ".join(diffs), file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
