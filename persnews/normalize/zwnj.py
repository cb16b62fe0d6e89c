"""Data-driven ZWNJ restoration for joined (``میتواند``) and spaced (``می تواند``) words.

The decisions come from a lexicon counted in training text
(:mod:`persnews.training.zwnj_lexicon`, shipped as ``persnews/data/zwnj_lexicon.tsv.xz``):

* **Joined words.** A word written without ZWNJ is looked up by its letters; when the
  lexicon has seen it, its most frequent spelling wins (``میتواند`` → ``می‌تواند``, while
  ``تنها``, ``میز``, ``میلیون`` stay). An unseen word is split where a known word meets a
  piece that the lexicon attaches with a ZWNJ often enough (``تنش`` + ``ها``); how often is
  measured per piece and per class of the preceding letter (joining or not), over the
  word types of the lexicon.
* **Spaced words.** Two words separated by one space are joined with a ZWNJ when their
  joined spelling is written with a ZWNJ there more often than the pair is written apart
  (``کتاب ها`` → ``کتاب‌ها``), or, for unseen pairs, when the second word is a piece that
  rarely stands alone.

Only runs of Persian letters are touched: URLs, e-mail addresses, hashtags and mentions
are skipped, and digits, punctuation and Latin text are never part of a run.  A word
that already contains a ZWNJ is trusted, which makes the pass idempotent.

>>> from persnews.normalize.offsets import apply_edits
>>> apply_edits("کتاب ها", zwnj_edits("کتاب ها"))[0] == "کتاب\u200cها"
True
"""

from __future__ import annotations

import math
import re
import threading
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from persnews.lang.chars import ZWNJ
from persnews.normalize.offsets import Edit
from persnews.normalize.zwnj_tables import (
    ZwnjTables,
    join_class,
    read_tables,
    strip_zwnj,
    tables_from_counts,
)

__all__ = [
    "LEXICON_PATH",
    "WORD_RUN",
    "ZwnjModel",
    "default_model",
    "strip_zwnj",
    "zwnj_edits",
]

LEXICON_PATH = Path(__file__).resolve().parents[1] / "data" / "zwnj_lexicon.tsv.xz"

#: Persian letters (after character normalization), hamza above and the diacritics.
_L = "\u0621-\u063a\u0641-\u0655\u0670\u067e\u0686\u0698\u06a9\u06af\u06cc"
#: One written word: letters, with single ZWNJs between them.
WORD_RUN = re.compile(f"[{_L}]+(?:\u200c[{_L}]+)*")
#: Words separated by single spaces.
_PHRASE = re.compile(f"{WORD_RUN.pattern}(?: {WORD_RUN.pattern})*")
#: Spans that are not prose even when they contain Persian letters.
_PROTECTED = re.compile(
    r"(?:https?://|ftp://|www\.)\S+|[\w.+\-\u200c]+@[\w\-]+(?:\.[\w\-]+)+|[#@][\w\u200c]+"
)
_PROTECT_HINT = re.compile(r"://|www\.|[@#]")
#: Combining marks: a word never splits before one.
_MARKS = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670")


