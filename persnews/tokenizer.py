"""The persnews spaCy tokenizer: normalize once, tokenize, keep the original text.

:class:`PersianTokenizer` normalizes the whole input with
:class:`persnews.normalize.Normalizer`, finds tokens in the *normalized* text (where
``میتواند`` and ``می تواند`` have both become ``می‌تواند``), maps every token back to the
original text and builds the :class:`~spacy.tokens.Doc` from original substrings:

* ``doc.text`` is the input (the only change: a lone UTF-16 surrogate, which spaCy cannot
  store, becomes U+FFFD, so lengths and offsets stay the same);
* ``token.idx`` points into the input, ``doc.text_with_ws`` round-trips;
* ``token.norm_`` is the normalized form (lower-cased, as spaCy does for Latin words);
* characters the normalizer deleted (bidi marks, zero-width joiners, kashida at a word's
  edge) stay inside the neighbouring token; runs of whitespace become whitespace tokens as
  in spaCy's own tokenizer; a token may contain a space (``می تواند``).

Tokens follow the UD Persian treebanks (Seraji, PerDT): words are split at spaces and
punctuation; a word with a clitic (``کتابش``, ``آمده‌ام``), which UD writes as one
multiword token, stays one token. URLs, e-mails, hashtags, numbers with separators,
decimals, dates, times and abbreviations are single tokens.

>>> import spacy
>>> nlp = spacy.blank("fa", config={"nlp": {"tokenizer": {"@tokenizers": "persnews.Tokenizer.v1"}}})
>>> doc = nlp("او میتواند ساعت ۱۰:۲۶ بیاید.")
>>> [t.text for t in doc]
['او', 'میتواند', 'ساعت', '۱۰:۲۶', 'بیاید', '.']
>>> doc.text == "او میتواند ساعت ۱۰:۲۶ بیاید."
True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy
import srsly
from spacy.attrs import NORM
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from persnews._tiling import (
    changed_norms,
    changed_positions,
    map_spans,
    text_arrays,
    tile,
    to_original_spans,
    token_spans,
    unjoin,
)
from persnews.lang import tokenization as T
from persnews.normalize import Normalizer

__all__ = ["PersianTokenizer", "create_tokenizer", "token_pattern"]

_SURROGATE = re.compile("[\ud800-\udfff]")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def token_pattern() -> re.Pattern[str]:
    """The compiled regular expression that finds tokens in normalized text.

    >>> [m.group() for m in token_pattern().finditer("نرخ ۳.۵ درصد شد.")]
    ['نرخ', '۳.۵', 'درصد', 'شد', '.']
    """
    d = f"[{T.DIGITS}]"
    stop = r"\s<>«»\"'“”()\[\]{}،؛"
    punct = re.escape(T.PUNCT_CHARS)
    parts = [
        # Fast path: a run of Arabic-script letters (no digits or punctuation) that is not
        # followed by a dot, a digit or a Latin letter; every other case goes on below.
        r"[\u0621-\u063a\u0641-\u065f\u0670-\u06d3\u200c]++(?![.\w])",
        # URLs: scheme or www., trailing sentence punctuation left out.
        rf"(?:(?:https?|ftp)://|www\.)[^{stop}]*[^{stop}.,;:!?؟]",
        # E-mail addresses.
        r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}",
        # Hashtags and mentions.
        r"(?<![\w\u200c])[#@][\w\u200c]*\w",
        # Persian abbreviations with inner dots.
        rf"(?<![\w\u200c])(?:{_alternation(T.ABBREVIATIONS)})(?![\w\u200c])",
        # Latin abbreviations: listed words and initials (U.S., e.g.).
        rf"(?<![A-Za-z])(?:{_alternation(T.LATIN_ABBREVIATIONS)}|(?:[A-Za-z]\.){{2,}})",
        # A calendar letter after a year: ۱۹۱۷ م.
        rf"(?<={d}\s)[{T.UNIT_ABBREVIATION_LETTERS}]\.(?![\w\u200c])",
        # Numbers with separators, decimals, dates, times, percentages.
        rf"{d}+(?:[{re.escape(T.NUMBER_INNER_SEPARATORS)}]{d}+)+[{T.PERCENT_SIGNS}]?",
        rf"{d}+[{T.PERCENT_SIGNS}]",
        # Latin compounds, domains and contractions: CoRoT-7b, farsnews.ir, COVID-19.
        rf"[A-Za-z{T.DIGITS}]+(?:[\-_.'’&][A-Za-z{T.DIGITS}]+)+",
        # Ellipses.
        r"\.{3,}",
        # Words: anything up to whitespace, punctuation or a symbol.
        rf"[^\s{punct}{T.SYMBOL_RANGES}]+",
        # Anything else is a one-character token.
        r"\S",
    ]
    # The leading look-ahead lets the engine skip whitespace without trying every branch.
    return re.compile("(?=\\S)(?:" + "|".join(f"(?:{p})" for p in parts) + ")")


_CACHE_SIZE = 500_000  # word forms whose hashes a tokenizer keeps (about 100 MB at most)


class _HashCache(dict[str, int]):
    """Word form -> hash in a StringStore (added on first sight); norms get their own table.

    Outside spaCy memory zones strings are never removed from a store, so the hashes stay
    valid; inside a zone the tokenizer does not use this cache.
    """

    def __init__(self, strings: StringStore) -> None:
        super().__init__()
        self._add = strings.add
        #: Norm -> hash of its lower-cased form (added to the store).
        self.lowered = _LoweredCache(strings)

    def __missing__(self, key: str) -> int:
        value: int = self._add(key)
        self[key] = value
        return value


class _LoweredCache(dict[str, int]):
    def __init__(self, strings: StringStore) -> None:
        super().__init__()
        self._add = strings.add

    def __missing__(self, key: str) -> int:
        value: int = self._add(key.lower())
        self[key] = value
        return value


@lru_cache(maxsize=32)
def _normalizer(
    digits: str, diacritics: str, unify_optional_letters: bool, restore_zwnj: bool
) -> Normalizer:
    return Normalizer(
        digits=digits,
        diacritics=diacritics,
        unify_optional_letters=unify_optional_letters,
        restore_zwnj=restore_zwnj,
    )


class PersianTokenizer:
    """A spaCy tokenizer for Persian that normalizes internally (see the module docstring).

    Args:
        vocab: the pipeline's vocabulary.
        digits, diacritics, unify_optional_letters, restore_zwnj: options of
            :class:`persnews.normalize.Normalizer` used for ``token.norm_`` and for finding tokens.

    >>> import spacy
    >>> tok = PersianTokenizer(spacy.blank("fa").vocab)
    >>> doc = tok("كتابها را خواند")
    >>> [(t.text, t.norm_, t.idx) for t in doc]
    [('كتابها', 'کتاب\\u200cها', 0), ('را', 'را', 7), ('خواند', 'خواند', 10)]
    """

    def __init__(
        self,
        vocab: Vocab,
        *,
        digits: str = "persian",
        diacritics: str = "remove",
        unify_optional_letters: bool = False,
        restore_zwnj: bool = True,
    ) -> None:
        if not isinstance(vocab, Vocab):
            raise TypeError(f"vocab must be a spacy.vocab.Vocab, not {type(vocab).__name__}")
        self.vocab = vocab
        self._strings: StringStore | None = None
        self._orth = _HashCache(vocab.strings)
        self._set_options(
            digits=digits,
            diacritics=diacritics,
            unify_optional_letters=unify_optional_letters,
            restore_zwnj=restore_zwnj,
        )

    def _set_options(
        self, *, digits: str, diacritics: str, unify_optional_letters: bool, restore_zwnj: bool
    ) -> None:
        # Normalizer validates the option values and raises InvalidOptionError.
        self.normalizer = _normalizer(
            digits, diacritics, bool(unify_optional_letters), bool(restore_zwnj)
        )
        self._pattern = token_pattern()

    @property
    def options(self) -> dict[str, Any]:
        """The normalizer options, as passed to the constructor."""
        n = self.normalizer
        return {
            "digits": n.digits,
            "diacritics": n.diacritics,
            "unify_optional_letters": n.unify_optional_letters,
            "restore_zwnj": n.restore_zwnj,
        }

    def __repr__(self) -> str:
        opts = ", ".join(f"{k}={v!r}" for k, v in self.options.items())
        return f"PersianTokenizer({opts})"

    # -- tokenization -----------------------------------------------------------------

    def __call__(self, text: str) -> Doc:
        """Tokenize ``text`` into a :class:`~spacy.tokens.Doc` over the original text."""
        if not isinstance(text, str):
            raise TypeError(f"the tokenizer takes a str, not {type(text).__name__}")
        if type(text) is not str:
            text = str(text)  # a subclass (numpy.str_): the compiled loops take exact str
        try:
            return self._doc(*self._tiles(text))
        except UnicodeEncodeError:
            # Lone surrogates cannot be stored by spaCy; U+FFFD keeps every offset.
            return self._doc(*self._tiles(_SURROGATE.sub("\ufffd", text)))

    def _doc(
        self, words: list[str], spaces: list[bool], token_pos: list[int], norm_of: list[str] | None
    ) -> Doc:
        """Build the Doc from the tiles; norms are written in one ``from_array`` call."""
        vocab = self.vocab
        strings = vocab.strings
        if getattr(vocab, "in_memory_zone", True):
            # Strings added inside a memory zone are freed when it ends: cache nothing.
            doc = Doc(vocab, words=words, spaces=spaces)
            changed = changed_norms(words, token_pos, norm_of)
            if changed:
                values = numpy.zeros(len(words), dtype=numpy.uint64)
                values[[i for i, _ in changed]] = [strings.add(n) for _, n in changed]
                doc.from_array([NORM], values.reshape(-1, 1))  # type: ignore[arg-type]
            return doc
        if self._strings is not strings or len(self._orth) + len(self._orth.lowered) >= _CACHE_SIZE:
            self._orth = _HashCache(strings)
            self._strings = strings
        orths = list(map(self._orth.__getitem__, words))
        doc = Doc(vocab, words=orths, spaces=spaces)  # type: ignore[arg-type]
        if norm_of is not None:
            positions, norms = changed_positions(words, token_pos, norm_of)
            if positions:
                values = numpy.zeros(len(words), dtype=numpy.uint64)
                values[positions] = list(map(self._orth.lowered.__getitem__, norms))
                doc.from_array([NORM], values.reshape(-1, 1))  # type: ignore[arg-type]
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        """Tokenize a stream of texts."""
        for text in texts:
            yield self(text)

    def split(self, text: str) -> tuple[list[str], list[bool], list[tuple[int, str]]]:
        """Token strings, trailing-space flags and ``(index, norm)`` for changed tokens.

        The strings are substrings of ``text`` that tile it exactly (with the spaces).

        >>> from spacy.vocab import Vocab
        >>> PersianTokenizer(Vocab()).split("می تواند!  ")
        (['می تواند', '!', ' '], [False, True, False], [(0, 'می\\u200cتواند')])
        """
        words, spaces, token_pos, norm_of = self._tiles(text)
        return words, spaces, changed_norms(words, token_pos, norm_of)

    def _tiles(self, text: str) -> tuple[list[str], list[bool], list[int], list[str] | None]:
        """Words, space flags, the word index of each token and its normalized form.

        The normalized forms are ``None`` when the normalized text equals ``text``.
        """
        nt = self.normalizer.normalize_with_offsets(text)
        norm = nt.text
        matches, pieces = token_spans(self._pattern, norm)
        norm_of: list[str] | None
        if nt.offsets.is_identity:
            # Same length and alignment (letters or digits may still differ).
            words, spaces, token_pos = tile(text, matches)
            return words, spaces, token_pos, (None if norm == text else pieces)
        arrays = text_arrays(text)
        originals = to_original_spans(nt.offsets, matches)
        spans, norm_of = map_spans(matches, originals, pieces)
        spans, norm_of = unjoin(text, arrays[1], spans, norm_of, nt.offsets, norm)
        words, spaces, token_pos = tile(text, spans, arrays)
        return words, spaces, token_pos, norm_of

    # -- serialization ----------------------------------------------------------------

    def __getstate__(self) -> dict[str, Any]:
        # The hash cache is rebuilt on first use; pickles (n_process > 1) stay small.
        state = dict(self.__dict__)
        state["_strings"] = None
        state["_orth"] = _HashCache(self.vocab.strings)
        return state

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Serialize the options."""
        return srsly.msgpack_dumps(self.options)  # type: ignore[no-any-return]

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> PersianTokenizer:
        """Restore the options written by :meth:`to_bytes`."""
        self._set_options(**srsly.msgpack_loads(bytes_data))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the options to ``path`` (a file, as spaCy's own tokenizer does)."""
        Path(path).write_bytes(self.to_bytes(exclude=exclude))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> PersianTokenizer:
        """Read the options written by :meth:`to_disk`."""
        return self.from_bytes(Path(path).read_bytes(), exclude=exclude)


@registry.tokenizers("persnews.Tokenizer.v1")  # type: ignore[untyped-decorator]
def create_tokenizer(
    *,
    digits: str = "persian",
    diacritics: str = "remove",
    unify_optional_letters: bool = False,
    restore_zwnj: bool = True,
) -> Callable[[Language], PersianTokenizer]:
    """Registered factory: ``{"@tokenizers": "persnews.Tokenizer.v1", "digits": "latin"}``."""

    def make(nlp: Language) -> PersianTokenizer:
        return PersianTokenizer(
            nlp.vocab,
            digits=digits,
            diacritics=diacritics,
            unify_optional_letters=unify_optional_letters,
            restore_zwnj=restore_zwnj,
        )

    return make
