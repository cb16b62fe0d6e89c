"""Role, apposition, anaphora and pronoun attachment over document entity clusters.

The internal half of :mod:`persnews.extract.entities`: :class:`Cluster` is a document
entity under construction; :func:`attach_roles` walks the article once, in text order, and
adds role and pronoun mentions with the rules of :mod:`persnews.extract.coref`;
:func:`antecedent` picks the most recent person in subject position.

>>> c = Cluster("PER")
>>> antecedent([(0, c, True)], [], 50) is c, antecedent([(0, c, True)], [10], 50) is None
(True, True)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from persnews.extract.coref import (
    Word,
    anonymous_speakers,
    is_anaphoric,
    is_pronoun,
    is_sentence_break,
    role_phrase,
    role_tokens,
    roles_compatible,
    speech_verb_follows,
)

__all__ = ["Cluster", "antecedent", "attach_roles"]


class Cluster:
    """A document entity under construction: label, names, groups, roles, mentions."""

    __slots__ = ("groups", "kb_id", "label", "mentions", "names", "roles")

    def __init__(self, label: str) -> None:
        self.label = label
        self.names: list[list[str]] = []
        self.groups: set[str] = set()
        self.roles: list[tuple[str, ...]] = []
        self.mentions: list[dict[str, Any]] = []
        self.kb_id: str | None = None


def _mention_at(index: list[tuple[int, int, Cluster, str]], s: int, e: int) -> Cluster | None:
    for ms, me, ent, _kind in index:
        if ms < e and s < me:
            return ent
    return None


def attach_roles(text: str, ws: list[Word], entities: list[Cluster]) -> None:
    """Appositions, pre-nominal roles, role anaphora and pronouns, in text order."""
    names = sorted(
        ((m["start"], m["end"], ent, "name") for ent in entities for m in ent.mentions),
        key=lambda x: x[0],
    )
    anon = anonymous_speakers(ws)
    history: list[tuple[int, Cluster, bool]] = []  # (offset, PER entity, subject position)
    inside_role: list[tuple[int, int]] = []
    pending: list[tuple[Word, Word]] = []  # role phrases with no antecedent (yet)
    sentence_first = True
    i = 0
    while i < len(ws):
        w = ws[i]
        if is_sentence_break(w):
            sentence_first = True
            i += 1
            continue
        ent = _mention_at(names, w.start, w.end)
        if ent is not None and not any(s <= w.start < e for s, e in inside_role):
            j = i
            while j + 1 < len(ws) and _mention_at(names, ws[j + 1].start, ws[j + 1].end) is ent:
                j += 1
            if ent.label == "PER":
                subject = sentence_first or speech_verb_follows(ws, j + 1)
                history.append((w.start, ent, subject))
                k = j + 1  # apposition: "X، ROLE", "X ROLE", "«X» ROLE"
                while k < len(ws) and ws[k].form in _CLOSERS:
                    k += 1
                if k < len(ws) and ws[k].form in ("،", ","):
                    k += 1
                n = _capped_role(ws, k, names) if k < len(ws) else 0
                if n:
                    _add_role(text, ent, ws[k], ws[k + n - 1], inside_role)
                    j = k + n - 1
            sentence_first = False
            i = j + 1
            continue
        n = _capped_role(ws, i, names)
        anaphoric = is_anaphoric(ws, i)
        if n or anaphoric:
            k = i + (1 if anaphoric else 0)
            n = max(n, _capped_role(ws, k, names) + k - i, 2 if anaphoric else 0)
            span_end = ws[i + n - 1]
            nxt = _mention_at(names, ws[i + n].start, ws[i + n].end) if i + n < len(ws) else None
            target: Cluster | None = None
            if nxt is not None and nxt.label == "PER" and not anaphoric:
                target = nxt  # pre-nominal role: "سخنگوی وزارت خارجه بهرام کیانی"
            else:
                rtoks = role_tokens(text[w.start : span_end.end])
                target = _role_antecedent(rtoks, history, anaphoric, anon, w.start)
            if target is not None:
                _add_role(text, target, w, span_end, inside_role)
                if nxt is not target:
                    history.append(
                        (w.start, target, sentence_first or speech_verb_follows(ws, i + n))
                    )
            else:
                inside_role.append((w.start, span_end.end))
                if not anaphoric:
                    pending.append((w, span_end))
            sentence_first = False
            i += n
            continue
        if is_pronoun(w):
            target = antecedent(history, anon, w.start)
            if target is not None:
                target.mentions.append(
                    {"start": w.start, "end": w.end, "text": w.text, "kind": "pronoun"}
                )
                history.append((w.start, target, sentence_first or speech_verb_follows(ws, i + 1)))
        if w.form not in ("،", ","):
            sentence_first = False
        i += 1
    # A role phrase before the apposition that introduces it ("مدیر فنی مرکز بهداشت قزوین" in
    # the headline, "کامران نیکو، مدیر فنی مرکز بهداشت استان قزوین" in the body): attach it
    # when exactly one person holds a compatible role.
    for first, last in pending:
        rtoks = role_tokens(text[first.start : last.end])
        holders = [
            e
            for e in entities
            if e.label == "PER" and any(roles_compatible(rtoks, r) for r in e.roles)
        ]
        if len(holders) == 1:
            _add_role(text, holders[0], first, last, inside_role)


_CLOSERS = frozenset({"»", '"', ")", "”"})


def _capped_role(ws: list[Word], i: int, names: list[tuple[int, int, Cluster, str]]) -> int:
    """:func:`role_phrase` at ``ws[i]``, cut before a person's name that is not the head's
    own complement (``رئیس جمهور آمریکا دونالد ترامپ`` ends before ``دونالد``, but
    ``معاون پوتین`` keeps ``پوتین``)."""
    n = role_phrase(ws, i)
    for k in range(i + 2, i + n):
        ent = _mention_at(names, ws[k].start, ws[k].end)
        if (
            ent is not None
            and ent.label == "PER"
            and _mention_at(names, ws[k - 1].start, ws[k - 1].end) is not ent
        ):
            return k - i
    return n


def _add_role(
    text: str, ent: Cluster, first: Word, last: Word, inside: list[tuple[int, int]]
) -> None:
    s, e = first.start, last.end
    ent.mentions.append({"start": s, "end": e, "text": text[s:e], "kind": "role"})
    toks = role_tokens(text[s:e])
    if toks and toks not in ent.roles:
        ent.roles.append(toks)
    inside.append((s, e))


def antecedent(
    history: Sequence[tuple[int, Cluster, bool]],
    anon: Sequence[int],
    pos: int,
    *,
    window: int = 1500,
) -> Cluster | None:
    """The most recent person in subject position before ``pos`` (None after an anonymous one)."""
    last_anon = max((a for a in anon if a < pos), default=-1)
    fallback: Cluster | None = None
    for offset, ent, subject in reversed(history):
        if offset >= pos:
            continue
        if pos - offset > window:
            break
        if subject:
            return None if last_anon > offset else ent
        if fallback is None:
            fallback = ent
    return None if last_anon >= 0 and fallback is None else fallback


def _role_antecedent(
    rtoks: tuple[str, ...],
    history: Sequence[tuple[int, Cluster, bool]],
    anaphoric: bool,
    anon: Sequence[int],
    pos: int,
) -> Cluster | None:
    for offset, ent, _subject in reversed(history):
        if offset < pos and any(roles_compatible(rtoks, known) for known in ent.roles):
            return ent
    if anaphoric:
        return antecedent(history, anon, pos)
    return None
