"""Turn the text of a scraped Persian news page into an :class:`Article`.

The reader works line by line (linear in the input): it marks page chrome (date
headers, labelled fields such as ``کد خبر``, buttons such as ``فیلم بیشتر »»``, the
repeated title, and everything from ``ارسال به دوستان`` / ``انتهای پیام`` on), takes the
first headline-like line as the title, the next paragraph as the lead, the rest as the
body, and reads the news id and the publication/update dates from the chrome.

>>> page = "کد خبر: ۱۲۳\\nوزیر: قیمت نان ثابت می‌ماند\\n\\nبه گزارش ایرنا، وزیر گفت که ...\\n"
>>> art = read_article(page + "وی افزود: ...")
>>> art.title.text, art.news_id, [a.source.text for a in art.attributions]
('وزیر: قیمت نان ثابت می\u200cماند', '123', ['ایرنا'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from persnews.article.dates import NewsDate, is_date_line, parse_date
from persnews.extract.attributions import Attribution, TextSpan, find_attributions
from persnews.lang.chrome import (
    DATE_LABELS,
    NEWS_ID_LABELS,
    SOURCE_LABELS,
    UPDATE_LABELS,
    chrome_kind,
    fold_chrome,
)

__all__ = ["Article", "ArticlePart", "read_article"]

PART_KINDS = ("kicker", "title", "lead", "paragraph", "chrome")


@dataclass(frozen=True, slots=True)
class ArticlePart:
    """One part of the page: ``kind`` is kicker, title, lead, paragraph or chrome.

    For chrome, ``label`` says which: ``date``, ``meta``, ``marker``, ``symbols``,
    ``repeated_title`` or ``footer``. ``start``/``end`` index the original text.
    """

    kind: str
    start: int
    end: int
    text: str
    label: str | None = None

    @property
    def span(self) -> TextSpan:
        """The part as a :class:`TextSpan`."""
        return TextSpan(self.start, self.end, self.text)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data."""
        out: dict[str, Any] = {"kind": self.kind, "start": self.start, "end": self.end}
        if self.label is not None:
            out["label"] = self.label
        out["text"] = self.text
        return out


@dataclass(frozen=True)
class Article:
    """A news article read from page text; every offset indexes :attr:`text`."""

    text: str
    title: ArticlePart | None = None
    kicker: ArticlePart | None = None
    lead: ArticlePart | None = None
    body: tuple[ArticlePart, ...] = ()
    chrome: tuple[ArticlePart, ...] = ()
    news_id: str | None = None
    published: NewsDate | None = None
    updated: NewsDate | None = None
    attributions: tuple[Attribution, ...] = field(default_factory=tuple)

    @property
    def paragraphs(self) -> tuple[ArticlePart, ...]:
        """The lead (if any) followed by the body paragraphs."""
        return ((self.lead,) if self.lead else ()) + self.body

    @property
    def body_start(self) -> int:
        """Offset where the article text (lead or first paragraph) begins."""
        paras = self.paragraphs
        return paras[0].start if paras else len(self.text)

    @property
    def body_end(self) -> int:
        """Offset just after the last body paragraph (the footer starts later)."""
        paras = self.paragraphs
        return paras[-1].end if paras else self.body_start

    @property
    def parts(self) -> tuple[ArticlePart, ...]:
        """Every part (title, lead, paragraphs, chrome) in text order."""
        items = list(self.chrome) + list(self.paragraphs)
        items += [p for p in (self.kicker, self.title) if p is not None]
        return tuple(sorted(items, key=lambda p: (p.start, p.end)))

    @property
    def clean_text(self) -> str:
        """Title and paragraphs joined by blank lines, chrome left out."""
        pieces = ([self.title.text] if self.title else []) + [p.text for p in self.paragraphs]
        return "\n\n".join(pieces)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data: strings, ints, ISO datetimes and offset dicts."""
        return {
            "title": self.title.text if self.title else None,
            "kicker": self.kicker.text if self.kicker else None,
            "lead": self.lead.text if self.lead else None,
            "news_id": self.news_id,
            "published": self.published.iso if self.published else None,
            "published_jalali": self.published.jalali if self.published else None,
            "updated": self.updated.iso if self.updated else None,
            "updated_jalali": self.updated.jalali if self.updated else None,
            "body_start": self.body_start,
            "body_end": self.body_end,
            "parts": [p.to_dict() for p in self.parts],
            "attributions": [a.to_dict() for a in self.attributions],
        }


# --- line handling -------------------------------------------------------------------------------

_DIGIT_TABLE = str.maketrans(
    {**{chr(0x06F0 + i): str(i) for i in range(10)}, **{chr(0x0660 + i): str(i) for i in range(10)}}
)
_NEWS_ID_RE = re.compile(
    r"(?:"
    + "|".join(re.escape(w) for w in sorted(NEWS_ID_LABELS, key=len, reverse=True))
    + r")\s*[:：]?\s*([0-9]{2,20})",
    re.IGNORECASE,
)
_MAX_TITLE_CHARS = 220
_MAX_TITLE_WORDS = 35
_TRAILING = " \t\r\u200f\u200e\ufeff"


def _lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line's content (whitespace trimmed; may be empty)."""
    out = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        stop = n if nl < 0 else nl
        s, e = pos, stop
        while s < e and (text[s].isspace() or text[s] in _TRAILING):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in _TRAILING):
            e -= 1
        out.append((s, e))
        if nl < 0:
            break
        pos = nl + 1
    return out


