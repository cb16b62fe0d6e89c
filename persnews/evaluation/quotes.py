"""Scoring quotation extraction against gold annotations.

Gold files use the format of ``../shared/seed/expected.json``: spans are ``{"text",
"occ"}`` (the occ-th occurrence of that substring) with optional resolved ``start`` /
``end``. Predicted quotes are the dicts of :func:`persnews.extract.quotes.find_quotes` /
the article record.

Matching is one-to-one and greedy by the Dice overlap of the content characters (after
trimming whitespace, punctuation and quotation marks at the span edges). Gold quotes
marked ``optional`` count neither way: a prediction matched to one is neither a true nor
a false positive. Speakers are judged on matched required quotes: a gold speaker entity
is found when the predicted speaker's strings (the entity's mentions when the prediction
names an entity, else the antecedent or the overt speaker text) equal one of the gold
entity's aliases or role mentions; an anonymous/group gold speaker is found when the
predicted speaker mention overlaps the gold mention (or its antecedent) and names no
gold entity.

>>> dice((0, 10), (5, 10))
0.6666666666666666
>>> prf(8, 10, 16)
(0.8, 0.5, 0.6153846153846154)
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from persnews.errors import InputFormatError
from persnews.evaluation.spans import dice, prf, resolve_span, trim_span
from persnews.evaluation.speakers import speaker_correct

__all__ = [
    "SPEAKER_TYPES",
    "THRESHOLDS",
    "GoldArticle",
    "QuoteScores",
    "dice",
    "load_gold",
    "match_quotes",
    "prf",
    "resolve_span",
    "score_article",
    "score_attributions",
    "speaker_correct",
    "trim_span",
]

#: Gold speaker types, in the order reported.
SPEAKER_TYPES: tuple[str, ...] = (
    "named",
    "pronoun",
    "role",
    "anonymous",
    "organization",
    "group",
    "none",
)
#: Dice thresholds reported, plus exact boundaries (``"exact"``).
THRESHOLDS: tuple[float, ...] = (0.3, 0.5, 0.8)


@dataclass(slots=True)
class GoldArticle:
    """A gold-annotated article: text, quotes (resolved), entities and attributions."""

    text: str
    quotes: list[dict[str, Any]]
    entities: dict[str, dict[str, Any]]
    attributions: list[dict[str, Any]]


def load_gold(gold_path: Path, text_path: Path | None = None) -> GoldArticle:
    """Read a gold JSON file and its text; resolve every span to offsets."""
    try:
        gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise InputFormatError(f"cannot read gold file {gold_path}: {err}") from err
    if text_path is None:
        text_path = Path(gold_path).with_name(gold.get("file") or "article.txt")
    text = Path(text_path).read_text(encoding="utf-8")
    quotes = []
    for q in gold.get("quotes", []):
        r = dict(q)
        for name in ("content", "cue", "speaker_mention", "speaker_antecedent"):
            r[name + "_span"] = resolve_span(text, q.get(name))
        quotes.append(r)
    attributions = []
    for a in gold.get("attributions", []):
        attributions.append(
            {
                "source": resolve_span(text, a.get("source")),
                "via": [resolve_span(text, v) for v in a.get("via", [])],
                "optional": bool(a.get("optional")),
            }
        )
    entities = {e["id"]: e for e in gold.get("entities", [])}
    return GoldArticle(text, quotes, entities, attributions)


def match_quotes(
    text: str,
    pred: Sequence[tuple[int, int]],
    gold: Sequence[tuple[int, int]],
    threshold: float,
    *,
    pred_kinds: Sequence[str] | None = None,
    gold_kinds: Sequence[str] | None = None,
) -> list[tuple[int, int, float]]:
    """Greedy one-to-one matching ``(pred index, gold index, dice)`` with dice >= threshold.

    ``threshold`` 1.0 means exact boundaries after trimming. At equal overlap a pair of
    the same kind wins (an outlet's ``نوشت`` quote and the ``به نقل از`` quote it relays
    can share their content).
    """
    tp = [trim_span(text, s) for s in pred]
    tg = [trim_span(text, s) for s in gold]
    pairs = []
    for i, a in enumerate(tp):
        for j, b in enumerate(tg):
            d = 1.0 if a == b else dice(a, b)
            if d >= threshold and d > 0:
                same = pred_kinds is None or gold_kinds is None or pred_kinds[i] == gold_kinds[j]
                pairs.append((d, not same, i, j))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2], x[3]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for d, _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j, d))
    return out


@dataclass(slots=True)
class QuoteScores:
    """Counts summed over articles; see :meth:`table` for the derived numbers."""

    n_pred: Counter[str] = field(default_factory=Counter)  # per threshold name
    n_gold: int = 0
    tp: Counter[str] = field(default_factory=Counter)
    cue_ok: int = 0
    cue_n: int = 0
    speaker_ok: Counter[str] = field(default_factory=Counter)  # per gold speaker type
    speaker_n: Counter[str] = field(default_factory=Counter)
    attributed_tp: int = 0
    relay_tp_pred: int = 0
    relay_tp_gold: int = 0
    relay_pred: int = 0
    relay_gold: int = 0

    def add(self, other: QuoteScores) -> None:
        """Add another article's counts."""
        self.n_pred.update(other.n_pred)
        self.tp.update(other.tp)
        self.speaker_ok.update(other.speaker_ok)
        self.speaker_n.update(other.speaker_n)
        self.n_gold += other.n_gold
        self.cue_ok += other.cue_ok
        self.cue_n += other.cue_n
        self.attributed_tp += other.attributed_tp
        self.relay_tp_pred += other.relay_tp_pred
        self.relay_tp_gold += other.relay_tp_gold
        self.relay_pred += other.relay_pred
        self.relay_gold += other.relay_gold

    def quote_prf(self, name: str) -> tuple[float, float, float]:
        """P/R/F1 at a threshold name (``"0.5"``, ``"exact"``, ...)."""
        return prf(self.tp[name], self.n_pred[name], self.n_gold)

    def speaker_accuracy(self, kind: str | None = None) -> float:
        """Share of matched required quotes with the right speaker (optionally per type)."""
        if kind is None:
            n = sum(self.speaker_n.values())
            return sum(self.speaker_ok.values()) / n if n else 0.0
        return self.speaker_ok[kind] / self.speaker_n[kind] if self.speaker_n[kind] else 0.0

    def attributed_prf(self) -> tuple[float, float, float]:
        """P/R/F1 of quotes whose content matches (Dice >= 0.5) and whose speaker is right."""
        return prf(self.attributed_tp, self.n_pred["0.5"], self.n_gold)

    def relay_prf(self) -> tuple[float, float, float]:
        """P/R/F1 of relay attribution spans (sources and via outlets)."""
        p = self.relay_tp_pred / self.relay_pred if self.relay_pred else 0.0
        r = self.relay_tp_gold / self.relay_gold if self.relay_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def table(self) -> list[tuple[str, float | None]]:
        """The reported numbers as ``(name, value)`` rows, percentages (None: no items)."""
        rows: list[tuple[str, float | None]] = []
        for name in [*(str(t) for t in THRESHOLDS), "exact"]:
            p, r, f = self.quote_prf(name)
            rows += [(f"quote P @{name}", p), (f"quote R @{name}", r), (f"quote F1 @{name}", f)]
        rows.append(("cue accuracy", self.cue_ok / self.cue_n if self.cue_n else 0.0))
        rows.append(("speaker accuracy", self.speaker_accuracy()))
        for kind in SPEAKER_TYPES:
            n = self.speaker_n[kind]
            rows.append((f"speaker accuracy: {kind}", self.speaker_accuracy(kind) if n else None))
        p, r, f = self.attributed_prf()
        rows += [("attributed P", p), ("attributed R", r), ("attributed F1", f)]
        p, r, f = self.relay_prf()
        rows += [("relay P", p), ("relay R", r), ("relay F1", f)]
        return [(n, None if v is None else 100 * v) for n, v in rows]


