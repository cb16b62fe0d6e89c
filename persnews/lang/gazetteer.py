"""The shipped gazetteer of well-known entities (``persnews/data/gazetteer.tsv``).

Each row is one entity: ``label``, canonical name and its other aliases (``|``-separated).
The gazetteer complements the trained NER model: it adds well-known names the model
misses and tells the entity clustering that, e.g., ``آمریکا`` and ``ایالات متحده`` are one
country. It is not meant to be complete.

>>> entries = load_gazetteer()
>>> usa = next(e for e in entries if e.canonical == "آمریکا")
>>> usa.label, "ایالات متحده" in usa.aliases
('LOC', True)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from persnews.errors import DataNotFoundError, InputFormatError

__all__ = ["GazetteerEntry", "gazetteer_path", "load_gazetteer"]

LABELS = ("PER", "ORG", "LOC")


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One entity: its label, canonical name and all aliases (canonical included)."""

    label: str
    canonical: str
    aliases: tuple[str, ...]


def gazetteer_path() -> Path:
    """Where the shipped gazetteer lives."""
    return Path(__file__).resolve().parents[1] / "data" / "gazetteer.tsv"


@lru_cache(maxsize=4)
def load_gazetteer(path: str | None = None) -> tuple[GazetteerEntry, ...]:
    """Read a gazetteer TSV (the shipped one by default); ``#`` lines are comments."""
    file = Path(path) if path is not None else gazetteer_path()
    if not file.is_file():
        raise DataNotFoundError(f"gazetteer file not found: {file}")
    entries: list[GazetteerEntry] = []
    for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2 or cols[0] not in LABELS:
            raise InputFormatError(
                f"{file}:{n}: expected 'LABEL<TAB>name[<TAB>alias|alias]' with LABEL in {LABELS}"
            )
        canonical = cols[1].strip()
        others = [a.strip() for a in cols[2].split("|")] if len(cols) > 2 else []
        aliases = (canonical, *(a for a in others if a and a != canonical))
        entries.append(GazetteerEntry(cols[0], canonical, aliases))
    return tuple(entries)
