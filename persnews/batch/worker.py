"""Inside a worker: load the pipeline once, analyse a chunk, never let one article sink it.

A chunk is a list of work items ``{"seq", "id", "text", "source", "meta"}``; the result is one
dict per item, in the same order: ``{"seq", "status": "ok", "record", "conllu"}`` or
``{"seq", "status": "error", "error": {id, source, stage, reason, detail}}``.

>>> cfg = WorkerConfig(nlp="spacy:blank", nlp_args=("fa",))
>>> item = {"seq": 0, "id": "a", "text": "سلام دنیا", "source": "-", "meta": {}}
>>> out = process_chunk(cfg, [item])
>>> out[0]["status"], out[0]["record"]["id"]
('ok', 'a')
"""

from __future__ import annotations

import importlib
import signal
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from persnews.batch.convert import doc_to_conllu, doc_to_record

__all__ = [
    "DEFAULT_PIPELINE",
    "MAX_BATCH_CHARS",
    "ArticleTimeoutError",
    "WorkerConfig",
    "char_batches",
    "chunk_budget",
    "get_nlp",
    "init_worker",
    "process_chunk",
]

#: The pipeline factory used unless another is given: persnews.load() plus entities and quotes.
DEFAULT_PIPELINE = "persnews.record:default_pipeline"

WorkItem = dict[str, Any]
Result = dict[str, Any]


@dataclass(frozen=True, slots=True)
class WorkerConfig:
    """Everything a worker needs to build its pipeline and analyse articles (picklable).

    ``nlp`` is ``"module:function"`` returning a spaCy ``Language`` (default: the full pipeline,
    ``persnews.record.default_pipeline``), called with ``*nlp_args``; the components named in
    ``exclude`` are switched off when it runs.
    ``timeout`` is seconds per article (``None``: no limit); it is enforced where the work runs
    in a process's main thread (the local engine), not in Dask's worker threads.
    """

    nlp: str = DEFAULT_PIPELINE
    nlp_args: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    conllu: bool = False
    timeout: float | None = None


class ArticleTimeoutError(Exception):
    """An article took longer than the configured per-article timeout."""


_NLP_CACHE: dict[WorkerConfig, Language] = {}
#: Characters of text one ``nlp.pipe`` batch may hold.  The trained components keep per-token
#: score matrices for a whole batch (the lemmatizer's has ~1,700 columns, ~7 kB a token), so
#: a batch of 32 long articles peaked at 800 MB; 50,000 characters keeps a worker near 500 MB.
MAX_BATCH_CHARS = 50_000
#: One lock per cached pipeline (keyed by ``id``; cached pipelines live as long as the process).
_ZONE_LOCKS: dict[int, threading.Lock] = {}


def get_nlp(config: WorkerConfig) -> Language:
    """The pipeline for ``config``, built once per process and then reused."""
    key = WorkerConfig(config.nlp, config.nlp_args)
    nlp = _NLP_CACHE.get(key)
    if nlp is None:
        module_name, _, func_name = config.nlp.partition(":")
        factory = getattr(importlib.import_module(module_name), func_name or "load")
        nlp = factory(*config.nlp_args)
        if not isinstance(nlp, Language):
            raise TypeError(f"{config.nlp} returned {type(nlp).__name__}, not a spacy Language")
        _NLP_CACHE[key] = nlp
    return nlp


def _disabled(nlp: Language, config: WorkerConfig) -> list[str]:
    return [name for name in config.exclude if name in nlp.pipe_names]


def init_worker(config: WorkerConfig) -> None:
    """Process-pool initializer: load the pipeline before the first chunk arrives."""
    get_nlp(config)


@contextmanager
def _deadline(seconds: float | None) -> Iterator[None]:
    usable = (
        seconds is not None
        and hasattr(signal, "SIGALRM")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable or seconds is None:
        yield
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise ArticleTimeoutError(f"timed out after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _error(item: WorkItem, stage: str, exc: BaseException) -> Result:
    tb = traceback.extract_tb(exc.__traceback__)
    where = "; ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} in {f.name}" for f in tb[-3:])
    reason = str(exc) if isinstance(exc, ArticleTimeoutError) else f"{type(exc).__name__}: {exc}"
    return {
        "seq": item["seq"],
        "status": "error",
        "error": {
            "id": item["id"],
            "source": item["source"],
            "stage": stage,
            "reason": reason[:500],
            "detail": where or None,
        },
    }


def _finish(item: WorkItem, doc: Doc, config: WorkerConfig) -> Result:
    try:
        record = doc_to_record(doc, id=item["id"], meta=item.get("meta") or {})
        conllu = doc_to_conllu(doc, id=item["id"]) if config.conllu else None
    except Exception as exc:
        return _error(item, "record", exc)
    return {
        "seq": item["seq"],
        "status": "ok",
        "source": item["source"],
        "record": record,
        "conllu": conllu,
    }


def char_batches(texts: list[str], max_chars: int = MAX_BATCH_CHARS) -> Iterator[list[str]]:
    """``texts`` in order, cut into runs of at most ``max_chars`` characters (or one text).

    >>> [len(b) for b in char_batches(["a" * 30, "b" * 30, "c" * 50, "d"], max_chars=60)]
    [2, 2]
    """
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and size + len(text) > max_chars:
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield batch


def chunk_budget(timeout: float, n: int) -> float:
    """Seconds a whole chunk may take before its articles are retried one by one.

    >>> chunk_budget(120, 32)
    184.0
    """
    return float(timeout + n * min(timeout, 2.0))


def process_chunk(config: WorkerConfig, items: list[WorkItem]) -> list[Result]:
    """Analyse ``items`` together; if that fails, one by one so only the bad article is an error.

    The chunk is the unit of batching (``nlp.pipe``), so results do not depend on which worker
    or engine ran it.
    """
    if not items:
        return []
    nlp = get_nlp(config)
    with _memory_zone(nlp):
        budget = None if config.timeout is None else chunk_budget(config.timeout, len(items))
        try:
            with _deadline(budget):
                disable = _disabled(nlp, config)
                docs: list[Doc] = []
                for texts in char_batches([it["text"] for it in items], MAX_BATCH_CHARS):
                    docs.extend(nlp.pipe(texts, batch_size=len(texts), disable=disable))
        except Exception:
            return [_process_one(nlp, config, item) for item in items]
        return [_finish(item, doc, config) for item, doc in zip(items, docs, strict=True)]


@contextmanager
def _memory_zone(nlp: Language) -> Iterator[None]:
    """Process a chunk inside a spaCy memory zone, one chunk per pipeline at a time.

    The strings and lexemes a chunk adds to the shared vocabulary are freed when it ends (its
    Docs are turned into plain records inside the zone), so a worker that streams a large
    corpus keeps a bounded vocabulary instead of one that grows with every new word.  The
    vocabulary is shared, and a zone ending frees what any thread added during it, so threads
    that share one pipeline (a Dask worker with several threads) take turns.
    """
    lock = _ZONE_LOCKS.setdefault(id(nlp), threading.Lock())  # atomic: dict.setdefault
    with lock, nlp.memory_zone():
        yield


def _process_one(nlp: Language, config: WorkerConfig, item: WorkItem) -> Result:
    try:
        with _deadline(config.timeout):
            doc = nlp(item["text"], disable=_disabled(nlp, config))
    except Exception as exc:
        stage = "timeout" if isinstance(exc, ArticleTimeoutError) else "analyze"
        return _error(item, stage, exc)
    return _finish(item, doc, config)
