"""The quotation cue lexicon, as data.

Speech verbs are listed by lemma with their past and present stems; light-verb cues
(``اظهار داشت``, ``اعلام کرد``) pair a nominal with the light verbs it takes. The
extractor in :mod:`persnews.extract.quotes` inflects them (past, perfect, progressive,
present, plural and honorific plural) and matches them on a lookup key of each word: Arabic
letters unified with Persian ones, ``أ`` as ``ا``, zero-width non-joiners removed.

All strings here are written in that key form (no ZWNJ), so ``می‌گوید``, ``میگوید`` and
``می گوید`` all reach the same entry.

>>> SPEECH_VERBS["گفتن"]
('گفت', 'گوی')
>>> "کرد" in LIGHT_VERB_CUES["اعلام"]
True
"""

from __future__ import annotations

__all__ = [
    "ACCORDING_TO_MARKERS",
    "CLAUSE_ONLY_NOMINALS",
    "COMPLEMENTIZERS",
    "COPULA_CUES",
    "LEADING_ADVERBIALS",
    "LIGHT_VERBS",
    "LIGHT_VERB_CUES",
    "MODAL_BLOCKERS",
    "OUTLET_WORDS",
    "PARTICIPIAL_CUES",
    "PRONOUNS",
    "QUANTIFIER_HEADS",
    "RELAY_MARKERS",
    "SPEECH_VERBS",
    "SUBJECT_STOP_WORDS",
]

#: Simple speech verbs: lemma -> (past stem, present stem).
SPEECH_VERBS: dict[str, tuple[str, str]] = {
    "گفتن": ("گفت", "گوی"),
    "افزودن": ("افزود", "افزای"),
    "نوشتن": ("نوشت", "نویس"),
    # only "از X خواست [که] ..." in the past: the present stem is the future auxiliary
    "خواستن": ("خواست", ""),
}

#: Light verbs: infinitive -> (past stem, present stem). ``داشتن`` has no ``می`` in the present.
LIGHT_VERBS: dict[str, tuple[str, str]] = {
    "کردن": ("کرد", "کن"),
    "ورزیدن": ("ورزید", "ورز"),
    "داشتن": ("داشت", "دار"),
    "نمودن": ("نمود", "نمای"),
    "ساختن": ("ساخت", "ساز"),
    "شدن": ("شد", "شو"),
    "دادن": ("داد", "ده"),
    "گفتن": ("گفت", "گوی"),
}

#: Nominal part of a light-verb cue -> the light verbs (past stems) it takes as a speech verb.
#: Multi-word nominals are written with a single space.
LIGHT_VERB_CUES: dict[str, tuple[str, ...]] = {
    "اظهار": ("داشت", "کرد", "نمود"),
    "اعلام": ("کرد", "داشت", "نمود"),
    "تاکید": ("کرد", "نمود", "داشت"),
    "خاطرنشان": ("کرد", "ساخت", "نمود"),
    "خاطر نشان": ("کرد", "ساخت", "نمود"),
    "تصریح": ("کرد", "نمود"),
    "یادآور": ("شد",),
    "یاداور": ("شد",),
    "یادآوری": ("کرد", "نمود"),
    "متذکر": ("شد",),
    "عنوان": ("کرد", "نمود"),
    "بیان": ("کرد", "داشت", "نمود"),
    "اذعان": ("کرد", "داشت", "نمود"),
    "مدعی": ("شد",),
    "ادعا": ("کرد", "نمود"),
    "هشدار": ("داد",),
    "پاسخ": ("داد", "گفت"),
    "توضیح": ("داد",),
    "ابراز امیدواری": ("کرد", "نمود"),
    "اظهار امیدواری": ("کرد", "نمود"),
    "ابراز نگرانی": ("کرد", "نمود"),
    "ابراز": ("داشت", "کرد"),
    "اشاره": ("کرد", "داشت", "نمود"),
    "خبر": ("داد",),
    "ادامه": ("داد",),
    "اضافه": ("کرد", "نمود"),
    "تشریح": ("کرد",),
    "پیشبینی": ("کرد",),
    "پیش بینی": ("کرد",),
    "اطمینان": ("داد",),
    "اعتراف": ("کرد",),
    "تهدید": ("کرد",),
    "توصیه": ("کرد",),
    "اعتقاد": ("داشت",),
    "گوشزد": ("کرد",),
    "احتمال": ("داد",),
    "اعلان": ("کرد",),
    "اصرار": ("داشت", "کرد", "ورزید"),
}

