"""Readers: every record becomes an InputRecord or an InputError with a location and a reason."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from persnews.errors import InputFormatError, InvalidOptionError
from persnews.io import InputError, InputRecord, ReadOptions, detect_format, iter_inputs

ARTICLES = [
    ("n1", "وزیر امور خارجه ایران امروز به مسکو سفر کرد."),
    ("n2", "رئیس‌جمهور گفت: «مذاکرات ادامه دارد.»"),
    ("n3", "به گزارش ایرنا، نشست شورای امنیت فردا برگزار می‌شود."),
]


def _jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def _split(items: list[InputRecord | InputError]) -> tuple[list[InputRecord], list[InputError]]:
    recs = [i for i in items if isinstance(i, InputRecord)]
    errs = [i for i in items if isinstance(i, InputError)]
    return recs, errs


def test_txt_directory_ids_are_stems_in_sorted_order(tmp_path: Path) -> None:
    for rid, text in reversed(ARTICLES):
        (tmp_path / f"{rid}.txt").write_text(text, encoding="utf-8")
    recs, errs = _split(list(iter_inputs([tmp_path])))
    assert errs == []
    assert [r.id for r in recs] == ["n1", "n2", "n3"]
    assert [r.text for r in recs] == [t for _, t in ARTICLES]


def test_txt_bad_files_become_errors(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLES[0][1], encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_bytes("خبر".encode() + b"\xff\xfe")
    (tmp_path / "d.txt").write_text("   \n\t", encoding="utf-8")
    (tmp_path / "e.txt").write_bytes("\ufeffخبر فوری".encode())
    recs, errs = _split(list(iter_inputs([tmp_path])))
    assert [r.id for r in recs] == ["a", "e"]
    assert recs[1].text == "خبر فوری"  # the BOM is not part of the text
    reasons = {e.id: e.reason for e in errs}
    assert reasons["b"] == "empty text"
    assert reasons["c"].startswith("invalid UTF-8 at byte 6")
    assert reasons["d"] == "empty text"
    assert all(e.source.endswith(".txt") for e in errs)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{bad", "malformed JSON"),
        ("[1, 2]", "JSON line is a list, not an object"),
        ('{"id": "x"}', "missing text column 'text'"),
        ('{"id": "x", "text": 5}', "text column 'text' is int, not a string"),
        ('{"id": "x", "text": null}', "text column 'text' is null, not a string"),
        ('{"id": "x", "text": ""}', "empty text"),
    ],
)
def test_jsonl_bad_lines(tmp_path: Path, line: str, reason: str) -> None:
    good = json.dumps({"id": "g", "text": ARTICLES[0][1]}, ensure_ascii=False)
    path = tmp_path / "c.jsonl"
    path.write_text(f"{good}\n{line}\n{good.replace('g', 'h', 1)}\n", encoding="utf-8")
    recs, errs = _split(list(iter_inputs([path])))
    assert [r.id for r in recs] == ["g", "h"]
    assert len(errs) == 1
    assert errs[0].reason.startswith(reason)
    assert errs[0].source == f"{path}:2"


def test_jsonl_invalid_utf8_line_is_an_error_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    good = json.dumps({"id": "g", "text": "سلام"}, ensure_ascii=False).encode()
    path.write_bytes(good + b"\n" + b'{"id": "b", "text": "\xc3\x28"}\n' + good.replace(b"g", b"k"))
    recs, errs = _split(list(iter_inputs([path])))
    assert [r.id for r in recs] == ["g", "k"]
    assert errs[0].reason.startswith("invalid UTF-8") and errs[0].source.endswith(":2")


def test_jsonl_custom_columns_default_ids_and_metadata(tmp_path: Path) -> None:
    rows: list[dict[str, object]] = [
        {"body": t, "headline": f"تیتر {i}", "when": "1402/05/01", "link": f"u{i}"}
        for i, (_, t) in enumerate(ARTICLES)
    ]
    rows[1]["code"] = 77
    path = _jsonl(tmp_path / "feed.jsonl", rows)
    opts = ReadOptions(
        text_column="body",
        id_column="code",
        title_column="headline",
        date_column="when",
        url_column="link",
    )
    recs, errs = _split(list(iter_inputs([path], opts)))
    assert errs == []
    assert [r.id for r in recs] == ["feed:1", "77", "feed:3"]
    assert recs[0].meta() == {"title": "تیتر 0", "published": "1402/05/01", "url": "u0"}


def test_blank_lines_are_skipped_and_empty_file_is_reported(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "a.jsonl", [{"id": "1", "text": "خبر"}])
    path.write_text(path.read_text("utf-8") + "\n\n", encoding="utf-8")
    empty = tmp_path / "b.jsonl"
    empty.write_text("", encoding="utf-8")
    recs, errs = _split(list(iter_inputs([path, empty])))
    assert [r.id for r in recs] == ["1"]
    assert [(e.source, e.reason) for e in errs] == [(str(empty), "empty file (no records)")]


def test_duplicate_ids_are_errors(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "a.jsonl", [{"id": "x", "text": "یک"}, {"id": "x", "text": "دو"}])
    recs, errs = _split(list(iter_inputs([path])))
    assert [r.text for r in recs] == ["یک"]
    assert errs[0].reason == "duplicate id" and errs[0].id == "x"


def test_size_limit_and_overlong_line(tmp_path: Path) -> None:
    long_text = "کلمه " * 50
    path = _jsonl(
        tmp_path / "a.jsonl",
        [
            {"id": "a", "text": long_text},
            {"id": "b", "text": "کوتاه"},
            {"id": "c", "text": "x" * 100_000},
        ],
    )
    recs, errs = _split(list(iter_inputs([path], ReadOptions(max_chars=100))))
    assert [r.id for r in recs] == ["b"]
    assert errs[0].reason.startswith("text too long: 250 characters")
    assert errs[1].reason.startswith("line longer than")  # never held in memory whole


@pytest.mark.parametrize("suffix", ["", ".gz", ".xz", ".bz2"])
def test_compressed_jsonl_reads_the_same(tmp_path: Path, suffix: str) -> None:
    data = "".join(
        json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in ARTICLES
    ).encode()
    opener = {"": open, ".gz": gzip.open, ".xz": lzma.open, ".bz2": bz2.open}[suffix]
    path = tmp_path / f"news.jsonl{suffix}"
    with opener(path, "wb") as fh:
        fh.write(data)
    recs, errs = _split(list(iter_inputs([path])))
    assert errs == []
    assert [(r.id, r.text) for r in recs] == ARTICLES


def test_csv_and_tsv(tmp_path: Path) -> None:
    csv_path = tmp_path / "a.csv"
    csv_path.write_text(
        'id,text,title\nc1,"سلام، دنیا",تیتر\nc2,"خط اول\nخط دوم",\nc3,too,many,fields\n',
        encoding="utf-8",
    )
    tsv_path = tmp_path / "b.tsv.gz"
    with gzip.open(tsv_path, "wt", encoding="utf-8") as fh:
        fh.write("id\ttext\nt1\tخبر کوتاه\n")
    recs, errs = _split(list(iter_inputs([csv_path, tsv_path])))
    assert [r.id for r in recs] == ["c1", "c2", "t1"]
    assert recs[0].text == "سلام، دنیا" and recs[0].title == "تیتر"
    assert recs[1].text == "خط اول\nخط دوم" and recs[1].title is None
    assert len(errs) == 1 and errs[0].reason == "expected 3 fields, found 4"
    assert errs[0].source == f"{csv_path}:5"


def test_csv_without_the_text_column_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("id,body\n1,سلام\n", encoding="utf-8")
    items = list(iter_inputs([path]))
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert "missing text column 'text'" in items[0].reason


def test_csv_invalid_utf8_row(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes("id,text\n1,سلام\n".encode() + b"2,\xff\xfe\n" + "3,خبر\n".encode())
    recs, errs = _split(list(iter_inputs([path])))
    assert [r.id for r in recs] == ["1", "3"]
    assert errs[0].reason == "invalid UTF-8" and errs[0].source.endswith(":3")


def test_parquet(tmp_path: Path) -> None:
    path = tmp_path / "a.parquet"
    table = pa.table(
        {
            "id": ["p1", "p2", "p3"],
            "text": [ARTICLES[0][1], None, ARTICLES[2][1]],
            "url": ["u1", None, "u3"],
        }
    )
    pq.write_table(table, path)
    recs, errs = _split(list(iter_inputs([path])))
    assert [r.id for r in recs] == ["p1", "p3"]
    assert recs[1].url == "u3" and recs[1].source == f"{path}#row3"
    assert errs[0].id == "p2" and "null" in errs[0].reason


def test_unknown_format_and_missing_input(tmp_path: Path) -> None:
    with pytest.raises(InputFormatError, match="cannot tell the format"):
        detect_format(tmp_path / "a.docx")
    with pytest.raises(InputFormatError, match="does not exist"):
        list(iter_inputs([tmp_path / "nope.jsonl"]))
    with pytest.raises(InvalidOptionError):
        ReadOptions(max_chars=0)
