"""Knowledge-base loading, alias matching and linking."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from persnews.errors import DataNotFoundError, InputFormatError
from persnews.extract.linking import AliasMatcher, KBEntry, KnowledgeBase, example_kb_path, load_kb


def test_example_kb_has_wikidata_ids_for_heads_of_state_countries_and_agencies() -> None:
    kb = load_kb(example_kb_path())
    assert len(kb) >= 30
    assert all(e.id.startswith("Q") for e in kb)
    assert {e.label for e in kb} == {"PER", "ORG", "LOC"}
    assert kb.lookup("ایالات متحده", label="LOC") == kb.lookup("آمریکا") == "Q30"
    assert kb.lookup("Reuters") == kb.lookup("رويترز")


def test_csv_kb(tmp_path: Path) -> None:
    path = tmp_path / "kb.csv"
    path.write_text(
        "id,label,name,aliases,description\nX1,ORG,شرکت نمونه,نمونه|Sample Co,یک شرکت\n",
        encoding="utf-8",
    )
    kb = load_kb(path)
    assert kb.lookup("Sample Co") == "X1"
    assert kb.lookup("نمونه", label="PER") is None
    assert kb.get("X1") is not None and kb.get("X1").description == "یک شرکت"  # type: ignore[union-attr]


def test_jsonl_kb_with_list_aliases(tmp_path: Path) -> None:
    path = tmp_path / "kb.jsonl"
    row = {"id": "Y7", "label": "per", "name": "بهرام کیانی", "aliases": ["کیانی", "Bahram Kiani"]}
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n\n", encoding="utf-8")
    kb = load_kb(path)
    assert kb.lookup("بهرام‌کیانی") == "Y7"
    assert kb.entries[0].label == "PER"


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("bad.jsonl", "{not json}\n", InputFormatError),
        ("noid.jsonl", '{"label": "PER", "name": "x"}\n', InputFormatError),
        ("kb.txt", "x", InputFormatError),
    ],
)
def test_bad_kb_files(tmp_path: Path, name: str, content: str, error: type[Exception]) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(error):
        load_kb(path)


def test_missing_kb_file(tmp_path: Path) -> None:
    with pytest.raises(DataNotFoundError):
        load_kb(tmp_path / "nope.csv")


def test_matcher_is_leftmost_longest_and_whole_word() -> None:
    m = AliasMatcher([("سازمان ملل", 1), ("سازمان ملل متحد", 2), ("ملل", 3), ("ایران", 4)])
    text = "نماینده ايران در سازمان‌ملل متحد و ایرانی‌ها"
    got = [(text[x.start : x.end], x.payload) for x in m.find(text)]
    assert got == [("ايران", 4), ("سازمان‌ملل متحد", 2)]


def test_kb_matcher_over_text() -> None:
    kb = KnowledgeBase([KBEntry("Q1", "LOC", "تهران", ("Tehran",))])
    assert [(x.start, x.end) for x in kb.matcher.find("از تهران")] == [(3, 8)]
