"""Entities in context: one cluster per real-world entity of an article.

:func:`cluster_entities` turns name spans (from the NER model and the gazetteer) into
document entities: name variants are merged (family name alone, titles stripped,
transliteration variants, spacing/ZWNJ variants, gazetteer and KB aliases); names seen
once are looked for again in the rest of the article; role phrases, anaphoric noun
phrases and pronouns are attached (:mod:`persnews.extract.coref`). Entity ids ``E1``,
``E2`` ... follow the order of first mention. Mentions outside the article body (page
chrome such as related-links footers) are dropped.

:func:`entity_for_span` and :func:`resolve_speaker` answer "which entity is this span?"
and "who is speaking here?" for the quotation extractor, on a Doc processed by the
``persnews_entities`` component.

>>> ents = cluster_entities(
...     "یوری اوشاکف، معاون پوتین گفت که ... اوشاکوف افزود ... وی گفت ...",
...     [(0, 11, "PER"), (19, 24, "PER"), (36, 43, "PER")],
... )
>>> [(e["id"], e["name"], [m["kind"] for m in e["mentions"]]) for e in ents]
[('E1', 'یوری اوشاکف', ['name', 'role', 'name', 'pronoun']), ('E2', 'پوتین', ['name'])]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from persnews.extract.article_body import body_span
from persnews.extract.coref import (
    anonymous_speakers,
    is_pronoun,
    is_sentence_break,
    speech_verb_follows,
    words,
)
from persnews.extract.linking import AliasMatcher, KnowledgeBase
from persnews.extract.mentions import Cluster, antecedent, attach_roles
from persnews.extract.names import (
    name_relation,
    name_tokens,
    same_name,
    same_token,
    skeleton,
)

__all__ = [
    "CLUSTER_LABELS",
    "NameSpan",
    "cluster_entities",
    "entity_for_span",
    "resolve_speaker",
]

#: Labels grouped into entities; other NER labels (DATE, MONEY ...) are left alone.
CLUSTER_LABELS = ("PER", "ORG", "LOC")
_LABEL_MAP = {"PERSON": "PER", "PERS": "PER", "GPE": "LOC", "FAC": "LOC", "ORGANIZATION": "ORG"}
#: Generic words before a name that do not change the entity (``خبرگزاری رویترز`` = ``رویترز``).
_TYPE_PREFIXES = {
    "ORG": ("خبرگزاری", "روزنامه", "شبکه", "شرکت", "جنبش", "هفته نامه", "پایگاه خبری"),
    "LOC": ("استان", "شهرستان", "شهر", "کشور", "جزیره", "منطقه"),
}
_INNER_PLACE_WORDS = {"استان", "شهرستان", "شهر", "کشور"}
_EDGE = "«»\"'()[]،,.:؛;!?؟ \u200c\n\t"

#: ``(start, end, label)`` or ``(start, end, label, group)``: a name span in the text.
NameSpan = tuple[int, int, str] | tuple[int, int, str, str | None]


def _typed_key(label: str, tokens: Sequence[str]) -> str:
    if label == "ORG":  # "مرکز بهداشت استان قزوین" = "مرکز بهداشت قزوین"
        tokens = [t for i, t in enumerate(tokens) if i == 0 or t not in _INNER_PLACE_WORDS]
    key = " ".join(tokens)
    for prefix in _TYPE_PREFIXES.get(label, ()):
        if key.startswith(prefix + " "):
            return key[len(prefix) + 1 :].replace(" ", "")
    return key.replace(" ", "")


def _matches(ent: Cluster, label: str, tokens: list[str], group: str | None) -> str | None:
    if ent.label != label:
        return None
    if group is not None and group in ent.groups:
        return "same"
    for known in ent.names:
        if label == "PER":
            rel = name_relation(known, tokens)
            if rel is not None:
                return rel
        elif same_name(known, tokens) or _typed_key(label, known) == _typed_key(label, tokens):
            return "same"
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _add_name(
    ent: Cluster, text: str, s: int, e: int, tokens: list[str], group: str | None
) -> None:
    ent.mentions.append({"start": s, "end": e, "text": text[s:e], "kind": "name"})
    if tokens not in ent.names:
        ent.names.append(tokens)
    if group:
        ent.groups.add(group)


def _assign(entities: list[Cluster], label: str, tokens: list[str], group: str | None) -> Cluster:
    best: Cluster | None = None
    for ent in reversed(entities):  # the most recent compatible entity wins ties
        rel = _matches(ent, label, tokens, group)
        if rel == "same":
            return ent
        if rel is not None and best is None:
            best = ent
    if best is not None:
        return best
    ent = Cluster(label)
    entities.append(ent)
    return ent


def _propagate(text: str, entities: list[Cluster], lo: int, hi: int) -> None:
    """Find names already known in the article where the recognizers missed them."""
    aliases: list[tuple[str, Cluster]] = []
    for ent in entities:
        for mention in [m for m in ent.mentions if m["kind"] == "name"]:
            aliases.append((mention["text"], ent))
            toks = name_tokens(mention["text"])
            if ent.label == "PER" and len(toks) >= 2 and len(toks[-1]) >= 3:
                aliases.append((toks[-1], ent))
    taken = sorted((m["start"], m["end"]) for ent in entities for m in ent.mentions)
    for m in AliasMatcher(aliases).find(text[:hi]):
        if m.start < lo or any(m.start < te and ts < m.end for ts, te in taken):
            continue
        ent = m.payload
        _add_name(ent, text, m.start, m.end, name_tokens(text[m.start : m.end]), None)
        taken.append((m.start, m.end))
    # Transliteration variants of a known family name (اوشاکف ... اوشاکوف).
    family = [
        (toks[-1], ent)
        for ent in entities
        if ent.label == "PER"
        for toks in ent.names
        if len(toks) >= 2 and len(toks[-1]) >= 5
    ]
    if not family:
        return
    known_forms = {k for k, _ in family}
    for w in words(text, lo, hi):
        if w.form in known_forms or len(w.form) < 5 or not w.text[0].isalpha():
            continue
        for known, ent in family:
            if abs(len(known) - len(w.form)) > 2 or skeleton(known)[:1] != skeleton(w.form)[:1]:
                continue
            if same_token(known, w.form) and not any(
                w.start < te and ts < w.end for ts, te in taken
            ):
                _add_name(ent, text, w.start, w.end, [w.form], None)
                taken.append((w.start, w.end))
                break


def _fix_person_labels(entities: list[Cluster]) -> list[Cluster]:
    """An ORG/LOC entity named only like a known person (``پوتین`` tagged LOC once) joins
    that person: a person's name, full or family name alone, is rarely also a place here."""
    people: dict[str, Cluster] = {}
    for ent in entities:
        if ent.label == "PER":
            for toks in ent.names:
                people.setdefault("".join(toks), ent)
                if len(toks) >= 2:
                    people.setdefault(toks[-1], ent)
    kept = []
    for ent in entities:
        owner = None
        if ent.label != "PER" and not ent.groups:
            owners = {id(people.get("".join(t))): people.get("".join(t)) for t in ent.names}
            if len(owners) == 1:
                owner = next(iter(owners.values()))
        if owner is None:
            kept.append(ent)
            continue
        for m in ent.mentions:
            owner.mentions.append(m)
    return kept


