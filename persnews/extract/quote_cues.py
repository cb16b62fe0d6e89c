"""Finding quotation cues in segmented text.

Cues are matched on word keys (see :mod:`persnews.extract.quote_text`) against the
inflected forms of the lexicon in :mod:`persnews.lang.cues`: simple speech verbs
(``گفت``, ``می‌گوید``, ``گفته‌اند``), light-verb pairs (``اظهار داشت``, ``تاکید کرده است``),
participial cues (``با بیان اینکه``) and according-to markers (``به گفته``). Negated,
modal, hypothetical and passive uses are not cues.

>>> from persnews.extract.quote_text import segment
>>> [(c.lemma, c.kind) for c in find_cues(segment("وی تأکید کرد که باید رفت و نگفت که بماند."))]
[('تاکید کردن', 'verb')]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from persnews.extract.quote_text import Segmented, key
from persnews.lang.cues import (
    ACCORDING_TO_MARKERS,
    CLAUSE_ONLY_NOMINALS,
    COPULA_CUES,
    LIGHT_VERB_CUES,
    LIGHT_VERBS,
    MODAL_BLOCKERS,
    PARTICIPIAL_CUES,
    SPEECH_VERBS,
)

__all__ = ["Cue", "find_cues", "is_cue_word"]

# third person only: first and second person ("گفتم", "می‌گویی") are the narrator's or an
# interviewer's own words, not reported speech
_PAST_ENDINGS = ("", "ند")
_PRESENT_ENDINGS = ("د", "ند")
_PERFECT_JOINED = ("ه", "هاست", "هاند")
_AUXILIARIES = frozenset({"است", "اند", "بود", "بودند", "بوده"})
_SUBJUNCTIVE_AUX = frozenset({"باشد", "باشند", "باشم", "باشیم", "باشی", "باشید"})
_PERSONAL_AUX = frozenset({"ام", "ای", "ایم", "اید", "بودم", "بودی", "بودیم", "بودید"})
_PASSIVE_AFTER = frozenset({"شد", "شده", "شدهاست", "میشود", "میشد", "شود", "شدند", "میشوند"})
_NO_BARE_PERFECT = frozenset({"نوشت", "خواست"})
_NOUN_BEFORE = frozenset({"به", "طبق", "بنابر", "این", "آن", "ان", "همین", "بر"})
_SPEAK_NOUNS = frozenset({"سخن", "حرف", "دروغ", "راست", "ناسزا", "تبریک", "تسلیت"})


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue: word range ``[first, last)`` in the segmented text, lemma and kind.

    ``kind`` is ``"verb"`` (reporting verb), ``"participial"`` (``با بیان اینکه``) or
    ``"according_to"`` (``به گفته``). ``verb_at`` is the index of the verb proper (after a
    light-verb nominal); ``clause_only`` cues need a clause after them.
    """

    first: int
    last: int
    lemma: str
    kind: str
    verb_at: int
    clause_only: bool = False


@dataclass(frozen=True, slots=True)
class _Form:
    stem: str  # past stem it inflects (for light verbs), or lemma for simple verbs
    negated: bool
    bare_perfect: bool


def _inflect(past: str, present: str, *, dar_like: bool) -> dict[str, tuple[bool, bool]]:
    """Forms of a verb -> (negated, bare perfect)."""
    forms: dict[str, tuple[bool, bool]] = {}
    for neg in (False, True):
        n = "ن" if neg else ""
        for e in _PAST_ENDINGS:
            forms[n + past + e] = (neg, False)
            forms[("نمی" if neg else "می") + past + e] = (neg, False)
        for e in _PERFECT_JOINED:
            forms[n + past + e] = (neg, e == "ه")
        if present:
            for e in _PRESENT_ENDINGS:
                forms[("نمی" if neg else "می") + present + e] = (neg, False)
                if dar_like:
                    forms[n + present + e] = (neg, False)
            if present.endswith("ی"):
                for e in _PRESENT_ENDINGS:
                    forms[("نمی" if neg else "می") + present[:-1] + e] = (neg, False)
    return forms


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, tuple[str, bool, bool]], dict[str, tuple[str, bool, bool]]]:
    simple: dict[str, tuple[str, bool, bool]] = {}
    for lemma, (past, present) in SPEECH_VERBS.items():
        for form, (neg, bare) in _inflect(key(past), key(present), dar_like=False).items():
            if lemma == "خواستن" and (bare or form.startswith(("می", "نمی")) or "ه" in form[4:]):
                continue
            simple.setdefault(form, (lemma, neg, bare))
    light: dict[str, tuple[str, bool, bool]] = {}
    for past, present in LIGHT_VERBS.values():
        dar_like = past == "داشت"
        for form, (neg, bare) in _inflect(key(past), key(present), dar_like=dar_like).items():
            light.setdefault(form, (past, neg, bare))
    return simple, light


