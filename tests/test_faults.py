"""Fault injection: bad records, failing and dying workers, timeouts, kill -9 and --resume.

Every test checks the invariant of the runner: each input is either in the outputs or in
errors.jsonl, exactly once, and the outputs equal those of an undisturbed run.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from persnews.batch import RunOptions, run_corpus

pytestmark = pytest.mark.faults

TESTS = Path(__file__).resolve().parent
FAULTY = "batch_helpers:faulty_nlp"
TEXTS = [
    "سخنگوی وزارت خارجه گفت: «این دیدار مثبت بود.»",
    "به گزارش خبرگزاری فارس، جلسه هیئت دولت امروز برگزار شد.",
    "وزیر نیرو از افزایش مصرف برق در تابستان خبر داد.",
    "رئیس کمیسیون امنیت ملی مجلس افزود: مذاکرات ادامه دارد.",
]


def _text(i: int) -> str:
    return f"{TEXTS[i % len(TEXTS)]} گزارش {i}"


def _write_jsonl(path: Path, n: int, special: dict[int, str] | None = None) -> Path:
    special = special or {}
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            text = special.get(i, _text(i))
            fh.write(json.dumps({"id": f"a{i}", "text": text}, ensure_ascii=False) + "\n")
    return path


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def _digests(outdir: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(outdir.iterdir())
        if p.is_file()
    }


def _accounted(outdir: Path, expected: int) -> tuple[list[object], list[dict[str, object]]]:
    ok = [r["id"] for r in _lines(outdir / "articles.jsonl")]
    errors = _lines(outdir / "errors.jsonl")
    seqs = [json.loads(line)["seq"] for line in (outdir / "errors.jsonl").read_text().splitlines()]
    assert len(ok) == len(set(ok)), "duplicate articles"
    assert len(seqs) == len(set(seqs)), "duplicate errors"
    assert len(ok) + len(errors) == expected
    return ok, errors


def test_malformed_lines_invalid_utf8_and_empty_files(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    (src / "b.txt").write_bytes(b"\xd8\xb3\xd9\x84\xff\xfe junk")
    (src / "c.txt").write_bytes(b"")
    (src / "d.jsonl").write_bytes(
        json.dumps({"id": "j1", "text": TEXTS[1]}, ensure_ascii=False).encode()
        + b'\n{"id": "j2", "text": "\xff"}\n{"id": "j3", "text": "x"\n'
        + json.dumps({"id": "j4", "text": TEXTS[2]}, ensure_ascii=False).encode()
    )
    (src / "e.csv").write_text(f'id,text\nc1,"{TEXTS[3]}"\nc2,x,extra\nc3,"unclosed\n', "utf-8")
    (src / "f.jsonl").write_bytes(b"")
    out = tmp_path / "out"
    summary = run_corpus([src], out, RunOptions(nlp=FAULTY, batch_size=2))
    assert summary.ok and summary.inputs == 11
    ok, errors = _accounted(out, 11)
    assert ok == ["a", "j1", "j4", "c1"]
    reasons = [str(e["reason"]) for e in errors]
    assert reasons[0].startswith("invalid UTF-8")  # b.txt
    assert reasons[1] == "empty text"  # c.txt
    assert reasons[2].startswith("invalid UTF-8") and reasons[3].startswith("malformed JSON")
    assert reasons[4] == "expected 2 fields, found 3"
    assert reasons[5].startswith("malformed CSV line") or reasons[5].startswith("expected")
    assert reasons[6] == "empty file (no records)"


@pytest.mark.parametrize("workers", [1, 2])
def test_a_component_raising_on_one_article(tmp_path: Path, workers: int) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", 12, {5: "RAISE_ME " + TEXTS[0]})
    out = tmp_path / "out"
    assert run_corpus([src], out, RunOptions(nlp=FAULTY, batch_size=4, workers=workers)).ok
    ok, errors = _accounted(out, 12)
    assert ok == [f"a{i}" for i in range(12) if i != 5]
    assert errors[0]["id"] == "a5" and errors[0]["stage"] == "analyze"
    assert "ValueError: injected failure" in str(errors[0]["reason"])
    assert "batch_helpers.py" in str(errors[0]["detail"])  # where it was raised


def test_a_worker_process_dying_on_one_article(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", 10, {6: "CRASH_ME " + TEXTS[1]})
    clean = _write_jsonl(tmp_path / "clean.jsonl", 10, {6: "RAISE_ME " + TEXTS[1]})
    out = tmp_path / "out"
    summary = run_corpus([src], out, RunOptions(nlp=FAULTY, batch_size=3, workers=2))
    assert summary.ok
    ok, errors = _accounted(out, 10)
    assert ok == [f"a{i}" for i in range(10) if i != 6]
    assert errors[0]["id"] == "a6" and errors[0]["stage"] == "crash"
    ref = tmp_path / "ref"
    run_corpus([clean], ref, RunOptions(nlp=FAULTY, batch_size=3, workers=1))
    assert (out / "articles.jsonl").read_bytes() == (ref / "articles.jsonl").read_bytes()


def test_per_article_timeout(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", 4, {2: "SLEEP_ME " + TEXTS[2]})
    out = tmp_path / "out"
    start = time.monotonic()
    summary = run_corpus([src], out, RunOptions(nlp=FAULTY, batch_size=4, timeout=0.3))
    assert time.monotonic() - start < 20
    assert summary.ok and summary.failed == 1
    _, errors = _accounted(out, 4)
    assert errors[0]["id"] == "a2" and errors[0]["stage"] == "timeout"


def _cli(src: Path, out: Path, workers: int, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "persnews",
        "analyze",
        str(src),
        "-o",
        str(out),
        "--pipeline",
        FAULTY,
        "--workers",
        str(workers),
        "--batch-size",
        "4",
        "-q",
        *extra,
    ]


@pytest.mark.parametrize("workers", [1, 2])
def test_sigkill_then_resume_equals_an_uninterrupted_run(tmp_path: Path, workers: int) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", 48, {9: "RAISE_ME " + TEXTS[0]})
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), *sys.path])}
    out = tmp_path / "killed"
    chunks = out / ".persnews" / "chunks"
    proc = subprocess.Popen(
        _cli(src, out, workers),
        env={**env, "PERSNEWS_TEST_DELAY": "0.08"},
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if chunks.is_dir() and len(list(chunks.glob("*.jsonl"))) >= 3:
            break
        time.sleep(0.01)
    assert proc.poll() is None, f"run ended before it could be killed: {proc.stderr!r}"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    committed = len(list(chunks.glob("*.jsonl")))
    assert 3 <= committed < 12 and not (out / "articles.jsonl").exists()

    resumed = subprocess.run(
        _cli(src, out, workers, "--resume"), env=env, capture_output=True, text=True, timeout=120
    )
    assert resumed.returncode == 0, resumed.stderr
    assert f"{committed * 4} skipped (done before" in resumed.stderr

    ref = tmp_path / "ref"
    run_corpus([src], ref, RunOptions(nlp=FAULTY, batch_size=4))
    assert _digests(out) == _digests(ref)
    ok, errors = _accounted(out, 48)
    assert ok == [f"a{i}" for i in range(48) if i != 9] and errors[0]["id"] == "a9"
