"""Merging NER-model entities with rule-based names (gazetteer, attributions, patterns).

The trained model generalizes to names no list knows, but its boundaries and labels follow
its training corpora and it errs on common words; the gazetteer is exact on the names it
has. :func:`merge_entities` therefore

1. cleans model entities: edge words that cannot be part of a name (stopwords, verbs,
   time words such as ``دیروز``) are trimmed, a person span is cut before a role noun
   (``امیرعلی صدری مسئول انجمن`` -> ``امیرعلی صدری``), and single generic or very common
   words (``دانشگاه``, ``حزب``, ``سیاه``) are dropped;
2. lets gazetteer and attribution hits win over overlapping model entities (their boundaries
   and labels are known), while a pattern hit (first name + family name ...) gives way to a
   model entity of the same label that contains it (the model saw the whole name);
3. keeps every remaining model entity and rule hit.

>>> text = "امیرعلی صدری مسئول انجمن دانشگاه در ایالات متحده بود"
>>> model = [(0, 32, "PER"), (36, 48, "ORG")]
>>> rules = [(36, 48, "LOC", "gazetteer", "LOC:آمریکا")]
>>> [(text[s:e], label) for s, e, label, _g in merge_entities(text, model, rules)]
[('امیرعلی صدری', 'PER'), ('ایالات متحده', 'LOC')]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from persnews.extract.coref import words
from persnews.extract.names import match_form, phrase_at, phrase_set
from persnews.lang.calendar import RECENT_TIME_ADVERBS, TIME_NOUNS
from persnews.lang.lexicon import hazm_stopwords, is_closed_class, is_common, is_rare
from persnews.lang.titles import FIRST_NAMES, NAME_STOPWORDS, ORG_HEADS, ROLE_HEADS

__all__ = ["RuleSpan", "merge_entities"]

#: ``(start, end, label, source, group)`` of a rule-based name.
RuleSpan = tuple[int, int, str, str, str | None]

_FIRST = {match_form(n) for n in FIRST_NAMES}
_NAME_SUFFIXES = {"نژاد", "زاده", "زاد", "پور", "فر", "راد", "نیا", "منش"}
_STRONG_SOURCES = frozenset({"gazetteer", "attribution", "org-loc"})
_ROLE_PHRASES = phrase_set(ROLE_HEADS)
_GENERIC = {t for p in phrase_set(ORG_HEADS) | _ROLE_PHRASES for t in p}
_TIME = {match_form(w) for w in TIME_NOUNS + RECENT_TIME_ADVERBS}
#: Arabic-style adverbs in ``-اً``, often written without the tanvin (``سریعا``).
_ADVERBS = {
    match_form(w)
    for w in (
        "سریعا",
        "مستقیما",
        "اخیرا",
        "واقعا",
        "قطعا",
        "دقیقا",
        "تقریبا",
        "کاملا",
        "اصلا",
        "فورا",
        "رسما",
        "شخصا",
        "مجددا",
        "بعدا",
        "قبلا",
        "احتمالا",
        "ظاهرا",
        "صرفا",
        "عمدتا",
        "نسبتا",
        "عملا",
        "اساسا",
    )
}
_EDGE_STOP = {match_form(w) for w in NAME_STOPWORDS} | _TIME | _ADVERBS


def _edge_stop(form: str) -> bool:
    return form in _EDGE_STOP or form in hazm_stopwords() or is_closed_class(form)


def clean_model_entity(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """The cleaned ``(start, end)`` of a model entity, or None when nothing is left.

    >>> t = "مهدی کیانپور دیروز گفت"
    >>> clean_model_entity(t, 0, 18, "PER")
    (0, 12)
    >>> clean_model_entity("حزب", 0, 3, "ORG") is None
    True
    """
    ws = [w for w in words(text, start, end) if w.text[0].isalnum()]
    forms = [w.form for w in ws]
    if label == "PER":
        for k in range(1, len(ws)):
            if phrase_at(forms, k, _ROLE_PHRASES):
                ws, forms = ws[:k], forms[:k]
                break
    while ws and _edge_stop(forms[-1]):
        ws, forms = ws[:-1], forms[:-1]
    while ws and _edge_stop(forms[0]):
        ws, forms = ws[1:], forms[1:]
    if not ws:
        return None
    if len(ws) == 1 and (forms[0] in _GENERIC or is_common(forms[0]) or len(forms[0]) < 2):
        return None
    if label == "PER" and (forms[0] in _GENERIC or forms[0].startswith("ال") or forms[0] == "الله"):
        return None  # "روزنامه النهار", "الوطن اونلاین": an outlet, not a person
    # A name has a name-like word: rare in the general lexicon, or a known first name.
    if (label == "PER" or len(ws) == 1) and not any(is_rare(f) or f in _FIRST for f in forms):
        return None
    end = ws[-1].end
    if label == "PER":  # a detached family-name part the model left out: "خلیل" + "زاد"
        after = words(text, end, min(len(text), end + 12))
        if after and after[0].start - end <= 2 and after[0].form in _NAME_SUFFIXES:
            end = after[0].end
    return ws[0].start, end


def merge_entities(
    text: str,
    model: Iterable[tuple[int, int, str]],
    rules: Sequence[RuleSpan],
) -> list[tuple[int, int, str, str | None]]:
    """Model entities and rule hits merged as described in the module docstring.

    Returns sorted, non-overlapping ``(start, end, label, group)``; ``group`` is the
    gazetteer alias group of rule hits (None for model entities).
    """
    kept_rules = list(rules)
    out: list[tuple[int, int, str, str | None]] = []
    for start, end, label in model:
        cleaned = clean_model_entity(text, start, end, label)
        if cleaned is None:
            continue
        s, e = cleaned
        overlapping = [r for r in kept_rules if r[0] < e and s < r[1]]
        if any(r[3] in _STRONG_SOURCES for r in overlapping):
            continue
        if overlapping and not all(r[2] == label and s <= r[0] and r[1] <= e for r in overlapping):
            continue
        for r in overlapping:  # the model saw the whole name: drop the pattern's part
            kept_rules.remove(r)
        out.append((s, e, label, None))
    out.extend((r[0], r[1], r[2], r[4]) for r in kept_rules)
    out.sort(key=lambda x: (x[0], -x[1]))
    merged: list[tuple[int, int, str, str | None]] = []
    for item in out:
        if merged and item[0] < merged[-1][1]:
            continue
        merged.append(item)
    return merged
