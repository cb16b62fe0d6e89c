"""Token and sentence F1 of the persnews tokenizer against UD Persian (Seraji, PerDT).

Method
------
* Gold tokens are the *surface* tokens of the CoNLL-U files: a multiword-token line
  ``N-M`` (``ماتمش`` = ``ماتم`` + ``ش``) counts as one token and its syntactic words are
  skipped, which is how the persnews tokenizer writes them (clitics stay on their word).
  Each token is located in the sentence's ``# text`` line, giving character spans.
* Token F1: every ``# text`` line is tokenized on its own; predicted spans (whitespace
  tokens left out) are compared with gold spans; P/R/F1 are micro-averaged over the file.
* Sentence F1: the ``# text`` lines of a file are joined with one space (the files carry no
  paragraph marks) into one text, which is tokenized and segmented in one go; a predicted
  sentence counts when its character span (surrounding whitespace stripped) equals a gold one.
* hazm 0.12.1 (``WordTokenizer(join_verb_parts=False)``, ``SentenceTokenizer``, reused
  objects) runs on the same input as an anchor; its tokens are located in the text in order.

Usage::

    .venv/bin/python -m benchmarks.tokenization --split test
    .venv/bin/python -m benchmarks.tokenization --split dev --errors 30   # tuning
"""

from __future__ import annotations

import argparse
import collections
from collections.abc import Callable, Iterator
from pathlib import Path

import spacy

from benchmarks._data import data_dir
from persnews.extract.sentences import sentence_starts
from persnews.tokenizer import PersianTokenizer

Span = tuple[int, int]
FILES = {"dev": ("perdt-dev", "seraji-dev"), "test": ("perdt-test", "seraji-test")}


def read_gold(path: Path) -> Iterator[tuple[str, list[Span]]]:
    """Yield ``(text, surface token spans)`` for every sentence of a CoNLL-U file."""
    text: str | None = None
    forms: list[str] = []
    skip_to = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("# text = "):
                text = line[len("# text = ") :]
            elif not line:
                if text is not None and forms:
                    yield text, _locate(text, forms)
                text, forms, skip_to = None, [], 0
            elif not line.startswith("#"):
                cols = line.split("\t")
                ident = cols[0]
                if "-" in ident:
                    skip_to = int(ident.split("-")[1])
                    forms.append(cols[1])
                elif "." not in ident and int(ident) > skip_to:
                    forms.append(cols[1])
    if text is not None and forms:
        yield text, _locate(text, forms)


def _locate(text: str, forms: list[str]) -> list[Span]:
    spans: list[Span] = []
    pos = 0
    for form in forms:
        i = text.find(form, pos)
        if i < 0:
            continue
        spans.append((i, i + len(form)))
        pos = i + len(form)
    return spans


def locate_strings(text: str, tokens: list[str]) -> list[Span]:
    """Spans of ``tokens`` found in order in ``text`` (tokens not found are dropped)."""
    return _locate(text, [t for t in tokens if t.strip()])


def prf(gold: set[Span], pred: set[Span]) -> tuple[int, int, int]:
    return len(gold & pred), len(gold), len(pred)


def score(counts: tuple[int, int, int]) -> tuple[float, float, float]:
    tp, g, p = counts
    prec = tp / p if p else 0.0
    rec = tp / g if g else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return 100 * prec, 100 * rec, 100 * f1


def _sentence_spans(text: str, bounds: list[int], ends: list[int]) -> set[Span]:
    spans = set()
    for k, s in enumerate(bounds):
        e = ends[k]
        piece = text[s:e]
        lead = len(piece) - len(piece.lstrip())
        spans.add((s + lead, s + len(piece.rstrip())))
    return spans


def persnews_runner(nlp: spacy.Language) -> tuple[Callable[[str], list[Span]], Callable]:
    tok = nlp.tokenizer

    def tokens(text: str) -> list[Span]:
        return [(t.idx, t.idx + len(t.text)) for t in tok(text) if not t.is_space]

    def sentences(text: str) -> set[Span]:
        doc = tok(text)
        starts = [doc[i].idx for i in sentence_starts(doc)]
        return _sentence_spans(text, starts, [*starts[1:], len(text)])

    return tokens, sentences


