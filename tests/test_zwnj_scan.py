"""The compiled ZWNJ loop (``_zwnj_scan``) must give exactly the edits of the Python loop."""

from __future__ import annotations

import re

import numpy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from persnews.normalize import normalize, zwnj
from persnews.normalize.zwnj import JOINED_POLICIES, WORD_RUN, ZwnjModel, default_model

scan = pytest.importorskip(
    "persnews.normalize._zwnj_scan",
    reason="the compiled ZWNJ scanner was not built (no C compiler at install time)",
)

Z = "\u200c"
POLICIES = [(j, s) for j in JOINED_POLICIES for s in JOINED_POLICIES]


def z(text: str) -> str:
    return text.replace("+", Z)


def compiled(text: str, model: ZwnjModel, joined: str, spaced: str) -> list[tuple[int, int, str]]:
    """The compiled loop, given the protected spans as :meth:`ZwnjModel.edits` gives them."""
    hint = zwnj._PROTECT_HINT.search(text)
    protected = zwnj._protected_spans(text) if hint else []
    return scan.edits(text, model, joined, spaced, protected)


CASES = [
    "",
    " ",
    "کتاب",
    "کتاب ها",
    "کتابها و میتواند",
    "او می رود و کتاب ها را می خواند",
    z("می+رود و کتاب ها"),
    z("+کتاب ها+"),
    z("کتاب+ ها"),
    z("کتاب++ها می  رود"),
    "۱۲ کتاب ها، 3.5 می رود!",
    "رئیس جمهور گفت: «کتاب ها را می خوانم.»",
    "abc می رود xyz کتابها",
    "تنشهای هستهای عقبنشینی دقیقهای",
    "سالها پیش کتاب ها",
    "ها ها ها می می",
    "کتاب ها http://x.ir/کتاب ها و می رود",
    "#کتاب ها و می رود @می رود",
    "a@b.ir کتاب ها www.x.ir می رود و کتاب ها",
    "می رود #برچسب",
]


@pytest.mark.parametrize("text", CASES)
@pytest.mark.parametrize(("joined", "spaced"), POLICIES)
def test_compiled_loop_matches_python_loop(text: str, joined: str, spaced: str) -> None:
    model = default_model()
    assert compiled(text, model, joined, spaced) == model._edits_python(text, joined, spaced)


@pytest.mark.parametrize(
    "text", ["کتاب ها", z("می+رود"), "a ب  پ\u200c", z("ا+ب+پ ت"), "۱ ب", "x\u200cب"]
)
def test_word_spans_are_the_word_regex_matches(text: str) -> None:
    starts, ends = scan.word_spans(text)
    expected = [m.span() for m in WORD_RUN.finditer(text)]
    assert list(zip(starts, ends, strict=True)) == expected


_ALPHABET = "کتابهامیروندزسل" + Z + " ،.۱a#@:/w"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_compiled_loop_matches_python_loop_on_any_text(text: str) -> None:
    model = default_model()
    for joined, spaced in POLICIES:
        assert compiled(text, model, joined, spaced) == model._edits_python(text, joined, spaced)
    starts, ends = scan.word_spans(text)
    assert list(zip(starts, ends, strict=True)) == [m.span() for m in WORD_RUN.finditer(text)]


def test_compiled_loop_matches_with_other_settings() -> None:
    """A model tuned differently (looser ratios) still gets the same edits from both loops."""
    model = ZwnjModel.from_counts(
        {"کتاب": 5, z("کتاب+ها"): 3, z("می+رود"): 4, "رود": 2},
        {"کتاب ها": 1},
        pair_ratio=1.0,
        joined_apart_ratio=3.0,
    )
    for text in CASES:
        for joined, spaced in POLICIES:
            assert compiled(text, model, joined, spaced) == model._edits_python(
                text, joined, spaced
            )


def test_regression_str_subclass_rejected_by_compiled_loop() -> None:
    """Bug: the compiled loop took only exact str, so numpy.str_ input raised TypeError."""
    text = numpy.str_("کتابها و میتواند")
    assert normalize(text) == normalize(str(text)) == z("کتاب+ها و می+تواند")


def test_protected_text_goes_through_the_python_loop() -> None:
    """URLs and hashtags are skipped whole by the Python loop; the results agree."""
    text = "کتاب ها http://x.ir/کتاب ها #کتاب ها"
    out = normalize(text)
    assert out.startswith(z("کتاب+ها")) and "http://x.ir/کتاب ها" in out
    assert re.search("#کتاب ها", out)


@pytest.mark.parametrize("strict", [False, True])
def test_candidate_sets_hold_every_joined_pair(strict: bool) -> None:
    """The compiled loop skips pairs outside the candidate sets: no joined pair may be there."""
    model = default_model()
    sets = model.candidate_sets(strict=strict)
    assert sets is not None
    left, right, seen = sets
    common = sorted(model.tables.total, key=model.tables.total.__getitem__, reverse=True)[:120]
    pieces = [*common, "ها", "های", "می", "نمی", "ای", "ترین", "تر", "بی", "شده", "رمقم"]
    joined = 0
    for a in pieces:
        for b in pieces:
            if model.join_pair(a, b, strict=strict):
                joined += 1
                assert a in left or b in right or b in seen.get(a, ()), (a, b)
    assert joined > 0


def test_candidate_sets_absent_when_odds_of_unseen_pieces_could_join() -> None:
    """Below a threshold of 0.25 two never-counted pieces (odds 0.5 each) may join: no bound."""
    model = ZwnjModel.load(min_type_odds=0.1)
    assert model.candidate_sets(strict=False) is None
    text = "او می رود و کتاب ها را خواند"
    for joined, spaced in POLICIES:
        assert compiled(text, model, joined, spaced) == model._edits_python(text, joined, spaced)
