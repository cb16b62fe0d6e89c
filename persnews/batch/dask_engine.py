"""The Dask engine: the same chunks and worker code, scheduled by ``dask.distributed``.

With ``scheduler=None`` a ``LocalCluster`` of ``workers`` single-threaded processes is
started (and stopped at the end); otherwise the run connects to an existing scheduler
(``tcp://host:8786``) whose workers must have persnews installed. Each Dask worker process
loads the pipeline once (cached in :mod:`persnews.batch.worker`). A chunk whose worker dies
is retried by Dask; if Dask gives up (``KilledWorker``) the chunk is analysed article by
article and an article that still kills its worker is reported as an error.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from persnews.batch.engines import Chunk, _crashed
from persnews.batch.worker import Result, WorkerConfig, process_chunk
from persnews.errors import PersnewsError

__all__ = ["run_dask"]

log = logging.getLogger("persnews")


def _client(workers: int, scheduler: str | None) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the installed extras
        raise PersnewsError(
            "the dask engine needs dask.distributed: pip install 'persnews[dask]'"
        ) from exc
    if scheduler:
        return Client(scheduler), None  # type: ignore[no-untyped-call]
    cluster = LocalCluster(  # type: ignore[no-untyped-call]
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    return Client(cluster), cluster  # type: ignore[no-untyped-call]


def run_dask(
    chunks: Iterator[Chunk], config: WorkerConfig, *, workers: int, scheduler: str | None
) -> Iterator[tuple[Chunk, list[Result]]]:
    """Run chunks on a Dask cluster, at most ``2 x workers`` in flight."""
    from distributed import as_completed

    client, cluster = _client(workers, scheduler)
    try:
        limit = 2 * max(workers, len(client.scheduler_info().get("workers", {})))
        by_key: dict[str, Chunk] = {}
        futures = as_completed()  # type: ignore[no-untyped-call]
        exhausted = False

        def submit_next() -> bool:
            chunk = next(chunks, None)
            if chunk is None:
                return False
            fut = client.submit(process_chunk, config, chunk.items, pure=False, retries=0)
            by_key[fut.key] = chunk
            futures.add(fut)  # type: ignore[no-untyped-call]
            return True

        while not exhausted and len(by_key) < limit:
            exhausted = not submit_next()
        for fut in futures:
            chunk = by_key.pop(fut.key)
            try:
                results: list[Result] = fut.result()
            except Exception as exc:  # KilledWorker, a lost connection, an unpicklable result
                log.warning(
                    "chunk %d failed on Dask (%s); retrying article by article",
                    chunk.index,
                    type(exc).__name__,
                )
                results = _singly(client, chunk, config)
            fut.release()
            yield chunk, results
            if not exhausted:
                exhausted = not submit_next()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _singly(client: Any, chunk: Chunk, config: WorkerConfig) -> list[Result]:
    results: list[Result] = []
    for item in chunk.items:
        fut = client.submit(process_chunk, config, [item], pure=False, retries=0)
        try:
            results.extend(fut.result())
        except Exception as exc:
            results.append(_crashed(item, f"{type(exc).__name__}: {exc}"))
    return results