def hazm_runner() -> tuple[Callable[[str], list[Span]], Callable] | None:
    try:
        import hazm  # type: ignore[import-untyped]
    except ImportError:
        return None
    wt = hazm.WordTokenizer(join_verb_parts=False)
    st = hazm.SentenceTokenizer()

    def tokens(text: str) -> list[Span]:
        return locate_strings(text, wt.tokenize(text))

    def sentences(text: str) -> set[Span]:
        spans = locate_strings(text, st.tokenize(text))
        starts = [s for s, _ in spans]
        return _sentence_spans(text, starts, [*starts[1:], len(text)])

    return tokens, sentences


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=sorted(FILES), default="test")
    ap.add_argument("--errors", type=int, default=0, help="print this many token errors")
    ap.add_argument("--no-hazm", action="store_true")
    args = ap.parse_args()

    nlp = spacy.blank("fa", config={"nlp": {"tokenizer": {"@tokenizers": "persnews.Tokenizer.v1"}}})
    assert isinstance(nlp.tokenizer, PersianTokenizer)
    systems = {"persnews": persnews_runner(nlp)}
    if not args.no_hazm and (h := hazm_runner()) is not None:
        systems["hazm 0.12.1"] = h

    rows = []
    for name in FILES[args.split]:
        gold = list(read_gold(data_dir() / "ud" / f"{name}.conllu"))
        joined = " ".join(t for t, _ in gold)
        gold_sents: set[Span] = set()
        pos = 0
        for t, _ in gold:
            gold_sents.add(_strip(pos, t))
            pos += len(t) + 1
        for system, (tok_fn, sent_fn) in systems.items():
            counts = [0, 0, 0]
            errors: collections.Counter[str] = collections.Counter()
            for text, spans in gold:
                pred = tok_fn(text)
                tp, g, p = prf(set(spans), set(pred))
                counts[0] += tp
                counts[1] += g
                counts[2] += p
                if args.errors and system == "persnews":
                    for s, e in sorted(set(spans) - set(pred)):
                        errors[f"gold {text[s:e]!r}"] += 1
                    for s, e in sorted(set(pred) - set(spans)):
                        errors[f"pred {text[s:e]!r} in {text[max(s - 15, 0) : e + 15]!r}"] += 1
            sc = score((counts[0], counts[1], counts[2]))
            pred_sents = sent_fn(joined)
            ss = score(prf(gold_sents, pred_sents))
            rows.append((name, system, *sc, *ss))
            if errors:
                print(f"-- {name}: most frequent token errors")
                for err, c in errors.most_common(args.errors):
                    print(f"{c:5d}  {err}")
            if args.errors and system == "persnews":
                missed = sorted(gold_sents - pred_sents)[: args.errors]
                print(f"-- {name}: {len(gold_sents - pred_sents)} gold sentences missed, e.g.")
                for s, e in missed[:10]:
                    print(f"   {joined[max(s - 30, 0) : s]!r} | {joined[s : min(e, s + 60)]!r}")
                extra = sorted(pred_sents - gold_sents)[: args.errors]
                print(f"-- {name}: {len(pred_sents - gold_sents)} predicted not in gold, e.g.")
                for s, e in extra[:10]:
                    print(f"   {joined[max(s - 30, 0) : s]!r} | {joined[s : min(e, s + 60)]!r}")

    header = (
        "| file | system | token P | token R | token F1 | sent P | sent R | sent F1 |\n"
        "|---|---|---:|---:|---:|---:|---:|---:|"
    )
    print(header)
    for name, system, tp, tr, tf, sp, sr, sf in rows:
        print(
            f"| {name} | {system} | {tp:.2f} | {tr:.2f} | {tf:.2f} | "
            f"{sp:.2f} | {sr:.2f} | {sf:.2f} |"
        )
    for system in systems:
        sub = [r for r in rows if r[1] == system]
        print(
            f"{system}: mean token F1 {sum(r[4] for r in sub) / len(sub):.2f}, "
            f"mean sentence F1 {sum(r[7] for r in sub) / len(sub):.2f}"
        )


def _strip(pos: int, text: str) -> Span:
    lead = len(text) - len(text.lstrip())
    return pos + lead, pos + len(text.rstrip())


if __name__ == "__main__":
    main()
