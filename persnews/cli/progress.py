"""Progress display for ``persnews analyze``: a rich bar on a terminal, log lines otherwise.

>>> from persnews.batch import Progress
>>> line = plain_line(Progress(total=10, done=5, ok=4, failed=1, words=1000, seconds=2.0))
>>> line.startswith("5/10 articles")
True
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from persnews.batch import Progress
from persnews.io import detect_format, expand_inputs, open_binary

__all__ = ["ProgressDisplay", "estimate_records", "plain_line"]


def estimate_records(paths: Sequence[Path], limit: int | None) -> int | None:
    """Roughly how many records ``paths`` hold (lines, files, Parquet rows), for the ETA."""
    total = 0
    try:
        for path in expand_inputs(paths):
            fmt = detect_format(path)
            if fmt == "txt":
                total += 1
            elif fmt == "parquet":
                import pyarrow.parquet as pq

                with open_binary(path) as fh:
                    total += pq.ParquetFile(fh).metadata.num_rows
            else:
                with open_binary(path) as fh:
                    lines = sum(block.count(b"\n") for block in iter(lambda: fh.read(1 << 20), b""))
                total += max(lines - (1 if fmt in ("csv", "tsv") else 0), 0)
            if limit is not None and total >= limit:
                return limit
    except Exception:
        return None
    return total


def _rate(n: float, seconds: float) -> float:
    return n / seconds if seconds > 0 else 0.0


def plain_line(p: Progress) -> str:
    """One log line: counts, throughput and ETA."""
    total = f"/{p.total}" if p.total else ""
    eta = ""
    speed = _rate(p.done - p.resumed, p.seconds)
    if p.total and speed > 0:
        eta = f", ETA {max(p.total - p.done, 0) / speed:.0f} s"
    return (
        f"{p.done}{total} articles ({p.failed} failed, {p.resumed} resumed) in {p.seconds:.0f} s: "
        f"{speed:.1f} articles/s, {_rate(p.words, p.seconds):.0f} words/s{eta}"
    )


class ProgressDisplay:
    """Callable progress sink; use as a context manager around the run."""

    def __init__(self, paths: Sequence[Path], limit: int | None, *, every: float = 10.0) -> None:
        self.tty = sys.stderr.isatty()
        self.every = every
        self.last = 0.0
        self.total: int | None = None
        self._bar: Any = None
        self._task: Any = None
        counter = threading.Thread(target=self._count, args=(paths, limit), daemon=True)
        counter.start()

    def _count(self, paths: Sequence[Path], limit: int | None) -> None:
        self.total = estimate_records(paths, limit)

    def __enter__(self) -> ProgressDisplay:
        if self.tty:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import (
                Progress as RichProgress,
            )

            self._bar = RichProgress(
                TextColumn("[bold]analyse"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[speed]}"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=False,
            )
            self._bar.start()
            self._task = self._bar.add_task("analyse", total=None, speed="")
        return self

    def __call__(self, p: Progress) -> None:
        if p.total is None:
            p.total = self.total
        if self._bar is not None:
            speed = (
                f"{_rate(p.done - p.resumed, p.seconds):.1f} art/s "
                f"{_rate(p.words, p.seconds):.0f} words/s"
            )
            self._bar.update(self._task, completed=p.done, total=p.total, speed=speed)
            return
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            print(plain_line(p), file=sys.stderr, flush=True)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()
