"""Word-frequency and part-of-speech facts from hazm's shipped word lists.

A script without capital letters needs another clue that a word is a name: names are
mostly absent from (or rare in) hazm's general lexicon (``words.dat``), while verbs and
function words are common. Nothing here downloads anything; without hazm the functions
degrade to "unknown word".

>>> is_common("هستند"), is_rare("کیوان‌فر")
(True, True)
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

__all__ = ["hazm_stopwords", "is_closed_class", "is_common", "is_rare", "lexicon", "verb_forms"]

#: The letter folds of :func:`persnews.extract.names.match_form`, for clean word lists
#: (a plain ``str.translate`` is fast enough for the 190k words of hazm's lexicon).
_QUICK_FOLD = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ك": "ک",
        "ئ": "ی",
        "آ": "ا",
        "أ": "ا",
        "إ": "ا",
        "ؤ": "و",
        "ة": "ه",
        "ۀ": "ه",
        "\u0654": None,
        "ء": None,
        "\u200c": " ",
        **{chr(c): None for c in range(0x064B, 0x0653)},  # harakat and tanvin: سریعاً
    }
)


def _hazm_data(name: str) -> Path:
    """A data file shipped in hazm's wheel, found without importing hazm (which is slow)."""
    spec = importlib.util.find_spec("hazm")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("hazm is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / name


def _fold(word: str) -> str:
    return word.translate(_QUICK_FOLD).strip()


_FUNCTION_TAGS = frozenset({"V", "PRO", "DET", "NUM", "CONJ", "POSTP", "CL", "ADV", "INT"})
_CLOSED_TAGS = frozenset({"V", "PRO", "DET", "CONJ", "POSTP", "CL"})
_COMMON_FREQ = 8_000_000
_RARE_FREQ = 100_000


@lru_cache(maxsize=1)
def lexicon() -> dict[str, tuple[int, bool, bool]]:
    """hazm's word list: match form -> (frequency, function-word/verb tag, closed-class tag).

    Names are mostly absent from it or rare, which is what a script without capitals
    needs to tell ``کیوان‌فر`` (a name) from ``سیاسی`` (a word).
    """
    try:
        lines = _hazm_data("words.dat").read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    out: dict[str, tuple[int, bool, bool]] = {}
    for line in lines:
        cols = line.split("\t")
        if len(cols) < 3 or not cols[1].isdigit():
            continue
        freq = int(cols[1])
        if freq:
            tags = set(cols[2].split(","))
            out[_fold(cols[0])] = (
                freq,
                bool(_FUNCTION_TAGS & tags),
                bool(_CLOSED_TAGS & tags),
            )
    return out


_PAST_ENDINGS = ("", "م", "ی", "یم", "ید", "ند", "ه")  # "ه": the participle (شده)
_PRESENT_ENDINGS = ("م", "ی", "د", "یم", "ید", "ند")


@lru_cache(maxsize=1)
def verb_forms() -> frozenset[str]:
    """Simple past and present forms of hazm's verb list (``گفتند``, ``هستند``, ``نیست``)."""
    try:
        lines = _hazm_data("verbs.dat").read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    forms: set[str] = {"است", "اند", "ایم", "اید", "نیست", "نیستند", "هست", "هستند"}
    for line in lines:
        past, _, present = line.partition("#")
        for stem, endings in ((past, _PAST_ENDINGS), (present, _PRESENT_ENDINGS)):
            if stem:
                for ending in endings:
                    forms.add(_fold(stem + ending))
                    forms.add(_fold("ن" + stem + ending))
    return frozenset(forms)


def is_common(form: str) -> bool:
    """A very frequent word or a verb/function word: not a family name on its own."""
    freq, function, _closed = lexicon().get(form, (0, False, False))
    return function or freq >= _COMMON_FREQ or form in verb_forms()


def is_rare(form: str) -> bool:
    """A word that is rare or unknown as a common word (likely a name)."""
    return lexicon().get(form, (0, False, False))[0] < _RARE_FREQ


@lru_cache(maxsize=1)
def hazm_stopwords() -> frozenset[str]:
    """hazm's stopword list in match form (empty without hazm); read once."""
    try:
        text = _hazm_data("stopwords.dat").read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    return frozenset(_fold(w) for w in text.splitlines() if w.strip())


def is_closed_class(form: str) -> bool:
    """A verb, pronoun, determiner, conjunction or postposition in hazm's lexicon."""
    return lexicon().get(form, (0, False, False))[2] or form in verb_forms()
