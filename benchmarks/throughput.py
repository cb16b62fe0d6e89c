"""Throughput of normalize + tokenize (characters per second) against hazm, parsivar, rishe.

Input: the first 1,000,000 characters of news articles from ``news/*.jsonl.xz`` (articles
taken in turn from each file, ``title``, ``lead`` and ``text`` joined by newlines; the last
article is cut at the limit). Every system gets the same list of article strings, one call
per article, with objects built once and reused:

* persnews: ``nlp.tokenizer(text)`` (normalizes internally and builds a spaCy Doc), and the
  same plus :func:`persnews.extract.sentences.sentence_starts`; two "(part)" rows time the
  normalizer alone and the tokenizer without building the spaCy ``Doc``;
* hazm 0.12.1: ``Normalizer().normalize`` then ``WordTokenizer().tokenize`` (and
  ``SentenceTokenizer().tokenize`` for the sentence row);
* parsivar: ``Normalizer().normalize`` then ``Tokenizer().tokenize_words``
  (``tokenize_sentences`` for the sentence row);
* rishe (Rust): ``Normalizer().normalize`` then ``WordTokenizer().tokenize``.

Each system runs ``--repeat`` rounds (systems interleaved, each round starting one system
later than the one before); the best round is reported.
persnews caches its ZWNJ and tiling decisions across calls, so by default (``--caches
fresh``) those caches are emptied before each of its rounds: every round meets the text as
new, as a freshly loaded pipeline meets a new corpus (``--caches warm`` keeps them, and its
later rounds time cache hits). spaCy's vocabulary stays warm across rounds. Every system is
called once, untimed, before the rounds (lexicons load on first use).
Linearity: the first 10,000,000 characters of the three corpora, processed as 10,000 inputs
of 1 kB, 100 inputs of 100 kB and one input of 10 MB (same text in every row).

Usage::

    .venv/bin/python -m benchmarks.throughput
    .venv/bin/python -m benchmarks.throughput --clock cpu   # CPU time: steadier on a busy machine
"""

from __future__ import annotations

import argparse
import gc
import json
import lzma
import time
from collections.abc import Callable, Iterator
from typing import Any

import spacy

import persnews.tokenizer  # noqa: F401  (registers persnews.Tokenizer.v1)
from benchmarks._data import data_dir
from persnews import _unjoin
from persnews.extract.sentences import sentence_starts
from persnews.normalize import zwnj

CORPORA = ("fars", "varzesh3", "hamshahri")