def _canonical(ent: Cluster) -> str:
    names: list[str] = [str(m["text"]) for m in ent.mentions if m["kind"] == "name"]
    return max(names, key=lambda n: (len(name_tokens(n)), len(n), -names.index(n)))


def cluster_entities(
    text: str,
    spans: Iterable[NameSpan],
    *,
    kb: KnowledgeBase | None = None,
    body: tuple[int, int] | None = None,
) -> list[dict[str, Any]]:
    """Group name spans of ``text`` into document entities (plain dicts, see the module doc).

    Args:
        text: the original article text (offsets refer to it).
        spans: name spans ``(start, end, label[, group])``; labels outside PER/ORG/LOC are
            ignored; ``group`` marks aliases known to be one entity (gazetteer).
        kb: an optional knowledge base; entities whose name is in it get its id.
        body: ``(start, end)`` of the article body; default: :func:`body_span` of ``text``.
    """
    lo, hi = body if body is not None else body_span(text)
    entities: list[Cluster] = []
    for span in sorted(spans, key=lambda x: (x[0], -x[1])):
        start, end, label = span[0], span[1], _LABEL_MAP.get(span[2], span[2])
        group = span[3] if len(span) > 3 else None
        if label not in CLUSTER_LABELS or start < lo or end > hi:
            continue
        s, e = _trim(text, start, end)
        tokens = name_tokens(text[s:e])
        if not tokens:
            continue
        _add_name(_assign(entities, label, tokens, group), text, s, e, tokens, group)
    entities = _fix_person_labels(entities)
    _propagate(text, entities, lo, hi)
    attach_roles(text, words(text, lo, hi), entities)
    out: list[dict[str, Any]] = []
    order = sorted(entities, key=lambda en: min(m["start"] for m in en.mentions))
    for n, ent in enumerate(order, start=1):
        mentions = sorted(ent.mentions, key=lambda m: (m["start"], m["end"]))
        kb_id = None
        if kb is not None:
            for m in mentions:
                if m["kind"] == "name":
                    kb_id = kb.lookup(m["text"], label=ent.label)
                    if kb_id:
                        break
        out.append(
            {
                "id": f"E{n}",
                "label": ent.label,
                "name": _canonical(ent),
                "kb_id": kb_id,
                "mentions": mentions,
            }
        )
    return out


