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
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from persnews.errors import check_choice
from persnews.lang.chars import ZWNJ
from persnews.normalize.offsets import Edit
from persnews.normalize.zwnj_spaced import JoinCandidates, SpacedDecisions
from persnews.normalize.zwnj_style import SpellingStyle
from persnews.normalize.zwnj_tables import (
    ZwnjTables,
    join_class,
    read_tables,
    strip_zwnj,
    tables_from_counts,
)
from persnews.normalize.zwnj_text import LETTERS, WORD_RUN
from persnews.normalize.zwnj_text import MARKS as _MARKS
from persnews.normalize.zwnj_text import PHRASE as _PHRASE
from persnews.normalize.zwnj_text import PROTECT_HINT as _PROTECT_HINT
from persnews.normalize.zwnj_text import first_position as _first
from persnews.normalize.zwnj_text import insertions as _insertions
from persnews.normalize.zwnj_text import overlaps as _overlaps
from persnews.normalize.zwnj_text import protected_spans as _protected_spans

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

#: When to restore ZWNJs inside words written without one (see ``ZwnjModel.edits``).
JOINED_POLICIES = ("auto", "always", "never")
#: Entries each decision cache may hold before it is emptied: decisions are pure, so clearing a
#: cache changes no output, and a worker streaming a large corpus keeps bounded memory.
CACHE_LIMIT = 100_000


@dataclass
class ZwnjModel(SpellingStyle, SpacedDecisions):
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

    # -- edits ------------------------------------------------------------------------

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
