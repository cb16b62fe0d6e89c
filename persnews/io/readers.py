"""Streaming readers for article collections: .txt directories, JSONL, CSV/TSV and Parquet.

Each reader yields :class:`InputRecord` or :class:`InputError` items one at a time, so
memory stays bounded by the largest single record (a 1 GB JSONL file is never loaded
whole). Files ending in ``.gz``, ``.xz`` or ``.bz2`` are decompressed on the fly.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.jsonl").write_text('{"id": "n1", "text": "وزیر گفت."}\\n{bad\\n', encoding="utf-8")
>>> [type(x).__name__ for x in iter_inputs([d / "a.jsonl"])]
['InputRecord', 'InputError']
"""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import lzma
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from persnews.errors import InputFormatError
from persnews.io.records import InputError, InputRecord, ReadOptions, check_text

__all__ = ["FORMATS", "detect_format", "expand_inputs", "iter_inputs", "open_binary"]

#: Input formats by file-name suffix (after removing a compression suffix).
FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".parquet": "parquet",
}
_COMPRESSION = {".gz": gzip.open, ".xz": lzma.open, ".bz2": bz2.open}

Item = InputRecord | InputError


def _split_suffix(path: Path) -> tuple[str | None, str | None]:
    """``(format, compression suffix)`` for a file name such as ``news.jsonl.xz``."""
    suffixes = [s.lower() for s in path.suffixes]
    compression = None
    if suffixes and suffixes[-1] in _COMPRESSION:
        compression = suffixes.pop()
    fmt = FORMATS.get(suffixes[-1]) if suffixes else None
    return fmt, compression


def detect_format(path: Path) -> str:
    """The input format of ``path`` from its name.

    >>> detect_format(Path("corpus/fars.jsonl.xz"))
    'jsonl'
    >>> detect_format(Path("x.doc"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    persnews.errors.InputFormatError: cannot tell the format of 'x.doc'; use one of: ...
    """
    fmt, _ = _split_suffix(path)
    if fmt is None:
        allowed = ", ".join(FORMATS)
        raise InputFormatError(
            f"cannot tell the format of {str(path)!r}; use one of: {allowed} "
            "(optionally .gz, .xz or .bz2)"
        )
    return fmt


def open_binary(path: Path) -> IO[bytes]:
    """Open ``path`` for reading bytes, decompressing ``.gz``/``.xz``/``.bz2`` on the fly."""
    _, compression = _split_suffix(path)
    if compression is None:
        return open(path, "rb")
    opener: Any = _COMPRESSION[compression]
    handle: IO[bytes] = opener(path, "rb")
    return handle