#: Adjectival cues with a copula (``معتقد است``, ``معتقدند``): adjective -> lemma.
COPULA_CUES: dict[str, str] = {"معتقد": "معتقد بودن", "مدعی": "مدعی بودن"}

#: Nominals that often take a plain noun-phrase object (``از X خبر داد``, ``به X اشاره کرد``,
#: ``X را تهدید کرد``): they only count with a clause after them (``که``, ``:``, ``«``).
CLAUSE_ONLY_NOMINALS: frozenset[str] = frozenset(
    {"اشاره", "خبر", "توصیه", "اعتقاد", "پاسخ", "ابراز", "اعلان", "توضیح"}
)

#: Participial cues ``با بیان اینکه ...`` : the words after ``با`` (before ``اینکه``).
PARTICIPIAL_CUES: tuple[str, ...] = (
    "بیان",
    "اعلام",
    "اشاره به",
    "تاکید بر",
    "تاکید",
    "هشدار",
    "یادآوری",
    "ذکر",
    "اظهار",
    "ابراز",
    "تصریح",
    "توضیح",
    "اشاره",
)

#: Complementizers that open a reported clause after a cue (``گفت که``, ``با بیان اینکه``).
COMPLEMENTIZERS: frozenset[str] = frozenset({"که", "اینکه", "براینکه"})

#: According-to markers (``به گفته X، ...``) as word sequences; the speaker follows them.
ACCORDING_TO_MARKERS: tuple[str, ...] = (
    "به گفته",
    "به اعتقاد",
    "به عقیده",
    "به باور",
    "به زعم",
    "به نوشته",
    "از نظر",
    "از دید",
    "از دیدگاه",
    "به نقل از",
    "بنا به گفته",
    "بنا بر گفته",
    "بنابر گفته",
    "به اظهار",
    "بر اساس بیانیه",
    "براساس بیانیه",
    "طبق اظهارات",
    "طبق اعلام",
    "بنا بر اعلام",
    "بنابر اعلام",
    "به اعلام",
)

#: Relay markers: what follows them is a news outlet relaying the text, never a speaker.
RELAY_MARKERS: tuple[str, ...] = ("به گزارش", "بنا بر گزارش", "بنابر گزارش", "به نقل از")

#: Words that make the noun phrase after ``به نقل از`` an outlet (relay) rather than a speaker.
OUTLET_WORDS: frozenset[str] = frozenset(
    {
        "خبرگزاری",
        "روزنامه",
        "سایت",
        "پایگاه",
        "شبکه",
        "رسانه",
        "رسانههای",
        "رادیو",
        "تلویزیون",
        "هفتهنامه",
        "هفته",
        "مجله",
        "وبسایت",
        "خبرنگار",
        "خبرنگاران",
        "ایرنا",
        "ایسنا",
        "ایلنا",
        "فارس",
        "مهر",
        "تسنیم",
        "رویترز",
        "آسوشیتدپرس",
        "اسوشیتدپرس",
        "فرانسپرس",
        "بیبیسی",
        "سیانان",
        "الجزیره",
        "باشگاه",
        "واحد",
        "سرویس",
    }
)

#: Personal pronouns that can be quotation speakers.
PRONOUNS: frozenset[str] = frozenset({"وی", "او", "ایشان", "آنها", "آنان", "ایشون"})

