"""The article record (persnews.analyze / record_from_doc) and the persnews_quotes component."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

import persnews
from persnews.components.quotes import QuotesComponent
from persnews.evaluation.quotes import load_gold, match_quotes, speaker_correct
from persnews.record import SCHEMA_VERSION, ArticleRecord, record_from_doc

ARTICLE = (
    "وزیر نیرو: برق صنایع قطع نمی‌شود\n"
    "کد خبر: ۱۲۳۴۵\n"
    "به گزارش ایرنا، علی اکبری، وزیر نیرو گفت: ذخایر سدها بهتر از پارسال است.\n"
    "وی افزود: مردم در مصرف برق صرفه‌جویی کنند.\n"
    "به گفته این مقام، نیروگاه‌های تازه تا تابستان آماده می‌شوند.\n"
)


@pytest.fixture(scope="module")
def record() -> dict:
    return persnews.analyze(ARTICLE, id="a1").to_dict()


def test_record_keys_and_text_unchanged(record: dict) -> None:
    for key in (
        "id",
        "schema_version",
        "text",
        "title",
        "lead",
        "published",
        "news_id",
        "entities",
        "quotes",
        "attributions",
    ):
        assert key in record
    assert record["id"] == "a1"
    assert record["schema_version"] == SCHEMA_VERSION
    assert record["text"] == ARTICLE


def test_every_offset_indexes_the_original_text(record: dict) -> None:
    text = record["text"]
    spans = []
    for q in record["quotes"]:
        spans += [q["content"], q["cue"]]
        spans += [q[k] for k in ("speaker", "speaker_antecedent") if q[k]]
    for ent in record["entities"]:
        spans += ent["mentions"]
    for att in record["attributions"]:
        spans += [att["source"], *att["via"]]
    assert spans
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"]


def test_quotes_in_the_record(record: dict) -> None:
    quotes = record["quotes"]
    kinds = [q["kind"] for q in quotes]
    assert kinds == ["direct", "direct", "direct", "according_to"]
    assert quotes[1]["content"]["text"] == "ذخایر سدها بهتر از پارسال است"
    assert quotes[2]["speaker"]["text"] == "وی"
    assert quotes[2]["speaker_antecedent"]["text"] == "علی اکبری"
    ids = {q["id"] for q in quotes}
    assert all(q["parent"] is None or q["parent"] in ids for q in quotes)
    assert all(0.0 < q["confidence"] <= 1.0 for q in quotes)
    entity_ids = {e["id"] for e in record["entities"]}
    assert all(q["speaker_entity"] is None or q["speaker_entity"] in entity_ids for q in quotes)


def test_relay_outlet_is_an_attribution_not_a_speaker(record: dict) -> None:
    assert [a["source"]["text"] for a in record["attributions"]] == ["ایرنا"]
    assert all((q["speaker"] or {}).get("text") != "ایرنا" for q in record["quotes"])


def test_to_json_round_trips(record: dict) -> None:
    rec = persnews.analyze(ARTICLE, id="a1")
    assert isinstance(rec, ArticleRecord)
    assert json.loads(rec.to_json()) == rec.to_dict() == record


def test_doc_carries_the_same_information() -> None:
    from persnews.record import default_pipeline

    doc = default_pipeline()(ARTICLE)
    quotes = doc._.pn_quotes
    assert [s.text for s in doc.spans["pn_quotes"]] == [q["content"]["text"] for q in quotes]
    assert [s.id_ for s in doc.spans["pn_cues"]] == [q["id"] for q in doc._.pn_quotes]
    assert {s.text for s in doc.spans["pn_speakers"]} >= {"علی اکبری", "وی"}
    assert record_from_doc(doc, id="a1").to_dict()["quotes"] == doc._.pn_quotes


def test_record_from_a_doc_without_the_quotes_component() -> None:
    nlp = persnews.load()
    doc = nlp("سخنگوی دولت گفت که جلسه فردا برگزار می‌شود.")
    rec = record_from_doc(doc).to_dict()
    assert [q["content"]["text"] for q in rec["quotes"]] == ["جلسه فردا برگزار می‌شود"]
    assert rec["entities"] == [] or all("mentions" in e for e in rec["entities"])


def test_footer_quotes_are_left_out() -> None:
    text = (
        "خبر اصلی\nوزیر گفت: بودجه کافی است.\nارسال به دوستان\nبازیگر معروف: من خداحافظی نمی‌کنم\n"
    )
    rec = persnews.analyze(text).to_dict()
    assert [q["content"]["text"] for q in rec["quotes"]] == ["بودجه کافی است"]


def test_component_in_a_blank_pipeline() -> None:
    nlp = spacy.blank("fa")
    nlp.add_pipe("persnews_quotes", config={"body_only": False})
    doc = nlp("وزیر گفت: سلام بر همه.")
    assert [s.label_ for s in doc.spans["pn_quotes"]] == ["direct"]
    assert doc._.pn_quotes[0]["speaker"]["text"] == "وزیر"


def test_bad_arguments() -> None:
    with pytest.raises(TypeError, match="str"):
        persnews.analyze(123)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Language"):
        persnews.analyze("متن", nlp="fa")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Doc"):
        record_from_doc("متن")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="bool"):
        QuotesComponent(body_only="yes")  # type: ignore[arg-type]


@pytest.mark.shared
def test_seed_required_quotes_and_speakers(seed_dir: Path) -> None:
    gold = load_gold(seed_dir / "expected.json", seed_dir / "article.txt")
    rec = persnews.analyze(gold.text, id="seed").to_dict()
    quotes = rec["quotes"]
    ents = {e["id"]: e for e in rec["entities"]}
    required = [j for j, g in enumerate(gold.quotes) if not g.get("optional")]
    pairs = match_quotes(
        gold.text,
        [(q["content"]["start"], q["content"]["end"]) for q in quotes],
        [g["content_span"] for g in gold.quotes],
        0.5,
    )
    found = {j: i for i, j, _ in pairs}
    missing = [gold.quotes[j]["id"] for j in required if j not in found]
    assert not missing, missing
    for j in required:
        g, q = gold.quotes[j], quotes[found[j]]
        assert speaker_correct(q, g, gold.entities, ents, gold.text), g["id"]
    by_gold = {gold.quotes[j]["id"]: quotes[found[j]] for j in required}
    assert by_gold["q7"]["speaker"]["text"] == "وی"  # وی -> Ushakov
    assert by_gold["q13"]["speaker"]["text"] == "معاون پوتین"  # role -> Ushakov
    for inner, outer in (("q7a", "q7"), ("q12a", "q12"), ("q13a", "q13"), ("q5a", "q5")):
        assert by_gold[inner]["parent"] == by_gold[outer]["id"]
    if ents:  # the entity layer ran: pronoun and role resolve to Ushakov's entity
        ushakov = by_gold["q6"]["speaker_entity"]
        assert ushakov is not None and "اوشاکف" in ents[ushakov]["name"]
        assert by_gold["q7"]["speaker_entity"] == by_gold["q13"]["speaker_entity"] == ushakov
        assert by_gold["q7a"]["speaker_entity"] == by_gold["q12a"]["speaker_entity"]
        assert by_gold["q5a"]["speaker_entity"] == by_gold["q13a"]["speaker_entity"]
