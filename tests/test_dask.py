"""The Dask engine on a real dask.distributed LocalCluster (2 worker processes) equals local."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import persnews
from persnews.batch import RunOptions, run_corpus

pytest.importorskip("distributed")

FAULTY = "batch_helpers:faulty_nlp"
TEXTS = [
    "رئیس‌جمهور فرانسه گفت: «همکاری ادامه می‌یابد.»",
    "به گزارش ایرنا، وزیر کشور امروز به تبریز رفت.",
    "سخنگوی وزارت خارجه روسیه تأکید کرد که مذاکرات ادامه دارد.",
]


def _digests(outdir: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(outdir.iterdir())
        if p.is_file()
    }


def test_dask_local_cluster_tables_equal_the_local_engine(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    rows = [{"id": f"d{i}", "text": f"{TEXTS[i % 3]} {i}"} for i in range(18)]
    rows[7]["text"] = "RAISE_ME " + rows[7]["text"]
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    lines.insert(11, "{broken")
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    formats = ("jsonl", "parquet", "conllu")
    local = run_corpus(
        [src], tmp_path / "local", RunOptions(nlp=FAULTY, batch_size=4, workers=1, formats=formats)
    )
    dask = run_corpus(
        [src],
        tmp_path / "dask",
        RunOptions(nlp=FAULTY, batch_size=4, workers=2, engine="dask", formats=formats),
    )
    assert local.ok and dask.ok
    assert (dask.inputs, dask.processed, dask.failed) == (19, 17, 2)
    assert _digests(tmp_path / "dask") == _digests(tmp_path / "local")


def test_pipe_on_dask_keeps_order() -> None:
    texts = [f"{TEXTS[i % 3]} {i}" for i in range(7)]
    recs = list(persnews.pipe(texts, nlp=FAULTY, engine="dask", n_process=2, batch_size=2))
    assert [r["id"] for r in recs] == [str(i) for i in range(7)]
    assert [r["text"] for r in recs] == texts
