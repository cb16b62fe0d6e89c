"""Tests of the persnews spaCy tokenizer (persnews.Tokenizer.v1)."""

from __future__ import annotations

import pickle

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

import persnews.tokenizer  # noqa: F401  (registers persnews.Tokenizer.v1)
from persnews.errors import InvalidOptionError
from persnews.tokenizer import PersianTokenizer

ZWNJ = "\u200c"


def _nlp(**options: object) -> Language:
    config = {"@tokenizers": "persnews.Tokenizer.v1", **options}
    return spacy.blank("fa", config={"nlp": {"tokenizer": config}})


@pytest.fixture(scope="module")
def nlp() -> Language:
    return _nlp()


def words(nlp: Language, text: str) -> list[str]:
    return [t.text for t in nlp(text) if not t.is_space]


def assert_tiles(doc: spacy.tokens.Doc, text: str) -> None:
    assert doc.text == text
    assert doc.text_with_ws == text
    pos = 0
    for t in doc:
        assert t.idx == pos
        assert text[t.idx : t.idx + len(t.text)] == t.text
        pos += len(t.text_with_ws)
    assert pos == len(text)


# -- single tokens ------------------------------------------------------------------


@pytest.mark.parametrize(
    "token",
    [
        "https://www.isna.ir/news/1400101005/تماس-تلفنی",
        "http://example.com/a?b=1&c=2",
        "www.farsnews.ir",
        "khabar.negar@example.co.ir",
        "#ایران_خودرو",
        "@persnews",
        "۱۴۰۰/۱۰/۱۰",
        "۱۰-۱۰-۱۴۰۰",
        "۱۰:۲۶",
        "۰۹:۱۰:۴۵",
        "۱۲٬۵۰۰٬۰۰۰",
        "12,500",
        "۳.۵",
        "٣٫٥",
        "۳/۵",
        "۲۵%",
        "۲۵٪",
        "ج.ا.ا",
        "ق.ظ",
        "U.S.",
        "COVID-19",
        "farsnews.ir",
    ],
)
def test_single_token(nlp: Language, token: str) -> None:
    text = f"خبر {token} امروز"
    assert words(nlp, text) == ["خبر", token, "امروز"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("سایت www.isna.ir.", ["سایت", "www.isna.ir", "."]),
        ("(https://isna.ir/a)", ["(", "https://isna.ir/a", ")"]),
        ("ساعت ۱۰:۲۶.", ["ساعت", "۱۰:۲۶", "."]),
        ("سال ۱۴۰۰.", ["سال", "۱۴۰۰", "."]),
        ("در ۱۹۱۷ م. آغاز شد", ["در", "۱۹۱۷", "م.", "آغاز", "شد"]),
    ],
)
def test_trailing_punctuation_leaves_the_token(
    nlp: Language, text: str, expected: list[str]
) -> None:
    assert words(nlp, text) == expected


# -- UD conventions: clitics and punctuation ------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("کتابش را برد", ["کتابش", "را", "برد"]),  # UD multiword token: one token
        ("برایمان مهم است", ["برایمان", "مهم", "است"]),
        (f"خسته{ZWNJ}ام", [f"خسته{ZWNJ}ام"]),
        (f"کتاب{ZWNJ}هایشان", [f"کتاب{ZWNJ}هایشان"]),
        ("«سلام»، گفت.", ["«", "سلام", "»", "،", "گفت", "."]),
        ("پیامبر (ص) فرمود", ["پیامبر", "(", "ص", ")", "فرمود"]),
        ("چرا؟!", ["چرا", "؟", "!"]),
        ("آنها؛ اینها", ["آنها", "؛", "اینها"]),
        ('او گفت: "نه"', ["او", "گفت", ":", '"', "نه", '"']),
        ("صبر کن...", ["صبر", "کن", "..."]),
        ("تهران - ایرنا", ["تهران", "-", "ایرنا"]),
    ],
)
def test_ud_tokenization(nlp: Language, text: str, expected: list[str]) -> None:
    assert words(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("او می تواند برود", ["او", "می تواند", "برود"]),
        ("کتاب ها را خواند", ["کتاب ها", "را", "خواند"]),
        ("آن چه گفت", ["آن", "چه", "گفت"]),  # joined by the normalizer, kept apart as in UD
        ("ای خدا", ["ای", "خدا"]),
    ],
)
def test_spaced_affixes(nlp: Language, text: str, expected: list[str]) -> None:
    assert words(nlp, text) == expected


