"""The entity scoring used by benchmarks/entities.py."""

from __future__ import annotations

from typing import Any

from persnews.evaluation.entities import EntityScores, name_key, prf, score_document


def pred(label: str, *names: str, roles: tuple[str, ...] = ()) -> dict[str, Any]:
    ms = [{"text": n, "kind": "name"} for n in names] + [{"text": r, "kind": "role"} for r in roles]
    return {"label": label, "mentions": ms}


def gold(
    label: str, *aliases: str, optional: bool = False, roles: tuple[str, ...] = ()
) -> dict[str, Any]:
    return {
        "label": label,
        "aliases": list(aliases),
        "optional": optional,
        "role_mentions": list(roles),
    }


def test_found_needs_same_label_and_a_normalized_alias() -> None:
    s = score_document(
        [pred("PER", "دكتر بهرام كياني"), pred("ORG", "تبریز")],
        [gold("PER", "بهرام کیانی"), gold("LOC", "تبریز")],
    )
    assert s.found["PER"] == 1 and s.found["LOC"] == 0
    assert s.tp["PER"] == 1 and s.pred["ORG"] == 1 and s.tp["ORG"] == 0


def test_optional_gold_counts_neither_way() -> None:
    s = score_document([pred("LOC", "غرب")], [gold("LOC", "غرب", optional=True)])
    assert sum(s.gold.values()) == 0 and sum(s.pred.values()) == 0


def test_merging_counts_only_entities_with_two_found_aliases() -> None:
    g = [gold("PER", "یوری اوشاکف", "اوشاکوف"), gold("LOC", "آمریکا", "ایالات متحده")]
    split = [pred("PER", "یوری اوشاکف"), pred("PER", "اوشاکوف"), pred("LOC", "آمریکا")]
    s = score_document(split, g)
    assert (s.merged, s.merge_total) == (0, 1)
    assert s.tp["PER"] == 2  # splits are not false positives; merging measures them
    joined = score_document([pred("PER", "یوری اوشاکف", "اوشاکوف")], g)
    assert (joined.merged, joined.merge_total) == (1, 1)


def test_roles_and_sums() -> None:
    s = score_document(
        [pred("PER", "جن ساکی", roles=("سخنگوی کاخ سفید",))],
        [gold("PER", "جن ساکی", roles=("سخنگوی کاخ سفید", "این مقام"))],
    )
    total = EntityScores()
    total += s
    total += s
    assert (total.roles_found, total.roles_total) == (2, 4)
    assert total.label_prf("PER") == (100.0, 100.0, 100.0)


def test_prf_and_keys() -> None:
    assert prf(0, 0, 5) == (0.0, 0.0, 0.0)
    assert name_key("حزب‌الله") == name_key("حزب الله") == name_key("حزبالله")
