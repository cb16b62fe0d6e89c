"""Quotation extraction on hand-written Persian sentences (persnews.extract.quotes)."""

from __future__ import annotations

from typing import Any

import pytest

from persnews.extract.quotes import find_quotes


def _text(q: dict[str, Any], name: str) -> str | None:
    span = q.get(name)
    return None if span is None else span["text"]


def _only(text: str) -> dict[str, Any]:
    quotes = find_quotes(text)
    assert len(quotes) == 1, [(q["cue"]["text"], q["content"]["text"]) for q in quotes]
    return quotes[0]


# --- direct quotes -----------------------------------------------------------------------------


def test_direct_after_colon_with_apposition() -> None:
    q = _only("مریم احمدی، سخنگوی وزارت بهداشت گفت: واکسن جدید هفته آینده توزیع می‌شود.")
    assert q["kind"] == "direct"
    assert _text(q, "speaker") == "مریم احمدی"
    assert q["content"]["text"] == "واکسن جدید هفته آینده توزیع می‌شود"
    assert q["cue"]["lemma"] == "گفتن"


def test_direct_runs_over_the_sentences_of_its_paragraph() -> None:
    text = "وزیر نیرو گفت: ذخایر سدها کم است. مردم باید در مصرف آب صرفه‌جویی کنند.\nخبر دیگر."
    q = _only(text)
    assert q["content"]["text"] == "ذخایر سدها کم است. مردم باید در مصرف آب صرفه‌جویی کنند"


def test_next_speaker_sentence_ends_a_direct_quote() -> None:
    text = "شهردار گفت: بودجه کافی نیست. وی افزود: پروژه‌ها متوقف نمی‌شوند."
    first, second = find_quotes(text)
    assert first["content"]["text"] == "بودجه کافی نیست"
    assert second["content"]["text"] == "پروژه‌ها متوقف نمی‌شوند"
    assert second["parent"] is None


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("رئیس بانک مرکزی گفت «تورم در حال کاهش است».", "تورم در حال کاهش است", "رئیس بانک مرکزی"),
        (
            "«ما عقب‌نشینی نمی‌کنیم»، رهبر اتحادیه کارگران گفت.",
            "ما عقب‌نشینی نمی‌کنیم",
            "رهبر اتحادیه کارگران",
        ),
        (
            'دبیر شورا نوشت: "جلسه بعدی در مشهد برگزار می‌شود."',
            "جلسه بعدی در مشهد برگزار می‌شود",
            "دبیر شورا",
        ),
    ],
)
def test_quotation_marks_before_or_after_the_cue(text: str, content: str, speaker: str) -> None:
    q = _only(text)
    assert q["kind"] == "direct"
    assert q["content"]["text"] == content
    assert _text(q, "speaker") == speaker


def test_headline_quote() -> None:
    text = "وزیر اقتصاد: مالیات کالاهای اساسی افزایش نمی‌یابد\nاین خبر را خبرنگار ما تهیه کرد."
    q = _only(text)
    assert q["kind"] == "direct"
    assert _text(q, "speaker") == "وزیر اقتصاد"
    assert q["content"]["text"] == "مالیات کالاهای اساسی افزایش نمی‌یابد"


# --- indirect quotes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "شهردار تبریز گفت که خط دوم مترو تا پایان سال افتتاح می‌شود.",
            "خط دوم مترو تا پایان سال افتتاح می‌شود",
            "شهردار تبریز",
        ),
        (
            "پلیس راهور اعلام کرد ترافیک جاده چالوس سنگین است.",
            "ترافیک جاده چالوس سنگین است",
            "پلیس راهور",
        ),
        (
            "وزیر آموزش و پرورش تأکید کرد که مدارس باز می‌مانند.",
            "مدارس باز می‌مانند",
            "وزیر آموزش و پرورش",
        ),
        (
            "این پژوهشگر می‌گوید جمعیت کشور به سرعت پیر می‌شود.",
            "جمعیت کشور به سرعت پیر می‌شود",
            "این پژوهشگر",
        ),
        (
            "این پژوهشگر میگوید جمعیت کشور به سرعت پیر میشود.",
            "جمعیت کشور به سرعت پیر میشود",
            "این پژوهشگر",
        ),
        (
            "این پژوهشگر می گوید جمعیت کشور به سرعت پیر می شود.",
            "جمعیت کشور به سرعت پیر می شود",
            "این پژوهشگر",
        ),
        (
            "سخنگوی ارتش گفته است که هیچ حمله‌ای رخ نداده است.",
            "هیچ حمله‌ای رخ نداده است",
            "سخنگوی ارتش",
        ),
        (
            "کارگران کارخانه گفتند که حقوقشان سه ماه عقب افتاده است.",
            "حقوقشان سه ماه عقب افتاده است",
            "کارگران کارخانه",
        ),
        (
            "نماینده مردم شیراز اعلام كرده است كه طرح را امضا نمي‌كند.",
            "طرح را امضا نمي‌كند",
            "نماینده مردم شیراز",
        ),
    ],
)
def test_indirect_quotes(text: str, content: str, speaker: str) -> None:
    q = _only(text)
    assert q["kind"] == "indirect"
    assert q["content"]["text"] == content
    assert _text(q, "speaker") == speaker


