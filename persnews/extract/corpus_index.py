"""The corpus-wide entity index: one row per distinct person, organization and place.

:func:`build_corpus_entities` reads article records (``persnews.analyze(...).to_dict()``:
``id``, ``entities`` and ``quotes``) and merges their document entities across articles
with the same rules as inside a document: equal knowledge-base id, or the same full name
up to titles, spacing and transliteration (:func:`persnews.extract.names.same_name`). A
one-word name (``پوتین``) joins the entity whose full name ends in it only when exactly one
such entity exists in the corpus; otherwise it stays on its own. Ids are stable: the KB id,
or ``LABEL:key`` of the canonical (fullest, then most frequent) name.

>>> def per(*names):
...     mentions = [{"text": n, "kind": "name"} for n in names]
...     return {"id": "E1", "label": "PER", "name": names[0], "mentions": mentions}
>>> records = [
...     {"id": "a1", "entities": [per("ولادیمیر پوتین", "پوتین")],
...      "quotes": [{"speaker_entity": "E1"}]},
...     {"id": "a2", "entities": [per("پوتین")], "quotes": []},
... ]
>>> rows = build_corpus_entities(records)
>>> [(r["name"], r["mentions"], r["articles"], r["quotations"]) for r in rows]
[('ولادیمیر پوتین', 3, 2, 1)]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from persnews.errors import InputFormatError
from persnews.extract.names import join_key, name_tokens, same_name, skeleton

__all__ = ["build_corpus_entities"]


@dataclass
class _Corpus:
    label: str
    kb_id: str | None
    names: Counter[str] = field(default_factory=Counter)
    token_lists: list[list[str]] = field(default_factory=list)
    mentions: int = 0
    quotations: int = 0
    articles: set[str] = field(default_factory=set)


@dataclass
class _DocEntity:
    article: str
    label: str
    kb_id: str | None
    names: Counter[str]
    mentions: int
    quotations: int


def _doc_entities(records: Iterable[Mapping[str, Any]]) -> list[_DocEntity]:
    out: list[_DocEntity] = []
    for n, rec in enumerate(records):
        if not isinstance(rec, Mapping) or "entities" not in rec:
            raise InputFormatError(f"record {n}: expected a mapping with 'entities'")
        article = str(rec.get("id", n))
        quotes = Counter(q.get("speaker_entity") for q in rec.get("quotes") or ())
        for ent in rec["entities"]:
            if ent.get("label") not in ("PER", "ORG", "LOC"):
                continue
            names = Counter(
                m["text"] for m in ent.get("mentions", ()) if m.get("kind", "name") == "name"
            )
            if not names and ent.get("name"):
                names[ent["name"]] += 1
            if not names:
                continue
            out.append(
                _DocEntity(
                    article,
                    ent["label"],
                    ent.get("kb_id") or None,
                    names,
                    len(ent.get("mentions", ())),
                    quotes.get(ent.get("id"), 0),
                )
            )
    return out


def build_corpus_entities(records: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Merge the document entities of many article records into corpus entities.

    Returns one dict per corpus entity, most mentioned first: ``entity_id``, ``label``,
    ``name`` (canonical), ``kb_id``, ``aliases`` (name forms, most frequent first),
    ``mentions``, ``articles`` and ``quotations`` (quotes whose speaker is the entity).
    """
    docs = _doc_entities(records)
    # Full names first, so that a lone family name can find its one full-name owner.
    docs.sort(key=lambda d: -max(len(name_tokens(n)) for n in d.names))
    corpus: list[_Corpus] = []
    by_kb: dict[str, _Corpus] = {}
    by_key: dict[tuple[str, str], list[_Corpus]] = {}
    by_last: dict[tuple[str, str], list[_Corpus]] = {}
    for d in docs:
        toks = [name_tokens(n) for n in d.names]
        target: _Corpus | None = by_kb.get(d.kb_id) if d.kb_id else None
        if target is None:
            for t in toks:
                for c in by_key.get((d.label, skeleton(join_key(t))[:3]), ()):
                    if any(same_name(t, known) for known in c.token_lists):
                        target = c
                        break
                if target:
                    break
        if target is None and d.label == "PER" and all(len(t) == 1 for t in toks):
            owners = {id(c): c for t in toks for c in by_last.get((d.label, t[0]), ())}
            if len(owners) == 1:
                target = next(iter(owners.values()))
        if target is None:
            target = _Corpus(d.label, d.kb_id)
            corpus.append(target)
        if d.kb_id and target.kb_id is None:
            target.kb_id = d.kb_id
        if target.kb_id:
            by_kb.setdefault(target.kb_id, target)
        target.names.update(d.names)
        for t in toks:
            if t and t not in target.token_lists:
                target.token_lists.append(t)
                by_key.setdefault((d.label, skeleton(join_key(t))[:3]), []).append(target)
                if len(t) >= 2:
                    by_last.setdefault((d.label, t[-1]), []).append(target)
        target.mentions += d.mentions
        target.quotations += d.quotations
        target.articles.add(d.article)
    rows: list[dict[str, Any]] = []
    for c in corpus:
        aliases = [n for n, _ in c.names.most_common()]
        name = max(aliases, key=lambda n: (len(name_tokens(n)), c.names[n]))
        rows.append(
            {
                "entity_id": c.kb_id or f"{c.label}:{join_key(name_tokens(name))}",
                "label": c.label,
                "name": name,
                "kb_id": c.kb_id,
                "aliases": aliases,
                "mentions": c.mentions,
                "articles": len(c.articles),
                "quotations": c.quotations,
            }
        )
    rows.sort(key=lambda r: (-int(r["mentions"]), str(r["entity_id"])))
    return rows
