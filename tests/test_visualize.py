"""persnews.render / write_report on a hand-written Persian article, checked from the HTML."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import spacy
from _vizdata import TEXT, make_record

from persnews import InvalidOptionError
from persnews.visualize import STYLES, RenderedHTML, render, write_report, writing_direction


class _Spans(HTMLParser):
    """Collects, per ``data-pn-id``, the article text under each entity mark or span bar."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        self.classes: dict[str, set[str]] = {}
        self._stack: list[tuple[str, dict[str, str | None]]] = []
        self._token_text: list[str] | None = None
        self._token_ids: list[str] = []
        self._skip = 0
        self._label_id: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        cls = set((a.get("class") or "").split())
        self._stack.append((tag, a))
        pid = a.get("data-pn-id")
        if pid:
            self.classes.setdefault(pid, set()).update(cls)
        if "pn-token" in cls:
            self._token_text, self._token_ids = [], []
        if "pn-bar" in cls and pid:
            self._token_ids.append(pid)
        if "pn-ent" in cls and pid:
            self.texts.setdefault(pid, "")
            self._token_ids.append(pid)
            if self._token_text is None:
                self._token_text = []
        if "pn-tag" in cls or "pn-label" in cls:
            self._skip += 1
            self._label_id = pid if "pn-label" in cls else None

    def handle_endtag(self, tag: str) -> None:
        _tag, a = self._stack.pop()
        cls = set((a.get("class") or "").split())
        if "pn-tag" in cls or "pn-label" in cls:
            self._skip -= 1
            self._label_id = None
        in_token = any("pn-token" in (x.get("class") or "") for _, x in self._stack)
        closes_token = "pn-token" in cls or ("pn-ent" in cls and not in_token)
        if closes_token and self._token_text is not None:
            text = "".join(self._token_text)
            for pid in self._token_ids:
                self.texts[pid] = self.texts.get(pid, "") + text
            self._token_text, self._token_ids = None, []

    def handle_data(self, data: str) -> None:
        if self._skip:
            if self._label_id:
                self.labels[self._label_id] = self.labels.get(self._label_id, "") + data
            return
        if self._token_text is not None:
            self._token_text.append(data)


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _parse(html: str) -> _Spans:
    parser = _Spans()
    parser.feed(html)
    return parser


@pytest.fixture
def record() -> dict[str, Any]:
    return make_record()


@pytest.mark.parametrize("style", STYLES)
def test_rendered_article_is_rtl_persian(record: dict[str, Any], style: str) -> None:
    html = render(record, style=style, jupyter=False)
    assert writing_direction("fa") == "rtl"
    assert re.search(r'<div class="pn-article[^"]*" dir="rtl" lang="fa"', html)
    assert "direction: rtl" in html


def test_every_entity_mention_is_marked_with_its_text(record: dict[str, Any]) -> None:
    parsed = _parse(render(record, style="ents", jupyter=False))
    mentions = [m for e in record["entities"] for m in e["mentions"]]
    marked = {k: v for k, v in parsed.texts.items() if "pn-ent" in parsed.classes[k]}
    assert len(marked) == len(mentions) == 7
    assert sorted(_squash(v) for v in marked.values()) == sorted(
        _squash(m["text"]) for m in mentions
    )


def test_pronoun_mention_is_tagged_with_its_entity_name(record: dict[str, Any]) -> None:
    html = render(record, style="ents", jupyter=False)
    pronoun = re.search(r'data-pn-entity="e1"[^>]*>وی<span class="pn-tag"[^>]*>([^<]*)<', html)
    assert pronoun is not None
    assert "مریم احمدی" in pronoun.group(1)


@pytest.mark.parametrize("style", ["quotes", "both"])
def test_every_quote_cue_and_speaker_span_covers_its_text(
    record: dict[str, Any], style: str
) -> None:
    parsed = _parse(render(record, style=style, jupyter=False))
    for q in record["quotes"]:
        assert _squash(parsed.texts[q["id"]]) == _squash(q["content"]["text"])
        assert _squash(parsed.texts[f"{q['id']}:cue"]) == _squash(q["cue"]["text"])
        assert _squash(parsed.texts[f"{q['id']}:speaker"]) == _squash(q["speaker"]["text"])


