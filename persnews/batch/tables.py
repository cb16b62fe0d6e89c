"""Flatten article records into tables: articles, entities, mentions, quotes, corpus_entities.

The same functions feed the Parquet files of ``persnews analyze`` and
:func:`persnews.to_frames`, so both have the columns documented in docs/batch.md.

>>> rec = {"id": "a1", "text": "پوتین گفت: بله.", "entities": [{"id": "e0", "label": "PER",
...        "name": "پوتین", "mentions": [{"start": 0, "end": 5, "text": "پوتین", "kind": "name"}]}],
...        "quotes": [], "attributions": []}
>>> rows = rows_of(rec, seq=0)
>>> rows["entities"][0]["name"], rows["mentions"][0]["end"]
('پوتین', 5)
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

import pyarrow as pa

__all__ = ["ARTICLE_TABLES", "SCHEMAS", "build_corpus_entities", "rows_of", "to_table"]

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("seq", pa.int64()),
            ("id", pa.string()),
            ("source", pa.string()),
            ("title", pa.string()),
            ("lead", pa.string()),
            ("published", pa.string()),
            ("news_id", pa.string()),
            ("url", pa.string()),
            ("n_chars", pa.int64()),
            ("n_words", pa.int64()),
            ("n_entities", pa.int64()),
            ("n_mentions", pa.int64()),
            ("n_quotes", pa.int64()),
            ("n_attributions", pa.int64()),
            ("text", pa.string()),
        ]
    ),
    "entities": pa.schema(
        [
            ("article_seq", pa.int64()),
            ("article_id", pa.string()),
            ("entity_id", pa.string()),
            ("label", pa.string()),
            ("name", pa.string()),
            ("kb_id", pa.string()),
            ("n_mentions", pa.int64()),
            ("n_quotes", pa.int64()),
        ]
    ),
    "mentions": pa.schema(
        [
            ("article_seq", pa.int64()),
            ("article_id", pa.string()),
            ("entity_id", pa.string()),
            ("label", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("text", pa.string()),
            ("kind", pa.string()),
        ]
    ),
    "quotes": pa.schema(
        [
            ("article_seq", pa.int64()),
            ("article_id", pa.string()),
            ("quote_id", pa.string()),
            ("kind", pa.string()),
            ("content_start", pa.int64()),
            ("content_end", pa.int64()),
            ("content", pa.string()),
            ("cue_start", pa.int64()),
            ("cue_end", pa.int64()),
            ("cue", pa.string()),
            ("cue_lemma", pa.string()),
            ("speaker_start", pa.int64()),
            ("speaker_end", pa.int64()),
            ("speaker", pa.string()),
            ("speaker_entity", pa.string()),
            ("speaker_name", pa.string()),
            ("parent", pa.string()),
            ("confidence", pa.float64()),
        ]
    ),
}

#: Tables with one block of rows per article (``corpus_entities`` is built over the corpus).
ARTICLE_TABLES = ("articles", "entities", "mentions", "quotes")


def _str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _span(value: Any) -> tuple[int | None, int | None, str | None]:
    if not isinstance(value, Mapping):
        return None, None, None
    return _int(value.get("start")), _int(value.get("end")), _str(value.get("text"))


def rows_of(
    record: Mapping[str, Any], *, seq: int, source: str | None = None
) -> dict[str, list[dict[str, Any]]]:
    """The rows one article record contributes to each table."""
    aid = _str(record.get("id"))
    text = record.get("text") or ""
    entities = [e for e in record.get("entities") or [] if isinstance(e, Mapping)]
    quotes = [q for q in record.get("quotes") or [] if isinstance(q, Mapping)]
    names = {_str(e.get("id")): _str(e.get("name")) for e in entities}
    quoted: dict[str | None, int] = {}
    for q in quotes:
        key = _str(q.get("speaker_entity"))
        quoted[key] = quoted.get(key, 0) + 1
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in ARTICLE_TABLES}
    n_mentions = 0
    for ent in entities:
        eid = _str(ent.get("id"))
        mentions = [m for m in ent.get("mentions") or [] if isinstance(m, Mapping)]
        n_mentions += len(mentions)
        out["entities"].append(
            {
                "article_seq": seq,
                "article_id": aid,
                "entity_id": eid,
                "label": _str(ent.get("label")),
                "name": _str(ent.get("name")),
                "kb_id": _str(ent.get("kb_id")) or None,
                "n_mentions": len(mentions),
                "n_quotes": quoted.get(eid, 0),
            }
        )
        for m in mentions:
            start, end, mtext = _span(m)
            out["mentions"].append(
                {
                    "article_seq": seq,
                    "article_id": aid,
                    "entity_id": eid,
                    "label": _str(ent.get("label")),
                    "start": start,
                    "end": end,
                    "text": mtext,
                    "kind": _str(m.get("kind")),
                }
            )
    for q in quotes:
        c_start, c_end, content = _span(q.get("content"))
        k_start, k_end, cue = _span(q.get("cue"))
        s_start, s_end, speaker = _span(q.get("speaker"))
        cue_obj = q.get("cue")
        conf = q.get("confidence")
        speaker_entity = _str(q.get("speaker_entity"))
        out["quotes"].append(
            {
                "article_seq": seq,
                "article_id": aid,
                "quote_id": _str(q.get("id")),
                "kind": _str(q.get("kind")),
                "content_start": c_start,
                "content_end": c_end,
                "content": content,
                "cue_start": k_start,
                "cue_end": k_end,
                "cue": cue,
                "cue_lemma": _str(cue_obj.get("lemma")) if isinstance(cue_obj, Mapping) else None,
                "speaker_start": s_start,
                "speaker_end": s_end,
                "speaker": speaker,
                "speaker_entity": speaker_entity,
                "speaker_name": names.get(speaker_entity) if speaker_entity else None,
                "parent": _str(q.get("parent")),
                "confidence": float(conf) if isinstance(conf, (int, float)) else None,
            }
        )
    out["articles"].append(
        {
            "seq": seq,
            "id": aid,
            "source": source,
            "title": _str(record.get("title")),
            "lead": _str(record.get("lead")),
            "published": _str(record.get("published")),
            "news_id": _str(record.get("news_id")),
            "url": _str(record.get("url")),
            "n_chars": len(text),
            "n_words": len(text.split()),
            "n_entities": len(entities),
            "n_mentions": n_mentions,
            "n_quotes": len(quotes),
            "n_attributions": len(record.get("attributions") or []),
            "text": text,
        }
    )
    return out


def to_table(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    """A pyarrow table with the fixed schema of ``name``."""
    return pa.Table.from_pylist(rows, schema=SCHEMAS[name])


def _fallback_corpus_entities(records: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Same columns as ``persnews.extract.corpus_index``, merging only identical names."""
    index: dict[tuple[str, str], dict[str, Any]] = {}
    for rec in records:
        quoted: dict[str | None, int] = {}
        for q in rec.get("quotes") or []:
            speaker = _str(q.get("speaker_entity"))
            quoted[speaker] = quoted.get(speaker, 0) + 1
        for ent in rec.get("entities") or []:
            key = (_str(ent.get("label")) or "", _str(ent.get("name")) or "")
            row = index.setdefault(
                key,
                {
                    "entity_id": f"c{len(index)}",
                    "label": key[0],
                    "name": key[1],
                    "kb_id": _str(ent.get("kb_id")),
                    "aliases": [key[1]],
                    "mentions": 0,
                    "articles": 0,
                    "quotations": 0,
                },
            )
            row["articles"] += 1
            row["mentions"] += len(ent.get("mentions") or [])
            row["quotations"] += quoted.get(_str(ent.get("id")), 0)
    return sorted(index.values(), key=lambda r: -int(r["mentions"]))


def build_corpus_entities(records: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The corpus-wide entity index (``persnews.extract.corpus_index`` when installed)."""
    try:
        module = importlib.import_module("persnews.extract.corpus_index")
        build = module.build_corpus_entities
    except (ImportError, AttributeError):
        return _fallback_corpus_entities(records)
    result: list[dict[str, Any]] = build(records)
    return result