@dataclass
class ZwnjModel:
    """Counts and derived statistics behind the ZWNJ decisions.

    Args:
        tables: the lexicon tables (:mod:`persnews.normalize.zwnj_tables`).
        unseen_piece_prob: the rate assumed for a side without a rate.
        min_split_odds: odds (product of both sides' rates as odds) above which an unseen
            word is split; ``min_split_odds_unseen`` when one side is not a known word, and
            such a split loses ``unseen_penalty`` (log odds) against splits of known words.
        pair_ratio, pair_margin: two pieces written apart are joined with a ZWNJ when
            they were seen ZWNJ-joined more than ``pair_ratio * apart + pair_margin`` times.
        min_bound_share: for pairs never seen, how much of a side's use must be as a piece
            (``ها``, ``می``) for the space to become a ZWNJ.

    >>> m = ZwnjModel.from_counts({"کتاب": 5, "کتاب\u200cها": 3, "تنها": 9, "تن": 2})
    >>> m.restore_word("کتابها") == "کتاب\u200cها", m.restore_word("تنها")
    (True, 'تنها')
    """

    tables: ZwnjTables
    unseen_piece_prob: float = 0.3
    min_split_odds: float = 1.0
    min_split_odds_unseen: float = 2.0
    unseen_penalty: float = 1.0
    pair_margin: float = 0.0
    pair_ratio: float = 3.0
    join_known_words: bool = True
    min_pair_rate: float = 2.0
    min_bound_share: float = 0.9

    def __post_init__(self) -> None:
        t = self.tables
        self._best = t.best
        self._total = t.total
        self._suf = t.suf
        self._pre = t.pre
        self._together = t.together
        self._apart = t.apart
        self._seg_right = t.seg_right
        self._seg_left = t.seg_left
        self._lock = threading.Lock()
        self._word_cache: dict[str, str] = {}
        self._pair_cache: dict[tuple[str, str], bool] = {}

    @classmethod
    def from_counts(
        cls,
        forms: dict[str, int],
        pairs: dict[str, int] | None = None,
        **options: float,
    ) -> ZwnjModel:
        """A model from in-memory counts (tests, experiments, the lexicon builder)."""
        return cls(tables_from_counts(dict(forms), dict(pairs or {})), **options)

    @classmethod
    def load(cls, path: Path = LEXICON_PATH, **options: float) -> ZwnjModel:
        """Read the tables written by :mod:`persnews.training.zwnj_lexicon`."""
        return cls(read_tables(path), **options)

    # -- decisions --------------------------------------------------------------------

    def known(self, key: str) -> int:
        """How often the letters ``key`` were seen as one word (any ZWNJ spelling)."""
        return self._total.get(key, 0)

    def restore_word(self, word: str) -> str:
        """``word`` (no ZWNJ in it) with the ZWNJs it should have."""
        cached = self._word_cache.get(word)
        if cached is None:
            cached = self._restore(word, 2)
            with self._lock:
                self._word_cache[word] = cached
        return cached

    def _restore(self, key: str, depth: int) -> str:
        best = self._best.get(key)
        if best is not None:
            return best
        if key in self._total:
            return key
        if depth <= 0 or len(key) < 3:
            return key
        split = self._best_split(key)
        if split is None:
            return key
        i, _ = split
        a, b = key[:i], key[i:]
        left = self._restore(a, depth - 1)
        right = self._restore(b, depth - 1)
        return left + ZWNJ + right

    def _odds(self, a: str, b: str) -> float:
        """Odds that the unseen word ``a + b`` is written with a ZWNJ between them.

        Each side contributes its attachment rate as odds; a known word without a rate
        counts as even (1), an unknown one as ``unseen_piece_prob``.
        """
        p_pre = self._pre.get(a)
        p_suf = self._suf.get((b, join_class(a[-1])))
        if p_pre is None and p_suf is None:
            return 0.0
        p1 = p_pre if p_pre is not None else self._prior(a)
        p2 = p_suf if p_suf is not None else self._prior(b)
        return (p1 / (1.0 - p1 + 1e-9)) * (p2 / (1.0 - p2 + 1e-9))

    def _prior(self, piece: str) -> float:
        return 0.5 if piece in self._total else self.unseen_piece_prob

    def _best_split(self, key: str) -> tuple[int, float] | None:
        best: tuple[int, float] | None = None
        total = self._total
        for i in range(2, len(key) - 1):
            a, b = key[:i], key[i:]
            if b[0] in _MARKS or (a not in total and b not in total):
                continue
            odds = self._odds(a, b)
            if odds <= self.min_split_odds:
                continue
            if (a not in total or b not in total) and odds <= self.min_split_odds_unseen:
                continue  # one side unseen: only a strong prefix or suffix may carry it
            score = math.log(odds) + 0.1 * math.log1p(min(total.get(a, 0), total.get(b, 0)))
            if a not in total or b not in total:
                score -= self.unseen_penalty
            if best is None or score > best[1]:
                best = (i, score)
        return best

    def join_pair(self, left: str, right: str) -> bool:
        """Should the space between the words ``left`` and ``right`` be a ZWNJ?"""
        key = (left, right)
        cached = self._pair_cache.get(key)
        if cached is None:
            cached = self._join_pair(left, right)
            with self._lock:
                self._pair_cache[key] = cached
        return cached

    def _join_pair(self, left: str, right: str) -> bool:
        a = left.rsplit(ZWNJ, 1)[-1]
        b = right.split(ZWNJ, 1)[0]
        if b[0] in _MARKS:
            return False
        together = self._together.get((a, b), 0)
        apart = self._apart.get((a, b), 0)
        if together or apart:
            return together > self.pair_ratio * apart + self.pair_margin
        return self._unseen_pair(a, b)

    def pair_candidate(self, a: str, b: str) -> bool:
        """Could the pieces ``a`` and ``b`` written apart ever be joined (counts needed)?"""
        return (a, b) in self._together or self._unseen_pair(a, b) or a + b in self._total

    def _unseen_pair(self, a: str, b: str) -> bool:
        """One side of a never-seen pair must be a piece that rarely stands alone.

        The other side must be known, or at least two letters long (``می`` + an unseen
        verb form, an unseen noun + ``ها``).
        """
        total = self._total
        r_att = self._seg_right.get(b, 0)
        l_att = self._seg_left.get(a, 0)
        right_share = r_att / (r_att + total.get(b, 0) + self._seg_left.get(b, 0) + 1)
        left_share = l_att / (l_att + total.get(a, 0) + self._seg_right.get(a, 0) + 1)
        a_known = a in total or l_att > 0
        b_known = b in total or r_att > 0
        if right_share >= self.min_bound_share and (a_known or len(a) >= 2):
            return True
        if left_share >= self.min_bound_share and (b_known or len(b) >= 2):
            return True
        if not (a_known and b_known):
            return False
        if self.join_known_words and a + b in total:
            return True  # the letters form one known word, never seen as two
        if self._pre.get(a, 0.0) >= self.min_pair_rate:
            return True
        return self._suf.get((b, join_class(a[-1])), 0.0) >= self.min_pair_rate

    # -- edits ------------------------------------------------------------------------

    def edits(self, text: str) -> list[Edit]:
        """Edits that insert missing ZWNJs and turn wrong spaces into ZWNJs."""
        edits: list[Edit] = []
        protected = _protected_spans(text)
        restore = self.restore_word
        join = self.join_pair
        for m in _PHRASE.finditer(text):
            start = m.start()
            if protected and _overlaps(protected, start, m.end()):
                continue
            words = m.group().split(" ")
            prev: str | None = None
            pos = start
            for word in words:
                if ZWNJ in word:
                    new = word
                else:
                    new = restore(word)
                    if new != word:
                        edits.extend(_insertions(pos, new))
                if prev is not None and join(prev, new):
                    edits_insert_space(edits, pos - 1)
                    prev = prev + ZWNJ + new
                else:
                    prev = new
                pos += len(word) + 1
        edits.sort(key=lambda e: e[0])
        return edits