def test_comma_after_cue() -> None:
    text = "مدیر مدرسه گفت: کلاس‌ها حضوری است. وی افزود، سرویس مدارس هم فعال می‌شود."
    second = find_quotes(text)[1]
    assert second["kind"] == "indirect"
    assert second["content"]["text"] == "سرویس مدارس هم فعال می‌شود"


LIGHT_VERB_CUES = [
    ("اظهار داشت", "اظهار داشتن"),
    ("اظهار کرد", "اظهار کردن"),
    ("اعلام کرد", "اعلام کردن"),
    ("اعلام داشت", "اعلام داشتن"),
    ("اعلام نمود", "اعلام نمودن"),
    ("تاکید کرد", "تاکید کردن"),
    ("تأکید کرد", "تاکید کردن"),
    ("خاطرنشان کرد", "خاطرنشان کردن"),
    ("خاطرنشان ساخت", "خاطرنشان ساختن"),
    ("تصریح کرد", "تصریح کردن"),
    ("یادآور شد", "یاداور شدن"),
    ("عنوان کرد", "عنوان کردن"),
    ("بیان کرد", "بیان کردن"),
    ("بیان داشت", "بیان داشتن"),
    ("اذعان کرد", "اذعان کردن"),
    ("اذعان داشت", "اذعان داشتن"),
    ("مدعی شد", "مدعی شدن"),
    ("هشدار داد", "هشدار دادن"),
    ("پاسخ داد", "پاسخ دادن"),
    ("توضیح داد", "توضیح دادن"),
    ("ابراز امیدواری کرد", "ابراز امیدواری کردن"),
    ("اشاره کرد", "اشاره کردن"),
    ("خبر داد", "خبر دادن"),
    ("ادامه داد", "ادامه دادن"),
    ("نوشت", "نوشتن"),
    ("افزود", "افزودن"),
    ("خاطرنشان کردند", "خاطرنشان کردن"),
    ("تاکید کرده است", "تاکید کردن"),
    ("اعلام می‌کند", "اعلام کردن"),
]


@pytest.mark.parametrize(("cue", "lemma"), LIGHT_VERB_CUES)
@pytest.mark.parametrize("joiner", [" که ", ": "])
def test_cue_lexicon(cue: str, lemma: str, joiner: str) -> None:
    text = f"مدیرعامل شرکت ملی فولاد {cue}{joiner}تولید امسال ده درصد بیشتر شده است."
    q = _only(text)
    assert q["cue"]["lemma"] == lemma
    assert q["content"]["text"] == "تولید امسال ده درصد بیشتر شده است"
    assert _text(q, "speaker") == "مدیرعامل شرکت ملی فولاد"


def test_participial_quote_and_main_quote_share_the_speaker() -> None:
    text = "وزیر راه با بیان اینکه عوارض آزادراه‌ها بالا نمی‌رود، گفت: طرح جدید آماده است."
    first, second = find_quotes(text)
    assert (first["kind"], first["content"]["text"]) == ("indirect", "عوارض آزادراه‌ها بالا نمی‌رود")
    assert second["content"]["text"] == "طرح جدید آماده است"
    assert _text(first, "speaker") == _text(second, "speaker") == "وزیر راه"


