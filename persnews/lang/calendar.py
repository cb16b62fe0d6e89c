"""Jalali (Solar Hijri) and Gregorian calendar words as they appear in Persian news.

Month names map to month numbers. Every name is listed in its Persian spelling; the
lookups in :func:`month_number` also fold Arabic ``ي``/``ك``, ZWNJ and the spaces news
sites put inside names (``ارديبهشت``, ``شهريور``, ``خرداد ماه``), so the tables stay short.

>>> month_number("شهريور")
(6, 'jalali')
>>> month_number("دسامبر")
(12, 'gregorian')
>>> weekday_index("پنج شنبه")
5
"""

from __future__ import annotations

__all__ = [
    "GREGORIAN_MONTHS",
    "HIJRI_MONTHS",
    "JALALI_MONTHS",
    "MONTH_NAMES",
    "RECENT_TIME_ADVERBS",
    "RELATIVE_TIME_ADJECTIVES",
    "TEHRAN_TZ_NAME",
    "TIME_NOUNS",
    "WEEKDAYS",
    "fold_calendar_word",
    "month_number",
    "weekday_index",
]

#: IANA name of the time zone of Iranian news sites.
TEHRAN_TZ_NAME = "Asia/Tehran"

#: Jalali month names (Persian spelling, with common variants) -> month number.
JALALI_MONTHS: dict[str, int] = {
    "فروردین": 1,
    "اردیبهشت": 2,
    "خرداد": 3,
    "تیر": 4,
    "مرداد": 5,
    "امرداد": 5,
    "شهریور": 6,
    "مهر": 7,
    "آبان": 8,
    "آذر": 9,
    "دی": 10,
    "بهمن": 11,
    "اسفند": 12,
}

#: Gregorian month names in Persian transliteration -> month number.
GREGORIAN_MONTHS: dict[str, int] = {
    "ژانویه": 1,
    "ژانویهٔ": 1,
    "فوریه": 2,
    "مارس": 3,
    "مارچ": 3,
    "آوریل": 4,
    "آپریل": 4,
    "مه": 5,
    "می": 5,
    "ژوئن": 6,
    "جون": 6,
    "ژوئیه": 7,
    "جولای": 7,
    "اوت": 8,
    "آگوست": 8,
    "اگوست": 8,
    "سپتامبر": 9,
    "اکتبر": 10,
    "نوامبر": 11,
    "دسامبر": 12,
}

#: Lunar Hijri month names (recognized in date lines, not converted).
HIJRI_MONTHS: tuple[str, ...] = (
    "محرم",
    "صفر",
    "ربیع الاول",
    "ربیع الثانی",
    "ربیع الآخر",
    "جمادی الاول",
    "جمادی الاولی",
    "جمادی الثانی",
    "جمادی الثانیه",
    "جمادی الآخر",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذی القعده",
    "ذیقعده",
    "ذی الحجه",
    "ذیحجه",
)

#: Weekday names -> index with Saturday (شنبه) = 0, as in the Iranian week.
WEEKDAYS: dict[str, int] = {
    "شنبه": 0,
    "یکشنبه": 1,
    "دوشنبه": 2,
    "سهشنبه": 3,
    "چهارشنبه": 4,
    "پنجشنبه": 5,
    "جمعه": 6,
}

_FOLD = str.maketrans(
    {
        "\u064a": "ی",  # Arabic yeh
        "\u0649": "ی",  # alef maksura
        "\u0643": "ک",  # Arabic kaf
        "\u0629": "ه",  # teh marbuta
        "\u06c0": "ه",  # heh with yeh above
        "\u0623": "ا",
        "\u0625": "ا",
        "\u200c": None,  # ZWNJ
        "\u200d": None,
        "\u0640": None,  # kashida
        " ": None,
        "\xa0": None,
    }
)

#: Nouns of time (day, week, month, ...) that are never part of a name.
TIME_NOUNS: tuple[str, ...] = (
    "روز",
    "امروز",
    "دیروز",
    "فردا",
    "هفته",
    "ماه",
    "سال",
    "شب",
    "صبح",
    "عصر",
    "ظهر",
)

#: Adverbs of recent time (this year, last year, recently).
RECENT_TIME_ADVERBS: tuple[str, ...] = ("امسال", "پارسال", "اخیرا")

#: Adjectives after a time noun (recent, past, coming): ``هفته گذشته``.
RELATIVE_TIME_ADJECTIVES: tuple[str, ...] = ("اخیر", "گذشته", "آینده")


def fold_calendar_word(word: str) -> str:
    """Fold letter variants, ZWNJ and inner spaces of a calendar word for lookup.

    >>> fold_calendar_word("سه\u200cشنبه") == fold_calendar_word("سه شنبه") == "سهشنبه"
    True
    """
    return word.translate(_FOLD)


#: Folded month name -> (month number, calendar) for both calendars.
MONTH_NAMES: dict[str, tuple[int, str]] = {
    **{fold_calendar_word(k): (v, "gregorian") for k, v in GREGORIAN_MONTHS.items()},
    **{fold_calendar_word(k): (v, "jalali") for k, v in JALALI_MONTHS.items()},
}

_WEEKDAYS_FOLDED = {fold_calendar_word(k): v for k, v in WEEKDAYS.items()}


def month_number(name: str) -> tuple[int, str] | None:
    """``(month, calendar)`` for a Jalali or Gregorian month name, else ``None``.

    A trailing ``ماه`` (``مهر ماه``, ``مهرماه``) is accepted.

    >>> month_number("دی ماه")
    (10, 'jalali')
    >>> month_number("تماس") is None
    True
    """
    key = fold_calendar_word(name)
    if key not in MONTH_NAMES and key.endswith("ماه") and len(key) > 3:
        key = key[:-3]
    return MONTH_NAMES.get(key)


def weekday_index(name: str) -> int | None:
    """Index of a Persian weekday name (Saturday = 0), else ``None``.

    >>> weekday_index("جمعه")
    6
    """
    return _WEEKDAYS_FOLDED.get(fold_calendar_word(name))