def _articles(name: str) -> Iterator[str]:
    with lzma.open(data_dir() / "news" / f"{name}.jsonl.xz", "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            parts = [rec.get("title") or "", rec.get("lead") or "", rec.get("text") or ""]
            yield "\n".join(p for p in parts if p)


def news_sample(limit: int) -> list[str]:
    """Articles taken in turn from each corpus until ``limit`` characters."""
    streams = [_articles(n) for n in CORPORA]
    out: list[str] = []
    total = 0
    while total < limit and streams:
        for it in list(streams):
            art = next(it, None)
            if art is None:
                streams.remove(it)
                continue
            art = art[: limit - total]
            out.append(art)
            total += len(art)
            if total >= limit:
                break
    return out


_CLOCKS: dict[str, Callable[[], float]] = {"wall": time.perf_counter, "cpu": time.process_time}
_clock = time.perf_counter


def best_time(
    fn: Callable[[str], object],
    docs: list[str],
    repeat: int,
    reset: Callable[[], None] | None = None,
) -> float:
    best = float("inf")
    for _ in range(repeat):
        if reset is not None:
            reset()
        gc.collect()
        t0 = _clock()
        for d in docs:
            fn(d)
        best = min(best, _clock() - t0)
    return best


def fresh_caches(tok: Any) -> Callable[[], None]:
    """A reset that empties persnews's decision caches, so every round meets the text as new.

    The ZWNJ decisions per word and per pair, the kept-affix decisions of the tiling and the
    tokenizer's word-hash cache are cached across calls; timing repeated rounds over the
    same text without this would time cache hits only (spaCy's own vocabulary is kept).
    """

    def reset() -> None:
        zwnj.default_model().clear_caches()
        _unjoin._PAIR_AFFIXED.clear()
        tok._strings = None  # the word-hash cache is rebuilt on the next call

    return reset


def systems() -> dict[str, Callable[[str], object]]:
    nlp = spacy.blank("fa", config={"nlp": {"tokenizer": {"@tokenizers": "persnews.Tokenizer.v1"}}})
    tok = nlp.tokenizer
    out: dict[str, Callable[[str], object]] = {
        "persnews tokenizer": tok,
        "persnews tokenizer + sentences": lambda t: sentence_starts(tok(t)),
        # Parts of the tokenizer, to show where the time goes:
        "(part) persnews normalizer only": tok.normalizer.normalize_with_offsets,
        "(part) persnews tokenizer without the spaCy Doc": tok.split,
    }
    try:
        import hazm  # type: ignore[import-untyped]

        hn, hw, hs = hazm.Normalizer(), hazm.WordTokenizer(), hazm.SentenceTokenizer()
        out["hazm 0.12.1"] = lambda t: hw.tokenize(hn.normalize(t))
        out["hazm 0.12.1 + sentences"] = lambda t: [
            hw.tokenize(s) for s in hs.tokenize(hn.normalize(t))
        ]
    except ImportError:
        pass
    try:
        import parsivar  # type: ignore[import-untyped]

        pn, pt = parsivar.Normalizer(), parsivar.Tokenizer()
        out["parsivar"] = lambda t: pt.tokenize_words(pn.normalize(t))
        out["parsivar + sentences"] = lambda t: [
            pt.tokenize_words(s) for s in pt.tokenize_sentences(pn.normalize(t))
        ]
    except ImportError:
        pass
    try:
        import rishe  # type: ignore[import-untyped]

        rn, rw, rs = rishe.Normalizer(), rishe.WordTokenizer(), rishe.SentenceTokenizer()
        out["rishe"] = lambda t: rw.tokenize(rn.normalize(t))
        out["rishe + sentences"] = lambda t: [rw.tokenize(s) for s in rs.tokenize(rn.normalize(t))]
    except ImportError:
        pass
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--chars", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-linearity", action="store_true")
    ap.add_argument("--linearity-chars", type=int, default=10_000_000)
    ap.add_argument(
        "--clock",
        choices=sorted(_CLOCKS),
        default="wall",
        help="wall time, or CPU time of this process (less sensitive to other jobs' load)",
    )
    ap.add_argument(
        "--caches",
        choices=("fresh", "warm"),
        default="fresh",
        help="fresh: empty persnews's decision caches before each round (text as never seen); "
        "warm: keep them (later rounds time cache hits)",
    )
    args = ap.parse_args()
    global _clock
    _clock = _CLOCKS[args.clock]

    docs = news_sample(args.chars)
    n_chars = sum(map(len, docs))
    print(f"{len(docs)} articles, {n_chars:,} characters, {args.clock} clock, {args.caches} caches")
    runs = systems()
    for fn in runs.values():  # load lexicons and tables (lazily loaded on first use)
        fn(docs[0])
    # ``runs["persnews tokenizer"]`` is the tokenizer object itself.
    reset = fresh_caches(runs["persnews tokenizer"]) if args.caches == "fresh" else None
    # Rounds interleave the systems, so that load from other processes on the machine
    # hits all of them alike; the best round of each system is reported.  Each round
    # starts one system later, so that no system always runs right after the same one
    # (the first system of a round met a heap and caches churned by the last one).
    best: dict[str, float] = dict.fromkeys(runs, float("inf"))
    names = list(runs)
    for round_no in range(args.repeat):
        shift = round_no % len(names)
        for name in names[shift:] + names[:shift]:
            fn = runs[name]
            ours = name.startswith(("persnews", "(part) persnews"))
            best[name] = min(best[name], best_time(fn, docs, 1, reset if ours else None))
    speeds = {name: n_chars / t for name, t in best.items()}
    hazm_word = speeds.get("hazm 0.12.1")
    hazm_sent = speeds.get("hazm 0.12.1 + sentences")
    print("| system | chars/s | vs hazm (same task) |")
    print("|---|---:|---:|")
    for name, cps in speeds.items():
        ref = hazm_sent if name.endswith("+ sentences") else hazm_word
        if name.startswith("(part)"):
            ref = hazm_word
        ratio = f"{cps / ref:.2f}x" if ref else "n/a"
        print(f"| {name} | {cps:,.0f} | {ratio} |")

    if not args.no_linearity and args.linearity_chars > 0:
        linearity(runs["persnews tokenizer"], args.linearity_chars, reset)


def linearity(
    tok: Callable[[str], object], total: int, reset: Callable[[], None] | None = None
) -> None:
    """The same ``total`` characters cut into inputs of 1 kB, 100 kB and one single input.

    Every row processes the same text, so only the input size changes between rows.
    """
    big = "\n\n".join(news_sample(total))[:total]
    if reset is None:  # warm caches: one pass over the text first
        best_time(tok, [big[i : i + 100_000] for i in range(0, len(big), 100_000)], 1)
    print(f"\nLinearity: the same {len(big):,} characters as inputs of different sizes")
    print("| input size | inputs | seconds | chars/s |")
    print("|---|---:|---:|---:|")
    sizes = (("1 kB", 1_000), ("100 kB", 100_000), (f"{total / 1e6:g} MB (one input)", total))
    for label, size in sizes:
        chunks = [big[i : i + size] for i in range(0, len(big), size)]
        t = best_time(tok, chunks, 1, reset)
        print(f"| {label} | {len(chunks):,} | {t:.2f} | {len(big) / t:,.0f} |")


if __name__ == "__main__":
    main()
