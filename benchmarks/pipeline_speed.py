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
        [--batch-size 32] [--memory-zone] [--max-batch-chars 50000] [--trace-memory]

``--memory-zone`` runs every batch inside ``nlp.memory_zone()`` and ``--max-batch-chars``
cuts batches that hold more characters, as the batch workers do (the strings of each batch are
freed after it; the per-token score matrices of the trained components are bounded).
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import resource
import sys
import time
from contextlib import nullcontext
from pathlib import Path
from typing import Any

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


def current_rss_mb() -> float:
    """Resident memory of this process now (Linux ``/proc``; 0 elsewhere)."""
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
    except OSError:
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def run(
    nlp: Any,
    texts: list[str],
    batch_size: int,
    *,
    zone: bool,
    max_chars: int = 0,
    trace: list[tuple[int, float]] | None = None,
) -> None:
    """Process ``texts`` in batches of ``batch_size`` texts (and at most ``max_chars``
    characters when > 0, as the batch workers do), each inside a memory zone when ``zone``.
    ``trace`` gets (longest text in the batch, RSS after it) per batch."""
    from persnews.batch.worker import char_batches

    for start in range(0, len(texts), batch_size):
        group = texts[start : start + batch_size]
        parts = char_batches(group, max_chars) if max_chars > 0 else [group]
        with nlp.memory_zone() if zone else nullcontext():
            for part in parts:
                for _doc in nlp.pipe(part, batch_size=len(part)):
                    pass
        if trace is not None:
            trace.append((max(map(len, group)), current_rss_mb()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=60000, help="words per source")
    parser.add_argument("--sources", nargs="*", default=["fars", "hamshahri", "varzesh3"])
    parser.add_argument("--models", type=Path, default=None, help="dir with fa_ud/, fa_ner/")
    parser.add_argument("--batch-size", type=int, default=32, help="texts per nlp.pipe batch")
    parser.add_argument(
        "--memory-zone", action="store_true", help="run each batch inside nlp.memory_zone()"
    )
    parser.add_argument(
        "--max-batch-chars",
        type=int,
        default=0,
        help="also cut batches at this many characters (the batch workers use 50,000)",
    )
    parser.add_argument(
        "--trace-memory", action="store_true", help="print the RSS after each batch (models scope)"
    )
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
    trace: list[tuple[int, float]] | None = [] if args.trace_memory else None
    with nlp.select_pipes(disable=rules):  # type: ignore[attr-defined]
        for src, texts in corpora.items():
            t0 = time.perf_counter()
            run(
                nlp,
                texts,
                args.batch_size,
                zone=args.memory_zone,
                max_chars=args.max_batch_chars,
                trace=trace,
            )
            models_s[src] = time.perf_counter() - t0
    if trace:
        print("RSS after each batch (longest text in it, chars): ", end="")
        print(", ".join(f"{rss:.0f} MB ({longest})" for longest, rss in trace))
    persnews_s: dict[str, float] = {}
    for src, texts in corpora.items():
        t0 = time.perf_counter()
        run(nlp, texts, args.batch_size, zone=args.memory_zone, max_chars=args.max_batch_chars)
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
    zone = "with" if args.memory_zone else "without"
    cut = f", batches cut at {args.max_batch_chars} chars" if args.max_batch_chars else ""
    setting = f"{zone} memory zones{cut}"
    print(f"peak RSS of the persnews run (before hazm was loaded; {setting}): {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