def test_speaker_is_named_by_the_resolved_entity_not_the_pronoun(record: dict[str, Any]) -> None:
    parsed = _parse(render(record, style="quotes", jupyter=False))
    # q2's speaker is written «وی» in the text; the label names the entity.
    assert "مریم احمدی" in parsed.labels["q2"]
    assert "وی" not in parsed.labels["q2"].split(" · ")
    # q3 has no resolved entity: its label falls back to the speaker's words.
    assert parsed.labels["q3"].endswith("وزیر")


def test_nested_quote_is_distinguishable_from_its_parent(record: dict[str, Any]) -> None:
    html = render(record, style="quotes", jupyter=False)
    parsed = _parse(html)
    assert "درون ۲" in parsed.labels["q3"] and "درون" not in parsed.labels["q2"]
    # The inner quote's bar sits in a lower slot than the outer one on the shared tokens.
    tops = {
        pid: int(top)
        for pid, top in re.findall(r'pn-bar pn-quote" data-pn-id="(q[23])"[^>]*top: (\d+)px', html)
    }
    assert tops["q3"] > tops["q2"]
    # The inner quote's text carries the deeper tint.
    assert html.count('class="pn-qtext" style="background: #dce8ff"') >= 5


def test_quote_without_speaker_renders_an_unknown_speaker_label() -> None:
    text = "گفته می‌شود قیمت‌ها بالا می‌رود."
    content = {"start": 12, "end": len(text), "text": text[12:]}
    rec = {
        "text": text,
        "entities": [],
        "quotes": [
            {
                "id": "q1",
                "kind": "indirect",
                "content": content,
                "cue": None,
                "speaker": None,
                "speaker_entity": None,
                "parent": None,
                "confidence": 0.4,
            }
        ],
    }
    parsed = _parse(render(rec, style="quotes", jupyter=False))
    assert "نامعلوم" in parsed.labels["q1"]
    assert _squash(parsed.texts["q1"]) == _squash(text[12:])


def test_overlapping_mentions_keep_the_longer_one() -> None:
    text = "وزارت امور خارجه ایران بیانیه داد."
    rec = {
        "text": text,
        "quotes": [],
        "entities": [
            {
                "id": "e1",
                "label": "ORG",
                "name": "وزارت امور خارجه ایران",
                "mentions": [{"start": 0, "end": 22, "text": text[:22], "kind": "name"}],
            },
            {
                "id": "e2",
                "label": "LOC",
                "name": "ایران",
                "mentions": [{"start": 17, "end": 22, "text": "ایران", "kind": "name"}],
            },
        ],
    }
    parsed = _parse(render(rec, style="ents", jupyter=False))
    assert list(parsed.texts.values()) == ["وزارت امور خارجه ایران"]


def test_text_is_escaped_not_interpreted() -> None:
    text = "<script>alert(1)</script> علی آمد"
    rec = {
        "text": text,
        "quotes": [],
        "entities": [
            {
                "id": "e1",
                "label": "PER",
                "name": "علی",
                "mentions": [{"start": 26, "end": 29, "text": "علی", "kind": "name"}],
            }
        ],
    }
    for style in STYLES:
        html = render(rec, style=style, jupyter=False)
        assert "<script>" not in html and "&lt;script&gt;" in html


def test_paragraphs_become_line_breaks(record: dict[str, Any]) -> None:
    html = render(record, style="quotes", jupyter=False)
    assert html.count("<br>") == TEXT.count("\n")


def test_render_accepts_a_spacy_doc_with_entities() -> None:
    nlp = spacy.blank("fa")
    doc = nlp("حسن روحانی به تبریز رفت.")
    doc.ents = [doc.char_span(0, 10, label="PER"), doc.char_span(14, 19, label="LOC")]
    parsed = _parse(render(doc, style="ents", jupyter=False))
    assert sorted(parsed.texts.values()) == ["تبریز", "حسن روحانی"]


def test_page_is_a_standalone_utf8_document(record: dict[str, Any]) -> None:
    html = render(record, style="both", page=True, jupyter=False)
    assert html.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in html and '<html lang="fa" dir="rtl">' in html
    assert "<title>واکسن و بودجه</title>" in html


