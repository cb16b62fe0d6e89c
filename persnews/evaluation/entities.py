"""Scoring document-level entities against gold entity lists.

A gold entity (``{"label", "aliases", "optional"?, "role_mentions"?}``) is *found* when a
predicted entity of the same label has a name mention equal to one of its aliases after
normalization (:func:`name_key`: match form, titles stripped, spaces and ZWNJ removed).
A predicted entity is a true positive when it finds some required gold entity, is
ignored when it only finds optional ones, and is a false positive otherwise (several
predicted entities finding one gold entity all count as true positives: splitting is
measured by *merging*). *Merging* is the share of gold entities with at least two distinct
aliases found whose found aliases all lie in one predicted entity. *Roles* is the share
of gold role mentions that appear as a role mention of a predicted entity finding that
gold entity.

>>> gold = [{"label": "PER", "aliases": ["یوری اوشاکف", "اوشاکوف"],
...          "role_mentions": ["معاون پوتین"]}]
>>> pred = [{"label": "PER", "mentions": [
...     {"text": "یوری اوشاکف", "kind": "name"}, {"text": "اوشاکوف", "kind": "name"},
...     {"text": "معاون پوتین", "kind": "role"}]}]
>>> s = score_document(pred, gold)
>>> s.found["PER"], s.merged, s.merge_total, s.roles_found
(1, 1, 1, 1)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from persnews.extract.names import name_tokens

__all__ = ["EntityScores", "name_key", "prf", "score_document"]

LABELS = ("PER", "ORG", "LOC")


def name_key(text: str) -> str:
    """The normalized form names are compared in.

    >>> name_key("سردار  قاسم سلیمانی") == name_key("قاسم‌سلیمانی")
    True
    """
    return "".join(name_tokens(text))


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 in percent (0 when undefined).

    >>> prf(9, 10, 12)
    (90.0, 75.0, 81.8)
    """
    p = 100.0 * tp / n_pred if n_pred else 0.0
    r = 100.0 * tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 1), round(r, 1), round(f, 1)


@dataclass
class EntityScores:
    """Counts summed over documents; :meth:`table` gives percentages per label."""

    gold: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    pred: Counter[str] = field(default_factory=Counter)
    tp: Counter[str] = field(default_factory=Counter)
    merged: int = 0
    merge_total: int = 0
    roles_found: int = 0
    roles_total: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    splits: list[str] = field(default_factory=list)

    def __iadd__(self, other: EntityScores) -> EntityScores:
        for name in ("gold", "found", "pred", "tp"):
            getattr(self, name).update(getattr(other, name))
        self.merged += other.merged
        self.merge_total += other.merge_total
        self.roles_found += other.roles_found
        self.roles_total += other.roles_total
        self.misses += other.misses
        self.false_positives += other.false_positives
        self.splits += other.splits
        return self

    def label_prf(self, label: str | None = None) -> tuple[float, float, float]:
        """Precision, recall, F1 for one label (all labels when None)."""
        labels = LABELS if label is None else (label,)
        tp = sum(self.tp[lb] for lb in labels)
        pred = sum(self.pred[lb] for lb in labels)
        found = sum(self.found[lb] for lb in labels)
        gold = sum(self.gold[lb] for lb in labels)
        p = 100.0 * tp / pred if pred else 0.0
        r = 100.0 * found / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return round(p, 1), round(r, 1), round(f, 1)

    @property
    def merging(self) -> float:
        """Variant merging in percent."""
        return round(100.0 * self.merged / self.merge_total, 1) if self.merge_total else 0.0

    @property
    def roles(self) -> float:
        """Role-mention attachment in percent."""
        return round(100.0 * self.roles_found / self.roles_total, 1) if self.roles_total else 0.0


def _keys(entity: Mapping[str, Any], kind: str) -> set[str]:
    return {name_key(m["text"]) for m in entity.get("mentions", ()) if m.get("kind") == kind} - {""}


def score_document(
    predicted: Sequence[Mapping[str, Any]], gold: Iterable[Mapping[str, Any]], *, name: str = ""
) -> EntityScores:
    """Score one document's predicted entities (``doc._.pn_entities``) against its gold list."""
    s = EntityScores()
    pred = [(e["label"], _keys(e, "name"), _keys(e, "role")) for e in predicted]
    pred = [p for p in pred if p[0] in LABELS and p[1]]
    required_hit = [False] * len(pred)
    optional_hit = [False] * len(pred)
    for g in gold:
        label = g["label"]
        if label not in LABELS:
            continue
        aliases = {name_key(a) for a in g.get("aliases", ())} - {""}
        hits = [i for i, (lb, keys, _r) in enumerate(pred) if lb == label and keys & aliases]
        if g.get("optional"):
            for i in hits:
                optional_hit[i] = True
            continue
        s.gold[label] += 1
        for i in hits:
            required_hit[i] = True
        if hits:
            s.found[label] += 1
        else:
            s.misses.append(f"{name}\t{label}\t{' | '.join(g.get('aliases', ()))}")
        found_aliases = aliases & set().union(*(pred[i][1] for i in hits)) if hits else set()
        if len(found_aliases) >= 2:
            s.merge_total += 1
            if any(found_aliases <= pred[i][1] for i in hits):
                s.merged += 1
            else:
                s.splits.append(f"{name}\t{label}\t{' | '.join(sorted(found_aliases))}")
        roles = {name_key(r) for r in g.get("role_mentions", ())} - {""}
        s.roles_total += len(roles)
        if hits:
            s.roles_found += len(roles & set().union(*(pred[i][2] for i in hits)))
    for i, (label, keys, _r) in enumerate(pred):
        if required_hit[i]:
            s.pred[label] += 1
            s.tp[label] += 1
        elif not optional_hit[i]:
            s.pred[label] += 1
            s.false_positives.append(f"{name}\t{label}\t{' | '.join(sorted(keys))}")
    return s
