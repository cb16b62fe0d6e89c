"""HTML pieces shared by :func:`persnews.render` and :func:`persnews.visualize.write_report`.

Colours, labels and the standalone page template. Every element the renderer emits carries a
``pn-*`` class and a ``data-pn-id`` so that pages can be checked (and styled) from the DOM.

>>> label_color("PER") != label_color("ORG")
True
>>> persian_digits(12)
'۱۲'
"""

from __future__ import annotations

from html import escape
from typing import Final

__all__ = [
    "CUE_COLOR",
    "FONT_STACK",
    "KIND_NAMES",
    "LABEL_COLORS",
    "QUOTE_COLORS",
    "SPEAKER_COLOR",
    "label_color",
    "page",
    "persian_digits",
]

#: Background colour of each entity label (light, so that the Persian text stays readable).
LABEL_COLORS: Final[dict[str, str]] = {
    "PER": "#ffc9c9",
    "ORG": "#c5dcff",
    "LOC": "#c3efcb",
    "DATE": "#ffe7a8",
    "TIME": "#ffd8b5",
    "MONEY": "#e2d4ff",
    "PERCENT": "#f6cdea",
    "FAC": "#c8eeee",
    "EVENT": "#fff3a0",
    "PRODUCT": "#dedede",
}
#: Fallback for labels without a colour of their own.
DEFAULT_LABEL_COLOR: Final = "#e4e7eb"
#: Bar colour of each quote kind.
QUOTE_COLORS: Final[dict[str, str]] = {
    "direct": "#1f6fd1",
    "indirect": "#1e9e57",
    "according_to": "#8a3fd1",
}
#: Light tint behind the content of a quote, by nesting depth (outermost first).
QUOTE_TINTS: Final[tuple[str, ...]] = ("#eef4ff", "#dce8ff", "#cbdcff")
CUE_COLOR: Final = "#d64545"
SPEAKER_COLOR: Final = "#e07b00"
#: Persian names of the quote kinds, shown in labels.
KIND_NAMES: Final[dict[str, str]] = {
    "direct": "مستقیم",
    "indirect": "غیرمستقیم",
    "according_to": "به گفتهٔ",
}
#: Fonts that cover Persian, best first; the browser uses the first one it has.
FONT_STACK: Final = (
    "Vazirmatn, 'Noto Sans Arabic', 'Noto Naskh Arabic', Tahoma, 'DejaVu Sans', sans-serif"
)

_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def label_color(label: str) -> str:
    """Background colour for an entity ``label`` (case-insensitive)."""
    return LABEL_COLORS.get(label.upper(), DEFAULT_LABEL_COLOR)


def persian_digits(value: int | str) -> str:
    """``value`` written with Persian digits."""
    return str(value).translate(_PERSIAN_DIGITS)


_PAGE = """<!DOCTYPE html>
<html lang="{lang}" dir="{dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: {fonts}; direction: {dir}; margin: 2rem auto; max-width: 60rem;
       padding: 0 1.5rem; color: #1d1d1f; background: #fff; line-height: 1.8; }}
h1, h2, h3 {{ line-height: 1.4; }}
table {{ border-collapse: collapse; margin: 0.5rem 0 1.5rem; }}
th, td {{ border: 1px solid #d0d4da; padding: 0.25rem 0.6rem; text-align: start;
          vertical-align: top; }}
th {{ background: #f3f5f8; }}
td.pn-num {{ text-align: end; font-variant-numeric: tabular-nums; }}
.pn-legend {{ font-size: 0.8em; color: #444; margin: 0.3rem 0 1rem; }}
.pn-legend span {{ display: inline-block; margin-inline-end: 0.8em; }}
.pn-swatch {{ display: inline-block; width: 0.9em; height: 0.9em; border-radius: 0.2em;
              vertical-align: middle; margin-inline-end: 0.25em; }}
figure {{ margin: 0 0 3rem; }}
.pn-grid {{ display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
            gap: 0 2rem; align-items: start; }}
.pn-summary th {{ font-weight: normal; }}
</style>
</head>
<body>
{content}
</body>
</html>
"""


def page(content: str, *, title: str, lang: str = "fa", direction: str = "rtl") -> str:
    """Wrap HTML ``content`` in a standalone UTF-8 page written ``direction``.

    >>> html = page("<p>سلام</p>", title="گزارش")
    >>> '<html lang="fa" dir="rtl">' in html and '<meta charset="utf-8">' in html
    True
    """
    return _PAGE.format(
        content=content, title=escape(title), lang=lang, dir=direction, fonts=FONT_STACK
    )
