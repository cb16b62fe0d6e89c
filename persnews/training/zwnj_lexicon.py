"""Build the ZWNJ lexicon shipped in ``persnews/data/zwnj_lexicon.tsv.xz``.

The lexicon counts written word forms (with their ZWNJs) and a few word pairs in
*training* text only:

* ``raw/perdt-train-raw.txt.xz`` and ``raw/seraji-train-raw.txt.xz``;
* the ``# text`` lines of ``ud/iperudt-train.conllu`` and of ``ud/perdt-dev.conllu`` /
  ``ud/seraji-dev.conllu`` minus our dev carve-out (:func:`is_dev_sentence`, the same
  every-10th-sentence rule as :func:`persnews.training.corpora.carve_index`);
* the Bijankhan subset and the tail of ParsNER (from sentence 4,829 on; the sentences
  before repeat the Seraji train text or are Seraji-dev text) from ``pos/``;
* hazm's bundled word list (tagged words only, weight 1) as extra known words, and
  durative/perfect verb forms (``می‌…``, ``نمی‌…``, ``…ه‌اند``) generated from hazm's
  verb stems (weight 1).

Sources are weighted (:data:`SOURCE_WEIGHTS`): the treebank texts count more than the
older Bijankhan spellings.  ``--holdout`` leaves every 10th raw treebank line out, for
tuning on them (see ``raw_holdout``); the shipped file is built without it.

No test file is read. Run it from the repository root::

    .venv/bin/python -m persnews.training.zwnj_lexicon --data ../shared/data

It counts word forms and word pieces written apart (the last ZWNJ segment of a word, a
space, the first segment of the next word, where that pair could ever be joined), and, in
the treebank texts, how many different partners each segment has ZWNJ-joined and written
apart (:func:`count_types`, the back-off for pairs never seen), and writes the derived
tables of :mod:`persnews.normalize.zwnj_tables` as a small xz-compressed TSV.

>>> sorted(count_forms(["کتاب‌ها و کتاب‌ها، کتابها"]).items())
[('و', 1), ('کتابها', 1), ('کتاب\u200cها', 2)]
"""

from __future__ import annotations

import argparse
import json
import lzma
import random
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

from persnews.errors import DataNotFoundError, InvalidOptionError
from persnews.lang.chars import ZWNJ
from persnews.normalize.chars import char_normalize
from persnews.normalize.zwnj import LETTERS as _LETTERS
from persnews.normalize.zwnj import WORD_RUN, ZwnjModel
from persnews.normalize.zwnj_tables import ZwnjTables, tables_from_counts, write_tables

__all__ = [
    "DEFAULT_OUTPUT",
    "build",
    "count_forms",
    "count_pairs",
    "dev_sentences",
    "is_dev_sentence",
    "main",
    "training_lines",
    "training_sources",
]

DEFAULT_OUTPUT = Path(__file__).resolve().parents[1] / "data" / "zwnj_lexicon.tsv.xz"

#: UD files whose sentences are split into training text and our dev carve-out.
CARVED = ("ud/perdt-dev.conllu", "ud/seraji-dev.conllu")
#: UD files that are training text throughout.
UD_TRAINING = ("ud/iperudt-train.conllu",)
RAW_TRAINING = ("raw/perdt-train-raw.txt.xz", "raw/seraji-train-raw.txt.xz")
#: Count weights: the treebank texts, whose spelling conventions the UD test files share,
#: count more than the older Bijankhan/ParsNER spellings (tuned on the dev carve-out).
SOURCE_WEIGHTS: dict[str, int] = {
    "raw/perdt-train-raw.txt.xz": 4,
    "raw/seraji-train-raw.txt.xz": 2,
    "ud/perdt-dev.conllu": 4,
    "ud/seraji-dev.conllu": 2,
    "ud/iperudt-train.conllu": 1,
    "pos/bijankhan": 1,
    "pos/parsner": 1,
}
#: ParsNER sentences (0-based) left out: 0–4,618 repeat the Seraji train text (already
#: counted from ``raw/``) and 4,619–4,827 are Seraji dev text.
PARSNER_SKIP = range(0, 4828)

