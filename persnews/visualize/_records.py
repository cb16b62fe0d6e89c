"""Turn what users pass to the visualizers (Doc, ArticleRecord, record dict) into a record dict.

The visualizers work on the article record's dict form (see ``docs/schema.md``): ``text``,
``entities`` with their ``mentions`` and ``quotes`` with ``content``, ``cue``, ``speaker``,
``speaker_entity`` and ``parent``. Everything else is optional.

>>> rec = as_record({"text": "علی گفت: باران آمد.", "entities": [], "quotes": []})
>>> rec["id"], rec["text"]
(None, 'علی گفت: باران آمد.')
>>> as_record(42)
Traceback (most recent call last):
...
TypeError: expected a spaCy Doc, an ArticleRecord or a record dict, got int
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spacy.tokens import Doc

__all__ = ["as_record", "entity_names", "speaker_name"]


def as_record(obj: object) -> dict[str, Any]:
    """Return the record dict of ``obj`` (a Doc, an object with ``to_dict()`` or a mapping).

    Raises:
        TypeError: ``obj`` is none of these, or its ``text`` is not a string.
    """
    if isinstance(obj, Doc):
        record = _record_from_doc(obj)
    elif isinstance(obj, Mapping):
        record = dict(obj)
    elif callable(getattr(obj, "to_dict", None)):
        record = dict(obj.to_dict())  # type: ignore[attr-defined]
    else:
        raise TypeError(
            f"expected a spaCy Doc, an ArticleRecord or a record dict, got {type(obj).__name__}"
        )
    if not isinstance(record.get("text"), str):
        raise TypeError(f"the record's 'text' must be a string, got {type(record.get('text'))}")
    record.setdefault("id", None)
    record["entities"] = list(record.get("entities") or [])
    record["quotes"] = list(record.get("quotes") or [])
    return record


def _record_from_doc(doc: Doc) -> dict[str, Any]:
    """Build the record of an analysed Doc, preferring the library's own record builder."""
    from persnews.record import record_from_doc

    fallback = _fallback_record(doc)
    built = dict(record_from_doc(doc).to_dict())
    if not built.get("entities"):
        # A pipeline without the entity components: show the NER spans on their own.
        built["entities"] = fallback["entities"]
    return built


def _fallback_record(doc: Doc) -> dict[str, Any]:
    """A record from ``doc.ents`` and the ``pn_`` extensions, for pipelines without the builder."""
    entities: list[dict[str, Any]] = []
    ext_entities = doc._.get("pn_entities") if Doc.has_extension("pn_entities") else None
    if isinstance(ext_entities, list) and all(isinstance(e, Mapping) for e in ext_entities):
        entities = [dict(e) for e in ext_entities]
    else:
        for i, ent in enumerate(doc.ents):
            mention = {"start": ent.start_char, "end": ent.end_char, "text": ent.text}
            entities.append(
                {
                    "id": f"e{i + 1}",
                    "label": ent.label_,
                    "name": ent.text,
                    "kb_id": ent.kb_id_ or None,
                    "mentions": [{**mention, "kind": "name"}],
                }
            )
    quotes: list[dict[str, Any]] = []
    ext_quotes = doc._.get("pn_quotes") if Doc.has_extension("pn_quotes") else None
    if isinstance(ext_quotes, list) and all(isinstance(q, Mapping) for q in ext_quotes):
        quotes = [dict(q) for q in ext_quotes]
    return {"id": doc.user_data.get("id"), "text": doc.text, "entities": entities, "quotes": quotes}


def entity_names(record: Mapping[str, Any]) -> dict[str, str]:
    """Map each entity id of ``record`` to its display name.

    >>> entity_names({"entities": [{"id": "e1", "name": "یوری اوشاکف", "mentions": []}]})
    {'e1': 'یوری اوشاکف'}
    """
    names: dict[str, str] = {}
    for ent in record.get("entities") or []:
        name = ent.get("name")
        if not name:
            mentions = ent.get("mentions") or []
            name = mentions[0]["text"] if mentions else str(ent.get("id"))
        names[str(ent.get("id"))] = str(name)
    return names


def speaker_name(quote: Mapping[str, Any], names: Mapping[str, str]) -> str | None:
    """The speaker of ``quote``: its entity's name when resolved, else the speaker's own text.

    >>> q = {"speaker": {"start": 0, "end": 2, "text": "وی"}, "speaker_entity": "e1"}
    >>> speaker_name(q, {"e1": "یوری اوشاکف"})
    'یوری اوشاکف'
    >>> speaker_name({"speaker": None, "speaker_entity": None}, {}) is None
    True
    """
    ent_id = quote.get("speaker_entity")
    if ent_id is not None and str(ent_id) in names:
        return names[str(ent_id)]
    speaker = quote.get("speaker")
    if isinstance(speaker, Mapping) and speaker.get("text"):
        return str(speaker["text"])
    return None
