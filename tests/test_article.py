"""The news article model: parametrized Persian cases written for persnews."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from persnews.article import Article, parse_date, read_article
from persnews.article.dates import is_date_line
from persnews.lang.calendar import month_number, weekday_index
from persnews.lang.chrome import chrome_kind

PAGE = (
    "۲ آبان ۱۴۰۲\n"
    "به روز شده در: ۳ آبان ۱۴۰۲ - ۰۸:۰۰\n"
    "فیلم بیشتر »»\n"
    "کد خبر ۴۴۱۲۰۷\n"
    "تاریخ انتشار: ۱۸:۳۰ - ۰۲-۰۸-۱۴۰۲\n"
    "\n"
    "شهردار: خط جدید مترو تا پایان سال افتتاح می‌شود\n"
    "\n"
    "شهردار: خط جدید مترو تا پایان سال افتتاح می‌شود\n"
    "شهردار گفت که خط هفت مترو تا اسفند به ایستگاه پایانی می‌رسد.\n"
    "\n"
    "به گزارش ایسنا، به نقل از روابط عمومی شهرداری، وی افزود: قطارهای تازه در راه است.\n"
    "\n"
    "او همچنین گفت که بلیت تا پایان سال گران نمی‌شود.\n"
    "\n"
    "ارسال به دوستان\n"
    "گرانی خودرو در بازار (+عکس) بارش باران در شمال کشور"
)


def test_page_with_chrome() -> None:
    art = read_article(PAGE)
    assert art.title is not None
    assert art.title.text == "شهردار: خط جدید مترو تا پایان سال افتتاح می‌شود"
    assert PAGE[art.title.start : art.title.end] == art.title.text
    assert art.news_id == "441207"
    assert art.published is not None and art.updated is not None
    assert art.published.iso == "2023-10-24T18:30:00+03:30"
    assert art.published.jalali == "1402-08-02 18:30"
    assert art.updated.jalali == "1402-08-03 08:00"
    assert art.lead is not None and art.lead.text.startswith("شهردار گفت که")
    assert len(art.body) == 2
    assert PAGE[art.body_end :].lstrip().startswith("ارسال به دوستان")
    labels = [c.label for c in art.chrome]
    assert labels.count("repeated_title") == 1 and labels[-1] == "footer"
    assert "marker" in labels and "date" in labels
    assert [(a.source.text, [v.text for v in a.via]) for a in art.attributions] == [
        ("ایسنا", ["روابط عمومی شهرداری"])
    ]


def test_parts_cover_the_text_in_order() -> None:
    art = read_article(PAGE)
    parts = art.parts
    assert [p.start for p in parts] == sorted(p.start for p in parts)
    for p in parts:
        assert PAGE[p.start : p.end] == p.text
    for a, b in itertools.pairwise(parts):
        assert a.end <= b.start
    covered = " ".join(PAGE[p.start : p.end] for p in parts)
    assert len(covered.split()) == len(PAGE.split())


def test_to_dict_is_json() -> None:
    data = read_article(PAGE).to_dict()
    again = json.loads(json.dumps(data, ensure_ascii=False))
    assert again["news_id"] == "441207"
    assert again["published"] == "2023-10-24T18:30:00+03:30"
    assert {p["kind"] for p in again["parts"]} == {"title", "lead", "paragraph", "chrome"}


@pytest.mark.parametrize(
    ("line", "iso", "jalali"),
    [
        ("۱۰:۲۶ - ۱۰-۱۰-۱۴۰۰", "2021-12-31T10:26:00+03:30", "1400-10-10 10:26"),
        ("۳۱ شهريور ۱۴۰۳ - ۰۹:۱۰", "2024-09-21T09:10:00+03:30", "1403-06-31 09:10"),
        ("۱۴۰۲/۰۱/۰۱ ۰۰:۰۵", "2023-03-21T00:05:00+03:30", "1402-01-01 00:05"),
        ("جمعه ۲۲ بهمن ماه ۱۴۰۱ ساعت ۱۱:۰۰", "2023-02-11T11:00:00+03:30", "1401-11-22 11:00"),
        ("سه‌شنبه، ۵ ارديبهشت ۱۴۰۲", "2023-04-25T00:00:00+03:30", "1402-02-05"),
        ("۱ تیرماه ۱۳۹۹ - ۲۲:۱۵", "2020-06-21T22:15:00+04:30", "1399-04-01 22:15"),
        ("۲۵ نوامبر ۲۰۲۴ - ۱۶:۰۵", "2024-11-25T16:05:00+03:30", "1403-09-05 16:05"),
        ("2021-12-31 10:26", "2021-12-31T10:26:00+03:30", "1400-10-10 10:26"),
        ("٣١ شهريور ١٤٠٣", "2024-09-21T00:00:00+03:30", "1403-06-31"),
        ("۹۹/۱۰/۱۰ - ۰۷:۳۰", "2020-12-30T07:30:00+03:30", "1399-10-10 07:30"),
        ("۰۳:۱۵ ب.ظ - ۱۴۰۲/۰۹/۲۰", "2023-12-11T15:15:00+03:30", "1402-09-20 15:15"),
        (
            "سه شنبه ۲۰ آذر ۱۴۰۲ - ۲۶ جمادی الاول ۱۴۴۵ - ۱۲ دسامبر ۲۰۲۳",
            "2023-12-11T00:00:00+03:30",
            "1402-09-20",
        ),
    ],
)
def test_date_formats(line: str, iso: str, jalali: str) -> None:
    found = parse_date(line)
    assert found is not None
    assert (found.iso, found.jalali) == (iso, jalali)
    assert is_date_line(line)


@pytest.mark.parametrize(
    "line", ["۳۱ اسفند ۱۴۰۳", "۳۲ دی ۱۴۰۰", "۱۴۰۰/۱۳/۰۱", "کد خبر ۸۱۹۹۹۱", "۱۰ هزار نفر", ""]
)
def test_not_dates(line: str) -> None:
    assert parse_date(line) is None


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("فروردین", 1),
        ("ارديبهشت", 2),
        ("شهريور", 6),
        ("مهر ماه", 7),
        ("دی‌ماه", 10),
        ("اسفند", 12),
        ("امرداد", 5),
    ],
)
def test_jalali_month_spellings(name: str, number: int) -> None:
    assert month_number(name) == (number, "jalali")


@pytest.mark.parametrize(
    ("name", "index"), [("شنبه", 0), ("يكشنبه", 1), ("سه شنبه", 3), ("پنج‌شنبه", 5), ("جمعه", 6)]
)
def test_weekdays(name: str, index: int) -> None:
    assert weekday_index(name) == index


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("ارسال به دوستان", "footer"),
        ("انتهای پیام/", "footer"),
        ("اخبار مرتبط:", "footer"),
        ("فیلم بیشتر »»", "marker"),
        ("بیشتر بخوانید:", "marker"),
        ("کد خبر ۸۱۹۹۹۱", "meta"),
        ("کد ۸۱۹۹۹۱", "meta"),
        ("کد خبر: 12345", "meta"),
        ("تاریخ انتشار: ۱۰:۲۶ - ۱۰-۱۰-۱۴۰۰", "meta"),
        ("انتشار: ۱۰:۲۶ - ۱۰-۱۰-۱۴۰۰", "meta"),
        ("به روز شده در: ۳۱ شهريور ۱۴۰۳ - ۰۹:۱۰", "meta"),
        ("منبع: ایسنا", "meta"),
        ("»»", "symbols"),
        ("صفحه نخست > سیاسی > مجلس", "marker"),
        ("کد خبر ۱۵۹۸۷۶۵ | ۱۴۰۰/۱۰/۱۰ ۱۰:۲۶", "meta"),
        ("زمان مطالعه: ۳ دقیقه", "meta"),
        ("اشتراک گذاری", "marker"),
        ("دبیرکل سازمان ملل: جنگ باید متوقف شود", None),
        ("وزیر گفت: قیمت‌ها ثابت می‌ماند.", None),
        ("نظرات مردم درباره طرح تازه شهرداری متفاوت است.", None),
    ],
)
def test_chrome_lines(line: str, kind: str | None) -> None:
    assert chrome_kind(line) == kind


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "\n\n\n",
        "Hello world.\nThis is English text.",
        "😀😀😀\n🎉",
        "\x00\x01\x02",
        "\ud800 بد",
        "\u202eمتن\u202c\n\u200fادامه",
        "۱۲۳۴",
    ],
)
def test_never_crashes(text: str) -> None:
    art = read_article(text)
    assert isinstance(art, Article)
    for p in art.parts:
        assert 0 <= p.start <= p.end <= len(text) and text[p.start : p.end] == p.text
    json.dumps(art.to_dict())


def test_plain_text_title_and_body() -> None:
    text = "یادداشتی درباره کتاب\nاین کتاب را دیروز خواندم.\nپایانش غافلگیرکننده بود."
    art = read_article(text)
    assert art.title is not None and art.title.text == "یادداشتی درباره کتاب"
    assert art.news_id is None and art.published is None and art.chrome == ()
    assert [p.text for p in art.paragraphs] == [
        "این کتاب را دیروز خواندم.",
        "پایانش غافلگیرکننده بود.",
    ]


def test_single_sentence_has_no_title() -> None:
    art = read_article("وزیر گفت که قیمت‌ها ثابت می‌ماند.")
    assert art.title is None
    assert [p.text for p in art.paragraphs] == ["وزیر گفت که قیمت‌ها ثابت می‌ماند."]


def test_long_first_line_is_not_a_title() -> None:
    first = "وزیر گفت که " + "قیمت‌ها ثابت می‌ماند و " * 30 + "تمام."
    art = read_article(first + "\nوی افزود: بازار آرام است.")
    assert art.title is None and len(art.paragraphs) == 2


def test_title_glued_to_first_paragraph_is_chrome() -> None:
    title = "افزایش نرخ سود بانکی در بانک‌های خصوصی"
    text = f"{title}\n\n{title} نرخ سود سپرده در چند بانک بالا رفت.\nمدیر یک بانک گفت: ..."
    art = read_article(text)
    assert [c.label for c in art.chrome] == ["repeated_title"]
    assert art.paragraphs[0].text.startswith("نرخ سود سپرده")


@pytest.mark.parametrize("bad", [None, 3.5, b"abc", ["متن"]])
def test_non_str_raises_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        read_article(bad)  # type: ignore[arg-type]


@pytest.mark.slow
def test_ten_megabytes_linear() -> None:
    import time

    plain = "وزیر گفت که قیمت‌ها ثابت می‌ماند و بازار آرام است. " * 4 + "\n"
    block = plain * 49 + "به گزارش ایرنا، وزیر افزود: بازار آرام است.\n"
    small = "تیتر\n" + block * 10
    large = "تیتر\n" + block * 1000
    t0 = time.perf_counter()
    read_article(small)
    t_small = time.perf_counter() - t0
    t0 = time.perf_counter()
    art = read_article(large)
    t_large = time.perf_counter() - t0
    assert len(large) > 10_000_000
    assert art.body_end == len(large.rstrip())
    assert t_large < 300 * max(t_small, 1e-3)


def test_seed_article(seed_dir: Path) -> None:
    text = (seed_dir / "article.txt").read_text(encoding="utf-8")
    gold = json.loads((seed_dir / "expected.json").read_text(encoding="utf-8"))["article"]
    art = read_article(text)
    assert art.title is not None and art.title.text == gold["title"]
    assert art.news_id == gold["news_id"]
    assert art.published is not None and art.published.iso == gold["published"]
    assert art.published.jalali == gold["published_jalali"]
    assert art.updated is not None and art.updated.jalali == gold["updated_jalali"]
    assert art.body_end <= text.index(gold["body_ends_before"])
    assert text[art.body_end :].strip().startswith(gold["body_ends_before"])
    assert [(a.source.text, [v.text for v in a.via]) for a in art.attributions] == [
        ("ایسنا", ["خبرگزاری رویترز"])
    ]
    assert any(c.label == "repeated_title" for c in art.chrome)


@pytest.mark.parametrize(
    ("header", "news_id", "jalali"),
    [
        ("کد خبر ۱۵۹۸۷۶۵ | ۱۴۰۰/۱۰/۱۰ ۱۰:۲۶", "1598765", "1400-10-10 10:26"),
        ("۱۰ دی ۱۴۰۰ / ۱۰:۲۶ / کد خبر: ۸۷۶۵", "8765", "1400-10-10 10:26"),
        ("شناسه خبر: 4412\nزمان انتشار: جمعه ۱۰ دی‌ماه ۱۴۰۰ ساعت ۱۰:۲۶", "4412", "1400-10-10 10:26"),
        ("کد مطلب: ۹۹۰\n۱۴۰۰-۱۰-۱۰ ۱۰:۲۶", "990", "1400-10-10 10:26"),
    ],
)
def test_header_layouts(header: str, news_id: str, jalali: str) -> None:
    text = header + "\nتیتر خبر تازه\nمتن نخست خبر.\nمتن دوم خبر."
    art = read_article(text)
    assert art.news_id == news_id
    assert art.published is not None and art.published.jalali == jalali
    assert art.title is not None and art.title.text == "تیتر خبر تازه"


def test_kicker_above_title() -> None:
    text = (
        "وزیر نفت در جمع خبرنگاران:\nصادرات نفت افزایش یافت\n"
        "وزیر گفت که صادرات بالا رفت.\nوی افزود: ..."
    )
    art = read_article(text)
    assert art.kicker is not None and art.kicker.text == "وزیر نفت در جمع خبرنگاران:"
    assert art.title is not None and art.title.text == "صادرات نفت افزایش یافت"
    assert art.to_dict()["kicker"] == art.kicker.text


def test_share_button_before_body_does_not_end_the_article() -> None:
    text = "تیتر خبر\nاشتراک گذاری\nمتن نخست خبر.\nمتن دوم خبر."
    art = read_article(text)
    assert [p.text for p in art.paragraphs] == ["متن نخست خبر.", "متن دوم خبر."]


_PIECES = st.sampled_from(
    [
        "به گزارش ",
        "ایسنا",
        "، ",
        "به نقل از ",
        "خبرگزاری ",
        "رویترز",
        ":",
        "\n",
        " ",
        "کد خبر ",
        "۱۲۳",
        "۱۰:۲۶ - ۱۰-۱۰-۱۴۰۰",
        "ارسال به دوستان",
        "فیلم بیشتر »»",
        "وزیر گفت که ",
        "«",
        "»",
        "\u200c",
        "\xa0",
        "ي",
        "ك",
        "😀",
        "\x00",
        "\u202e",
        ".",
        "تیتر",
        "فارس",
        "منبع: ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(_PIECES, max_size=40).map("".join)))
def test_property_never_raises_and_offsets_valid(text: str) -> None:
    art = read_article(text)
    for p in art.parts:
        assert 0 <= p.start <= p.end <= len(text)
        assert text[p.start : p.end] == p.text
    assert 0 <= art.body_start <= len(text) and art.body_start <= art.body_end <= len(text)
    for a in art.attributions:
        for span in (a.source, *a.via):
            assert text[span.start : span.end] == span.text and span.start < span.end
    json.dumps(art.to_dict())
