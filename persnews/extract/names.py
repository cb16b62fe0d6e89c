"""Name normalization and similarity for grouping name variants of one entity.

Names are compared in their *match form*: the persnews normalization, ZWNJ and runs of
spaces turned into one space, edge punctuation removed, ``ؤ أ إ ة ئ آ`` unified with
``و ا ا ه ی ا`` and hamza marks dropped. Two
tokens are the same name when they are equal, or when a weighted edit distance that
makes vowel letters (``ا و ی``) and sound-alike consonants cheap stays within half an
edit (one cheap edit) — which covers transliteration variants such as ``اوشاکف`` /
``اوشاکوف`` or ``لاوروف`` / ``لاوروو`` without a list of pairs, while keeping distinct
Persian names (``احمدی`` / ``محمدی``) apart. Short tokens (under five letters) must be
equal, so ``حسن`` and ``حسین`` stay different, and so must ``-ی`` family names of different
lengths (``محمدی`` / ``محمودی``).

>>> match_form("  حزب‌الله  لبنان ")
'حزب الله لبنان'
>>> same_token("اوشاکف", "اوشاکوف"), same_token("احمدی", "محمدی")
(True, False)
>>> name_relation(["یوری", "اوشاکف"], ["اوشاکوف"])
'contains'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from persnews.lang.titles import HONORIFICS
from persnews.normalize import Normalizer

__all__ = [
    "SearchText",
    "join_key",
    "match_form",
    "name_relation",
    "name_tokens",
    "phrase_at",
    "phrase_set",
    "same_name",
    "same_token",
    "skeleton",
    "strip_honorifics",
    "token_distance",
]

_NORMALIZER = Normalizer(unify_optional_letters=True, restore_zwnj=False)
_SPACES = re.compile(r"[\s\u200c\u200d\u00a0]+")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
_INNER_PUNCT = re.compile(r"[«»\"'()\[\]{}<>،,؛;:.!?؟\-–—/|*]+")

#: Letters that stand for vowels in transliterated names; inserting or dropping one is cheap.
_VOWELS = frozenset("اویآءئ")
#: Consonants written differently for one sound (Arabic-origin letters); swapping is cheap.
_SOUND_CLASSES: tuple[str, ...] = ("ثسص", "زذضظ", "تط", "هح", "قغ", "فوب", "یئ", "اآعء")
_CLASS_OF = {ch: i for i, group in enumerate(_SOUND_CLASSES) for ch in group}


#: Letter folds applied after normalization (one character to one or none).
_FOLD = {"\u0626": "\u06cc", "\u0622": "\u0627", "\u06c0": "\u0647", "\u0654": "", "\u0621": ""}


_FOLD_TABLE = str.maketrans(
    {
        **{k: (v or None) for k, v in _FOLD.items()},
        "\u200c": " ",
        "\u200d": " ",
        "\u00a0": " ",
        "\n": " ",
        "\t": " ",
        "\r": " ",
    }
)


def _fold(ch: str) -> str:
    if ch in "\u200c\u200d\u00a0" or ch.isspace():
        return " "
    return _FOLD.get(ch, ch.lower())


@lru_cache(maxsize=131072)
def match_form(text: str) -> str:
    """The form names are compared in (see the module docstring).

    >>> match_form("خبرگزاري  فارس،")
    'خبرگزاری فارس'
    >>> match_form("رئیس‌جمهور") == match_form("رییس جمهور")
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"match_form() takes a str, not {type(text).__name__}")
    norm = "".join(_fold(ch) for ch in _NORMALIZER(text))
    norm = _INNER_PUNCT.sub(" ", norm)
    norm = _SPACES.sub(" ", norm).strip()
    return _EDGE_PUNCT.sub("", norm)