@lru_cache(maxsize=1)
def _nominals() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Nominal key -> (nominal as written in the lexicon, light-verb past stems)."""
    return {key(n): (n, tuple(key(v) for v in vs)) for n, vs in LIGHT_VERB_CUES.items()}


@lru_cache(maxsize=1)
def _word_sequences() -> tuple[dict[str, list[tuple[str, ...]]], list[tuple[str, ...]]]:
    """According-to markers by first word (longest first), participial nominals."""
    markers: dict[str, list[tuple[str, ...]]] = {}
    for m in sorted((tuple(key(m).split()) for m in ACCORDING_TO_MARKERS), key=len, reverse=True):
        markers.setdefault(m[0], []).append(m)
    parts = sorted((tuple(key(p).split()) for p in PARTICIPIAL_CUES), key=len, reverse=True)
    return markers, parts


def _keys(seg: Segmented, i: int, n: int) -> tuple[str, ...]:
    return tuple(w.key for w in seg.words[i : i + n])


def is_cue_word(word_key: str) -> bool:
    """True for the key of a simple speech-verb form (``گفت``, ``افزود``)."""
    return word_key in _tables()[0]


def _is_goftogu(seg: Segmented, i: int) -> bool:
    """``گفت و گو`` / ``گفت وگو`` (conversation), not the verb."""
    nxt = _keys(seg, i + 1, 2)
    return nxt[:1] in (("وگو",), ("وگوی",)) or nxt == ("و", "گو") or nxt == ("و", "گوی")


def _blocked_before(seg: Segmented, first: int) -> bool:
    """Modal or hypothetical context right before the cue."""
    if first > 0 and seg.words[first - 1].key in MODAL_BLOCKERS:
        return True
    start = seg.sentence_start[first]
    for j in range(first - 1, max(start, first - 6) - 1, -1):
        k = seg.words[j].key
        if k in ("،", ",", ":", "که"):
            break
        if k in ("اگر", "چنانچه", "درصورتیکه"):
            return True
    return False


def _extend_aux(seg: Segmented, i: int) -> tuple[int, bool]:
    """Index past an auxiliary after a bare perfect form; True when it blocks the cue
    (subjunctive ``گفته باشد``, first or second person ``گفته‌ایم``, ``کرده بودیم``)."""
    if i + 1 < len(seg.words):
        nk = seg.words[i + 1].key
        if nk in _AUXILIARIES:
            return i + 2, False
        if nk in _SUBJUNCTIVE_AUX or nk in _PERSONAL_AUX:
            return i + 2, True
    return i + 1, False


def find_cues(seg: Segmented) -> list[Cue]:
    """All quotation cues in ``seg``, in text order."""
    simple, light = _tables()
    nominals = _nominals()
    markers, parts = _word_sequences()
    words = seg.words
    cues: list[Cue] = []
    i = 0
    n = len(words)
    while i < n:
        k = words[i].key
        cue: Cue | None = None
        # according-to markers and participial cues
        for m in markers.get(k, ()):
            if _keys(seg, i, len(m)) == m:
                cue = Cue(i, i + len(m), " ".join(m), "according_to", i)
                break
        if cue is None and k in ("با", "ضمن"):
            for p in parts:
                if _keys(seg, i + 1, len(p)) != p:
                    continue
                j = i + 1 + len(p)
                after = _keys(seg, j, 2)
                if after[:1] in (("اینکه",), ("براینکه",)):
                    cue = Cue(i, j + 1, " ".join(p), "participial", i)
                elif after in (("این", "که"), ("بر", "اینکه")):
                    cue = Cue(i, j + 2, " ".join(p), "participial", i)
                if cue:
                    break
        if cue is None and k in light:
            past, neg, bare = light[k]
            for size in (2, 1):
                if i - size < 0:
                    continue
                nk = " ".join(w.key for w in words[i - size : i])
                entry = nominals.get(nk)
                if entry is None or past not in entry[1]:
                    continue
                last, subj = _extend_aux(seg, i) if bare else (i + 1, False)
                if not neg and not subj and not _blocked_before(seg, i - size):
                    lemma = f"{nk} {_INFINITIVE.get(past, past)}"
                    cue = Cue(i - size, last, lemma, "verb", i, nk in CLAUSE_ONLY_NOMINALS)
                break
        if cue is None and k not in simple and k[:1] == "و" and k[1:] in simple:
            k = k[1:]  # "وگفت": the conjunction written joined to the verb
        if cue is None and k in simple:
            lemma, neg, bare = simple[k]
            prev = words[i - 1].key if i > 0 else ""
            last, subj = _extend_aux(seg, i) if bare else (i + 1, False)
            nxt = words[last].key if last < n else ""
            ok = not neg and not subj and not _blocked_before(seg, i)
            if bare and (prev in _NOUN_BEFORE or words[i].key[:-1] in _NO_BARE_PERFECT):
                ok = False
            if nxt in _PASSIVE_AFTER or (k == "گفت" and _is_goftogu(seg, i)):
                ok = False
            if lemma == "گفتن" and prev in _SPEAK_NOUNS:
                ok = False  # "سخن گفت" = spoke
            if ok and lemma == "خواستن":
                before = [w.key for w in words[max(0, i - 6) : i]]
                ok = "از" in before
            if ok:
                cue = Cue(i, last, lemma, "verb", i)
        if cue is None and k in _COPULA_FORMS:
            cue = Cue(i, i + 1, _COPULA_FORMS[k], "verb", i)
        if cue is None and k in _COPULA_KEYS and i + 1 < n and words[i + 1].key in _COPULAS:
            cue = Cue(i, i + 2, _COPULA_KEYS[k], "verb", i)
        if cue is None and k in ("امده", "امدهاست") and _keys(seg, i - 1, 1) != ("شده",):
            last, _ = _extend_aux(seg, i) if k == "امده" else (i + 1, False)
            if last < n and words[last].key == ":":
                cue = Cue(i, last, "آمدن", "verb", i)
        if cue is not None:
            cues.append(cue)
            i = cue.last
        else:
            i += 1
    return cues


_INFINITIVE = {key(past): key(inf) for inf, (past, _present) in LIGHT_VERBS.items()}
_COPULA_KEYS = {key(a): lemma for a, lemma in COPULA_CUES.items()}
_COPULAS = frozenset({"است", "اند", "بود", "بودند", "هستند", "هست", "هستیم", "بوده"})
_COPULA_FORMS = {key(a) + e: lemma for a, lemma in COPULA_CUES.items() for e in ("ند",)}
