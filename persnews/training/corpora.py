"""Build the training/dev corpora (spaCy ``DocBin`` files) from ``../shared/data``.

The official Seraji and PerDT *train* files are not available, so their *dev* files are
the training data: every 10th sentence of each (``sentence_index % 10 == 9``) is carved
out as our own dev split, the rest is training data.  iPerUDT train is training data,
iPerUDT dev is dev data.  Test files are never touched here.

A reader ``persnews.GoldCorpus.v1`` is registered for spaCy configs: unlike spaCy's
default corpus it keeps the gold tokens *and their normalized forms* (``token.norm_``)
in the predicted Doc, so training sees exactly the features the tokenizer produces.

>>> carve_index(9), carve_index(10)
(True, False)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.util import registry
from spacy.vocab import Vocab

from persnews.errors import DataNotFoundError
from persnews.training.conllu import Sentence, read_conllu, sentence_to_doc

__all__ = [
    "UD_DEV_CARVED",
    "UD_TRAIN",
    "build_ud",
    "carve_index",
    "copy_tokens",
    "gold_corpus",
    "require",
    "tagger_tag",
]

#: Treebank files (relative to the data dir) split train/dev by :func:`carve_index`.
UD_DEV_CARVED: tuple[str, ...] = ("ud/seraji-dev.conllu", "ud/perdt-dev.conllu")
#: Treebank files used entirely for training.
UD_TRAIN: tuple[str, ...] = ("ud/iperudt-train.conllu",)
#: Treebank files used entirely as dev data.
UD_DEV: tuple[str, ...] = ("ud/iperudt-dev.conllu",)


def carve_index(index: int) -> bool:
    """True when sentence ``index`` (0-based) of a carved file belongs to our dev split."""
    return index % 10 == 9


def require(data_dir: Path, rel: str) -> Path:
    """``data_dir / rel`` or :class:`DataNotFoundError` naming the missing file."""
    path = Path(data_dir) / rel
    if not path.is_file():
        raise DataNotFoundError(f"training data file not found: {path}")
    return path


def _save(docs: Iterable[Doc], path: Path) -> int:
    db = DocBin(store_user_data=False)
    n = 0
    for doc in docs:
        db.add(doc)
        n += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n


def tagger_tag(upos: str, source: str) -> str:
    """The ``token.tag_`` training value (UPOS) of a gold word, ``""`` when missing.

    Seraji tags proper nouns ``NOUN`` (it has no ``PROPN``), PerDT tags them ``PROPN``; the
    tagger follows PerDT, so Seraji's ``NOUN`` words count as unannotated for it.

    >>> tagger_tag("NOUN", "ud/seraji-dev.conllu"), tagger_tag("NOUN", "ud/perdt-dev.conllu")
    ('', 'NOUN')
    """
    if upos == "NOUN" and "seraji" in source:
        return ""
    return "" if upos == "_" else upos


def _tagged_docs(vocab: Vocab, sents: Sequence[tuple[str, Sentence]]) -> Iterator[Doc]:
    for source, sent in sents:
        doc = sentence_to_doc(vocab, [sent])
        for token, word in zip(doc, sent.words, strict=True):
            token.tag_ = tagger_tag(word.upos, source)
        yield doc


_Sourced = list[tuple[str, Sentence]]


def _harmonized(*parts: _Sourced) -> tuple[_Sourced, ...]:
    from persnews.training.harmonize import UposHarmonizer, harmonize_sentence

    harmonizer = UposHarmonizer.from_sentences(s for src, s in parts[0] if "seraji" not in src)
    return tuple(
        [(src, harmonize_sentence(s, harmonizer, seraji="seraji" in src)) for src, s in part]
        for part in parts
    )


def build_ud(
    data_dir: Path,
    out_dir: Path,
    *,
    include_iperudt: bool = True,
    silver: bool = False,
    gold_repeat: int = 1,
    harmonize: bool = False,
) -> dict[str, int]:
    """Write ``ud-train.spacy``, ``ud-dev.spacy`` (carved dev), ``ud-dev-iperudt.spacy``.

    Gold Docs carry UPOS twice: in ``pos`` (with morphology, for the morphologizer) and
    in ``tag`` (for the tagger, see :func:`tagger_tag`).  With ``silver`` the Bijankhan
    and ParsNER sentences (:mod:`persnews.training.silver_pos`) are added with tags only;
    ``gold_repeat`` repeats the gold sentences so they keep their weight in each epoch.
    With ``harmonize`` all gold sentences (training and dev) follow one convention
    (:mod:`persnews.training.harmonize`).
    """
    from persnews.training.silver_pos import (
        BIJANKHAN,
        PARSNER,
        read_bijankhan,
        read_parsner,
        silver_docs,
        upos_counts,
    )

    vocab = Vocab()
    train: list[tuple[str, Sentence]] = []
    dev: list[tuple[str, Sentence]] = []
    for rel in UD_DEV_CARVED:
        for i, sent in enumerate(read_conllu(require(data_dir, rel))):
            (dev if carve_index(i) else train).append((rel, sent))
    if include_iperudt:
        for rel in UD_TRAIN:
            train.extend((rel, s) for s in read_conllu(require(data_dir, rel)))
    iper = [(UD_DEV[0], s) for s in read_conllu(require(data_dir, UD_DEV[0]))]
    if harmonize:
        train, dev, iper = _harmonized(train, dev, iper)
    docs = list(_tagged_docs(vocab, train)) * max(1, gold_repeat)
    if silver:
        counts_by_word = upos_counts(s for _, s in train)
        docs += silver_docs(vocab, read_bijankhan(require(data_dir, BIJANKHAN)), counts_by_word)
        docs += silver_docs(vocab, read_parsner(require(data_dir, PARSNER)), counts_by_word)
    counts = {
        "ud-train": _save(docs, out_dir / "ud-train.spacy"),
        "ud-dev": _save(_tagged_docs(vocab, dev), out_dir / "ud-dev.spacy"),
    }
    counts["ud-dev-iperudt"] = _save(_tagged_docs(vocab, iper), out_dir / "ud-dev-iperudt.spacy")
    return counts


def copy_tokens(vocab: Vocab, reference: Doc) -> Doc:
    """A fresh unannotated Doc with the tokens, spaces and norms of ``reference``."""
    doc = Doc(
        vocab, words=[t.text for t in reference], spaces=[bool(t.whitespace_) for t in reference]
    )
    for token, ref in zip(doc, reference, strict=True):
        token.norm_ = ref.norm_
    return doc


@registry.readers("persnews.GoldCorpus.v1")  # type: ignore[untyped-decorator]
def gold_corpus(path: Path, limit: int = 0) -> Callable[[Language], Iterator[Example]]:
    """spaCy reader: Examples whose predicted Doc has the gold tokens and norms."""

    def read(nlp: Language) -> Iterator[Example]:
        db = DocBin().from_disk(path)
        for i, ref in enumerate(db.get_docs(nlp.vocab)):
            if limit and i >= limit:
                break
            yield Example(copy_tokens(nlp.vocab, ref), ref)

    return read
