"""The notebook API: :func:`pipe` streams article records, :func:`to_frames` makes DataFrames.

>>> import persnews
>>> recs = list(persnews.pipe(["پوتین گفت: بله.", "بایدن گفت: نه."],
...                           nlp="persnews.batch.runner:_blank_fa"))
>>> [r["id"] for r in recs]
['0', '1']
>>> frames = persnews.to_frames(recs)
>>> sorted(frames), len(frames["articles"])
(['articles', 'corpus_entities', 'entities', 'mentions', 'quotes'], 2)
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from persnews.batch.engines import Chunk, run_chunks
from persnews.batch.tables import ARTICLE_TABLES, build_corpus_entities, rows_of, to_table
from persnews.batch.worker import DEFAULT_PIPELINE, Result, WorkerConfig
from persnews.errors import PersnewsError, check_choice
from persnews.io.records import DEFAULT_MAX_CHARS, InputRecord, check_text

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["pipe", "to_frames"]

ON_ERROR = ("raise", "skip", "include")


def _item(index: int, rec: Any) -> dict[str, Any]:
    if isinstance(rec, str):
        return {"seq": index, "id": str(index), "text": rec, "source": f"#{index}", "meta": {}}
    if isinstance(rec, InputRecord):
        return {
            "seq": index,
            "id": rec.id,
            "text": rec.text,
            "source": rec.source,
            "meta": rec.meta(),
        }
    if isinstance(rec, tuple) and len(rec) == 2 and all(isinstance(x, str) for x in rec):
        return {"seq": index, "id": rec[0], "text": rec[1], "source": f"#{index}", "meta": {}}
    if isinstance(rec, Mapping):
        text = rec.get("text")
        if not isinstance(text, str):
            raise TypeError(f"record #{index} has no str 'text' (got {type(text).__name__})")
        rid = rec.get("id")
        meta = {k: str(rec[k]) for k in ("title", "published", "url") if rec.get(k) is not None}
        return {
            "seq": index,
            "id": str(index) if rid is None else str(rid),
            "text": text,
            "source": f"#{index}",
            "meta": meta,
        }
    raise TypeError(
        f"record #{index} is a {type(rec).__name__}; pass str, (id, text), a dict with 'text', "
        "or an InputRecord"
    )


def pipe(
    records: Iterable[Any],
    *,
    n_process: int = 1,
    batch_size: int = 32,
    exclude: Iterable[str] = (),
    nlp: str = DEFAULT_PIPELINE,
    engine: str = "local",
    scheduler: str | None = None,
    timeout: float | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    on_error: str = "raise",
) -> Iterator[dict[str, Any]]:
    """Analyse ``records`` and yield their article records (plain dicts) in input order.

    ``records`` are strings (id = position), ``(id, text)`` pairs, dicts with ``text`` (and
    optionally ``id``, ``title``, ``published``, ``url``) or :class:`persnews.io.InputRecord`.
    ``n_process`` worker processes each load the pipeline once; ``engine="dask"`` runs on
    ``dask.distributed`` (``scheduler`` address, or a local cluster). An article that cannot
    be analysed raises :class:`PersnewsError` (``on_error="raise"``), is left out with a
    warning (``"skip"``), or is yielded as ``{"id", "error": {...}}`` (``"include"``).
    """
    check_choice("on_error", on_error, ON_ERROR)
    if not isinstance(n_process, int) or n_process < 1:
        raise TypeError(f"n_process must be a positive int, not {n_process!r}")
    config = WorkerConfig(nlp=nlp, exclude=tuple(exclude), timeout=timeout)
    early: dict[int, list[Result]] = {}

    def chunks() -> Iterator[Chunk]:
        stream = (_item(i, r) for i, r in enumerate(records))
        index = 0
        while block := list(islice(stream, batch_size)):
            bad = []
            for it in block:
                reason = check_text(it["text"], max_chars=max_chars)
                if reason:
                    err = {
                        "id": it["id"],
                        "source": it["source"],
                        "stage": "read",
                        "reason": reason,
                        "detail": None,
                    }
                    bad.append({"seq": it["seq"], "status": "error", "error": err})
            skip = {b["seq"] for b in bad}
            early[index] = bad
            yield Chunk(index, [it for it in block if it["seq"] not in skip])
            index += 1

    pending: dict[int, list[Result]] = {}
    next_index = 0
    for chunk, results in run_chunks(
        chunks(), config, workers=n_process, engine=engine, scheduler=scheduler
    ):
        pending[chunk.index] = sorted(results + early.pop(chunk.index, []), key=lambda r: r["seq"])
        while next_index in pending:
            for res in pending.pop(next_index):
                out = _emit(res, on_error)
                if out is not None:
                    yield out
            next_index += 1


def _emit(res: Result, on_error: str) -> dict[str, Any] | None:
    if res["status"] == "ok":
        record: dict[str, Any] = res["record"]
        return record
    err = res["error"]
    if on_error == "raise":
        raise PersnewsError(f"article {err['id']!r} failed ({err['stage']}): {err['reason']}")
    if on_error == "skip":
        import logging

        logging.getLogger("persnews").warning("skipped article %r: %s", err["id"], err["reason"])
        return None
    return {"id": err["id"], "error": err}


def _as_dict(rec: Any) -> Mapping[str, Any]:
    if isinstance(rec, Mapping):
        return rec
    to_dict = getattr(rec, "to_dict", None)
    if callable(to_dict):
        out = to_dict()
        if isinstance(out, Mapping):
            return out
    raise TypeError(f"expected an article record (dict or ArticleRecord), got {type(rec).__name__}")


def _read_records(path: Path) -> Iterator[dict[str, Any]]:
    file = path / "articles.jsonl" if path.is_dir() else path
    with open(file, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def to_frames(records: Iterable[Any] | str | Path) -> dict[str, pd.DataFrame]:
    """Tables of ``records`` as pandas DataFrames: articles, entities, mentions, quotes and
    corpus_entities (columns in docs/batch.md).

    ``records`` are article records (dicts or objects with ``to_dict()``, e.g. from
    :func:`pipe` or :func:`persnews.analyze`), or the path of an ``analyze`` output directory
    or ``articles.jsonl`` file. Error entries (``{"id", "error"}``) are left out.
    """
    source: Iterable[Any] = (
        _read_records(Path(records)) if isinstance(records, (str, Path)) else records
    )
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in ARTICLE_TABLES}
    kept: list[Mapping[str, Any]] = []
    for seq, rec in enumerate(source):
        data = _as_dict(rec)
        if "error" in data and "text" not in data:
            continue
        kept.append(data)
        for name, part in rows_of(data, seq=seq).items():
            rows[name].extend(part)
    frames = {name: to_table(name, part).to_pandas() for name, part in rows.items()}
    import pandas as pd

    frames["corpus_entities"] = pd.DataFrame(build_corpus_entities(kept))
    return frames
