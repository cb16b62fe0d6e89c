"""Rule-based name candidates (gazetteer and PER patterns) used until/alongside the NER model."""

from __future__ import annotations

import pytest

from persnews.extract.recognize import find_candidates


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("مهندس بهرام مرادی از طرح بازدید کرد.", "مهندس بهرام مرادی"),  # title + first + family
        ("دکتر نیک‌پور در جلسه نبود.", "دکتر نیک‌پور"),  # title + family only
        ("امیرحسین صفایی به جلسه آمد.", "امیرحسین صفایی"),  # compound first name
        ("سید محمدرضا قلی زاده سخنرانی کرد.", "سید محمدرضا قلی زاده"),  # detached -زاده
        ("حشمت الله کرمی گفت که ...", "حشمت الله کرمی"),  # spaced compound first name
        ("همچنین لوکاس برنار، سخنگوی دولت بلژیک گفت", "لوکاس برنار"),  # apposition
    ],
)
def test_person_patterns(text: str, name: str) -> None:
    assert (name, "PER") in [(c.text, c.label) for c in find_candidates(text)]


@pytest.mark.parametrize("text", ["جو سیاسی کشور آرام است.", "رها کردن طرح ممکن نیست."])
def test_ambiguous_first_names_alone_do_not_make_people(text: str) -> None:
    assert not [c for c in find_candidates(text) if c.label == "PER"]


def test_gazetteer_hits_carry_alias_groups() -> None:
    cands = find_candidates("سفیر ایالات متحده و سفیر امریکا در بغداد")
    groups = [c.group for c in cands if c.label == "LOC"]
    assert groups[0] == groups[1] != groups[2]


def test_family_name_that_is_also_a_first_name() -> None:
    text = "محمد نوری گفت که جلسه لغو شد."
    assert ("محمد نوری", "PER") in [(c.text, c.label) for c in find_candidates(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("رضا کیوان‌فر گفت", "رضا کیوان‌فر"),  # ambiguous first name + rare family name
        ("کاظم تخت کشیان افزود", "کاظم تخت کشیان"),  # common word + rare word family name
    ],
)
def test_family_names_judged_by_word_frequency(text: str, name: str) -> None:
    assert (name, "PER") in [(c.text, c.label) for c in find_candidates(text)]


def test_verb_after_first_name_is_not_a_family_name() -> None:
    assert not [c for c in find_candidates("اما صدام هستند که می‌دانند") if c.label == "PER"]


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("سخنگوی ارتش سوئد گفت", "ارتش سوئد"),
        ("استانداری خراسان رضوی اعلام کرد", "استانداری خراسان رضوی"),
        ("مرکز بهداشت استان قزوین هشدار داد", "مرکز بهداشت استان قزوین"),
    ],
)
def test_org_head_with_modifiers_ending_in_a_known_place(text: str, org: str) -> None:
    assert (org, "ORG") in [(c.text, c.label) for c in find_candidates(text)]


def test_org_head_without_place_is_left_to_the_model() -> None:
    cands = find_candidates("مرکز تحقیقات مشترک راه اندازی شد")
    assert not [c for c in cands if c.label == "ORG"]
    assert [c.label for c in find_candidates("مرکز تحقیقات مشترک", org_rule="all")] == ["ORG"]


def test_org_with_place_aliases_share_a_group() -> None:
    a = find_candidates("ارتش اسرائیل حمله کرد")[0]
    b = find_candidates("ارتش رژیم صهیونیستی حمله کرد")[0]
    assert a.label == b.label == "ORG" and a.group == b.group is not None


def test_place_after_place_type_noun() -> None:
    cands = find_candidates("آتش در شهرستان کوهرنگان ادامه دارد و شهرستان‌های دیگر")
    assert [(c.text, c.label) for c in cands] == [("کوهرنگان", "LOC")]


def test_relay_outlet_is_an_organization() -> None:
    cands = find_candidates("به گزارش پایگاه خبری نگاه‌نو، وزیر گفت که ...")
    assert [c.label for c in cands if "نگاه" in c.text] == ["ORG"]


def test_suffixed_gazetteer_word_is_not_a_mention() -> None:
    assert not find_candidates("دولت‌ها و منطقه‌ای")
    assert [c.text for c in find_candidates("سفر به اروپا")] == ["اروپا"]
