"""Render an analysed article as right-to-left HTML with displaCy.

Entities use displaCy's entity renderer; quotes (with their cue and speaker, nested quotes
stacked under each other) use displaCy's span renderer, whose stacking of overlapping spans
shows an inner quote as its own bar below the outer one. Both run in displaCy's manual mode on
the article record, and the writing direction comes from spaCy's ``fa`` language data.

>>> text = "علی رضایی گفت: باران آمد."
>>> record = {
...     "text": text,
...     "entities": [{"id": "e1", "label": "PER", "name": "علی رضایی",
...                   "mentions": [{"start": 0, "end": 9, "text": "علی رضایی", "kind": "name"}]}],
...     "quotes": [{"id": "q1", "kind": "direct",
...                 "content": {"start": 15, "end": 25, "text": "باران آمد."},
...                 "cue": {"start": 10, "end": 13, "text": "گفت", "lemma": "گفت#گو"},
...                 "speaker": {"start": 0, "end": 9, "text": "علی رضایی"},
...                 "speaker_entity": "e1", "parent": None, "confidence": 0.9}],
... }
>>> html = render(record, style="both", jupyter=False)
>>> 'dir="rtl"' in html, html.count('class="pn-label pn-quote"')
(True, 1)
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from html import escape
from typing import Any

from spacy import displacy
from spacy.util import get_lang_class

from persnews.errors import check_choice
from persnews.visualize._markup import (
    CUE_COLOR,
    FONT_STACK,
    KIND_NAMES,
    LABEL_COLORS,
    QUOTE_COLORS,
    SPEAKER_COLOR,
    label_color,
)
from persnews.visualize._markup import page as html_page
from persnews.visualize._records import as_record
from persnews.visualize._spans import entity_display, mentions, render_spans

__all__ = ["STYLES", "RenderedHTML", "render", "writing_direction"]

#: The styles :func:`render` accepts.
STYLES: tuple[str, ...] = ("ents", "quotes", "both")

_TPL_ENT = (
    '<mark class="entity pn-ent" data-pn-id="{mention_id}" data-pn-entity="{entity_id}" '
    'data-pn-label="{label}" title="{tooltip}" style="background: {bg}; padding: 0.15em 0.4em; '
    'margin: 0 0.15em; line-height: 1; border-radius: 0.35em">{text}<span class="pn-tag" '
    'style="font-size: 0.7em; font-weight: bold; margin-right: 0.4em; vertical-align: middle">'
    "{display}</span></mark>"
)


class RenderedHTML(str):
    """HTML markup that Jupyter shows rendered; everywhere else it is a plain ``str``."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        return str(self)


class _ShownHTML(RenderedHTML):
    """Markup already shown with IPython's ``display``: showing it again would duplicate it."""

    __slots__ = ()

    def _ipython_display_(self) -> None:
        return None


@cache
def writing_direction(lang: str = "fa") -> str:
    """The writing direction spaCy's language data gives for ``lang``.

    >>> writing_direction("fa")
    'rtl'
    """
    return str(get_lang_class(lang)().vocab.writing_system.get("direction", "ltr"))


def render(
    doc_or_record: object,
    *,
    style: str = "ents",
    jupyter: bool | None = None,
    page: bool = False,
    title: str | None = None,
) -> str:
    """Render an analysed article (Doc, ArticleRecord or record dict) as HTML.

    Args:
        doc_or_record: what :func:`persnews.analyze` or the pipeline returned, or its dict.
        style: ``"ents"`` (entity mentions coloured by label, pronouns and roles tagged with
            the entity they refer to), ``"quotes"`` (quote content highlighted, cue and speaker
            marked, the speaker named by its resolved entity) or ``"both"``.
        jupyter: ``None`` returns a ``str`` that Jupyter shows rendered when it is a cell's
            value; ``True`` shows it at once with IPython (for loops) and returns it without
            showing it again; ``False`` returns a plain ``str``.
        page: return a standalone UTF-8 HTML page instead of a fragment.
        title: heading shown above the article (default: the record's title, if any).

    Returns:
        The HTML markup (a ``str``).

    Raises:
        InvalidOptionError: ``style`` is not one of ``STYLES``.
        TypeError: ``doc_or_record`` is not a Doc, record or record dict.
    """
    check_choice("style", style, STYLES)
    record = as_record(doc_or_record)
    if title is None and isinstance(record.get("title"), str):
        title = record["title"]
    html = render_fragment(record, style=style, title=title)
    if page:
        html = _page_for(html, title or record.get("id") or "persnews")
    if jupyter is None:
        return RenderedHTML(html)
    if jupyter:
        from IPython.display import HTML, display

        display(HTML(html))  # type: ignore[no-untyped-call]
        return _ShownHTML(html)
    return html