def test_spaced_prefix_token_has_joined_norm(nlp: Language) -> None:
    doc = nlp("او می تواند")
    assert doc[1].text == "می تواند"
    assert doc[1].norm_ == f"می{ZWNJ}تواند"


# -- offsets, round trip, norm_ ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "كتابها را خواند",
        "  دو  فاصله  ",
        "سطر اول\n\nسطر دوم\r\n",
        "کشیـــده و \u200fنشانه\u200e",
        "\u200f\u200f",
        "بایدن\u200c و پوتین",
        "\tتب\t",
        "😀سلام😀",
        "\x00\x07کنترل",
    ],
)
def test_round_trip_and_offsets(nlp: Language, text: str) -> None:
    assert_tiles(nlp(text), text)


@pytest.mark.parametrize(
    ("text", "word", "norm"),
    [
        ("كتاب", "كتاب", "کتاب"),
        ("يك", "يك", "یک"),
        ("٣ بار", "٣", "۳"),
        ("سال 1400", "1400", "۱۴۰۰"),
        ("کشیـــده", "کشیـــده", "کشیده"),
    ],
)
def test_norm_is_normalized_form(nlp: Language, text: str, word: str, norm: str) -> None:
    tok = next(t for t in nlp(text) if t.text == word)
    assert tok.norm_ == norm


def test_deleted_characters_stay_in_a_token(nlp: Language) -> None:
    text = "سلام\u200f دنیا"
    doc = nlp(text)
    assert [t.text for t in doc] == ["سلام\u200f", "دنیا"]
    assert doc[0].norm_ == "سلام"


def test_whitespace_tokens_like_spacy(nlp: Language) -> None:
    doc = nlp("الف  ب\nج")
    assert [(t.text, t.whitespace_) for t in doc] == [
        ("الف", " "),
        (" ", ""),
        ("ب", ""),
        ("\n", ""),
        ("ج", ""),
    ]


def test_seed_article_round_trip(nlp: Language, seed_dir: object) -> None:
    from pathlib import Path

    text = (Path(str(seed_dir)) / "article.txt").read_text(encoding="utf-8")
    doc = nlp(text)
    assert_tiles(doc, text)
    assert "۱۰-۱۰-۱۴۰۰" in [t.text for t in doc]


# -- bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["list"]])
def test_non_str_raises_type_error(nlp: Language, bad: object) -> None:
    with pytest.raises(TypeError, match="str"):
        nlp.tokenizer(bad)


def test_lone_surrogate_becomes_replacement_character(nlp: Language) -> None:
    text = "الف\ud800ب"
    doc = nlp(text)
    assert doc.text == "الف\ufffdب"
    assert len(doc.text) == len(text)


def test_empty_and_whitespace_only(nlp: Language) -> None:
    assert len(nlp("")) == 0
    doc = nlp("   \n ")
    assert doc.text == "   \n "
    assert all(t.is_space for t in doc)


def test_bad_option_is_rejected() -> None:
    with pytest.raises(InvalidOptionError, match="digits"):
        _nlp(digits="roman")


def test_options_reach_the_normalizer() -> None:
    doc = _nlp(digits="latin")("سال ۱۴۰۰")
    assert doc[1].norm_ == "1400"


@pytest.mark.slow
def test_large_input_is_linear(nlp: Language) -> None:
    import time

    unit = "خبرگزاری‌ها گزارش دادند که ساعت ۱۰:۲۶ جلسه آغاز شد. "
    small, big = unit * 200, unit * 20_000  # ~10 kB and ~1 MB
    t0 = time.perf_counter()
    nlp.tokenizer(small)
    t_small = time.perf_counter() - t0
    t0 = time.perf_counter()
    doc = nlp.tokenizer(big)
    t_big = time.perf_counter() - t0
    assert doc.text == big
    assert t_big < 100 * t_small * 5  # 100x the text, well under 500x the time


