"""Training helpers that run without the shared data: argument parsing, tag mapping."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import spacy

from persnews.training.cli import _overrides, build_parser
from persnews.training.corpora import tagger_tag
from persnews.training.silver_pos import _split, choose_upos, silver_docs


def test_repeated_set_options_are_all_kept() -> None:
    """Regression: ``--set a=1 --set b=2`` used to keep only the last override."""
    args = build_parser().parse_args(
        ["ner", "--set", "training.max_steps=9000", "--set", "training.patience=3000", "x=y"]
    )
    assert _overrides(args.set) == {
        "training.max_steps": 9000,
        "training.patience": 3000,
        "x": "y",
    }


@pytest.mark.parametrize(("argv", "expected"), [(["ud"], False), (["ud", "--harmonize"], True)])
def test_harmonize_is_opt_in(argv: list[str], expected: bool) -> None:
    """The shipped UD model is trained on the treebanks as they are."""
    assert build_parser().parse_args(argv).harmonize is expected


@pytest.mark.shared
def test_build_ud_harmonizes_training_and_dev(data_dir: Path, tmp_path: Path) -> None:
    from spacy.tokens import DocBin

    from persnews.training.corpora import build_ud

    if not (data_dir / "ud" / "seraji-dev.conllu").is_file():
        pytest.skip(f"UD treebanks not found under {data_dir}")
    build_ud(data_dir, tmp_path, harmonize=True)
    nlp = spacy.blank("fa")
    for name in ("ud-train", "ud-dev"):
        docs = list(DocBin().from_disk(tmp_path / f"{name}.spacy").get_docs(nlp.vocab))
        object_markers = {t.pos_ for d in docs for t in d if t.text == "را"}
        assert object_markers == {"ADP"}
        assert not {t.dep_ for d in docs for t in d if ":" in t.dep_} - {
            "compound:lvc",
            "nsubj:pass",
        }


COUNTS = {
    "است": Counter({"AUX": 50, "VERB": 3}),
    "که": Counter({"SCONJ": 30, "PRON": 2}),
    "همه": Counter({"DET": 10, "PRON": 8}),
    "اول": Counter({"ADJ": 5, "NUM": 9}),
    "بله": Counter({"INTJ": 1}),
    "حدود": Counter({"ADP": 7}),
}


@pytest.mark.parametrize(
    ("word", "tag", "proper", "expected"),
    [
        ("است", "V_PRE_SIM", False, "AUX"),  # word majority inside the allowed set
        ("گفت", "V_PA_SIM_POS_3", False, "VERB"),  # unseen verb: default
        ("که", "CON_RELC", False, "SCONJ"),
        ("و", "CON_GMC", False, "CCONJ"),
        ("همه", "QUA", False, "DET"),
        ("اول", "ADJ_ORD", False, "NUM"),
        ("تهران", "N_SING_LOC_PR", False, "PROPN"),
        ("رئیسی", "N_SING", True, "PROPN"),  # ParsNER: inside a PERS entity
        ("کتاب", "N_PL_COM", False, "NOUN"),
        ("۱۴۰۰", "N_SING", False, "NUM"),
        ("«", "DELM", False, "PUNCT"),
        ("حدود", "SPEC", False, "ADP"),  # open tag: seen often enough in UD
        ("بله", "PS", False, "INTJ"),
        ("ناشناخته", "SPEC", False, ""),  # open tag, unseen word: missing
    ],
)
def test_choose_upos(word: str, tag: str, proper: bool, expected: str) -> None:
    assert choose_upos(word, tag, COUNTS, proper=proper) == expected


def test_bijankhan_stream_is_cut_into_sentences() -> None:
    stream = [("#", "DELM"), ("او", "PRO"), ("آمد", "V_PA"), (".", "DELM"), ("من", "PRO")]
    assert [[w for w, _ in s] for s in _split(stream)] == [["او", "آمد", "."], ["من"]]


def test_silver_docs_carry_only_tags_and_norms() -> None:
    nlp = spacy.blank("fa")
    (doc,) = silver_docs(nlp.vocab, [[("ميگويند", "V_PRS", False), ("؟", "DELM", False)]], {})
    assert [t.tag_ for t in doc] == ["VERB", "PUNCT"]
    assert doc[0].norm_ == "می\u200cگویند"
    assert not doc.has_annotation("DEP") and not doc.has_annotation("POS")


@pytest.mark.parametrize(
    ("upos", "source", "expected"),
    [
        ("NOUN", "ud/seraji-dev.conllu", ""),
        ("NOUN", "ud/perdt-dev.conllu", "NOUN"),
        ("PROPN", "ud/perdt-dev.conllu", "PROPN"),
        ("VERB", "ud/seraji-dev.conllu", "VERB"),
        ("_", "ud/iperudt-train.conllu", ""),
    ],
)
def test_tagger_tag_follows_perdt_for_proper_nouns(upos: str, source: str, expected: str) -> None:
    assert tagger_tag(upos, source) == expected


def test_silver_corpora_drop_seraji_dev_text_and_paragraph_marks(data_dir: Path) -> None:
    from persnews.training.silver_pos import BIJANKHAN, PARSNER, read_bijankhan, read_parsner

    parsner = list(read_parsner(data_dir / PARSNER))
    assert len(parsner) == 5261 - 209  # sentences 4,620-4,828 repeat Seraji dev
    bijankhan = list(read_bijankhan(data_dir / BIJANKHAN))
    assert sum(map(len, bijankhan)) == 298_199 - 1_867  # the '#' markers are dropped
    assert all(w != "#" for sent in bijankhan for w, _, _ in sent)
    assert max(map(len, bijankhan)) <= 80


def test_transfer_default_is_the_shipped_ner_model_wherever_the_command_runs() -> None:
    from persnews.models import NER_MODEL

    args = build_parser().parse_args(["arman", "2", "--transfer"])
    assert args.transfer == NER_MODEL and args.transfer.is_absolute()
    assert build_parser().parse_args(["arman", "2"]).transfer is None
