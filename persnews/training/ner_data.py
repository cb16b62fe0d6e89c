"""Read the NER corpora (PEYMA, NSURL-600k, Arman, ParsTwiNER) onto the persnews label scheme.

Each corpus has its own column separator and tag spelling; :func:`read_ner` returns
sentences as ``(tokens, tags)`` with BIO tags in persnews labels (``B-PER``, ``O``...),
repairing ill-formed BIO (an ``I-X`` that does not continue an ``X`` starts a new entity).

>>> repair_bio(["I-PER", "I-PER", "O", "I-LOC", "B-LOC"])
['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from persnews.lang.ner_labels import CORPUS_MAPS
from persnews.training.conllu import gold_norm
from persnews.training.corpora import carve_index, require

__all__ = [
    "NER_FILES",
    "NerSentence",
    "build_arman_fold",
    "build_ner",
    "read_ner",
    "repair_bio",
    "sentence_doc",
    "spans",
]

NerSentence = tuple[list[str], list[str]]

#: corpus -> (separator, files for training, dev, test) relative to the data dir.
NER_FILES: dict[str, dict[str, tuple[str, ...]]] = {
    "peyma": {
        "train": ("ner/peyma/train.txt",),
        "dev": ("ner/peyma/dev.txt",),
        "test": ("ner/peyma/test.txt",),
    },
    "nsurl": {"train": ("ner/nsurl-600k/600K.txt",), "dev": (), "test": ()},
    "parstwiner": {
        "train": ("ner/parstwiner/train.txt",),
        "dev": ("ner/parstwiner/dev.txt",),
        "test": ("ner/parstwiner/test.txt",),
    },
}
_SEPARATOR = {"peyma": "|", "nsurl": "\t", "arman": " ", "parstwiner": "\t"}


def repair_bio(tags: list[str]) -> list[str]:
    """Make a BIO sequence well formed."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def _map_tag(corpus: str, raw: str) -> str:
    raw = raw.strip()
    if raw == "O" or not raw:
        return "O"
    raw = raw.replace("_", "-", 1)
    if raw.startswith("OB-"):
        raw = raw[1:]
    prefix, _, kind = raw.partition("-")
    if prefix not in {"B", "I"}:
        return "O"
    label = CORPUS_MAPS[corpus].get(kind)
    return f"{prefix}-{label}" if label else "O"


def read_ner(path: str | Path, corpus: str) -> Iterator[NerSentence]:
    """Sentences of one NER file of ``corpus`` (``peyma``, ``nsurl``, ``arman``, ``parstwiner``)."""
    sep = _SEPARATOR[corpus]
    tokens: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                if tokens:
                    yield tokens, repair_bio(tags)
                tokens, tags = [], []
                continue
            token, found, tag = line.rpartition(sep)
            token = "".join(token.split())
            if not found or not token:
                continue  # NSURL quirk: a line without separator or token
            tokens.append(token)
            tags.append(_map_tag(corpus, tag))
    if tokens:
        yield tokens, repair_bio(tags)


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Entity spans ``(start, end, label)`` of a well-formed BIO sequence.

    >>> sorted(spans(["B-PER", "I-PER", "O", "B-LOC"]))
    [(0, 2, 'PER'), (3, 4, 'LOC')]
    """
    out: set[tuple[int, int, str]] = set()
    start = -1
    label = ""
    for i, tag in enumerate([*tags, "O"]):
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == label):
            out.add((start, i, label))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, label = i, tag[2:]
    return out


def sentence_doc(vocab: Vocab, tokens: list[str], tags: list[str] | None = None) -> Doc:
    """A Doc of one sentence with normalized norms and (optionally) gold entities."""
    doc = Doc(vocab, words=tokens, spaces=[True] * len(tokens), ents=tags)
    for token in doc:
        token.norm_ = gold_norm(token.text)
    return doc


def _save(vocab: Vocab, sents: Iterable[NerSentence], path: Path) -> int:
    db = DocBin(store_user_data=False)
    n = 0
    for tokens, tags in sents:
        db.add(sentence_doc(vocab, tokens, tags))
        n += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n


def build_ner(
    data_dir: Path, out_dir: Path, *, corpora: tuple[str, ...] = ("peyma", "nsurl", "parstwiner")
) -> dict[str, int]:
    """Write ``ner-train.spacy`` (train files of ``corpora``) and ``ner-dev.spacy`` (PEYMA dev)."""
    vocab = Vocab()
    train: list[NerSentence] = []
    for corpus in corpora:
        for rel in NER_FILES[corpus]["train"]:
            train.extend(read_ner(require(data_dir, rel), corpus))
    dev = list(read_ner(require(data_dir, "ner/peyma/dev.txt"), "peyma"))
    return {
        "ner-train": _save(vocab, train, out_dir / "ner-train.spacy"),
        "ner-dev": _save(vocab, dev, out_dir / "ner-dev.spacy"),
    }


def build_arman_fold(data_dir: Path, out_dir: Path, fold: int) -> dict[str, int]:
    """Write ``arman{fold}-train.spacy`` / ``arman{fold}-dev.spacy`` from ``train_fold{fold}`` only.

    Every 10th sentence of the training fold is the dev split; the test fold is not read.
    """
    vocab = Vocab()
    sents = list(read_ner(require(data_dir, f"ner/arman/train_fold{fold}.txt"), "arman"))
    train = [s for i, s in enumerate(sents) if not carve_index(i)]
    dev = [s for i, s in enumerate(sents) if carve_index(i)]
    return {
        f"arman{fold}-train": _save(vocab, train, out_dir / f"arman{fold}-train.spacy"),
        f"arman{fold}-dev": _save(vocab, dev, out_dir / f"arman{fold}-dev.spacy"),
    }
