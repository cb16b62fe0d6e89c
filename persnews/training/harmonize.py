"""Bring the three Persian UD treebanks to one annotation convention (PerDT's).

Seraji, PerDT and iPerUDT disagree on a few frequent decisions; with the shipped UD model
(trained on the treebanks as they are) the largest UPOS errors on our dev split were PerDT's
proper nouns tagged ``NOUN`` (Seraji has no ``PROPN``) and ``را`` tagged ``PART`` in
PerDT sentences (Seraji and iPerUDT say ``PART``, PerDT ``ADP``).  Harmonized, following
PerDT, the largest treebank and the closest to news:

* ``را`` is ``ADP`` everywhere;
* a Seraji ``NOUN`` whose form is tagged ``PROPN`` in most of its occurrences in the
  PerDT/iPerUDT training sentences becomes ``PROPN`` (``ایران``, ``تهران``);
* relation subtypes are dropped except those the three treebanks share
  (:data:`SHARED_SUBTYPES`): PerDT writes ``obl:arg``, ``flat:name`` and plain ``nmod``
  where Seraji writes ``obl``, ``flat`` and ``nmod:poss``.  Scores count the universal
  relation only.

Training on harmonized data (``persnews train ud --harmonize``) raised dev UPOS but lowered
LAS (``docs/models.md``), so the shipped model does not use it; the lemma table of
``persnews_lemma_lookup`` does (:func:`harmonize_lemma`).

:func:`to_iperudt` and :func:`to_seraji` convert predictions back to those treebanks'
conventions for scoring: iPerUDT writes ``را`` as ``PART``; Seraji also has no ``PROPN`` and
gives the lemma ``کرد`` for the forms of ``شدن`` (Seraji lemmatizes the
passive and light-verb ``شد`` as ``کرد``: 198 of the 204 forms of ``شدن`` in
``seraji-dev``; PerDT and persnews say ``شد``).

>>> h = UposHarmonizer({"ایران": {"PROPN": 9, "NOUN": 1}})
>>> h.upos("ایران", "NOUN", seraji=True), h.upos("کتاب", "NOUN", seraji=True)
('PROPN', 'NOUN')
>>> h.upos("را", "PART", seraji=True), harmonize_deprel("obl:arg")
('ADP', 'obl')
>>> to_seraji("را", "ADP", "را"), to_seraji("ایران", "PROPN", "ایران")
(('PART', 'را'), ('NOUN', 'ایران'))
>>> to_seraji("می\u200cشود", "VERB", "شد")
('VERB', 'کرد')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Final

from persnews.training.conllu import Sentence, gold_norm

__all__ = [
    "SHARED_SUBTYPES",
    "UposHarmonizer",
    "harmonize_deprel",
    "harmonize_lemma",
    "harmonize_sentence",
    "to_iperudt",
    "to_seraji",
]

#: Relation subtypes kept in training (used the same way by Seraji, PerDT and iPerUDT).
SHARED_SUBTYPES: Final[frozenset[str]] = frozenset({"compound:lvc", "nsubj:pass"})

_OBJECT_MARKER: Final = "را"


def harmonize_deprel(deprel: str) -> str:
    """The relation with its subtype dropped unless it is in :data:`SHARED_SUBTYPES`."""
    if deprel in SHARED_SUBTYPES:
        return deprel
    return deprel.split(":", 1)[0]


class UposHarmonizer:
    """UPOS in PerDT's convention, from per-form counts of the PerDT-style training words.

    ``counts`` maps a normalized form (:func:`~persnews.training.conllu.gold_norm`) to the
    UPOS values it has in PerDT-style sentences.
    """

    def __init__(self, counts: Mapping[str, Mapping[str, int]]) -> None:
        self._proper = frozenset(
            form
            for form, by_tag in counts.items()
            if by_tag.get("PROPN", 0) * 2 > sum(by_tag.values())
        )

    @classmethod
    def from_sentences(cls, sentences: Iterable[Sentence]) -> UposHarmonizer:
        """Counts from sentences that follow PerDT's convention (PerDT, iPerUDT)."""
        from persnews.training.silver_pos import upos_counts

        return cls(upos_counts(sentences))

    def upos(self, form: str, upos: str, *, seraji: bool) -> str:
        """The harmonized UPOS of one gold word."""
        if form == _OBJECT_MARKER and upos == "PART":
            return "ADP"
        if seraji and upos == "NOUN" and gold_norm(form) in self._proper:
            return "PROPN"
        return upos


def harmonize_lemma(form: str, lemma: str, *, seraji: bool) -> str:
    """PerDT's lemma ``شد`` for a Seraji form of ``شدن`` lemmatized ``کرد``.

    >>> [harmonize_lemma(form, "کرد", seraji=True) for form in ("می\u200cشود", "کرد")]
    ['شد', 'کرد']
    """
    if seraji and lemma == "کرد" and ("شد" in form or "شو" in form):
        return "شد"
    return lemma


def harmonize_sentence(sent: Sentence, harmonizer: UposHarmonizer, *, seraji: bool) -> Sentence:
    """A copy of ``sent`` with harmonized UPOS and relations.

    Lemmas are kept (the trained lemmatizer learns the treebanks' own); the lemma table of
    ``persnews_lemma_lookup`` uses :func:`harmonize_lemma`.
    """
    words = [
        replace(
            w,
            upos=harmonizer.upos(w.form, w.upos, seraji=seraji),
            deprel=harmonize_deprel(w.deprel),
        )
        for w in sent.words
    ]
    return Sentence(sent.sent_id, sent.text, words)


def to_iperudt(form: str, upos: str, lemma: str) -> tuple[str, str]:
    """A predicted ``(UPOS, lemma)`` in iPerUDT's convention (``را`` is ``PART``)."""
    if form == _OBJECT_MARKER and upos == "ADP":
        return "PART", lemma
    return upos, lemma


def to_seraji(form: str, upos: str, lemma: str) -> tuple[str, str]:
    """A predicted ``(UPOS, lemma)`` in Seraji's convention (see the module docstring)."""
    if upos == "PROPN":
        upos = "NOUN"
    elif form == _OBJECT_MARKER and upos == "ADP":
        upos = "PART"
    if lemma == "شد" and upos in ("VERB", "AUX"):
        lemma = "کرد"
    return upos, lemma
