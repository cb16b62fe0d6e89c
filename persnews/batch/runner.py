"""Corpus runs: read inputs, analyse in committed chunks, resume, assemble, reconcile.

Layout of ``OUTDIR``::

    articles.jsonl  errors.jsonl  articles.parquet  entities.parquet  mentions.parquet
    quotes.parquet  corpus_entities.parquet  tokens.conllu  .persnews/manifest.json
    .persnews/chunks/00000000.jsonl ...

A chunk file holds the results of ``batch_size`` consecutive input records and is written to a
temporary name and renamed, so it is either complete or absent. ``resume=True`` skips the
chunks already present. The final files are assembled from the chunks in input order, so they
are byte-identical whatever the number of workers or the engine.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from persnews.batch.assemble import assemble_outputs
from persnews.batch.engines import Chunk, run_chunks
from persnews.batch.worker import DEFAULT_PIPELINE, Result, WorkerConfig
from persnews.errors import InvalidOptionError, PersnewsError, check_choice
from persnews.io import InputError, InputRecord, ReadOptions, expand_inputs, iter_inputs

__all__ = ["FORMATS", "Progress", "RunOptions", "RunSummary", "run_corpus"]

FORMATS = ("jsonl", "parquet", "conllu")
STATE_DIR = ".persnews"
MANIFEST_VERSION = 1
log = logging.getLogger("persnews")


@dataclass(frozen=True, slots=True)
class RunOptions:
    """Options of a corpus run (the CLI's ``analyze`` options)."""

    formats: tuple[str, ...] = ("jsonl", "parquet")
    workers: int = 1
    batch_size: int = 32
    engine: str = "local"
    scheduler: str | None = None
    exclude: tuple[str, ...] = ()
    nlp: str = DEFAULT_PIPELINE
    timeout: float | None = 120.0
    limit: int | None = None
    resume: bool = False
    overwrite: bool = False
    read: ReadOptions = field(default_factory=ReadOptions)


@dataclass(slots=True)
class Progress:
    """Counts reported after every committed chunk (and in the final summary)."""

    total: int | None = None
    done: int = 0
    ok: int = 0
    failed: int = 0
    resumed: int = 0
    words: int = 0
    seconds: float = 0.0


@dataclass(slots=True)
class RunSummary:
    """What a run did; ``missing`` lists input ids found in neither outputs nor errors."""

    inputs: int
    processed: int
    failed: int
    resumed: int
    seconds: float
    words: int
    outdir: Path
    files: list[str]
    missing: list[str]

    @property
    def ok(self) -> bool:
        """True when every input is accounted for (inputs = outputs + errors)."""
        return not self.missing and self.inputs == self.processed + self.failed


def _fingerprint(paths: Sequence[Path], opts: RunOptions) -> dict[str, Any]:
    files = []
    for p in expand_inputs(paths):
        st = p.stat()
        files.append([str(p.resolve()), st.st_size, st.st_mtime_ns])
    return {
        "inputs": files,
        "read": asdict(opts.read),
        "exclude": sorted(opts.exclude),
        "nlp": opts.nlp,
        "conllu": "conllu" in opts.formats,
        "timeout": opts.timeout,
        "limit": opts.limit,
    }


def _prepare(outdir: Path, fingerprint: dict[str, Any], opts: RunOptions) -> int:
    """Create or check the run state; returns the chunk size to use."""
    state = outdir / STATE_DIR
    manifest_path = state / "manifest.json"
    if manifest_path.exists() and not opts.overwrite:
        if not opts.resume:
            raise PersnewsError(
                f"{outdir} holds a previous run; use --resume to finish it or --overwrite"
            )
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("fingerprint") != json.loads(json.dumps(fingerprint)):
            old = manifest.get("fingerprint", {})
            changed = sorted(
                k for k in fingerprint if old.get(k) != json.loads(json.dumps(fingerprint[k]))
            )
            raise PersnewsError(
                f"cannot resume {outdir}: the inputs or options changed ({', '.join(changed)})"
            )
        size = int(manifest["batch_size"])
        if size != opts.batch_size:
            log.warning(
                "resuming with the first run's batch size: %d, not %d", size, opts.batch_size
            )
        return size
    if opts.overwrite and state.exists():
        shutil.rmtree(state)
    elif (
        not opts.overwrite
        and outdir.exists()
        and any(
            (outdir / n).exists() for n in ("articles.jsonl", "errors.jsonl", "articles.parquet")
        )
    ):
        raise PersnewsError(f"{outdir} already holds outputs; use --overwrite or another OUTDIR")
    (state / "chunks").mkdir(parents=True, exist_ok=True)
    manifest = {
        "version": MANIFEST_VERSION,
        "batch_size": opts.batch_size,
        "fingerprint": fingerprint,
        "status": "running",
    }
    _write_atomic(manifest_path, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    return opts.batch_size


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def chunk_path(outdir: Path, index: int) -> Path:
    """Where chunk ``index`` of a run in ``outdir`` is committed."""
    return outdir / STATE_DIR / "chunks" / f"{index:08d}.jsonl"


def _commit(outdir: Path, index: int, results: list[Result]) -> None:
    lines = [json.dumps(r, ensure_ascii=False) for r in sorted(results, key=lambda r: r["seq"])]
    _write_atomic(chunk_path(outdir, index), "".join(line + "\n" for line in lines))


def _read_error(seq: int, err: InputError) -> Result:
    return {"seq": seq, "status": "error", "error": err.to_dict()}


def _validate(opts: RunOptions) -> None:
    for fmt in opts.formats:
        check_choice("format", fmt, FORMATS)
    if not opts.formats:
        raise InvalidOptionError("formats is empty; use one or more of: jsonl, parquet, conllu")
    if opts.batch_size < 1 or opts.workers < 1:
        raise InvalidOptionError("batch_size and workers must be at least 1")
    if opts.limit is not None and opts.limit < 0:
        raise InvalidOptionError(f"limit={opts.limit} is not allowed; use 0 or more")


def run_corpus(
    inputs: Sequence[str | Path],
    outdir: str | Path,
    options: RunOptions | None = None,
    *,
    progress: Callable[[Progress], None] | None = None,
    total: int | None = None,
) -> RunSummary:
    """Analyse every record of ``inputs`` into ``outdir``; see the module docstring.

    >>> import tempfile, pathlib
    >>> tmp = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (tmp / "a.txt").write_text("وزیر امور خارجه گفت.", encoding="utf-8")
    >>> opts = RunOptions(nlp="persnews.batch.runner:_blank_fa", formats=("jsonl",))
    >>> s = run_corpus([tmp / "a.txt"], tmp / "out", opts)
    >>> (s.inputs, s.processed, s.failed, s.ok)
    (1, 1, 0, True)
    """
    opts = options or RunOptions()
    _validate(opts)
    paths = [Path(p) for p in inputs]
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    batch_size = _prepare(out, _fingerprint(paths, opts), opts)
    config = WorkerConfig(
        nlp=opts.nlp, exclude=opts.exclude, conllu="conllu" in opts.formats, timeout=opts.timeout
    )
    state = Progress(total=total)
    started = time.perf_counter()
    counted = {"n": 0}
    pre_errors: dict[int, list[Result]] = {}

    def chunks() -> Iterator[Chunk]:
        stream: Iterator[tuple[int, InputRecord | InputError]] = enumerate(
            iter_inputs(paths, opts.read)
        )
        if opts.limit is not None:
            stream = islice(stream, opts.limit)
        index = 0
        while True:
            block = list(islice(stream, batch_size))
            if not block:
                return
            counted["n"] += len(block)
            if chunk_path(out, index).exists():
                state.done += len(block)
                state.resumed += len(block)
                _report()
            else:
                errors = [_read_error(seq, it) for seq, it in block if isinstance(it, InputError)]
                work = [_work_item(seq, it) for seq, it in block if isinstance(it, InputRecord)]
                if work:
                    pre_errors[index] = errors
                    yield Chunk(index, work)
                else:
                    _commit(out, index, errors)
                    state.done += len(errors)
                    state.failed += len(errors)
                    _report()
            index += 1

    def _report() -> None:
        state.seconds = time.perf_counter() - started
        if progress is not None:
            progress(state)

    for chunk, results in run_chunks(
        chunks(), config, workers=opts.workers, engine=opts.engine, scheduler=opts.scheduler
    ):
        all_results = results + pre_errors.pop(chunk.index, [])
        _commit(out, chunk.index, all_results)
        state.done += len(all_results)
        n_err = sum(1 for r in all_results if r["status"] == "error")
        state.failed += n_err
        state.ok += len(all_results) - n_err
        state.words += sum(len(it["text"].split()) for it in chunk.items)
        _report()

    n_inputs = counted["n"]
    files, n_ok, n_failed, missing_seqs = assemble_outputs(out, n_inputs, batch_size, opts.formats)
    missing = _missing_ids(paths, opts, missing_seqs) if missing_seqs else []
    seconds = time.perf_counter() - started
    summary = RunSummary(
        inputs=n_inputs,
        processed=n_ok,
        failed=n_failed,
        resumed=state.resumed,
        seconds=seconds,
        words=state.words,
        outdir=out,
        files=files,
        missing=missing,
    )
    manifest_path = out / STATE_DIR / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest.update(
        status="complete" if summary.ok else "incomplete",
        inputs=n_inputs,
        processed=n_ok,
        failed=n_failed,
    )
    _write_atomic(manifest_path, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    return summary


def _work_item(seq: int, rec: InputRecord) -> dict[str, Any]:
    return {"seq": seq, "id": rec.id, "text": rec.text, "source": rec.source, "meta": rec.meta()}


def _missing_ids(paths: list[Path], opts: RunOptions, seqs: list[int]) -> list[str]:
    wanted = set(seqs)
    names: list[str] = []
    for seq, item in enumerate(iter_inputs(paths, opts.read)):
        if seq in wanted:
            names.append(item.id if item.id is not None else f"#{seq} ({item.source})")
    return names


def _blank_fa() -> Any:
    """A tokenizer-only pipeline (used by doctests and tests)."""
    import spacy

    return spacy.blank("fa")