#: Partner-type counts come from the sources weighted at least this much (the
#: treebank texts, whose spelling the UD files share).
TYPE_MIN_WEIGHT = 2
#: Looser-than-default model settings that decide which apart pairs are counted, so
#: that the shipped counts also serve settings tuned later.
CANDIDATE_OPTIONS: dict[str, Any] = {"min_bound_share": 0.6, "min_type_odds": 0.1}

#: Two written words separated by one space; the look-behind keeps the left word whole
#: (without it, every word ending would count as a word of its own: ``غربی کشور``
#: would count ``بی`` written apart from ``کشور``).
_PAIR = re.compile(rf"(?<![{_LETTERS}\u200c])(?=({WORD_RUN.pattern}) ({WORD_RUN.pattern}))")


def is_dev_sentence(index: int) -> bool:
    """True when sentence ``index`` (0-based) of a carved UD file is dev data.

    >>> is_dev_sentence(9), is_dev_sentence(10)
    (True, False)
    """
    return index % 10 == 9


def _require(data: Path, rel: str) -> Path:
    path = data / rel
    if not path.is_file():
        raise DataNotFoundError(f"training data file not found: {path}")
    return path


def _texts(path: Path) -> list[str]:
    prefix = "# text = "
    with path.open(encoding="utf-8") as fh:
        return [line[len(prefix) :].rstrip("\n") for line in fh if line.startswith(prefix)]


def dev_sentences(data: Path) -> list[str]:
    """The gold ``# text`` lines of our dev carve-out (tuning only)."""
    out: list[str] = []
    for rel in CARVED:
        out += [t for i, t in enumerate(_texts(_require(data, rel))) if is_dev_sentence(i)]
    return out


def _token_file(path: Path, *, sep: str, skip: range | None = None) -> Iterator[str]:
    """Sentences of a one-token-per-line file, tokens joined by spaces."""
    tokens: list[str] = []
    index = 0
    with lzma.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n").lstrip("\ufeff")
            if not line.strip():
                if tokens:
                    if skip is None or index not in skip:
                        yield " ".join(tokens)
                    index += 1
                    tokens = []
                continue
            tokens.append(line.split(sep, 1)[0])
    if tokens and (skip is None or index not in skip):
        yield " ".join(tokens)


def _bijankhan(path: Path) -> Iterator[str]:
    """Bijankhan as pseudo-sentences cut at sentence-final punctuation."""
    tokens: list[str] = []
    with lzma.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            word = line.split("\t", 1)[0].strip()
            if word:
                tokens.append(word)
            if word in {".", "!", "؟", "?", "#"} and tokens:
                yield " ".join(tokens)
                tokens = []
    if tokens:
        yield " ".join(tokens)


def _in_fold(index: int, fold: int) -> bool:
    return index % 10 == fold


def raw_holdout(data: Path, *, fold: int = 9) -> list[str]:
    """Every 10th line (``index % 10 == fold``) of the raw treebank files (see ``holdout``)."""
    out: list[str] = []
    for rel in RAW_TRAINING:
        with lzma.open(_require(data, rel), "rt", encoding="utf-8") as fh:
            out += [line.rstrip("\n") for i, line in enumerate(fh) if _in_fold(i, fold)]
    return out


def training_sources(
    data: Path, *, holdout: bool = False, fold: int = 9, sample: float = 1.0, seed: int = 0
) -> dict[str, list[str]]:
    """Training sentences by source (never test or dev text).

    With ``holdout`` the lines of :func:`raw_holdout` (of ``fold``) are left out, for tuning
    on them.  ``sample`` < 1 keeps that share of the sentences of every source (drawn with
    ``seed``), for learning curves.
    """
    if not 0.0 < sample <= 1.0:
        raise InvalidOptionError(f"sample must be in (0, 1], not {sample!r}")
    out = _all_sources(data, holdout=holdout, fold=fold)
    if sample < 1.0:
        rng = random.Random(seed)
        out = {name: [t for t in lines if rng.random() < sample] for name, lines in out.items()}
    return out


