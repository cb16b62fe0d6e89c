"""Quotations without a reporting verb of their own: according-to markers (``به گفته X``),
participial cues (``با بیان اینکه``) and headline quotes (``X: ...``).

>>> from persnews.extract.quote_text import segment
>>> [q.kind for q in headlines(segment("وزیر نفت: قیمت بنزین تغییر نمی‌کند"), {})]
['direct']
"""

from __future__ import annotations

from persnews.extract.quote_cues import Cue, is_cue_word
from persnews.extract.quote_model import RawQuote, container, split_or_nest, trim
from persnews.extract.quote_speakers import Subject, find_subject, is_verbish, noun_phrase
from persnews.extract.quote_text import Segmented, key
from persnews.lang.cues import OUTLET_WORDS

__all__ = ["according_quote", "fill_according", "headlines", "participial_quote"]

_OUTLETS = frozenset(key(w) for w in OUTLET_WORDS)
#: First words of ``X:`` lines that are labels, not speakers (``ترجمه:``, ``گروه اقتصادی:``).
_LABEL_HEADS = frozenset(
    key(w)
    for w in (
        "ترجمه",
        "گروه",
        "سرویس",
        "گفت",
        "گفتگو",
        "گفت‌وگو",
        "مترجم",
        "عکاس",
        "تهیه",
        "تنظیم",
        "ویراستار",
        "بخش",
        "پاسخ",
        "سوال",
        "پرسش",
        "نکته",
        "توجه",
        "یادداشت",
        "جواب",
        "گزارش",
        "ویدیو",
        "ویدئو",
        "فیلم",
        "عکس",
        "اینفوگرافیک",
        "مصاحبه",
        "تحلیل",
        "روایت",
        "پرونده",
        "ویژه",
        "خلاصه",
        "متن",
        "شرح",
        "موضوع",
        "عنوان",
        "تیتر",
    )
)
_META_LABELS = frozenset(
    key(w)
    for w in (
        "کد خبر",
        "تاریخ انتشار",
        "انتشار",
        "به روز شده در",
        "منبع",
        "نویسنده",
        "خبرنگار",
        "عکس",
        "فیلم",
        "کد",
        "زمان",
        "تاریخ",
        "لینک",
        "برچسب",
        "برچسب‌ها",
        "توضیح",
        "پ ن",
    )
)


def _np_after(seg: Segmented, i: int, limit: int = 10) -> tuple[int, int]:
    words = seg.words
    j = i
    while j < len(words) and j - i < limit and words[j].para == words[i].para:
        if words[j].is_punct:
            break
        j += 1
    return i, j


_ACCORDING_PRONOUNS = frozenset({"وی", "او", "ایشان", "من", "ما", "آنها", "انها"})
_STRICT_MARKERS = frozenset(key(m) for m in ("از نظر", "از دید", "از دیدگاه"))


def _comma_after_np(seg: Segmented, i: int) -> bool:
    """A short noun phrase at ``i`` closed by a comma (``از نظر وزیر، ...``)."""
    for j in range(i, min(i + 6, len(seg.words))):
        if seg.words[j].key in ("،", ","):
            return j > i
        if seg.words[j].is_punct:
            return False
    return False


def _after_relay(before: list[str]) -> bool:
    """``به گزارش ایسنا، به نقل از ...`` / ``به گزارش ایسنا به نقل از ...``: a relay chain."""
    if len(before) < 2 or "گزارش" not in before:
        return False
    at = len(before) - 1 - before[::-1].index("گزارش")
    between = [k for k in before[at + 1 :] if k in ("،", ",") or any(c.isalnum() for c in k)]
    if between and between[-1] in ("،", ","):
        between = between[:-1]
    return 0 < len(between) <= 6 and "،" not in between and "," not in between


