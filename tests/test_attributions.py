"""Relay attributions: parametrized Persian cases written for persnews."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from persnews.extract.attributions import Attribution, find_attributions


def _pairs(text: str) -> list[tuple[str, list[str]]]:
    return [(a.source.text, [v.text for v in a.via]) for a in find_attributions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "به گزارش ایسنا، به نقل از خبرگزاری رویترز، وزیر گفت که ...",
            [("ایسنا", ["خبرگزاری رویترز"])],
        ),
        ("به گزارش خبرنگار اقتصادی خبرگزاری تسنیم ، قیمت کود بالا رفت.", [("خبرگزاری تسنیم", [])]),
        ("به گزارش خبرنگار برنا از شیراز، جلسه برگزار شد.", [("برنا", [])]),
        ("به گزارش گروه بین‌الملل خبرگزاری فارس، سفیر گفت: ...", [("خبرگزاری فارس", [])]),
        (
            "به گزارش خبرگزاری مهر به نقل از آناتولی، وزیر ترکیه گفت ...",
            [("خبرگزاری مهر", ["آناتولی"])],
        ),
        ("به گزارش همشهری\u200cآنلاین، شهردار گفت: ...", [("همشهری\u200cآنلاین", [])]),
        ("به گزارش خبرگزاري آلمان از برلين، صدراعظم گفت ...", [("خبرگزاري آلمان", [])]),
        ("بنا بر گزارش رویترز، قیمت نفت کاهش یافت.", [("رویترز", [])]),
        ("خبرگزاري فارس: يك كارشناس گفت: ...", [("خبرگزاري فارس", [])]),
        ("گروه سیاسی خبرگزاری فارس: نشست برگزار شد.", [("خبرگزاری فارس", [])]),
        ("ایرنا در خبری نوشت: استاندار افزود: ...", [("ایرنا", [])]),
        ("تهران- ایرنا- وزیر کشور گفت ...", [("ایرنا", [])]),
        ("به نقل از خبرگزاری فرانسه، دو نفر زخمی شدند.", [("خبرگزاری فرانسه", [])]),
        (
            "به گزارش ” پایگاه خبری نمونه ” به نقل از شهر نیوز،طی مراسمی ...",
            [("پایگاه خبری نمونه", ["شهر نیوز"])],
        ),
        ("منبع: خبرآنلاین", [("خبرآنلاین", [])]),
        ("خبرگزاری رویترز روز دوشنبه گزارش داد که دو نفر کشته شدند.", [("خبرگزاری رویترز", [])]),
        ("به نوشته روزنامه گاردین، نخست وزیر استعفا داد.", [("روزنامه گاردین", [])]),
        ("بنا به گزارش ایرنا، جلسه لغو شد.", [("ایرنا", [])]),
        (
            "به گزارش سرویس بین\u200cالملل باشگاه خبرنگاران جوان، ...",
            [("باشگاه خبرنگاران جوان", [])],
        ),
        (
            "به گزارش پایگاه اطلاع\u200cرسانی دولت (دولت ما)، ...",
            [("پایگاه اطلاع\u200cرسانی دولت (دولت ما)", [])],
        ),
        ("به گزارش خبرگزاري فارس به نقل ازرويترز، بازار آرام شد.", [("خبرگزاري فارس", ["رويترز"])]),
        ("به گزارش ایسنا به نقل از وزیر نفت، تولید بالا رفت.", [("ایسنا", [])]),
        (
            "به گزارش ایرنا از روابط عمومی وزارت نفت، تولید بالا رفت.",
            [("ایرنا", ["روابط عمومی وزارت نفت"])],
        ),
    ],
)
def test_attribution_patterns(text: str, expected: list[tuple[str, list[str]]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "بنا بر این گزارش، آمار کشته شدگان بالا رفت.",
        "بر اساس این گزارش، تورم کاهش یافت.",
        "بنا بر آخرین گزارش‌ها، آتش مهار شد.",
        "وزیر در واکنش به گزارش رویترز گفت که خبر نادرست است.",
        "مدیرکل در گفت‌وگو با خبرگزاری مهر افزود: ...",
        "سایت خبری به نقل از مقامات رسمی اعلام کرد: ...",
        "روزنامه المدا به نقل از یک نماینده نوشت: ...",
        "به گزارش خبرنگار ما، جلسه لغو شد.",
        "کشورهای حاشیه خلیج فارس: همکاری ادامه دارد",
        "بر اساس گزارش بانک مرکزی، تورم کاهش یافت.",
        "به نوشته وی، قیمت بالا رفت.",
        "مهر: ۱۲ درصد\nآبان: ۱۵ درصد",
        "",
        "   \n ",
        "Reuters reported that oil prices fell.",
    ],
)
def test_not_attributions(text: str) -> None:
    assert find_attributions(text) == []


def test_offsets_point_into_original() -> None:
    text = "خبر کوتاه\nبه گزارش ايسنا، به نقل از خبرگزاري رويترز، دو طرف گفتند ..."
    (att,) = find_attributions(text)
    assert text[att.source.start : att.source.end] == att.source.text == "ايسنا"
    assert [text[v.start : v.end] for v in att.via] == ["خبرگزاري رويترز"]


def test_start_end_limit_the_search() -> None:
    text = "به گزارش ایرنا، الف.\nبه گزارش ایسنا، ب."
    second = text.index("به گزارش ایسنا")
    assert [a.source.text for a in find_attributions(text, start=second)] == ["ایسنا"]
    assert [a.source.text for a in find_attributions(text, end=second)] == ["ایرنا"]


def test_dateline_relays_following_report() -> None:
    text = "فارس: سنا سفیر را برگزید.\nبه گزارش خبرگزاری فرانسه از واشنگتن، رأی گیری انجام شد."
    assert _pairs(text) == [("فارس", ["خبرگزاری فرانسه"])]


def test_to_dict_is_plain() -> None:
    (att,) = find_attributions("به گزارش ایسنا، وزیر گفت ...")
    assert isinstance(att, Attribution)
    assert att.to_dict() == {
        "source": {"start": 9, "end": 14, "text": "ایسنا"},
        "via": [],
        "kind": "report",
    }
    json.dumps(att.to_dict())


@pytest.mark.parametrize("bad", [None, 12, b"\xd8\xa7", ["به گزارش ایسنا"]])
def test_non_str_raises_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        find_attributions(bad)  # type: ignore[arg-type]


def test_odd_characters_never_crash() -> None:
    text = "به گزارش \ud800ایسنا\u202e، \x00😀 به نقل از \u200f\u200cرویترز، ..."
    for att in find_attributions(text):
        assert 0 <= att.source.start < att.source.end <= len(text)


@pytest.mark.slow
def test_linear_time_on_long_text() -> None:
    import time

    unit = "به گزارش ایسنا، وزیر گفت که قیمت\u200cها ثابت می\u200cماند. " * 10
    small, large = unit * 20, unit * 2000
    t0 = time.perf_counter()
    find_attributions(small)
    t_small = time.perf_counter() - t0
    t0 = time.perf_counter()
    found = find_attributions(large)
    t_large = time.perf_counter() - t0
    assert len(found) == 20000
    # 100x the input: linear time is ~100x, quadratic ~10,000x; leave room for a loaded machine.
    assert t_large < 1500 * max(t_small, 5e-3)


def test_seed_attribution(seed_dir: Path) -> None:
    text = (seed_dir / "article.txt").read_text(encoding="utf-8")
    gold = json.loads((seed_dir / "expected.json").read_text(encoding="utf-8"))["attributions"]
    got = [a.to_dict() for a in find_attributions(text)]
    assert [(a["source"]["start"], a["source"]["end"]) for a in got] == [
        (g["source"]["start"], g["source"]["end"]) for g in gold
    ]
    assert [v["text"] for v in got[0]["via"]] == [v["text"] for v in gold[0]["via"]]


def test_interview_repeats_dateline_once() -> None:
    text = "خبرگزاری فارس: گفت‌وگو با مربی\nفارس: نظرتان چیست؟\nمربی: خوب است.\nفارس: و بعد؟"
    assert _pairs(text) == [("خبرگزاری فارس", [])]
