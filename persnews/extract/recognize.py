"""Rule-based name candidates: gazetteer hits and name patterns, used beside the NER model.

* gazetteer aliases (:mod:`persnews.lang.gazetteer`), found with one Aho-Corasick pass;
* a title followed by a name (``سردار قاسم سلیمانی``, ``دکتر نوربالا``);
* a known first name followed by a family name (``امیرعلی صدری``);
* up to three words before an apposition ``، ROLE`` (``جن ساکی، سخنگوی ...``).

Each candidate carries the gazetteer group (``"LOC:آمریکا"``) when it has one, so the
clustering can merge aliases that share no letters.

>>> [(c.text, c.label) for c in find_candidates("سرتیپ بهرام کیانی در بغداد بود.")]
[('سرتیپ بهرام کیانی', 'PER'), ('بغداد', 'LOC')]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from persnews.errors import check_choice
from persnews.extract.coref import Word, forms_of, role_phrase, words
from persnews.extract.linking import AliasMatcher
from persnews.extract.names import SearchText, match_form, phrase_at, phrase_set
from persnews.lang.calendar import RELATIVE_TIME_ADJECTIVES, TIME_NOUNS
from persnews.lang.gazetteer import load_gazetteer
from persnews.lang.lexicon import (
    hazm_stopwords,
    is_closed_class,
    is_common,
    is_rare,
    lexicon,
    verb_forms,
)
from persnews.lang.titles import FIRST_NAMES, HONORIFICS, NAME_STOPWORDS, ORG_HEADS, ROLE_HEADS

__all__ = ["Candidate", "find_candidates", "gazetteer_matcher"]

_HONORIFICS = phrase_set(HONORIFICS)
_ROLE_PHRASES = phrase_set(ROLE_HEADS)
_FIRST = {match_form(n) for n in FIRST_NAMES}
_FIRST_PHRASES = phrase_set(FIRST_NAMES)
_STOP = {match_form(w) for w in NAME_STOPWORDS}
_NOT_NAME = (
    {t for p in phrase_set(ROLE_HEADS) for t in p}
    | {t for p in phrase_set(ORG_HEADS) for t in p}
    | _STOP
)
#: Ambiguous first names that are also common words (جو "mood", رضا "consent" ...).
_AMBIGUOUS_FIRST = {
    match_form(n)
    for n in [
        "جو",
        "جان",
        "شی",
        "پل",
        "مری",
        "رها",
        "ندا",
        "نادر",
        "عادل",
        "کمال",
        "جمال",
        "امیر",
        "امین",
        "کریم",
        "رضا",
        "حافظ",
        "خلیل",
        "اسد",
    ]
}
#: Family-name parts written as separate words (``قلی نژاد``, ``خلیل زاد``).
_NAME_SUFFIXES = {"نژاد", "زاده", "زاد", "پور", "فر", "راد", "نیا", "منش", "ابادی", "لو", "وند"}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A name span found by rules: original offsets, text, label, source and group."""

    start: int
    end: int
    text: str
    label: str
    source: str
    group: str | None = None


@lru_cache(maxsize=1)
def gazetteer_matcher() -> AliasMatcher[tuple[str, str]]:
    """The matcher over every alias of the shipped gazetteer; payload = (label, group)."""
    return AliasMatcher(
        (alias, (e.label, f"{e.label}:{e.canonical}"))
        for e in load_gazetteer()
        for alias in e.aliases
    )


def _is_name_word(w: Word) -> bool:
    return w.text[0].isalpha() and w.form not in _NOT_NAME and len(w.form) >= 2


def _is_compound_first(form: str) -> bool:
    """``امیرمحمد``, ``محمدرضا``: two first names written as one word."""
    return any(form[:k] in _FIRST and form[k:] in _FIRST for k in range(2, len(form) - 1))


def _first_name_chain(ws: Sequence[Word], i: int) -> int:
    forms = forms_of(ws)
    j = i
    while j < len(ws) and j - i < 3 and (j == i or _adjacent(ws, j)):
        n = phrase_at(forms, j, _FIRST_PHRASES)
        if n == 0 and _is_compound_first(forms[j]):
            n = 1
        if n == 0:
            break
        j += n
    return j - i


def _spaced(ws: Sequence[Word], j: int) -> bool:
    """``ws[j]`` follows ``ws[j-1]`` after a space (a ZWNJ alone joins a suffix: بخش‌های)."""
    return _adjacent(ws, j) and ws[j].start > ws[j - 1].end and ws[j].start - ws[j - 1].end <= 2


def _adjacent(ws: Sequence[Word], j: int) -> bool:
    """Whether ``ws[j]`` follows ``ws[j-1]`` with only spacing between them."""
    return j == 0 or ws[j].start - ws[j - 1].end <= 2


