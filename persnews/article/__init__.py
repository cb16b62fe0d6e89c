"""The news article model: title, lead, body, news id, dates and relay attributions.

:func:`read_article` reads the text of a scraped Persian news page; every part of the
returned :class:`Article` carries offsets into the original text.

>>> art = read_article("تیتر خبر\\nکد خبر: ۴۲\\nبه گزارش ایسنا، وزیر گفت: ...\\nوی افزود: ...")
>>> art.title.text, art.news_id, art.attributions[0].source.text
('تیتر خبر', '42', 'ایسنا')
"""

from __future__ import annotations

from persnews.article.dates import NewsDate, is_date_line, parse_date
from persnews.article.reader import Article, ArticlePart, read_article
from persnews.extract.attributions import Attribution, TextSpan

__all__ = [
    "Article",
    "ArticlePart",
    "Attribution",
    "NewsDate",
    "TextSpan",
    "is_date_line",
    "parse_date",
    "read_article",
]
