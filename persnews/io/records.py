"""The two things a reader yields: an input article or an error entry.

>>> from persnews.io.records import InputRecord, check_text
>>> rec = InputRecord(id="a1", text="دولت گفت.", source="news.jsonl:1")
>>> rec.id, rec.source
('a1', 'news.jsonl:1')
>>> check_text("", max_chars=100)
'empty text'
>>> check_text("سلام", max_chars=100) is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["DEFAULT_MAX_CHARS", "InputError", "InputRecord", "ReadOptions", "check_text"]

#: Articles longer than this (in characters) are reported as errors instead of analysed.
DEFAULT_MAX_CHARS = 1_000_000


@dataclass(frozen=True, slots=True)
class InputRecord:
    """One article to analyse: its id, original text, where it came from and optional metadata."""

    id: str
    text: str
    source: str
    title: str | None = None
    published: str | None = None
    url: str | None = None

    def meta(self) -> dict[str, str]:
        """The metadata the input provided (title, published, url), without the missing ones."""
        out: dict[str, str] = {}
        for key in ("title", "published", "url"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out


@dataclass(frozen=True, slots=True)
class InputError:
    """An input record that cannot be analysed: its id when known, its location and the reason."""

    id: str | None
    source: str
    reason: str
    stage: str = "read"
    detail: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The ``errors.jsonl`` form: ``{id, source, stage, reason, detail}``."""
        return {
            "id": self.id,
            "source": self.source,
            "stage": self.stage,
            "reason": self.reason,
            "detail": self.detail,
        }


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Where the readers find each field, and the per-article size limit.

    ``id_column`` may be missing from a record: the id is then ``<file stem>:<line>``.
    The optional columns (title, date, url) are used when present and ignored otherwise.
    """

    text_column: str = "text"
    id_column: str = "id"
    title_column: str | None = "title"
    date_column: str | None = "date"
    url_column: str | None = "url"
    max_chars: int = DEFAULT_MAX_CHARS

    def __post_init__(self) -> None:
        for name in ("text_column", "id_column"):
            value = getattr(self, name)
            if not isinstance(value, str):
                raise TypeError(f"{name} must be a str, not {type(value).__name__}")
        if not isinstance(self.max_chars, int) or isinstance(self.max_chars, bool):
            raise TypeError(f"max_chars must be an int, not {type(self.max_chars).__name__}")
        if self.max_chars < 1:
            from persnews.errors import InvalidOptionError

            raise InvalidOptionError(
                f"max_chars={self.max_chars} is not allowed; use a positive int"
            )

    @property
    def max_bytes(self) -> int:
        """The longest raw record (UTF-8 bytes) a reader will hold in memory."""
        return self.max_chars * 4 + 65_536


def check_text(text: str, *, max_chars: int) -> str | None:
    """Return why ``text`` cannot be analysed (empty, too long, binary), or ``None`` when it can.

    >>> check_text("x" * 11, max_chars=10)
    'text too long: 11 characters (limit 10)'
    >>> check_text("a\\x00b", max_chars=10)
    'binary content (NUL character)'
    """
    if not text.strip():
        return "empty text"
    if len(text) > max_chars:
        return f"text too long: {len(text)} characters (limit {max_chars})"
    if "\x00" in text:
        return "binary content (NUL character)"
    return None
