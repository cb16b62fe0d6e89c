"""Offset maps: edits, chaining, round trips, bounds (hypothesis properties included)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from persnews.normalize import Normalizer, apply_edits
from persnews.normalize.offsets import OffsetMap

ZWNJ = "\u200c"


@pytest.mark.parametrize(
    ("text", "edits", "expected"),
    [
        ("میتواند", [(2, 2, ZWNJ)], "می" + ZWNJ + "تواند"),
        ("کتاب ها", [(4, 5, ZWNJ)], "کتاب" + ZWNJ + "ها"),
        ("ك\u200fتاب", [(1, 2, "")], "كتاب"),
        ("ab", [], "ab"),
        ("سلام", [(0, 4, "درود")], "درود"),
    ],
)
def test_apply_edits_text(text: str, edits: list[tuple[int, int, str]], expected: str) -> None:
    new, omap = apply_edits(text, edits)
    assert new == expected
    assert omap.orig_length == len(text) and omap.norm_length == len(expected)


def test_insertion_maps_back_to_the_gap() -> None:
    new, omap = apply_edits("میتواند", [(2, 2, ZWNJ)])
    assert omap.to_original(2) == 2  # the inserted ZWNJ sits at the gap
    assert omap.to_original(3) == 2  # "ت" was at 2 in the original
    assert omap.to_normalized(2) == 3
    assert omap.to_original_span(3, len(new)) == (2, 7)


def test_deletion_span_covers_deleted_characters() -> None:
    _, omap = apply_edits("ab--cd", [(2, 4, "")])
    assert omap.to_original_span(1, 3) == (1, 5)


def test_overlapping_edits_raise() -> None:
    with pytest.raises(ValueError, match="overlaps"):
        apply_edits("abcdef", [(2, 4, "x"), (3, 5, "y")])


def test_chaining_requires_matching_lengths() -> None:
    with pytest.raises(ValueError, match="cannot chain"):
        OffsetMap.identity(3).then(OffsetMap.identity(4))


def test_identity_map() -> None:
    omap = OffsetMap.identity(5)
    assert omap.is_identity
    assert [omap.to_original(i) for i in range(6)] == list(range(6))


@pytest.mark.parametrize(
    ("raw", "word"),
    [
        ("پوتین  ميتواند   بگويد", "می\u200cتواند"),
        ("\u200fتنشها\u200e افزايش يافت", "تنش\u200cها"),
        ("موشکهاي هسته\u0640اي", "هسته\u200cای"),
        ("عقبنشيني نيروها", "عقب\u200cنشینی"),
    ],
)
def test_seed_like_phrases_map_words_back(raw: str, word: str) -> None:
    nt = Normalizer().normalize_with_offsets(raw)
    start = nt.text.index(word)
    o_start, o_end = nt.original_span(start, start + len(word))
    # the original span holds the same letters (modulo letter variants and invisibles)
    back = Normalizer(restore_zwnj=True)(raw[o_start:o_end])
    assert back.replace(ZWNJ, "") == word.replace(ZWNJ, "")


_pieces = st.sampled_from(
    [
        *"ابپتکگمنهیيكی ۀةـًُ\u200c\u200d\u200f\u202b\u00a0\t\n\r  0123456789۱۲٫٬.,:-/@#ab",
        *["می", "ها", "های", "ای", "تر", "ترین", "http://a.b/ج", "\ud800", "😀", "کتاب", "تن"],
    ]
)
_texts = st.lists(_pieces, max_size=30).map("".join) | st.text(max_size=40)


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_offsets_monotone_and_in_bounds(text: str) -> None:
    nt = Normalizer().normalize_with_offsets(text)
    n, o = len(nt.text), len(text)
    back = [nt.offsets.to_original(i) for i in range(n + 1)]
    assert all(0 <= b <= o for b in back)
    assert back == sorted(back)
    fwd = [nt.offsets.to_normalized(j) for j in range(o + 1)]
    assert all(0 <= f <= n for f in fwd)
    assert fwd == sorted(fwd)
    assert nt.offsets.to_original(0) == 0 or n == 0 or back[0] <= back[-1]
    assert nt.offsets.to_original_end(n) <= o


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_round_trip_of_unchanged_characters(text: str) -> None:
    """A normalized character copied verbatim maps to the same character and back."""
    nt = Normalizer().normalize_with_offsets(text)
    for i, ch in enumerate(nt.text):
        j = nt.offsets.to_original(i)
        if j < len(text) and text[j] == ch and ch != ZWNJ:
            assert nt.offsets.to_normalized(j) == i


@settings(max_examples=200, deadline=None)
@given(_texts, st.integers(min_value=-5, max_value=80), st.integers(min_value=-5, max_value=80))
def test_spans_are_ordered_and_clamped(text: str, a: int, b: int) -> None:
    nt = Normalizer().normalize_with_offsets(text)
    s, e = nt.original_span(a, b)
    assert 0 <= s <= e <= len(text)
