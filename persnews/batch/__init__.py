"""Corpus-scale processing: parallel, resumable runs and tables for pandas.

>>> from persnews.batch import RunOptions
>>> RunOptions(workers=2).engine
'local'
"""

from __future__ import annotations

from persnews.batch.api import pipe, to_frames
from persnews.batch.engines import ENGINES, Chunk, run_chunks
from persnews.batch.runner import FORMATS, Progress, RunOptions, RunSummary, run_corpus
from persnews.batch.tables import SCHEMAS, rows_of
from persnews.batch.worker import WorkerConfig, process_chunk

__all__ = [
    "ENGINES",
    "FORMATS",
    "SCHEMAS",
    "Chunk",
    "Progress",
    "RunOptions",
    "RunSummary",
    "WorkerConfig",
    "pipe",
    "process_chunk",
    "rows_of",
    "run_chunks",
    "run_corpus",
    "to_frames",
]