def _spans_of(item: Mapping[str, Any]) -> list[tuple[int, int]]:
    out = []
    src = item.get("source")
    if src is not None:
        out.append((src["start"], src["end"]) if isinstance(src, Mapping) else tuple(src))
    for v in item.get("via", []):
        if v is not None:
            out.append((v["start"], v["end"]) if isinstance(v, Mapping) else tuple(v))
    return out


def score_attributions(
    pred: Iterable[Mapping[str, Any]], gold: Iterable[Mapping[str, Any]]
) -> tuple[int, int, int, int]:
    """``(true predicted, predicted, found gold, gold)`` relay spans, matched by overlap.

    Spans of optional gold attributions are neither required nor penalized.
    """
    pspans = [s for a in pred for s in _spans_of(a)]
    required: list[tuple[int, int]] = []
    optional: list[tuple[int, int]] = []
    for a in gold:
        (optional if a.get("optional") else required).extend(_spans_of(a))
    ok_pred = sum(1 for p in pspans if any(dice(p, g) > 0 for g in required))
    ignored = sum(
        1
        for p in pspans
        if not any(dice(p, g) > 0 for g in required) and any(dice(p, g) > 0 for g in optional)
    )
    found = sum(1 for g in required if any(dice(p, g) > 0 for p in pspans))
    return ok_pred, len(pspans) - ignored, found, len(required)