class SearchText:
    """A text in match form (punctuation kept) with a map back to the original offsets.

    >>> st = SearchText("گفت:  رئيس‌جمهور")
    >>> st.text == "گفت: رییس جمهور"
    True
    >>> st.original_span(5, 15)
    (6, 16)
    """

    __slots__ = ("_norm_index", "_nt", "original", "text")
    _norm_index: Sequence[int]

    def __init__(self, text: str) -> None:
        if not isinstance(text, str):
            raise TypeError(f"SearchText() takes a str, not {type(text).__name__}")
        self.original = text
        self._nt = _NORMALIZER.normalize_with_offsets(text)
        fast = self._nt.text.translate(_FOLD_TABLE).lower()
        if len(fast) == len(self._nt.text) and "  " not in fast:
            self.text = fast  # one character for one: the index is the identity
            self._norm_index = range(len(fast))
            return
        chars: list[str] = []
        index: list[int] = []
        for i, ch in enumerate(self._nt.text):
            folded = _fold(ch)
            if not folded or (folded == " " and chars and chars[-1] == " "):
                continue
            chars.append(folded)
            index.append(i)
        self.text = "".join(chars)
        self._norm_index = index

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the search-text span ``[start, end)``."""
        if end <= start:
            pos = self._nt.offsets.to_original(self._norm_index[start]) if self.text else 0
            return pos, pos
        return self._nt.original_span(self._norm_index[start], self._norm_index[end - 1] + 1)

    def search_offset(self, original: int) -> int:
        """The search-text position of an original character offset (first at or after it)."""
        from bisect import bisect_left

        norm = self._nt.offsets.to_normalized(original)
        return bisect_left(self._norm_index, norm)


def strip_honorifics(tokens: Sequence[str]) -> list[str]:
    """Drop leading titles (``آقای``, ``دکتر``, ``آیت الله`` ...) but never the last token.

    >>> strip_honorifics(["حجت", "الاسلام", "سید", "حسن", "روحانی"])
    ['حسن', 'روحانی']
    """
    toks = list(tokens)
    i = 0
    while i < len(toks) - 1:
        n = phrase_at(toks, i, _HONORIFIC_PHRASES)
        if n == 0 or i + n >= len(toks):
            break
        i += n
    return toks[i:]


def phrase_set(words: Iterable[str]) -> frozenset[tuple[str, ...]]:
    """Word-list entries as match-form token tuples (``آیت‌الله`` -> ``("ایت", "الله")``).

    >>> sorted(phrase_set(["رئیس‌جمهور"]))
    [('رییس', 'جمهور')]
    """
    return frozenset(tuple(match_form(w).split()) for w in words if match_form(w))


def phrase_at(tokens: Sequence[str], i: int, phrases: frozenset[tuple[str, ...]]) -> int:
    """Length of the longest entry of ``phrases`` starting at ``tokens[i]`` (0 if none).

    >>> phrase_at(["ایت", "الله", "سیستانی"], 0, phrase_set(["آیت‌الله", "آیت‌الله‌العظمی"]))
    2
    """
    best = 0
    for n in range(1, 5):
        if i + n > len(tokens):
            break
        if tuple(tokens[i : i + n]) in phrases:
            best = n
    return best


_HONORIFIC_PHRASES = phrase_set(HONORIFICS)


def name_tokens(text: str) -> list[str]:
    """Match-form tokens of a name, titles stripped.

    >>> name_tokens("سردار  قاسم سلیمانی")
    ['قاسم', 'سلیمانی']
    """
    return strip_honorifics(match_form(text).split())


def join_key(tokens: Sequence[str]) -> str:
    """The tokens joined without spaces, so spacing variants share one key.

    >>> join_key(["محمد", "جواد"]) == join_key(["محمدجواد"])
    True
    """
    return "".join(tokens)


@lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    """Consonant skeleton: vowel letters dropped, sound-alike letters unified.

    >>> skeleton("اوشاکوف") == skeleton("اوشاکف")
    True
    """
    out = []
    for ch in token:
        if ch in _VOWELS:
            continue
        cls = _CLASS_OF.get(ch)
        out.append(_SOUND_CLASSES[cls][0] if cls is not None else ch)
    return "".join(out)


def _sub_cost(a: str, b: str) -> float:
    if a == b:
        return 0.0
    ca, cb = _CLASS_OF.get(a), _CLASS_OF.get(b)
    if ca is not None and ca == cb:
        return 0.5
    if a in _VOWELS and b in _VOWELS:
        return 0.5
    return 1.0


def _indel_cost(ch: str) -> float:
    return 0.5 if ch in _VOWELS else 1.0


@lru_cache(maxsize=65536)
def token_distance(a: str, b: str) -> float:
    """Weighted edit distance: vowel letters and sound-alike swaps cost 0.5, others 1.

    >>> token_distance("لاوروف", "لاوروو")
    0.5
    """
    prev = [0.0]
    for ch in b:
        prev.append(prev[-1] + _indel_cost(ch))
    for ca in a:
        cur = [prev[0] + _indel_cost(ca)]
        for j, cb in enumerate(b, start=1):
            cur.append(
                min(
                    prev[j] + _indel_cost(ca),
                    cur[j - 1] + _indel_cost(cb),
                    prev[j - 1] + _sub_cost(ca, cb),
                )
            )
        prev = cur
    return prev[-1]


def same_token(a: str, b: str) -> bool:
    """Whether two match-form tokens are spellings of one name (see the module docstring).

    >>> same_token("زاخارووا", "زاخاروا"), same_token("حسن", "حسین")
    (True, False)
    """
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or (a[0] != b[0] and skeleton(a)[:1] != skeleton(b)[:1]):
        return False
    if a[-1] == b[-1] == "ی" and len(a) != len(b):
        return False  # Persian -ی family names differ by a vowel letter: محمدی / محمودی
    limit = 1.0 if min(len(a), len(b)) >= 8 else 0.5
    return token_distance(a, b) <= limit


def same_name(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two token lists are the same full name (token by token, or by joined key).

    >>> same_name(["محمد", "جواد", "ظریف"], ["محمدجواد", "ظریف"])
    True
    """
    if len(a) == len(b) and all(same_token(x, y) for x, y in zip(a, b, strict=True)):
        return True
    ja, jb = join_key(a), join_key(b)
    return ja == jb or (len(ja) >= 8 and same_token(ja, jb))


def _is_suffix(short: Sequence[str], long: Sequence[str]) -> bool:
    if not short or len(short) >= len(long):
        return False
    tail = long[len(long) - len(short) :]
    return same_name(short, tail)


def name_relation(a: Sequence[str], b: Sequence[str]) -> str | None:
    """How person name ``b`` relates to ``a``: ``"same"``, ``"contains"`` (b is a's tail,
    e.g. the family name alone), ``"extends"`` (a is b's tail) or None.

    >>> name_relation(["پوتین"], ["ولادیمیر", "پوتین"])
    'extends'
    >>> name_relation(["علی", "لاریجانی"], ["صادق", "لاریجانی"]) is None
    True
    """
    if not a or not b:
        return None
    if same_name(a, b):
        return "same"
    if _is_suffix(b, a):
        return "contains"
    if _is_suffix(a, b):
        return "extends"
    return None