# --- according-to quotes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "به گفته رئیس پلیس استان، سارقان بانک دستگیر شده‌اند.",
            "رئیس پلیس استان",
            "سارقان بانک دستگیر شده‌اند",
        ),
        ("به اعتقاد این اقتصاددان، نرخ ارز ثابت می‌ماند.", "این اقتصاددان", "نرخ ارز ثابت می‌ماند"),
        (
            "از نظر کارشناسان هواشناسی، بارش‌ها کمتر از سال قبل است.",
            "کارشناسان هواشناسی",
            "بارش‌ها کمتر از سال قبل است",
        ),
        ("به نقل از مدیر بیمارستان، حال مجروحان خوب است.", "مدیر بیمارستان", "حال مجروحان خوب است"),
    ],
)
def test_according_to(text: str, speaker: str, content: str) -> None:
    q = _only(text)
    assert q["kind"] == "according_to"
    assert _text(q, "speaker") == speaker
    assert q["content"]["text"] == content


# --- nested quotes -----------------------------------------------------------------------------


def test_nested_quote_has_a_parent() -> None:
    text = "یک مقام آمریکایی گفت که رئیس‌جمهور به همتای خود گفته است که تحریم‌ها ادامه می‌یابد."
    outer, inner = find_quotes(text)
    assert outer["parent"] is None
    assert inner["parent"] == outer["id"]
    assert _text(inner, "speaker") == "رئیس‌جمهور"
    assert inner["content"]["text"] == "تحریم‌ها ادامه می‌یابد"
    assert outer["content"]["start"] < inner["content"]["start"]


def test_coordinated_second_speaker_is_not_nested() -> None:
    text = "وزیر گفت که قیمت‌ها ثابت است و رئیس اتاق نیز گفت که صادرات بیشتر شده است."
    first, second = find_quotes(text)
    assert first["content"]["text"] == "قیمت‌ها ثابت است"
    assert second["parent"] is None
    assert _text(second, "speaker") == "رئیس اتاق"


# --- speakers ----------------------------------------------------------------------------------


def test_pronoun_and_subjectless_speakers_take_the_previous_speaker() -> None:
    text = (
        "علی رضایی، رئیس سازمان هواشناسی گفت: هوا سرد می‌شود.\n"
        "وی افزود: برف سنگینی در راه است.\n"
        "در پایان افزود: رانندگان زنجیر چرخ همراه داشته باشند."
    )
    quotes = find_quotes(text)
    assert [_text(q, "speaker") for q in quotes] == ["علی رضایی", "وی", None]
    assert [_text(q, "speaker_antecedent") for q in quotes] == [None, "علی رضایی", "علی رضایی"]


def test_anonymous_and_organization_speakers() -> None:
    text = (
        "یکی از مقام‌های ارشد وزارت خارجه گفت: مذاکرات ادامه دارد.\n"
        "وزارت دفاع اعلام کرد رزمایش فردا آغاز می‌شود."
    )
    first, second = find_quotes(text)
    assert _text(first, "speaker") == "یکی از مقام‌های ارشد وزارت خارجه"
    assert _text(second, "speaker") == "وزارت دفاع"


def test_speaker_after_adverbials_and_relay() -> None:
    text = "به گزارش ایرنا، به نقل از خبرگزاری رویترز، در همین حال سفیر ژاپن گفت: روابط خوب است."
    q = _only(text)
    assert _text(q, "speaker") == "سفیر ژاپن"


def test_honorific_plural_verb() -> None:
    q = _only("آیت‌الله حسینی خاطرنشان کردند: وحدت ملی ضروری است.")
    assert _text(q, "speaker") == "آیت‌الله حسینی"


# --- not quotations ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "وزیر نگفت که استعفا می‌دهد.",
        "نماینده مجلس هرگز اعلام نکرد که نامزد می‌شود.",
        "اگر وزیر بگوید که قیمت‌ها بالا می‌رود، بازار می‌ریزد.",
        "می‌توان گفت که اقتصاد رشد کرده است.",
        "نمی‌شود گفت که همه راضی هستند.",
        "استاندار از افتتاح پل جدید خبر داد.",
        "نمایندگان خواستار استیضاح وزیر شدند.",
        "کتاب «سفر به ری» هفته گذشته منتشر شد.",
        "فیلم «بازگشت» به جشنواره رفت و «محمد کریمی» داور آن بود.",
        "گفته می‌شود که قیمت خودرو بالا می‌رود.",
        "در این گفت و گو درباره اقتصاد صحبت شد.",
        "به گزارش خبرگزاری مهر، جلسه شورا دیروز برگزار شد.",
        "وزیر به مشکلات بازار اشاره کرد.",
    ],
)
def test_not_quotations(text: str) -> None:
    assert find_quotes(text) == []