def test_jupyter_modes(record: dict[str, Any]) -> None:
    auto = render(record, jupyter=None)
    plain = render(record, jupyter=False)
    assert isinstance(auto, RenderedHTML) and auto._repr_html_() == plain
    assert type(plain) is str


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [({"style": "entities"}, InvalidOptionError), ({"style": "quotes"}, None)],
)
def test_style_is_checked(record: dict[str, Any], kwargs: dict[str, str], error: Any) -> None:
    if error is None:
        assert render(record, jupyter=False, **kwargs)
    else:
        with pytest.raises(error, match=r"'entities'.*'ents', 'quotes', 'both'"):
            render(record, jupyter=False, **kwargs)


@pytest.mark.parametrize("bad", [42, "متن خام", None])
def test_wrong_input_type_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="Doc"):
        render(bad)


def test_write_report_sections_and_counts(tmp_path: Path) -> None:
    recs = [make_record(article_id="a1"), make_record(article_id="a2")]
    out = write_report(recs, tmp_path / "sub" / "report.html", articles=1)
    html = out.read_text(encoding="utf-8")
    for anchor in ("summary", "top-per", "top-speakers", "quotes-per-speaker", "cooccurrence"):
        assert f'id="{anchor}"' in html
    speakers = html.split('id="top-speakers"')[1].split("</section>")[0]
    # مریم احمدی speaks twice per article (once as «وی»): 4 quotes in 2 articles.
    assert re.search(
        r"<td>مریم احمدی</td><td class=\"pn-num\">۴</td><td class=\"pn-num\">۲</td>", speakers
    )
    assert html.count("<figure data-pn-article=") == 1
    assert html.count('class="pn-label pn-quote"') == len(recs[0]["quotes"])


def test_write_report_rejects_a_string(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="iterable of article records"):
        write_report("articles.jsonl", tmp_path / "r.html")  # type: ignore[arg-type]


# --- persnews.analysis on the same records --------------------------------------------------


def test_analysis_counts_match_the_hand_built_records() -> None:
    from persnews import analysis

    recs = [make_record(article_id="a1"), make_record(article_id="a2")]
    recs[1]["published"] = "2024-08-01"
    top = analysis.top_entities(recs, label="PER")
    assert top[["name", "articles", "mentions"]].values.tolist() == [
        ["مریم احمدی", 2, 6],
        ["علی کریمی", 2, 2],
    ]
    speakers = analysis.quotes_by_speaker(recs)
    assert speakers[["speaker", "quotes"]].values.tolist() == [
        ["مریم احمدی", 4],
        ["علی کریمی", 2],
        ["وزیر", 2],
    ]
    whom = analysis.who_quotes_whom(recs)
    assert whom[["speaker", "mentioned", "quotes"]].values.tolist() == [["علی کریمی", "تهران", 2]]
    pairs = analysis.cooccurrence(recs, labels=("PER",))
    assert pairs[["a", "b", "articles"]].values.tolist() == [["علی کریمی", "مریم احمدی", 2]]


@pytest.mark.parametrize(
    ("published", "calendar", "month"),
    [
        ("2024-03-20", "jalali", "1403-01"),  # Nowruz 1403
        ("2024-03-19", "jalali", "1402-12"),
        ("2024-03-19T22:00:00+00:00", "jalali", "1403-01"),  # already 20 March in Tehran
        ("2024-03-19", "gregorian", "2024-03"),
    ],
)
def test_counts_per_month_uses_the_tehran_calendar_day(
    published: str, calendar: str, month: str
) -> None:
    from persnews import analysis

    rec = make_record()
    rec["published"] = published
    out = analysis.counts_per_month([rec], calendar=calendar)
    assert out.values.tolist() == [[month, 1]]


def test_entities_spelled_with_arabic_letters_count_as_one() -> None:
    from persnews import analysis

    a, b = make_record(article_id="a1"), make_record(article_id="a2")
    b["entities"][3]["name"] = "تهران"
    a["entities"][1]["name"] = b["entities"][1]["name"] = "علی کریمی"
    a["entities"][1]["name"] = "علي كريمي"  # Arabic ي and ك
    top = analysis.top_entities([a, b], label="PER")
    assert top["articles"].tolist() == [2, 2]
