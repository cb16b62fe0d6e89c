"""Text patterns and small helpers shared by the ZWNJ restoration modules.

:mod:`persnews.normalize.zwnj` makes the decisions, :mod:`persnews.normalize.zwnj_style`
reads a text's own spelling; both find words, protected tokens and edit positions with
the patterns and functions here.

>>> [m.group() for m in PHRASE.finditer("کتاب ها، و می\u200cرود")] == ["کتاب ها", "و می\u200cرود"]
True
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

from persnews.lang.chars import ZWNJ
from persnews.normalize.offsets import Edit

__all__ = [
    "LETTER",
    "LETTERS",
    "MARKS",
    "PHRASE",
    "PROTECT_HINT",
    "SPACE",
    "WORD_RUN",
    "first_position",
    "insertions",
    "is_letter",
    "overlaps",
    "protected_spans",
    "trie_pattern",
]

#: Persian letters (after character normalization), hamza above and the diacritics, as
#: ranges for character classes.
LETTERS = "\u0621-\u063a\u0641-\u0655\u0670\u067e\u0686\u0698\u06a9\u06af\u06cc"
LETTER = re.compile(f"[{LETTERS}]")
#: One written word: letters, with single ZWNJs between them.
WORD_RUN = re.compile(f"[{LETTERS}]+(?:{ZWNJ}[{LETTERS}]+)*")
#: Words separated by single spaces.
PHRASE = re.compile(f"{WORD_RUN.pattern}(?: {WORD_RUN.pattern})*")
#: Tokens that are not prose even when they contain Persian letters (URLs, e-mails, tags).
PROTECT_HINT = re.compile(r"[@#]|://|www\.")
SPACE = re.compile(r"\s")
#: Combining marks: a word never splits before one.
MARKS = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670")


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` (longest first), factored by common prefixes.

    >>> trie_pattern(["ها", "های", "ام"])
    '(?:ام|ها(?:ی)?)'
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return "(?:" + body + ")?" if len(branches) == 1 else body + "?"
        return body

    pattern = build(trie)
    if not pattern:
        return "(?!)"
    return pattern if pattern.startswith("(?:") else "(?:" + pattern + ")"


def is_letter(ch: str, also: str = "") -> bool:
    return LETTER.match(ch) is not None or (bool(also) and ch in also)


def first_position(edit: Edit) -> int:
    return edit[0]


def insertions(start: int, new: str) -> Iterable[Edit]:
    k = start
    for ch in new:
        if ch == ZWNJ:
            yield (k, k, ZWNJ)
        else:
            k += 1


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Whitespace-delimited tokens holding ``://``, ``www.``, ``@`` or ``#``."""
    spans: list[tuple[int, int]] = []
    for m in PROTECT_HINT.finditer(text):
        pos = m.start()
        if spans and pos < spans[-1][1]:
            continue
        start = max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos)) + 1
        end_m = SPACE.search(text, pos)
        spans.append((start, end_m.start() if end_m else len(text)))
    return spans


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    k = max(bisect_right(spans, (start, start)) - 1, 0)
    for s, e in spans[k:]:
        if s >= end:
            return False
        if start < e:
            return True
    return False
