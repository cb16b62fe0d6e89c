"""Relay attribution benchmark: persnews.read_article(...).attributions against gold.

Gold: the "attributions" of ../shared/seed/expected.json and ../shared/data/news-dev/*.gold.json.
Matching is one-to-one in text order. A predicted source matches a gold source when the spans
overlap (``overlap``) or are identical (``exact``); a whole attribution matches when its source
matches and its via spans match the gold via spans one-to-one (by overlap). Gold entries marked
``optional`` count neither way.

    .venv/bin/python -m benchmarks.attributions
"""

from __future__ import annotations

import json
from typing import Any

from benchmarks._data import data_dir, seed_dir
from persnews.article import read_article

Span = tuple[int, int]


def resolve(text: str, span: dict[str, Any]) -> Span:
    """Offsets of a gold ``{"text", "occ"[, "start", "end"]}`` span."""
    if "start" in span and "end" in span:
        return int(span["start"]), int(span["end"])
    pos = -1
    for _ in range(int(span.get("occ", 1))):
        pos = text.find(span["text"], pos + 1)
        if pos < 0:
            raise ValueError(f"gold span {span['text']!r} not found")
    return pos, pos + len(span["text"])


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_count(pred: list[Span], gold: list[Span], *, exact: bool) -> int:
    used: set[int] = set()
    hits = 0
    for p in pred:
        for i, g in enumerate(gold):
            if i in used:
                continue
            if (p == g) if exact else overlaps(p, g):
                used.add(i)
                hits += 1
                break
    return hits


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return 100 * p, 100 * r, 100 * f


def score_doc(text: str, gold: list[dict[str, Any]]) -> dict[str, list[int]]:
    """Counts ``[tp, n_pred, n_gold]`` per metric for one document."""
    art = read_article(text)
    required = [g for g in gold if not g.get("optional")]
    optional = [resolve(text, g["source"]) for g in gold if g.get("optional")]
    preds = [
        a
        for a in art.attributions
        if not any(overlaps((a.source.start, a.source.end), o) for o in optional)
    ]
    g_src = [resolve(text, g["source"]) for g in required]
    g_via = [[resolve(text, v) for v in g.get("via", [])] for g in required]
    p_src = [(a.source.start, a.source.end) for a in preds]
    p_via = [[(v.start, v.end) for v in a.via] for a in preds]
    out: dict[str, list[int]] = {}
    out["source (overlap)"] = [match_count(p_src, g_src, exact=False), len(p_src), len(g_src)]
    out["source (exact)"] = [match_count(p_src, g_src, exact=True), len(p_src), len(g_src)]
    flat_p = [s for vs in p_via for s in vs]
    flat_g = [s for vs in g_via for s in vs]
    out["via (exact)"] = [match_count(flat_p, flat_g, exact=True), len(flat_p), len(flat_g)]
    used: set[int] = set()
    full = 0
    for ps, pv in zip(p_src, p_via, strict=True):
        for i, (gs, gv) in enumerate(zip(g_src, g_via, strict=True)):
            if i in used or not overlaps(ps, gs):
                continue
            if len(pv) == len(gv) and match_count(pv, gv, exact=False) == len(gv):
                used.add(i)
                full += 1
            break
    out["attribution (source+via)"] = [full, len(p_src), len(g_src)]
    return out


def main() -> None:
    docs: list[tuple[str, str, list[dict[str, Any]]]] = []
    seed = seed_dir()
    docs.append(
        (
            "seed",
            (seed / "article.txt").read_text(encoding="utf-8"),
            json.loads((seed / "expected.json").read_text(encoding="utf-8"))["attributions"],
        )
    )
    dev = data_dir() / "news-dev"
    for path in sorted(dev.glob("*.txt")):
        gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
        docs.append((path.stem, path.read_text(encoding="utf-8"), gold["attributions"]))
    for label, subset in (("news-dev", docs[1:]), ("seed", docs[:1]), ("news-dev + seed", docs)):
        totals: dict[str, list[int]] = {}
        errors = []
        for name, text, gold in subset:
            counts = score_doc(text, gold)
            for k, v in counts.items():
                t = totals.setdefault(k, [0, 0, 0])
                for j in range(3):
                    t[j] += v[j]
            c = counts["attribution (source+via)"]
            if c[0] != c[1] or c[0] != c[2]:
                errors.append(name)
        print(f"\n{label}: {len(subset)} documents")
        print("| metric | P | R | F1 | tp / pred / gold |\n|---|---:|---:|---:|---|")
        for k, (tp, n_p, n_g) in totals.items():
            p, r, f = prf(tp, n_p, n_g)
            print(f"| {k} | {p:.1f} | {r:.1f} | {f:.1f} | {tp} / {n_p} / {n_g} |")
        if errors:
            print("documents with errors:", ", ".join(errors))


if __name__ == "__main__":
    main()