def _page_for(fragment: str, title: object) -> str:
    return html_page(fragment, title=str(title), direction=writing_direction())


def render_fragment(record: Mapping[str, Any], *, style: str, title: str | None = None) -> str:
    """The article ``<div>`` for ``record`` in ``style`` (no page around it)."""
    direction = writing_direction()
    text: str = record["text"]
    if style == "ents":
        body = _render_ents(record, direction)
    else:
        body = render_spans(record, direction, with_entities=style == "both")
    heading = f'<h2 class="pn-title">{escape(title)}</h2>' if title else ""
    legend = _legend(record, style)
    return (
        f'<div class="pn-article pn-style-{style}" dir="{direction}" lang="fa" '
        f'data-pn-chars="{len(text)}" style="direction: {direction}; font-family: {FONT_STACK}">'
        f"{heading}{body}{legend}</div>"
    )


def _render_ents(record: Mapping[str, Any], direction: str) -> str:
    ents = []
    for i, m in enumerate(mentions(record)):
        display, tooltip = entity_display(m)
        ents.append(
            {
                "start": int(m["start"]),
                "end": int(m["end"]),
                "label": str(m["entity"].get("label", "")),
                "params": {
                    "mention_id": f"m{i + 1}",
                    "entity_id": escape(str(m["entity"].get("id"))),
                    "display": escape(display),
                    "tooltip": escape(tooltip),
                },
            }
        )
    parsed = {
        "text": record["text"],
        "ents": ents,
        "title": None,
        "settings": {"lang": "fa", "direction": direction},
    }
    options = {"colors": dict(LABEL_COLORS), "template": _TPL_ENT}
    markup = displacy.render(parsed, style="ent", manual=True, jupyter=False, options=options)
    assert isinstance(markup, str)  # displaCy returns markup when jupyter=False
    return markup


def _legend(record: Mapping[str, Any], style: str) -> str:
    items: list[str] = []
    if style in ("ents", "both"):
        labels = sorted({str(e.get("label", "")) for e in record.get("entities") or []})
        for label in labels:
            items.append(
                f'<span><i class="pn-swatch" style="background: {label_color(label)}"></i>'
                f"{escape(label)}</span>"
            )
    if style in ("quotes", "both"):
        kinds = sorted({str(q.get("kind", "direct")) for q in record.get("quotes") or []})
        for kind in kinds:
            color = QUOTE_COLORS.get(kind, "#555555")
            items.append(
                f'<span><i class="pn-swatch" style="background: {color}"></i>'
                f"نقل‌قول {escape(KIND_NAMES.get(kind, kind))}</span>"
            )
        if kinds:
            items.append(
                f'<span><i class="pn-swatch" style="background: {CUE_COLOR}"></i>فعل گفتن</span>'
                f'<span><i class="pn-swatch" style="background: {SPEAKER_COLOR}"></i>گوینده</span>'
            )
    if not items:
        return ""
    swatch = "display: inline-block; width: 0.9em; height: 0.9em; border-radius: 0.2em"
    body = "".join(items).replace(
        'class="pn-swatch" style="', f'class="pn-swatch" style="{swatch}; '
    )
    return f'<div class="pn-legend" style="font-size: 0.8em; color: #444">{body}</div>'
