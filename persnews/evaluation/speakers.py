"""Is a predicted quotation's speaker the gold speaker?  (quotation scoring, see ``quotes``)

A gold speaker entity is found when the predicted speaker's strings (the entity's mentions
when the prediction names an entity, else the antecedent or the overt speaker text) equal
one of the gold entity's aliases or role mentions, titles aside; an anonymous/group gold
speaker is found when the predicted speaker mention overlaps the gold mention (or its
antecedent) and names no gold entity.

>>> gold_entities = {"e1": {"canonical": "ولادیمیر پوتین", "aliases": ["پوتین"]}}
>>> pred = {"speaker": {"text": "پوتین", "start": 0, "end": 5}}
>>> speaker_correct(pred, {"speaker": "e1"}, gold_entities, {})
True
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from persnews.evaluation.spans import dice
from persnews.extract.quote_text import key
from persnews.lang.titles import HONORIFICS

__all__ = ["speaker_correct"]

_TITLES = frozenset(key(h) for h in HONORIFICS)


def _norm(s: str) -> str:
    return key(s).replace(" ،", "،").strip(" ،,.")


def _strip_titles(text: str) -> str:
    words = text.split()
    while len(words) > 1 and words[0] in _TITLES:
        words = words[1:]
    return " ".join(words)


def _matches_alias(cand: str, alias: str) -> bool:
    c, a = _strip_titles(_norm(cand)), _strip_titles(_norm(alias))
    if not c or not a:
        return False
    if c == a or c.startswith(a + " ") or c.startswith(a + "،") or a.endswith(" " + c):
        return True
    return len(c.split()) >= 3 and (a.startswith(c + " ") or a.startswith(c + "،"))


def _pred_strings(q: Mapping[str, Any], entities: Mapping[str, Mapping[str, Any]]) -> list[str]:
    ent = entities.get(q.get("speaker_entity") or "")
    if ent is not None:
        names = [str(ent.get("name", ""))]
        names += [m["text"] for m in ent.get("mentions", []) if m.get("kind") != "pronoun"]
        return [n for n in names if n]
    for name in ("speaker_antecedent", "speaker"):
        if q.get(name):
            return [q[name]["text"]]
    return []


def _pred_spans(q: Mapping[str, Any]) -> list[tuple[int, int]]:
    return [(q[n]["start"], q[n]["end"]) for n in ("speaker_antecedent", "speaker") if q.get(n)]


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    out = []
    pos = text.find(needle)
    while pos >= 0 and needle:
        out.append((pos, pos + len(needle)))
        pos = text.find(needle, pos + 1)
    return out


def speaker_correct(
    pred: Mapping[str, Any],
    gold: Mapping[str, Any],
    gold_entities: Mapping[str, Mapping[str, Any]],
    pred_entities: Mapping[str, Mapping[str, Any]],
    text: str | None = None,
) -> bool:
    """Whether a predicted quote names the gold quote's speaker (see the module doc).

    With ``text``, a predicted entity also counts as the gold speaker when one of its
    name mentions overlaps an occurrence of a gold alias (an entity whose canonical name
    came out truncated is still the right person).
    """
    strings = _pred_strings(pred, pred_entities)
    gid = gold.get("speaker")
    if gid:
        ent = gold_entities.get(gid, {})
        aliases = list(ent.get("aliases", [])) + list(ent.get("role_mentions", []))
        aliases.append(ent.get("canonical", ""))
        if any(_matches_alias(s, a) for s in strings for a in aliases if a):
            return True
        pent = pred_entities.get(pred.get("speaker_entity") or "")
        if text is None or pent is None:
            return False
        spans = [
            (m["start"], m["end"]) for m in pent.get("mentions", []) if m.get("kind") == "name"
        ]
        return any(
            dice(m, occ) > 0 for a in aliases if a for occ in _occurrences(text, a) for m in spans
        )
    for ent in gold_entities.values():
        names = [*ent.get("aliases", []), ent.get("canonical", "")]
        if any(_matches_alias(s, a) for s in strings for a in names if a):
            return False
    targets = [
        s for s in (gold.get("speaker_mention_span"), gold.get("speaker_antecedent_span")) if s
    ]
    if not targets:
        return not strings
    return any(dice(p, t) > 0 for p in _pred_spans(pred) for t in targets)
