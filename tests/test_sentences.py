"""Tests of the rule-based sentence splitter (persnews_sentencizer)."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

import persnews.components.sentences
import persnews.tokenizer  # noqa: F401
from persnews.components.sentences import PersianSentencizer
from persnews.extract.sentences import sentence_starts


def _nlp(**config: object) -> Language:
    nlp = spacy.blank("fa", config={"nlp": {"tokenizer": {"@tokenizers": "persnews.Tokenizer.v1"}}})
    nlp.add_pipe("persnews_sentencizer", config=config)
    return nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return _nlp()


def sents(nlp: Language, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("باران آمد. هوا سرد شد.", ["باران آمد.", "هوا سرد شد."]),
        ("کجا رفتی؟ خانه بودم!", ["کجا رفتی؟", "خانه بودم!"]),
        ("واقعاً؟! باور نمی‌کنم.", ["واقعاً؟!", "باور نمی‌کنم."]),
        # closing quotes and brackets stay with their sentence
        ("او گفت: «می‌آیم.» سپس رفت.", ["او گفت: «می‌آیم.»", "سپس رفت."]),
        ("او گفت: «چرا؟» و رفت.", ["او گفت: «چرا؟» و رفت."]),
        ('او گفت: "نه." بعد رفت.', ['او گفت: "نه."', "بعد رفت."]),
        ("پیامبر (ص) فرمود. مردم شنیدند.", ["پیامبر (ص) فرمود.", "مردم شنیدند."]),
        (
            "این خبر مهم است (به نقل از ایسنا.) پایان.",
            [
                "این خبر مهم است (به نقل از ایسنا.)",
                "پایان.",
            ],
        ),
        # no split inside abbreviations, decimals, times, dates, URLs
        ("نرخ ۳.۵ درصد شد. بازار آرام بود.", ["نرخ ۳.۵ درصد شد.", "بازار آرام بود."]),
        ("ساعت ۱۰:۲۶ رسید. جلسه آغاز شد.", ["ساعت ۱۰:۲۶ رسید.", "جلسه آغاز شد."]),
        ("نیروهای ج.ا.ا آماده‌اند. پایان.", ["نیروهای ج.ا.ا آماده‌اند.", "پایان."]),
        ("سایت www.isna.ir خبر داد. پایان.", ["سایت www.isna.ir خبر داد.", "پایان."]),
        ("در سال ۱۹۱۷ م. و پس از آن", ["در سال ۱۹۱۷ م. و پس از آن"]),
        ("The U.S. said so. Then it left.", ["The U.S. said so.", "Then it left."]),
        # paragraph breaks
        ("عنوان خبر\nمتن خبر آمد.", ["عنوان خبر", "متن خبر آمد."]),
        ("بند اول\n\nبند دوم", ["بند اول", "بند دوم"]),
        # datelines (UD Seraji)
        ("تهران - ایرنا: رئیس‌جمهور رفت.", ["تهران - ایرنا:", "رئیس‌جمهور رفت."]),
        ("واحد مرکزی خبر: زلزله آمد.", ["واحد مرکزی خبر:", "زلزله آمد."]),
        ("وزیر در جمع خبرنگاران گفت: کار تمام است.", ["وزیر در جمع خبرنگاران گفت: کار تمام است."]),
        # ellipsis inside a list is not an end
        ("کیهان و رسالت و… دیده نمی‌شد.", ["کیهان و رسالت و… دیده نمی‌شد."]),
    ],
)
def test_sentence_rules(nlp: Language, text: str, expected: list[str]) -> None:
    assert sents(nlp, text) == expected


def test_multi_sentence_quote_split_but_recognizable(nlp: Language) -> None:
    text = "او گفت: «ما آماده‌ایم. مذاکره ادامه دارد.» سپس رفت."
    got = sents(nlp, text)
    assert got == ["او گفت: «ما آماده‌ایم.", "مذاکره ادامه دارد.»", "سپس رفت."]
    assert not any(s.startswith("»") for s in got)


def test_multi_sentence_quote_kept_whole_on_request() -> None:
    text = "او گفت: «ما آماده‌ایم. مذاکره ادامه دارد.» سپس رفت."
    got = sents(_nlp(split_inside_quotes=False), text)
    assert got == ["او گفت: «ما آماده‌ایم. مذاکره ادامه دارد.»", "سپس رفت."]


def test_every_token_gets_a_value(nlp: Language) -> None:
    doc = nlp("الف. ب. ج")
    assert doc.has_annotation("SENT_START")
    assert [t.is_sent_start for t in doc] == [True, False, True, False, True]


def test_whitespace_tokens_never_start_a_sentence(nlp: Language) -> None:
    doc = nlp("الف.\n\n  ب")
    for s in doc.sents:
        assert not s[0].is_space


def test_empty_doc(nlp: Language) -> None:
    assert list(nlp("").sents) == []
    assert sentence_starts(nlp.make_doc("")) == []


def test_non_doc_raises_type_error() -> None:
    with pytest.raises(TypeError, match="Doc"):
        sentence_starts("متن")  # type: ignore[arg-type]


def test_bad_option_type() -> None:
    with pytest.raises(TypeError, match="split_inside_quotes"):
        PersianSentencizer(split_inside_quotes="yes")  # type: ignore[arg-type]


def test_pipeline_order_puts_sentencizer_first() -> None:
    import persnews

    nlp = persnews.load()
    assert nlp.pipe_names[0] == "persnews_sentencizer"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('کتاب .؟!«»"():\n-۱۲۳')), max_size=50))
def test_sentences_cover_the_doc(text: str) -> None:
    doc = _NLP(text)
    spans = list(doc.sents)
    assert sum(len(s) for s in spans) == len(doc)
    assert "".join(s.text_with_ws for s in spans) == text
    for s in spans[1:]:
        after_break = s[0].i > 0 and "\n" in doc[s[0].i - 1].text
        assert s[0].text not in {"»", ")", "!", "؟"} or after_break


_NLP = _nlp()
