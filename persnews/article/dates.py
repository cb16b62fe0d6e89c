"""Dates and times in Persian news pages, Jalali or Gregorian, to aware datetimes.

Handles ``۱۰:۲۶ - ۱۰-۱۰-۱۴۰۰``, ``۱۴۰۰/۱۰/۱۰ ۱۰:۲۶``, ``۳۱ شهريور ۱۴۰۳ - ۰۹:۱۰``,
``جمعه ۱۰ دی ماه ۱۴۰۰ ساعت ۱۰:۲۶``, ``۳۱ دسامبر ۲۰۲۱`` and ``2021-12-31 10:26``. The
calendar arithmetic is jdatetime's; times are Asia/Tehran wall-clock times.

>>> d = parse_date("تاریخ انتشار: ۱۰:۲۶ - ۱۰-۱۰-۱۴۰۰")
>>> d.iso, d.jalali
('2021-12-31T10:26:00+03:30', '1400-10-10 10:26')
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import jdatetime

from persnews.lang.calendar import (
    HIJRI_MONTHS,
    TEHRAN_TZ_NAME,
    fold_calendar_word,
    month_number,
)
from persnews.lang.chrome import DATE_LABELS, NEWS_ID_LABELS, UPDATE_LABELS

__all__ = ["NewsDate", "is_date_line", "parse_date", "tehran_tz"]


def tehran_tz() -> _dt.tzinfo:
    """The Asia/Tehran zone; a fixed +03:30 when the system has no tz database."""
    try:
        return ZoneInfo(TEHRAN_TZ_NAME)
    except ZoneInfoNotFoundError:  # pragma: no cover - depends on the platform
        return _dt.timezone(_dt.timedelta(hours=3, minutes=30), "IRST")


@dataclass(frozen=True, slots=True)
class NewsDate:
    """A date found in the text: the aware datetime, its Jalali form and where it was.

    ``start``/``end`` are offsets of the date expression in the text that was parsed
    (plus ``offset`` given to :func:`parse_date`).
    """

    value: _dt.datetime
    jalali: str
    start: int
    end: int
    has_time: bool
    calendar: str

    @property
    def iso(self) -> str:
        """ISO 8601 string with the Tehran offset."""
        return self.value.isoformat()

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able data."""
        return {
            "iso": self.iso,
            "jalali": self.jalali,
            "start": self.start,
            "end": self.end,
            "has_time": self.has_time,
            "calendar": self.calendar,
        }


_FOLD_PAIRS = (
    *((chr(0x06F0 + i), str(i)) for i in range(10)),
    *((chr(0x0660 + i), str(i)) for i in range(10)),
    ("\u064a", "ی"),
    ("\u0643", "ک"),
    ("\u200c", " "),
    ("\xa0", " "),
)
_HAS_DIGIT = re.compile(r"\d")


def _fold(text: str) -> str:
    for old, new in _FOLD_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text


_TIME_RE = re.compile(r"(?<!\d)([01]?\d|2[0-3])\s*:\s*([0-5]\d)(?:\s*:\s*([0-5]\d))?(?!\d)")
_NUM_DATE_RE = re.compile(r"(?<![\d:])(\d{1,4})\s*([/\-.])\s*(\d{1,2})\s*\2\s*(\d{1,4})(?![\d:])")
_NAMED_DATE_RE = re.compile(
    r"(?<!\d)(\d{1,2})\s*(?:ام|م)?\s+([^\W\d_]+(?:\s*ماه)?)\s*[,،]?\s*(\d{2,4})(?!\d)"
)
_MAX_LINE = 200


def _year(y: int, calendar: str) -> int:
    if y >= 100:
        return y
    if calendar == "gregorian":
        return 2000 + y if y < 70 else 1900 + y
    return 1400 + y if y < 50 else 1300 + y


def _build(
    calendar: str, y: int, m: int, d: int, hh: int, mm: int, ss: int
) -> tuple[_dt.datetime, str] | None:
    try:
        if calendar == "jalali":
            jd = jdatetime.datetime(y, m, d, hh, mm, ss)
            greg = jd.togregorian()
        else:
            greg = _dt.datetime(y, m, d, hh, mm, ss)
            jd = jdatetime.datetime.fromgregorian(datetime=greg)
    except (ValueError, OverflowError):
        return None
    return greg.replace(tzinfo=tehran_tz()), f"{jd.year:04d}-{jd.month:02d}-{jd.day:02d}"


