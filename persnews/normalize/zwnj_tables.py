"""The tables behind ZWNJ restoration, derived from word-form counts.

:func:`tables_from_counts` turns counts of written word forms (and of word pieces
written apart) into the small tables :class:`~persnews.normalize.zwnj.ZwnjModel`
consults; :func:`write_tables` / :func:`read_tables` store them as one xz-compressed
TSV (built by :mod:`persnews.training.zwnj_lexicon`, shipped in ``persnews/data``).

>>> t = tables_from_counts({"کتاب": 5, "کتاب\u200cها": 3, "کتابها": 1})
>>> t.best["کتابها"] == "کتاب\u200cها", t.total["کتابها"]
(True, 4)
"""

from __future__ import annotations

import lzma
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from persnews.lang.chars import NON_JOINING_LETTERS, ZWNJ

__all__ = [
    "ZwnjTables",
    "join_class",
    "joining",
    "read_tables",
    "strip_zwnj",
    "tables_from_counts",
    "write_tables",
]


def strip_zwnj(word: str) -> str:
    """``word`` without its ZWNJs (the lexicon key).

    >>> strip_zwnj("می\u200cتوان\u200cگفت")
    'میتوانگفت'
    """
    return word.replace(ZWNJ, "")


def joining(ch: str) -> bool:
    """Does ``ch`` join the next letter (so that a ZWNJ after it changes the shape)?"""
    return ch not in NON_JOINING_LETTERS


def join_class(ch: str) -> str:
    """``"+"`` for a letter that joins the next one, ``"-"`` for one that does not."""
    return "-" if ch in NON_JOINING_LETTERS else "+"


@dataclass
class ZwnjTables:
    """Derived tables (all keyed by ZWNJ-free strings or ZWNJ segments).

    Attributes:
        total: how often each word (letters only) was seen, in any spelling.
        best: its most frequent spelling, where that one has a ZWNJ.
        suf: type-level rate at which a piece is ZWNJ-attached after a known word,
            keyed by ``(piece, "+")`` / ``(piece, "-")`` for a joining / non-joining
            previous letter.
        pre: the same for pieces before a known word.
        together: ``(left segment, right segment)`` seen joined by a ZWNJ, with counts.
        apart: the same two segments seen written apart (last segment of a word, space,
            first segment of the next).
        seg_right / seg_left: how often a segment was seen after / before a ZWNJ.
        types_apart_left / types_apart_right: for segments that were seen next to a ZWNJ,
            how many different segments followed / preceded them after / before a space
            (type counts over the word pairs of the treebank training text).
        types_together_left / types_together_right: the same for partners joined by a
            ZWNJ inside a word.
    """

    total: dict[str, int] = field(default_factory=dict)
    best: dict[str, str] = field(default_factory=dict)
    suf: dict[tuple[str, str], float] = field(default_factory=dict)
    pre: dict[str, float] = field(default_factory=dict)
    together: dict[tuple[str, str], int] = field(default_factory=dict)
    apart: dict[tuple[str, str], int] = field(default_factory=dict)
    seg_right: dict[str, int] = field(default_factory=dict)
    seg_left: dict[str, int] = field(default_factory=dict)
    types_apart_left: dict[str, int] = field(default_factory=dict)
    types_apart_right: dict[str, int] = field(default_factory=dict)
    types_together_left: dict[str, int] = field(default_factory=dict)
    types_together_right: dict[str, int] = field(default_factory=dict)


def _best_and_total(forms: dict[str, int], tables: ZwnjTables) -> None:
    by_key: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for form, count in forms.items():
        by_key[strip_zwnj(form)].append((form, count))
    for key, variants in by_key.items():
        variants.sort(key=lambda fc: (-fc[1], fc[0].count(ZWNJ), fc[0]))
        tables.total[key] = sum(c for _, c in variants)
        if variants[0][0] != key:
            tables.best[key] = variants[0][0]


def _segments(forms: dict[str, int], tables: ZwnjTables) -> tuple[set[str], set[str]]:
    right_keys: set[str] = set()
    left_keys: set[str] = set()
    together: Counter[tuple[str, str]] = Counter()
    seg_right: Counter[str] = Counter()
    seg_left: Counter[str] = Counter()
    for form, count in forms.items():
        if ZWNJ not in form:
            continue
        segs = form.split(ZWNJ)
        for i in range(1, len(segs)):
            right_keys.add("".join(segs[i:]))
            left_keys.add("".join(segs[:i]))
            together[segs[i - 1], segs[i]] += count
            seg_right[segs[i]] += count
            seg_left[segs[i - 1]] += count
    tables.together = dict(together)
    tables.seg_right = dict(seg_right)
    tables.seg_left = dict(seg_left)
    return right_keys, left_keys


