import re
from collections.abc import Callable
from typing import Any

import numpy

def scan_tokens(
    pattern: re.Pattern[str], text: str
) -> tuple[numpy.ndarray[Any, numpy.dtype[numpy.int64]], list[str]]: ...
def tile_spans(
    text: str, spans: numpy.ndarray[Any, numpy.dtype[numpy.int64]]
) -> tuple[list[str], list[bool], list[int]] | None: ...
def changed_norms(
    words: list[str], token_pos: list[int], norm_of: list[str]
) -> tuple[list[int], list[str]]: ...
def unjoin_loop(
    text: str,
    suspects: list[int],
    starts: list[int],
    ends: list[int],
    counts: list[int],
    norm_of: list[str],
    pair_cache: dict[str, bool],
    decide_pair: Callable[[str], bool],
    split_general: Callable[[int, int], tuple[list[tuple[int, int]], list[str]] | None],
) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[int], list[str], int]: ...
