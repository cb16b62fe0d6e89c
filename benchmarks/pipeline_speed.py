"""Full-pipeline speed (words/s on one core) and peak memory over ../shared/data/news.

Two scopes, timed in the same run on the same texts:

* ``models``: what issue 3 measures — the persnews tokenizer and sentencizer, tagger,
  lemmatizer, parser and NER (the rule-based ``persnews_gazetteer``, ``persnews_entities``
  and ``persnews_quotes`` components switched off);
* ``full``: everything :func:`persnews.load` returns, entity grouping and quotations included.

Words = whitespace-separated words of the input.  hazm's normalizer + word tokenizer is timed
on the same texts as an anchor (hazm ships no tagger/parser models offline), with its
``Normalizer`` and ``WordTokenizer`` built once.  A warm-up pass over three texts per source
comes first (lexicons load on first use).

    .venv/bin/python -m benchmarks.pipeline_speed [--words 60000] [--sources fars varzesh3]
        [--batch-size 32]
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._data import data_dir

#: Rule-based components after the trained ones (off in the ``models`` scope).
RULE_COMPONENTS = ("persnews_gazetteer", "persnews_entities", "persnews_quotes")


def read_texts(path: Path, max_words: int) -> list[str]:
    """Article texts (title, lead, body) until ``max_words`` words are collected."""
    out: list[str] = []
    words = 0
    with lzma.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            rec = json.loads(line)
            text = "\n".join(p for p in (rec.get("title"), rec.get("lead"), rec.get("text")) if p)
            out.append(text)
            words += len(text.split())
            if words >= max_words:
                break
    return out


def build_pipeline(models: Path | None = None) -> object:
    """persnews.load() when it already has the trained components, else add them."""
    import persnews
    from persnews.models import add_trained_components

    nlp = persnews.load()
    if "parser" not in nlp.pipe_names:
        paths = {name: models / name for name in ("fa_ud", "fa_ner")} if models else None
        add_trained_components(nlp, paths=paths)
    return nlp


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=60000, help="words per source")
    parser.add_argument("--sources", nargs="*", default=["fars", "hamshahri", "varzesh3"])
    parser.add_argument("--models", type=Path, default=None, help="dir with fa_ud/, fa_ner/")
    parser.add_argument("--batch-size", type=int, default=32, help="texts per nlp.pipe batch")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    nlp = build_pipeline(args.models)
    load_s = time.perf_counter() - t0
    print(f"pipeline: {nlp.pipe_names}; load {load_s:.2f} s")  # type: ignore[attr-defined]
    corpora = {
        src: read_texts(data_dir() / "news" / f"{src}.jsonl.xz", args.words) for src in args.sources
    }
    # warm-up: lexicons and tables are loaded on first use
    for texts in corpora.values():
        for _doc in nlp.pipe(texts[:3]):  # type: ignore[attr-defined]
            pass
    rules = [n for n in RULE_COMPONENTS if n in nlp.pipe_names]  # type: ignore[attr-defined]
    models_s: dict[str, float] = {}
    with nlp.select_pipes(disable=rules):  # type: ignore[attr-defined]
        for src, texts in corpora.items():
            t0 = time.perf_counter()
            for _doc in nlp.pipe(texts, batch_size=args.batch_size):  # type: ignore[attr-defined]
                pass
            models_s[src] = time.perf_counter() - t0
    persnews_s: dict[str, float] = {}
    for src, texts in corpora.items():
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=args.batch_size):  # type: ignore[attr-defined]
            pass
        persnews_s[src] = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before hazm is loaded
    words = {src: sum(len(t.split()) for t in texts) for src, texts in corpora.items()}
    print("\nScope `models` (tokenize + tag + lemmatize + parse + NER):\n")
    print("| source | words | seconds | words/s |")
    print("|---|---:|---:|---:|")
    for src in corpora:
        print(f"| {src} | {words[src]} | {models_s[src]:.1f} | {words[src] / models_s[src]:,.0f} |")
    all_w, all_s = sum(words.values()), sum(models_s.values())
    print(f"| all | {all_w} | {all_s:.1f} | **{all_w / all_s:,.0f}** |")
    print("\nScope `full` (with entity grouping and quotations), hazm as anchor:\n")
    print("| source | words | persnews s | persnews words/s | hazm tok s | hazm words/s | ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    from hazm import Normalizer, WordTokenizer

    hz = Normalizer()
    word_tokenize = WordTokenizer().tokenize  # reused (hazm's helper rebuilds one per call)
    tot_w = tot_s = tot_h = 0.0
    for src, texts in corpora.items():
        n = sum(len(t.split()) for t in texts)
        ps = persnews_s[src]
        t0 = time.perf_counter()
        for t in texts:
            word_tokenize(hz.normalize(t))
        hs = time.perf_counter() - t0
        tot_w += n
        tot_s += ps
        tot_h += hs
        print(
            f"| {src} | {n} | {ps:.1f} | {n / ps:,.0f} | {hs:.1f} | {n / hs:,.0f} | {hs / ps:.2f} |"
        )
    print(
        f"| all | {int(tot_w)} | {tot_s:.1f} | {tot_w / tot_s:,.0f} | {tot_h:.1f} | "
        f"{tot_w / tot_h:,.0f} | {tot_h / tot_s:.2f} |"
    )
    print(f"peak RSS of the persnews run (before hazm was loaded): {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
