"""matplotlib figures with Persian labels that are joined and read right to left.

Persian needs two things matplotlib's plain text path does not do: *shaping* (each letter
takes its initial, medial, final or isolated form) and the *bidi algorithm* (the letters of a
right-to-left run are laid out from right to left, digits and Latin inside it stay
left-to-right). matplotlib 3.11 and later lay text out with libraqm, which does both; older
versions draw code points one by one, so :func:`fa` prepares labels for them with
``arabic-reshaper`` (shaping into presentation forms) and ``python-bidi`` (visual order).
Applying those libraries *and* libraqm would reverse the text twice, so :func:`fa` checks which
case applies. The font is Noto Sans Arabic, shipped on PyPI as ``fontpkg-noto-sans-arabic``
(SIL Open Font License); a system Vazirmatn or Noto font is used when present, and DejaVu Sans
(which also covers the Arabic script) is the last resort.

>>> fa("سلام") == "سلام" if native_layout() else fa("سلام") != "سلام"
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from persnews._log import logger

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "bar_chart",
    "benchmark_bars",
    "cooccurrence_network",
    "fa",
    "font_path",
    "monthly_counts",
    "native_layout",
    "persian_font",
    "shape_for_plain_renderer",
]

#: Families tried in order when no packaged font is installed.
_SYSTEM_FAMILIES = ("Vazirmatn", "Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans")


@cache
def native_layout() -> bool:
    """Whether this matplotlib shapes and reorders complex scripts itself (libraqm, 3.11+)."""
    from matplotlib import ft2font

    return hasattr(ft2font.FT2Font, "_layout")


def fa(text: object) -> str:
    """``text`` ready to be drawn by matplotlib: shaped and in visual order when needed.

    On matplotlib with its own layout engine the text is returned unchanged (it would
    otherwise be reversed twice); on older versions it is reshaped into Arabic presentation
    forms and reordered with the Unicode bidi algorithm.
    """
    s = str(text)
    if native_layout() or not s:
        return s
    return shape_for_plain_renderer(s)


def shape_for_plain_renderer(text: str) -> str:
    """Shaped presentation forms in visual order, for renderers without complex text layout.

    >>> shaped = shape_for_plain_renderer("سلام")
    >>> all(0xFB50 <= ord(c) <= 0xFEFF for c in shaped), len(shaped)
    (True, 3)
    """
    import arabic_reshaper
    from bidi.algorithm import get_display

    return str(get_display(arabic_reshaper.reshape(text)))


@cache
def font_path() -> Path | None:
    """The file of the Persian font the plots use, or ``None`` when only system fonts exist."""
    try:
        import fontpkg_noto_sans_arabic as noto
    except ImportError:
        return None
    found = sorted((Path(noto.ROOT) / "files").glob("*.ttf"))
    return found[0] if found else None


@cache
def persian_font() -> str:
    """Register the Persian font with matplotlib and return its family name."""
    from matplotlib import font_manager

    path = font_path()
    if path is not None:
        font_manager.fontManager.addfont(str(path))
        return str(font_manager.FontProperties(fname=str(path)).get_name())
    available = {f.name for f in font_manager.fontManager.ttflist}
    for family in _SYSTEM_FAMILIES:
        if family in available:
            return family
    logger.warning("no font covering Persian found; install fontpkg-noto-sans-arabic")
    return "sans-serif"


def _families() -> list[str]:
    return [persian_font(), "DejaVu Sans"]


def _axes(ax: Axes | None, figsize: tuple[float, float]) -> tuple[Figure, Axes]:
    import matplotlib.pyplot as plt

    if ax is not None:
        fig = ax.figure
        return fig, ax  # type: ignore[return-value]
    fig, new_ax = plt.subplots(figsize=figsize, layout="constrained")
    return fig, new_ax


def _style_text(ax: Axes) -> None:
    families = _families()
    for label in [*ax.get_xticklabels(), *ax.get_yticklabels()]:
        label.set_fontfamily(families)
    for text in (ax.title, ax.xaxis.label, ax.yaxis.label):
        text.set_fontfamily(families)


def _integer_locator() -> Any:
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(integer=True)


def bar_chart(
    df: pd.DataFrame,
    *,
    label: str,
    value: str,
    title: str | None = None,
    xlabel: str | None = None,
    ax: Axes | None = None,
    color: str = "#1f6fd1",
) -> Figure:
    """Horizontal bars of ``df[value]`` named by ``df[label]``, biggest on top.

    Works directly on :func:`persnews.analysis.top_entities` (``label="name",
    value="articles"``) and :func:`persnews.analysis.quotes_by_speaker`.
    """
    for col in (label, value):
        if col not in df.columns:
            raise KeyError(f"column {col!r} not in the table (it has {list(df.columns)})")
    fig, ax = _axes(ax, (7.0, 0.45 * max(len(df), 3) + 1.2))
    names = [fa(" ".join(str(v).split())) for v in df[label]][::-1]
    values = list(df[value])[::-1]
    ax.barh(range(len(values)), values, color=color)
    ax.xaxis.set_major_locator(_integer_locator())
    ax.set_yticks(range(len(values)), labels=names)
    if title:
        ax.set_title(fa(title))
    if xlabel:
        ax.set_xlabel(fa(xlabel))
    ax.spines[["top", "right"]].set_visible(False)
    _style_text(ax)
    return fig


def monthly_counts(
    df: pd.DataFrame,
    *,
    title: str | None = None,
    ax: Axes | None = None,
    label: str | None = None,
) -> Figure:
    """A line of ``count`` per ``month`` (from :func:`persnews.analysis.counts_per_month`)."""
    fig, ax = _axes(ax, (8.0, 3.5))
    ax.yaxis.set_major_locator(_integer_locator())
    months = [str(m) for m in df["month"]]
    ax.plot(range(len(months)), list(df["count"]), marker="o", label=fa(label) if label else None)
    step = max(1, math.ceil(len(months) / 12))
    ax.set_xticks(range(0, len(months), step), labels=months[::step], rotation=45, ha="right")
    if title:
        ax.set_title(fa(title))
    if label:
        ax.legend(prop={"family": _families()})
    ax.spines[["top", "right"]].set_visible(False)
    _style_text(ax)
    return fig


def cooccurrence_network(
    pairs: pd.DataFrame,
    *,
    top: int = 25,
    title: str | None = None,
    ax: Axes | None = None,
) -> Figure:
    """Entities on a circle, joined by lines as thick as the number of shared articles.

    ``pairs`` is the table of :func:`persnews.analysis.cooccurrence` (``a``, ``b``,
    ``articles`` and optionally ``label_a``/``label_b`` for node colours).
    """
    from persnews.visualize._markup import label_color

    fig, ax = _axes(ax, (7.5, 7.5))
    pairs = pairs.head(top)
    nodes: list[str] = []
    labels: dict[str, str] = {}
    for row in pairs.itertuples(index=False):
        ends = ((row.a, getattr(row, "label_a", "")), (row.b, getattr(row, "label_b", "")))
        for name, lab in ends:
            if name not in labels:
                nodes.append(name)
                labels[name] = str(lab)
    n = max(len(nodes), 1)
    angles = {name: 2 * math.pi * i / n + math.pi / 2 for i, name in enumerate(nodes)}
    pos = {name: (math.cos(a), math.sin(a)) for name, a in angles.items()}
    biggest = max([int(v) for v in pairs["articles"]] or [1])
    for row in pairs.itertuples(index=False):
        (x1, y1), (x2, y2) = pos[row.a], pos[row.b]
        width = 0.5 + 4.5 * int(row.articles) / biggest
        ax.plot([x1, x2], [y1, y2], color="#8a94a6", linewidth=width, alpha=0.6, zorder=1)
    families = _families()
    for name, (x, y) in pos.items():
        ax.scatter([x], [y], s=260, color=label_color(labels[name]), edgecolors="#333333", zorder=2)
        # Labels sit outside the circle, aligned away from their node.
        ha = "left" if x > 0.2 else "right" if x < -0.2 else "center"
        ax.text(
            1.12 * x,
            1.14 * y,
            fa(" ".join(name.split())),
            ha=ha,
            va="center",
            fontsize=10,
            fontfamily=families,
            zorder=3,
        )
    ax.set_xlim(-1.7, 1.7)
    ax.set_ylim(-1.35, 1.35)
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(fa(title), fontfamily=families)
    return fig


def benchmark_bars(
    df: pd.DataFrame,
    *,
    system: str,
    metric: str,
    value: str,
    title: str | None = None,
    ax: Axes | None = None,
) -> Figure:
    """Grouped bars: one group per ``metric``, one bar per ``system`` (persnews vs anchors).

    ``df`` is in long form (one row per system and metric); repeated pairs use the first value.
    """
    fig, ax = _axes(ax, (8.0, 4.0))
    metrics: Sequence[Any] = list(dict.fromkeys(df[metric]))
    measured = df[pd.to_numeric(df[value], errors="coerce").notna()]
    systems: Sequence[Any] = list(dict.fromkeys(measured[system]))  # rows with a number
    first = df.drop_duplicates([system, metric]).set_index([system, metric])[value]
    width = 0.8 / max(len(systems), 1)
    for j, sysname in enumerate(systems):
        xs = [i + j * width for i in range(len(metrics))]
        heights = [float(first.get((sysname, m), float("nan"))) for m in metrics]
        ax.bar(xs, heights, width=width, label=fa(sysname))
    ax.set_xticks(
        [i + width * (len(systems) - 1) / 2 for i in range(len(metrics))],
        labels=[fa(m) for m in metrics],
    )
    if len(metrics) > 4:
        ax.tick_params(axis="x", labelrotation=30)
        for tick in ax.get_xticklabels():
            tick.set_horizontalalignment("right")
    ax.legend(prop={"family": _families()}, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    if title:
        ax.set_title(fa(title))
    ax.spines[["top", "right"]].set_visible(False)
    _style_text(ax)
    return fig
