"""Assemble the final output files of a run from its committed chunks, in input order.

Every file is written under a temporary name and renamed when complete. Parquet files get a
fixed schema and fixed row-group sizes, so the same results give byte-identical files.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from persnews.batch.tables import ARTICLE_TABLES, SCHEMAS, build_corpus_entities, rows_of

__all__ = ["ROW_GROUP_ROWS", "assemble_outputs", "iter_chunk_results"]

#: Rows per Parquet row group (the article table's text makes its rows large).
ROW_GROUP_ROWS = {"articles": 2_000, "entities": 50_000, "mentions": 50_000, "quotes": 50_000}


def iter_chunk_results(outdir: Path, n_inputs: int, batch_size: int) -> Iterator[dict[str, Any]]:
    """Every committed result, in input order (missing chunks are skipped)."""
    from persnews.batch.runner import chunk_path

    for index in range(-(-n_inputs // batch_size)):
        path = chunk_path(outdir, index)
        if not path.exists():
            continue
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line)


class _ParquetSink:
    def __init__(self, name: str, path: Path) -> None:
        self.name, self.path = name, path
        self.tmp = path.with_name(f".{path.name}.tmp")
        self.writer = pq.ParquetWriter(self.tmp, SCHEMAS[name])
        self.rows: list[dict[str, Any]] = []

    def add(self, rows: list[dict[str, Any]]) -> None:
        self.rows.extend(rows)
        size = ROW_GROUP_ROWS[self.name]
        while len(self.rows) >= size:
            self._write(self.rows[:size])
            self.rows = self.rows[size:]

    def _write(self, rows: list[dict[str, Any]]) -> None:
        self.writer.write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[self.name]))

    def close(self) -> None:
        if self.rows:
            self._write(self.rows)
            self.rows = []
        self.writer.close()
        os.replace(self.tmp, self.path)


def assemble_outputs(
    outdir: Path, n_inputs: int, batch_size: int, formats: Sequence[str]
) -> tuple[list[str], int, int, list[int]]:
    """Write the final files; returns ``(files, n_ok, n_failed, missing input positions)``."""
    files: list[str] = ["errors.jsonl"]
    err_tmp = outdir / ".errors.jsonl.tmp"
    art_tmp = outdir / ".articles.jsonl.tmp"
    conllu_tmp = outdir / ".tokens.conllu.tmp"
    want_jsonl, want_parquet = "jsonl" in formats, "parquet" in formats
    want_conllu = "conllu" in formats
    sinks = (
        {n: _ParquetSink(n, outdir / f"{n}.parquet") for n in ARTICLE_TABLES}
        if want_parquet
        else {}
    )
    seen = bytearray(n_inputs)
    n_ok = n_failed = 0
    with (
        open(err_tmp, "w", encoding="utf-8", newline="\n") as err_fh,
        open(art_tmp if want_jsonl else os.devnull, "w", encoding="utf-8", newline="\n") as art_fh,
        open(
            conllu_tmp if want_conllu else os.devnull, "w", encoding="utf-8", newline="\n"
        ) as con_fh,
    ):
        for res in iter_chunk_results(outdir, n_inputs, batch_size):
            seq = res["seq"]
            if not 0 <= seq < n_inputs or seen[seq]:
                continue
            seen[seq] = 1
            if res["status"] == "ok":
                n_ok += 1
                record = res["record"]
                art_fh.write(json.dumps(record, ensure_ascii=False) + "\n")
                if want_conllu and res.get("conllu"):
                    con_fh.write(res["conllu"] + "\n")
                if sinks:
                    source = res.get("source")
                    for name, rows in rows_of(record, seq=seq, source=source).items():
                        sinks[name].add(rows)
            else:
                n_failed += 1
                err_fh.write(json.dumps({"seq": seq, **res["error"]}, ensure_ascii=False) + "\n")
    os.replace(err_tmp, outdir / "errors.jsonl")
    if want_jsonl:
        os.replace(art_tmp, outdir / "articles.jsonl")
        files.append("articles.jsonl")
    if want_conllu:
        os.replace(conllu_tmp, outdir / "tokens.conllu")
        files.append("tokens.conllu")
    for name, sink in sinks.items():
        sink.close()
        files.append(f"{name}.parquet")
    if want_parquet:
        records = (
            r["record"]
            for r in iter_chunk_results(outdir, n_inputs, batch_size)
            if r["status"] == "ok"
        )
        rows = build_corpus_entities(records)
        empty = pa.table({"corpus_id": pa.array([], pa.string())})
        table = pa.Table.from_pylist(rows) if rows else empty
        tmp = outdir / ".corpus_entities.parquet.tmp"
        pq.write_table(table, tmp)
        os.replace(tmp, outdir / "corpus_entities.parquet")
        files.append("corpus_entities.parquet")
    missing = [s for s in range(n_inputs) if not seen[s]]
    return files, n_ok, n_failed, missing
