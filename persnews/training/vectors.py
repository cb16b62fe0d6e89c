"""Train small word vectors (word2vec, gensim) on the *training* text of the shared data.

Text: the raw PerDT/Seraji train-split sentences (``raw/``), the training portions of the
UD files (our carve-out excluded) and the NER training files.  No dev or test text is
used.  Tokens are keyed by their normalized form (:func:`gold_norm`), and the spaCy
vectors table is built with ``attr = NORM`` so that look-ups use ``token.norm_``.

>>> simple_tokens("سلام، دنیا!")
['سلام', '،', 'دنیا', '!']
"""

from __future__ import annotations

import lzma
import re
from collections.abc import Iterator
from pathlib import Path

from persnews.training.conllu import gold_norm, read_conllu
from persnews.training.corpora import UD_DEV_CARVED, UD_TRAIN, carve_index, require
from persnews.training.ner_data import NER_FILES, read_ner

__all__ = ["build_vectors", "simple_tokens", "training_sentences"]

_TOKEN = re.compile(r"[\w\u200c\u064b-\u065f]+|[^\w\s]", re.UNICODE)


def simple_tokens(text: str) -> list[str]:
    """Split raw text into words and punctuation marks (ZWNJ stays inside words)."""
    return _TOKEN.findall(text)


def training_sentences(data_dir: Path) -> Iterator[list[str]]:
    """Normalized token lists of every training sentence used for the vectors."""
    raw = ("raw/perdt-train-tokens.txt.xz", "raw/seraji-train-raw.txt.xz")
    for rel in raw:
        with lzma.open(require(data_dir, rel), "rt", encoding="utf-8") as handle:
            for line in handle:
                toks = line.split() if "tokens" in rel else simple_tokens(line)
                if toks:
                    yield [gold_norm(t) for t in toks]
    for rel in UD_DEV_CARVED:
        for i, sent in enumerate(read_conllu(require(data_dir, rel))):
            if not carve_index(i):
                yield [gold_norm(w.form) for w in sent.words]
    for rel in UD_TRAIN:
        for sent in read_conllu(require(data_dir, rel)):
            yield [gold_norm(w.form) for w in sent.words]
    for corpus, files in NER_FILES.items():
        for rel in files["train"]:
            for toks, _tags in read_ner(require(data_dir, rel), corpus):
                yield [gold_norm(t) for t in toks]


def build_vectors(
    data_dir: Path,
    out_dir: Path,
    *,
    dim: int = 100,
    keep: int = 30000,
    epochs: int = 5,
    seed: int = 20261129,
) -> Path:
    """Train word2vec and write a spaCy vectors pipeline (``out_dir/vectors``, NORM-keyed)."""
    from gensim.models import Word2Vec  # optional dependency, training only
    from spacy.cli.init_pipeline import init_vectors_cli

    sents = list(training_sentences(data_dir))
    model = Word2Vec(
        sentences=sents,
        vector_size=dim,
        window=5,
        min_count=3,
        sg=0,
        workers=2,
        epochs=epochs,
        seed=seed,
        max_final_vocab=keep,
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    txt = out_dir / "vectors.txt"
    model.wv.save_word2vec_format(str(txt), binary=False)
    target = out_dir / "vectors"
    init_vectors_cli(
        lang="fa",
        vectors_loc=txt,
        output_dir=target,
        prune=-1,
        truncate=0,
        mode="default",
        name="persnews_fa_norm_w2v",
        verbose=False,
        jsonl_loc=None,
        attr="NORM",
    )
    return target
