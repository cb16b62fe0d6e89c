"""ZWNJ restoration (joined and spaced forms). Being rebuilt data-driven; see issue 2."""

from __future__ import annotations

from persnews.normalize.offsets import Edit

__all__ = ["zwnj_edits"]


def zwnj_edits(text: str) -> list[Edit]:
    """Edits that insert a missing ZWNJ or turn a wrong space into one."""
    return []
