"""Short Persian news articles that ship with persnews, for demos, docs and tests.

They were written for this project (fictional people and events), in the layouts real
sites use: page chrome, news codes, Jalali and Gregorian dates, relay attribution lines,
quotations of many kinds, names in several spellings, and some texts that lost their ZWNJs
or use Arabic ي/ك.

>>> ids = [sample_id for sample_id, _ in load_samples()]
>>> len(ids) >= 12 and ids == sorted(ids)
True
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

__all__ = ["load_samples", "sample_paths"]


def sample_paths() -> list[Traversable]:
    """The bundled ``.txt`` articles, sorted by name."""
    root = resources.files(__name__)
    return sorted((p for p in root.iterdir() if p.name.endswith(".txt")), key=lambda p: p.name)


def load_samples() -> list[tuple[str, str]]:
    """``(id, text)`` for every bundled article; the id is the file stem.

    >>> sample_id, text = load_samples()[0]
    >>> sample_id, "کد خبر" in text
    ('01_water_tehran', True)
    """
    return [(p.name[: -len(".txt")], p.read_text(encoding="utf-8")) for p in sample_paths()]
