"""The persnews command line: analyze, demo, report, train, python -m persnews."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from persnews.cli.demo import summarize
from persnews.cli.main import app, main

BLANK = "persnews.batch.runner:_blank_fa"
runner = CliRunner()

ARTICLES = {
    "khabar-1": "وزیر امور خارجه ایران گفت: «گفتگوها ادامه دارد.»",
    "khabar-2": "به گزارش ایسنا، شورای شهر تهران امروز تشکیل جلسه داد.",
    "khabar-3": "سرمربی تیم ملی والیبال از آمادگی بازیکنان خبر داد.",
}


@pytest.fixture
def txt_dir(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for name, text in ARTICLES.items():
        (src / f"{name}.txt").write_text(text, encoding="utf-8")
    (src / "broken.txt").write_bytes(b"\xff\xfe\xfd")
    return src


def _analyze(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["analyze", *args, "--pipeline", BLANK, "--workers", "1", "-q"])
    return result.exit_code, result.output


def test_analyze_txt_directory_writes_every_table(txt_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, output = _analyze(
        str(txt_dir), "-o", str(out), "--format", "jsonl,parquet", "--format", "conllu"
    )
    assert code == 0, output
    assert "4 inputs: 3 analysed, 1 failed" in output
    ids = [
        json.loads(line)["id"] for line in (out / "articles.jsonl").read_text("utf-8").splitlines()
    ]
    assert ids == ["khabar-1", "khabar-2", "khabar-3"]
    error = json.loads((out / "errors.jsonl").read_text("utf-8"))
    assert error["id"] == "broken" and error["reason"].startswith("invalid UTF-8")
    for table in ("articles", "entities", "mentions", "quotes", "corpus_entities"):
        assert (out / f"{table}.parquet").is_file()
    assert pq.read_table(out / "articles.parquet").num_rows == 3
    assert (out / "tokens.conllu").read_text("utf-8").count("# newdoc id = ") == 3


def test_analyze_csv_columns_and_limit(tmp_path: Path) -> None:
    src = tmp_path / "feed.csv"
    src.write_text(
        "code,body,headline\n" + "".join(f'{k},"{v}",تیتر\n' for k, v in ARTICLES.items()),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code, output = _analyze(
        str(src),
        "-o",
        str(out),
        "--text-column",
        "body",
        "--id-column",
        "code",
        "--title-column",
        "headline",
        "--limit",
        "2",
        "--format",
        "jsonl",
    )
    assert code == 0, output
    recs = [json.loads(line) for line in (out / "articles.jsonl").read_text("utf-8").splitlines()]
    assert [r["id"] for r in recs] == ["khabar-1", "khabar-2"]
    assert recs[0]["title"] == "تیتر"


def test_analyze_rejects_a_reused_outdir_and_bad_options(txt_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _analyze(str(txt_dir), "-o", str(out))[0] == 0
    assert _analyze(str(txt_dir), "-o", str(out))[0] != 0
    code, output = _analyze(str(txt_dir), "-o", str(out), "--resume")
    assert code == 0 and "4 skipped (done before, resumed)" in output
    assert _analyze(str(txt_dir), "-o", str(tmp_path / "x"), "--format", "xml")[0] != 0
    assert _analyze(str(txt_dir), "-o", str(tmp_path / "y"), "--disable", "no_such_part")[0] != 0


def test_main_returns_error_code_and_message(
    txt_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    argv = ["analyze", str(txt_dir), "-o", str(out), "--pipeline", BLANK, "--workers", "1", "-q"]
    assert main(argv) == 0
    assert main(argv) == 1
    assert "--resume" in capsys.readouterr().err


def test_missing_ids_make_a_non_zero_exit(
    txt_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import persnews.batch.runner as runner_module

    real = runner_module.assemble_outputs

    def lose_one(*args: object, **kwargs: object) -> tuple[list[str], int, int, list[int]]:
        files, n_ok, n_failed, _ = real(*args, **kwargs)  # type: ignore[arg-type]
        return files, n_ok - 1, n_failed, [1]

    monkeypatch.setattr(runner_module, "assemble_outputs", lose_one)
    code, output = _analyze(str(txt_dir), "-o", str(tmp_path / "out"))
    assert code == 2
    assert "khabar-1" in output and "neither the outputs nor errors.jsonl" in output


def test_python_dash_m_persnews_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "persnews", "analyze", "--help"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0
    for option in ("--workers", "--engine", "--scheduler", "--resume", "--format", "--limit"):
        assert option in result.stdout


def test_train_delegates_to_the_training_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    import persnews.training.cli as training_cli

    seen: list[list[str]] = []
    monkeypatch.setattr(training_cli, "main", lambda argv: seen.append(list(argv)) or 0)
    result = runner.invoke(app, ["train", "ner", "--data", "../shared/data"])
    assert result.exit_code == 0, result.output
    assert seen == [["ner", "--data", "../shared/data"]]


def test_report_passes_the_analysed_records_to_visualize(
    txt_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    visualize = pytest.importorskip("persnews.visualize")
    out = tmp_path / "out"
    assert _analyze(str(txt_dir), "-o", str(out), "--format", "jsonl")[0] == 0
    seen: list[list[str]] = []

    def fake_report(records: list[dict[str, object]], path: Path) -> Path:
        seen.append([str(r["id"]) for r in records])
        Path(path).write_text("<html dir='rtl'></html>", encoding="utf-8")
        return Path(path)

    monkeypatch.setattr(visualize, "write_report", fake_report)
    html = tmp_path / "r.html"
    for source in (out, out / "articles.jsonl"):
        result = runner.invoke(app, ["report", str(source), "-o", str(html)])
        assert result.exit_code == 0, result.output
    assert seen == [list(ARTICLES)] * 2
    assert html.is_file()


def test_demo_summary_lists_people_places_and_speakers() -> None:
    rec = {
        "id": "a",
        "text": "...",
        "entities": [
            {"id": "e1", "label": "PER", "name": "مریم میرزاخانی", "mentions": [{}, {}]},
            {"id": "e2", "label": "LOC", "name": "تهران", "mentions": [{}]},
            {"id": "e3", "label": "ORG", "name": "دانشگاه صنعتی شریف", "mentions": [{}]},
        ],
        "quotes": [
            {"speaker_entity": "e1", "content": {"text": "ریاضیات زیباست."}},
            {"speaker_entity": None, "speaker": {"text": "یک مقام"}, "content": {"text": "نه."}},
        ],
    }
    text = summarize([rec, rec])
    assert text.splitlines()[0] == "persnews demo: 2 articles, 6 entities, 4 quotes"
    people = text.index("People")
    assert text.index("مریم میرزاخانی  (4 mentions)") > people
    assert text.index("تهران") > text.index("Places") > text.index("دانشگاه صنعتی شریف")
    speakers = text[text.index("Top speakers (2)") :]
    assert "مریم میرزاخانی  (2 quotes)" in speakers and "«ریاضیات زیباست.»" in speakers


def test_demo_runs_on_the_bundled_samples() -> None:
    samples = pytest.importorskip("persnews.samples")
    if not hasattr(samples, "load_samples"):
        pytest.skip("persnews.samples.load_samples is not written yet")
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    n = len(samples.load_samples())
    assert result.output.startswith(f"persnews demo: {n} articles")
    assert "People (" in result.output and "Top speakers (" in result.output
