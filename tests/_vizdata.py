"""A hand-written Persian article and its record, for the visualization tests.

The text and its annotations are written for these tests (no shared data). Offsets are
computed by searching the text, so they are correct by construction.
"""

from __future__ import annotations

from typing import Any

TEXT = (
    "مریم احمدی، سخنگوی دولت، روز دوشنبه گفت: «واکسن‌های جدید تا پایان ماه به همه "
    "استان‌ها می‌رسد.»\n"
    "وی افزود که به گفته وزیر، بودجه این طرح تأمین شده است.\n"
    "به گزارش ایرنا، علی کریمی، رئیس سازمان برنامه، اعلام کرد که دولت در تهران نشست "
    "ویژه‌ای برگزار می‌کند."
)


def span(text: str, piece: str, after: int = 0) -> dict[str, Any]:
    """``{start, end, text}`` of the first ``piece`` at or after ``after``."""
    start = text.index(piece, after)
    return {"start": start, "end": start + len(piece), "text": piece}


def make_record(text: str = TEXT, *, article_id: str = "t1") -> dict[str, Any]:
    """The record of :data:`TEXT`: 5 entities (7 mentions), 4 quotes, one nested."""
    second = text.index("\n") + 1
    third = text.index("\n", second) + 1

    def mention(piece: str, kind: str, after: int = 0) -> dict[str, Any]:
        return {**span(text, piece, after), "kind": kind}

    entities = [
        {
            "id": "e1",
            "label": "PER",
            "name": "مریم احمدی",
            "kb_id": None,
            "mentions": [
                mention("مریم احمدی", "name"),
                mention("سخنگوی دولت", "role"),
                mention("وی", "pronoun", second),
            ],
        },
        {
            "id": "e2",
            "label": "PER",
            "name": "علی کریمی",
            "kb_id": None,
            "mentions": [mention("علی کریمی", "name")],
        },
        {
            "id": "e3",
            "label": "ORG",
            "name": "سازمان برنامه",
            "kb_id": None,
            "mentions": [mention("سازمان برنامه", "name")],
        },
        {
            "id": "e4",
            "label": "LOC",
            "name": "تهران",
            "kb_id": None,
            "mentions": [mention("تهران", "name")],
        },
        {
            "id": "e5",
            "label": "ORG",
            "name": "ایرنا",
            "kb_id": None,
            "mentions": [mention("ایرنا", "name")],
        },
    ]

    def cue(piece: str, lemma: str, after: int = 0) -> dict[str, Any]:
        return {**span(text, piece, after), "lemma": lemma}

    quotes = [
        {
            "id": "q1",
            "kind": "direct",
            "content": span(text, "واکسن‌های جدید تا پایان ماه به همه استان‌ها می‌رسد."),
            "cue": cue("گفت", "گفت#گو"),
            "speaker": span(text, "مریم احمدی"),
            "speaker_entity": "e1",
            "parent": None,
            "confidence": 0.95,
        },
        {
            "id": "q2",
            "kind": "indirect",
            "content": span(text, "به گفته وزیر، بودجه این طرح تأمین شده است", second),
            "cue": cue("افزود", "افزود#افزا", second),
            "speaker": span(text, "وی", second),
            "speaker_entity": "e1",
            "parent": None,
            "confidence": 0.8,
        },
        {
            "id": "q3",
            "kind": "according_to",
            "content": span(text, "بودجه این طرح تأمین شده است", second),
            "cue": cue("به گفته", "به گفته", second),
            "speaker": span(text, "وزیر", second),
            "speaker_entity": None,
            "parent": "q2",
            "confidence": 0.7,
        },
        {
            "id": "q4",
            "kind": "indirect",
            "content": span(text, "دولت در تهران نشست ویژه‌ای برگزار می‌کند", third),
            "cue": cue("اعلام کرد", "اعلام#کرد", third),
            "speaker": span(text, "علی کریمی"),
            "speaker_entity": "e2",
            "parent": None,
            "confidence": 0.85,
        },
    ]
    return {
        "id": article_id,
        "text": text,
        "title": "واکسن و بودجه",
        "published": "2024-05-20",
        "entities": entities,
        "quotes": quotes,
        "attributions": [{"source": span(text, "ایرنا"), "via": []}],
    }
