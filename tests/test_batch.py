"""The batch runner and the notebook API: order, ids, reconciliation, determinism, resume."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import persnews
from persnews.batch import RunOptions, rows_of, run_corpus, to_frames
from persnews.batch.runner import chunk_path
from persnews.errors import InvalidOptionError, PersnewsError

BLANK = "persnews.batch.runner:_blank_fa"
FAULTY = "batch_helpers:faulty_nlp"

SENTENCES = [
    "وزیر امور خارجه ایران امروز به مسکو سفر کرد.",
    "سخنگوی دولت گفت: «قیمت‌ها کاهش می‌یابد.»",
    "به گزارش ایسنا، نشست مجلس فردا برگزار می‌شود.",
    "رئیس بانک مرکزی از ثبات بازار ارز خبر داد.",
    "تیم ملی فوتبال ایران در ورزشگاه آزادی بازی می‌کند.",
]


def _corpus(path: Path, n: int, *, bad: bool = True) -> Path:
    lines = [
        json.dumps({"id": f"a{i}", "text": f"{SENTENCES[i % 5]} شماره {i}"}, ensure_ascii=False)
        for i in range(n)
    ]
    if bad:
        lines.insert(n // 2, "{not json")
        lines.insert(n // 3, json.dumps({"id": "empty", "text": "  "}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _digests(outdir: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(outdir.iterdir())
        if p.is_file()
    }


def _ids(outdir: Path, name: str) -> list[str]:
    with open(outdir / name, encoding="utf-8") as fh:
        return [json.loads(line)["id"] for line in fh]


def test_pipe_keeps_input_order_and_ids() -> None:
    texts = [("x", SENTENCES[0]), ("y", SENTENCES[1]), ("z", SENTENCES[2])]
    recs = list(persnews.pipe(texts, nlp=BLANK, batch_size=2))
    assert [r["id"] for r in recs] == ["x", "y", "z"]
    assert [r["text"] for r in recs] == [t for _, t in texts]


def test_pipe_accepts_dicts_with_metadata() -> None:
    recs = list(
        persnews.pipe([{"id": 7, "text": SENTENCES[3], "url": "https://a.ir/1"}], nlp=BLANK)
    )
    assert recs[0]["id"] == "7" and recs[0]["url"] == "https://a.ir/1"


@pytest.mark.parametrize(
    ("on_error", "expected"), [("skip", ["0", "2"]), ("include", ["0", "1", "2"])]
)
def test_pipe_error_policies(on_error: str, expected: list[str]) -> None:
    recs = list(
        persnews.pipe(
            [SENTENCES[0], "RAISE_ME " + SENTENCES[1], SENTENCES[2]], nlp=FAULTY, on_error=on_error
        )
    )
    assert [r["id"] for r in recs] == expected
    if on_error == "include":
        assert recs[1]["error"]["stage"] == "analyze"
        assert "injected failure" in recs[1]["error"]["reason"]


def test_pipe_raises_by_default_and_rejects_bad_input() -> None:
    with pytest.raises(PersnewsError, match="'1'"):
        list(persnews.pipe([SENTENCES[0], ""], nlp=BLANK))
    with pytest.raises(TypeError, match="record #0"):
        list(persnews.pipe([42], nlp=BLANK))
    with pytest.raises(InvalidOptionError):
        list(persnews.pipe([SENTENCES[0]], nlp=BLANK, on_error="ignore"))


def test_pipe_two_processes_equal_one() -> None:
    texts = [f"{s} {i}" for i, s in enumerate(SENTENCES * 3)]
    one = list(persnews.pipe(texts, nlp=BLANK, batch_size=4))
    two = list(persnews.pipe(texts, nlp=BLANK, batch_size=4, n_process=2))
    assert one == two and len(one) == 15


RECORD = {
    "id": "r1",
    "text": "پوتین گفت: گفتگو سازنده بود. وی افزود: ادامه می‌دهیم.",
    "title": "تماس تلفنی",
    "entities": [
        {
            "id": "e1",
            "label": "PER",
            "name": "پوتین",
            "kb_id": None,
            "mentions": [
                {"start": 0, "end": 5, "text": "پوتین", "kind": "name"},
                {"start": 29, "end": 31, "text": "وی", "kind": "pronoun"},
            ],
        },
    ],
    "quotes": [
        {
            "id": "q1",
            "kind": "direct",
            "content": {"start": 11, "end": 28, "text": "گفتگو سازنده بود."},
            "cue": {"start": 6, "end": 9, "text": "گفت", "lemma": "گفت#گو"},
            "speaker": {"start": 0, "end": 5, "text": "پوتین"},
            "speaker_entity": "e1",
            "parent": None,
            "confidence": 0.9,
        },
        {
            "id": "q2",
            "kind": "direct",
            "content": {"start": 39, "end": 53, "text": "ادامه می‌دهیم."},
            "cue": {"start": 32, "end": 37, "text": "افزود", "lemma": "افزود#افزا"},
            "speaker": None,
            "speaker_entity": "e1",
            "parent": None,
            "confidence": 0.7,
        },
    ],
    "attributions": [],
}


def test_rows_of_flattens_entities_mentions_and_quotes() -> None:
    rows = rows_of(RECORD, seq=3, source="f.jsonl:4")
    assert rows["articles"][0]["n_mentions"] == 2 and rows["articles"][0]["n_quotes"] == 2
    assert rows["entities"][0]["n_quotes"] == 2
    assert [m["kind"] for m in rows["mentions"]] == ["name", "pronoun"]
    assert [q["speaker_name"] for q in rows["quotes"]] == ["پوتین", "پوتین"]
    assert rows["quotes"][1]["speaker"] is None and rows["quotes"][0]["cue_lemma"] == "گفت#گو"


def test_to_frames_types_and_sources(tmp_path: Path) -> None:
    frames = to_frames([RECORD, {"id": "bad", "error": {"reason": "x"}}])
    assert set(frames) == {"articles", "entities", "mentions", "quotes", "corpus_entities"}
    assert len(frames["articles"]) == 1
    assert frames["quotes"]["confidence"].dtype == "float64"
    assert pd.api.types.is_integer_dtype(frames["mentions"]["start"])
    corpus = frames["corpus_entities"]
    assert corpus.iloc[0]["name"] == "پوتین" and corpus.iloc[0]["quotations"] == 2
    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps(RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    again = to_frames(tmp_path)
    pd.testing.assert_frame_equal(again["quotes"], frames["quotes"])


def test_run_reconciles_inputs_with_outputs_and_errors(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "in.jsonl", 20)
    out = tmp_path / "out"
    summary = run_corpus(
        [src], out, RunOptions(nlp=BLANK, batch_size=6, formats=("jsonl", "parquet"))
    )
    assert (summary.inputs, summary.processed, summary.failed) == (22, 20, 2)
    assert summary.ok and summary.missing == []
    assert _ids(out, "articles.jsonl") == [f"a{i}" for i in range(20)]
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]
    assert errors[0]["reason"] == "empty text"
    assert errors[1]["reason"].startswith("malformed JSON") and errors[1]["id"] is None
    assert all(e["source"].startswith(str(src)) for e in errors)
    articles = pq.read_table(out / "articles.parquet")
    assert articles.column("id").to_pylist() == [f"a{i}" for i in range(20)]
    assert articles.schema.field("seq").type == "int64"


def test_workers_do_not_change_a_single_byte(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "in.jsonl", 24)
    digests = []
    for workers in (1, 2):
        out = tmp_path / f"w{workers}"
        opts = RunOptions(
            nlp=BLANK, batch_size=5, workers=workers, formats=("jsonl", "parquet", "conllu")
        )
        assert run_corpus([src], out, opts).ok
        digests.append(_digests(out))
    assert digests[0] == digests[1]
    assert "tokens.conllu" in digests[0] and "corpus_entities.parquet" in digests[0]


def test_existing_run_needs_resume_and_same_options(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "in.jsonl", 8)
    out = tmp_path / "out"
    run_corpus([src], out, RunOptions(nlp=BLANK, batch_size=3))
    with pytest.raises(PersnewsError, match="--resume"):
        run_corpus([src], out, RunOptions(nlp=BLANK, batch_size=3))
    with pytest.raises(PersnewsError, match="read"):
        run_corpus(
            [src],
            out,
            RunOptions(nlp=BLANK, resume=True, read=persnews.io.ReadOptions(text_column="body")),
        )
    before = _digests(out)
    summary = run_corpus([src], out, RunOptions(nlp=BLANK, batch_size=3, resume=True))
    assert summary.resumed == summary.inputs == 10
    assert _digests(out) == before


def test_resume_recomputes_only_missing_chunks(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "in.jsonl", 12, bad=False)
    out = tmp_path / "out"
    run_corpus([src], out, RunOptions(nlp=BLANK, batch_size=4))
    before = _digests(out)
    chunk_path(out, 1).unlink()
    summary = run_corpus([src], out, RunOptions(nlp=BLANK, batch_size=4, resume=True))
    assert (summary.resumed, summary.processed) == (8, 12)
    assert _digests(out) == before


def test_limit_and_invalid_options(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "in.jsonl", 10, bad=False)
    summary = run_corpus([src], tmp_path / "o", RunOptions(nlp=BLANK, limit=4, formats=("jsonl",)))
    assert summary.inputs == 4 and _ids(tmp_path / "o", "articles.jsonl") == [
        "a0",
        "a1",
        "a2",
        "a3",
    ]
    assert not (tmp_path / "o" / "articles.parquet").exists()
    with pytest.raises(InvalidOptionError, match="format='xml'"):
        run_corpus([src], tmp_path / "p", RunOptions(nlp=BLANK, formats=("xml",)))
    with pytest.raises(InvalidOptionError, match="engine='spark'"):
        run_corpus([src], tmp_path / "q", RunOptions(nlp=BLANK, engine="spark"))
