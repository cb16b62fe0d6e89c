"""``persnews_lemma_lookup``: lemmas of known words from a table built from the treebanks.

The edit-tree lemmatizer generalizes to unseen words; for words seen in the training
treebanks with one dominant lemma for their UPOS, the table is more reliable.  The key is
the normalized form (``token.norm_``) and the predicted UPOS, so unnormalized input
(Arabic ي/ك, missing ZWNJ) finds the same entry.  Verbs missing from the table get the
past stem from hazm's verb lexicon (``می‌گویند`` -> ``گفت#گو`` -> ``گفت``) when hazm knows
the verb; present stems are suppletive, so edit trees cannot learn them from little data.

>>> import spacy
>>> nlp = spacy.blank("fa")
>>> lookup = nlp.add_pipe("persnews_lemma_lookup")
>>> lookup.table = {lookup_key("می‌گویند", "VERB"): "گفت"}
>>> doc = nlp.make_doc("آنها می‌گویند")
>>> doc[1].pos_ = "VERB"
>>> lookup(doc)[1].lemma_
'گفت'
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc

__all__ = [
    "NOMINAL_UPOS",
    "LemmaLookup",
    "build_table",
    "lookup_key",
    "make_lemma_lookup",
    "nominal_lemma",
    "verb_past_stem",
    "verb_stems",
]


_ZWNJ = "\u200c"
#: Digits in any script, with thousands/decimal/date/time separators between them.
_NUMBER = re.compile(r"\d+(?:[.,/:\u066b\u066c\u060c-]\d+)*")
_PREFIXES = ("نمی" + _ZWNJ, "می" + _ZWNJ, "نمی", "می", "", "ن", "ب")
#: Preverbal particles the treebanks leave out of the lemma (``برمی‌گشت`` -> ``گشت``).
_PREVERBS = ("فرو", "فرا", "باز", "بر", "در", "ور", "وا")
#: A stem found after a preverb must be this long (``برده`` is ``برد``, not ``بر`` + ``ده``).
_MIN_STEM_AFTER_PREVERB = 3
#: Nominal endings tried, longest first, on a noun or adjective whose lemma is not a known
#: lemma: plural ``ها``/``ان``/``ات`` and the indefinite or ezafe ``ی`` (``حاکمان`` -> ``حاکم``,
#: ``روحیات`` -> ``روحیه``, ``حرکتی`` -> ``حرکت``, ``آوای`` -> ``آوا``).  (ending, replacement)
_NOMINAL_ENDINGS = (
    ("هایی", ""),
    ("های", ""),
    ("ها", ""),
    ("انی", ""),
    ("ان", ""),
    ("ات", "ه"),
    ("ات", ""),
    ("یی", ""),
    ("ی", ""),
)
#: UPOS values the nominal back-off applies to.
NOMINAL_UPOS: frozenset[str] = frozenset({"NOUN", "ADJ"})
_ENDINGS = tuple(
    sorted(
        {
            e
            for base in ("ه", "")
            for person in (
                "",
                "م",
                "ی",
                "د",
                "یم",
                "ید",
                "ند",
                "ن",
                "ام",
                "ای",
                "ایم",
                "اید",
                "اند",
            )
            for e in (base + person, base + _ZWNJ + person)
        },
        key=len,
        reverse=True,
    )
)


def verb_stems() -> tuple[frozenset[str], dict[str, str]]:
    """Past stems and present->past stems from hazm's ``verbs.dat`` (``past#present`` lines)."""
    from importlib.util import find_spec

    # locate hazm's data without importing hazm (its import takes seconds)
    spec = find_spec("hazm")
    if spec is None or not spec.submodule_search_locations:
        return frozenset(), {}
    verbs = Path(next(iter(spec.submodule_search_locations))) / "data" / "verbs.dat"
    if not verbs.is_file():
        return frozenset(), {}
    text = verbs.read_text(encoding="utf-8")
    past: set[str] = set()
    present: dict[str, str] = {}
    for line in text.split():
        p, _, r = line.partition("#")
        if p:
            past.add(p)
            if r:
                present.setdefault(r, p)
    return frozenset(past), present


def verb_past_stem(form: str, stems: tuple[frozenset[str], dict[str, str]]) -> str | None:
    """Past stem of a simple verb form, or ``None`` when no analysis fits.

    A preverbal particle (``بر``, ``باز``, ``فرو`` …) is left out, as in the treebanks.

    >>> stems = (frozenset({"گفت", "رفت", "برد", "گشت"}), {"گو": "گفت", "رو": "رفت", "گرد": "گشت"})
    >>> forms = ("می\u200cگویند", "گفته", "نرفتم", "بروید", "برمی\u200cگشت", "برده", "کتاب")
    >>> [verb_past_stem(f, stems) for f in forms]
    ['گفت', 'گفت', 'رفت', 'رفت', 'گشت', 'برد', None]
    """
    for preverb in _PREVERBS:
        if form.startswith(preverb):
            rest = form[len(preverb) :].removeprefix(_ZWNJ)
            found = _analyse(rest, stems, min_stem=_MIN_STEM_AFTER_PREVERB)
            if found is not None:
                return found
    return _analyse(form, stems, min_stem=2)