def _zwnj_positions(form: str) -> set[int]:
    out: set[int] = set()
    k = 0
    for ch in form:
        if ch == ZWNJ:
            out.add(k)
        else:
            k += 1
    return out


def tables_from_counts(
    forms: dict[str, int],
    pairs: dict[str, int] | None = None,
    *,
    min_piece_types: int = 2,
    smoothing: float = 1.0,
) -> ZwnjTables:
    """Derive the tables from form counts and ``"left right"`` apart-pair counts.

    A piece's rate is counted over word *types* ``a + b`` where both ``a`` and ``b`` are
    known words: the share written with a ZWNJ between them (add-``smoothing``), kept
    when at least ``min_piece_types`` such types have the ZWNJ.
    """
    tables = ZwnjTables()
    _best_and_total(forms, tables)
    right_keys, left_keys = _segments(forms, tables)
    suf_yes: Counter[tuple[str, str]] = Counter()
    suf_all: Counter[tuple[str, str]] = Counter()
    pre_yes: Counter[str] = Counter()
    pre_all: Counter[str] = Counter()
    total = tables.total
    for key in total:
        best = tables.best.get(key, key)
        positions = _zwnj_positions(best) if best != key else set()
        for i in range(1, len(key)):
            a, b = key[:i], key[i:]
            if a not in total or b not in total:
                continue
            yes = i in positions
            if b in right_keys:
                cls = (b, join_class(a[-1]))
                suf_all[cls] += 1
                suf_yes[cls] += yes
            if a in left_keys:
                pre_all[a] += 1
                pre_yes[a] += yes
    tables.suf = {
        k: (suf_yes[k] + smoothing / 2) / (n + smoothing)
        for k, n in suf_all.items()
        if suf_yes[k] >= min_piece_types
    }
    tables.pre = {
        k: (pre_yes[k] + smoothing / 2) / (n + smoothing)
        for k, n in pre_all.items()
        if pre_yes[k] >= min_piece_types
    }
    for pair, count in (pairs or {}).items():
        left, _, right = pair.partition(" ")
        tables.apart[left, right] = count
    return tables


def write_tables(tables: ZwnjTables, path: Path, *, header: str = "") -> None:
    """Store ``tables`` as an xz-compressed TSV (one table row per line)."""
    rows: list[str] = []
    for key in sorted(tables.total):
        rows.append(f"K\t{key}\t{tables.total[key]}\t{tables.best.get(key, '')}\n")
    rows += [f"S\t{p}\t{c}\t{v:.4f}\n" for (p, c), v in sorted(tables.suf.items())]
    rows += [f"P\t{p}\t{v:.4f}\n" for p, v in sorted(tables.pre.items())]
    rows += [f"T\t{a}\t{b}\t{c}\n" for (a, b), c in sorted(tables.together.items())]
    rows += [f"B\t{a}\t{b}\t{c}\n" for (a, b), c in sorted(tables.apart.items())]
    segs = sorted(set(tables.seg_right) | set(tables.seg_left))
    rows += [f"G\t{s}\t{tables.seg_right.get(s, 0)}\t{tables.seg_left.get(s, 0)}\n" for s in segs]
    typed = (
        tables.types_apart_left,
        tables.types_apart_right,
        tables.types_together_left,
        tables.types_together_right,
    )
    for s in sorted(set().union(*typed)):
        rows.append("\t".join(["A", s, *(str(t.get(s, 0)) for t in typed)]) + "\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    with lzma.open(path, "wt", encoding="utf-8", preset=9) as fh:
        if header:
            fh.write(f"# {header}\n")
        fh.writelines(rows)


def read_tables(path: Path) -> ZwnjTables:
    """Read tables written by :func:`write_tables`."""
    t = ZwnjTables()
    total, best, together, apart = t.total, t.best, t.together, t.apart
    with lzma.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = line.rstrip("\n").split("\t")
            kind = row[0]
            if kind == "K":
                total[row[1]] = int(row[2])
                if row[3]:
                    best[row[1]] = row[3]
            elif kind == "T":
                together[row[1], row[2]] = int(row[3])
            elif kind == "B":
                apart[row[1], row[2]] = int(row[3])
            elif kind == "G":
                if row[2] != "0":
                    t.seg_right[row[1]] = int(row[2])
                if row[3] != "0":
                    t.seg_left[row[1]] = int(row[3])
            elif kind == "A":
                typed = (
                    t.types_apart_left,
                    t.types_apart_right,
                    t.types_together_left,
                    t.types_together_right,
                )
                for table, value in zip(typed, row[2:6], strict=True):
                    if value != "0":
                        table[row[1]] = int(value)
            elif kind == "S":
                t.suf[row[1], row[2]] = float(row[3])
            elif kind == "P":
                t.pre[row[1]] = float(row[2])
    return t
