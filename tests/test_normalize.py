"""Character normalization: letters, digits, spaces, invisibles, protected text, bad input."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from persnews.errors import InvalidOptionError
from persnews.normalize import Normalizer, normalize

ZWNJ = "\u200c"
PLAIN = Normalizer(restore_zwnj=False)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("علي", "علی"),  # ARABIC YEH
        ("موسى", "موسی"),  # ALEF MAKSURA
        ("كتاب", "کتاب"),  # ARABIC KAF
        ("ڪتاب", "کتاب"),  # SWASH KAF
        ("ہمه", "همه"),  # HEH GOAL
        ("ٱلله", "الله"),  # ALEF WASLA
        ("خانۀ ما", "خانهٔ ما"),  # HEH WITH YEH ABOVE -> HEH + HAMZA ABOVE
        ("خانه\u0654", "خانه\u0654"),  # already decomposed form is kept
        ("دولة", "دولة"),  # TEH MARBUTA kept by default (meaning)
        ("مسأله", "مسأله"),  # ALEF WITH HAMZA kept by default
    ],
)
def test_letter_variants(raw: str, expected: str) -> None:
    assert PLAIN(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("دولة", "دوله"), ("مسأله", "مساله"), ("إسلام", "اسلام"), ("مؤمن", "مومن")],
)
def test_optional_letter_variants(raw: str, expected: str) -> None:
    assert Normalizer(unify_optional_letters=True, restore_zwnj=False)(raw) == expected


@pytest.mark.parametrize("digit", range(10))
@pytest.mark.parametrize("form", ["persian", "latin"])
def test_every_digit_maps_to_one_form(digit: int, form: str) -> None:
    targets = {"persian": "۰۱۲۳۴۵۶۷۸۹", "latin": "0123456789"}[form]
    norm = Normalizer(digits=form)
    for source in ("0123456789", "۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩"):
        assert norm(source[digit]) == targets[digit]


def test_digits_keep() -> None:
    assert Normalizer(digits="keep")("٣ 3 ۳") == "٣ 3 ۳"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ســـلام", "سلام"),  # kashida
        ("بِسْمِ", "بسم"),  # harakat
        ("کتابً", "کتاب"),  # tanvin
        ("a\u00a0b", "a b"),  # NBSP
        ("a\u2009b", "a b"),  # thin space
        ("a \t  b", "a b"),  # runs of spaces
        ("a\r\nb", "a\nb"),  # CRLF
        ("\u202bسلام\u202c", "سلام"),  # bidi embedding
        ("سل\u200bام", "سلام"),  # zero-width space
        ("\ufeffسلام", "سلام"),  # BOM
        ("a\x00b\x07c", "abc"),  # control characters
        ("سلام\u200c", "سلام"),  # ZWNJ at a word end
        ("\u200cسلام", "سلام"),  # ZWNJ at a word start
        ("کتاب\u200c\u200cها", "کتاب\u200cها"),  # doubled ZWNJ
        ("می\u200cرود", "می\u200cرود"),  # correct ZWNJ kept
    ],
)
def test_spaces_invisibles_and_marks(raw: str, expected: str) -> None:
    assert PLAIN(raw) == expected


def test_diacritics_keep() -> None:
    assert Normalizer(diacritics="keep", restore_zwnj=False)("بِسْمِ") == "بِسْمِ"


def test_nfc_composes_alef_madda() -> None:
    assert PLAIN("\u0627\u0653ب") == "\u0622ب"


@pytest.mark.parametrize(
    "text",
    [
        "https://www.isna.ir/news/1400/میتواند-کتابها",
        "ali.rezaei@example.ir",
        "#میتواند",
        "@کتابها",
        "۱٬۲۵۰٬۰۰۰",
        "۳.۵",
        "۳٫۵",
        "۱۰-۱۰-۱۴۰۰",
        "۱۴۰۰/۱۰/۱۰",
        "۱۰:۲۶",
        "ج.ا.ا",
        "Hello, World!",
        "COVID19 and MP3 on 4G",
        "http://example.com/a?id=123",
    ],
)
def test_protected_text_is_unchanged(text: str) -> None:
    assert normalize(text) == text


def test_latin_number_with_separator_keeps_separator() -> None:
    assert Normalizer(digits="latin")("12,500") == "12,500"
    assert normalize("12,500") == "۱۲,۵۰۰"


@pytest.mark.parametrize("bad", [None, 12, b"bytes", ["list"]])
def test_non_str_raises_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="str"):
        normalize(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(("option", "value"), [("digits", "roman"), ("diacritics", "strip")])
def test_bad_option_raises(option: str, value: str) -> None:
    with pytest.raises(InvalidOptionError, match=value):
        Normalizer(**{option: value})


@pytest.mark.parametrize(
    "text", ["", " ", "\n\n", "\ud800", "😀😀", "\u202e\u2066", "\x00", "English only text."]
)
def test_bad_input_does_not_crash(text: str) -> None:
    out = normalize(text)
    assert isinstance(out, str)
    assert normalize(out) == out


def test_emoji_survive() -> None:
    assert normalize("سلام 😀") == "سلام 😀"


@pytest.mark.slow
def test_ten_megabytes_in_linear_time() -> None:
    unit = "ميتوانند كتابها را بخوانند؛ ۱۲٬۵۰۰ نفر در ۱۴۰۰/۱۰/۱۰ آمدند.\u200f 😀\n"
    small = unit * 2_000
    big = unit * 160_000  # about 10 MB
    t0 = time.perf_counter()
    normalize(small)
    t_small = time.perf_counter() - t0
    t0 = time.perf_counter()
    out = normalize(big)
    t_big = time.perf_counter() - t0
    assert len(out) > 9_000_000
    # 80x the text may take at most ~3x the per-character time (no quadratic blow-up)
    assert t_big < 80 * 3 * max(t_small, 0.01)


def test_regression_zwnj_before_kashida_is_not_doubled() -> None:
    """Bug: a kashida between two ZWNJs left two ZWNJs after the kashida was removed."""
    assert PLAIN("کتاب\u200c\u0640\u200cها") == "کتاب\u200cها"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=50))
def test_idempotent_on_any_text(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


_persian = st.lists(
    st.sampled_from(
        [
            "می",
            "نمی",
            "کتاب",
            "ها",
            "های",
            "ای",
            "تر",
            "ترین",
            "تن",
            "خانه",
            "هسته",
            " ",
            " ",
            "\u200c",
            "ی",
            "ك",
            "۱",
            ".",
            "،",
            "شان",
            "اش",
            "ام",
            "پیش",
            "زمینه",
            "عقب",
            "نشینی",
        ]
    ),
    max_size=20,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_persian)
def test_idempotent_on_persian_words(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert once.replace(ZWNJ, "").replace(" ", "") == PLAIN(text).replace(ZWNJ, "").replace(" ", "")
