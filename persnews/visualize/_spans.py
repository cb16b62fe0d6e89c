"""Quotes drawn with displaCy's span renderer, on tokens cut at every span boundary.

Each quotation's content, cue and overt speaker becomes a span; displaCy's span renderer
assigns every span a vertical slot, so a nested quotation gets its own bar below its parent's.
Entity mentions (style ``"both"``) are drawn as coloured marks on the same tokens.

>>> spans = quote_spans({"text": "او گفت: نه.", "entities": [], "quotes": [
...     {"id": "q1", "kind": "direct", "content": {"start": 8, "end": 11, "text": "نه."},
...      "cue": {"start": 3, "end": 6, "text": "گفت"}, "speaker": None,
...      "speaker_entity": None, "parent": None}]})
>>> [(s["kind"], s["start"], s["end"]) for s in spans]
[('quote', 8, 11), ('cue', 3, 6)]
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from spacy.displacy.render import SpanRenderer

from persnews.visualize._markup import (
    CUE_COLOR,
    KIND_NAMES,
    QUOTE_COLORS,
    QUOTE_TINTS,
    SPEAKER_COLOR,
    label_color,
    persian_digits,
)
from persnews.visualize._records import entity_names, speaker_name

__all__ = ["entity_display", "mentions", "quote_spans", "render_spans"]


def mentions(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Non-overlapping entity mentions (longer first on ties), each with its entity."""
    found: list[dict[str, Any]] = []
    for ent in record.get("entities") or []:
        for m in ent.get("mentions") or []:
            if int(m["end"]) > int(m["start"]):
                found.append({**m, "entity": ent})
    found.sort(key=lambda m: (int(m["start"]), -int(m["end"])))
    kept: list[dict[str, Any]] = []
    last_end = -1
    for m in found:
        if int(m["start"]) >= last_end:
            kept.append(m)
            last_end = int(m["end"])
    return kept


def entity_display(mention: Mapping[str, Any]) -> tuple[str, str]:
    """Tag text and tooltip of a mention: the label, plus the entity's name for pronouns."""
    ent = mention["entity"]
    label = str(ent.get("label", ""))
    name = str(ent.get("name") or "")
    display = label if not name or mention["text"] == name else f"{label} · {name}"
    tooltip = f"{label} {ent.get('id')}: {name} ({mention.get('kind', 'name')})"
    return display, tooltip


# --- quotes: displaCy's span renderer on tokens cut at every span boundary -------------------


