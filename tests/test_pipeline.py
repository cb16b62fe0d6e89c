"""The assembled pipeline: order, serialization and offsets into the original text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

import persnews
from persnews.samples import load_samples

# Written for these tests: Arabic letters, a missing ZWNJ, a role noun and a pronoun.
TEXT = (
    "به گزارش ایرنا، علي رضایی، سخنگوی وزارت نیرو گفت: ذخیره سدها کم شده است.\n\n"
    "وی افزود که مردم باید در مصرف آب صرفهجویی کنند."
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return persnews.load()


def test_components_run_in_dependency_order(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names[0] == "persnews_sentencizer"
    assert names[-1] == "persnews_quotes"
    assert names.index("persnews_gazetteer") < names.index("persnews_entities")
    if "parser" in names:
        assert names.index("persnews_sentencizer") < names.index("parser")
    if "ner" in names:
        assert names.index("ner") < names.index("persnews_gazetteer")


@pytest.mark.parametrize("excluded", ["persnews_quotes", "persnews_gazetteer"])
def test_exclude_leaves_a_component_out(excluded: str) -> None:
    assert excluded not in persnews.load(exclude=[excluded]).pipe_names


def test_every_span_indexes_the_original_text(nlp: Language) -> None:
    doc = nlp(TEXT)
    assert doc.text == TEXT
    for tok in doc:
        assert TEXT[tok.idx : tok.idx + len(tok.text)] == tok.text
    for key in ("pn_mentions", "pn_quotes", "pn_cues", "pn_speakers"):
        for span in doc.spans[key]:
            assert TEXT[span.start_char : span.end_char] == span.text
    for ent in doc._.pn_entities:
        for m in ent["mentions"]:
            assert TEXT[m["start"] : m["end"]] == m["text"]
    quotes = doc._.pn_quotes
    assert quotes, "the direct and the indirect quote are both found"
    for q in quotes:
        c = q["content"]
        assert TEXT[c["start"] : c["end"]] == c["text"]


@pytest.mark.parametrize(("sample_id", "text"), load_samples()[:3])
def test_samples_keep_offsets(nlp: Language, sample_id: str, text: str) -> None:
    doc = nlp(text)
    assert doc.text_with_ws == text, sample_id
    for ent in doc.ents:
        assert text[ent.start_char : ent.end_char] == ent.text


def test_saved_pipeline_loads_in_a_fresh_process(nlp: Language, tmp_path: Path) -> None:
    path = tmp_path / "pipeline"
    nlp.to_disk(path)
    code = (
        "import spacy, sys; nlp = spacy.load(sys.argv[1]); "
        "doc = nlp('وی گفت: هوا سرد است.'); print(','.join(nlp.pipe_names)); print(doc.text)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[0] == ",".join(nlp.pipe_names)
    assert out[1] == "وی گفت: هوا سرد است."
