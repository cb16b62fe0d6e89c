"""Answers to common corpus questions from the tables of :func:`persnews.to_frames`.

Every helper takes the ``frames`` dict (``articles``, ``entities``, ``mentions``, ``quotes``)
or the article records themselves, and returns a small pandas DataFrame sorted with the
biggest counts first: :func:`top_entities`, :func:`quotes_by_speaker`, :func:`who_quotes_whom`,
:func:`cooccurrence` and :func:`counts_per_month` (Jalali or Gregorian months).

An entity is identified across articles by its ``kb_id`` when it has one, else by its label and
normalized name, so ``پوتین`` in two articles counts as one person (and ``ايران`` written with
Arabic ``ي`` is ``ایران``). Names are shown in their normalized form.

>>> records = [
...     {"id": "a1", "text": "پوتین و بایدن", "published": "2024-03-25",
...      "entities": [
...          {"id": "e1", "label": "PER", "name": "پوتین",
...           "mentions": [{"start": 0, "end": 5, "text": "پوتین", "kind": "name"}]},
...          {"id": "e2", "label": "PER", "name": "بایدن",
...           "mentions": [{"start": 8, "end": 13, "text": "بایدن", "kind": "name"}]}],
...      "quotes": []},
... ]
>>> top_entities(records, label="PER")["name"].tolist()
['بایدن', 'پوتین']
>>> counts_per_month(records)["month"].tolist()
['1403-01']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import combinations
from typing import Any

import pandas as pd

from persnews.errors import check_choice
from persnews.normalize import normalize

__all__ = [
    "as_frames",
    "cooccurrence",
    "counts_per_month",
    "quotes_by_speaker",
    "quotes_with_speakers",
    "top_entities",
    "who_quotes_whom",
]

Frames = Mapping[str, pd.DataFrame]
UNKNOWN_SPEAKER = "(نامعلوم)"


def as_frames(data: Frames | Iterable[Any]) -> dict[str, pd.DataFrame]:
    """``data`` if it already is a frames dict, else the frames of the records it holds.

    Records may be ArticleRecord objects or their dicts; the tables are those of
    :func:`persnews.to_frames` (columns in ``docs/batch.md``).
    """
    if isinstance(data, Mapping):
        if "entities" not in data or "quotes" not in data:
            raise TypeError(
                "expected the dict of DataFrames from persnews.to_frames (with 'entities' and "
                f"'quotes') or an iterable of article records; got keys {sorted(data)}"
            )
        return {k: v for k, v in data.items() if isinstance(v, pd.DataFrame)}
    from persnews.batch import to_frames

    return to_frames(data)


def _col(df: pd.DataFrame, *names: str) -> str:
    """The first of ``names`` that ``df`` has (tables written by older versions may differ)."""
    for name in names:
        if name in df.columns:
            return name
    raise KeyError(f"none of the columns {names} is in the table (it has {list(df.columns)})")


def _entity_table(frames: Frames) -> pd.DataFrame:
    """Entities with ``article_id``, ``entity_id``, ``label``, ``name``, ``key``, ``mentions``."""
    ents = frames["entities"]
    out = pd.DataFrame(
        {
            "article_id": ents[_col(ents, "article_id", "doc_id")].astype(str),
            "entity_id": ents[_col(ents, "entity_id", "id")].astype(str),
            "label": ents[_col(ents, "label")].astype(str),
            "name": ents[_col(ents, "name")].fillna("").astype(str).map(_fold),
        }
    )
    kb = list(ents["kb_id"]) if "kb_id" in ents.columns else [None] * len(ents)
    out = out.reset_index(drop=True)
    out["key"] = [
        f"kb:{k}" if isinstance(k, str) and k else f"{lab}:{name}"
        for k, lab, name in zip(kb, out["label"], out["name"], strict=True)
    ]
    if "n_mentions" in ents.columns:
        out["mentions"] = ents["n_mentions"].fillna(0).astype(int).to_numpy()
    elif "mentions" in frames and len(frames["mentions"]):
        m = frames["mentions"]
        counts = m.groupby(
            [m[_col(m, "article_id", "doc_id")].astype(str), m[_col(m, "entity_id")].astype(str)]
        ).size()
        out["mentions"] = [
            int(counts.get((a, e), 0))
            for a, e in zip(out["article_id"], out["entity_id"], strict=True)
        ]
    else:
        out["mentions"] = 1
    return out


def _fold(name: str) -> str:
    """The form names are compared in: normalized (ي/ك, ZWNJ, digits), spaces collapsed."""
    return " ".join(normalize(name).split())


def top_entities(
    data: Frames | Iterable[Any], *, label: str | None = None, n: int = 10
) -> pd.DataFrame:
    """The ``n`` entities found in the most articles (ties: more mentions, then name).

    Returns columns ``name``, ``label``, ``articles``, ``mentions``.
    """
    ents = _entity_table(as_frames(data))
    if label is not None:
        ents = ents[ents["label"] == label]
    if ents.empty:
        return pd.DataFrame(columns=["name", "label", "articles", "mentions"])
    grouped = ents.groupby("key").agg(
        name=("name", lambda s: Counter(s).most_common(1)[0][0]),
        label=("label", "first"),
        articles=("article_id", "nunique"),
        mentions=("mentions", "sum"),
    )
    grouped = grouped.sort_values(["articles", "mentions", "name"], ascending=[False, False, True])
    return grouped.head(n).reset_index(drop=True)


def quotes_with_speakers(data: Frames | Iterable[Any]) -> pd.DataFrame:
    """The quotes table plus ``speaker``: the resolved entity's name, else the speaker's text.

    ``speaker_key`` identifies the speaker across articles (like :func:`top_entities`).
    """
    frames = as_frames(data)
    q = frames["quotes"].copy()
    q["article_id"] = q[_col(q, "article_id", "doc_id")].astype(str)
    names = _entity_table(frames).set_index(["article_id", "entity_id"])
    speakers = []
    if "speaker_text" not in q.columns:
        q["speaker_text"] = q[_col(q, "speaker")]
    ent_col = _col(q, "speaker_entity", "speaker_entity_id")
    for aid, ent, text in zip(q["article_id"], q[ent_col], q["speaker_text"], strict=True):
        key = (aid, str(ent))
        if ent is not None and not pd.isna(ent) and key in names.index:
            speakers.append((names.loc[key, "name"], names.loc[key, "key"]))
        elif isinstance(text, str) and text.strip():
            speakers.append((_fold(text), f"text:{_fold(text)}"))
        else:
            speakers.append((UNKNOWN_SPEAKER, "none"))
    q["speaker"] = [s[0] for s in speakers]
    q["speaker_key"] = [s[1] for s in speakers]
    return q


def quotes_by_speaker(data: Frames | Iterable[Any], *, n: int | None = None) -> pd.DataFrame:
    """Quotes per speaker, the speaker named by the resolved entity (``وی`` becomes its name).

    Returns columns ``speaker``, ``quotes``, ``articles``, ``example`` (the longest quote).
    """
    q = quotes_with_speakers(data)
    if q.empty:
        return pd.DataFrame(columns=["speaker", "quotes", "articles", "example"])
    text_col = _col(q, "content", "content_text")
    q["_len"] = q[text_col].fillna("").str.len()
    grouped = (
        q.sort_values("_len", ascending=False)
        .groupby("speaker_key")
        .agg(
            speaker=("speaker", "first"),
            quotes=("speaker", "size"),
            articles=("article_id", "nunique"),
            example=(text_col, "first"),
        )
    )
    grouped = grouped.sort_values(["quotes", "speaker"], ascending=[False, True])
    out = grouped.reset_index(drop=True)
    return out if n is None else out.head(n)


def who_quotes_whom(data: Frames | Iterable[Any], *, n: int | None = None) -> pd.DataFrame:
    """Speaker -> entity mentioned inside what they said, with how many quotes do so.

    Returns columns ``speaker``, ``mentioned``, ``label``, ``quotes``.
    """
    frames = as_frames(data)
    q = quotes_with_speakers(frames)
    m = frames.get("mentions")
    cols = ["speaker", "mentioned", "label", "quotes"]
    if q.empty or m is None or m.empty:
        return pd.DataFrame(columns=cols)
    ents = _entity_table(frames).set_index(["article_id", "entity_id"])
    m_aid = m[_col(m, "article_id", "doc_id")].astype(str)
    by_article: dict[str, list[tuple[int, int, str]]] = {}
    for aid, ent, start, end in zip(
        m_aid, m[_col(m, "entity_id")].astype(str), m["start"], m["end"], strict=True
    ):
        by_article.setdefault(aid, []).append((int(start), int(end), ent))
    counts: Counter[tuple[str, str, str]] = Counter()
    cs, ce = _col(q, "content_start"), _col(q, "content_end")
    for aid, start, end, speaker, skey in zip(
        q["article_id"], q[cs], q[ce], q["speaker"], q["speaker_key"], strict=True
    ):
        inside = {e for s, t, e in by_article.get(aid, []) if s >= start and t <= end}
        for ent in inside:
            row = ents.loc[(aid, ent)]
            if row["key"] != skey:
                counts[(speaker, row["name"], row["label"])] += 1
    out = pd.DataFrame([(*k, v) for k, v in counts.items()], columns=cols)
    out = out.sort_values(["quotes", "speaker", "mentioned"], ascending=[False, True, True])
    out = out.reset_index(drop=True)
    return out if n is None else out.head(n)


def cooccurrence(
    data: Frames | Iterable[Any],
    *,
    labels: tuple[str, ...] | None = ("PER", "ORG", "LOC"),
    min_articles: int = 1,
    n: int | None = None,
) -> pd.DataFrame:
    """Pairs of entities mentioned in the same article, with the number of such articles.

    Returns columns ``a``, ``b`` (names, ``a`` < ``b``), ``label_a``, ``label_b``, ``articles``.
    """
    ents = _entity_table(as_frames(data))
    if labels is not None:
        ents = ents[ents["label"].isin(labels)]
    names = ents.groupby("key")["name"].agg(lambda s: Counter(s).most_common(1)[0][0])
    kinds = ents.groupby("key")["label"].first()
    counts: Counter[tuple[str, str]] = Counter()
    for _, keys in ents.groupby("article_id")["key"]:
        for a, b in combinations(sorted(set(keys)), 2):
            counts[(a, b)] += 1
    rows = []
    for (a, b), c in counts.items():
        if c >= min_articles:
            (na, ka), (nb, kb) = sorted([(names[a], a), (names[b], b)])
            rows.append((na, nb, kinds[ka], kinds[kb], c))
    out = pd.DataFrame(rows, columns=["a", "b", "label_a", "label_b", "articles"])
    out = out.sort_values(["articles", "a", "b"], ascending=[False, True, True])
    out = out.reset_index(drop=True)
    return out if n is None else out.head(n)


def counts_per_month(
    data: Frames | Iterable[Any],
    *,
    what: str = "articles",
    calendar: str = "jalali",
    entity: str | None = None,
) -> pd.DataFrame:
    """Articles, quotes or mentions per month of publication (``1403-01`` style labels).

    Args:
        what: ``"articles"``, ``"quotes"`` or ``"mentions"``.
        calendar: ``"jalali"`` (Solar Hijri, as Iranian outlets date) or ``"gregorian"``.
        entity: count only articles/quotes/mentions about the entity with this name.

    Returns columns ``month`` and ``count``; articles without a readable date are left out.
    """
    check_choice("what", what, ("articles", "quotes", "mentions"))
    check_choice("calendar", calendar, ("jalali", "gregorian"))
    frames = as_frames(data)
    arts = frames["articles"]
    aid = arts[_col(arts, "article_id", "id", "doc_id")].astype(str)
    dates = pd.to_datetime(arts[_col(arts, "published", "date")], errors="coerce", utc=True)
    dates = dates.dt.tz_convert("Asia/Tehran")  # the day as Iranian outlets date it
    month_of = {a: _month(d, calendar) for a, d in zip(aid, dates, strict=True) if not pd.isna(d)}
    if what == "articles":
        ids = list(month_of)
        if entity is not None:
            ents = _entity_table(frames)
            ids = sorted(set(ents.loc[ents["name"] == entity, "article_id"]))
        months = [month_of[a] for a in ids if a in month_of]
    elif what == "quotes":
        q = quotes_with_speakers(frames)
        if entity is not None:
            q = q[q["speaker"] == entity]
        months = [month_of[a] for a in q["article_id"] if a in month_of]
    else:
        ents = _entity_table(frames)
        if entity is not None:
            ents = ents[ents["name"] == entity]
        months = [
            month_of[a]
            for a, k in zip(ents["article_id"], ents["mentions"], strict=True)
            for _ in range(int(k))
            if a in month_of
        ]
    counts = Counter(months)
    out = pd.DataFrame(sorted(counts.items()), columns=["month", "count"])
    return out


def _month(stamp: pd.Timestamp, calendar: str) -> str:
    if calendar == "gregorian":
        return f"{stamp.year:04d}-{stamp.month:02d}"
    import jdatetime

    j = jdatetime.date.fromgregorian(date=stamp.date())
    return f"{j.year:04d}-{j.month:02d}"
