"""Entities in context: clustering, roles, pronouns, page chrome, component and contract."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from persnews.components.entities import EntitiesComponent, GazetteerComponent
from persnews.extract.entities import cluster_entities, entity_for_span, resolve_speaker


def at(text: str, sub: str, occ: int = 0) -> tuple[int, int]:
    """Offsets of the occ-th whole-word occurrence of ``sub``."""
    start = -1
    for _ in range(occ + 1):
        start = text.index(sub, start + 1)
        while (start > 0 and text[start - 1].isalpha()) or (
            start + len(sub) < len(text) and text[start + len(sub)].isalpha()
        ):
            start = text.index(sub, start + 1)
    return start, start + len(sub)


def spans(text: str, *items: tuple[str, str] | tuple[str, str, int]) -> list[Any]:
    out = []
    for item in items:
        s, e = at(text, item[0], item[2] if len(item) > 2 else 0)  # type: ignore[misc]
        out.append((s, e, item[1]))
    return out


def owner(ents: list[dict[str, Any]], text: str, sub: str, occ: int = 0) -> str | None:
    s, e = at(text, sub, occ)
    for ent in ents:
        for m in ent["mentions"]:
            if m["start"] == s and m["end"] == e:
                return str(ent["id"])
    return None


def test_family_name_alone_joins_full_name_and_titles_are_ignored() -> None:
    text = "آقای بهرام کیانی وارد شیراز شد. کیانی در جلسه حضور یافت. دکتر کیانی سپس رفت."
    ents = cluster_entities(text, spans(text, ("آقای بهرام کیانی", "PER"), ("شیراز", "LOC")))
    people = [e for e in ents if e["label"] == "PER"]
    assert len(people) == 1
    assert len([m for m in people[0]["mentions"] if m["kind"] == "name"]) == 3
    assert people[0]["name"] == "آقای بهرام کیانی"


def test_two_people_with_one_family_name_stay_apart() -> None:
    text = "علی کاظمی و رضا کاظمی با هم آمدند."
    ents = cluster_entities(text, spans(text, ("علی کاظمی", "PER"), ("رضا کاظمی", "PER")))
    assert len(ents) == 2


@pytest.mark.parametrize(
    ("first", "variant"),
    [("سرگئی لاوروف", "لاوروو"), ("ماریا زاخارووا", "زاخاروا"), ("نیکلای پاتروشف", "پاتروشوف")],
)
def test_transliteration_variant_found_without_ner(first: str, variant: str) -> None:
    text = f"{first} به پکن رفت. {variant} گفت که سفر خوبی بود."
    ents = cluster_entities(text, spans(text, (first, "PER")))
    assert len(ents) == 1
    assert [m["text"] for m in ents[0]["mentions"] if m["kind"] == "name"] == [first, variant]


def test_country_aliases_merge_through_groups_but_capital_stays_apart() -> None:
    text = "آمریکا و ایالات متحده و واشنگتن"
    items = [
        (*at(text, "آمریکا"), "LOC", "LOC:us"),
        (*at(text, "ایالات متحده"), "LOC", "LOC:us"),
        (*at(text, "واشنگتن"), "LOC", "LOC:dc"),
    ]
    ents = cluster_entities(text, items)
    assert [len(e["mentions"]) for e in ents] == [2, 1]


def test_org_type_word_and_spacing_variants_merge() -> None:
    text = "به گزارش خبرگزاری پارس‌نما، پارس نما نوشت که حزب‌الله و حزب الله یکی‌اند."
    ents = cluster_entities(
        text,
        spans(
            text,
            ("خبرگزاری پارس‌نما", "ORG"),
            ("پارس نما", "ORG"),
            ("حزب‌الله", "ORG"),
            ("حزب الله", "ORG"),
        ),
    )
    assert len(ents) == 2


def test_apposition_role_and_later_role_mention() -> None:
    text = (
        "سامان رحیمی، مشاور وزیر نیرو نیز گفت که آب کافی است. "
        "این سخنان را مشاور وزیر نیرو در جمع خبرنگاران تکرار کرد."
    )
    ents = cluster_entities(text, spans(text, ("سامان رحیمی", "PER")))
    assert owner(ents, text, "مشاور وزیر نیرو", 0) == "E1"
    assert owner(ents, text, "مشاور وزیر نیرو", 1) == "E1"
    assert {m["kind"] for m in ents[0]["mentions"]} == {"name", "role"}


def test_spokesperson_apposition_and_shorter_role() -> None:
    text = (
        "لیلا نوری، سخنگوی وزارت خارجه اتریش گفت: گفتگو ادامه دارد. "
        "سخنگوی وزارت خارجه افزود: نتیجه روشن نیست."
    )
    ents = cluster_entities(text, spans(text, ("لیلا نوری", "PER")))
    assert owner(ents, text, "سخنگوی وزارت خارجه", 1) == "E1"


def test_role_of_another_country_is_not_attached() -> None:
    text = "پیمان صدری، وزیر خارجه اتریش گفت که ... . وزیر خارجه سوئد گفت که ..."
    ents = cluster_entities(text, spans(text, ("پیمان صدری", "PER")))
    roles = [m["text"] for m in ents[0]["mentions"] if m["kind"] == "role"]
    assert roles == ["وزیر خارجه اتریش"]


@pytest.mark.parametrize("np", ["این مقام", "این دیپلمات", "این کارشناس"])
def test_anaphoric_noun_phrase_refers_to_recent_person(np: str) -> None:
    text = f"کاوه مرادی در نشست خبری گفت که مذاکره ادامه دارد. {np} افزود: نگرانی نداریم."
    ents = cluster_entities(text, spans(text, ("کاوه مرادی", "PER")))
    assert owner(ents, text, np) == "E1"


@pytest.mark.parametrize("pronoun", ["وی", "او", "ایشان"])
def test_pronoun_refers_to_subject_not_to_name_inside_role(pronoun: str) -> None:
    text = f"نرگس امینی، معاون شهرام توکلی گفت که طرح آماده است. {pronoun} همچنین افزود که ..."
    ents = cluster_entities(text, spans(text, ("نرگس امینی", "PER"), ("شهرام توکلی", "PER")))
    assert owner(ents, text, pronoun) == owner(ents, text, "نرگس امینی")


def test_pronoun_after_anonymous_speaker_is_left_unresolved() -> None:
    text = (
        "بهرام کیانی گفت که طرح آماده است.\n"
        "یکی از مقام‌های ارشد وزارت گفت: کار تمام نشده.\nوی ادامه داد: باید صبر کرد."
    )
    ents = cluster_entities(text, spans(text, ("بهرام کیانی", "PER")))
    assert owner(ents, text, "وی") is None


def test_page_chrome_footer_entities_are_dropped() -> None:
    text = (
        "نشست وزیران در مسقط برگزار شد و همه درباره آن سخن گفتند و نتیجه را ستودند.\n"
        "ارسال به دوستان\nخبر دیگر: سفر به کابل"
    )
    ents = cluster_entities(text, spans(text, ("مسقط", "LOC"), ("کابل", "LOC")))
    assert [e["name"] for e in ents] == ["مسقط"]


def test_other_labels_are_ignored_and_ids_follow_first_mention() -> None:
    text = "در ماه مهر، تبریز و کیانی"
    ents = cluster_entities(text, spans(text, ("کیانی", "PER"), ("تبریز", "LOC"), ("مهر", "DAT")))
    assert [(e["id"], e["name"]) for e in ents] == [("E1", "تبریز"), ("E2", "کیانی")]


# --- spaCy component and the functions the quotation extractor uses ---------------------------


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.blank("fa")


def _doc(nlp: spacy.language.Language, words: list[str], ents: list[str]) -> Doc:
    spaces = [
        w not in ("،", ":", ".") and (i + 1 < len(words) and words[i + 1] not in ("،", ":", "."))
        for i, w in enumerate(words)
    ]
    return Doc(nlp.vocab, words=words, spaces=spaces, ents=ents)


def test_component_writes_entities_span_group_and_kb_ids(nlp: spacy.language.Language) -> None:
    words = [
        "ولادیمیر",
        "پوتین",
        "آمد",
        ".",
        "کیانی",
        "،",
        "مشاور",
        "خود",
        "نیز",
        "گفت",
        ".",
        "پوتین",
        "گفت",
        ":",
        "وی",
        "دوست",
        "است",
        ".",
    ]
    ents = ["B-PER", "I-PER", "O", "O", "B-PER", "O", "O", "O", "O", "O", "O", "B-PER"] + ["O"] * 6
    doc = EntitiesComponent(kb_path="example")(_doc(nlp, words, ents))
    putin = doc._.pn_entities[0]
    assert putin["kb_id"] == "Q7747" and putin["name"] == "ولادیمیر پوتین"
    assert [e.kb_id_ for e in doc.ents] == ["Q7747", "", "Q7747"]
    group = doc.spans["pn_mentions"]
    assert {s.id_ for s in group} == {"E1", "E2"}
    assert all(
        doc.text[m["start"] : m["end"]] == m["text"]
        for e in doc._.pn_entities
        for m in e["mentions"]
    )
    kiani_role = [s for s in group if s.text == "مشاور خود"]
    assert kiani_role and kiani_role[0].id_ == "E2"


def test_gazetteer_merges_with_model_entities(nlp: spacy.language.Language) -> None:
    words = ["سفر", "به", "تهران", "و", "کوهرنگان", "و", "پاریس", "در", "دیروز"]
    ents = ["O", "O", "B-ORG", "O", "B-LOC", "O", "O", "O", "B-DATE"]
    doc = GazetteerComponent()(_doc(nlp, words, ents))
    # the gazetteer corrects the model's label, the model's unknown name stays, the
    # gazetteer fills the gap, and labels outside PER/ORG/LOC are kept
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("تهران", "LOC"),
        ("کوهرنگان", "LOC"),
        ("پاریس", "LOC"),
        ("دیروز", "DATE"),
    ]


def test_contract_functions_require_the_component(nlp: spacy.language.Language) -> None:
    doc = _doc(nlp, ["وی", "گفت"], ["O", "O"])
    with pytest.raises(ValueError, match="persnews_entities"):
        entity_for_span(doc, 0, 2)


def _seedlike(nlp: spacy.language.Language) -> Doc:
    text = (
        "کامران شریفی، معاون آرش بهمنی نیز گفت که طرح آماده است.\n"
        "وی همچنین افزود که بودجه کافی است.\n"
        "یکی از مقام‌های ارشد وزارت گفت: بهمنی راه را باز گذاشت.\n"
        "وی ادامه داد: کار تمام نشده.\n"
        "معاون آرش بهمنی ادامه داد: امیدواریم.\n"
    )
    doc = nlp.make_doc(text)
    doc.ents = [
        doc.char_span(*at(text, "کامران شریفی"), label="PER", alignment_mode="expand"),
        doc.char_span(*at(text, "آرش بهمنی"), label="PER", alignment_mode="expand"),
    ]
    return EntitiesComponent()(doc)


def test_entity_for_span_prefers_head_of_apposition(nlp: spacy.language.Language) -> None:
    doc = _seedlike(nlp)
    text = doc.text
    sharifi = entity_for_span(doc, *at(text, "کامران شریفی"))
    assert entity_for_span(doc, *at(text, "کامران شریفی، معاون آرش بهمنی")) == sharifi
    assert entity_for_span(doc, *at(text, "معاون آرش بهمنی", 1)) == sharifi
    assert entity_for_span(doc, *at(text, "بهمنی", 1)) != sharifi


def test_resolve_speaker_pronoun_subjectless_and_anonymous(nlp: spacy.language.Language) -> None:
    doc = _seedlike(nlp)
    text = doc.text
    sharifi = entity_for_span(doc, *at(text, "کامران شریفی"))
    s, e = at(text, "وی", 0)
    assert resolve_speaker(doc, s, e, cue_char=at(text, "افزود")[0]) == sharifi
    assert resolve_speaker(doc, None, None, cue_char=at(text, "افزود")[0]) == sharifi
    s, e = at(text, "وی", 1)
    assert resolve_speaker(doc, s, e, cue_char=at(text, "ادامه داد")[0]) is None
    s, e = at(text, "معاون آرش بهمنی", 1)
    assert resolve_speaker(doc, s, e, cue_char=at(text, "ادامه داد", 1)[0]) == sharifi
    s, e = at(text, "یکی از مقام‌های ارشد وزارت")
    assert resolve_speaker(doc, s, e, cue_char=e + 1) is None


@pytest.mark.parametrize(
    "text",
    [
        "کاوه مرادی مشاور وزیر نیرو در این نشست گفت که ...",  # no comma
        "«کاوه مرادی» مشاور وزیر نیرو در این نشست گفت که ...",  # name in guillemets
    ],
)
def test_apposition_without_comma(text: str) -> None:
    ents = cluster_entities(text, spans(text, ("کاوه مرادی", "PER")))
    assert [m["text"] for m in ents[0]["mentions"] if m["kind"] == "role"] == ["مشاور وزیر نیرو"]


def test_prenominal_role_stops_before_the_name() -> None:
    text = "وزیر خارجه اتریش پیمان صدری گفت که ... . معاون پوتین گفت ..."
    ents = cluster_entities(text, spans(text, ("پیمان صدری", "PER"), ("پوتین", "PER")))
    assert owner(ents, text, "وزیر خارجه اتریش") == owner(ents, text, "پیمان صدری")


def test_headline_role_attaches_to_the_person_introduced_later() -> None:
    text = (
        "مدیرکل بنادر استان گیلان: کشتی‌ها رسیدند\nبهمن اکبری، مدیرکل بنادر استان گیلان گفت که ..."
    )
    ents = cluster_entities(text, spans(text, ("بهمن اکبری", "PER")))
    assert owner(ents, text, "مدیرکل بنادر استان گیلان", 0) == "E1"