def _family_end(ws: Sequence[Word], j: int, *, strict: bool = False) -> int:
    """Index after the family name starting at ``ws[j]`` (``j`` itself if there is none).

    A common word followed by a rare one makes a two-word family name (``تخت کشیان``,
    ``راه پیما``); ``strict`` (after an ambiguous first name) needs a rare first word.
    """
    if j >= len(ws) or not _adjacent(ws, j) or not _is_name_word(ws[j]):
        return j
    k = j + 1
    if k < len(ws) and _adjacent(ws, k) and ws[k].form in _NAME_SUFFIXES:
        return k + 1
    nxt_rare = k < len(ws) and _adjacent(ws, k) and _is_name_word(ws[k]) and is_rare(ws[k].form)
    if is_common(ws[j].form) or (strict and not is_rare(ws[j].form)):
        if not nxt_rare or is_closed_class(ws[j].form):
            return j
        k += 1
    return k


def _person_patterns(ws: Sequence[Word]) -> list[tuple[int, int, str]]:
    forms = forms_of(ws)
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(ws):
        n_hon = phrase_at(forms, i, _HONORIFICS)
        if n_hon:
            j = i + n_hon
            while phrase_at(forms, j, _HONORIFICS) and not (
                j + 1 < len(ws) and forms[j + 1] in _NAME_SUFFIXES
            ):
                j += phrase_at(forms, j, _HONORIFICS)
            n_first = _first_name_chain(ws, j)
            end = _family_end(ws, j + n_first) if n_first else _family_end(ws, j)
            if end > j:
                out.append((i, end, "title"))
                i = end
                continue
        n_first = _first_name_chain(ws, i)
        if n_first:
            strict = n_first == 1 and forms[i] in _AMBIGUOUS_FIRST
            end = _family_end(ws, i + n_first, strict=strict)
            if end == i + n_first and n_first >= 2 and not is_common(forms[end - 1]):
                end = i + n_first  # "محمد نوری گفت": the family name is also a first name
                out.append((i, end, "first-name"))
                i = end
                continue
            if end > i + n_first:
                out.append((i, end, "first-name"))
                i = end
                continue
        if forms[i] in ("،", ",") and i >= 1 and role_phrase(ws, i + 1):
            k = i
            while k > 0 and i - k < 3 and _is_name_word(ws[k - 1]) and _adjacent(ws, k):
                k -= 1
            if k < i:
                out.append((k, i, "apposition"))
        i += 1
    return out


#: ORG heads after which a name follows directly (``وزارت کشور``, ``کمیسیون عمران مجلس``).
_ORG_RULE_HEADS = {
    match_form(w)
    for w in [
        "وزارت",
        "سازمان",
        "خبرگزاری",
        "روزنامه",
        "شبکه",
        "شرکت",
        "حزب",
        "مجلس",
        "شورای",
        "کمیسیون",
        "کمیته",
        "دانشگاه",
        "بنیاد",
        "ستاد",
        "اداره",
        "استانداری",
        "فرمانداری",
        "شهرداری",
        "مرکز",
        "اتحادیه",
        "انجمن",
        "جمعیت",
        "جنبش",
        "ارتش",
        "نیروی",
        "سپاه",
        "دادگاه",
        "بانک",
        "فدراسیون",
        "پژوهشگاه",
        "موسسه",
    ]
}


_ORG_STOP = _STOP | hazm_stopwords() | {t for p in phrase_set(ROLE_HEADS) for t in p}


_DETERMINERS = {
    match_form(w)
    for w in ["این", "آن", "هر", "همه", "برخی", "چند", "یک", "بعضی", "دیگر", "همین", "همان"]
}
_PLURAL = {"ها", "های", "هایی"}
_LOC_HEADS = {match_form(w) for w in ["شهر", "شهرستان", "استان", "روستای", "روستا", "جزیره"]}
_SUFFIX_WORDS = {"ها", "های", "هایی", "ای", "ی", "اند", "ایم", "ام", "اش", "شان", "تر", "ترین"}
_TIME_WORDS = {match_form(w) for w in TIME_NOUNS + RELATIVE_TIME_ADJECTIVES}


def _modifier(w: Word) -> bool:
    """A word that can continue an organization name (noun or adjective, not a verb)."""
    f = w.form
    if not w.text[0].isalpha() or len(f) < 2 or f in _ORG_STOP or f in _TIME_WORDS:
        return False
    return not lexicon().get(f, (0, False, False))[1] and f not in verb_forms()


def _org_patterns(
    ws: Sequence[Word], loc_at: dict[int, Candidate], *, mode: str
) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for i, w in enumerate(ws):
        if w.form not in _ORG_RULE_HEADS or i + 1 >= len(ws) or not _adjacent(ws, i + 1):
            continue
        if ws[i + 1].form in _PLURAL or (i > 0 and ws[i - 1].form in _DETERMINERS):
            continue
        k = i + 1  # up to four modifiers, then a known place: "نیروی دریایی آمریکا"
        while k < len(ws) and k - i <= 4 and ws[k].start not in loc_at and _modifier(ws[k]):
            k += 1
        loc = loc_at.get(ws[k].start) if k < len(ws) and _adjacent(ws, k) else None
        if loc is not None and _spaced(ws, i + 1):  # "ارتش آمریکا", "استانداری گیلان"
            j = k
            while j < len(ws) and ws[j].end <= loc.end:
                j += 1
            out.append((i, j, "org-loc"))
            continue
        if mode != "all":
            continue
        j = i + 1
        while j < len(ws) and j - i <= 3 and _adjacent(ws, j) and _modifier(ws[j]):
            j += 1
        if j > i + 1 and (j >= len(ws) or ws[j].form not in _PLURAL):
            out.append((i, j, "org-head"))
    return out


