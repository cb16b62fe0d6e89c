"""How a text spells the boundaries a ZWNJ marks: the "auto" policies of ZWNJ restoration.

A writer who types ``می‌رود`` or ``کتاب ها`` spells ``سالها`` on purpose; a scraped page that
lost its ZWNJs has far more joined words than bound pieces written apart.
:class:`SpellingStyle` counts both, with the lexicon of :class:`persnews.normalize.zwnj.ZwnjModel`
(which inherits it).

>>> from persnews.normalize.zwnj import default_model
>>> model = default_model()
>>> model.count_pieces_apart("کتاب ها را می خواند"), model.uses_zwnj("کتابها را میخواند")
(2, False)
"""

from __future__ import annotations

import math
import re

from persnews.lang.chars import ZWNJ
from persnews.normalize.zwnj_text import LETTERS, PHRASE, is_letter, trie_pattern

__all__ = ["SpellingStyle"]


class SpellingStyle:
    """Counts of a text's own spelling; mixed into :class:`~persnews.normalize.zwnj.ZwnjModel`.

    Uses the model's tables (``_best``, ``_total``, ``_seg_left``, ``_seg_right``) and options
    (``min_style_count``, ``min_bound_share``, ``joined_apart_ratio``).
    """

    _best: dict[str, str]
    _total: dict[str, int]
    _seg_left: dict[str, int]
    _seg_right: dict[str, int]
    _styles: tuple[re.Pattern[str], re.Pattern[str]] | None
    _style_pieces: tuple[frozenset[str], frozenset[str]] | None
    min_style_count: int
    min_bound_share: float
    joined_apart_ratio: float

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
            if m.start() and is_letter(text[m.start() - 1]):
                n += 1
                if n == stop:
                    return n
        for m in left.finditer(text):
            if not m.start() or not is_letter(text[m.start() - 1], ZWNJ):
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
        for m in PHRASE.finditer(text):
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
            alt_r, alt_l = trie_pattern(right), trie_pattern(left)
            self._styles = (
                re.compile(f"(?:{alt_l}) (?=[{LETTERS}])"),
                re.compile(f" (?:{alt_r})(?![{LETTERS}\u200c])"),
            )
        return self._styles