def quote_spans(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Bars to draw: each quote's content, cue and speaker, labelled for readers."""
    names = entity_names(record)
    quotes = list(record.get("quotes") or [])
    number = {str(q.get("id")): i + 1 for i, q in enumerate(quotes)}
    spans: list[dict[str, Any]] = []
    for q in quotes:
        qid = str(q.get("id"))
        n = persian_digits(number[qid])
        kind = str(q.get("kind", "direct"))
        who = speaker_name(q, names) or "گوینده نامعلوم"
        parent = q.get("parent")
        where = f" درون {persian_digits(number[str(parent)])}" if parent in number else ""
        content = q.get("content") or {}
        spans.append(
            {
                "start": int(content.get("start", 0)),
                "end": int(content.get("end", 0)),
                "kind": "quote",
                "uid": qid,
                "label": f"نقل‌قول {n}{where} · {KIND_NAMES.get(kind, kind)} · {who}",
                "color": QUOTE_COLORS.get(kind, "#555555"),
                "tooltip": f"{qid} ({kind}), speaker: {who}, parent: {parent}, "
                f"confidence: {q.get('confidence')}",
            }
        )
        for part, color, name in (("cue", CUE_COLOR, "فعل"), ("speaker", SPEAKER_COLOR, "گوینده")):
            span = q.get(part)
            if isinstance(span, Mapping) and int(span.get("end", 0)) > int(span.get("start", 0)):
                spans.append(
                    {
                        "start": int(span["start"]),
                        "end": int(span["end"]),
                        "kind": part,
                        "uid": f"{qid}:{part}",
                        "label": f"{name} {n}",
                        "color": color,
                        "tooltip": f"{part} of {qid}: {span.get('text', '')}",
                    }
                )
    return [s for s in spans if s["end"] > s["start"]]


def _tokens(text: str, boundaries: set[int]) -> list[tuple[int, int]]:
    """Non-space pieces of ``text``, also cut at every offset in ``boundaries``."""
    pieces: list[tuple[int, int]] = []
    for match in re.finditer(r"\S+", text):
        start, end = match.span()
        cuts = sorted(b for b in boundaries if start < b < end)
        for a, b in zip([start, *cuts], [*cuts, end], strict=True):
            pieces.append((a, b))
    return pieces


def _merge_mentions(
    tokens: list[tuple[int, int]],
    mentions: Sequence[Mapping[str, Any]],
    spans: Sequence[Mapping[str, Any]],
) -> list[tuple[int, int]]:
    """Join the words of a multi-word mention into one token (one mark, one tag)."""
    if not mentions:
        return tokens
    cuts = {s["start"] for s in spans} | {s["end"] for s in spans}
    ranges = [(int(m["start"]), int(m["end"])) for m in mentions]
    merged = [tokens[0]] if tokens else []
    for tok in tokens[1:]:
        prev = merged[-1]
        same = any(a <= prev[0] and tok[1] <= b for a, b in ranges)
        if same and not any(prev[1] <= c <= tok[0] for c in cuts):
            merged[-1] = (prev[0], tok[1])
        else:
            merged.append(tok)
    return merged


def _token_range(tokens: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    first = next((i for i, t in enumerate(tokens) if t[1] > start), len(tokens))
    last = first
    while last < len(tokens) and tokens[last][0] < end:
        last += 1
    return first, last


class _PersnewsSpanRenderer(SpanRenderer):
    """displaCy's span renderer with ``pn-*`` classes, tinted quotes and paragraph breaks."""

    def render_article(
        self,
        text: str,
        tokens: Sequence[tuple[int, int]],
        spans: list[dict[str, Any]],
        entity_of: Mapping[int, tuple[dict[str, Any], bool]],
    ) -> str:
        texts = [text[a:b] for a, b in tokens]
        # displaCy assigns each span a vertical slot (stacking nested and overlapping spans).
        per_token = self._assemble_per_token_info(texts, spans)
        order = sorted(
            spans,
            key=lambda s: (s["start_token"], -(s["end_token"] - s["start_token"]), s["label"]),
        )
        out: list[str] = []
        for idx, info in enumerate(per_token):
            active = [s for s in order if s["start_token"] <= idx < s["end_token"]]
            pairs = zip(active, info["entities"], strict=True)
            slots = [(s, e["render_slot"], e["is_start"]) for s, e in pairs]
            depth = sum(1 for s in active if s["kind"] == "quote")
            out.append(self._token(texts[idx], slots, entity_of.get(idx), depth))
            if idx + 1 < len(tokens):
                out.append(
                    _separator(text[tokens[idx][1] : tokens[idx + 1][0]], depth, active, idx + 1)
                )
        return "".join(out)

    def _token(
        self,
        token_text: str,
        slots: list[tuple[dict[str, Any], int, bool]],
        entity: tuple[dict[str, Any], bool] | None,
        depth: int,
    ) -> str:
        inner = escape(token_text)
        if entity is not None:
            mention, is_first = entity
            display, tooltip = entity_display(mention)
            tag = (
                f'<span class="pn-tag" style="font-size: 0.65em; font-weight: bold; '
                f'margin-right: 0.3em">{escape(display)}</span>'
                if is_first
                else ""
            )
            inner = (
                f'<mark class="pn-ent" data-pn-id="{escape(mention["_uid"])}" '
                f'data-pn-entity="{escape(str(mention["entity"].get("id")))}" '
                f'title="{escape(tooltip)}" style="background: '
                f"{label_color(str(mention['entity'].get('label', '')))}; padding: 0.1em 0.2em; "
                f'border-radius: 0.3em">{inner}{tag}</mark>'
            )
        if not slots and depth == 0:
            return inner
        if depth:
            tint = QUOTE_TINTS[min(depth, len(QUOTE_TINTS)) - 1]
            inner = f'<span class="pn-qtext" style="background: {tint}">{inner}</span>'
        height = self.top_offset + self.span_label_offset + self.offset_step * (len(slots) - 1)
        bars = []
        labels = []
        for span, slot, is_start in sorted(slots, key=lambda t: t[1]):
            top = self.top_offset + self.offset_step * (slot - 1)
            bars.append(
                f'<span class="pn-bar pn-{span["kind"]}" data-pn-id="{escape(span["uid"])}" '
                f'style="background: {span["color"]}; top: {top}px; height: 3px; left: -1px; '
                f'width: calc(100% + 2px); position: absolute"></span>'
            )
            if is_start:
                labels.append(
                    f'<span class="pn-label pn-{span["kind"]}" data-pn-id="{escape(span["uid"])}" '
                    f'title="{escape(span["tooltip"])}" style="background: {span["color"]}; '
                    f"color: #fff; top: {top - 7}px; right: 0; position: absolute; "
                    f"font-size: 0.6em; font-weight: bold; line-height: 1; padding: 2px 4px; "
                    f'border-radius: 3px; white-space: nowrap; z-index: 10">'
                    f"{escape(span['label'])}</span>"
                )
        return (
            f'<span class="pn-token" style="display: inline-block; position: relative; '
            f'height: {height}px">{inner}{"".join(bars)}'
            f"{''.join(labels)}</span>"
        )


def _separator(gap: str, depth: int, active: list[dict[str, Any]], next_idx: int) -> str:
    """What goes between two tokens: nothing, a (tinted) space, or line breaks."""
    if not gap:
        return ""
    newlines = gap.count("\n")
    if newlines:
        return "<br>"
    inside = any(s["kind"] == "quote" and s["end_token"] > next_idx for s in active)
    if depth and inside:
        tint = QUOTE_TINTS[min(depth, len(QUOTE_TINTS)) - 1]
        return f'<span class="pn-gap" style="background: {tint}"> </span>'
    return " "


def render_spans(record: Mapping[str, Any], direction: str, *, with_entities: bool) -> str:
    text: str = record["text"]
    spans = quote_spans(record)
    marks = mentions(record) if with_entities else []
    boundaries = {s["start"] for s in spans} | {s["end"] for s in spans}
    boundaries |= {int(m["start"]) for m in marks} | {int(m["end"]) for m in marks}
    tokens = _merge_mentions(_tokens(text, boundaries), marks, spans)
    for span in spans:
        span["start_token"], span["end_token"] = _token_range(tokens, span["start"], span["end"])
    spans = [s for s in spans if s["end_token"] > s["start_token"]]
    entity_of: dict[int, tuple[dict[str, Any], bool]] = {}
    for i, m in enumerate(marks):
        m["_uid"] = f"m{i + 1}"
        first, last = _token_range(tokens, int(m["start"]), int(m["end"]))
        for idx in range(first, last):
            entity_of[idx] = (m, idx == first)
    renderer = _PersnewsSpanRenderer(options={"top_offset": 34, "top_offset_step": 16})
    renderer.direction = direction
    markup = renderer.render_article(text, tokens, spans, entity_of)
    return f'<div class="spans" style="line-height: 2.6; direction: {direction}">{markup}</div>'
