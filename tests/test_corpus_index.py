"""The corpus-wide entity index (build_corpus_entities)."""

from __future__ import annotations

from typing import Any

import pytest

from persnews.errors import InputFormatError
from persnews.extract.corpus_index import build_corpus_entities


def ent(
    eid: str, label: str, *names: str, kb_id: str | None = None, roles: int = 0
) -> dict[str, Any]:
    mentions = [{"text": n, "kind": "name"} for n in names]
    mentions += [{"text": "نقش", "kind": "role"}] * roles
    return {"id": eid, "label": label, "name": names[0], "kb_id": kb_id, "mentions": mentions}


def test_variants_merge_across_articles_with_counts() -> None:
    records = [
        {
            "id": "n1",
            "entities": [ent("E1", "PER", "سرگئی لاوروف", "لاوروف", roles=1)],
            "quotes": [{"speaker_entity": "E1"}, {"speaker_entity": "E1"}],
        },
        {"id": "n2", "entities": [ent("E1", "PER", "سرگئی لاوروو")], "quotes": []},
        {
            "id": "n3",
            "entities": [ent("E1", "PER", "لاوروف"), ent("E2", "LOC", "مسکو")],
            "quotes": [{"speaker_entity": "E2"}],
        },
    ]
    rows = build_corpus_entities(records)
    lavrov = next(r for r in rows if r["label"] == "PER")
    assert len([r for r in rows if r["label"] == "PER"]) == 1
    assert (lavrov["mentions"], lavrov["articles"], lavrov["quotations"]) == (5, 3, 2)
    assert lavrov["name"] in ("سرگئی لاوروف", "سرگئی لاوروو")
    moscow = next(r for r in rows if r["label"] == "LOC")
    assert moscow["quotations"] == 1 and moscow["entity_id"] == "LOC:مسکو"


def test_kb_ids_merge_aliases_that_share_no_letters() -> None:
    records = [
        {"id": "a", "entities": [ent("E1", "LOC", "آمریکا", kb_id="Q30")]},
        {"id": "b", "entities": [ent("E1", "LOC", "ایالات متحده", kb_id="Q30")]},
    ]
    rows = build_corpus_entities(records)
    assert len(rows) == 1 and rows[0]["entity_id"] == "Q30" and rows[0]["articles"] == 2


def test_ambiguous_family_name_stays_alone() -> None:
    records = [
        {"id": "a", "entities": [ent("E1", "PER", "علی کاظمی")]},
        {"id": "b", "entities": [ent("E1", "PER", "رضا کاظمی")]},
        {"id": "c", "entities": [ent("E1", "PER", "کاظمی")]},
    ]
    assert len(build_corpus_entities(records)) == 3


def test_same_name_different_label_stays_apart() -> None:
    records = [{"id": "a", "entities": [ent("E1", "LOC", "پارس"), ent("E2", "ORG", "پارس")]}]
    assert {r["label"] for r in build_corpus_entities(records)} == {"LOC", "ORG"}


def test_accepts_a_generator_and_rejects_bad_records() -> None:
    gen = ({"id": str(i), "entities": [ent("E1", "LOC", "تبریز")]} for i in range(3))
    assert build_corpus_entities(gen)[0]["articles"] == 3
    with pytest.raises(InputFormatError):
        build_corpus_entities([{"id": "x"}])
