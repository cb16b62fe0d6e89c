"""A standalone HTML report for a set of analysed articles (``persnews report``).

The report is one UTF-8 file with no external resources, written right-to-left: corpus totals,
top people, organizations and places, top speakers, the quotes of each top speaker, the
entity pairs that appear together most often, and the first few articles rendered with their
entities and quotes.

>>> import tempfile, pathlib
>>> rec = {"id": "a1", "text": "مریم گفت: فردا می‌آیم.",
...        "entities": [{"id": "e1", "label": "PER", "name": "مریم",
...                      "mentions": [{"start": 0, "end": 4, "text": "مریم", "kind": "name"}]}],
...        "quotes": [{"id": "q1", "kind": "direct",
...                    "content": {"start": 10, "end": 22, "text": "فردا می‌آیم."},
...                    "cue": {"start": 5, "end": 8, "text": "گفت", "lemma": "گفت#گو"},
...                    "speaker": {"start": 0, "end": 4, "text": "مریم"},
...                    "speaker_entity": "e1", "parent": None, "confidence": 0.9}]}
>>> out = write_report([rec], pathlib.Path(tempfile.mkdtemp()) / "report.html")
>>> html = out.read_text(encoding="utf-8")
>>> 'dir="rtl"' in html and "فردا می‌آیم." in html
True
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from pathlib import Path
from typing import Any

import pandas as pd

from persnews import analysis
from persnews.visualize._markup import page, persian_digits
from persnews.visualize._records import as_record
from persnews.visualize._render import render_fragment, writing_direction

__all__ = ["report_html", "write_report"]


def write_report(
    records: Iterable[Any],
    path: str | Path,
    *,
    title: str = "گزارش persnews",
    top: int = 15,
    articles: int = 10,
    quotes_per_speaker: int = 3,
) -> Path:
    """Write the HTML report of ``records`` (ArticleRecords or their dicts) to ``path``.

    Args:
        records: the analysed articles, e.g. from :func:`persnews.pipe` or ``articles.jsonl``.
        path: the ``.html`` file to write (its folder is created).
        title: the report's heading.
        top: rows in each ranking table.
        articles: how many articles to show in full (the first ones, in input order).
        quotes_per_speaker: quotes listed under each top speaker.

    Returns:
        The path written.
    """
    if isinstance(records, (str, bytes)) or not isinstance(records, Iterable):
        raise TypeError(f"records must be an iterable of article records, got {type(records)}")
    if top < 1 or articles < 0 or quotes_per_speaker < 0:
        raise ValueError(
            f"top must be >= 1 and articles, quotes_per_speaker >= 0; got top={top}, "
            f"articles={articles}, quotes_per_speaker={quotes_per_speaker}"
        )
    html = report_html(
        records, title=title, top=top, articles=articles, quotes_per_speaker=quotes_per_speaker
    )
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    return out


def report_html(
    records: Iterable[Any],
    *,
    title: str = "گزارش persnews",
    top: int = 15,
    articles: int = 10,
    quotes_per_speaker: int = 3,
) -> str:
    """The report of :func:`write_report` as a string."""
    recs = [as_record(r) for r in records]
    frames = analysis.as_frames(recs)
    n_quotes = sum(len(r["quotes"]) for r in recs)
    attributed = sum(
        1 for r in recs for q in r["quotes"] if q.get("speaker_entity") or q.get("speaker")
    )
    parts = [f"<h1>{escape(title)}</h1>", _summary(len(recs), frames, n_quotes, attributed)]
    rankings = []
    for label, heading in (("PER", "افراد پرتکرار"), ("ORG", "سازمان‌ها"), ("LOC", "مکان‌ها")):
        table = analysis.top_entities(frames, label=label, n=top)
        rankings.append(
            _section(
                heading,
                f"top-{label.lower()}",
                _table(table, {"name": "نام", "articles": "خبرها", "mentions": "اشاره‌ها"}),
            )
        )
    parts.append(f'<div class="pn-grid">{"".join(rankings)}</div>')
    speakers = analysis.quotes_by_speaker(frames)
    parts.append(
        _section(
            "گویندگان پرتکرار",
            "top-speakers",
            _table(
                speakers.head(top), {"speaker": "گوینده", "quotes": "نقل‌قول‌ها", "articles": "خبرها"}
            ),
        )
    )
    parts.append(
        _section(
            "نقل‌قول‌های هر گوینده",
            "quotes-per-speaker",
            _quotes_per_speaker(frames, speakers.head(top), quotes_per_speaker),
        )
    )
    pairs = analysis.cooccurrence(frames, n=top)
    parts.append(
        _section(
            "هم‌آیی موجودیت‌ها",
            "cooccurrence",
            _table(pairs, {"a": "موجودیت ۱", "b": "موجودیت ۲", "articles": "خبرهای مشترک"}),
        )
    )
    shown = recs[:articles]
    if shown:
        figures = "".join(
            f'<figure data-pn-article="{escape(str(r.get("id")))}">'
            f"{render_fragment(r, style='both', title=_article_title(r))}</figure>"
            for r in shown
        )
        parts.append(_section(f"{persian_digits(len(shown))} خبر نخست", "articles", figures))
    return page("\n".join(parts), title=title, direction=writing_direction())


def _article_title(record: dict[str, Any]) -> str:
    title = record.get("title")
    return str(title) if title else str(record.get("id") or "")


def _summary(n_articles: int, frames: dict[str, pd.DataFrame], quotes: int, attributed: int) -> str:
    rows = [
        ("خبرها", n_articles),
        ("موجودیت‌ها (در هر خبر)", len(frames["entities"])),
        ("نقل‌قول‌ها", quotes),
        ("نقل‌قول‌های دارای گوینده", attributed),
    ]
    cells = "".join(
        f'<tr><th>{escape(k)}</th><td class="pn-num">{persian_digits(v)}</td></tr>' for k, v in rows
    )
    return f'<table class="pn-summary" id="summary">{cells}</table>'


def _section(heading: str, anchor: str, body: str) -> str:
    return f'<section id="{anchor}"><h2>{escape(heading)}</h2>{body}</section>'


def _table(df: pd.DataFrame, columns: dict[str, str]) -> str:
    if df.empty:
        return '<p class="pn-empty">موردی یافت نشد.</p>'
    head = "".join(f"<th>{escape(v)}</th>" for v in columns.values())
    rows = []
    for _, row in df.iterrows():
        cells = []
        for col in columns:
            value = row[col]
            if pd.api.types.is_number(value) and not isinstance(value, bool):
                cells.append(f'<td class="pn-num">{persian_digits(int(value))}</td>')
            else:
                cells.append(f"<td>{escape(str(value))}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _quotes_per_speaker(frames: dict[str, pd.DataFrame], speakers: pd.DataFrame, k: int) -> str:
    if speakers.empty or k == 0:
        return '<p class="pn-empty">موردی یافت نشد.</p>'
    q = analysis.quotes_with_speakers(frames)
    text_col = "content" if "content" in q.columns else "content_text"
    blocks = []
    for speaker in speakers["speaker"]:
        mine = q[q["speaker"] == speaker].head(k)
        items = "".join(
            f"<li><q>{escape(str(t))}</q> <small>({escape(str(a))})</small></li>"
            for t, a in zip(mine[text_col], mine["article_id"], strict=True)
        )
        blocks.append(f"<h3>{escape(str(speaker))}</h3><ul>{items}</ul>")
    return "".join(blocks)
