"""Score persnews pipelines against CoNLL-U and NER gold files.

UD scores follow the CoNLL 2018 shared-task conventions the published anchors use:
UPOS and lemma accuracy over syntactic words, UAS/LAS with the universal part of the
relation (``nmod:poss`` counts as ``nmod``), punctuation included.  With gold
tokenization the words are given to the models; from raw text the pipeline tokenizes
the sentence text itself and words are matched by character span (F1 over words:
a gold multiword token the tokenizer does not split counts as a miss).

NER scores are entity-level exact-match precision/recall/F1 (seqeval style), micro
averaged and per type.

>>> s = Counts(); s.add(correct=3, gold=4, pred=5); round(s.f1, 3)
0.667
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from persnews.training.conllu import Sentence, gold_norm
from persnews.training.ner_data import NerSentence, sentence_doc, spans

__all__ = [
    "Convention",
    "Counts",
    "NerScores",
    "UdScores",
    "annotate_gold_tokens",
    "score_ner",
    "score_ner_raw",
    "score_ud_gold",
    "score_ud_raw",
]


@dataclass(slots=True)
class Counts:
    """Correct / gold / predicted counts with P, R, F1 (in [0, 1])."""

    correct: int = 0
    gold: int = 0
    pred: int = 0

    def add(self, *, correct: int, gold: int, pred: int) -> None:
        self.correct += correct
        self.gold += gold
        self.pred += pred

    @property
    def precision(self) -> float:
        return self.correct / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class UdScores:
    """UD metrics as percentages (F1 over words; equal to accuracy with gold tokens)."""

    words: Counts = field(default_factory=Counts)
    upos: Counts = field(default_factory=Counts)
    lemma: Counts = field(default_factory=Counts)
    feats: Counts = field(default_factory=Counts)
    uas: Counts = field(default_factory=Counts)
    las: Counts = field(default_factory=Counts)

    def table(self) -> dict[str, float]:
        """Metric name -> percentage."""
        return {
            name: round(100 * getattr(self, name).f1, 2)
            for name in ("words", "upos", "feats", "lemma", "uas", "las")
        }


def _universal(dep: str) -> str:
    dep = dep.split(":")[0]
    return "root" if dep == "ROOT" else dep


def _gold_doc(nlp: Language, sent: Sentence) -> Doc:
    words = [w.form for w in sent.words]
    spaces = [w.space_after for w in sent.words]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    for token in doc:
        token.norm_ = gold_norm(token.text)
    if len(doc):
        doc[0].is_sent_start = True
        for token in doc[1:]:
            token.is_sent_start = False
    return doc


def annotate_gold_tokens(
    nlp: Language, sents: Sequence[Sentence], *, batch_size: int = 64
) -> list[Doc]:
    """Run the pipeline components (not the tokenizer) on gold-tokenized sentences."""
    docs = (_gold_doc(nlp, s) for s in sents)
    out: list[Doc] = []
    pipes = [proc for name, proc in nlp.pipeline if not name.startswith("persnews_sentencizer")]
    batch: list[Doc] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= batch_size:
            out.extend(_run(pipes, batch))
            batch = []
    if batch:
        out.extend(_run(pipes, batch))
    return out


def _run(pipes: Sequence[Callable[[Doc], Doc]], docs: list[Doc]) -> list[Doc]:
    for proc in pipes:
        pipe = getattr(proc, "pipe", None)
        docs = list(pipe(docs)) if pipe is not None else [proc(doc) for doc in docs]
    return docs


def _feats_equal(gold: str, token_morph: str) -> bool:
    return gold == token_morph


#: ``(form, predicted UPOS, predicted lemma) -> (UPOS, lemma)`` in a treebank's convention.
Convention = Callable[[str, str, str], tuple[str, str]]


def _as_predicted(form: str, upos: str, lemma: str) -> tuple[str, str]:
    return upos, lemma


def score_ud_gold(
    nlp: Language, sents: Sequence[Sentence], *, convention: Convention | None = None
) -> UdScores:
    """Scores with gold tokenization.

    ``convention`` rewrites each predicted UPOS and lemma before they are compared, to score
    against a treebank with another convention (:func:`persnews.training.harmonize.to_seraji`).
    """
    scores = UdScores()
    convert = convention or _as_predicted
    for sent, doc in zip(sents, annotate_gold_tokens(nlp, sents), strict=True):
        n = len(sent.words)
        c = dict.fromkeys(("upos", "lemma", "feats", "uas", "las"), 0)
        for w, t in zip(sent.words, doc, strict=True):
            upos, lemma = convert(t.text, t.pos_, t.lemma_)
            c["upos"] += upos == w.upos
            c["lemma"] += lemma == w.lemma
            c["feats"] += _feats_equal(w.feats, str(t.morph))
            head_ok = (t.head.i + 1 if t.head.i != t.i else 0) == w.head
            c["uas"] += head_ok
            c["las"] += head_ok and _universal(t.dep_) == _universal(w.deprel)
        scores.words.add(correct=n, gold=n, pred=n)
        for key, value in c.items():
            getattr(scores, key).add(correct=value, gold=n, pred=n)
    return scores


def _gold_token_spans(sent: Sentence) -> list[tuple[int, int] | None]:
    """Character span in ``sent.text`` of each gold word; ``None`` for words inside an MWT."""
    text = sent.text
    out: list[tuple[int, int] | None] = []
    pos = 0
    for w in sent.words:
        start = text.find(w.form, pos)
        if start < 0 or text[pos:start].strip():
            out.append(None)
            continue
        out.append((start, start + len(w.form)))
        pos = start + len(w.form)
    # words of a multiword token (no space, form not contiguous) are left unaligned
    return out


def score_ud_raw(
    nlp: Language, sents: Sequence[Sentence], *, convention: Convention | None = None
) -> UdScores:
    """Scores from raw sentence text (the pipeline's own tokenizer); ``convention`` as in
    :func:`score_ud_gold`."""
    scores = UdScores()
    convert = convention or _as_predicted
    texts = [s.text for s in sents]
    for sent, doc in zip(sents, nlp.pipe(texts, batch_size=64), strict=True):
        gold_spans = _gold_token_spans(sent)
        by_span = {sp: i for i, sp in enumerate(gold_spans) if sp is not None}
        align: dict[int, int] = {}
        for t in doc:
            j = by_span.get((t.idx, t.idx + len(t.text)))
            if j is not None:
                align[t.i] = j
        n_gold, n_pred = len(sent.words), len(doc)
        c = dict.fromkeys(("words", "upos", "lemma", "feats", "uas", "las"), 0)
        for ti, gi in align.items():
            t, w = doc[ti], sent.words[gi]
            c["words"] += 1
            upos, lemma = convert(t.text, t.pos_, t.lemma_)
            c["upos"] += upos == w.upos
            c["lemma"] += lemma == w.lemma
            c["feats"] += _feats_equal(w.feats, str(t.morph))
            root = t.head.i == t.i
            head_ok = w.head == 0 if root else align.get(t.head.i, -1) + 1 == w.head
            c["uas"] += head_ok
            c["las"] += head_ok and _universal(t.dep_) == _universal(w.deprel)
        for key, value in c.items():
            getattr(scores, key).add(correct=value, gold=n_gold, pred=n_pred)
    return scores


@dataclass(slots=True)
class NerScores:
    """Micro and per-type entity counts."""

    micro: Counts = field(default_factory=Counts)
    per_type: dict[str, Counts] = field(default_factory=dict)

    def table(self) -> dict[str, tuple[float, float, float, int]]:
        """Label (and ``micro``) -> (P, R, F1 as percentages, gold count)."""
        rows = {"micro": self.micro, **dict(sorted(self.per_type.items()))}
        return {
            k: (round(100 * v.precision, 2), round(100 * v.recall, 2), round(100 * v.f1, 2), v.gold)
            for k, v in rows.items()
        }


def score_ner(
    nlp: Language, sents: Iterable[NerSentence], *, labels: Iterable[str] | None = None
) -> NerScores:
    """Entity-level exact-match scores on gold-tokenized sentences.

    ``labels`` restricts both gold and predicted entities to those types (e.g. PEYMA's).
    """
    keep = set(labels) if labels is not None else None
    sents = list(sents)
    docs = [sentence_doc(nlp.vocab, toks) for toks, _ in sents]
    pipes = [proc for name, proc in nlp.pipeline if not name.startswith("persnews_sentencizer")]
    docs = _run(pipes, docs)
    scores = NerScores()
    for (_, tags), doc in zip(sents, docs, strict=True):
        pred = {(e.start, e.end, e.label_) for e in doc.ents}
        _add_entity_counts(scores, spans(tags), pred, keep)
    return scores


def _add_entity_counts(
    scores: NerScores,
    gold: set[tuple[int, int, str]],
    pred: set[tuple[int, int, str]],
    keep: set[str] | None,
) -> None:
    """Add one sentence's exact-match entity counts (micro and per label) to ``scores``."""
    if keep is not None:
        gold = {g for g in gold if g[2] in keep}
        pred = {p for p in pred if p[2] in keep}
    scores.micro.add(correct=len(gold & pred), gold=len(gold), pred=len(pred))
    for label in {g[2] for g in gold} | {p[2] for p in pred}:
        g = {x for x in gold if x[2] == label}
        p = {x for x in pred if x[2] == label}
        scores.per_type.setdefault(label, Counts()).add(
            correct=len(g & p), gold=len(g), pred=len(p)
        )


def score_ner_raw(
    nlp: Language, sents: Iterable[NerSentence], *, labels: Iterable[str] | None = None
) -> NerScores:
    """Entity scores from raw text: gold tokens joined by spaces, re-tokenized by ``nlp``.

    Entities match when their character spans and labels are identical.
    """
    keep = set(labels) if labels is not None else None
    sents = list(sents)
    texts: list[str] = []
    golds: list[set[tuple[int, int, str]]] = []
    for toks, tags in sents:
        starts: list[int] = []
        pos = 0
        for tok in toks:
            starts.append(pos)
            pos += len(tok) + 1
        texts.append(" ".join(toks))
        golds.append(
            {(starts[s], starts[e - 1] + len(toks[e - 1]), lab) for s, e, lab in spans(tags)}
        )
    scores = NerScores()
    for gold, doc in zip(golds, nlp.pipe(texts, batch_size=64), strict=True):
        pred = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
        _add_entity_counts(scores, gold, pred, keep)
    return scores