def expand_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """Files to read, in a stable order: directories are walked (sorted) for known formats."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                (p for p in path.rglob("*") if p.is_file() and _split_suffix(p)[0] is not None),
                key=lambda p: p.as_posix(),
            )
            out.extend(found)
        elif path.exists():
            detect_format(path)
            out.append(path)
        else:
            raise InputFormatError(f"input {str(path)!r} does not exist")
    return out


def iter_inputs(paths: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[Item]:
    """Yield every record of ``paths`` (files or directories) in order, with bad ones as errors.

    Duplicate ids are reported as errors so that every output id is unique.
    """
    opts = options or ReadOptions()
    seen: set[str] = set()
    for path in expand_inputs(paths):
        for item in _read_file(path, opts):
            if isinstance(item, InputRecord):
                if item.id in seen:
                    yield InputError(item.id, item.source, "duplicate id")
                    continue
                seen.add(item.id)
            yield item


def _read_file(path: Path, opts: ReadOptions) -> Iterator[Item]:
    fmt = detect_format(path)
    try:
        if fmt == "txt":
            yield _read_txt(path, opts)
        elif fmt == "jsonl":
            yield from _read_jsonl(path, opts)
        elif fmt in ("csv", "tsv"):
            yield from _read_csv(path, opts, delimiter="\t" if fmt == "tsv" else ",")
        else:
            yield from _read_parquet(path, opts)
    except (OSError, EOFError, lzma.LZMAError) as exc:
        yield InputError(None, str(path), f"cannot read file: {exc}", detail=type(exc).__name__)


def _stem(path: Path) -> str:
    name = path.name
    fmt, compression = _split_suffix(path)
    if compression:
        name = name[: -len(compression)]
    if fmt:
        name = name[: name.lower().rfind(".")] if "." in name else name
    return name


def _make(
    obj: dict[str, Any], opts: ReadOptions, source: str, default_id: str
) -> InputRecord | InputError:
    """Build a record from a mapping of column -> value (JSON object, CSV row, Parquet row)."""
    raw_id = obj.get(opts.id_column)
    rid = default_id if raw_id is None or raw_id == "" else str(raw_id)
    if opts.text_column not in obj:
        return InputError(rid, source, f"missing text column {opts.text_column!r}")
    text = obj[opts.text_column]
    if not isinstance(text, str):
        kind = "null" if text is None else type(text).__name__
        return InputError(rid, source, f"text column {opts.text_column!r} is {kind}, not a string")
    problem = check_text(text, max_chars=opts.max_chars)
    if problem:
        return InputError(rid, source, problem)

    def optional(column: str | None) -> str | None:
        if column is None:
            return None
        value = obj.get(column)
        return None if value is None or value == "" else str(value)

    return InputRecord(
        id=rid,
        text=text,
        source=source,
        title=optional(opts.title_column),
        published=optional(opts.date_column),
        url=optional(opts.url_column),
    )


def _decode(data: bytes) -> tuple[str | None, str | None]:
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return None, f"invalid UTF-8 at byte {exc.start}"


def _read_txt(path: Path, opts: ReadOptions) -> Item:
    rid, source = _stem(path), str(path)
    with open_binary(path) as fh:
        data = fh.read(opts.max_bytes + 1)
    if len(data) > opts.max_bytes:
        return InputError(rid, source, f"file too large (over {opts.max_bytes} bytes)")
    text, problem = _decode(data)
    if text is None:
        return InputError(rid, source, problem or "invalid UTF-8")
    text = text.removeprefix("\ufeff")
    reason = check_text(text, max_chars=opts.max_chars)
    if reason:
        return InputError(rid, source, reason)
    return InputRecord(id=rid, text=text, source=source)


def _read_jsonl(path: Path, opts: ReadOptions) -> Iterator[Item]:
    stem, limit = _stem(path), opts.max_bytes
    records = 0
    with open_binary(path) as fh:
        lineno = 0
        while True:
            line = fh.readline(limit + 1)
            if not line:
                break
            lineno += 1
            source = f"{path}:{lineno}"
            if len(line) > limit and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):  # skip the rest of the long line
                    line = fh.readline(1 << 20)
                records += 1
                yield InputError(None, source, f"line longer than {limit} bytes")
                continue
            if not line.strip():
                continue
            records += 1
            text, problem = _decode(line)
            if text is None:
                yield InputError(None, source, problem or "invalid UTF-8")
                continue
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                yield InputError(None, source, f"malformed JSON: {exc.msg} (column {exc.colno})")
                continue
            if not isinstance(obj, dict):
                kind = type(obj).__name__
                yield InputError(None, source, f"JSON line is a {kind}, not an object")
                continue
            yield _make(obj, opts, source, f"{stem}:{lineno}")
    if records == 0:
        yield InputError(None, str(path), "empty file (no records)")


def _read_csv(path: Path, opts: ReadOptions, *, delimiter: str) -> Iterator[Item]:
    stem = _stem(path)
    csv.field_size_limit(max(opts.max_bytes, csv.field_size_limit()))
    with open_binary(path) as raw:
        text_io = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="")
        reader = csv.reader(text_io, delimiter=delimiter, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            yield InputError(None, str(path), "empty file (no header)")
            return
        except csv.Error as exc:
            yield InputError(None, f"{path}:1", f"malformed CSV header: {exc}")
            return
        if opts.text_column not in header:
            yield InputError(
                None, str(path), f"missing text column {opts.text_column!r}; columns are {header}"
            )
            return
        records = 0
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                records += 1
                yield InputError(None, f"{path}:{start}", f"malformed CSV line: {exc}")
                continue
            if not row:
                continue
            records += 1
            source = f"{path}:{start}"
            if len(row) != len(header):
                yield InputError(None, source, f"expected {len(header)} fields, found {len(row)}")
                continue
            bad = next((v for v in row if _has_surrogate(v)), None)
            if bad is not None:
                yield InputError(None, source, "invalid UTF-8")
                continue
            yield _make(dict(zip(header, row, strict=True)), opts, source, f"{stem}:{start}")
        if records == 0:
            yield InputError(None, str(path), "empty file (no records)")


def _has_surrogate(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _read_parquet(path: Path, opts: ReadOptions) -> Iterator[Item]:
    import pyarrow.parquet as pq

    stem = _stem(path)
    with open_binary(path) as fh:
        try:
            pfile = pq.ParquetFile(fh)
        except Exception as exc:  # pyarrow raises several types for corrupt files
            yield InputError(None, str(path), f"not a readable Parquet file: {exc}")
            return
        names = pfile.schema_arrow.names
        if opts.text_column not in names:
            yield InputError(
                None, str(path), f"missing text column {opts.text_column!r}; columns are {names}"
            )
            return
        wanted = [opts.text_column, opts.id_column, opts.title_column, opts.date_column]
        wanted.append(opts.url_column)
        columns = [c for c in dict.fromkeys(wanted) if c is not None and c in names]
        row = 0
        for batch in pfile.iter_batches(batch_size=256, columns=columns):
            for obj in batch.to_pylist():
                row += 1
                yield _make(obj, opts, f"{path}#row{row}", f"{stem}:{row}")
        if row == 0:
            yield InputError(None, str(path), "empty file (no records)")
