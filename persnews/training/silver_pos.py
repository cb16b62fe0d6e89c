"""Extra UPOS training data: the Bijankhan subset and ParsNER news mapped onto UD tags.

Both corpora are tagged with Bijankhan/UPC tags (``N_SING_PR``, ``V_PA``, ``CON`` ...),
not UD tags.  Each source tag allows a small set of UPOS values
(:data:`persnews.lang.pos_tags.UPC_TO_UPOS`); the choice inside that set is made per word
from the UD *training* sentences (the most frequent UPOS the word has there), otherwise
the set's default.  Proper nouns become ``PROPN`` (PerDT's convention) from the ``_PR``
tags of Bijankhan and from the PERS/LOC/ORG entities of ParsNER.  A token whose tag
allows no confident choice keeps no tag: spaCy treats it as missing annotation.

The resulting Docs carry only ``token.tag_`` (the UPOS value); they train the shared
``tok2vec`` and the ``tagger`` of the UD pipeline, never the parser or the lemmatizer.

>>> counts = {"است": Counter({"AUX": 40, "VERB": 2})}
>>> choose_upos("است", "V_PRE_SIM", counts)
'AUX'
>>> choose_upos("کتاب", "N_SING_COM", {})
'NOUN'
>>> choose_upos("تهران", "N_SING_LOC_PR", {})
'PROPN'
"""

from __future__ import annotations

import lzma
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from spacy.tokens import Doc
from spacy.vocab import Vocab

from persnews.lang.pos_tags import UPC_TO_UPOS
from persnews.training.conllu import Sentence, gold_norm

__all__ = [
    "BIJANKHAN",
    "PARSNER",
    "PARSNER_SERAJI_DEV",
    "choose_upos",
    "read_bijankhan",
    "read_parsner",
    "silver_docs",
    "upos_counts",
]

BIJANKHAN = "pos/bijankhan-subset.tsv.xz"
PARSNER = "pos/parsner-train-news.col.xz"
#: 0-based ParsNER sentences that repeat Seraji dev text (see pos/SOURCES.md): dropped.
PARSNER_SERAJI_DEV = range(4619, 4828)
#: Bijankhan has no sentence breaks: a sentence ends after one of these DELM tokens.
_SENTENCE_END = frozenset({".", "!", "؟", "?", "#"})
#: Longer runs without a sentence end are cut into pieces of this many tokens.
_MAX_LEN = 80
_PUNCT = frozenset(".,،؛;:!?؟«»\"'()[]{}-–—/\\…*")


def upos_counts(sentences: Iterable[Sentence]) -> dict[str, Counter[str]]:
    """Normalized word form -> Counter of its UPOS values in gold UD sentences."""
    counts: dict[str, Counter[str]] = {}
    for sent in sentences:
        for word in sent.words:
            counts.setdefault(gold_norm(word.form), Counter())[word.upos] += 1
    return counts


def _tag_key(tag: str) -> str:
    """The :data:`UPC_TO_UPOS` key of a fine or coarse Bijankhan/UPC tag."""
    parts = tag.split("_")
    if parts[0] == "N" and "PR" in parts[1:]:
        return "N_PR"
    return parts[0]


def choose_upos(
    word: str, tag: str, counts: Mapping[str, Counter[str]], *, proper: bool = False
) -> str:
    """The UPOS value of ``word`` tagged ``tag``, or ``""`` (missing) when unsure."""
    if word and all(ch in _PUNCT for ch in word):
        return "PUNCT"
    if word.isdigit():
        return "NUM"
    key = _tag_key(tag)
    if key == "N" and proper:
        key = "N_PR"
    allowed, default = UPC_TO_UPOS.get(key, ((), ""))
    seen = counts.get(gold_norm(word))
    if seen:
        for upos, _ in seen.most_common():
            if not allowed or upos in allowed:
                if allowed or sum(seen.values()) >= 3:
                    return upos
                break
    return default


def _split(tokens: list[tuple[str, str]]) -> Iterator[list[tuple[str, str]]]:
    sent: list[tuple[str, str]] = []
    for word, tag in tokens:
        if word == "#":
            if sent:
                yield sent
            sent = []
            continue
        sent.append((word, tag))
        if (word in _SENTENCE_END and tag.startswith("DELM")) or len(sent) >= _MAX_LEN:
            yield sent
            sent = []
    if sent:
        yield sent


def read_bijankhan(path: Path) -> Iterator[list[tuple[str, str, bool]]]:
    """Sentences of ``(word, tag, proper)`` from the Bijankhan subset."""
    with lzma.open(path, "rt", encoding="utf-8") as handle:
        tokens = []
        for line in handle:
            word, _, tag = line.rstrip("\n").partition("\t")
            if word:
                tokens.append((word, tag))
    for sent in _split(tokens):
        yield [(w, t, False) for w, t in sent]


def read_parsner(path: Path) -> Iterator[list[tuple[str, str, bool]]]:
    """Sentences of ``(word, tag, proper)`` from ParsNER news, without Seraji-dev text."""
    with lzma.open(path, "rt", encoding="utf-8") as handle:
        text = handle.read().lstrip("\ufeff")
    for index, block in enumerate(text.split("\n\n")):
        if index in PARSNER_SERAJI_DEV:
            continue
        sent = []
        for line in block.splitlines():
            cols = line.split("\t")
            if len(cols) < 3 or cols[0] == "#":
                continue
            ner = cols[2]
            sent.append((cols[0], cols[1], ner[2:] in {"PERS", "LOC", "ORG"}))
        if sent:
            yield sent


def silver_docs(
    vocab: Vocab,
    sentences: Iterable[list[tuple[str, str, bool]]],
    counts: Mapping[str, Counter[str]],
) -> Iterator[Doc]:
    """Docs with ``token.tag_`` = mapped UPOS (``""`` where missing) and gold-style norms."""
    for sent in sentences:
        words = [w for w, _, _ in sent]
        tags = [choose_upos(w, t, counts, proper=p) for w, t, p in sent]
        doc = Doc(vocab, words=words, spaces=[True] * len(words), tags=tags)
        for token in doc:
            token.norm_ = gold_norm(token.text)
        yield doc
