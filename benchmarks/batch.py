"""Corpus-scale throughput: the batch runner with 1 and 2 workers, Dask, and tokenize-only anchors.

Reads the first N articles of each corpus in ../shared/data/news (Fars, Varzesh3, Hamshahri),
writes them to a temporary JSONL file and runs ``persnews.batch.run_corpus`` on it with the full
pipeline: 1 worker, 2 local workers and a 2-worker Dask LocalCluster. It reports articles/s,
words/s (whitespace words of the text, as in news/SOURCES.md), peak RSS per worker process and
whether the three runs wrote byte-identical tables. It then runs normalize+tokenize only with
persnews, hazm and parsivar on the same articles through the same process pool.

    .venv/bin/python benchmarks/batch.py --articles 150 --tok-articles 1000
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder would come first on sys.path, where a script could shadow
# a standard-library module; put the repository root there instead.
_REPO = Path(__file__).resolve().parents[1]
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _REPO / "benchmarks"]
sys.path.insert(0, str(_REPO))

import argparse  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402
import lzma  # noqa: E402
import multiprocessing  # noqa: E402
import os  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from typing import Any  # noqa: E402

import psutil  # noqa: E402

from benchmarks._data import data_dir  # noqa: E402

CORPORA = ("fars", "varzesh3", "hamshahri")


def load_articles(n: int) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for name in CORPORA:
        path = data_dir() / "news" / f"{name}.jsonl.xz"
        with lzma.open(path, "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i >= n:
                    break
                rec = json.loads(line)
                out.append((f"{name}-{rec['id']}", rec["text"]))
    return out


class MemorySampler:
    """Peak RSS and CPU seconds of this process and of each child process (every 0.1 s)."""

    def __init__(self) -> None:
        self.peak: dict[int, int] = {}
        self.cpu: dict[int, float] = {}
        self.cpu0 = sum(psutil.Process().cpu_times()[:2])
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            for proc in [me, *me.children(recursive=True)]:
                try:
                    rss = proc.memory_info().rss
                    cpu = sum(proc.cpu_times()[:2])
                except psutil.Error:
                    continue
                self.peak[proc.pid] = max(self.peak.get(proc.pid, 0), rss)
                self.cpu[proc.pid] = cpu
            time.sleep(0.1)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.cpu[os.getpid()] = sum(psutil.Process().cpu_times()[:2]) - self.cpu0

    def cpu_seconds(self) -> tuple[float, float]:
        """(CPU seconds of this process + all children, of the busiest child or this process)."""
        return sum(self.cpu.values()), max(self.cpu.values(), default=0.0)

    def worker_peak_mb(self, *, in_process: bool) -> float:
        me = os.getpid()
        values = [v for pid, v in self.peak.items() if (pid == me) == in_process]
        return max(values, default=0) / 2**20


def digests(outdir: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(outdir.iterdir())
        if p.is_file()
    }


def full_pipeline(
    articles: list[tuple[str, str]], tmp: Path, skip_dask: bool
) -> list[dict[str, Any]]:
    from persnews.batch import RunOptions, run_corpus

    src = tmp / "input.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for aid, text in articles:
            fh.write(json.dumps({"id": aid, "text": text}, ensure_ascii=False) + "\n")
    words = sum(len(t.split()) for _, t in articles)
    runs = [("local", 1), ("local", 2)] + ([] if skip_dask else [("dask", 2)])
    rows = []
    for engine, workers in runs:
        out = tmp / f"{engine}-{workers}"
        opts = RunOptions(workers=workers, engine=engine, batch_size=8, timeout=None)
        load = os.getloadavg()[0]
        with MemorySampler() as mem:
            start = time.perf_counter()
            summary = run_corpus([src], out, opts)
            seconds = time.perf_counter() - start
        rows.append(
            {
                "run": f"{engine}, {workers} worker{'s' if workers > 1 else ''}",
                "articles": summary.processed,
                "failed": summary.failed,
                "seconds": seconds,
                "art_s": summary.processed / seconds,
                "words_s": words / seconds,
                "rss_mb": mem.worker_peak_mb(in_process=workers == 1 and engine == "local"),
                "load": load,
                "cpu_total": mem.cpu_seconds()[0],
                "cpu_busiest": mem.cpu_seconds()[1],
                "digests": digests(out),
            }
        )
        print(f"  {rows[-1]['run']}: {seconds:.1f} s", file=sys.stderr, flush=True)
    return rows


# --- normalize + tokenize only, the same pool for every tool -------------------------------

_TOOL: Callable[[str], int] | None = None


def _make_tool(name: str) -> Callable[[str], int]:
    if name == "persnews":
        import persnews

        nlp = persnews.load()
        return lambda text: len(nlp.make_doc(text))
    if name == "hazm":
        import hazm

        norm, tok = hazm.Normalizer(), hazm.WordTokenizer()
        return lambda text: sum(
            len(tok.tokenize(s)) for s in hazm.sent_tokenize(norm.normalize(text))
        )
    if name == "parsivar":
        import parsivar

        pnorm, ptok = parsivar.Normalizer(), parsivar.Tokenizer()
        return lambda text: len(ptok.tokenize_words(pnorm.normalize(text)))
    raise ValueError(name)


def _init(name: str) -> None:
    global _TOOL
    _TOOL = _make_tool(name)
    _TOOL("سخنگوی دولت گفت: جلسه فردا برگزار می‌شود.")  # load lazy resources before timing


def _run_chunk(texts: list[str]) -> int:
    assert _TOOL is not None
    return sum(_TOOL(t) for t in texts)


def tokenize_only(name: str, texts: list[str], workers: int) -> float:
    chunks = [texts[i : i + 32] for i in range(0, len(texts), 32)]
    if workers == 1:
        _init(name)
        start = time.perf_counter()
        for c in chunks:
            _run_chunk(c)
        return time.perf_counter() - start
    ctx = multiprocessing.get_context("forkserver")
    with ctx.Pool(workers, initializer=_init, initargs=(name,)) as pool:
        pool.map(_ping, range(workers * 4))  # let every worker finish loading first
        start = time.perf_counter()
        pool.map(_run_chunk, chunks, chunksize=1)
        return time.perf_counter() - start


def _ping(_: int) -> int:
    time.sleep(0.05)
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=150, help="per corpus, full pipeline")
    parser.add_argument("--tok-articles", type=int, default=1000, help="per corpus, tokenize-only")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--skip-tokenize", action="store_true")
    parser.add_argument("--skip-full", action="store_true", help="tokenize-only tables only")
    parser.add_argument("--repeat", type=int, default=3, help="tokenize-only runs, best kept")
    args = parser.parse_args()

    if not args.skip_full:
        report_full(args.articles, args.skip_dask)
    if not args.skip_tokenize:
        report_tokenize(args.tok_articles, args.repeat)


def report_full(n: int, skip_dask: bool) -> None:
    articles = load_articles(n)
    words = sum(len(t.split()) for _, t in articles)
    print(f"full pipeline: {len(articles)} articles, {words} words", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        rows = full_pipeline(articles, Path(tmp), skip_dask)
    base = rows[0]["seconds"]
    print(f"\nFull pipeline, {len(articles)} articles ({words:,} words), batch size 8\n")
    print(
        "| run | wall s | articles/s | words/s | speed-up (wall) | CPU s (all / busiest) "
        "| speed-up (CPU model) | peak RSS / worker | load avg | outputs |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    cores = 2
    for r in rows:
        same = "identical" if r["digests"] == rows[0]["digests"] else "DIFFERENT"
        # On idle cores a run takes as long as its busiest process or its total CPU / cores.
        model = max(r["cpu_busiest"], r["cpu_total"] / cores)
        print(
            f"| {r['run']} | {r['seconds']:.1f} | {r['art_s']:.1f} | {r['words_s']:,.0f} | "
            f"{base / r['seconds']:.2f}x | {r['cpu_total']:.1f} / {r['cpu_busiest']:.1f} | "
            f"{rows[0]['cpu_total'] / model:.2f}x | {r['rss_mb']:.0f} MB | {r['load']:.1f} | "
            f"{same} ({len(r['digests'])} files) |"
        )


def report_tokenize(n: int, repeat: int) -> None:
    tok_articles = load_articles(n)
    texts = [t for _, t in tok_articles]
    tok_words = sum(len(t.split()) for t in texts)
    print(
        f"\nNormalize + tokenize only, {len(texts)} articles ({tok_words:,} words), "
        f"best of {repeat}\n"
    )
    print("| tool | workers | articles/s | words/s | speed-up | persnews speed / tool speed |")
    print("|---|---:|---:|---:|---:|---:|")
    results: dict[tuple[str, int], float] = {}
    for name in ("persnews", "hazm", "parsivar"):
        for workers in (1, 2):
            # best of `repeat`: the machine is shared, the minimum is the least disturbed run
            results[(name, workers)] = min(
                tokenize_only(name, texts, workers) for _ in range(repeat)
            )
    for name in ("persnews", "hazm", "parsivar"):
        for workers in (1, 2):
            sec = results[(name, workers)]
            ratio = results[(name, workers)] / results[("persnews", workers)]
            print(
                f"| {name} | {workers} | {len(texts) / sec:.1f} | {tok_words / sec:,.0f} | "
                f"{results[(name, 1)] / sec:.2f}x | {ratio:.2f}x |"
            )


if __name__ == "__main__":
    main()
