"""Spaced words: should the space between two words be a ZWNJ (``کتاب ها`` → ``کتاب‌ها``)?

The decisions of :class:`persnews.normalize.zwnj.ZwnjModel` (which inherits them) for two
words written apart: counts of the pair written joined and apart, and for pairs never seen,
how bound each piece is and how many different partners it takes with a ZWNJ.

>>> from persnews.normalize.zwnj import default_model
>>> model = default_model()
>>> model.join_pair("کتاب", "ها"), model.join_pair("او", "رفت")
(True, False)
"""

from __future__ import annotations

import math
import threading

from persnews.lang.chars import ZWNJ
from persnews.normalize.zwnj_text import MARKS

__all__ = ["JoinCandidates", "SpacedDecisions"]

#: ``(left, right, seen)`` of :meth:`SpacedDecisions.candidate_sets`.
JoinCandidates = tuple[frozenset[str], frozenset[str], dict[str, frozenset[str]]]


class SpacedDecisions:
    """Pair decisions; mixed into :class:`~persnews.normalize.zwnj.ZwnjModel`.

    Uses the model's tables (``_together``, ``_apart``, ``_total``, segment and partner-type
    counts), its options (``pair_ratio``, ``strict_pair_ratio``, ``pair_margin``,
    ``min_type_odds``, ``strict_type_odds``, ``min_bound_share``) and its caches.
    """

    _together: dict[tuple[str, str], int]
    _apart: dict[tuple[str, str], int]
    _total: dict[str, int]
    _seg_left: dict[str, int]
    _seg_right: dict[str, int]
    _types_left: dict[str, int]
    _types_right: dict[str, int]
    _types_apart_left: dict[str, int]
    _types_apart_right: dict[str, int]
    _pair_cache: dict[tuple[str, str], bool]
    _strict_cache: dict[tuple[str, str], bool]
    _candidates: dict[bool, JoinCandidates | None]
    _lock: threading.Lock
    pair_ratio: float
    strict_pair_ratio: float
    pair_margin: float
    min_type_odds: float
    strict_type_odds: float
    min_bound_share: float

    def join_pair(self, left: str, right: str, *, strict: bool = False) -> bool:
        """Should the space between the words ``left`` and ``right`` be a ZWNJ?

        ``strict`` (for text that never writes a bound piece apart) asks for
        ``strict_pair_ratio`` and never joins pairs unseen in training; its joins are a
        subset of the non-strict ones, which keeps normalization idempotent.
        """
        cache = self._strict_cache if strict else self._pair_cache
        key = (left, right)
        cached = cache.get(key)
        if cached is None:
            cached = self._join_pair(left, right, strict)
            with self._lock:
                cache[key] = cached
        return cached

    def _join_pair(self, left: str, right: str, strict: bool) -> bool:
        a = left.rsplit(ZWNJ, 1)[-1]
        b = right.split(ZWNJ, 1)[0]
        if b[0] in MARKS:
            return False
        together = self._together.get((a, b), 0)
        apart = self._apart.get((a, b), 0)
        ratio = max(self.strict_pair_ratio, self.pair_ratio) if strict else self.pair_ratio
        if together or apart:
            return together > ratio * apart + self.pair_margin
        if strict:
            return self._type_odds(a, b, max(self.strict_type_odds, self.min_type_odds))
        return self._unseen_pair(a, b) or self._type_odds(a, b, self.min_type_odds)

    def pair_candidate(self, a: str, b: str) -> bool:
        """Could the pieces ``a`` and ``b`` written apart ever be joined (counts needed)?"""
        return (
            (a, b) in self._together
            or self._unseen_pair(a, b)
            or self._type_odds(a, b, self.min_type_odds)
        )

    def _type_odds(self, a: str, b: str, threshold: float) -> bool:
        """Back-off for a never-seen pair: how productive each side is with a ZWNJ.

        Each side's odds are the number of different partners it was seen ZWNJ-joined
        with against the number it was seen written apart from; the pair is joined when
        the product of both sides' odds exceeds ``min_type_odds`` (0 turns this off).
        """
        if threshold <= 0 or len(a) < 2 or len(b) < 2:
            return False
        return self._left_odds(a) * self._right_odds(b) > threshold

    def _left_odds(self, a: str) -> float:
        """Partner-type odds of ``a`` as a left piece (0.5 for a piece never counted)."""
        return (self._types_left.get(a, 0) + 0.5) / (self._types_apart_left.get(a, 0) + 1)

    def _right_odds(self, b: str) -> float:
        """Partner-type odds of ``b`` as a right piece (0.5 for a piece never counted)."""
        return (self._types_right.get(b, 0) + 0.5) / (self._types_apart_right.get(b, 0) + 1)

    def _right_share(self, b: str) -> float:
        """How much of the use of ``b`` is as a piece attached to the word before it."""
        att = self._seg_right.get(b, 0)
        return att / (att + self._total.get(b, 0) + self._seg_left.get(b, 0) + 1)

    def _left_share(self, a: str) -> float:
        """How much of the use of ``a`` is as a piece attached to the word after it."""
        att = self._seg_left.get(a, 0)
        return att / (att + self._total.get(a, 0) + self._seg_right.get(a, 0) + 1)

    def _unseen_pair(self, a: str, b: str) -> bool:
        """One side of a never-seen pair must be a piece that rarely stands alone.

        The other side must be known, or at least two letters long (``می`` + an unseen
        verb form, an unseen noun + ``ها``).
        """
        total = self._total
        a_known = a in total or self._seg_left.get(a, 0) > 0
        b_known = b in total or self._seg_right.get(b, 0) > 0
        if self._right_share(b) >= self.min_bound_share and (a_known or len(a) >= 2):
            return True
        return self._left_share(a) >= self.min_bound_share and (b_known or len(b) >= 2)

    def candidate_sets(self, *, strict: bool) -> JoinCandidates | None:
        """Pieces outside which :meth:`join_pair` never joins (``None``: no such bound).

        Returns ``(left, right, seen)``: the pieces ``a`` and ``b`` (last ZWNJ segment of
        the left word, first of the right one) can be joined only when ``a`` is in
        ``left``, ``b`` is in ``right``, or ``b`` is in ``seen[a]`` (the pair was seen
        joined often enough).  ``left`` and ``right`` hold the bound pieces (unless
        ``strict``) and the pieces whose partner-type odds alone exceed the square root
        of the threshold: the odds of a pair are a product, so one side's must.  A piece
        never counted has odds 0.5, so there is no bound when that root is below 0.5.
        The compiled loop decides the pairs outside these sets without calling
        :meth:`join_pair` (most pairs of a text).

        >>> from persnews.normalize.zwnj import default_model
        >>> left, right, seen = default_model().candidate_sets(strict=False)
        >>> "ها" in right, "و" in right
        (True, False)
        """
        if strict not in self._candidates:
            result = self._build_candidate_sets(strict)
            with self._lock:
                self._candidates[strict] = result
        return self._candidates[strict]

    def _build_candidate_sets(self, strict: bool) -> JoinCandidates | None:
        threshold = max(self.strict_type_odds, self.min_type_odds) if strict else self.min_type_odds
        left: set[str] = set()
        right: set[str] = set()
        if threshold > 0:
            root = math.sqrt(threshold)
            if root < 0.5:
                return None
            pieces = set(self._types_left) | set(self._types_apart_left)
            left.update(a for a in pieces if len(a) >= 2 and self._left_odds(a) > root)
            pieces = set(self._types_right) | set(self._types_apart_right)
            right.update(b for b in pieces if len(b) >= 2 and self._right_odds(b) > root)
        if not strict:
            share = self.min_bound_share
            if share <= 0:
                return None
            right.update(b for b in self._seg_right if self._right_share(b) >= share)
            left.update(a for a in self._seg_left if self._left_share(a) >= share)
        ratio = max(self.strict_pair_ratio, self.pair_ratio) if strict else self.pair_ratio
        seen: dict[str, set[str]] = {}
        together, apart = self._together, self._apart
        for a, b in set(together) | set(apart):
            if together.get((a, b), 0) > ratio * apart.get((a, b), 0) + self.pair_margin:
                seen.setdefault(a, set()).add(b)
        frozen = {a: frozenset(bs) for a, bs in seen.items()}
        return frozenset(left), frozenset(right), frozen
