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

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc

__all__ = [
    "LemmaLookup",
    "build_table",
    "lookup_key",
    "make_lemma_lookup",
    "verb_past_stem",
    "verb_stems",
]


_ZWNJ = "\u200c"
_PREFIXES = ("نمی" + _ZWNJ, "می" + _ZWNJ, "نمی", "می", "", "ن", "ب")
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

    >>> stems = (frozenset({"گفت", "رفت"}), {"گو": "گفت", "رو": "رفت"})
    >>> [verb_past_stem(f, stems) for f in ("می\u200cگویند", "گفته", "نرفتم", "بروید", "کتاب")]
    ['گفت', 'گفت', 'رفت', 'رفت', None]
    """
    past, present = stems
    for prefix in _PREFIXES:
        if not form.startswith(prefix):
            continue
        rest = form[len(prefix) :]
        for ending in _ENDINGS:
            if ending and not rest.endswith(ending):
                continue
            stem = rest[: len(rest) - len(ending)] if ending else rest
            if len(stem) < 2:
                continue
            if stem in past:
                return stem
            for cand in (stem, stem[:-1] if stem.endswith("ی") else ""):
                if cand in present:
                    return present[cand]
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
    """Overrides ``token.lemma_`` for (norm, UPOS) pairs found in :attr:`table`."""

    def __init__(self, name: str = "persnews_lemma_lookup", *, hazm_verbs: bool = True) -> None:
        if not isinstance(hazm_verbs, bool):
            raise TypeError(f"hazm_verbs must be a bool, not {type(hazm_verbs).__name__}")
        self.name = name
        self.hazm_verbs = hazm_verbs
        self.table: dict[str, str] = {}
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
            norm, pos = token.norm_, token.pos_
            lemma = table.get(f"{norm}\t{pos}")
            if lemma is None and pos == "VERB" and self.hazm_verbs:
                lemma = self._verb_lemma(norm)
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

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> LemmaLookup:
        data: Any = srsly.read_json(Path(path) / "table.json")
        self.table = {str(k): str(v) for k, v in data.items()}
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
