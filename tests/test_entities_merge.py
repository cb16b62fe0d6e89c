"""Merging NER-model entities with rule-based names (persnews.extract.ent_merge)."""

from __future__ import annotations

import pytest

from persnews.extract.ent_merge import clean_model_entity, merge_entities


def at(text: str, sub: str) -> tuple[int, int]:
    s = text.index(sub)
    return s, s + len(sub)


@pytest.mark.parametrize(
    ("text", "span", "label", "expected"),
    [
        ("بهرام کیانی دیروز گفت", "بهرام کیانی دیروز", "PER", "بهرام کیانی"),  # time word
        ("و بهرام کیانی", "و بهرام کیانی", "PER", "بهرام کیانی"),  # conjunction
        ("کاوه کیانی مشاور وزیر نیرو", "کاوه کیانی مشاور وزیر", "PER", "کاوه کیانی"),  # role
        ("گفتگو با دانشگاه", "دانشگاه", "ORG", None),  # a generic head alone
        ("این مجله نوشت", "مجله", "PER", None),  # a common word is no person
        ("به کوهرنگان رفت", "کوهرنگان", "LOC", "کوهرنگان"),  # a rare word is kept
        ("بهروز خلیل زاد آمد", "بهروز خلیل", "PER", "بهروز خلیل زاد"),  # detached suffix
        ("روزنامه النهار نوشت", "روزنامه النهار", "PER", None),  # an outlet
        ("آقای کیانی سریعا پاسخ داد", "کیانی سریعا", "PER", "کیانی"),  # -اً adverb
    ],
)
def test_clean_model_entity(text: str, span: str, label: str, expected: str | None) -> None:
    got = clean_model_entity(text, *at(text, span), label)
    assert (None if got is None else text[got[0] : got[1]]) == expected


def test_model_entity_containing_a_pattern_hit_wins() -> None:
    text = "محمد حسن کیان‌مطلق گفت"
    model = [(*at(text, "محمد حسن کیان‌مطلق"), "PER")]
    rules = [(*at(text, "محمد حسن"), "PER", "first-name", None)]
    assert [text[s:e] for s, e, _l, _g in merge_entities(text, model, rules)] == [
        "محمد حسن کیان‌مطلق"
    ]


def test_gazetteer_hit_wins_over_a_longer_model_entity() -> None:
    text = "سفیر ایران در پاریس گفت"
    model = [(*at(text, "ایران در پاریس"), "ORG")]
    rules = [
        (*at(text, "ایران"), "LOC", "gazetteer", "LOC:ایران"),
        (*at(text, "پاریس"), "LOC", "gazetteer", "LOC:پاریس"),
    ]
    got = merge_entities(text, model, rules)
    assert [(text[s:e], label, g) for s, e, label, g in got] == [
        ("ایران", "LOC", "LOC:ایران"),
        ("پاریس", "LOC", "LOC:پاریس"),
    ]


def test_hazm_stopwords_are_read_once() -> None:
    """Regression: the stopword file was re-read and re-folded for every entity edge check
    (a fifth of the full pipeline's time on news)."""
    from persnews.lang.lexicon import hazm_stopwords

    first = hazm_stopwords()
    assert hazm_stopwords() is first
    assert isinstance(first, frozenset)
    pytest.importorskip("hazm")
    assert "از" in first