def test_relay_outlet_is_never_the_speaker() -> None:
    text = "به گزارش ایسنا به نقل از خبرگزاری فرانسه، سخنگوی ناتو گفت که نیروها آماده‌اند."
    q = _only(text)
    assert _text(q, "speaker") == "سخنگوی ناتو"


# --- offsets and input handling ------------------------------------------------------------------


def test_offsets_index_the_original_text() -> None:
    text = "  وي در ادامه تأكيد كرد:   «بايد صبر كرد.»\nسخنگوي دولت گفت كه جلسه لغو شد."
    quotes = find_quotes(text)
    assert len(quotes) == 2
    for q in quotes:
        for name in ("content", "cue", "speaker"):
            span = q[name]
            assert text[span["start"] : span["end"]] == span["text"]
    assert quotes[0]["content"]["text"] == "بايد صبر كرد"


def test_region_keeps_only_cues_inside() -> None:
    text = "وزیر گفت: الف ب ج.\nارسال به دوستان\nمدیر گفت: د ه و."
    cut = text.index("ارسال")
    assert [q["content"]["text"] for q in find_quotes(text, end=cut)] == ["الف ب ج"]


def test_wrong_type_raises() -> None:
    with pytest.raises(TypeError, match="str"):
        find_quotes(b"bytes")  # type: ignore[arg-type]


# --- regressions -------------------------------------------------------------------------------


def test_hard_wrapped_lines_join_the_paragraph() -> None:
    text = (
        "معاون وزیر بهداشت در جمع خبرنگاران درباره وضعیت بیمارستان‌های استان تهران و کمبود\n"
        "پرستار گفت: نیروی تازه استخدام می‌شود.\n"
    )
    q = _only(text)
    assert _text(q, "speaker") == "معاون وزیر بهداشت"


def test_first_person_is_not_reported_speech() -> None:
    assert find_quotes("من به او گفتم که دیر شده است.") == []
    assert find_quotes("ما همیشه می‌گوییم که صبر کنید.") == []


def test_dateline_and_label_lines_are_not_headline_quotes() -> None:
    text = "خبرگزاری فارس: وزیر کشاورزی گفت: خرید تضمینی گندم ادامه دارد.\nترجمه: علی رضایی"
    q = _only(text)
    assert _text(q, "speaker") == "وزیر کشاورزی"


def test_document_is_the_source_of_amade_ast() -> None:
    q = _only("در بخشی از این بیانیه آمده است: ملت ایران تسلیم فشار نمی‌شود.")
    assert _text(q, "speaker") == "این بیانیه"
    assert q["content"]["text"] == "ملت ایران تسلیم فشار نمی‌شود"


def test_subject_after_a_run_in_subheading() -> None:
    text = "صادرات بندر افزایش یافت مدیر بندر شهید رجایی در این نشست گفت: ظرفیت دو برابر شد."
    q = _only(text)
    assert _text(q, "speaker") == "مدیر بندر شهید رجایی"


def test_pronoun_after_an_outlet_quote_refers_to_the_relayed_speaker() -> None:
    text = "ایرنا در خبری نوشت: «علی احمدی» افزود: جاده‌ها باز است.\nوی گفت: برف روبی ادامه دارد.\n"
    last = find_quotes(text)[-1]
    assert _text(last, "speaker") == "وی"
    assert _text(last, "speaker_antecedent") == "علی احمدی"


def test_speak_verb_with_noun_object_is_not_a_cue() -> None:
    assert find_quotes("نخست‌وزیر درباره تجارت سخن گفته اما جزئیاتی نداد.") == []


def test_parser_subject_fills_a_speaker_the_patterns_missed() -> None:
    import spacy
    from spacy.tokens import Doc

    from persnews.extract.quotes import extract_quotes

    words = ["پس", "از", "جلسه", "سخنگو", "گفت", ":", "جلسه", "خوب", "بود", "."]
    heads = [4, 0, 0, 4, 4, 4, 8, 8, 4, 4]
    deps = ["obl", "case", "nmod", "nsubj", "ROOT", "punct", "nsubj", "xcomp", "ccomp", "punct"]
    doc = Doc(
        spacy.blank("fa").vocab,
        words=words,
        heads=heads,
        deps=deps,
        spaces=[True, True, True, True, False, True, True, True, False, False],
    )
    plain = find_quotes(doc.text)
    assert plain[0]["speaker"] is None  # "پس از ..." hides the subject from the patterns
    parsed = extract_quotes(doc)
    assert parsed[0]["speaker"]["text"] == "سخنگو"
    assert parsed[0]["content"]["text"] == "جلسه خوب بود"


