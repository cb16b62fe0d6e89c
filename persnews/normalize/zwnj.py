"""Data-driven ZWNJ restoration for joined (``میتواند``) and spaced (``می تواند``) words.

The decisions come from a lexicon counted in training text
(:mod:`persnews.training.zwnj_lexicon`, shipped as ``persnews/data/zwnj_lexicon.tsv.xz``):

* **Joined words.** A word written without ZWNJ is looked up by its letters; when the
  lexicon has seen it, its most frequent spelling wins (``میتواند`` → ``می‌تواند``, while
  ``تنها``, ``میز``, ``میلیون`` stay). An unseen word is split where a known word meets a
  piece that the lexicon attaches with a ZWNJ often enough (``تنش`` + ``ها``); how often is
  measured per piece and per class of the preceding letter (joining or not), over the
  word types of the lexicon.
* **Spaced words.** Two words separated by one space are joined with a ZWNJ when the
  two pieces that meet there (last ZWNJ segment of the left word, first segment of the
  right one) were seen ZWNJ-joined clearly more often than written apart
  (``کتاب ها`` → ``کتاب‌ها``), or, for pairs never seen either way, when one of them is a
  piece that rarely stands alone (``ها``, ``می``) or when both pieces together have
  ZWNJ-joined many more different partners than partners written apart (``بی`` + an
  unseen stem).

* **The text's own spelling.** By default (``joined="auto"``, ``spaced="auto"``) joined
  words are restored only in text without any ZWNJ that has more such words than bound
  pieces written apart (a writer who types ``می‌رود`` or ``کتاب ها`` spells ``سالها`` on
  purpose), and spaces become ZWNJs on weaker evidence only in text that writes bound
  pieces apart.

Only runs of Persian letters are touched: URLs, e-mail addresses, hashtags and mentions
are skipped, and digits, punctuation and Latin text are never part of a run.  A word
that already contains a ZWNJ is trusted, which (with the rules above) makes the pass
idempotent.

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
from typing import Any

from persnews.errors import check_choice
from persnews.lang.chars import ZWNJ
from persnews.normalize.offsets import Edit
from persnews.normalize.zwnj_tables import (
    ZwnjTables,
    join_class,
    read_tables,
    strip_zwnj,
    tables_from_counts,
)

#: True when the compiled per-word loop (``_zwnj_scan``, built from ``_zwnj_scan.pyx`` when a
#: C compiler is present at install time) is in use; without it the same edits come from
#: :meth:`ZwnjModel._edits_python`, and the tokenizer runs about half as fast on new text.
try:
    from persnews.normalize import _zwnj_scan
except ImportError:  # pragma: no cover - depends on the build
    COMPILED = False
else:
    COMPILED = True

__all__ = [
    "COMPILED",
    "JOINED_POLICIES",
    "LETTERS",
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
#: The same ranges, for character classes built elsewhere (the lexicon builder).
LETTERS = _L
_LETTER = re.compile(f"[{_L}]")
#: When to restore ZWNJs inside words written without one (see ``ZwnjModel.edits``).
JOINED_POLICIES = ("auto", "always", "never")
#: One written word: letters, with single ZWNJs between them.
WORD_RUN = re.compile(f"[{_L}]+(?:\u200c[{_L}]+)*")
#: Words separated by single spaces.
_PHRASE = re.compile(f"{WORD_RUN.pattern}(?: {WORD_RUN.pattern})*")
#: Tokens that are not prose even when they contain Persian letters (URLs, e-mails, tags).
_PROTECT_HINT = re.compile(r"[@#]|://|www\.")
_SPACE = re.compile(r"\s")
#: Combining marks: a word never splits before one.
#: Entries each decision cache may hold before it is emptied: decisions are pure, so clearing a
#: cache changes no output, and a worker streaming a large corpus keeps bounded memory.
CACHE_LIMIT = 100_000
#: ``(left, right, seen)`` of :meth:`ZwnjModel.candidate_sets`.
JoinCandidates = tuple[frozenset[str], frozenset[str], dict[str, frozenset[str]]]

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
        count_weight: bonus (per log count of the rarer side) for splits into frequent words.
        combine: ``"max"`` (default) or ``"product"``: how the two sides' odds combine
            when both pieces have a rate.
        min_style_count: how often a piece must be seen attached before writing it as a
            separate word counts as evidence of the writer's ZWNJ use.
        pair_ratio, pair_margin: two pieces written apart are joined with a ZWNJ when
            they were seen ZWNJ-joined more than ``pair_ratio * apart + pair_margin`` times.
        strict_pair_ratio: the ratio used in text that never writes a bound piece apart.
        min_bound_share: for pairs never seen, how much of a side's use must be as a piece
            (``ها``, ``می``) for the space to become a ZWNJ.
        min_type_odds: back-off for pairs never seen: each side's odds are its number of
            different ZWNJ-joined partners against its number of partners written apart
            (``بی`` + many words vs. ``او``); the space becomes a ZWNJ when their product
            exceeds this (0 turns it off).  ``strict_type_odds`` is the bar in text that
            never writes a bound piece apart (never below ``min_type_odds``).
        joined_apart_ratio: joined words are trusted as written (not restored) in text
            with at most this many of them per bound piece written apart.

    >>> m = ZwnjModel.from_counts({"کتاب": 5, "کتاب\u200cها": 3, "تنها": 9, "تن": 2})
    >>> m.restore_word("کتابها") == "کتاب\u200cها", m.restore_word("تنها")
    (True, 'تنها')
    """

    tables: ZwnjTables
    unseen_piece_prob: float = 0.3
    min_split_odds: float = 1.0
    min_split_odds_unseen: float = 2.0
    unseen_penalty: float = 100.0
    count_weight: float = 0.1
    combine: str = "max"
    min_style_count: int = 50
    pair_margin: float = 0.0
    pair_ratio: float = 3.0
    strict_pair_ratio: float = 10.0
    min_bound_share: float = 0.9
    min_type_odds: float = 0.3
    strict_type_odds: float = 4.0
    joined_apart_ratio: float = 1.0

    def __post_init__(self) -> None:
        check_choice("combine", self.combine, ("max", "product"))
        t = self.tables
        self._best = t.best
        self._total = t.total
        self._suf = t.suf
        self._pre = t.pre
        self._together = t.together
        self._apart = t.apart
        self._seg_right = t.seg_right
        self._seg_left = t.seg_left
        self._types_apart_left = t.types_apart_left
        self._types_apart_right = t.types_apart_right
        self._types_left = t.types_together_left
        self._types_right = t.types_together_right
        self._lock = threading.Lock()
        self._word_cache: dict[str, str] = {}
        self._pair_cache: dict[tuple[str, str], bool] = {}
        self._strict_cache: dict[tuple[str, str], bool] = {}
        self._styles: tuple[re.Pattern[str], re.Pattern[str]] | None = None
        self._style_pieces: tuple[frozenset[str], frozenset[str]] | None = None
        self._candidates: dict[bool, JoinCandidates | None] = {}

    @classmethod
    def from_counts(
        cls,
        forms: dict[str, int],
        pairs: dict[str, int] | None = None,
        **options: Any,
    ) -> ZwnjModel:
        """A model from in-memory counts (tests, experiments, the lexicon builder)."""
        return cls(tables_from_counts(dict(forms), dict(pairs or {})), **options)

    @classmethod
    def load(cls, path: Path = LEXICON_PATH, **options: Any) -> ZwnjModel:
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

    def clear_caches(self) -> None:
        """Forget every cached decision (they are recomputed on demand; output is unchanged).

        Frees the memory of the caches, and lets benchmarks time text as never seen before.
        """
        with self._lock:
            self._word_cache.clear()
            self._pair_cache.clear()
            self._strict_cache.clear()

    def _bound_caches(self) -> None:
        """Empty any decision cache that has grown past :data:`CACHE_LIMIT` entries."""
        for cache in (self._word_cache, self._pair_cache, self._strict_cache):
            if len(cache) > CACHE_LIMIT:
                with self._lock:
                    cache.clear()

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
        o1, o2 = p1 / (1.0 - p1 + 1e-9), p2 / (1.0 - p2 + 1e-9)
        if self.combine == "max" and p_pre is not None and p_suf is not None:
            return max(o1, o2)
        return o1 * o2

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
            score = math.log(odds) + self.count_weight * math.log1p(
                min(total.get(a, 0), total.get(b, 0))
            )
            if a not in total or b not in total:
                score -= self.unseen_penalty
            if best is None or score > best[1]:
                best = (i, score)
        return best

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
        if b[0] in _MARKS:
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

    # -- edits ------------------------------------------------------------------------

    def uses_zwnj(self, text: str) -> bool:
        """Does ``text`` show that its writer marks these boundaries (ZWNJ or space)?

        True when it contains a ZWNJ, or writes bound pieces apart (``کتاب ها``,
        ``می رود``) at least as often as it has joined words that the lexicon spells with
        a ZWNJ: such a text spells its remaining joined words (``سالها``) on purpose.
        Text that lost its ZWNJs (a scraped page with a few spaced headlines in its
        chrome) has far more joined words than pieces written apart.
        """
        if ZWNJ in text:
            return True
        return self._joined_on_purpose(text, self.count_pieces_apart(text))

    def _joined_on_purpose(self, text: str, apart: int) -> bool:
        """Are ``apart`` bound pieces written apart enough to trust the joined words?

        True when ``text`` has at most ``joined_apart_ratio * apart`` joined words that
        the lexicon spells with a ZWNJ.
        """
        if apart == 0:
            return False
        limit = math.floor(self.joined_apart_ratio * apart)
        return self.count_joined_words(text, stop=limit + 1) <= limit

    def writes_pieces_apart(self, text: str) -> bool:
        """Does ``text`` write a piece that rarely stands alone as a separate word?"""
        return self.count_pieces_apart(text, stop=1) > 0

    def count_pieces_apart(self, text: str, *, stop: int = 0) -> int:
        """How often ``text`` writes a bound piece as a separate word (``کتاب ها``).

        ``stop`` > 0 stops counting there.
        """
        left, right = self._style_patterns()
        n = 0
        for m in right.finditer(text):
            if m.start() and _is_letter(text[m.start() - 1]):
                n += 1
                if n == stop:
                    return n
        for m in left.finditer(text):
            if not m.start() or not _is_letter(text[m.start() - 1], ZWNJ):
                n += 1
                if n == stop:
                    return n
        return n

    def count_joined_words(self, text: str, *, stop: int = 0) -> int:
        """Words without ZWNJ whose most frequent spelling in the lexicon has one.

        ``stop`` > 0 stops counting there.
        """
        best = self._best
        n = 0
        for m in _PHRASE.finditer(text):
            for word in m.group().split(" "):
                if word in best and ZWNJ not in word:
                    n += 1
                    if n == stop:
                        return n
        return n

    def _bound_share(self, piece: str, attached: int, *, right: bool) -> bool:
        """Is ``piece`` seen attached often, and rarely on its own (a bound piece)?"""
        other = (self._seg_left if right else self._seg_right).get(piece, 0)
        alone = self._total.get(piece, 0) + other
        return (
            attached >= self.min_style_count
            and attached / (attached + alone + 1) >= self.min_bound_share
        )

    def _style_sets(self) -> tuple[frozenset[str], frozenset[str]]:
        """The bound pieces :meth:`count_pieces_apart` looks for, as whole words.

        Returns the pieces that attach to the next word (``می``) and those that attach to
        the word before (``ها``).
        """
        if self._style_pieces is None:
            share = self._bound_share
            left = frozenset(a for a, n in self._seg_left.items() if share(a, n, right=False))
            right = frozenset(b for b, n in self._seg_right.items() if share(b, n, right=True))
            self._style_pieces = (left, right)
        return self._style_pieces

    def _style_patterns(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        if self._styles is None:
            left, right = self._style_sets()
            alt_r, alt_l = _trie_pattern(right), _trie_pattern(left)
            self._styles = (
                re.compile(f"(?:{alt_l}) (?=[{_L}])"),
                re.compile(f" (?:{alt_r})(?![{_L}\u200c])"),
            )
        return self._styles

    def edits(self, text: str, *, joined: str = "auto", spaced: str = "auto") -> list[Edit]:
        """Edits that insert missing ZWNJs and turn wrong spaces into ZWNJs.

        ``joined`` says when ZWNJs are put into words written without one, ``spaced``
        when spaces become ZWNJs: ``"always"``, ``"never"`` or ``"auto"``.  Under
        ``"auto"`` the text's own spelling decides: joined words are restored only in
        text that shows no ZWNJ use (:meth:`uses_zwnj`), and spaces are turned into
        ZWNJs on strict evidence only (see :meth:`join_pair`) unless the text writes
        bound pieces apart (:meth:`count_pieces_apart`).
        """
        check_choice("joined", joined, JOINED_POLICIES)
        check_choice("spaced", spaced, JOINED_POLICIES)
        self._bound_caches()
        if COMPILED:
            # The compiled loop takes exact str (a subclass such as numpy.str_ is copied).
            protected = _protected_spans(text) if _PROTECT_HINT.search(text) else []
            plain = text if type(text) is str else str(text)
            return _zwnj_scan.edits(plain, self, joined, spaced, protected)
        return self._edits_python(text, joined, spaced)

    def _edits_python(self, text: str, joined: str, spaced: str) -> list[Edit]:
        """The loop of :meth:`edits` in Python (the compiled scanner's reference)."""
        apart = self.count_pieces_apart(text) if "auto" in (joined, spaced) else 0
        join_spaced = spaced != "never"
        strict = spaced == "auto" and apart == 0
        restore_joined = joined == "always" or (
            joined == "auto" and ZWNJ not in text and not self._joined_on_purpose(text, apart)
        )
        if not (restore_joined or join_spaced):
            return []
        edits: list[Edit] = []
        protected = _protected_spans(text) if _PROTECT_HINT.search(text) else []
        word_cache = self._word_cache
        pair_cache = self._strict_cache if strict else self._pair_cache
        restore = self.restore_word
        join = self.join_pair
        for m in _PHRASE.finditer(text):
            start = m.start()
            if protected and _overlaps(protected, start, m.end()):
                continue
            phrase = m.group()
            if not join_spaced or " " not in phrase:
                pos = start
                for word in phrase.split(" "):
                    if restore_joined and ZWNJ not in word:
                        new = word_cache.get(word) or restore(word)
                        if new != word:
                            edits.extend(_insertions(pos, new))
                    pos += len(word) + 1
                continue
            prev: str | None = None
            pos = start
            for word in phrase.split(" "):
                if not restore_joined or ZWNJ in word:
                    new = word
                else:
                    new = word_cache.get(word) or restore(word)
                    if new != word:
                        edits.extend(_insertions(pos, new))
                if prev is not None:
                    merge = pair_cache.get((prev, new))
                    if merge is None:
                        merge = join(prev, new, strict=strict)
                    if merge:
                        edits.append((pos - 1, pos, ZWNJ))
                        prev = prev + ZWNJ + new
                    else:
                        prev = new
                else:
                    prev = new
                pos += len(word) + 1
        edits.sort(key=_first)
        return edits


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` (longest first), factored by common prefixes.

    >>> _trie_pattern(["ها", "های", "ام"])
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


def _is_letter(ch: str, also: str = "") -> bool:
    return _LETTER.match(ch) is not None or (bool(also) and ch in also)


def _first(edit: Edit) -> int:
    return edit[0]


def _insertions(start: int, new: str) -> Iterable[Edit]:
    k = start
    for ch in new:
        if ch == ZWNJ:
            yield (k, k, ZWNJ)
        else:
            k += 1


def _protected_spans(text: str) -> list[tuple[int, int]]:
    """Whitespace-delimited tokens holding ``://``, ``www.``, ``@`` or ``#``."""
    spans: list[tuple[int, int]] = []
    for m in _PROTECT_HINT.finditer(text):
        pos = m.start()
        if spans and pos < spans[-1][1]:
            continue
        start = max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos)) + 1
        end_m = _SPACE.search(text, pos)
        spans.append((start, end_m.start() if end_m else len(text)))
    return spans


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


def zwnj_edits(
    text: str, model: ZwnjModel | None = None, *, joined: str = "auto", spaced: str = "auto"
) -> list[Edit]:
    """Edits that insert a missing ZWNJ or turn a wrong space into one.

    >>> from persnews.normalize.offsets import apply_edits
    >>> apply_edits("میتواند", zwnj_edits("میتواند"))[0] == "می\u200cتواند"
    True
    """
    return (model or default_model()).edits(text, joined=joined, spaced=spaced)
