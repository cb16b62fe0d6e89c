"""Turn an analysed Doc into what the batch runner writes: the article record and CoNLL-U.

The record comes from :func:`persnews.record.record_from_doc` (the article record schema);
when that module is absent, a minimal record with the same top-level keys is built here.

>>> import spacy
>>> doc = spacy.blank("fa")("وزیر گفت: سلام.")
>>> doc_to_record(doc, id="a1", meta={"url": "https://example.org/1"})["url"]
'https://example.org/1'
>>> print(doc_to_conllu(doc, id="a1").splitlines()[0])
# newdoc id = a1
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

from spacy.tokens import Doc

__all__ = ["META_KEYS", "doc_to_conllu", "doc_to_record"]

#: Input metadata columns copied into the record (the input's value wins over the parsed one).
META_KEYS = ("title", "published", "url")


def _minimal_record(doc: Doc, id: str | None) -> dict[str, Any]:
    entities: dict[tuple[str, str], dict[str, Any]] = {}
    for ent in doc.ents:
        key = (ent.label_, ent.text)
        if key not in entities:
            entities[key] = {
                "id": f"e{len(entities)}",
                "label": ent.label_,
                "name": ent.text,
                "kb_id": ent.kb_id_ or None,
                "mentions": [],
            }
        entities[key]["mentions"].append(
            {"start": ent.start_char, "end": ent.end_char, "text": ent.text, "kind": "name"}
        )
    return {
        "id": id,
        "text": doc.text,
        "title": None,
        "lead": None,
        "published": None,
        "news_id": None,
        "entities": list(entities.values()),
        "quotes": [],
        "attributions": [],
    }


def doc_to_record(doc: Doc, *, id: str | None, meta: Mapping[str, str]) -> dict[str, Any]:
    """The article record of ``doc`` as a plain dict, with the input's metadata filled in."""
    try:
        module = importlib.import_module("persnews.record")
        record_from_doc = module.record_from_doc
    except (ImportError, AttributeError):
        record = _minimal_record(doc, id)
    else:
        record = record_from_doc(doc, id=id).to_dict()
    for key in META_KEYS:
        value = meta.get(key)
        if value is not None:
            record[key] = value
    return record


def _field(value: str) -> str:
    value = value.replace("\t", " ").replace("\n", " ").replace("\r", " ")
    return value if value.strip() else "_"


def doc_to_conllu(doc: Doc, *, id: str | None) -> str:
    """CoNLL-U for ``doc``: one block per sentence, whitespace tokens left out.

    MISC carries ``TokenRange=start:end`` (character offsets into the original text) and
    ``SpaceAfter=No`` where the token touches the next one. HEAD/DEPREL are filled when the
    pipeline parses, POS/lemma/features when it tags.
    """
    lines = [f"# newdoc id = {id}"] if id is not None else []
    has_dep = doc.has_annotation("DEP")
    sents = list(doc.sents) if doc.has_annotation("SENT_START") or has_dep else [doc[:]]
    for n, sent in enumerate(sents, start=1):
        tokens = [t for t in sent if not t.is_space]
        if not tokens:
            continue
        index = {t.i: k for k, t in enumerate(tokens, start=1)}
        lines.append(f"# sent_id = {id}-{n}" if id is not None else f"# sent_id = {n}")
        lines.append(f"# text = {_field(sent.text.strip())}")
        for k, tok in enumerate(tokens, start=1):
            if has_dep:
                head = "0" if tok.head.i == tok.i else str(index.get(tok.head.i, 0))
                deprel = tok.dep_ or "_"
            else:
                head, deprel = "_", "_"
            misc = [f"TokenRange={tok.idx}:{tok.idx + len(tok.text)}"]
            if not tok.whitespace_:
                misc.append("SpaceAfter=No")
            feats = str(tok.morph) or "_"
            cols = [
                str(k),
                _field(tok.text),
                _field(tok.lemma_) if tok.lemma_ else "_",
                tok.pos_ or "_",
                tok.tag_ or "_",
                feats,
                head,
                deprel,
                "_",
                "|".join(misc),
            ]
            lines.append("\t".join(cols))
        lines.append("")
    return "\n".join(lines) + "\n"
