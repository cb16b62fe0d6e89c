"""Where the article body of a scraped page ends (page chrome is not article text).

Uses ``persnews.read_article`` when it is available (title to last body paragraph);
otherwise cuts at the first footer marker (``ارسال به دوستان``, ``اخبار مرتبط`` ...) found
after the first third of the text.

>>> text = "متن خبر درباره تهران.\\nارسال به دوستان\\nپیوند: خبر دیگری درباره مشهد"
>>> start, end = body_span(text)
>>> "تهران" in text[start:end], "مشهد" in text[start:end]
(True, False)
"""

from __future__ import annotations

import re

__all__ = ["FOOTER_MARKERS", "body_span"]

#: Lines that start page chrome after the article (related links, share buttons, tags).
FOOTER_MARKERS = (
    "ارسال به دوستان",
    "اخبار مرتبط",
    "مطالب مرتبط",
    "خبرهای مرتبط",
    "برچسب ها",
    "برچسب‌ها",
    "کلمات کلیدی",
    "نظرات کاربران",
    "پربازدیدترین",
)
_MARKER = re.compile("|".join(re.escape(m) for m in FOOTER_MARKERS))


def _from_reader(text: str) -> tuple[int, int] | None:
    try:
        from persnews.article import read_article  # written beside this module
    except ImportError:
        return None
    try:
        article = read_article(text)
    except Exception:  # a reader bug must not break entity extraction
        return None
    for names in (("body_start", "body_end"), ("start", "end")):
        s, e = (getattr(article, n, None) for n in names)
        if isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= len(text):
            title_start = getattr(getattr(article, "title", None), "start", None)
            if isinstance(title_start, int) and 0 <= title_start < s:
                s = title_start  # the title is article text too
            return s, e
    span = getattr(article, "body_span", None)
    if isinstance(span, tuple) and len(span) == 2 and all(isinstance(x, int) for x in span):
        return span[0], span[1]
    return None


def body_span(text: str) -> tuple[int, int]:
    """``(start, end)`` of the article body in ``text`` (the whole text when unsure)."""
    found = _from_reader(text)
    if found is not None:
        return found
    for m in _MARKER.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if m.start() >= len(text) // 3 and not text[line_start : m.start()].strip():
            return 0, line_start
    return 0, len(text)