def edits_insert_space(edits: list[Edit], pos: int) -> None:
    """Record that the space at ``pos`` becomes a ZWNJ."""
    edits.append((pos, pos + 1, ZWNJ))


def _insertions(start: int, new: str) -> Iterable[Edit]:
    k = start
    for ch in new:
        if ch == ZWNJ:
            yield (k, k, ZWNJ)
        else:
            k += 1


def _protected_spans(text: str) -> list[tuple[int, int]]:
    if _PROTECT_HINT.search(text) is None:
        return []
    return [m.span() for m in _PROTECTED.finditer(text)]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    k = max(bisect_right(spans, (start, start)) - 1, 0)
    for s, e in spans[k:]:
        if s >= end:
            return False
        if start < e:
            return True
    return False


_LOAD_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _cached_default() -> ZwnjModel:
    with _LOAD_LOCK:
        return ZwnjModel.load(LEXICON_PATH)


def default_model() -> ZwnjModel:
    """The model of the shipped lexicon (loaded once, on first use)."""
    return _cached_default()


def zwnj_edits(text: str, model: ZwnjModel | None = None) -> list[Edit]:
    """Edits that insert a missing ZWNJ or turn a wrong space into one.

    >>> from persnews.normalize.offsets import apply_edits
    >>> apply_edits("میتواند", zwnj_edits("میتواند"))[0] == "می\u200cتواند"
    True
    """
    return (model or default_model()).edits(text)
