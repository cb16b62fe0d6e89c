"""Persian labels in matplotlib: shaped (joined letter forms), right to left, font covers them.

The checks look at what would be drawn: the glyphs matplotlib's layout picks (or, for
renderers without complex text layout, the presentation forms :func:`fa` produces), in the
order they are placed, and whether the chosen font has every one of them.
"""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import pytest
from _vizdata import make_record
from fontTools.ttLib import TTFont
from matplotlib import font_manager
from matplotlib.ft2font import FT2Font, LoadFlags

from persnews import analysis
from persnews.visualize import plots

LABELS = ["مریم احمدی", "سخنگوی دولت", "پژوهشگاه", "نقل‌قول‌ها", "گزارش ۱۴۰۳", "چگونه"]


def _font_file() -> str:
    family = plots.persian_font()
    return str(font_manager.findfont(font_manager.FontProperties(family=family)))


def test_packaged_font_is_used_and_is_not_a_fallback() -> None:
    path = plots.font_path()
    assert path is not None and path.is_file(), "fontpkg-noto-sans-arabic is a dependency"
    assert Path(_font_file()) == path
    assert plots.persian_font() == "Noto Sans Arabic"


@pytest.mark.parametrize("label", LABELS)
def test_font_covers_every_character_and_presentation_form(label: str) -> None:
    cmap = TTFont(_font_file()).getBestCmap()
    drawn = set(label) | set(plots.shape_for_plain_renderer(label))
    drawn -= {" ", "\u200c"}  # space and ZWNJ draw nothing
    missing = sorted(hex(ord(c)) for c in drawn if ord(c) not in cmap)
    assert missing == []


def test_fa_does_not_reverse_twice() -> None:
    text = "سخنگوی دولت"
    if plots.native_layout():
        assert plots.fa(text) == text  # matplotlib shapes and reorders by itself
    else:
        assert plots.fa(text) == plots.shape_for_plain_renderer(text)


@pytest.mark.parametrize("word", ["سلام", "پیشنهاد", "گفت"])
def test_plain_renderer_shaping_gives_joined_forms_in_visual_order(word: str) -> None:
    shaped = plots.shape_for_plain_renderer(word)
    assert all(0xFB50 <= ord(c) <= 0xFEFF for c in shaped)  # presentation forms only
    assert len(shaped) <= len(word)  # لا ligatures may merge two letters
    # Visual order: the last logical letter is drawn first (leftmost).
    import unicodedata

    last = unicodedata.name(word[-1]).split()[-1]
    assert last in unicodedata.name(shaped[0])


@pytest.mark.skipif(not plots.native_layout(), reason="matplotlib without its own text layout")
@pytest.mark.parametrize("word", ["سلام", "پژوهش", "گزارش"])
def test_native_layout_joins_letters_and_runs_right_to_left(word: str) -> None:
    font = FT2Font(_font_file())
    joined = list(font._layout(plots.fa(word), LoadFlags.NO_HINTING))
    assert all(item.glyph_index != 0 for item in joined)  # no missing-glyph boxes
    # Right to left: the first glyph placed (leftmost) is the last letter of the word. (The
    # font draws dots as glyphs of their own, so one letter may give several glyphs.)
    assert [c for c, _ in groupby(item.char for item in joined)] == list(reversed(word))
    # Shaped: inside a word at least one letter takes a different glyph than when alone.
    alone = {c: next(iter(font._layout(c, LoadFlags.NO_HINTING))).glyph_index for c in word}
    assert any(item.glyph_index != alone[item.char] for item in joined)


def test_bar_chart_labels_are_prepared_and_drawn(tmp_path: Path) -> None:
    recs = [make_record(article_id="a1"), make_record(article_id="a2")]
    table = analysis.quotes_by_speaker(recs)
    fig = plots.bar_chart(table, label="speaker", value="quotes", title="گویندگان")
    ax = fig.axes[0]
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks == [plots.fa(s) for s in table["speaker"]][::-1]
    assert all(t.get_fontfamily()[0] == plots.persian_font() for t in ax.get_yticklabels())
    out = tmp_path / "bars.png"
    fig.savefig(out, dpi=60)
    assert out.stat().st_size > 3_000


def test_persian_label_renders_ink_that_differs_from_isolated_letters(tmp_path: Path) -> None:
    """Pixels: the joined word differs from its letters drawn apart (shaping happened)."""
    import matplotlib.pyplot as plt

    def draw(text: str) -> np.ndarray:
        fig = plt.figure(figsize=(3, 1), dpi=80)
        fig.text(
            0.5,
            0.5,
            plots.fa(text),
            fontfamily=[plots.persian_font()],
            fontsize=24,
            ha="center",
            va="center",
        )
        fig.canvas.draw()
        pixels = np.asarray(fig.canvas.buffer_rgba())[..., 0].copy()  # type: ignore[attr-defined]
        plt.close(fig)
        return pixels

    joined = draw("سپس")
    apart = draw("س\u200cپ\u200cس")  # ZWNJ keeps each letter in its isolated form
    assert (joined < 128).sum() > 50  # something was drawn
    assert not np.array_equal(joined, apart)


def test_cooccurrence_network_and_monthly_counts_draw(tmp_path: Path) -> None:
    recs = [make_record(article_id="a1"), make_record(article_id="a2")]
    recs[1]["published"] = "2024-08-01"
    fig = plots.cooccurrence_network(analysis.cooccurrence(recs), title="هم‌آیی")
    names = {t.get_text() for t in fig.axes[0].texts}
    assert plots.fa("مریم احمدی") in names and plots.fa("تهران") in names
    months = analysis.counts_per_month(recs)
    fig2 = plots.monthly_counts(months, title="خبرها در هر ماه")
    assert [t.get_text() for t in fig2.axes[0].get_xticklabels()] == ["1403-02", "1403-05"]


def test_bar_chart_names_a_missing_column() -> None:
    with pytest.raises(KeyError, match="'count'"):
        plots.bar_chart(pd.DataFrame({"name": ["علی"]}), label="name", value="count")


def test_benchmark_bars_leave_out_systems_without_numbers() -> None:
    long = pd.DataFrame(
        {
            "system": ["persnews", "hazm", "shekar"] * 2,
            "metric": ["ZWNJ P"] * 3 + ["ZWNJ R"] * 3,
            "value": [90.9, 83.5, None, 93.3, 39.4, None],
        }
    )
    fig = plots.benchmark_bars(long, system="system", metric="metric", value="value")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["persnews", "hazm"]
    heights = sorted(round(p.get_height(), 1) for p in ax.patches)
    assert heights == [39.4, 83.5, 90.9, 93.3]
