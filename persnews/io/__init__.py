"""Reading article collections: .txt directories, JSONL, CSV/TSV, Parquet (optionally compressed).

>>> from persnews.io import ReadOptions
>>> ReadOptions(text_column="body").text_column
'body'
"""

from __future__ import annotations

from persnews.io.readers import FORMATS, detect_format, expand_inputs, iter_inputs, open_binary
from persnews.io.records import DEFAULT_MAX_CHARS, InputError, InputRecord, ReadOptions, check_text

__all__ = [
    "DEFAULT_MAX_CHARS",
    "FORMATS",
    "InputError",
    "InputRecord",
    "ReadOptions",
    "check_text",
    "detect_format",
    "expand_inputs",
    "iter_inputs",
    "open_binary",
]
