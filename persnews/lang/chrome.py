"""Page chrome of Persian news sites: labels and markers that are not article text.

Scraped pages keep the site's furniture: date headers, ``کد خبر``, ``فیلم بیشتر »»``,
share buttons and, after ``ارسال به دوستان`` or ``انتهای پیام``, a list of related links.
:func:`chrome_kind` classifies one line; the word lists are plain data.

>>> chrome_kind("ارسال به دوستان")
'footer'
>>> chrome_kind("فیلم بیشتر »»")
'marker'
>>> chrome_kind("کد خبر ۸۱۹۹۹۱")
'meta'
>>> chrome_kind("بایدن گفت که به دنبال کاهش تنش است.") is None
True
"""

from __future__ import annotations

import re

__all__ = [
    "DATE_LABELS",
    "FOOTER_MARKERS",
    "LINE_MARKERS",
    "META_LABELS",
    "NEWS_ID_LABELS",
    "SOURCE_LABELS",
    "UPDATE_LABELS",
    "chrome_kind",
    "fold_chrome",
]

#: A line starting with one of these ends the article: the rest of the page is chrome.
FOOTER_MARKERS: tuple[str, ...] = (
    "ارسال به دوستان",
    "انتهای پیام",
    "اخبار مرتبط",
    "خبرهای مرتبط",
    "مطالب مرتبط",
    "مطالب پیشنهادی",
    "پیشنهاد سردبیر",
    "برچسب ها",
    "برچسبها",
    "کلید واژه ها",
    "کلیدواژه ها",
    "کلیدواژهها",
    "تگ ها",
    "نظرات",
    "ارسال نظر",
    "نظر شما",
    "دیدگاه شما",
    "پربازدیدترین",
    "پربازدید ترین",
    "پربیننده ترین",
    "پربینندهترین",
    "آخرین اخبار",
    "اخبار روز",
)

#: Short lines that are buttons or links of the page.
LINE_MARKERS: tuple[str, ...] = (
    "فیلم بیشتر",
    "عکس بیشتر",
    "ویدیو بیشتر",
    "ویدئو بیشتر",
    "بیشتر بخوانید",
    "بخوانید",
    "نسخه چاپی",
    "چاپ خبر",
    "چاپ",
    "لینک کوتاه",
    "کپی لینک",
    "کپی شد",
    "ذخیره",
    "بازگشت",
    "صفحه نخست",
    "صفحه اصلی",
    "تعداد بازدید",
    "بازدید",
    "زمان مطالعه",
    "دقیقه مطالعه",
    "اشتراک",
    "اشتراک گذاری",
    "به اشتراک بگذارید",
    "دانلود",
    "نسخه PDF",
)

#: Labels of the news id (``کد خبر ۸۱۹۹۹۱``).
NEWS_ID_LABELS: tuple[str, ...] = (
    "کد خبر",
    "کدخبر",
    "کد مطلب",
    "شناسه خبر",
    "شماره خبر",
    "شناسه مطلب",
    "news id",
    "کد",
)

#: Labels of the publication date.
DATE_LABELS: tuple[str, ...] = (
    "تاریخ انتشار",
    "زمان انتشار",
    "تاریخ و زمان انتشار",
    "تاریخ خبر",
    "منتشر شده در",
    "منتشر شده",
    "انتشار",
    "تاریخ",
)

#: Labels of the last-update date.
UPDATE_LABELS: tuple[str, ...] = (
    "به روز شده در",
    "به روز شده",
    "بروز شده در",
    "آخرین به روز رسانی",
    "آخرین بروزرسانی",
    "تاریخ به روز رسانی",
    "تاریخ بروزرسانی",
    "به روز رسانی",
    "بروزرسانی",
    "ویرایش",
)

#: Labels naming where the text comes from (``منبع: ایسنا``).
SOURCE_LABELS: tuple[str, ...] = ("منبع", "منبع خبر", "برگرفته از")

