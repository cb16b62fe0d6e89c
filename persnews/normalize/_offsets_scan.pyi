from collections.abc import Sequence
from typing import Any

import numpy

_Segments = tuple[
    tuple[int, ...], tuple[int, ...], tuple[int, ...], tuple[int, ...], tuple[bool, ...]
]

def apply_edits(
    text: str, edits: list[tuple[int, int, str]]
) -> tuple[str, _Segments | None] | None: ...
def original_spans(
    passes: Sequence[Any], matches: numpy.ndarray[Any, numpy.dtype[numpy.int64]]
) -> numpy.ndarray[Any, numpy.dtype[numpy.int64]]: ...