def score_article(
    gold: GoldArticle,
    pred_quotes: Sequence[Mapping[str, Any]],
    *,
    pred_entities: Sequence[Mapping[str, Any]] = (),
    pred_attributions: Sequence[Mapping[str, Any]] | None = None,
) -> QuoteScores:
    """Counts for one article."""
    text = gold.text
    scores = QuoteScores()
    gspans = [q["content_span"] for q in gold.quotes]
    optional = [bool(q.get("optional")) for q in gold.quotes]
    pspans = [(q["content"]["start"], q["content"]["end"]) for q in pred_quotes]
    scores.n_gold = sum(1 for o in optional if not o)
    pkinds = [str(q.get("kind")) for q in pred_quotes]
    gkinds = [str(q.get("kind")) for q in gold.quotes]
    ents = {e["id"]: e for e in pred_entities}
    for t in [*THRESHOLDS, 1.0]:
        name = "exact" if t == 1.0 else str(t)
        pairs = match_quotes(text, pspans, gspans, t, pred_kinds=pkinds, gold_kinds=gkinds)
        to_optional = sum(1 for _, j, _ in pairs if optional[j])
        scores.n_pred[name] = len(pspans) - to_optional
        scores.tp[name] = sum(1 for _, j, _ in pairs if not optional[j])
        if t != 0.5:
            continue
        for i, j, _ in pairs:
            if optional[j]:
                continue
            g = gold.quotes[j]
            p = pred_quotes[i]
            if g.get("cue_span"):
                scores.cue_ok += dice((p["cue"]["start"], p["cue"]["end"]), g["cue_span"]) > 0
                scores.cue_n += 1
            kind = str(g.get("speaker_type", "none"))
            ok = speaker_correct(p, g, gold.entities, ents, text)
            scores.speaker_n[kind] += 1
            scores.speaker_ok[kind] += ok
            scores.attributed_tp += ok
    if pred_attributions is not None:
        tpp, npred, tpg, ngold = score_attributions(pred_attributions, gold.attributions)
        scores.relay_tp_pred, scores.relay_pred = tpp, npred
        scores.relay_tp_gold, scores.relay_gold = tpg, ngold
    return scores