#: Words that may head a subject noun phrase and take ``از`` inside it (``یکی از مقام‌ها``).
QUANTIFIER_HEADS: frozenset[str] = frozenset(
    {
        "یکی",
        "برخی",
        "بعضی",
        "تعدادی",
        "بسیاری",
        "شماری",
        "جمعی",
        "گروهی",
        "عدهای",
        "هیچیک",
        "بیشتر",
        "اکثر",
        "یک",
        "دو",
        "سه",
        "چند",
    }
)

#: Words that end a subject noun phrase (prepositions, adverbs, particles).
SUBJECT_STOP_WORDS: frozenset[str] = frozenset(
    {
        "در",
        "با",
        "به",
        "از",
        "برای",
        "درباره",
        "دربارهی",
        "تا",
        "بر",
        "طی",
        "ضمن",
        "پس",
        "پیش",
        "بعد",
        "قبل",
        "روز",
        "امروز",
        "دیروز",
        "صبح",
        "شب",
        "عصر",
        "ظهر",
        "نیز",
        "هم",
        "همچنین",
        "سپس",
        "همچنان",
        "بار",
        "بارها",
        "اخیرا",
        "ظاهرا",
        "سریعا",
        "که",
        "را",
        "و",
        "اما",
        "ولی",
        "پیرامون",
        "خطاب",
        "علیه",
        "ضد",
        "بدون",
        "هنگام",
        "حین",
        "درخصوص",
        "بامداد",
        "شامگاه",
        "امشب",
        "دوشنبه",
        "سهشنبه",
        "چهارشنبه",
        "پنجشنبه",
        "جمعه",
        "شنبه",
        "یکشنبه",
        "مجددا",
        "باز",
        "دوباره",
        "صراحتا",
        "رسما",
        "قبلا",
        "هفته",
        "ماه",
        "سال",
        "طبق",
        "براساس",
        "درپی",
        "توسط",
        "اینگونه",
        "چنین",
        "نه",
        "بین",
        "میان",
        "جز",
        "مانند",
        "مثل",
        "نزد",
        "سوی",
        "جهت",
        "همراه",
        "زیر",
        "روی",
        "نزدیک",
        "یا",
        "درمورد",
        "درزمینه",
        "دررابطه",
        "درباب",
        "دقایقی",
        "ساعاتی",
        "لحظاتی",
        "چندی",
        "اکنون",
        "هماکنون",
        "حالا",
        "سرانجام",
        "نهایتا",
        "بلافاصله",
        "پیشتر",
        "پیش‌تر",
        "سابقا",
        "بعدها",
        "تاکنون",
        "هنوز",
    }
)

#: Phrases opening a sentence before its subject (``در این میان یکی از ...``).
LEADING_ADVERBIALS: tuple[str, ...] = (
    "این در حالی است که",
    "این در حالی است",
    "در این میان",
    "در همین حال",
    "در همین رابطه",
    "در همین زمینه",
    "در این رابطه",
    "در این زمینه",
    "در این باره",
    "در ادامه",
    "در پایان",
    "در عین حال",
    "از سوی دیگر",
    "از طرف دیگر",
    "از سویی",
    "علاوه بر این",
    "به علاوه",
    "همچنین",
    "همزمان",
    "سپس",
    "اما",
    "ولی",
    "بنابراین",
    "با این حال",
    "با این وجود",
    "در حالی که",
    "از سوی دیگر",
)

#: Words right before an infinitive-like ``گفت`` that make it modal or hypothetical
#: (``می‌توان گفت``, ``باید گفت``, ``نمی‌شود گفت``) — not a report.
MODAL_BLOCKERS: frozenset[str] = frozenset(
    {
        "میتوان",
        "نمیتوان",
        "باید",
        "نباید",
        "میشود",
        "نمیشود",
        "توان",
        "بتوان",
        "خواهد",
        "خواهند",
        "خواهم",
        "خواهیم",
        "میخواهد",
        "بخواهد",
        "اگر",
        "چنانچه",
        "شاید",
        "نتوان",
    }
)