def _loc_patterns(ws: Sequence[Word]) -> list[tuple[int, int, str]]:
    """``شهرستان کوهرنگان``, ``شهر کوت``: the rare name word after a place-type noun."""
    out = []
    for i in range(len(ws) - 1):
        if ws[i].form in _LOC_HEADS and (i == 0 or ws[i - 1].form not in _DETERMINERS):
            nxt = ws[i + 1]
            if (
                _spaced(ws, i + 1)
                and _is_name_word(nxt)
                and is_rare(nxt.form)
                and len(nxt.form) >= 3
                and nxt.form not in verb_forms()
                and nxt.form not in _SUFFIX_WORDS
                and (i + 2 >= len(ws) or ws[i + 2].form not in _SUFFIX_WORDS)
            ):
                out.append((i + 1, i + 2, "loc-head"))
    return out


def _outlet_spans(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """Outlets named in relay attributions (``به گزارش مهر``, ``به نقل از خبرگزاری X``)."""
    try:
        from persnews.extract.attributions import find_attributions
    except ImportError:  # the attribution module is optional here
        return []
    out = []
    for att in find_attributions(text, start=start, end=stop):
        for span in (att.source, *att.via):
            words_ = match_form(span.text).split()
            if words_ and phrase_at(words_, 0, _ROLE_PHRASES) == 0 and words_[0] not in _STOP:
                out.append((span.start, span.end))
    return out


def find_candidates(
    text: str, *, start: int = 0, end: int | None = None, org_rule: str = "loc"
) -> list[Candidate]:
    """Rule-based PER/ORG/LOC candidates in ``text[start:end]``, sorted and non-overlapping.

    Gazetteer hits win over pattern hits that overlap them. ``org_rule``: ``"loc"``
    (default) finds organizations only as a head noun, up to four modifiers and a known
    place (``ارتش آمریکا``, ``مرکز بهداشت قزوین``); ``"all"`` also takes a head noun with its
    modifiers alone (more recall, much less precision); ``"off"`` disables both.
    """
    check_choice("org_rule", org_rule, ("loc", "all", "off"))
    stop = len(text) if end is None else end
    st = SearchText(text)
    found: list[Candidate] = []
    for m in gazetteer_matcher().find_in(st):
        if m.start >= start and m.end <= stop:
            label, group = m.payload
            found.append(
                Candidate(m.start, m.end, text[m.start : m.end], label, "gazetteer", group)
            )
    taken = [(c.start, c.end) for c in found]
    for s, e in _outlet_spans(text, start, stop):
        if not any(s < te and ts < e for ts, te in taken):
            found.append(Candidate(s, e, text[s:e], "ORG", "attribution"))
            taken.append((s, e))
    ws = words(text, start, stop)
    for i, j, source in _person_patterns(ws):
        s, e = ws[i].start, ws[j - 1].end
        if any(s < te and ts < e for ts, te in taken):
            continue
        found.append(Candidate(s, e, text[s:e], "PER", source))
        taken.append((s, e))
    for i, j, source in _loc_patterns(ws):
        s, e = ws[i].start, ws[j - 1].end
        if not any(s < te and ts < e for ts, te in taken):
            found.append(Candidate(s, e, text[s:e], "LOC", source))
            taken.append((s, e))
    if org_rule != "off":
        loc_at = {c.start: c for c in found if c.label == "LOC"}
        for i, j, source in _org_patterns(ws, loc_at, mode=org_rule):
            s, e = ws[i].start, ws[j - 1].end
            inner = [c for c in found if s <= c.start and c.end <= e and c.label == "LOC"]
            if any(
                s < te and ts < e
                for ts, te in taken
                if (ts, te) not in {(c.start, c.end) for c in inner}
            ):
                continue
            for c in inner:
                found.remove(c)
                taken.remove((c.start, c.end))
            org_group: str | None = None
            if source == "org-loc" and inner and inner[-1].group and inner[-1].end == e:
                # "ارتش اسرائیل" = "ارتش رژیم صهیونیستی": the same head before one place
                head = text[s : inner[-1].start]
                org_group = f"ORG:{match_form(head)}+{inner[-1].group}"
            found.append(Candidate(s, e, text[s:e], "ORG", source, org_group))
            taken.append((s, e))
    found.sort(key=lambda c: c.start)
    return found
