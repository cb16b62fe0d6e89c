"""Word segmentation with lookup keys for the quotation extractor.

The extractor works on its own light segmentation of the original text so that it
behaves the same whatever the tokenizer and models do: words and punctuation marks with
character offsets into the original, a lookup *key* per word (Arabic letters unified,
``أ``/``آ`` as ``ا``, diacritics and ZWNJ removed), ``می``/``نمی`` written apart joined
to the next word, the paragraph of each word, and the sentence ends.

>>> t = segment("وی گفت: «می گویم.»")
>>> [w.key for w in t.words]
['وی', 'گفت', ':', '«', 'میگویم', '.', '»']
>>> t.words[4].text
'می گویم'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["QUOTE_CLOSE", "QUOTE_OPEN", "Segmented", "Word", "key", "segment"]

_KEY_TABLE = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ئ": "ی",
        "ك": "ک",
        "ۀ": "ه",
        "ة": "ه",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "\u200c": None,
        "\u200d": None,
        "\u200f": None,
        "\u200e": None,
        "ـ": None,
        "\u00ad": None,
    }
)
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")

_TOKEN = re.compile(
    r"[0-9۰-۹٠-٩]+(?:[.,/٫٬:][0-9۰-۹٠-٩]+)*"
    r"|[\w\u064b-\u065f\u0670\u200c\u200d]+"
    r"|\n"
    r"|[^\s\w]",
    re.UNICODE,
)

QUOTE_OPEN = frozenset({"«", '"', "“", "„"})
QUOTE_CLOSE = frozenset({"»", '"', "”"})
_SENTENCE_END = frozenset({".", "!", "?", "؟", "…"})


def key(text: str) -> str:
    """The lookup key of a word or phrase (spaces kept between words).

    >>> key("تأكيد كرد") == key("تاکید کرد")
    True
    """
    out = _DIACRITICS.sub("", text.translate(_KEY_TABLE))
    return " ".join(out.replace("\u00a0", " ").split())


@dataclass(frozen=True, slots=True)
class Word:
    """A word or punctuation mark: offsets into the original text, key, paragraph."""

    start: int
    end: int
    text: str
    key: str
    para: int

    @property
    def is_punct(self) -> bool:
        """True for a punctuation mark."""
        return not any(ch.isalnum() for ch in self.key)


@dataclass(slots=True)
class Segmented:
    """The words of a text with sentence and quotation-mark bookkeeping."""

    text: str
    words: list[Word]
    sentence_end: list[int] = field(default_factory=list)  # word index -> index of its sentence end
    sentence_start: list[int] = field(default_factory=list)
    close_of: dict[int, int] = field(default_factory=dict)  # index of « -> index of »
    open_of: dict[int, int] = field(default_factory=dict)

    def para_end(self, i: int) -> int:
        """Index one past the last word of word ``i``'s paragraph."""
        para = self.words[i].para
        j = i
        while j < len(self.words) and self.words[j].para == para:
            j += 1
        return j


def segment(text: str) -> Segmented:
    """Split ``text`` into words with keys, sentences and matched quotation marks."""
    words: list[Word] = []
    para = 0
    pending_mi: Word | None = None
    soft = _soft_breaks(text)
    for m in _TOKEN.finditer(text):
        tok = m.group()
        if tok == "\n" and m.start() in soft:
            continue
        if tok == "\n":
            if pending_mi is not None:
                words.append(pending_mi)
                pending_mi = None
            para += 1
            continue
        k = key(tok)
        if pending_mi is not None:
            if k and not (len(k) == 1 and not k.isalnum()) and k[0].isalpha():
                words.append(
                    Word(
                        pending_mi.start,
                        m.end(),
                        text[pending_mi.start : m.end()],
                        pending_mi.key + k,
                        para,
                    )
                )
                pending_mi = None
                continue
            words.append(pending_mi)
            pending_mi = None
        word = Word(m.start(), m.end(), tok, k, para)
        if k in ("می", "نمی"):
            pending_mi = word
            continue
        words.append(word)
    if pending_mi is not None:
        words.append(pending_mi)
    seg = Segmented(text, words)
    _match_quote_marks(seg)
    _sentences(seg)
    return seg


_LINE_ENDS = frozenset('.!?؟:»"”؛')
_WRAP_MIN = 50


def _soft_breaks(text: str) -> set[int]:
    """Newlines of hard-wrapped paragraphs (old newspaper texts wrap at ~80 characters).

    A newline is soft when its line is long, does not end a sentence and the next line
    is not empty; short lines (headlines, subheads) and blank lines keep their breaks.
    """
    soft: set[int] = set()
    line_start = 0
    for pos, ch in enumerate(text):
        if ch != "\n":
            continue
        line = text[line_start:pos].rstrip()
        nxt = text[pos + 1 : pos + 2]
        if len(line) >= _WRAP_MIN and line[-1] not in _LINE_ENDS and nxt.strip():
            soft.add(pos)
        line_start = pos + 1
    return soft


def _match_quote_marks(seg: Segmented) -> None:
    stack: list[int] = []
    straight: int | None = None
    for i, w in enumerate(seg.words):
        if w.key in ("«", "“", "„"):
            stack.append(i)
        elif w.key in ("»", "”"):
            if stack:
                o = stack.pop()
                seg.close_of[o] = i
                seg.open_of[i] = o
        elif w.key == '"':
            if straight is None:
                straight = i
            else:
                seg.close_of[straight] = i
                seg.open_of[i] = straight
                straight = None
        if i + 1 < len(seg.words) and seg.words[i + 1].para != w.para:
            stack.clear()
            straight = None


def _sentences(seg: Segmented) -> None:
    words = seg.words
    n = len(words)
    ends = [n] * n
    starts = [0] * n
    start = 0
    depth = 0
    for i, w in enumerate(words):
        if i in seg.close_of:
            depth += 1
        elif i in seg.open_of:
            depth = max(depth - 1, 0)
        last_in_para = i + 1 >= n or words[i + 1].para != w.para
        closes_sentence = i in seg.open_of and i > 0 and words[i - 1].key in _SENTENCE_END
        boundary = last_in_para or (depth == 0 and (w.key in _SENTENCE_END or closes_sentence))
        if boundary:
            for j in range(start, i + 1):
                starts[j] = start
                ends[j] = i + 1
            start = i + 1
            if last_in_para:
                depth = 0
    seg.sentence_end = ends
    seg.sentence_start = starts