def _all_sources(data: Path, *, holdout: bool, fold: int) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for rel in RAW_TRAINING:
        with lzma.open(_require(data, rel), "rt", encoding="utf-8") as fh:
            lines = [line.rstrip("\n") for line in fh]
        out[rel] = [t for i, t in enumerate(lines) if not (holdout and _in_fold(i, fold))]
    for rel in UD_TRAINING:
        out[rel] = _texts(_require(data, rel))
    for rel in CARVED:
        texts = _texts(_require(data, rel))
        out[rel] = [t for i, t in enumerate(texts) if not is_dev_sentence(i)]
    out["pos/bijankhan"] = list(_bijankhan(_require(data, "pos/bijankhan-subset.tsv.xz")))
    out["pos/parsner"] = list(
        _token_file(_require(data, "pos/parsner-train-news.col.xz"), sep="\t", skip=PARSNER_SKIP)
    )
    return out


def training_lines(data: Path) -> Iterator[str]:
    """Every training sentence the lexicon is counted from (never test or dev text)."""
    for lines in training_sources(data).values():
        yield from lines


def _normalized(lines: Iterable[str]) -> Iterator[str]:
    for line in lines:
        yield char_normalize(line)[0]


def count_forms(lines: Iterable[str]) -> Counter[str]:
    """Counts of Persian word forms (ZWNJ kept) in already normalized lines."""
    counts: Counter[str] = Counter()
    for line in lines:
        counts.update(WORD_RUN.findall(line))
    return counts


def count_pairs(lines: Iterable[str], wanted: Callable[[str, str], bool]) -> Counter[str]:
    """Counts of ``"left right"`` segment pairs written apart (one space between them).

    ``left`` is the last ZWNJ segment of a word and ``right`` the first segment of the
    next word; only pairs for which ``wanted(left, right)`` holds are kept.
    """
    counts: Counter[str] = Counter()
    for line in lines:
        for m in _PAIR.finditer(line):
            left = m.group(1).rsplit(ZWNJ, 1)[-1]
            right = m.group(2).split(ZWNJ, 1)[0]
            if wanted(left, right):
                counts[f"{left} {right}"] += 1
    return counts


def count_types(
    lines: Iterable[str],
) -> tuple[Counter[str], Counter[str], Counter[str], Counter[str]]:
    """How many different segments follow / precede each segment, apart and joined.

    Returns four counters: partners after a space (segment on the left), partners
    before a space (segment on the right), then the same for partners joined by a ZWNJ
    inside a word.  Segments are taken as in :func:`count_pairs`.

    >>> al, ar, tl, tr = count_types(["کتاب خوب کتاب‌ها کتاب بد کتاب خوب"])
    >>> al["کتاب"], ar["کتاب"], tl["کتاب"], tr["ها"]
    (2, 3, 1, 1)
    """
    apart: set[tuple[str, str]] = set()
    together: set[tuple[str, str]] = set()
    for line in lines:
        for m in _PAIR.finditer(line):
            apart.add((m.group(1).rsplit(ZWNJ, 1)[-1], m.group(2).split(ZWNJ, 1)[0]))
        for word in WORD_RUN.findall(line):
            segs = word.split(ZWNJ)
            together.update(pairwise(segs))
    out: tuple[Counter[str], Counter[str], Counter[str], Counter[str]] = (
        Counter(),
        Counter(),
        Counter(),
        Counter(),
    )
    for a, b in apart:
        out[0][a] += 1
        out[1][b] += 1
    for a, b in together:
        out[2][a] += 1
        out[3][b] += 1
    return out


def _hazm_words() -> Iterator[str]:
    try:
        import hazm
    except ImportError:  # pragma: no cover - hazm is a dependency
        return
    path = Path(hazm.__file__).parent / "data" / "words.dat"
    if not path.is_file():  # pragma: no cover
        return
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and parts[2] != "0" and WORD_RUN.fullmatch(parts[0]):
                yield char_normalize(parts[0])[0]


