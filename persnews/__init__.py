"""persnews: who is mentioned and who said what in Persian news.

An offline spaCy pipeline for Persian (Farsi) news: normalization with offsets,
tokenization, tagging, parsing, named entities, entity clusters and quotations
with their speakers.

>>> import persnews
>>> persnews.normalize("ميتواند")
'می\u200cتواند'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from persnews._log import logger
from persnews.errors import (
    DataNotFoundError,
    InputFormatError,
    InvalidOptionError,
    ModelNotFoundError,
    PersnewsError,
)
from persnews.normalize import NormalizedText, Normalizer, normalize

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleRecord",
    "DataNotFoundError",
    "InputFormatError",
    "InvalidOptionError",
    "ModelNotFoundError",
    "NormalizedText",
    "Normalizer",
    "PersnewsError",
    "__version__",
    "analyze",
    "load",
    "normalize",
    "pipe",
    "read_article",
    "render",
    "to_frames",
]

# Heavier parts load on first use so that `import persnews` stays fast.
_LAZY = {
    "load": "persnews.pipeline",
    "Article": "persnews.article",
    "read_article": "persnews.article",
    "analyze": "persnews.record",
    "ArticleRecord": "persnews.record",
    "pipe": "persnews.batch",
    "to_frames": "persnews.batch",
    "render": "persnews.visualize",
}

if TYPE_CHECKING:
    from persnews.article import Article, read_article
    from persnews.batch import pipe, to_frames
    from persnews.pipeline import load
    from persnews.record import ArticleRecord, analyze
    from persnews.visualize import render


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'persnews' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


del logger
