"""The compiled tokenizer loops (``_token_scan``, ``_offsets_scan``) must match the Python code."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

import persnews
from persnews import _tiling, _unjoin
from persnews.normalize import Normalizer, offsets
from persnews.tokenizer import PersianTokenizer, token_pattern

scan = pytest.importorskip(
    "persnews._token_scan",
    reason="the compiled tokenizer loops were not built (no C compiler at install time)",
)
pytest.importorskip(
    "persnews.normalize._offsets_scan",
    reason="the compiled offset-map loops were not built (no C compiler at install time)",
)

Z = "\u200c"
SAMPLES = sorted((Path(persnews.__file__).parent / "samples").glob("*.txt"))

CASES = [
    "",
    " ",
    "\n\n",
    "کتاب",
    " کتاب ",
    "او می رود و کتاب ها را می خواند.",
    "كتابها را خواند",
    "میتواند\u200f ساعت ۱۰:۲۶ بیاید.",
    "نرخ ۳.۵ درصد شد؛ ۱٬۲۵۰٬۰۰۰ تومان.",
    "«ما آماده‌ایم» ، او گفت.\n\n  پایان",
    "آن چه گفت  ، همان  شد",
    "www.farsnews.ir و a@b.ir #برچسب @کاربر",
    "ج.ا.ا و U.S. و CoRoT-7b",
    "بیمـــاری\u200d ها\u200b را",
    "ها ها می می ای خدا خانه ای",
    "abc كتاب123 ۱۲ ساعت",
    "\u202bمتن\u202c  \t و",
]


def _tokenize(tok: PersianTokenizer, text: str, monkeypatch: pytest.MonkeyPatch, compiled: bool):
    with monkeypatch.context() as m:
        for module in (_tiling, _unjoin, offsets):
            m.setattr(module, "COMPILED", compiled)
        _unjoin._PAIR_AFFIXED.clear()
        return tok._tiles(text)


@pytest.fixture(scope="module")
def tok() -> PersianTokenizer:
    return PersianTokenizer(spacy.blank("fa").vocab)


@pytest.mark.parametrize("text", CASES)
def test_tokenizer_output_is_the_same_with_and_without_the_compiled_loops(
    tok: PersianTokenizer, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _tokenize(tok, text, monkeypatch, True) == _tokenize(tok, text, monkeypatch, False)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_sample_articles_tokenize_the_same_with_and_without_the_compiled_loops(
    tok: PersianTokenizer, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = path.read_text(encoding="utf-8")
    fast = _tokenize(tok, text, monkeypatch, True)
    assert fast == _tokenize(tok, text, monkeypatch, False)
    assert "".join(w + (" " if s else "") for w, s in zip(fast[0], fast[1], strict=True)) == text


_ALPHABET = "کتابهامیروندزسلكي" + Z + " \n\t،.:۱2a#@/w«»\u200f\u200d\u0640"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_compiled_loops_match_python_on_any_text(tok: PersianTokenizer, text: str) -> None:
    old = (_tiling.COMPILED, _unjoin.COMPILED, offsets.COMPILED)
    try:
        results = []
        for compiled in (True, False):
            _tiling.COMPILED = _unjoin.COMPILED = offsets.COMPILED = compiled
            _unjoin._PAIR_AFFIXED.clear()
            results.append(tok._tiles(text))
    finally:
        _tiling.COMPILED, _unjoin.COMPILED, offsets.COMPILED = old
    assert results[0] == results[1]
    norm = Normalizer().normalize_with_offsets(text).text
    fast_spans, fast_pieces = _tiling.token_spans(token_pattern(), norm, compiled=True)
    spans, pieces = _tiling.token_spans(token_pattern(), norm, compiled=False)
    assert fast_spans.tolist() == spans.tolist() and fast_pieces == pieces


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("الف  ب", [(0, 3), (5, 6)]),
        ("  الف ب ", [(2, 5), (6, 7)]),
        ("الف\n\nب", [(0, 3), (5, 6)]),
        ("الف", []),
        ("", []),
        ("   ", []),
    ],
)
def test_compiled_tiling_matches_python(text: str, spans: list[tuple[int, int]]) -> None:
    arr = numpy.asarray(spans, dtype=numpy.int64).reshape(-1, 2)
    python = _tiling.tile(text, arr, compiled=False)
    compiled = scan.tile_spans(text, arr)
    if text.strip() and not spans:
        assert compiled is None  # a gap holds letters: the Python code moves them into tokens
    else:
        assert compiled == python


def test_compiled_tiling_leaves_gaps_with_deleted_characters_to_python() -> None:
    text = "الف\u200f ب"  # a bidi mark between the tokens, deleted by the normalizer
    arr = numpy.asarray([(0, 3), (5, 6)], dtype=numpy.int64)
    assert scan.tile_spans(text, arr) is None
    assert _tiling.tile(text, arr) == (["الف\u200f", "ب"], [True, False], [0, 1])


@pytest.mark.parametrize(
    "edits",
    [
        [],
        [(0, 0, Z)],
        [(1, 2, "ی"), (3, 3, Z)],
        [(0, 1, "ک")],  # replaced by itself: no change
        [(0, 2, ""), (4, 4, "x")],
        [(4, 4, "!")],
    ],
)
def test_compiled_apply_edits_matches_python(edits: list[offsets.Edit]) -> None:
    text = "كتيبها"[:4]
    assert offsets.apply_edits(text, edits, compiled=True) == offsets.apply_edits(
        text, edits, compiled=False
    )


@pytest.mark.parametrize(
    "edits",
    [
        [(1, 2, "ت"), (3, 4, "ی")],  # replaced by themselves between copies: segments merge
        [(0, 1, "ك"), (2, 3, "ی")],
        [(1, 2, "ت"), (2, 2, Z), (3, 4, "ی")],
        [(3, 4, "ی")],
    ],
)
def test_regression_compiled_apply_edits_merged_copies_at_the_right_index(
    edits: list[offsets.Edit],
) -> None:
    """Bug: with wraparound off, ``orig_ends[-1] = …`` wrote before the list, not at its end.

    The merge of a copied stretch into the one before it happens when an edit replaces
    text by itself; the maps must agree with the Python loop at every position.
    """
    text = "كتيی"
    fast = offsets.apply_edits(text, edits, compiled=True)
    slow = offsets.apply_edits(text, edits, compiled=False)
    assert fast == slow
    new, omap = fast
    assert [omap.to_original(i) for i in range(len(new) + 1)] == [
        slow[1].to_original(i) for i in range(len(new) + 1)
    ]


@pytest.mark.parametrize("edits", [[(2, 1, "x")], [(0, 2, ""), (1, 3, "")], [(0, 9, "")]])
def test_compiled_apply_edits_rejects_bad_edits_with_the_python_message(
    edits: list[offsets.Edit],
) -> None:
    with pytest.raises(ValueError, match=r"edit \(\d+, \d+\) overlaps an earlier edit"):
        offsets.apply_edits("كتيب", edits, compiled=True)


def test_compiled_apply_edits_takes_an_iterator_once() -> None:
    edits = iter([(1, 1, Z)])
    new, omap = offsets.apply_edits("مید", edits, compiled=True)
    assert new == "م" + Z + "ید" and omap.to_original(2) == 1


@pytest.mark.parametrize("text", ["كتابها و میتواند", "  ي ك  ۱۲", "بیمـــار ها", "a\u200fب"])
def test_compiled_original_spans_match_python(text: str) -> None:
    nt = Normalizer().normalize_with_offsets(text)
    n = len(nt.text)
    spans, _ = _tiling.token_spans(token_pattern(), nt.text)
    extra = numpy.asarray([(0, 0), (n, n), (0, n), (1, 1)], dtype=numpy.int64)
    for arr in (spans, extra):
        python = _tiling.to_original_spans(nt.offsets, arr, compiled=False)
        compiled = _tiling.to_original_spans(nt.offsets, arr, compiled=True)
        assert compiled.tolist() == python.tolist()


def test_regression_str_subclass_reaches_the_compiled_loops() -> None:
    """The compiled loops take exact str: a numpy.str_ input must still tokenize."""
    tok = PersianTokenizer(spacy.blank("fa").vocab)
    doc = tok(numpy.str_("كتابها را خواند"))
    assert [t.text for t in doc] == ["كتابها", "را", "خواند"]
    assert doc[0].norm_ == "کتاب" + Z + "ها"