def _analyse(
    form: str, stems: tuple[frozenset[str], dict[str, str]], *, min_stem: int
) -> str | None:
    past, present = stems
    for prefix in _PREFIXES:
        if not form.startswith(prefix):
            continue
        rest = form[len(prefix) :]
        for ending in _ENDINGS:
            if ending and not rest.endswith(ending):
                continue
            stem = rest[: len(rest) - len(ending)] if ending else rest
            if len(stem) < min_stem:
                continue
            if stem in past:
                return stem
            for cand in (stem, stem[:-1] if stem.endswith("ی") else ""):
                if len(cand) >= min_stem and cand in present:
                    return present[cand]
    return None


def nominal_lemma(norm: str, known: frozenset[str] | set[str]) -> str | None:
    """The known lemma left after one nominal ending, or ``None``.

    ``known`` holds the lemmas seen with the token's UPOS in the training treebanks; a form
    that is itself a known lemma is left alone (``کوتاهی`` is a noun of its own).

    >>> known = {"حاکم", "روحیه", "کتاب", "کوتاهی", "کوتاه"}
    >>> [nominal_lemma(w, known) for w in ("حاکمان", "روحیات", "کتاب\u200cهای", "کوتاهی")]
    ['حاکم', 'روحیه', 'کتاب', None]
    """
    if norm in known:
        return None
    for ending, replacement in _NOMINAL_ENDINGS:
        if norm.endswith(ending) and len(norm) - len(ending) >= 2:
            stem = norm[: len(norm) - len(ending)].rstrip(_ZWNJ) + replacement
            if stem in known:
                return stem
    return None


def lookup_key(norm: str, upos: str) -> str:
    """Table key of a normalized form with its UPOS."""
    return f"{norm}\t{upos}"


def build_table(items: Iterable[tuple[str, str, str]], *, min_share: float = 0.9) -> dict[str, str]:
    """``(norm, upos, lemma)`` triples -> table of keys whose top lemma has ``min_share``.

    >>> build_table([("گفت", "VERB", "گفت"), ("گفت", "VERB", "گفت"), ("شیر", "NOUN", "شیر")])
    {'گفت\\tVERB': 'گفت', 'شیر\\tNOUN': 'شیر'}
    """
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for norm, upos, lemma in items:
        counts[lookup_key(norm, upos)][lemma] += 1
    table: dict[str, str] = {}
    for key, lemmas in counts.items():
        lemma, n = lemmas.most_common(1)[0]
        if n / sum(lemmas.values()) >= min_share:
            table[key] = lemma
    return table


class LemmaLookup:
    """Overrides ``token.lemma_`` for (norm, UPOS) pairs found in :attr:`table`.

    A noun or adjective outside the table whose predicted lemma is not in :attr:`lemmas`
    (the lemmas of the training treebanks, by UPOS) loses one nominal ending when what is
    left is a known lemma (:func:`nominal_lemma`).
    """

    def __init__(self, name: str = "persnews_lemma_lookup", *, hazm_verbs: bool = True) -> None:
        if not isinstance(hazm_verbs, bool):
            raise TypeError(f"hazm_verbs must be a bool, not {type(hazm_verbs).__name__}")
        self.name = name
        self.hazm_verbs = hazm_verbs
        self.table: dict[str, str] = {}
        self.lemmas: dict[str, frozenset[str]] = {}
        self._hazm: Any = None
        self._verb_cache: dict[str, str | None] = {}

    def _verb_lemma(self, norm: str) -> str | None:
        if norm in self._verb_cache:
            return self._verb_cache[norm]
        if self._hazm is None:
            self._hazm = verb_stems()
        lemma = verb_past_stem(norm, self._hazm)
        if len(self._verb_cache) < 100_000:
            self._verb_cache[norm] = lemma
        return lemma

    def __call__(self, doc: Doc) -> Doc:
        table = self.table
        for token in doc:
            if _NUMBER.fullmatch(token.text):
                # a number is its own lemma, in the digits it was written with
                token.lemma_ = token.text
                continue
            norm, pos = token.norm_, token.pos_
            lemma = table.get(f"{norm}\t{pos}")
            if lemma is None:
                if pos == "VERB" and self.hazm_verbs:
                    lemma = self._verb_lemma(norm)
                elif pos in NOMINAL_UPOS and pos in self.lemmas:
                    known = self.lemmas[pos]
                    if token.lemma_ not in known:
                        lemma = nominal_lemma(norm, known)
            if lemma is not None:
                token.lemma_ = lemma
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "table.json", self.table)
        srsly.write_json(path / "lemmas.json", {k: sorted(v) for k, v in self.lemmas.items()})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> LemmaLookup:
        data: Any = srsly.read_json(Path(path) / "table.json")
        self.table = {str(k): str(v) for k, v in data.items()}
        lemmas_path = Path(path) / "lemmas.json"
        # models saved before the nominal back-off have no lemmas.json: no back-off then
        lemmas: Any = srsly.read_json(lemmas_path) if lemmas_path.is_file() else {}
        self.lemmas = {str(k): frozenset(map(str, v)) for k, v in lemmas.items()}
        return self


@Language.factory(
    "persnews_lemma_lookup",
    assigns=["token.lemma"],
    requires=["token.pos", "token.norm"],
    default_config={"hazm_verbs": True},
)
def make_lemma_lookup(nlp: Language, name: str, hazm_verbs: bool) -> LemmaLookup:
    """spaCy factory of :class:`LemmaLookup` (the table is loaded from disk)."""
    return LemmaLookup(name, hazm_verbs=hazm_verbs)