def _headline_like(line: str) -> bool:
    if len(line) > _MAX_TITLE_CHARS or len(line.split()) > _MAX_TITLE_WORDS:
        return False
    stripped = line.rstrip()
    if stripped.endswith((". . .", "...", "…")):
        return True
    return not stripped.endswith((".", "،", ",", ";", "؛"))


def _is_kicker(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """A short line ending in ``:`` above the headline (``وزیر نفت در جمع خبرنگاران:``)."""
    line = text[first[0] : first[1]]
    return (
        line.endswith(":")
        and len(line.split()) <= 12
        and _headline_like(text[second[0] : second[1]])
    )


def _starts_with_label(folded: str, labels: tuple[str, ...]) -> bool:
    return any(folded.startswith(label) for label in labels)


def _same(a: str, b: str) -> bool:
    return fold_chrome(a) == fold_chrome(b)


def read_article(text: str) -> Article:
    """Read a news page (or any text) into an :class:`Article`.

    Never raises on a ``str``: empty or non-news text gives an article with whatever
    parts it has. A non-``str`` argument raises :class:`TypeError`.

    >>> head = "۳۱ شهريور ۱۴۰۳\\nتاریخ انتشار: ۱۰:۲۶ - ۱۰-۱۰-۱۴۰۰\\n\\n"
    >>> art = read_article(head + "تیتر خبر\\n\\nتیتر خبر\\nمتن خبر.\\nارسال به دوستان\\nپیوند")
    >>> art.title.text, art.published.iso, [p.text for p in art.paragraphs]
    ('تیتر خبر', '2021-12-31T10:26:00+03:30', ['متن خبر.'])
    >>> art.text[art.body_end:].strip().startswith("ارسال به دوستان")
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"read_article() needs a str, got {type(text).__name__}")
    chrome: list[ArticlePart] = []
    content: list[tuple[int, int]] = []
    news_id: str | None = None
    published: NewsDate | None = None
    updated: NewsDate | None = None
    unlabeled: list[NewsDate] = []
    sources: list[tuple[int, int]] = []

    def add_chrome(s: int, e: int, label: str) -> None:
        chrome.append(ArticlePart("chrome", s, e, text[s:e], label))

    for s, e in _lines(text):
        if s == e:
            continue
        line = text[s:e]
        kind = chrome_kind(line) if e - s <= 200 else None
        if kind == "footer" and content:
            add_chrome(s, len(text.rstrip()), "footer")
            break
        date = parse_date(line, offset=s) if e - s <= 200 else None
        if kind is None and date is not None and is_date_line(line):
            kind = "date"
        if kind is None:
            content.append((s, e))
            continue
        add_chrome(s, e, kind if kind != "footer" else "marker")
        folded = fold_chrome(line)
        if news_id is None:
            m = _NEWS_ID_RE.search(folded.translate(_DIGIT_TABLE))
            if m:
                news_id = m.group(1)
        if _starts_with_label(folded, SOURCE_LABELS):
            sources.append((s, e))
        if date is None:
            continue
        if _starts_with_label(folded, UPDATE_LABELS):
            updated = updated or date
        elif _starts_with_label(folded, DATE_LABELS):
            published = published or date
        else:
            unlabeled.append(date)

    if published is None and unlabeled:
        with_time = [d for d in unlabeled if d.has_time]
        published = (with_time or unlabeled)[0]

    title: ArticlePart | None = None
    kicker: ArticlePart | None = None
    paragraphs = list(content)
    if len(paragraphs) >= 3 and _is_kicker(text, paragraphs[0], paragraphs[1]):
        ks, ke = paragraphs.pop(0)
        kicker = ArticlePart("kicker", ks, ke, text[ks:ke])
    if len(paragraphs) >= 2 and _headline_like(text[paragraphs[0][0] : paragraphs[0][1]]):
        ts, te = paragraphs.pop(0)
        title = ArticlePart("title", ts, te, text[ts:te])
        # The page repeats its title: drop equal lines and a title glued to the next paragraph.
        kept: list[tuple[int, int]] = []
        for k, (s, e) in enumerate(paragraphs):
            if k < 3 and _same(text[s:e], title.text):
                add_chrome(s, e, "repeated_title")
                continue
            if k < 3 and len(title.text.split()) >= 4 and text.startswith(title.text, s):
                cut = s + len(title.text)
                if cut < e and text[cut].isspace():
                    add_chrome(s, cut, "repeated_title")
                    while cut < e and text[cut].isspace():
                        cut += 1
                    s = cut
            kept.append((s, e))
        paragraphs = kept

    lead: ArticlePart | None = None
    if title is not None and len(paragraphs) >= 2:
        ls, le = paragraphs.pop(0)
        lead = ArticlePart("lead", ls, le, text[ls:le])
    body = tuple(ArticlePart("paragraph", s, e, text[s:e]) for s, e in paragraphs)

    article_start = lead.start if lead else (body[0].start if body else len(text))
    article_end = body[-1].end if body else (lead.end if lead else article_start)
    attributions = find_attributions(text, start=article_start, end=article_end)
    for s, e in sources:
        line_start = text.rfind("\n", 0, s) + 1
        seen = {fold_chrome(a.source.text) for a in attributions}
        attributions.extend(
            a
            for a in find_attributions(text, start=line_start, end=e)
            if fold_chrome(a.source.text) not in seen
        )
    chrome.sort(key=lambda p: p.start)
    return Article(
        text=text,
        kicker=kicker,
        title=title,
        lead=lead,
        body=body,
        chrome=tuple(chrome),
        news_id=news_id,
        published=published,
        updated=updated,
        attributions=tuple(attributions),
    )
