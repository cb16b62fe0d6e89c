"""Treebank harmonization before training, and Seraji's convention for scoring."""

from __future__ import annotations

import pytest

from persnews.training.conllu import Sentence, Word
from persnews.training.harmonize import (
    SHARED_SUBTYPES,
    UposHarmonizer,
    harmonize_deprel,
    harmonize_sentence,
    to_iperudt,
    to_seraji,
)


def _word(form: str, upos: str, deprel: str = "dep", lemma: str = "") -> Word:
    return Word(form, lemma or form, upos, "_", "_", 0, deprel, True)


HARMONIZER = UposHarmonizer({"ایران": {"PROPN": 8, "NOUN": 2}, "کار": {"PROPN": 1, "NOUN": 9}})


@pytest.mark.parametrize(
    ("form", "upos", "seraji", "expected"),
    [
        ("ایران", "NOUN", True, "PROPN"),  # proper noun in PerDT's convention
        ("ایران", "NOUN", False, "NOUN"),  # only Seraji lacks PROPN
        ("کار", "NOUN", True, "NOUN"),  # mostly NOUN in PerDT
        ("تهران", "NOUN", True, "NOUN"),  # never seen: kept
        ("را", "PART", True, "ADP"),
        ("را", "PART", False, "ADP"),  # iPerUDT writes PART too
        ("از", "ADP", True, "ADP"),
    ],
)
def test_upos_follows_perdt(form: str, upos: str, seraji: bool, expected: str) -> None:
    assert HARMONIZER.upos(form, upos, seraji=seraji) == expected


def test_proper_noun_needs_a_majority() -> None:
    tie = UposHarmonizer({"امام": {"PROPN": 5, "NOUN": 5}})
    assert tie.upos("امام", "NOUN", seraji=True) == "NOUN"


@pytest.mark.parametrize(
    ("deprel", "expected"),
    [
        ("obl:arg", "obl"),
        ("nmod:poss", "nmod"),
        ("flat:name", "flat"),
        ("acl:relcl", "acl"),
        ("compound:lvc", "compound:lvc"),
        ("nsubj:pass", "nsubj:pass"),
        ("root", "root"),
    ],
)
def test_deprel_keeps_only_shared_subtypes(deprel: str, expected: str) -> None:
    assert harmonize_deprel(deprel) == expected


def test_shared_subtypes_include_what_quotation_rules_need() -> None:
    assert "compound:lvc" in SHARED_SUBTYPES


def test_harmonize_sentence_leaves_the_input_unchanged() -> None:
    sent = Sentence("s1", "ایران را", [_word("ایران", "NOUN", "obj"), _word("را", "PART", "case")])
    out = harmonize_sentence(sent, HARMONIZER, seraji=True)
    assert [w.upos for w in out.words] == ["PROPN", "ADP"]
    assert [w.upos for w in sent.words] == ["NOUN", "PART"]
    assert out.text == sent.text and out.sent_id == sent.sent_id


def test_harmonizer_counts_from_sentences() -> None:
    sents = [
        Sentence("a", "", [_word("ایران", "PROPN")]),
        Sentence("b", "", [_word("ایران", "PROPN")]),
    ]
    assert UposHarmonizer.from_sentences(sents).upos("ایران", "NOUN", seraji=True) == "PROPN"


@pytest.mark.parametrize(
    ("form", "upos", "lemma", "expected"),
    [
        ("ایران", "PROPN", "ایران", ("NOUN", "ایران")),
        ("را", "ADP", "را", ("PART", "را")),
        ("از", "ADP", "از", ("ADP", "از")),
        ("شد", "VERB", "شد", ("VERB", "کرد")),
        ("می\u200cشود", "AUX", "شد", ("AUX", "کرد")),
        ("شد", "NOUN", "شد", ("NOUN", "شد")),
        ("گفت", "VERB", "گفت", ("VERB", "گفت")),
    ],
)
def test_to_seraji(form: str, upos: str, lemma: str, expected: tuple[str, str]) -> None:
    assert to_seraji(form, upos, lemma) == expected


@pytest.mark.parametrize(
    ("form", "upos", "expected"),
    [("را", "ADP", "PART"), ("از", "ADP", "ADP"), ("ایران", "PROPN", "PROPN")],
)
def test_to_iperudt(form: str, upos: str, expected: str) -> None:
    assert to_iperudt(form, upos, form) == (expected, form)
