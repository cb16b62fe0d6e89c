"""ZWNJ restoration: joined and spaced input, words that must stay whole, the model, data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from persnews.normalize import Normalizer, normalize
from persnews.normalize.offsets import apply_edits
from persnews.normalize.zwnj import ZwnjModel, default_model, zwnj_edits
from persnews.normalize.zwnj_tables import read_tables, tables_from_counts, write_tables

Z = "\u200c"


def z(text: str) -> str:
    """Write ZWNJ as '+' in expectations (readable test ids)."""
    return text.replace("+", Z)


# -- joined input: the shipped lexicon ---------------------------------------------------


@pytest.mark.parametrize(
    ("joined", "expected"),
    [
        # prefixes می / نمی
        ("میتواند", "می+تواند"),
        ("میشود", "می+شود"),
        ("میگویند", "می+گویند"),
        ("نمیدانند", "نمی+دانند"),
        ("نمیرود", "نمی+رود"),
        # plural suffixes ها / های
        ("تنشها", "تنش+ها"),
        ("درسها", "درس+ها"),
        ("ضمانتهای", "ضمانت+های"),
        ("کتابهای", "کتاب+های"),
        ("خانههای", "خانه+های"),
        ("مینها", "مین+ها"),
        # ای after ه (indefinite / adjectival)
        ("دقیقهای", "دقیقه+ای"),
        ("هستهای", "هسته+ای"),
        ("منطقهای", "منطقه+ای"),
        # perfect endings after ه
        ("رفتهاند", "رفته+اند"),
        # comparative / superlative
        ("بزرگتر", "بزرگ+تر"),
        ("قویترین", "قوی+ترین"),
        # compounds
        ("عقبنشینی", "عقب+نشینی"),
        ("پیشزمینه", "پیش+زمینه"),
        ("پیشبینی", "پیش+بینی"),
        ("آتشبس", "آتش+بس"),
        ("دانشآموزان", "دانش+آموزان"),
    ],
)
def test_joined_words_get_their_zwnj(joined: str, expected: str) -> None:
    assert normalize(joined) == z(expected)


@pytest.mark.parametrize(
    "word",
    ["تنها", "میز", "میلیون", "ماها", "میان", "میوه", "میراث", "میهن", "همه", "تنهایی", "بیشتر"],
)
def test_words_that_only_look_affixed_stay_whole(word: str) -> None:
    assert normalize(word) == word


@pytest.mark.parametrize("word", ["دانشجوها", "نیروهای", "کشورهای"])
def test_no_zwnj_after_non_joining_letters(word: str) -> None:
    assert normalize(word) == word


# -- spaced input ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spaced", "expected"),
    [
        ("می تواند", "می+تواند"),
        ("می رود", "می+رود"),
        ("نمی رود", "نمی+رود"),
        ("کتاب ها", "کتاب+ها"),
        ("کتاب های", "کتاب+های"),
        ("سازمان ها", "سازمان+ها"),
        ("خانه ای", "خانه+ای"),
        ("شده اند", "شده+اند"),
        ("آمده ام", "آمده+ام"),
        ("بزرگ تر", "بزرگ+تر"),
        ("بزرگ ترین", "بزرگ+ترین"),
        ("پیش بینی", "پیش+بینی"),
        ("را می برند", "را می+برند"),
    ],
)
def test_spaced_words_are_joined_with_zwnj(spaced: str, expected: str) -> None:
    assert normalize(spaced) == z(expected)


@pytest.mark.parametrize("phrase", ["او هم رفت", "و زن", "در آمد", "این که", "به این", "از آن"])
def test_real_spaces_stay(phrase: str) -> None:
    assert normalize(phrase) == phrase


def test_existing_zwnj_is_trusted() -> None:
    assert normalize(z("تن+ها")) == z("تن+ها")


def test_restore_zwnj_can_be_turned_off() -> None:
    assert Normalizer(restore_zwnj=False)("میتواند") == "میتواند"


# -- protected text ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "https://www.isna.ir/news/میتواند",
        "www.example.ir/کتابها",
        "ali@example.com",
        "#میتواند",
        "@کتابها",
        "#کتاب ها",
    ],
)
def test_protected_tokens_untouched(text: str) -> None:
    assert zwnj_edits(text) == []


def test_protection_is_per_token() -> None:
    out = normalize("میتواند #کتابها")
    assert out == z("می+تواند #کتابها")


# -- offsets and idempotence -------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["پوتین میتواند", "کتاب ها و تنشهای هستهای", "نمی توانند بگویند که عقبنشینی"]
)
def test_offsets_of_restored_words(text: str) -> None:
    nt = Normalizer().normalize_with_offsets(text)
    for word in nt.text.split():
        start = nt.text.index(word)
        o_start, o_end = nt.original_span(start, start + len(word))
        assert text[o_start:o_end].replace(" ", "") == word.replace(Z, "")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
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
                "دانشجو",
                "مین",
                "پیش",
                "بینی",
                "اند",
                "شده",
                " ",
                " ",
                " ",
                "\u200c",
                "،",
            ]
        ),
        max_size=16,
    ).map("".join)
)
def test_zwnj_pass_is_idempotent_and_only_touches_separators(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    base = Normalizer(restore_zwnj=False)(text)
    assert once.replace(Z, "").replace(" ", "") == base.replace(Z, "").replace(" ", "")


# -- the model on in-memory counts: decisions follow the data ---------------------------


def _toy(**options: float) -> ZwnjModel:
    forms = {
        "کتاب": 50,
        "کتاب" + Z + "ها": 30,
        "کتابها": 2,
        "دفتر": 20,
        "دفتر" + Z + "ها": 10,
        "قلم": 10,
        "قلم" + Z + "ها": 5,
        "تنها": 40,
        "تن": 5,
        "ها": 1,
        "سنگ": 8,
    }
    return ZwnjModel.from_counts(forms, {"تن ها": 3}, **options)


def test_model_prefers_most_frequent_spelling() -> None:
    m = _toy()
    assert m.restore_word("کتابها") == z("کتاب+ها")
    assert m.restore_word("تنها") == "تنها"


def test_model_splits_unseen_word_before_attached_piece() -> None:
    assert _toy().restore_word("سنگها") == z("سنگ+ها")


def test_model_leaves_unknown_words() -> None:
    assert _toy().restore_word("ژژژژ") == "ژژژژ"


def test_model_pairs_follow_counts() -> None:
    m = _toy()
    assert m.join_pair("کتاب", "ها")  # seen ZWNJ-joined, never apart
    assert not m.join_pair("تن", "ها")  # seen apart, never ZWNJ-joined


def test_model_thresholds_are_options() -> None:
    strict = _toy(min_split_odds=1e6, min_split_odds_unseen=1e6)
    assert strict.restore_word("سنگها") == "سنگها"


def test_tables_round_trip(tmp_path: Path) -> None:
    tables = tables_from_counts({"کتاب": 5, "کتاب" + Z + "ها": 3}, {"کتاب ها": 1})
    path = tmp_path / "t.tsv.xz"
    write_tables(tables, path)
    back = read_tables(path)
    assert back.best == tables.best and back.total == tables.total
    assert back.apart == tables.apart and back.together == tables.together
    assert back.suf.keys() == tables.suf.keys()
    assert back.types_apart_left == tables.types_apart_left
    assert back.types_together_right == tables.types_together_right


# -- partner-type back-off for pairs never seen ------------------------------------------


def _typed(**options: Any) -> ZwnjModel:
    """A prefix ``بی`` joined with many words, and a free word ``او`` that never is."""
    stems = ["تاب", "کار", "رنگ", "صدا", "خبر", "جان"]
    tables = tables_from_counts(
        {"بی" + Z + s: 2 for s in stems} | {"او": 50, "رفت": 9, "آمد": 7, "دید": 4}
    )
    tables.types_together_left = {"بی": len(stems)}
    tables.types_together_right = dict.fromkeys(stems, 1)
    tables.types_apart_left = {"بی": 1, "او": 40}
    tables.types_apart_right = {"رفت": 12, "آمد": 9, "دید": 6}
    return ZwnjModel(tables, **options)


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("بی", "قرار", True),  # productive prefix, unseen stem
        ("بی", "رفت", True),
        ("او", "رفت", False),  # a word mostly followed by words written apart
        ("او", "قرار", False),
        ("ب", "قرار", False),  # single letters never qualify
    ],
)
def test_unseen_pairs_back_off_to_partner_types(left: str, right: str, joined: bool) -> None:
    assert _typed().join_pair(left, right) is joined


@pytest.mark.parametrize("pair", [("بی", "قرار"), ("بی", "رفت")])
def test_partner_type_back_off_is_an_option(pair: tuple[str, str]) -> None:
    assert not _typed(min_type_odds=0.0, min_bound_share=1.0).join_pair(*pair)
    assert not _typed(min_type_odds=0.0, strict_type_odds=0.0).join_pair(*pair, strict=True)


@pytest.mark.parametrize(
    ("strict_type_odds", "joined"),
    [(0.5, True), (3.0, False)],  # بی + قرار: odds (6.5 / 2) * 0.5 = 1.6
)
def test_strict_text_needs_stronger_partner_type_evidence(
    strict_type_odds: float, joined: bool
) -> None:
    m = _typed(strict_type_odds=strict_type_odds)
    assert m.join_pair("بی", "قرار", strict=True) is joined
    assert m.join_pair("بی", "قرار")  # the non-strict bar is lower: strict joins ⊆ joins


@pytest.mark.parametrize(
    ("line", "pair"),
    [
        ("غربی کشور", ("بی", "کشور")),
        ("تمامی مردم", ("می", "مردم")),
        ("کتاب‌های خوب", ("ای", "خوب")),
    ],
)
def test_regression_word_endings_are_not_counted_as_words_apart(
    line: str, pair: tuple[str, str]
) -> None:
    """Bug: the pair counter matched at every letter, so ``غربی کشور`` counted ``بی کشور``."""
    from persnews.training.zwnj_lexicon import count_pairs, count_types

    counts = count_pairs([line], lambda a, b: True)
    assert f"{pair[0]} {pair[1]}" not in counts
    assert len(counts) == 1
    apart_left = count_types([line])[0]
    assert pair[0] not in apart_left


def test_shipped_lexicon_is_small_and_loads() -> None:
    from persnews.normalize.zwnj import LEXICON_PATH

    assert LEXICON_PATH.stat().st_size < 3_000_000
    assert default_model().known("کتاب") > 0


# -- regressions -------------------------------------------------------------------------


def test_regression_hamza_above_is_never_split_off() -> None:
    """Bug: ``قافلهٔ`` became ``قافله‌ٔ`` (a split before the combining hamza)."""
    assert "\u200c\u0654" not in normalize("قافلهٔ")


def test_regression_unknown_piece_after_mi_loses_to_known_words() -> None:
    """Bug: ``مینها`` became ``می‌نها`` (an unknown stem) instead of ``مین‌ها``."""
    assert normalize("مینها") == z("مین+ها")


def test_regression_mi_is_not_glued_to_the_previous_word() -> None:
    """Bug: in ``را می برند`` the space before ``می`` became a ZWNJ (``را‌می``)."""
    assert normalize("را می برند") == z("را می+برند")


def test_regression_edits_sorted_after_pair_and_word_edits() -> None:
    """Bug risk: a space edit recorded after the insertions of the word behind it."""
    edits = zwnj_edits("کتاب هایشانمیتواند")
    assert edits == sorted(edits, key=lambda e: e[0])
    apply_edits("کتاب هایشانمیتواند", edits)  # raises on unsorted/overlapping edits


# -- the builder never reads test files --------------------------------------------------


@pytest.mark.slow
def test_builder_sources_exclude_test_and_dev(data_dir: Path) -> None:
    from persnews.training.zwnj_lexicon import dev_sentences, training_sources

    sources = training_sources(data_dir)
    lines = {line for texts in sources.values() for line in texts}
    dev = dev_sentences(data_dir)
    # only datelines and exclamations (``واشنگتن - ایرنا:``) repeat across the treebanks
    assert dev and all(len(s) < 20 for s in set(dev) & lines)
    test_text = (data_dir / "ud" / "perdt-test.conllu").read_text(encoding="utf-8")
    test_lines = {
        line[len("# text = ") :] for line in test_text.splitlines() if line.startswith("# text = ")
    }
    # PerDT itself repeats 4 test sentences in its train split; nothing else may overlap
    assert len(test_lines & lines) <= 4


@pytest.mark.slow
def test_builder_sample_is_a_reproducible_share_of_each_source(data_dir: Path) -> None:
    from persnews.training.zwnj_lexicon import training_sources

    full = training_sources(data_dir)
    half = training_sources(data_dir, sample=0.5, seed=1)
    assert half == training_sources(data_dir, sample=0.5, seed=1)
    assert half != training_sources(data_dir, sample=0.5, seed=2)
    for name, lines in full.items():
        kept = half[name]
        assert 0.4 < len(kept) / len(lines) < 0.6, name
        it = iter(lines)
        assert all(line in it for line in kept), name  # a subsequence: order kept


@pytest.mark.parametrize("share", [0.0, -0.5, 1.5])
def test_builder_sample_out_of_range_is_refused(share: float, tmp_path: Path) -> None:
    from persnews.training.zwnj_lexicon import training_sources

    with pytest.raises(ValueError, match="sample must be in"):
        training_sources(tmp_path, sample=share)


# -- the text's own spelling decides (joined_words / spaced_words = "auto") --------------


def test_joined_words_kept_in_text_that_uses_zwnj() -> None:
    text = z("او می+رود و سالها")
    assert normalize(text) == text


def test_joined_words_kept_in_text_that_writes_pieces_apart() -> None:
    assert normalize("کتاب ها و سالها") == z("کتاب+ها و سالها")


def test_joined_words_policy_always() -> None:
    out = Normalizer(joined_words="always")(z("او می+رود و سالها"))
    assert out == z("او می+رود و سال+ها")


def test_spaced_words_policy_never() -> None:
    assert Normalizer(spaced_words="never")("کتاب ها") == "کتاب ها"


@pytest.mark.parametrize("option", ["joined_words", "spaced_words"])
def test_bad_policy_raises(option: str) -> None:
    with pytest.raises(ValueError, match="sometimes"):
        options: dict[str, Any] = {option: "sometimes"}
        Normalizer(**options)


def test_style_detection() -> None:
    m = default_model()
    assert m.writes_pieces_apart("کتاب ها")
    assert m.writes_pieces_apart("او می رود")
    assert not m.writes_pieces_apart("دائمی رفت")  # می inside a word
    assert not m.writes_pieces_apart("میتواند")
    assert m.uses_zwnj(z("می+رود"))


@pytest.mark.parametrize(
    "word", ["می+تواند", "تنش+ها", "دقیقه+ای", "عقب+نشینی", "هسته+ای", "ضمانت+های", "پیش+زمینه"]
)
def test_seed_article_gets_its_zwnjs_back(seed_dir: Path, word: str) -> None:
    """The seed lost its ZWNJs; a few spaced headlines in its page chrome must not stop it."""
    text = (seed_dir / "article.txt").read_text(encoding="utf-8")
    assert z(word) in normalize(text)


def test_regression_a_few_spaced_pieces_do_not_switch_off_joined_restoration() -> None:
    """Bug: one ``صندل های`` in a page's related links kept ``میتواند`` and ``تنشها`` joined."""
    text = "پوتین میتواند تنشها را کم کند و نیروهای هستهای را عقب بکشد. صندل های چرمی"
    out = normalize(text)
    assert z("می+تواند") in out and z("تنش+ها") in out and z("هسته+ای") in out


def test_regression_unbounded_decision_caches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bug: the word and pair caches grew with every new word of a corpus, without limit."""
    from persnews.normalize import zwnj as zwnj_module

    monkeypatch.setattr(zwnj_module, "CACHE_LIMIT", 5)
    model = zwnj_module.ZwnjModel.from_counts({"کتاب\u200cها": 10, "می\u200cرود": 10})
    words = ["کتابها", "میرود", "دفترها", "خانهها", "میزها", "سالها", "شهرها", "راهها"]
    expected = [model.edits(w, joined="always") for w in words]
    for _ in range(3):
        assert [model.edits(w, joined="always") for w in words] == expected
        assert len(model._word_cache) <= 5 + len(words)
