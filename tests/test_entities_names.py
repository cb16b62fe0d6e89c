"""Name normalization and similarity (persnews.extract.names)."""

from __future__ import annotations

import pytest

from persnews.extract.names import (
    SearchText,
    match_form,
    name_relation,
    name_tokens,
    same_name,
    same_token,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("اوشاکف", "اوشاکوف"),  # dropped vowel letter
        ("لاوروف", "لاوروو"),  # -ov written -وو
        ("زاخارووا", "زاخاروا"),
        ("پومپئو", "پومپیو"),  # hamza seat vs ی
        ("رضایی", "رضائی"),
        ("گوترش", "گوترش"),
    ],
)
def test_transliteration_variants_are_one_name(a: str, b: str) -> None:
    assert same_token(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("احمدی", "محمدی"),
        ("محمدی", "محمودی"),
        ("حسن", "حسین"),
        ("کریمی", "رحیمی"),
        ("تهران", "مهران"),
    ],
)
def test_distinct_names_stay_apart(a: str, b: str) -> None:
    assert not same_token(a, b)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("آقای محمود کاظمی", ["محمود", "کاظمی"]),
        ("حجت‌الاسلام والمسلمین علی اکبری", ["علی", "اکبری"]),
        ("سرلشکر  بهرام  کیانی", ["بهرام", "کیانی"]),
        ("دکتر", ["دکتر"]),  # a title alone is kept rather than emptied
    ],
)
def test_titles_are_stripped(text: str, expected: list[str]) -> None:
    assert name_tokens(text) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("حزب‌الله", "حزب الله"),
        ("حزب‌الله", "حزبالله"),
        ("خلیج‌فارس", "خليج فارس"),
        ("كرمان", "کرمان"),
    ],
)
def test_spacing_zwnj_and_arabic_letters(a: str, b: str) -> None:
    assert same_name(match_form(a).split(), match_form(b).split())


def test_family_name_relations() -> None:
    assert name_relation(["سرگئی", "لاوروف"], ["لاوروف"]) == "contains"
    assert name_relation(["لاوروف"], ["سرگئی", "لاوروف"]) == "extends"
    assert name_relation(["علی", "کاظمی"], ["رضا", "کاظمی"]) is None


def test_search_text_maps_back_to_original_offsets() -> None:
    text = "سفر رئيس‌جمهور  به كرمان"
    st = SearchText(text)
    i = st.text.index("کرمان")
    s, e = st.original_span(i, i + len("کرمان"))
    assert text[s:e] == "كرمان"