def _entities_of(doc: Any) -> list[dict[str, Any]]:
    ents = getattr(getattr(doc, "_", None), "pn_entities", None)
    if ents is None:
        raise ValueError(
            "doc._.pn_entities is not set: run the 'persnews_entities' component first "
            "(nlp = persnews.load() includes it)"
        )
    return list(ents)


def entity_for_span(doc: Any, start_char: int, end_char: int) -> str | None:
    """The id of the entity with a mention in ``[start_char, end_char)``, or None.

    Among overlapping mentions the one starting first wins, and at equal starts the
    longest: for ``یوری اوشاکف، معاون پوتین`` that is Ushakov, for ``معاون پوتین`` the
    role mention (Ushakov), not the name inside it (Putin).
    """
    best: tuple[int, int, str] | None = None
    for ent in _entities_of(doc):
        for m in ent["mentions"]:
            if m["start"] < end_char and start_char < m["end"]:
                key = (max(m["start"], start_char), -(m["end"] - m["start"]), ent["id"])
                if best is None or key < best:
                    best = key
    return best[2] if best else None


def resolve_speaker(
    doc: Any, start_char: int | None, end_char: int | None, *, cue_char: int
) -> str | None:
    """The entity id of a quotation's speaker.

    ``start_char``/``end_char`` give the overt speaker span (a name, role phrase or
    pronoun); pass None for a subjectless continuation (``افزود:``). A span that is a
    known mention resolves to its entity; a pronoun or no span resolves to the most recent
    person in subject position before ``cue_char``, or None when an anonymous speaker
    (``یکی از مقام‌ها ... گفت``) came after that person.
    """
    ents = _entities_of(doc)
    if start_char is not None and end_char is not None:
        found = entity_for_span(doc, start_char, end_char)
        if found is not None:
            return found
        span_words = words(doc.text, start_char, end_char)
        if span_words and not all(is_pronoun(w) for w in span_words):
            return None
        pos = start_char
    else:
        pos = cue_char
    text = doc.text
    ws = words(text, max(0, pos - 3000), pos)
    history: list[tuple[int, Cluster, bool]] = []
    by_id: dict[str, Cluster] = {}
    roles = [
        (m["start"], m["end"], e["id"]) for e in ents for m in e["mentions"] if m["kind"] == "role"
    ]
    for ent in ents:
        if ent["label"] != "PER":
            continue
        proxy = by_id.setdefault(ent["id"], Cluster("PER"))
        for m in ent["mentions"]:
            if m["start"] >= pos or any(
                s <= m["start"] and m["end"] <= e and i != ent["id"] for s, e, i in roles
            ):
                continue
            k = next((i for i, w in enumerate(ws) if w.start >= m["start"]), len(ws))
            after = next((i for i, w in enumerate(ws) if w.start >= m["end"]), len(ws))
            first = k == 0 or is_sentence_break(ws[k - 1])
            history.append((m["start"], proxy, first or speech_verb_follows(ws, after)))
    history.sort(key=lambda h: h[0])
    target = antecedent(history, anonymous_speakers(ws), pos)
    if target is None:
        return None
    return next(i for i, p in by_id.items() if p is target)