def _date_parts(folded: str) -> tuple[int, int, str, int, int, int] | None:
    """``(start, end, calendar, y, m, d)`` of the first date in ``folded``."""
    best: tuple[int, int, str, int, int, int] | None = None
    for m in _NUM_DATE_RE.finditer(folded):
        a, b, c = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if len(m.group(1)) == 4:
            y, mo, d = a, b, c
        elif len(m.group(4)) == 4 or len(m.group(4)) == 2:
            y, mo, d = c, b, a
        else:
            continue
        if len(m.group(1)) == 2 and len(m.group(4)) == 2 and m.group(2) == "/":
            y, mo, d = a, b, c  # ۹۹/۱۰/۱۰ is yy/mm/dd on Iranian sites
        y_full = y if y >= 100 else _year(y, "jalali")
        cal = "gregorian" if y_full >= 1700 else "jalali"
        best = (m.start(), m.end(), cal, _year(y, cal), mo, d)
        break
    for m in _NAMED_DATE_RE.finditer(folded):
        if best is not None and m.start() >= best[0]:
            break
        found = month_number(m.group(2))
        if found is None:
            continue
        month, cal = found
        best = (m.start(), m.end(), cal, _year(int(m.group(3)), cal), month, int(m.group(1)))
        break
    return best


def parse_date(text: str, *, offset: int = 0) -> NewsDate | None:
    """The first date (with its time, if any) in a short ``text``, else ``None``.

    Only lines of up to 200 characters are read (dates live in page chrome).

    >>> parse_date("۳۱ شهريور ۱۴۰۳ - ۰۹:۱۰").iso
    '2024-09-21T09:10:00+03:30'
    >>> parse_date("۳۱ دسامبر ۲۰۲۱").jalali
    '1400-10-10'
    >>> parse_date("کد خبر ۸۱۹۹۹۱") is None
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_date() needs a str, got {type(text).__name__}")
    if len(text) > _MAX_LINE or not _HAS_DIGIT.search(text):
        return None
    folded = _fold(text)
    parts = _date_parts(folded)
    if parts is None:
        return None
    d_start, d_end, cal, y, mo, d = parts
    hh = mm = ss = 0
    start, end = d_start, d_end
    has_time = False
    for t in _TIME_RE.finditer(folded):
        if d_start <= t.start() < d_end:
            continue
        hh, mm, ss = int(t.group(1)), int(t.group(2)), int(t.group(3) or 0)
        if hh < 12 and _PM_RE.match(folded, t.end()):
            hh += 12
        start, end, has_time = min(start, t.start()), max(end, t.end()), True
        break
    built = _build(cal, y, mo, d, hh, mm, ss)
    if built is None:
        return None
    value, jalali_day = built
    jalali = f"{jalali_day} {hh:02d}:{mm:02d}" if has_time else jalali_day
    return NewsDate(value, jalali, offset + start, offset + end, has_time, cal)


_LEFTOVER_RE = re.compile(r"[\s\-–—|/,،:.()\[\]»«>]+")
_FILLER = frozenset(
    {
        "ساعت",
        "روز",
        "تاریخ",
        "ماه",
        "سال",
        "هجری",
        "شمسی",
        "خورشیدی",
        "میلادی",
        "ه",
        "ش",
        "م",
        "ق",
        "امروز",
        "بامداد",
        "صبح",
        "ظهر",
        "عصر",
        "شب",
        "در",
    }
    | {w for label in (*NEWS_ID_LABELS, *DATE_LABELS, *UPDATE_LABELS) for w in label.split()}
    | {w for month in HIJRI_MONTHS for w in month.split()}
    | {"ق.ظ", "ب.ظ", "قبل", "بعد", "ازظهر", "از", "بعدازظهر", "GMT", "IRST", "UTC"}
)
_PM_RE = re.compile(r"\s*(?:ب\s*\.\s*ظ|بعد\s*از\s*ظهر|بعدازظهر|عصر|PM|pm)")


def is_date_line(line: str) -> bool:
    """True when ``line`` is (nearly) nothing but a date, a time and weekday names.

    >>> is_date_line("جمعه ۱۰ دی ۱۴۰۰ - ۱۰:۲۶")
    True
    >>> is_date_line("۱۰ دی ۱۴۰۰ / ۱۰:۲۶ / کد خبر: ۱۴۰۰۱۰۱۰۰۰۱۲۳")
    True
    >>> is_date_line("روز یک‌شنبه ۳۱ فروردین، دیوار کاخ فرو ریخت")
    False
    """
    if len(line) > _MAX_LINE:
        return False
    found = parse_date(line)
    if found is None:
        return False
    folded = _fold(line)
    rest = folded[: found.start] + " " + folded[found.end :]
    rest = _TIME_RE.sub(" ", rest)
    for word in _LEFTOVER_RE.split(rest):
        if not word or word in _FILLER or word.isdigit():
            continue
        key = fold_calendar_word(word)
        if key in {
            "شنبه",
            "یکشنبه",
            "دوشنبه",
            "سهشنبه",
            "چهارشنبه",
            "پنجشنبه",
            "جمعه",
            "یک",
            "سه",
            "پنج",
            "چهار",
            "دو",
        }:
            continue
        if month_number(word) is not None:
            continue
        return False
    return True
