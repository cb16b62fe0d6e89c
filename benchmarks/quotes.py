"""Quotation benchmark: quotes, cues, speakers and relay attributions on news-dev and the seed.

Usage::

    .venv/bin/python benchmarks/quotes.py                 # full pipeline (persnews.analyze)
    .venv/bin/python benchmarks/quotes.py --engine text   # text-only extractor, no entities
    .venv/bin/python benchmarks/quotes.py --errors        # also list misses and false alarms
"""

from __future__ import annotations

import os
import sys

# Run as a script: keep benchmarks/ off sys.path (no shadowing), the repository root on it.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _HERE]
sys.path.insert(0, os.path.dirname(_HERE))

import argparse  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from benchmarks._data import data_dir, seed_dir  # noqa: E402
from persnews.evaluation.quotes import (  # noqa: E402
    GoldArticle,
    QuoteScores,
    load_gold,
    match_quotes,
    score_article,
    speaker_correct,
)


def _predict(text: str, engine: str) -> dict[str, Any]:
    if engine == "text":
        from persnews.extract.attributions import find_attributions
        from persnews.extract.quotes import find_quotes

        attributions = [a.to_dict() for a in find_attributions(text)]
        return {"quotes": find_quotes(text), "entities": [], "attributions": attributions}
    import persnews

    record = persnews.analyze(text).to_dict()
    return record


def _errors(name: str, gold: GoldArticle, pred: dict[str, Any]) -> None:
    text = gold.text
    quotes = pred["quotes"]
    ents = {e["id"]: e for e in pred.get("entities") or []}
    pspans = [(q["content"]["start"], q["content"]["end"]) for q in quotes]
    gspans = [q["content_span"] for q in gold.quotes]
    pairs = match_quotes(
        text,
        pspans,
        gspans,
        0.5,
        pred_kinds=[q["kind"] for q in quotes],
        gold_kinds=[g["kind"] for g in gold.quotes],
    )
    mp = {i for i, _, _ in pairs}
    mg = {j for _, j, _ in pairs}
    for j, g in enumerate(gold.quotes):
        if j not in mg and not g.get("optional"):
            s, e = g["content_span"]
            print(f"  MISS {name} {g['id']} [{g.get('cue', {}).get('text')}] {text[s:e][:70]!r}")
    for i, q in enumerate(quotes):
        if i not in mp:
            print(f"  FALSE {name} {q['id']} [{q['cue']['text']}] {q['content']['text'][:70]!r}")
    for i, j, d in pairs:
        g = gold.quotes[j]
        q = quotes[i]
        if g.get("optional"):
            continue
        if not speaker_correct(q, g, gold.entities, ents, text):
            sp = (q.get("speaker") or {}).get("text")
            ant = (q.get("speaker_antecedent") or {}).get("text")
            print(
                f"  SPEAKER {name} {g['id']} gold={g.get('speaker')}/{g['speaker_type']}"
                f" pred={sp!r} ant={ant!r} ent={q.get('speaker_entity')}"
            )
        if d < 0.999:
            ps, pe = q["content"]["start"], q["content"]["end"]
            gs, ge = g["content_span"]
            if (ps, pe) != (gs, ge):
                print(
                    f"  BOUND {name} {g['id']} d={d:.2f} gold=..{text[max(gs, ge - 25) : ge]!r}"
                    f" pred=..{text[max(ps, pe - 25) : pe]!r} start {gs}/{ps}"
                )


def run(paths: list[tuple[str, Path, Path]], engine: str, show_errors: bool) -> QuoteScores:
    total = QuoteScores()
    for name, gold_path, text_path in paths:
        gold = load_gold(gold_path, text_path)
        pred = _predict(gold.text, engine)
        total.add(
            score_article(
                gold,
                pred["quotes"],
                pred_entities=pred.get("entities") or [],
                pred_attributions=pred.get("attributions"),
            )
        )
        if show_errors:
            _errors(name, gold, pred)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", choices=("pipeline", "text"), default="pipeline")
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    dev = data_dir() / "news-dev"
    dev_paths = [
        (name, p, p.with_name(name + ".txt"))
        for p in sorted(dev.glob("*.gold.json"))
        for name in [p.name.removesuffix(".gold.json")]
    ]
    seed = seed_dir()
    seed_paths = [("seed", seed / "expected.json", seed / "article.txt")]
    results: dict[str, Any] = {}
    for label, paths in (("news-dev", dev_paths), ("seed", seed_paths)):
        t0 = time.perf_counter()
        results[label] = run(paths, args.engine, args.errors)
        results[label + "_s"] = time.perf_counter() - t0  # type: ignore[assignment]
    dev_scores: QuoteScores = results["news-dev"]  # type: ignore[assignment]
    seed_scores: QuoteScores = results["seed"]  # type: ignore[assignment]
    print(
        f"\nengine: {args.engine}; news-dev: {len(dev_paths)} articles, "
        f"{dev_scores.n_gold} required gold quotes ({results['news-dev_s']:.1f} s); "
        f"seed: {seed_scores.n_gold} ({results['seed_s']:.1f} s)"
    )
    print("| measure | news-dev | seed |")
    print("|---|---:|---:|")
    seed_rows = dict(seed_scores.table())
    for name, value in dev_scores.table():
        if name.startswith("speaker accuracy: "):
            kind = name.removeprefix("speaker accuracy: ")
            name = (
                f"speaker accuracy: {kind} (n={dev_scores.speaker_n[kind]} / "
                f"{seed_scores.speaker_n[kind]})"
            )
            other = seed_rows.get(f"speaker accuracy: {kind}")
        else:
            other = seed_rows.get(name)
        print(f"| {name} | {_cell(value)} | {_cell(other)} |")


def _cell(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


if __name__ == "__main__":
    main()
