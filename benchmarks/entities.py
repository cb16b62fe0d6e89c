"""Entities in context: document-level entity P/R/F1 per label, variant merging and role
attachment on ../shared/data/news-dev and the seed article.

Usage: .venv/bin/python -m benchmarks.entities [--errors] [--kb example] [--ner-model DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import persnews
from benchmarks._data import data_dir, seed_dir
from persnews.components.entities import add_entity_components
from persnews.evaluation.entities import LABELS, EntityScores, score_document


def _table(title: str, s: EntityScores) -> str:
    lines = [
        f"### {title}",
        "",
        "| label | gold | found | pred | P | R | F1 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label in (*LABELS, None):
        p, r, f = s.label_prf(label)
        labels = LABELS if label is None else (label,)
        gold = sum(s.gold[x] for x in labels)
        found = sum(s.found[x] for x in labels)
        pred = sum(s.pred[x] for x in labels)
        lines.append(f"| {label or 'all'} | {gold} | {found} | {pred} | {p} | {r} | {f} |")
    lines.append("")
    lines.append(
        f"variant merging: {s.merging} % ({s.merged}/{s.merge_total}); "
        f"role mentions attached: {s.roles} % ({s.roles_found}/{s.roles_total})"
    )
    return "\n".join(lines)


def _models_dir() -> Path:
    return Path(persnews.__file__).parent / "models"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--errors", action="store_true", help="list misses, false positives, splits")
    ap.add_argument("--kb", default=None, help="knowledge base path ('example' = shipped KB)")
    ap.add_argument(
        "--ner-model", default=None, help="a trained NER pipeline directory to add (fa_ner layout)"
    )
    ap.add_argument("--no-rules", action="store_true", help="leave out the gazetteer component")
    args = ap.parse_args()
    ours = ("persnews_gazetteer", "persnews_entities", "persnews_quotes")
    nlp = persnews.load(exclude=ours)
    if args.ner_model:
        from persnews.models import add_trained_components

        for name in ("ner_tok2vec", "ner"):
            if name in nlp.pipe_names:
                nlp.remove_pipe(name)
        add_trained_components(nlp, models=("fa_ner",), paths={"fa_ner": Path(args.ner_model)})
    add_entity_components(nlp, kb_path=args.kb)
    if args.no_rules:
        nlp.remove_pipe("persnews_gazetteer")
    dev = sorted((data_dir() / "news-dev").glob("*.gold.json"))
    total = EntityScores()
    t0 = time.perf_counter()
    for gold_path in dev:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (gold_path.parent / gold["file"]).read_text(encoding="utf-8")
        doc = nlp(text)
        total += score_document(doc._.pn_entities, gold["entities"], name=gold_path.stem)
    elapsed = time.perf_counter() - t0
    seed = json.loads((seed_dir() / "expected.json").read_text(encoding="utf-8"))
    seed_doc = nlp((seed_dir() / "article.txt").read_text(encoding="utf-8"))
    seed_scores = score_document(seed_doc._.pn_entities, seed["entities"], name="seed")
    print(
        f"pipeline: {' > '.join(nlp.pipe_names)}; models: "
        f"{sorted(p.name for p in _models_dir().iterdir() if p.is_dir())}"
    )
    print(_table(f"news-dev ({len(dev)} articles, {elapsed:.1f} s)", total))
    print()
    both = EntityScores()
    both += total
    both += seed_scores
    print(_table("news-dev + seed", both))
    print()
    print(_table("seed", seed_scores))
    people = [e for e in seed_doc._.pn_entities if e["label"] == "PER"]
    ushakov = [e for e in people if any("اوشاکف" in m["text"] for m in e["mentions"])]
    ok = bool(ushakov) and {m["text"] for m in ushakov[0]["mentions"]} >= {
        "یوری اوشاکف",
        "اوشاکوف",
        "معاون پوتین",
    }
    print(
        f"seed: people = {[e['name'] for e in people]}; Ushakov cluster complete "
        f"(یوری اوشاکف + اوشاکوف + معاون پوتین): {ok}"
    )
    if args.errors:
        for kind in ("misses", "false_positives", "splits"):
            print(f"\n## {kind}")
            for line in getattr(total, kind) + getattr(seed_scores, kind):
                print(line)


if __name__ == "__main__":
    main()
