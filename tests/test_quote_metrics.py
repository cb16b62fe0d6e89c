"""The quotation scorer itself (persnews.evaluation.quotes)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from persnews.errors import InputFormatError
from persnews.evaluation.quotes import (
    GoldArticle,
    dice,
    load_gold,
    match_quotes,
    prf,
    resolve_span,
    score_article,
    score_attributions,
    speaker_correct,
    trim_span,
)

TEXT = "وزیر گفت: «قیمت‌ها ثابت می‌ماند.» وی افزود: صادرات بیشتر می‌شود. به گزارش ایسنا، تمام."


def _span(text: str, needle: str, occ: int = 1) -> dict[str, Any]:
    start, end = resolve_span(text, {"text": needle, "occ": occ}) or (0, 0)
    return {"start": start, "end": end, "text": text[start:end]}


def _pred(
    content: str,
    *,
    speaker: str | None = None,
    cue: str = "گفت",
    entity: str | None = None,
    antecedent: str | None = None,
) -> dict[str, Any]:
    return {
        "id": "q",
        "kind": "direct",
        "content": _span(TEXT, content),
        "cue": _span(TEXT, cue),
        "speaker": _span(TEXT, speaker) if speaker else None,
        "speaker_antecedent": _span(TEXT, antecedent) if antecedent else None,
        "speaker_entity": entity,
        "parent": None,
        "confidence": 1.0,
    }


GOLD_ENTITIES = {"vazir": {"id": "vazir", "label": "PER", "canonical": "وزیر", "aliases": ["وزیر"]}}


def _gold(content: str, **extra: Any) -> dict[str, Any]:
    g = {
        "content_span": resolve_span(TEXT, {"text": content}),
        "cue_span": None,
        "speaker": "vazir",
        "speaker_type": "named",
    }
    g.update(extra)
    return g


def test_dice_and_prf() -> None:
    assert dice((0, 4), (0, 4)) == 1.0
    assert dice((0, 4), (4, 8)) == 0.0
    assert dice((0, 4), (2, 6)) == pytest.approx(0.5)
    assert prf(0, 0, 5) == (0.0, 0.0, 0.0)
    assert prf(3, 4, 6) == pytest.approx((0.75, 0.5, 0.6))


def test_resolve_span_by_occurrence_and_error() -> None:
    assert resolve_span("ب الف ب", {"text": "ب", "occ": 2}) == (6, 7)
    assert resolve_span("abc", {"start": 1, "end": 2, "text": "b"}) == (1, 2)
    assert resolve_span("abc", None) is None
    with pytest.raises(InputFormatError, match="not in text"):
        resolve_span("abc", {"text": "x"})


def test_trim_ignores_marks_and_punctuation_at_the_edges() -> None:
    text = "«سلام، دنیا.»"
    assert trim_span(text, (0, len(text))) == (1, 11)
    assert text[1:11] == "سلام، دنیا"


def test_matching_is_one_to_one_and_greedy_by_overlap() -> None:
    text = "x" * 100
    pred = [(0, 50), (0, 45)]
    gold = [(0, 50)]
    pairs = match_quotes(text, pred, gold, 0.5)
    assert pairs == [(0, 0, 1.0)]


def test_threshold_and_exact_boundaries() -> None:
    text = "abcdefghij" * 3
    pairs_low = match_quotes(text, [(0, 10)], [(0, 20)], 0.5)
    pairs_high = match_quotes(text, [(0, 10)], [(0, 20)], 0.8)
    assert len(pairs_low) == 1 and not pairs_high
    # surrounding quotation marks and final punctuation do not break exactness
    marked = "«abc def.»"
    assert match_quotes(marked, [(0, 10)], [(1, 8)], 1.0) == [(0, 0, 1.0)]


def test_optional_gold_counts_neither_way() -> None:
    gold = GoldArticle(
        TEXT,
        [_gold("قیمت‌ها ثابت می‌ماند"), _gold("صادرات بیشتر می‌شود", optional=True)],
        GOLD_ENTITIES,
        [],
    )
    only_required = score_article(gold, [_pred("قیمت‌ها ثابت می‌ماند", speaker="وزیر")])
    both = score_article(
        gold,
        [_pred("قیمت‌ها ثابت می‌ماند", speaker="وزیر"), _pred("صادرات بیشتر می‌شود")],
    )
    for scores in (only_required, both):
        assert scores.quote_prf("0.5") == (1.0, 1.0, 1.0)
        assert scores.n_gold == 1


def test_false_positive_and_miss_counted() -> None:
    gold = GoldArticle(TEXT, [_gold("صادرات بیشتر می‌شود")], GOLD_ENTITIES, [])
    scores = score_article(gold, [_pred("قیمت‌ها ثابت می‌ماند", speaker="وزیر")])
    assert scores.quote_prf("0.5") == (0.0, 0.0, 0.0)
    assert scores.n_pred["0.5"] == 1


def test_speaker_named_by_alias_antecedent_or_entity() -> None:
    g = _gold("صادرات بیشتر می‌شود")
    assert speaker_correct(_pred("صادرات", speaker="وزیر"), g, GOLD_ENTITIES, {})
    assert not speaker_correct(_pred("صادرات", speaker="وی"), g, GOLD_ENTITIES, {})
    assert speaker_correct(_pred("صادرات", speaker="وی", antecedent="وزیر"), g, GOLD_ENTITIES, {})
    mention = _span(TEXT, "وزیر") | {"kind": "name"}
    ents = {"E1": {"id": "E1", "name": "وزیر", "mentions": [mention]}}
    assert speaker_correct(_pred("صادرات", speaker="وی", entity="E1"), g, GOLD_ENTITIES, ents)
    other = {"E2": {"id": "E2", "name": "ایسنا", "mentions": []}}
    assert not speaker_correct(_pred("صادرات", speaker="وی", entity="E2"), g, GOLD_ENTITIES, other)


def test_anonymous_speaker_needs_overlap_and_no_named_entity() -> None:
    g = _gold(
        "صادرات بیشتر می‌شود",
        speaker=None,
        speaker_type="anonymous",
        speaker_mention_span=resolve_span(TEXT, {"text": "وی"}),
    )
    assert speaker_correct(_pred("صادرات", speaker="وی"), g, GOLD_ENTITIES, {})
    assert not speaker_correct(_pred("صادرات", speaker="وزیر"), g, GOLD_ENTITIES, {})
    none_gold = _gold("صادرات", speaker=None, speaker_type="none")
    assert speaker_correct(_pred("صادرات"), none_gold, GOLD_ENTITIES, {})


def test_speaker_accuracy_by_type_and_attributed_f1() -> None:
    gold = GoldArticle(
        TEXT,
        [_gold("قیمت‌ها ثابت می‌ماند"), _gold("صادرات بیشتر می‌شود", speaker_type="pronoun")],
        GOLD_ENTITIES,
        [],
    )
    preds = [_pred("قیمت‌ها ثابت می‌ماند", speaker="وزیر"), _pred("صادرات بیشتر می‌شود", speaker="وی")]
    scores = score_article(gold, preds)
    assert scores.speaker_accuracy("named") == 1.0
    assert scores.speaker_accuracy("pronoun") == 0.0
    assert scores.speaker_accuracy() == 0.5
    assert scores.attributed_prf() == (0.5, 0.5, 0.5)


def test_cue_accuracy_by_overlap() -> None:
    gold = GoldArticle(
        TEXT,
        [_gold("قیمت‌ها ثابت می‌ماند", cue_span=resolve_span(TEXT, {"text": "وزیر گفت"}))],
        GOLD_ENTITIES,
        [],
    )
    good = score_article(gold, [_pred("قیمت‌ها ثابت می‌ماند", cue="گفت")])
    bad = score_article(gold, [_pred("قیمت‌ها ثابت می‌ماند", cue="افزود")])
    assert (good.cue_ok, good.cue_n, bad.cue_ok) == (1, 1, 0)


def test_relay_attributions() -> None:
    isna = resolve_span(TEXT, {"text": "ایسنا"})
    gold = [{"source": isna, "via": []}, {"source": (0, 4), "via": [], "optional": True}]
    pred = [{"source": _span(TEXT, "ایسنا"), "via": []}, {"source": _span(TEXT, "وزیر"), "via": []}]
    assert score_attributions(pred, gold) == (1, 1, 1, 1)
    assert score_attributions([], gold) == (0, 0, 0, 1)


def test_load_gold_resolves_offsets(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    data = {
        "file": "a.txt",
        "entities": list(GOLD_ENTITIES.values()),
        "quotes": [
            {
                "id": "q1",
                "kind": "direct",
                "speaker": "vazir",
                "speaker_type": "named",
                "content": {"text": "قیمت‌ها ثابت می‌ماند", "occ": 1},
                "cue": {"text": "گفت", "occ": 1},
            }
        ],
        "attributions": [{"source": {"text": "ایسنا", "occ": 1}, "via": []}],
    }
    (tmp_path / "a.gold.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    gold = load_gold(tmp_path / "a.gold.json")
    s, e = gold.quotes[0]["content_span"]
    assert TEXT[s:e] == "قیمت‌ها ثابت می‌ماند"
    assert gold.attributions[0]["source"] == resolve_span(TEXT, {"text": "ایسنا"})


def test_load_gold_bad_json(tmp_path: Path) -> None:
    (tmp_path / "b.gold.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputFormatError, match="cannot read"):
        load_gold(tmp_path / "b.gold.json", tmp_path / "b.txt")


def test_equal_overlap_prefers_the_same_kind() -> None:
    text = "x" * 50
    pairs = match_quotes(
        text,
        [(0, 20), (0, 20)],
        [(0, 20), (0, 20)],
        0.5,
        pred_kinds=["direct", "according_to"],
        gold_kinds=["according_to", "direct"],
    )
    assert sorted((i, j) for i, j, _ in pairs) == [(0, 1), (1, 0)]