def test_name_in_guillemets_is_the_speaker() -> None:
    q = _only("در همین حال، «سارا محمدی» سخنگوی شورای شهر گفت: بودجه مترو تصویب شد.")
    assert _text(q, "speaker") == "سارا محمدی"


def test_first_person_perfect_is_not_reported_speech() -> None:
    assert find_quotes("ما بارها گفته ایم که آماده همکاری هستیم.") == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("تبریز- ایرنا- شهردار تبریز گفت: پل جدید افتتاح شد.", "شهردار تبریز"),
        ("شیراز (ایسنا) - رئیس دانشگاه شیراز گفت: کلاس‌ها حضوری است.", "رئیس دانشگاه شیراز"),
    ],
)
def test_dateline_before_the_subject(text: str, speaker: str) -> None:
    assert _text(_only(text), "speaker") == speaker


def test_colon_at_the_end_of_a_line_introduces_the_next_paragraph() -> None:
    q = _only("رئیس سازمان برنامه گفت:\nبودجه سال آینده متوازن است.")
    assert q["content"]["text"] == "بودجه سال آینده متوازن است"


_PIECES = [
    "وزیر",
    "گفت",
    "که",
    ":",
    "«",
    "»",
    "،",
    ".",
    "\n",
    "وی",
    "افزود",
    "اعلام",
    "کرد",
    "به گفته",
    "با بیان اینکه",
    "می‌گوید",
    "نگفت",
    "و",
    "در",
    "سخنگو",
    "دولت",
    "است",
    '"',
    "ي",
    "ك",
    "\u200c",
    " ",
    "گفته",
    "می",
    "شود",
    "-",
    "(",
    ")",
    "۱۲",
    "یکی از",
    "مقام‌ها",
]


@pytest.mark.parametrize("seed", range(200))
def test_random_text_keeps_offsets_consistent(seed: int) -> None:
    """Regression: dropping empty quotes once left a quote as its own parent."""
    import random

    rng = random.Random(seed)
    text = " ".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 80)))
    quotes = find_quotes(text)
    ids = [q["id"] for q in quotes]
    for q in quotes:
        for name in ("content", "cue", "speaker", "speaker_antecedent"):
            span = q[name]
            if span is not None:
                assert text[span["start"] : span["end"]] == span["text"]
        assert q["content"]["text"].strip()
        assert q["parent"] is None or ids.index(q["parent"]) < ids.index(q["id"])


def test_object_before_the_subject_is_skipped() -> None:
    q = _only("این را هم بگویم که او به من گفت: آینده تو مهم‌تر است.")
    assert _text(q, "speaker") == "او"


def test_words_starting_with_mi_are_not_always_verbs() -> None:
    q = _only("سرمربی تیم میهمان پس از بازی ضمن تشکر از میهمان نوازی میزبان گفت: بازی خوبی بود.")
    assert _text(q, "speaker") == "سرمربی تیم میهمان"


def test_according_to_a_pronoun_without_comma() -> None:
    q = _only("به عقیده من مقداری بدشانسی هم داشتیم.")
    assert (q["kind"], _text(q, "speaker")) == ("according_to", "من")
    assert q["content"]["text"] == "مقداری بدشانسی هم داشتیم"


def test_zemn_participial_and_according_to_with_relative_clause() -> None:
    first, second = find_quotes(
        "وزیر صمت ضمن اشاره به اینکه واردات خودرو آزاد شده، گفت: قیمت‌ها پایین می‌آید."
    )
    assert (first["cue"]["text"], first["content"]["text"]) == (
        "ضمن اشاره به اینکه",
        "واردات خودرو آزاد شده",
    )
    assert _text(first, "speaker") == _text(second, "speaker") == "وزیر صمت"
    q = _only("به گفته این پزشک که سال‌ها در بیمارستان کار کرده است، کمبود دارو جدی است.")
    assert _text(q, "speaker") == "این پزشک"
    assert q["content"]["text"] == "کمبود دارو جدی است"


def test_relay_sentence_ends_a_colon_quote() -> None:
    text = "وزیر گفت: قیمت نان ثابت است. به گزارش ایرنا، نانوایی‌ها امروز باز بودند."
    assert _only(text)["content"]["text"] == "قیمت نان ثابت است"