#: Person endings of the simple present/past (the 3rd singular past has none).
_PRESENT_ENDINGS = ("م", "ی", "د", "یم", "ید", "ند")
_PAST_ENDINGS = ("م", "ی", "", "یم", "ید", "ند")
#: Clitic forms of "to be" after a past participle (written with a ZWNJ after ه).
_PERFECT_ENDINGS = ("ام", "ای", "ایم", "اید", "اند")


def _hazm_verb_forms() -> Iterator[str]:
    """Durative and perfect forms generated from hazm's verb stems (``past#present``)."""
    try:
        import hazm
    except ImportError:  # pragma: no cover - hazm is a dependency
        return
    path = Path(hazm.__file__).parent / "data" / "verbs.dat"
    if not path.is_file():  # pragma: no cover
        return
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            past, _, present = line.strip().partition("#")
            stems: list[str] = []
            if present and WORD_RUN.fullmatch(present):
                stems += [present + e for e in _PRESENT_ENDINGS]
            if past and WORD_RUN.fullmatch(past):
                stems += [past + e for e in _PAST_ENDINGS]
                stems += [past + "ه" + ZWNJ + e for e in _PERFECT_ENDINGS]
            for form in stems:
                yield form
                yield "می" + ZWNJ + form
                yield "نمی" + ZWNJ + form


def _set_types(tables: ZwnjTables, typed: list[dict[str, int]]) -> None:
    tables.types_apart_left, tables.types_apart_right = typed[0], typed[1]
    tables.types_together_left, tables.types_together_right = typed[2], typed[3]


def build(
    data: Path,
    output: Path = DEFAULT_OUTPUT,
    *,
    holdout: bool = False,
    fold: int = 9,
    weights: dict[str, int] | None = None,
    sample: float = 1.0,
) -> tuple[int, int]:
    """Count the training text under ``data`` and write the lexicon; return its sizes.

    ``sample`` < 1 counts only that share of the training sentences (learning curves).
    """
    sources = training_sources(Path(data), holdout=holdout, fold=fold, sample=sample)
    forms: Counter[str] = Counter()
    lines: list[str] = []
    type_lines: list[str] = []
    for name, texts in sources.items():
        normalized = list(_normalized(texts))
        weight = (weights or SOURCE_WEIGHTS).get(name, 1)
        if weight >= TYPE_MIN_WEIGHT:
            type_lines += normalized
        for form, count in count_forms(normalized).items():
            forms[form] += weight * count
        lines += normalized
    for word in _hazm_words():
        forms[word] += 1
    for word in _hazm_verb_forms():
        forms[char_normalize(word)[0]] += 1
    typed = [dict(c) for c in count_types(type_lines)]
    base = tables_from_counts(dict(forms))
    _set_types(base, typed)
    # Apart counts are kept for every pair a model with looser settings could join.
    candidates = ZwnjModel(base, **CANDIDATE_OPTIONS)
    pairs = count_pairs(lines, candidates.pair_candidate)
    tables = tables_from_counts(dict(forms), dict(pairs))
    _set_types(tables, typed)
    write_tables(
        tables, output, header="persnews ZWNJ tables (training text only; see zwnj_tables.py)"
    )
    return len(forms), len(pairs)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument(
        "--holdout", action="store_true", help="leave out every 10th raw line (for tuning)"
    )
    parser.add_argument(
        "--fold", type=int, default=9, choices=range(10), help="which 10th --holdout leaves out"
    )
    parser.add_argument("--weights", help="JSON object overriding SOURCE_WEIGHTS (tuning)")
    args = parser.parse_args(argv)
    weights = {**SOURCE_WEIGHTS, **json.loads(args.weights)} if args.weights else None
    n_forms, n_pairs = build(
        args.data, args.output, holdout=args.holdout, fold=args.fold, weights=weights
    )
    size = args.output.stat().st_size
    print(f"wrote {args.output}: {n_forms} forms, {n_pairs} pairs, {size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
