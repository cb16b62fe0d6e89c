"""The shipped trained models: offline loading, component order, label sets, behaviour."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import load_config

from persnews.errors import InvalidOptionError, ModelNotFoundError
from persnews.lang.ner_labels import ARMAN_LABELS, CORPUS_MAPS, LABELS, SHIPPED_LABELS, map_label
from persnews.models import (
    COMPONENTS,
    NER_MODEL,
    UD_MODEL,
    add_trained_components,
    available,
    load_ner,
    load_ud,
)
from persnews.training.conllu import gold_norm

needs_ud = pytest.mark.skipif(not available()["fa_ud"], reason="shipped UD model not present")
needs_ner = pytest.mark.skipif(not available()["fa_ner"], reason="shipped NER model not present")


@pytest.fixture(scope="module")
def ud() -> Language:
    return load_ud()


@pytest.fixture(scope="module")
def ner() -> Language:
    return load_ner()


def _doc(nlp: Language, words: list[str]) -> Doc:
    """Gold-tokenized doc (our tests must not depend on the tokenizer under development)."""
    doc = Doc(nlp.vocab, words=words)
    for token in doc:
        token.norm_ = gold_norm(token.text)
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


@pytest.fixture()
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    yield


# ---------------------------------------------------------------- label scheme


@pytest.mark.parametrize(
    ("corpus", "label", "expected"),
    [
        ("peyma", "DAT", "DATE"),
        ("peyma", "MON", "MONEY"),
        ("nsurl", "PCT", "PERCENT"),
        ("nsurl", "DATO", "DATE"),
        ("arman", "fac", "FAC"),
        ("arman", "pro", "PRODUCT"),
        ("parstwiner", "POG", "ORG"),
        ("parstwiner", "NAT", None),
    ],
)
def test_corpus_label_mapping(corpus: str, label: str, expected: str | None) -> None:
    assert map_label(corpus, label) == expected


def test_every_mapped_label_is_in_the_scheme() -> None:
    for table in CORPUS_MAPS.values():
        assert {v for v in table.values() if v is not None} <= set(LABELS)
    assert set(SHIPPED_LABELS) <= set(LABELS)
    assert set(ARMAN_LABELS) <= set(LABELS)


def test_unknown_model_name_is_rejected() -> None:
    nlp = Language()
    with pytest.raises(InvalidOptionError, match="fa_xx"):
        add_trained_components(nlp, models=("fa_xx",))


def test_missing_model_dir_raises(tmp_path: object) -> None:
    with pytest.raises(ModelNotFoundError, match="not found"):
        load_ud(tmp_path)  # type: ignore[arg-type]


# ---------------------------------------------------------------- loading


@needs_ud
@needs_ner
def test_models_load_offline_in_order(no_network: None) -> None:
    import persnews

    nlp = persnews.load()
    if "parser" not in nlp.pipe_names:
        add_trained_components(nlp)
    names = nlp.pipe_names
    stored = {
        name: load_config(path / "config.cfg")["nlp"]["pipeline"]
        for name, path in (("fa_ud", UD_MODEL), ("fa_ner", NER_MODEL))
    }
    # every component a shipped model has, in the documented order
    expected = [c for m in ("fa_ud", "fa_ner") for c in COMPONENTS[m] if c in stored[m]]
    assert set(stored["fa_ud"]) <= set(COMPONENTS["fa_ud"])
    assert [n for n in names if n in expected] == expected
    if "persnews_sentencizer" in names:
        assert names.index("persnews_sentencizer") < names.index("parser")


@needs_ud
@needs_ner
def test_exclude_drops_listeners_with_their_tok2vec() -> None:
    nlp = load_ud()
    add_trained_components(nlp, models=("fa_ner",), exclude=("ner_tok2vec",))
    assert "ner" not in nlp.pipe_names


@needs_ud
def test_ud_label_sets(ud: Language) -> None:
    morph_labels = ud.get_pipe("morphologizer").labels
    upos = {dict(f.split("=", 1) for f in lab.split("|"))["POS"] for lab in morph_labels}
    assert {"NOUN", "VERB", "ADP", "PROPN", "ADJ", "PRON", "AUX", "PUNCT"} <= upos
    deps = set(ud.get_pipe("parser").labels)
    assert {"nsubj", "obj", "ccomp", "compound:lvc", "case", "ROOT"} <= deps


@needs_ner
def test_ner_label_set(ner: Language) -> None:
    assert set(ner.get_pipe("ner").labels) == set(SHIPPED_LABELS)


# ---------------------------------------------------------------- behaviour


@needs_ud
@pytest.mark.parametrize(
    ("words", "verb"),
    [
        (["وزیر", "امور", "خارجه", "دیروز", "گفت", "که", "مذاکرات", "ادامه", "دارد", "."], "گفت"),
        (
            ["کارشناسان", "می\u200cگویند", "که", "قیمت", "نفت", "کاهش", "می\u200cیابد", "."],
            "می‌گویند",
        ),
        (["سخنگوی", "دولت", "گفته", "است", "که", "جلسه", "برگزار", "نمی\u200cشود", "."], "گفته"),
        (
            ["مردم", "شهر", "به", "خبرنگار", "ما", "گفتند", "که", "آب", "قطع", "شده", "است", "."],
            "گفتند",
        ),
    ],
)
def test_speech_verbs_share_one_lemma(ud: Language, words: list[str], verb: str) -> None:
    doc = _doc(ud, words)
    token = doc[words.index(verb)]
    assert token.lemma_ == "گفت"
    assert token.pos_ == "VERB"


@needs_ud
def test_reported_clause_is_ccomp_of_speech_verb(ud: Language) -> None:
    words = ["رئیس", "سازمان", "گفت", "که", "قیمت\u200cها", "افزایش", "نمی\u200cیابد", "."]
    doc = _doc(ud, words)
    said = doc[2]
    assert said.dep_ == "ROOT"
    assert any(t.dep_ == "nsubj" and t.head.i == said.i for t in doc)
    assert any(t.dep_ == "ccomp" and t.head.i == said.i for t in doc)


@needs_ud
@pytest.mark.parametrize(
    ("words", "index", "pos"),
    [
        (["کتاب\u200cها", "روی", "میز", "است", "."], 0, "NOUN"),
        (["او", "در", "تهران", "زندگی", "می\u200cکند", "."], 4, "VERB"),
        (["این", "خانه", "بسیار", "بزرگ", "است", "."], 3, "ADJ"),
        (["ما", "به", "مدرسه", "رفتیم", "."], 1, "ADP"),
    ],
)
def test_upos_on_simple_sentences(ud: Language, words: list[str], index: int, pos: str) -> None:
    assert _doc(ud, words)[index].pos_ == pos


@needs_ud
def test_lemma_uses_normalized_form_for_unnormalized_input(ud: Language) -> None:
    # Arabic yeh/kaf in the input: norms are normalized, so tagging is unaffected
    doc = _doc(ud, ["او", "به", "تهران", "رفت", "."])
    doc_ar = _doc(ud, "او به تهران رفت .".replace("ی", "ي").split())
    assert [t.pos_ for t in doc] == [t.pos_ for t in doc_ar]


@needs_ner
@pytest.mark.parametrize(
    ("words", "entity", "label"),
    [
        (
            ["حسن", "روحانی", "رئیس\u200cجمهور", "ایران", "به", "نیویورک", "سفر", "کرد", "."],
            "حسن روحانی",
            "PER",
        ),
        (
            ["حسن", "روحانی", "رئیس\u200cجمهور", "ایران", "به", "نیویورک", "سفر", "کرد", "."],
            "نیویورک",
            "LOC",
        ),
        (
            ["سازمان", "ملل", "متحد", "این", "گزارش", "را", "منتشر", "کرد", "."],
            "سازمان ملل متحد",
            "ORG",
        ),
        (["قیمت", "دلار", "۲۰", "درصد", "افزایش", "یافت", "."], "۲۰ درصد", "PERCENT"),
    ],
)
def test_ner_finds_entities(ner: Language, words: list[str], entity: str, label: str) -> None:
    doc = _doc(ner, words)
    assert (entity, label) in {(e.text, e.label_) for e in doc.ents}


@needs_ud
@needs_ner
def test_trained_components_share_the_pipeline_vocab_and_vectors() -> None:
    """Both models are loaded into the pipeline's own vocab, with the vectors restored
    after sourcing (they are swapped out to skip spaCy's byte-by-byte vector check)."""
    import persnews

    nlp = persnews.load()
    assert nlp.vocab.vectors.shape[0] > 0
    for name in ("tok2vec", "morphologizer", "ner"):
        assert nlp.get_pipe(name).vocab is nlp.vocab  # type: ignore[attr-defined]
    doc = nlp("وزیر خارجه ایران گفت که مذاکرات ادامه دارد.")
    assert any(str(t.morph) for t in doc)


@needs_ud
def test_loading_into_a_pipeline_with_other_vectors_is_refused() -> None:
    import numpy
    import spacy

    nlp = spacy.blank("fa")
    nlp.vocab.set_vector("کتاب", numpy.ones(7, dtype="float32"))
    with pytest.raises(ModelNotFoundError, match="other vectors"):
        add_trained_components(nlp, models=("fa_ud",))


STEMS = (
    frozenset({"گفت", "رفت", "برد", "گشت", "داشت", "آمد", "ورزید", "ریخت"}),
    {"گو": "گفت", "رو": "رفت", "گرد": "گشت", "دار": "داشت", "آ": "آمد", "ده": "داد", "ریز": "ریخت"},
)


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("برمی\u200cگشت", "گشت"),  # preverb بر left out, as in PerDT and Seraji
        ("برمی\u200cگردد", "گشت"),
        ("برندارد", "داشت"),
        ("بازگشته", "گشت"),
        ("فروریخته\u200cایم", "ریخت"),
        ("درآمد", "آمد"),
        ("برده", "برد"),  # not بر + ده
        ("برد", "برد"),
        ("ورزید", "ورزید"),
        ("بروند", "رفت"),  # ب + رو, not بر + وند
        ("می\u200cگویند", "گفت"),
        ("کتاب", None),
    ],
)
def test_verb_past_stem_leaves_out_preverbs(form: str, expected: str | None) -> None:
    from persnews.models.lemma_lookup import verb_past_stem

    assert verb_past_stem(form, STEMS) == expected


