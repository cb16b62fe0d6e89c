"""Role nouns, appositions, anaphoric noun phrases and pronouns (rule-based).

Works on a light word view of the original text (:func:`words`): letters and digits
runs (ZWNJ separates words) and single punctuation marks, each with original offsets and
match form. The rules (documented in ``docs/entities.md``):

* apposition ``NAME، ROLE`` and pre-nominal ``ROLE NAME``: the role phrase becomes a role
  mention of the name's entity;
* a later role phrase equal to (or a token subsequence of) a recorded role refers to that
  entity; ``این/همین`` + role or anaphoric head (``این مقام``, ``این دیپلمات``) refers to
  the most recent person in subject position;
* ``وی``, ``او``, ``ایشان`` and subjectless continuations refer to the most recent person in
  subject position, unless an anonymous speaker (``یکی از مقام‌ها ... گفت``) came later.

>>> [w.form for w in words("وی افزود، رئیس‌جمهور")]
['وی', 'افزود', '،', 'رییس', 'جمهور']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from persnews.extract.names import match_form, phrase_at, phrase_set
from persnews.lang.titles import (
    ANAPHORIC_DETERMINERS,
    ANAPHORIC_HEADS,
    ANONYMOUS_SUBJECTS,
    PERSON_PRONOUNS,
    ROLE_HEADS,
    ROLE_STOPWORDS,
    SPEECH_VERBS,
)

__all__ = [
    "Word",
    "WordList",
    "anonymous_speakers",
    "forms_of",
    "is_sentence_break",
    "role_phrase",
    "role_tokens",
    "roles_compatible",
    "words",
]

_WORD = re.compile(r"[^\W_]+|[^\w\s\u200c\u200d]")
_SENTENCE_END = frozenset(".!?؟\n")
_ROLE_END = frozenset('،,.:؛;!?؟«»"()[]\n')

ROLE_PHRASES = phrase_set(ROLE_HEADS)
ANAPHORIC_PHRASES = phrase_set(ANAPHORIC_HEADS) | ROLE_PHRASES
SPEECH_PHRASES = phrase_set(SPEECH_VERBS)
_STOP = {match_form(w) for w in ROLE_STOPWORDS} | {match_form(w) for w in SPEECH_VERBS}
_DETERMINERS = {match_form(w) for w in ANAPHORIC_DETERMINERS}
_PRONOUNS = {match_form(w) for w in PERSON_PRONOUNS}
_ANON = [tuple(match_form(a).split()) for a in ANONYMOUS_SUBJECTS]
#: Titles that start a name, so they end a role phrase (not امام/امیر: دانشگاه امام صادق).
_NAME_TITLES = phrase_set(
    [
        "آقای",
        "خانم",
        "دکتر",
        "مهندس",
        "سردار",
        "سرلشکر",
        "سرتیپ",
        "سرهنگ",
        "ژنرال",
        "آیت\u200cالله",
        "حجت\u200cالاسلام",
        "حضرت",
        "حاج",
    ]
)
_ROLE_IN = {"امور", "سازمان", "شورای", "مجلس", "وزارت"}  # "نماینده ایران در سازمان ملل"
_ROLE_FILLERS = {"امور", "محترم", "کشورمان", "سابق", "پیشین", "وقت", "فعلی", "جدید"}


@dataclass(frozen=True, slots=True)
class Word:
    """A word or punctuation mark: original offsets, original text and match form."""

    start: int
    end: int
    text: str
    form: str


class WordList(list[Word]):
    """A list of :class:`Word` that also keeps their match forms (``.forms``)."""

    forms: list[str]


@lru_cache(maxsize=65536)
def _form(tok: str) -> str:
    return match_form(tok) or tok


def words(text: str, start: int = 0, end: int | None = None) -> WordList:
    """Words and punctuation of ``text[start:end]`` with original offsets."""
    stop = len(text) if end is None else end
    found = []
    for m in _WORD.finditer(text, start, stop):
        tok = m.group()
        found.append(Word(m.start(), m.end(), tok, _form(tok) if tok[0].isalnum() else tok))
    for nl in re.finditer(r"\n", text[start:stop]):
        pos = start + nl.start()
        found.append(Word(pos, pos + 1, "\n", "\n"))
    found.sort(key=lambda w: w.start)
    out = WordList(found)
    out.forms = [w.form for w in found]
    return out


def forms_of(ws: Sequence[Word]) -> list[str]:
    """The match forms of ``ws`` (precomputed for a :class:`WordList`)."""
    forms = getattr(ws, "forms", None)
    return forms if forms is not None else [w.form for w in ws]


def is_sentence_break(w: Word) -> bool:
    """Whether ``w`` ends a sentence (``. ! ? ؟`` or a line break)."""
    return w.form in _SENTENCE_END


def role_phrase(ws: Sequence[Word], i: int, *, max_len: int = 8) -> int:
    """Number of words of the role phrase starting at ``ws[i]`` (0 when none starts there).

    The phrase is a role head followed by modifiers up to punctuation, a stopword or a
    speech verb.

    >>> ws = words("یوری اوشاکف، معاون پوتین نیز گفت")
    >>> [w.text for w in ws[3 : 3 + role_phrase(ws, 3)]]
    ['معاون', 'پوتین']
    """
    forms = forms_of(ws)
    head = phrase_at(forms, i, ROLE_PHRASES)
    if head == 0:
        return 0
    j = i + head
    while j < len(ws) and j - i < max_len:
        f = ws[j].form
        if f in _ROLE_END or f in _STOP or f in _PRONOUNS or phrase_at(forms, j, SPEECH_PHRASES):
            break
        if f == "و" and j + 1 < len(ws) and phrase_at(forms, j + 1, ROLE_PHRASES):
            j += 1  # "دبیر شورای عالی و دبیر کمیسیون": a coordinated second role
            continue
        if phrase_at(forms, j, _NAME_TITLES):
            break  # "... حضرت آیت‌الله": a title starts the next name
        if f == "و" or (f == "در" and (j + 1 >= len(ws) or ws[j + 1].form not in _ROLE_IN)):
            break
        j += 1
    return j - i


def role_tokens(text: str) -> tuple[str, ...]:
    """The comparable tokens of a role phrase: match form without determiners and fillers.

    >>> role_tokens("این وزیر امور خارجه")
    ('وزیر', 'خارجه')
    """
    toks = match_form(text).split()
    return tuple(t for t in toks if t not in _DETERMINERS and t not in _ROLE_FILLERS)


def roles_compatible(mention: Sequence[str], recorded: Sequence[str]) -> bool:
    """Whether a role phrase can refer to an entity known under ``recorded``: same head,
    and the mention's tokens are a subsequence of the recorded ones.

    >>> roles_compatible(("وزیر", "خارجه"), ("وزیر", "خارجه", "روسیه"))
    True
    >>> roles_compatible(("وزیر", "خارجه", "امریکا"), ("وزیر", "خارجه", "روسیه"))
    False
    """
    if not mention or not recorded or mention[0] != recorded[0]:
        return False
    it = iter(recorded)
    return all(any(t == r for r in it) for t in mention)


def is_anaphoric(ws: Sequence[Word], i: int) -> bool:
    """Whether ``ws[i]`` is a demonstrative followed by an anaphoric head (``این مقام``)."""
    if ws[i].form not in _DETERMINERS or i + 1 >= len(ws):
        return False
    return phrase_at(forms_of(ws), i + 1, ANAPHORIC_PHRASES) > 0


def is_pronoun(w: Word) -> bool:
    """Whether ``w`` is a person pronoun (``وی``, ``او``, ``ایشان``)."""
    return w.form in _PRONOUNS


def speech_verb_follows(ws: Sequence[Word], i: int, *, window: int = 12) -> bool:
    """Whether a speech verb follows ``ws[i]`` in the same sentence, before a colon."""
    forms = forms_of(ws)
    for j in range(i, min(len(ws), i + window)):
        if forms[j] in _SENTENCE_END or forms[j] in (":", "«"):
            return False
        if phrase_at(forms, j, SPEECH_PHRASES):
            return True
    return False


def anonymous_speakers(ws: Sequence[Word]) -> list[int]:
    """Start offsets of anonymous subjects of a speech verb (``یکی از مقام‌های ارشد ... گفت``).

    >>> text = "یکی از مقام‌های ارشد آمریکا گفت: ..."
    >>> anonymous_speakers(words(text))
    [0]
    """
    out = []
    forms = forms_of(ws)
    for i in range(len(ws)):
        if i > 0 and forms[i - 1] not in _SENTENCE_END and forms[i - 1] not in ("،", ",", ":"):
            continue
        for pattern in _ANON:
            n = len(pattern)
            got = forms[i : i + n]
            if len(got) == n and all(
                g == p or g.startswith(p) for g, p in zip(got, pattern, strict=True)
            ):
                if speech_verb_follows(ws, i + n):
                    out.append(ws[i].start)
                break
    return out