#: Other labelled metadata lines (author, desk, photographer).
META_LABELS: tuple[str, ...] = (
    *NEWS_ID_LABELS,
    *UPDATE_LABELS,
    *DATE_LABELS,
    *SOURCE_LABELS,
    "نویسنده",
    "خبرنگار",
    "عکاس",
    "عکس",
    "دبیر",
    "سرویس",
    "گروه",
    "مترجم",
    "ترجمه",
    "کدخبرنگار",
    "زمان مطالعه",
    "مدت زمان مطالعه",
    "تعداد بازدید",
    "بازدید",
    "تعداد نظرات",
)

_FOLD_PAIRS = (
    ("\u064a", "ی"),
    ("\u0649", "ی"),
    ("\u0643", "ک"),
    ("\u200c", " "),
    ("\xa0", " "),
    ("\u200f", ""),
    ("\u200e", ""),
    ("\u0640", ""),
)
_SPACES = re.compile(r"\s+")


def fold_chrome(text: str) -> str:
    """Fold letter variants, ZWNJ and runs of spaces so labels compare equal.

    >>> fold_chrome("برچسب\u200cها:  سياست")
    'برچسب ها: سیاست'
    """
    for old, new in _FOLD_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return _SPACES.sub(" ", text).strip()


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_FOOTER_RE = re.compile(rf"(?:{_alternation(FOOTER_MARKERS)})\b\s*[:»«>\-–|/.]*\s*$")
_FOOTER_PREFIX_RE = re.compile(rf"(?:{_alternation(FOOTER_MARKERS)})\s*:")
_MARKER_RE = re.compile(rf"(?:{_alternation(LINE_MARKERS)})\b[\s:»«>\-–|.…+()]*$")
_META_RE = re.compile(rf"(?:{_alternation(META_LABELS)})\s*[:：]", re.IGNORECASE)
_NEWS_ID_RE = re.compile(
    rf"(?:{_alternation(NEWS_ID_LABELS)})\s*[:：]?\s*[0-9۰-۹٠-٩]+\s*(?:$|[|/\-–—،,]\s*\S)",
    re.IGNORECASE,
)
_CRUMB_SPLIT_RE = re.compile(r"\s*[>»›|/]+\s*")
_SYMBOLS_RE = re.compile(r"[\W_]+$")

#: Chrome lines are short; anything longer is article text.
MAX_CHROME_LINE = 120


def chrome_kind(line: str) -> str | None:
    """Classify a line of a scraped page.

    Returns ``"footer"`` (the rest of the page is chrome), ``"marker"`` (a button
    or link), ``"meta"`` (a labelled field such as ``کد خبر``, ``منبع:`` or a date
    label), ``"symbols"`` (only punctuation) or ``None`` for text.

    >>> chrome_kind("تاریخ انتشار: ۱۰:۲۶ - ۱۰-۱۰-۱۴۰۰")
    'meta'
    >>> chrome_kind("»»")
    'symbols'
    """
    if len(line) > 2 * MAX_CHROME_LINE:
        return None
    folded = fold_chrome(line)
    if not folded or len(folded) > MAX_CHROME_LINE:
        return None
    if _FOOTER_RE.match(folded) or _FOOTER_PREFIX_RE.match(folded):
        return "footer"
    if _MARKER_RE.match(folded):
        return "marker"
    if _NEWS_ID_RE.match(folded):
        return "meta"
    if _META_RE.match(folded) and len(folded.split()) <= 14:
        return "meta"
    if _SYMBOLS_RE.match(folded):
        return "symbols"
    if _is_breadcrumb(folded):
        return "marker"
    return None


def _is_breadcrumb(folded: str) -> bool:
    """``صفحه نخست > سیاسی > مجلس``: three or more short items between separators."""
    items = [i for i in _CRUMB_SPLIT_RE.split(folded) if i]
    seps = len(_CRUMB_SPLIT_RE.findall(folded))
    return seps >= 2 and len(items) >= 3 and all(len(i.split()) <= 3 for i in items)