def according_quote(
    seg: Segmented, cue: Cue, quotes: list[RawQuote], verb_starts: list[int]
) -> RawQuote | None:
    words = seg.words
    n = len(words)
    if cue.last >= n:
        return None
    sent = seg.sentence_start[cue.first]
    before = [w.key for w in words[sent : cue.first]]
    if cue.lemma in _STRICT_MARKERS and not _comma_after_np(seg, cue.last):
        return None
    relay = _after_relay(before) or words[cue.last].key in _OUTLETS
    if cue.lemma == key("به نقل از") and relay:
        return None
    sp_first, sp_last = _np_after(seg, cue.last)
    if sp_last == sp_first:
        return None
    end = seg.sentence_end[cue.first]
    following = [v for v in verb_starts if cue.last <= v < min(end, cue.last + 14)]
    if sp_last < n and words[sp_last].key in ("،", ","):
        cs, ce = trim(seg, sp_last + 1, end)
        conf = 0.8
        np = noun_phrase(seg, sp_first, sp_last)
        if np is not None and words[sp_first].key not in _ACCORDING_PRONOUNS:
            sp_last = np[1]  # "به گفته X که ... است،": X without its relative clause
    elif following and following[0] <= sp_last:
        np = noun_phrase(seg, cue.last, following[0])
        sp_last = np[1] if np else following[0]
        cs, ce = 0, 0  # content taken from the verb cue that follows
        conf = 0.7
    else:
        np = noun_phrase(seg, cue.last, end)
        if np is None:
            return None
        sp_last = sp_first + 1 if words[sp_first].key in _ACCORDING_PRONOUNS else np[1]
        cs, ce = trim(seg, sp_last, end)
        conf = 0.7
    subject = Subject(sp_first, sp_last, "named")
    if sp_last - sp_first == 1 and words[sp_first].key in _ACCORDING_PRONOUNS:
        subject = Subject(sp_first, sp_last, "pronoun")
    q = RawQuote("according_to", cue, cs, ce, subject, confidence=conf)
    ci = container(quotes, cue.first)
    if ci is not None and quotes[ci].kind != "participial":
        if seg.sentence_start[cue.first] == cue.first:
            split_or_nest(seg, quotes, ci, q, colon=False)
        else:
            q.parent = ci
    return q


def participial_quote(seg: Segmented, cue: Cue, quotes: list[RawQuote]) -> RawQuote | None:
    sent = seg.sentence_start[cue.first]
    ci = container(quotes, cue.first)
    limit = sent if ci is None else max(sent, quotes[ci].cs)
    subject = find_subject(seg, cue.first, limit)
    cs, ce = trim(seg, cue.last, seg.sentence_end[cue.first])
    if ce - cs < 2:
        return None
    q = RawQuote("participial", cue, cs, ce, subject, confidence=0.8)
    if ci is not None and quotes[ci].kind != "participial":
        if limit == sent:
            split_or_nest(seg, quotes, ci, q, colon=False)
        else:
            q.parent = ci
    return q


def _verb_like(word_key: str) -> bool:
    """A finite verb, including subjunctive and negative forms (``بگذارد``, ``نمی‌رود``)."""
    if is_verbish(word_key):
        return True
    return len(word_key) > 3 and word_key[0] in "بن" and word_key.endswith(("د", "ند", "یم"))


def headlines(seg: Segmented, first_cue: dict[int, int]) -> list[RawQuote]:
    """``X: ...`` lines (headlines, run-in subheads): a short speaker, a colon, a clause."""
    words = seg.words
    out: list[RawQuote] = []
    i = 0
    n = len(words)
    while i < n:
        end = seg.para_end(i)
        para = words[i].para
        if end - i <= 40:
            colon = next((j for j in range(i + 1, min(end, i + 10)) if words[j].key == ":"), None)
            if colon is not None and first_cue.get(para, n) < colon:
                colon = None  # "X گفت: ..." is an ordinary cue
            if colon is not None and colon + 2 < end:
                head = " ".join(w.key for w in words[i:colon])
                after = words[colon + 1]
                dateline = any(w.key in _OUTLETS or w.key == "-" for w in words[i:colon])
                if (
                    not dateline
                    and head not in _META_LABELS
                    and not any(w.is_punct for w in words[i:colon])
                    and not after.key[:1].isdigit()
                    and not words[i].key[:1].isdigit()
                    and not any(w.key.isdigit() for w in words[i:colon])
                    and words[i].key not in _LABEL_HEADS
                    and not is_verbish(words[colon - 1].key)
                    and not is_cue_word(words[colon - 1].key)
                ):
                    cue = Cue(colon - 1, colon + 1, "headline", "headline", colon - 1)
                    cs, ce = trim(seg, colon + 1, end)
                    clause = any(_verb_like(w.key) for w in words[cs:ce])
                    if ce - cs >= 3 and clause:
                        np = noun_phrase(seg, i, colon) or (i, colon)
                        q = RawQuote("direct", cue, cs, ce, Subject(np[0], np[1], "named"))
                        q.colon, q.confidence, q.headline = True, 0.6, True
                        out.append(q)
        i = end
    return out


def fill_according(quotes: list[RawQuote]) -> None:
    for k, q in enumerate(quotes):
        if q.kind != "according_to" or q.ce > q.cs:
            continue
        for nxt in quotes[k + 1 : k + 3]:
            if nxt.cue.first - q.cue.last <= 14 and nxt.kind != "according_to":
                q.cs, q.ce = nxt.cs, nxt.ce
                break
