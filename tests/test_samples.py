"""The bundled sample articles: present, well-formed and covering what the demo needs."""

from __future__ import annotations

import re

import pytest

from persnews.article import read_article
from persnews.samples import load_samples, sample_paths

SAMPLES = load_samples()
IDS = [sample_id for sample_id, _ in SAMPLES]
ALL_TEXT = "\n".join(text for _, text in SAMPLES)
PERSIAN = re.compile(r"[\u0600-\u06FF]")


def test_count_and_ids() -> None:
    assert 12 <= len(SAMPLES) <= 16
    assert len(set(IDS)) == len(IDS)
    assert [p.name for p in sample_paths()] == [f"{i}.txt" for i in IDS]


@pytest.mark.parametrize(("sample_id", "text"), SAMPLES, ids=IDS)
def test_each_sample_reads_as_an_article(sample_id: str, text: str) -> None:
    assert len(PERSIAN.findall(text)) > 200, sample_id
    art = read_article(text)
    assert art.title is not None, sample_id
    assert len(art.paragraphs) >= 2, sample_id
    for part in art.parts:
        assert text[part.start : part.end] == part.text


@pytest.mark.parametrize(
    "needle",
    [
        "گفت:",  # direct quote after a colon
        "گفت که",  # indirect quote
        "اعلام کرد",
        "افزود،",
        "تاکید کرد که",
        "به گفته",
        "«",
        "وی ",
        "او ",
        "کد خبر",
        "ارسال به دوستان",
        "به گزارش",
        "به نقل از",
    ],
)
def test_samples_cover_constructions(needle: str) -> None:
    assert needle in ALL_TEXT


@pytest.mark.parametrize(("first", "second"), [("هاتاوی", "هاثاوی"), ("مورو،", "مورئو")])
def test_names_in_two_spellings(first: str, second: str) -> None:
    assert any(first in t and second in t for _, t in SAMPLES)


def test_orthography_variety() -> None:
    with_zwnj = [i for i, t in SAMPLES if "\u200c" in t]
    without_zwnj = [i for i, t in SAMPLES if "\u200c" not in t]
    assert with_zwnj and without_zwnj
    assert any("ي" in t and "ك" in t for _, t in SAMPLES)


def test_metadata_comes_out() -> None:
    arts = {i: read_article(t) for i, t in SAMPLES}
    assert sum(a.published is not None for a in arts.values()) >= 5
    assert sum(a.news_id is not None for a in arts.values()) >= 4
    assert sum(bool(a.attributions) for a in arts.values()) >= 8
    assert sum(bool(a.chrome) for a in arts.values()) >= 6
    calendars = {a.published.calendar for a in arts.values() if a.published}
    assert calendars == {"jalali", "gregorian"}
