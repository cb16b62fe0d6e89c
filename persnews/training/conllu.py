"""Read CoNLL-U treebanks into spaCy ``Doc`` objects for training and evaluation.

Tokens of the resulting Docs are the *syntactic words* of the treebank (a multiword
token such as ``ماتمش`` becomes ``ماتم`` + ``ش`` with no space between them).
Every token's ``norm_`` is set to :func:`persnews.normalize.normalize` of its form,
which is what the tokenizer does at run time, so models see the same features
in training and in use.

Lemma convention: the lemma column of Seraji and PerDT (past stem for verbs, e.g.
``گفت``) is kept; iPerUDT's ``past#present`` verb lemmas (``گفت#گو``) are reduced to
their past stem so that every corpus follows one convention.

>>> text = "1\\tکتاب‌ها\\tکتاب\\tNOUN\\tN_PL\\tNumber=Plur\\t0\\troot\\t_\\t_\\n"
>>> [s.words[0].lemma for s in parse_conllu(text)]
['کتاب']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc
from spacy.vocab import Vocab

from persnews.errors import InputFormatError
from persnews.normalize import normalize

__all__ = [
    "Sentence",
    "Word",
    "gold_norm",
    "lemma_convention",
    "parse_conllu",
    "read_conllu",
    "sentence_to_doc",
]


@dataclass(frozen=True, slots=True)
class Word:
    """One syntactic word of a CoNLL-U sentence."""

    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int
    deprel: str
    space_after: bool


@dataclass(slots=True)
class Sentence:
    """A CoNLL-U sentence: its id, text and syntactic words."""

    sent_id: str
    text: str
    words: list[Word] = field(default_factory=list)


def gold_norm(form: str) -> str:
    """The ``token.norm_`` the persnews tokenizer gives ``form``: normalized, lower-cased.

    >>> gold_norm("ميگويند") == "می\u200cگویند", gold_norm("NATO")
    (True, 'nato')
    """
    return normalize(form).lower()


def lemma_convention(lemma: str) -> str:
    """Map a treebank lemma onto the persnews convention (past stem for verbs).

    >>> lemma_convention("گفت#گو"), lemma_convention("کتاب")
    ('گفت', 'کتاب')
    """
    if "#" in lemma and len(lemma) > 1:
        past = lemma.split("#", 1)[0]
        return past or lemma
    return lemma


def _space_after(misc: str) -> bool:
    return "SpaceAfter=No" not in misc.split("|")


def parse_conllu(text: str, *, source: str = "<string>") -> Iterator[Sentence]:
    """Parse CoNLL-U text; empty blocks are skipped, empty nodes ignored."""
    sent: Sentence | None = None
    mwt_end = 0
    mwt_space = True
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            if sent is not None and sent.words:
                yield sent
            sent = None
            continue
        if sent is None:
            sent = Sentence(sent_id=f"{source}:{lineno}", text="")
            mwt_end = 0
        if line.startswith("#"):
            key, _, value = line[1:].partition("=")
            if key.strip() == "sent_id":
                sent.sent_id = value.strip()
            elif key.strip() == "text":
                sent.text = value.strip()
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise InputFormatError(f"{source}:{lineno}: expected 10 columns, got {len(cols)}")
        wid = cols[0]
        if "." in wid:
            continue
        if "-" in wid:
            mwt_end = int(wid.split("-")[1])
            mwt_space = _space_after(cols[9])
            continue
        index = int(wid)
        if index < mwt_end:
            space = False
        elif index == mwt_end:
            space = mwt_space
        else:
            space = _space_after(cols[9])
        head = int(cols[6]) if cols[6] not in {"_", ""} else 0
        sent.words.append(
            Word(
                form=cols[1],
                lemma=lemma_convention(cols[2]),
                upos=cols[3],
                xpos=cols[4],
                feats="" if cols[5] == "_" else cols[5],
                head=head,
                deprel=cols[7],
                space_after=space,
            )
        )
    if sent is not None and sent.words:
        yield sent


def read_conllu(path: str | Path) -> list[Sentence]:
    """Read a CoNLL-U file (UTF-8)."""
    path = Path(path)
    return list(parse_conllu(path.read_text(encoding="utf-8"), source=path.name))


def sentence_to_doc(
    vocab: Vocab, sentences: Iterable[Sentence], *, annotate: bool = True, tags: bool = False
) -> Doc:
    """One Doc for one or more sentences; gold annotation when ``annotate``.

    Forms are kept as they are (``token.text``); ``token.norm_`` is the normalized form.
    The root relation is called ``ROOT`` as spaCy expects.
    """
    words: list[str] = []
    spaces: list[bool] = []
    pos: list[str] = []
    morphs: list[str] = []
    lemmas: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    starts: list[bool | int | None] = []
    xpos: list[str] = []
    for sent in sentences:
        offset = len(words)
        for i, w in enumerate(sent.words):
            words.append(w.form)
            spaces.append(w.space_after)
            pos.append(w.upos)
            morphs.append(w.feats)
            lemmas.append(w.lemma)
            xpos.append(w.xpos)
            heads.append(offset + w.head - 1 if w.head > 0 else offset + i)
            deps.append("ROOT" if w.deprel == "root" else w.deprel)
            starts.append(i == 0)
        if spaces:
            spaces[-1] = True
    if annotate:
        doc = Doc(
            vocab,
            words=words,
            spaces=spaces,
            pos=pos,
            morphs=morphs,
            lemmas=lemmas,
            heads=heads,
            deps=deps,
            tags=xpos if tags else None,
        )
    else:
        doc = Doc(vocab, words=words, spaces=spaces, sent_starts=starts)
    for token in doc:
        token.norm_ = gold_norm(token.text)
    return doc