# -- serialization -----------------------------------------------------------------------


def test_to_disk_and_spacy_load(tmp_path: object) -> None:
    from pathlib import Path

    nlp = _nlp(digits="latin")
    path = Path(str(tmp_path)) / "pipe"
    nlp.to_disk(path)
    loaded = spacy.load(path)
    assert isinstance(loaded.tokenizer, PersianTokenizer)
    assert loaded.tokenizer.options["digits"] == "latin"
    assert loaded("سال ۱۴۰۰")[1].norm_ == "1400"


def test_bytes_round_trip() -> None:
    tok = _nlp(diacritics="keep").tokenizer
    assert isinstance(tok, PersianTokenizer)
    other = _nlp().tokenizer
    assert isinstance(other, PersianTokenizer)
    other.from_bytes(tok.to_bytes())
    assert other.options == tok.options


def test_pipeline_pickles(nlp: Language) -> None:
    clone = pickle.loads(pickle.dumps(nlp))
    assert [t.text for t in clone("سلام دنیا")] == ["سلام", "دنیا"]


# -- properties --------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=60))
def test_any_text_tiles(text: str) -> None:
    doc = _NLP(text)
    assert_tiles(doc, text)


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("کتابهامیتوند آنچه\u200c\u200f\u0640يك۱۲.:،«»\n-/ ")),
        max_size=40,
    )
)
def test_persian_like_text_tiles(text: str) -> None:
    doc = _NLP(text)
    assert_tiles(doc, text)
    assert all(t.text for t in doc)


_NLP = _nlp()


# -- regressions -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [f"کتاب{ZWNJ}ها.", f"می{ZWNJ}رود.", f"هم{ZWNJ}تیمی{ZWNJ}های.", f"آن{ZWNJ}ها۱۲"],
)
def test_regression_fast_path_backtracked_to_a_zwnj(nlp: Language, text: str) -> None:
    # A possessive quantifier is needed: backtracking once cut words at their ZWNJ.
    first = words(nlp, text)[0]
    assert ZWNJ in first
    assert not first.endswith(ZWNJ)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("او می  تواند", ["او", "می  تواند"]),  # two spaces: the general path
        ("او مي تواند", ["او", "مي تواند"]),  # Arabic yeh in the prefix
        ("کتاب ها و دفتر ها", ["کتاب ها", "و", "دفتر ها"]),
    ],
)
def test_regression_spaced_affix_paths(nlp: Language, text: str, expected: list[str]) -> None:
    doc = nlp(text)
    assert words(nlp, text) == expected
    assert_tiles(doc, text)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(categories=("Cs", "Lo", "Zs", "Cc", "Cf")), max_size=30))
def test_never_raises_and_keeps_offsets_with_surrogates(text: str) -> None:
    doc = _NLP(text)
    assert len(doc.text) == len(text)
    assert doc.text == "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    assert sum(len(t.text_with_ws) for t in doc) == len(text)


@pytest.mark.parametrize(
    "text",
    ["كتابها را مي خواند.", "او مي تواند ساعت ۱۰:۲۶ بيايد.", "COVID-19 و يك خبر ديگر"],
)
def test_memory_zone_gives_the_same_tokens_and_norms(text: str) -> None:
    # The tokenizer caches string hashes outside memory zones; a zone frees the strings
    # added inside it, so the cache must not serve them afterwards.
    nlp = _nlp()
    before = [(t.text, t.idx, t.norm_) for t in nlp.tokenizer(text)]
    with nlp.memory_zone():
        inside = [(t.text, t.idx, t.norm_) for t in nlp.tokenizer(text + " تازه")]
    after = [(t.text, t.idx, t.norm_) for t in nlp.tokenizer(text + " تازه")]
    assert inside == after
    assert after[: len(before)] == before
    assert any(t[0] != t[2] for t in before)  # the cases do change some norms
