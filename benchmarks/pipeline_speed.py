"""Full-pipeline speed (words/s on one core) and peak memory over ../shared/data/news.

Pipeline: persnews tokenizer (+ sentencizer when available) + tagger/lemmatizer/parser + NER.
Words = whitespace-separated words of the input.  hazm's normalizer + word tokenizer is timed
on the same texts as an anchor (hazm ships no tagger/parser models offline).

    .venv/bin/python -m benchmarks.pipeline_speed [--words 60000] [--sources fars varzesh3]
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
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    nlp = build_pipeline(args.models)
    load_s = time.perf_counter() - t0
    print(f"pipeline: {nlp.pipe_names}; load {load_s:.2f} s")  # type: ignore[attr-defined]
    print("| source | words | persnews s | persnews words/s | hazm tok s | hazm words/s | ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    corpora = {
        src: read_texts(data_dir() / "news" / f"{src}.jsonl.xz", args.words) for src in args.sources
    }
    persnews_s: dict[str, float] = {}
    for src, texts in corpora.items():
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=32):  # type: ignore[attr-defined]
            pass
        persnews_s[src] = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before hazm is loaded
    from hazm import Normalizer, word_tokenize

    hz = Normalizer()
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