@pytest.mark.parametrize("number", ["400", "۴۰۰", "٤٠٠", "۱٬۲۵۰", "3.5", "۱۴۰۰/۱۰/۱۰"])
def test_number_is_its_own_lemma_in_its_own_digits(number: str) -> None:
    """Regression: the lemma of ``400`` was ``۴۰۰`` (the normalized digits)."""
    import spacy

    from persnews.models.lemma_lookup import lookup_key

    nlp = spacy.blank("fa")
    lookup = nlp.add_pipe("persnews_lemma_lookup")
    lookup.table = {lookup_key("۴۰۰", "NUM"): "۴۰۰"}
    doc = Doc(nlp.vocab, words=[number])
    doc[0].pos_, doc[0].norm_ = "NUM", "۴۰۰"
    assert lookup(doc)[0].lemma_ == number


def _lookup_doc(words: list[str], pos: list[str], lemmas: list[str]) -> Doc:
    import spacy

    nlp = spacy.blank("fa")
    doc = Doc(nlp.vocab, words=words, pos=pos, lemmas=lemmas)
    for token in doc:
        token.norm_ = token.text
    return doc


@pytest.mark.parametrize(
    ("word", "pos", "predicted", "expected"),
    [
        ("حاکمان", "NOUN", "حاکمان", "حاکم"),  # plural ان
        ("روحیات", "NOUN", "روحی", "روحیه"),  # ات for ه
        ("حرکتی", "NOUN", "حرکتی", "حرکت"),  # indefinite ی
        ("عظیمی", "ADJ", "عظیمی", "عظیم"),
        ("کوتاهی", "NOUN", "کوتاهی", "کوتاهی"),  # a known lemma of its own
        ("حرکتی", "NOUN", "حرکت", "حرکت"),  # predicted lemma already known
        ("حرکتی", "VERB", "حرکتی", "حرکتی"),  # only nouns and adjectives
    ],
)
def test_nominal_back_off(word: str, pos: str, predicted: str, expected: str) -> None:
    from persnews.models.lemma_lookup import LemmaLookup

    lookup = LemmaLookup(hazm_verbs=False)
    known = frozenset({"حاکم", "روحیه", "حرکت", "کوتاهی", "کوتاه", "عظیم"})
    lookup.lemmas = {"NOUN": known, "ADJ": known}
    assert lookup(_lookup_doc([word], [pos], [predicted]))[0].lemma_ == expected


def test_lemma_lookup_round_trip_and_models_without_lemma_lists(tmp_path: Path) -> None:
    from persnews.models.lemma_lookup import LemmaLookup

    lookup = LemmaLookup()
    lookup.table = {"کتاب\tNOUN": "کتاب"}
    lookup.lemmas = {"NOUN": frozenset({"کتاب", "حاکم"})}
    lookup.to_disk(tmp_path / "lk")
    again = LemmaLookup().from_disk(tmp_path / "lk")
    assert again.table == lookup.table and again.lemmas == lookup.lemmas
    (tmp_path / "lk" / "lemmas.json").unlink()  # saved before the nominal back-off existed
    old = LemmaLookup().from_disk(tmp_path / "lk")
    assert old.lemmas == {}
    assert old(_lookup_doc(["حاکمان"], ["NOUN"], ["حاکمان"]))[0].lemma_ == "حاکمان"
