"""Execution engines: run chunks in this process, in a local process pool, or on Dask.

Every engine takes an iterator of :class:`Chunk` and yields ``(chunk, results)`` as chunks
finish (in any order), with at most a few chunks in flight so memory stays bounded. A worker
that dies (segfault, ``os._exit``, out of memory) never loses articles: the chunks it held are
retried in a fresh worker, then article by article; an article that kills its worker alone is
reported as an error.

>>> from persnews.batch.worker import WorkerConfig
>>> cfg = WorkerConfig(nlp="spacy:blank", nlp_args=("fa",))
>>> chunk = Chunk(0, [{"seq": 0, "id": "a", "text": "خبر", "source": "-", "meta": {}}])
>>> [(c.index, r[0]["status"]) for c, r in run_chunks(iter([chunk]), cfg, workers=1)]
[(0, 'ok')]
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass

from persnews.batch.worker import Result, WorkerConfig, WorkItem, init_worker, process_chunk
from persnews.errors import PersnewsError, check_choice

__all__ = ["ENGINES", "Chunk", "run_chunks"]

ENGINES = ("local", "dask")
log = logging.getLogger("persnews")


@dataclass(slots=True)
class Chunk:
    """Consecutive work items; ``index`` is the chunk's position in the input."""

    index: int
    items: list[WorkItem]


def _crashed(item: WorkItem, why: str) -> Result:
    return {
        "seq": item["seq"],
        "status": "error",
        "error": {
            "id": item["id"],
            "source": item["source"],
            "stage": "crash",
            "reason": f"worker process died while analysing this article ({why})",
            "detail": None,
        },
    }


def run_chunks(
    chunks: Iterator[Chunk],
    config: WorkerConfig,
    *,
    workers: int,
    engine: str = "local",
    scheduler: str | None = None,
) -> Iterator[tuple[Chunk, list[Result]]]:
    """Analyse ``chunks`` with ``engine``; yields each chunk with its results when it is done."""
    check_choice("engine", engine, ENGINES)
    if not isinstance(workers, int) or workers < 1:
        raise TypeError(f"workers must be a positive int, not {workers!r}")
    if engine == "dask":
        from persnews.batch.dask_engine import run_dask

        yield from run_dask(chunks, config, workers=workers, scheduler=scheduler)
    elif workers == 1:
        for chunk in chunks:
            yield chunk, process_chunk(config, chunk.items)
    else:
        yield from _run_pool(chunks, config, workers=workers)


def _context() -> multiprocessing.context.BaseContext:
    """``forkserver`` where available: workers fork from a clean server that has spaCy imported
    (fast to start, no threads inherited); ``spawn`` elsewhere."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["persnews.batch.worker"])
        return ctx
    return multiprocessing.get_context("spawn")


def _new_pool(config: WorkerConfig, workers: int) -> ProcessPoolExecutor:
    ctx = _context()
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=ctx, initializer=init_worker, initargs=(config,)
    )


def _run_pool(
    chunks: Iterator[Chunk], config: WorkerConfig, *, workers: int
) -> Iterator[tuple[Chunk, list[Result]]]:
    pool = _new_pool(config, workers)
    pending: dict[Future[list[Result]], Chunk] = {}
    exhausted = False
    try:
        while True:
            while not exhausted and len(pending) < workers * 2:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                else:
                    pending[pool.submit(process_chunk, config, chunk.items)] = chunk
            if not pending:
                return
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            suspects: list[Chunk] = []
            for fut in sorted(done, key=lambda f: pending[f].index):
                chunk = pending.pop(fut)
                try:
                    results = fut.result()
                except Exception as exc:  # BrokenProcessPool, or a result that cannot be pickled
                    log.warning("chunk %d failed in a worker (%s); retrying", chunk.index, exc)
                    suspects.append(chunk)
                else:
                    yield chunk, results
            if suspects:
                pool.shutdown(wait=True, cancel_futures=True)
                for fut, chunk in sorted(pending.items(), key=lambda p: p[1].index):
                    if fut.done() and not fut.cancelled() and fut.exception() is None:
                        yield chunk, fut.result()
                    else:
                        suspects.append(chunk)
                pending.clear()
                yield from _isolate_all(sorted(suspects, key=lambda c: c.index), config)
                pool = _new_pool(config, workers)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _ping() -> bool:
    return True


def _start_isolation_pool(config: WorkerConfig) -> ProcessPoolExecutor:
    """A fresh one-process pool; raises when even that cannot start (a systemic failure)."""
    pool = _new_pool(config, 1)
    try:
        pool.submit(_ping).result()
    except Exception as exc:
        pool.shutdown(wait=True, cancel_futures=True)
        raise PersnewsError(
            f"worker processes cannot start or load the pipeline ({type(exc).__name__}: {exc}); "
            "fix the cause and rerun with --resume"
        ) from exc
    return pool


def _isolate_all(chunks: list[Chunk], config: WorkerConfig) -> Iterator[tuple[Chunk, list[Result]]]:
    """Retry chunks whose worker died: whole in a fresh worker, then article by article."""
    pool = _start_isolation_pool(config)
    try:
        for chunk in chunks:
            try:
                yield chunk, pool.submit(process_chunk, config, chunk.items).result()
                continue
            except Exception as exc:
                log.warning(
                    "chunk %d failed again (%s); retrying article by article", chunk.index, exc
                )
                pool.shutdown(wait=True, cancel_futures=True)
                pool = _start_isolation_pool(config)
            results: list[Result] = []
            for item in chunk.items:
                try:
                    results.extend(pool.submit(process_chunk, config, [item]).result())
                except Exception as exc:
                    results.append(_crashed(item, f"{type(exc).__name__}: {exc}"))
                    pool.shutdown(wait=True, cancel_futures=True)
                    pool = _start_isolation_pool(config)
            yield chunk, results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
