"""Relay attributions: which outlet a news text says it is reporting, and via whom.

Persian news opens with formulas such as ``به گزارش ایسنا، به نقل از خبرگزاری رویترز،``
(ISNA reports, quoting Reuters), ``به گزارش خبرنگار اقتصادی خبرگزاری تسنیم،``,
``بنا بر گزارش رویترز``, datelines (``خبرگزاری فارس:``) or ``ایرنا در خبری نوشت:``.
:func:`find_attributions` finds them in the original text: the relaying outlet is the
``source`` and what it cites are the ``via`` spans. Outlets found here are attributions,
never speakers of quotations.

The search folds Arabic ي/ك, ZWNJ, NBSP and digits one character for one, so every offset
points into the text as given.

>>> text = "به گزارش ایسنا، به نقل از خبرگزاری رویترز، بایدن گفت که ..."
>>> [a.to_dict()["source"]["text"] for a in find_attributions(text)]
['ایسنا']
>>> [v.text for v in find_attributions(text)[0].via]
['خبرگزاری رویترز']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from persnews.extract.outlet_names import WORD_PUNCT as _WORD_PUNCT
from persnews.extract.outlet_names import fold as _fold
from persnews.extract.outlet_names import head_noun_at as _head_at
from persnews.extract.outlet_names import known_name_at as _known_at
from persnews.extract.outlet_names import norm_words as _norm_words
from persnews.extract.outlet_names import resolve_outlet as _resolve
from persnews.extract.outlet_names import words_in as _words
from persnews.lang.outlets import (
    AMBIGUOUS_AGENCIES,
    ANAPHORIC_WORDS,
    NEWS_AGENCIES,
    PERSON_WORDS,
)

__all__ = ["Attribution", "TextSpan", "find_attributions"]


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A span ``[start, end)`` of the original text and the text it covers.

    >>> TextSpan(0, 5, "ایسنا").to_dict()
    {'start': 0, 'end': 5, 'text': 'ایسنا'}
    """

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data."""
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Attribution:
    """A relay attribution: ``source`` reports, citing each of ``via``.

    ``kind`` says which formula was found: ``report`` (``به گزارش X``), ``according``
    (``به نقل از X``), ``dateline`` (``X:`` / ``X نوشت``) or ``source_line`` (``منبع: X``).
    """

    source: TextSpan
    via: tuple[TextSpan, ...] = field(default_factory=tuple)
    kind: str = "report"

    def to_dict(self) -> dict[str, Any]:
        """``{"source": {...}, "via": [...], "kind": ...}`` with offsets into the text."""
        return {
            "source": self.source.to_dict(),
            "via": [v.to_dict() for v in self.via],
            "kind": self.kind,
        }


# --- patterns ---------------------------------------------------------------------------------

_DELIM = r"[،,:؛;\n!?؟]"
_REPORT_RE = re.compile(
    r"(?P<intro>به|بنا\s*(?:بر|به)|بنابر|بر\s*(?:اساس|پایه)|براساس|برپایه|طبق|مطابق)"
    r"\s+(?:گزارش|نوشته)(?=[\s(«\"])\s*"
    r"(?P<phrase>(?:[^،,:؛;\n.!?؟]|\.(?=\S)){1,160})"
)
_ACCORDING_RE = re.compile(
    r"به\s+نقل\s+از\s+(?P<phrase>(?:[^،,:؛;\n.!?؟]|\.(?=\S)){1,100})(?=[،,:])"
)
_INTRO_RE = re.compile(
    r"(?:به|بنا\s*(?:بر|به)|بنابر|بر\s*(?:اساس|پایه)|براساس|برپایه|طبق|مطابق)\s+(?:گزارش|نوشته)"
)
_CHAIN_SPLIT_RE = re.compile(r"\s*(?:و\s+)?به\s+نقل\s+از(?:\s+|(?=[^\W\d_]{3}))")
_FROM_RE = re.compile(r"\s+از\s+")
_NEXT_VIA_RE = re.compile(
    r"[،,]\s*(?:و\s+)?به\s+نقل\s+از\s+(?P<phrase>(?:[^،,:؛;\n.!?؟]|\.(?=\S)){1,100})(?=[،,:])"
)
_IN_RE = re.compile(r"\s+(?:در|طی)\s+")


def _alt(names: set[str]) -> str:
    parts = sorted(names, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)


_CLEAR_AGENCIES = {_norm_words(n) for n in NEWS_AGENCIES if n not in AMBIGUOUS_AGENCIES}
_ALL_AGENCIES = {_norm_words(n) for n in NEWS_AGENCIES}
_AGENCY_RE = re.compile(
    r"(?:^|(?<=[\n.!?؟:؛;،,»\"')\]…]))[ \t]*"
    r"(?P<city>[^\s\-–—:،,\n]{2,20}\s*[-–—]\s*)?"
    r"(?P<desk>(?:گروه|سرویس)\s+(?:[^\s:،,\n]+\s+){0,3}?)?"
    r"(?P<name>خبرگزاری\s+(?:" + _alt(_ALL_AGENCIES) + r")(?![^\s:،,)])"
    r"|خبرگزاری\s+[^\s:،,\-–—()]+"
    r"|(?:" + _alt(_CLEAR_AGENCIES) + r")(?![^\s:،,)\-–—]))"
    r"(?P<paren>\s*\([^()\n]{1,30}\))?"
    r"(?P<tail>\s*:(?!\s*\d)"
    r"|\s*[-–—](?=\s)"
    r"|\s+(?:به\s+نقل\s+از\s+(?P<via>[^،,:\n]{1,60}?)\s+)?"
    r"(?:(?:(?:روز|شامگاه|صبح|بامداد|عصر|ظهر)\s+\S+|امروز|دیروز|اخیرا|همچنین|نیز)\s+){0,2}"
    r"(?:در\s+(?:یک\s+)?(?:خبری|گزارشی|گزارش|مطلبی)|نوشت|گزارش\s+(?:داد|کرد|داده)|خبر\s+(?:داد|داده)))"
)
_SOURCE_LINE_RE = re.compile(r"(?m)^[ \t]*(?:منبع|منبع\s+خبر)\s*:\s*(?P<phrase>[^\n]{1,80})$")
_BOUNDARY = frozenset("\n.!?؟:؛;،,»\"')]…")
_LEADERS = ("و", "همچنین", "نیز")


# --- helpers ----------------------------------------------------------------------------------


def _clause_initial(folded: str, pos: int, lo: int) -> bool:
    """True when ``pos`` starts a clause: text start, after punctuation, or after ``و``."""
    i = pos - 1
    while i >= lo and folded[i] in " \t\r":
        i -= 1
    if i < lo or folded[i] in _BOUNDARY:
        return True
    j = i
    while j >= lo and not folded[j].isspace():
        j -= 1
    if folded[j + 1 : i + 1] in _LEADERS:
        return _clause_initial(folded, j + 1, lo)
    return False


def _span(text: str, se: tuple[int, int]) -> TextSpan:
    return TextSpan(se[0], se[1], text[se[0] : se[1]])


def _report_chain(
    text: str, folded: str, start: int, end: int, *, strict: bool
) -> Attribution | None:
    """Parse ``X [از Y] [به نقل از Z ...]`` in ``[start, end)``."""
    cuts = list(_CHAIN_SPLIT_RE.finditer(folded, start, end))
    first_end = cuts[0].start() if cuts else end
    via: list[TextSpan] = []
    head_end = first_end
    m_from = _FROM_RE.search(folded, start, first_end)
    if m_from:
        head_end = m_from.start()
        tail = _resolve(folded, m_from.end(), first_end, strict=True)
        if tail:
            via.append(_span(text, tail))
    m_in = _IN_RE.search(folded, start, head_end)
    if m_in:
        head_end = m_in.start()
    source = _resolve(folded, start, head_end, strict=strict)
    if source is None:
        return None
    for k, cut in enumerate(cuts):
        seg_end = cuts[k + 1].start() if k + 1 < len(cuts) else end
        m_loc = _FROM_RE.search(folded, cut.end(), seg_end)
        if m_loc and _resolve(folded, m_loc.end(), seg_end, strict=True) is None:
            seg_end = m_loc.start()
        words = _words(folded, cut.end(), seg_end)
        if not words or words[0][2] in PERSON_WORDS:
            continue
        v = _resolve(folded, cut.end(), seg_end, strict=False)
        if v:
            via.append(_span(text, v))
    return Attribution(_span(text, source), tuple(via), "report")


def _iter_report(text: str, folded: str, lo: int, hi: int) -> Iterator[Attribution]:
    for m in _REPORT_RE.finditer(folded, lo, hi):
        if not _clause_initial(folded, m.start(), lo):
            continue
        p_start, p_end = m.span("phrase")
        first = _words(folded, p_start, min(p_end, p_start + 40))
        if not first or first[0][2] in ANAPHORIC_WORDS:
            continue
        delimited = p_end < hi and re.match(_DELIM, folded[p_end]) is not None
        strict = m.group("intro") != "به" or "نوشته" in m.group() or not delimited
        if not delimited:
            # No comma after the phrase: only a known outlet at its start counts.
            words = _words(folded, p_start, p_end)
            n = _known_at(words, 0) or (_head_at(words, 0) and 1 + _known_at(words, 1))
            if not n:
                continue
            p_end = words[min(n, len(words)) - 1][1]
        att = _report_chain(text, folded, p_start, p_end, strict=strict)
        if att is None:
            continue
        # ``به گزارش ایسنا، به نقل از خبرگزاری رویترز،``: the cited outlet after the comma.
        nxt = _NEXT_VIA_RE.match(folded, p_end, hi) if delimited else None
        if nxt:
            words = _words(folded, *nxt.span("phrase"))
            v = _resolve(folded, *nxt.span("phrase"), strict=False)
            if v and words and words[0][2] not in PERSON_WORDS:
                att = Attribution(att.source, (*att.via, _span(text, v)), att.kind)
        yield att


def _iter_agency(text: str, folded: str, lo: int, hi: int) -> Iterator[Attribution]:
    for m in _AGENCY_RE.finditer(folded, lo, hi):
        if m.group("city") and m.group("tail").strip()[:1] not in "-–—":
            continue
        n_start, n_end = m.span("name")
        if m.group("paren"):
            n_end = m.end("paren")
        via: tuple[TextSpan, ...] = ()
        if m.group("via"):
            v = _resolve(folded, *m.span("via"), strict=True)
            if v:
                via = (_span(text, v),)
        tail = m.group("tail").strip()
        kind = "dateline" if tail[:1] in ":-–—" else "report"
        yield Attribution(_span(text, (n_start, n_end)), via, kind)


def _iter_according(text: str, folded: str, lo: int, hi: int) -> Iterator[Attribution]:
    for m in _ACCORDING_RE.finditer(folded, lo, hi):
        if not _clause_initial(folded, m.start(), lo):
            continue
        src = _resolve(folded, *m.span("phrase"), strict=True)
        if src:
            yield Attribution(_span(text, src), (), "according")


def _iter_source_line(text: str, folded: str, lo: int, hi: int) -> Iterator[Attribution]:
    for m in _SOURCE_LINE_RE.finditer(folded, lo, hi):
        src = _resolve(folded, *m.span("phrase"), strict=False)
        if src and len(folded[src[0] : src[1]].split()) <= 6:
            yield Attribution(_span(text, src), (), "source_line")


def find_attributions(text: str, *, start: int = 0, end: int | None = None) -> list[Attribution]:
    """Relay attributions in ``text[start:end]``, in text order, offsets into ``text``.

    >>> [a.source.text for a in find_attributions("خبرگزاری فارس: وزیر گفت ... ")]
    ['خبرگزاری فارس']
    >>> [a.source.text for a in find_attributions("به گزارش خبرنگار اقتصادی خبرگزاری تسنیم ، ...")]
    ['خبرگزاری تسنیم']
    >>> find_attributions("بنا بر این گزارش، آمار بالا رفت.")
    []
    """
    if not isinstance(text, str):
        raise TypeError(f"find_attributions() needs a str, got {type(text).__name__}")
    if not isinstance(start, int) or (end is not None and not isinstance(end, int)):
        raise TypeError("start and end must be int offsets")
    n = len(text)
    lo = min(max(start, 0), n)
    hi = n if end is None else min(max(end, lo), n)
    if lo >= hi:
        return []
    folded = _fold(text)
    found: list[Attribution] = []
    taken: set[int] = set()  # covered character positions (spans are short)
    for it in (_iter_report, _iter_agency, _iter_according, _iter_source_line):
        for att in it(text, folded, lo, hi):
            spans = [(att.source.start, att.source.end), *((v.start, v.end) for v in att.via)]
            if any(i in taken for s, e in spans for i in range(s, e)):
                continue
            for s, e in spans:
                taken.update(range(s, e))
            found.append(att)
    found.sort(key=lambda a: a.source.start)
    return _merge_datelines(folded, found)


def _merge_datelines(folded: str, found: list[Attribution]) -> list[Attribution]:
    """``فارس: ...`` then ``به گزارش خبرگزاری فرانسه، ...``: the dateline relays the report."""
    out: list[Attribution] = []
    datelines: set[str] = set()
    for att in found:
        if att.kind == "dateline":
            # Interviews repeat ``فارس:`` before every question: one dateline per outlet.
            key = (_fold(att.source.text).split() or [""])[-1].strip(_WORD_PUNCT)
            if key in datelines:
                continue
            datelines.add(key)
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "dateline"
            and att.kind == "report"
            and att.source.start - prev.source.end <= 400
            and _clause_initial(folded, _intro_start(folded, att.source.start), 0)
        ):
            same = _fold(prev.source.text).split()[-1:] == _fold(att.source.text).split()[-1:]
            extra = att.via if same else (att.source, *att.via)
            out[-1] = Attribution(prev.source, (*prev.via, *extra), prev.kind)
            continue
        out.append(att)
    return out


def _intro_start(folded: str, pos: int) -> int:
    """Start of the ``به گزارش`` formula that ends just before ``pos``."""
    lo = max(0, pos - 200)
    starts = [m.start() for m in _INTRO_RE.finditer(folded, lo, pos)]
    return starts[-1] if starts else pos
