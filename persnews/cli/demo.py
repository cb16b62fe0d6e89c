"""``persnews demo``: analyse the bundled sample articles and summarize them for a reader.

>>> rec = {"id": "a", "text": "مریم گفت: فردا می‌آیم.", "entities": [{"id": "e1",
...        "label": "PER", "name": "مریم", "mentions": [{"start": 0, "end": 4}]}],
...        "quotes": [{"speaker_entity": "e1", "content": {"text": "فردا می‌آیم."}}]}
>>> print(summarize([rec]).splitlines()[0])
persnews demo: 1 articles, 1 entities, 1 quotes
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from persnews.errors import PersnewsError

__all__ = ["LABEL_GROUPS", "load_or_analyze", "run_demo", "summarize"]

#: Which entity labels each section of the summary lists.
LABEL_GROUPS = (
    ("People", ("PER", "PERSON")),
    ("Organizations", ("ORG",)),
    ("Places", ("LOC", "GPE")),
)


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def summarize(records: Iterable[Mapping[str, Any]], *, top: int = 8) -> str:
    """A plain-text summary: people, organizations, places, top speakers with a quote each."""
    recs = list(records)
    by_label: dict[str, Counter[str]] = {}
    speakers: Counter[str] = Counter()
    example: dict[str, str] = {}
    n_ents = n_quotes = 0
    for rec in recs:
        names: dict[Any, str] = {}
        for ent in rec.get("entities") or []:
            n_ents += 1
            name = str(ent.get("name") or "")
            names[ent.get("id")] = name
            label = str(ent.get("label") or "")
            by_label.setdefault(label, Counter())[name] += len(ent.get("mentions") or []) or 1
        for q in rec.get("quotes") or []:
            n_quotes += 1
            who = names.get(q.get("speaker_entity"))
            if who is None:
                speaker = q.get("speaker") or {}
                who = speaker.get("text") if isinstance(speaker, Mapping) else None
            if not who:
                continue
            speakers[who] += 1
            content = q.get("content") or {}
            if who not in example and isinstance(content, Mapping) and content.get("text"):
                example[who] = _short(str(content["text"]))
    lines = [f"persnews demo: {len(recs)} articles, {n_ents} entities, {n_quotes} quotes"]
    for heading, labels in LABEL_GROUPS:
        counts: Counter[str] = Counter()
        for label in labels:
            counts.update(by_label.get(label, Counter()))
        lines.append("")
        lines.append(f"{heading} ({len(counts)}):")
        if not counts:
            lines.append("  (none found)")
        for name, n in counts.most_common(top):
            lines.append(f"  {name}  ({n} mentions)")
    lines.append("")
    lines.append(f"Top speakers ({len(speakers)}):")
    if not speakers:
        lines.append("  (no attributed quotes found)")
    for name, n in speakers.most_common(top):
        lines.append(f"  {name}  ({n} quotes)")
        if name in example:
            lines.append(f"      «{example[name]}»")
    return "\n".join(lines)


def run_demo(*, workers: int = 1) -> str:
    """Analyse the sample articles shipped inside persnews and return the summary."""
    import importlib

    try:
        load_samples = importlib.import_module("persnews.samples").load_samples
    except (ImportError, AttributeError) as exc:
        raise PersnewsError("the sample articles (persnews.samples) are not installed") from exc
    from persnews.batch import pipe

    samples = load_samples()
    records = list(pipe(samples, n_process=workers, on_error="skip"))
    return summarize(records)


def _looks_like_records(path: Path) -> bool:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                try:
                    first = json.loads(line)
                except json.JSONDecodeError:
                    return False
                return isinstance(first, dict) and "entities" in first and "quotes" in first
    return False


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def load_or_analyze(path: Path) -> list[dict[str, Any]]:
    """Article records from an analyze OUTDIR or ``articles.jsonl``, else analyse ``path``."""
    if path.is_dir() and (path / "articles.jsonl").is_file():
        return list(_jsonl(path / "articles.jsonl"))
    if path.is_file() and path.suffix == ".jsonl" and _looks_like_records(path):
        return list(_jsonl(path))
    from persnews.batch import pipe
    from persnews.io import InputRecord, iter_inputs

    inputs = (r for r in iter_inputs([path]) if isinstance(r, InputRecord))
    return list(pipe(inputs, on_error="skip"))
