"""Offset-preserving Persian normalization.

:func:`normalize` turns raw Persian text into its normalized form;
:class:`Normalizer` does the same with fixed options and also returns a
:class:`NormalizedText` whose :class:`OffsetMap` maps every normalized position to
the original text and back.

>>> normalize("ميتواند  ۱۲ ٣")
'می\u200cتواند ۱۲ ۳'
"""

from __future__ import annotations

from dataclasses import dataclass

from persnews.errors import check_choice
from persnews.normalize.chars import DIACRITIC_POLICIES, DIGIT_FORMS, char_normalize
from persnews.normalize.offsets import Edit, OffsetMap, apply_edits
from persnews.normalize.zwnj import JOINED_POLICIES, zwnj_edits

__all__ = ["Edit", "NormalizedText", "Normalizer", "OffsetMap", "apply_edits", "normalize"]


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalized text with the map back to the text it came from.

    >>> nt = Normalizer().normalize_with_offsets("كتابها")
    >>> nt.text, nt.original_span(0, len(nt.text))
    ('کتاب\u200cها', (0, 6))
    """

    original: str
    text: str
    offsets: OffsetMap

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalized span ``[start, end)``."""
        return self.offsets.to_original_span(start, end)

    def normalized_span(self, start: int, end: int) -> tuple[int, int]:
        """Normalized ``(start, end)`` of the original span ``[start, end)``."""
        return self.offsets.to_normalized(start), self.offsets.to_normalized(end)


class Normalizer:
    """Persian text normalizer with fixed options.

    Args:
        digits: ``"persian"`` (default), ``"latin"`` or ``"keep"``: the one form all digits take.
        diacritics: ``"remove"`` (default) or ``"keep"`` harakat and tanvin.
        unify_optional_letters: also map ة أ إ ؤ to ه ا ا و (changes Arabic names).
        restore_zwnj: insert missing ZWNJs (``میتواند``) and fix spaced ones (``کتاب ها``).
        joined_words: when ZWNJs go into words written without one: ``"auto"`` (default:
            only in text that shows no ZWNJ use at all, e.g. text that lost its ZWNJs; a
            text that writes ``می‌رود`` or ``می رود`` spells ``سالها`` on purpose),
            ``"always"`` or ``"never"``.
        spaced_words: when a space between two words becomes a ZWNJ: ``"auto"`` (default:
            only in text that writes pieces such as ``ها`` or ``می`` as separate words,
            the sign of a writer who types a space for a ZWNJ), ``"always"`` or ``"never"``.

    >>> Normalizer(digits="latin")("قیمت ۱۲٬۵۰۰ تومان")
    'قیمت 12٬500 تومان'
    """

    def __init__(
        self,
        *,
        digits: str = "persian",
        diacritics: str = "remove",
        unify_optional_letters: bool = False,
        restore_zwnj: bool = True,
        joined_words: str = "auto",
        spaced_words: str = "auto",
    ) -> None:
        self.digits = check_choice("digits", digits, DIGIT_FORMS)
        self.diacritics = check_choice("diacritics", diacritics, DIACRITIC_POLICIES)
        self.unify_optional_letters = bool(unify_optional_letters)
        self.restore_zwnj = bool(restore_zwnj)
        self.joined_words = check_choice("joined_words", joined_words, JOINED_POLICIES)
        self.spaced_words = check_choice("spaced_words", spaced_words, JOINED_POLICIES)

    def __repr__(self) -> str:
        return (
            f"Normalizer(digits={self.digits!r}, diacritics={self.diacritics!r}, "
            f"unify_optional_letters={self.unify_optional_letters}, "
            f"restore_zwnj={self.restore_zwnj}, joined_words={self.joined_words!r}, "
            f"spaced_words={self.spaced_words!r})"
        )

    def normalize_with_offsets(self, text: str) -> NormalizedText:
        """Normalize ``text`` and keep the offset map."""
        if not isinstance(text, str):
            raise TypeError(f"normalize() takes a str, not {type(text).__name__}")
        new, omap = char_normalize(
            text,
            digits=self.digits,
            diacritics=self.diacritics,
            unify_optional_letters=self.unify_optional_letters,
        )
        if self.restore_zwnj:
            edits = zwnj_edits(new, joined=self.joined_words, spaced=self.spaced_words)
            if edits:
                new, zmap = apply_edits(new, edits)
                omap = omap.then(zmap)
        return NormalizedText(text, new, omap)

    def __call__(self, text: str) -> str:
        return self.normalize_with_offsets(text).text


_DEFAULT = Normalizer()


def normalize(text: str) -> str:
    """Normalize Persian text with the default options (see :class:`Normalizer`).

    >>> normalize("ڪتاب‌‌ها")
    'کتاب\u200cها'
    """
    return _DEFAULT(text)
