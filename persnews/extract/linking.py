"""Knowledge-base loading, a fast alias matcher and entity linking.

A knowledge base (KB) is a CSV or JSON-lines file with one entry per line: ``id``,
``label`` (PER/ORG/LOC), ``name``, ``aliases`` (Persian and Latin; a JSON list, or one
string separated by ``|``) and an optional ``description``. :class:`AliasMatcher` finds
every alias in a text at once with an Aho-Corasick automaton (pyahocorasick), in the
match form of :mod:`persnews.extract.names`, so spelling variants of ZWNJ, spaces, ی/ي
and ک/ك all match.

>>> kb = KnowledgeBase([KBEntry("Q159", "LOC", "روسیه", ("فدراسیون روسیه", "Russia"))])
>>> kb.lookup("فدراسيون روسیه"), kb.lookup("روسیه", label="PER")
('Q159', None)
>>> [(m.start, m.end, m.payload) for m in kb.matcher.find("سفر به روسیه.")]
[(7, 12, 'Q159')]
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import ahocorasick

from persnews.errors import DataNotFoundError, InputFormatError
from persnews.extract.names import SearchText, match_form

#: Suffixes that, written after a ZWNJ (a space in match form), make a name a common word.
_SUFFIX_AFTER = re.compile(r" (?:ها|های|هایی|ای)(?!\w)")

__all__ = [
    "AliasMatcher",
    "KBEntry",
    "KnowledgeBase",
    "Match",
    "example_kb_path",
    "load_kb",
]


@dataclass(frozen=True, slots=True)
class Match[P]:
    """One alias occurrence: original character offsets and the alias's payload."""

    start: int
    end: int
    payload: P


class AliasMatcher[P]:
    """Leftmost-longest, whole-word matching of many aliases at once.

    Args:
        aliases: ``(alias, payload)`` pairs; an alias given twice keeps its first payload.
        joined_variants: also match multi-word aliases written without spaces
            (``حزب الله`` as ``حزبالله``).

    >>> m = AliasMatcher([("کاخ سفید", "WH"), ("کاخ", "palace")])
    >>> [(x.start, x.end, x.payload) for x in m.find("سخنگوی کاخ‌سفید گفت")]
    [(7, 15, 'WH')]
    """

    def __init__(self, aliases: Iterable[tuple[str, P]], *, joined_variants: bool = True) -> None:
        self._automaton = ahocorasick.Automaton()
        self._size = 0
        for alias, payload in aliases:
            form = match_form(alias)
            if not form:
                continue
            forms = [form]
            if joined_variants and " " in form and form.count(" ") <= 2:
                forms.append(form.replace(" ", ""))
            for f in forms:
                if f not in self._automaton:
                    self._automaton.add_word(f, (len(f), payload))
                    self._size += 1
        if self._size:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return self._size

    def find_in(self, st: SearchText) -> list[Match[P]]:
        """Matches in an already prepared :class:`SearchText` (original offsets)."""
        if not self._size:
            return []
        text = st.text
        found: list[tuple[int, int, P]] = []
        for end_idx, (length, payload) in self._automaton.iter(text):
            start = end_idx - length + 1
            end = end_idx + 1
            if start > 0 and text[start - 1].isalnum():
                continue
            if end < len(text) and text[end].isalnum():
                continue
            if _SUFFIX_AFTER.match(text, end):
                continue  # دولت‌ها, منطقه‌ای: a suffixed word, not the name itself
            found.append((start, end, payload))
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        out: list[Match[P]] = []
        last_end = -1
        for start, end, payload in found:
            if start < last_end:
                continue
            ostart, oend = st.original_span(start, end)
            out.append(Match(ostart, oend, payload))
            last_end = end
        return out

    def find(self, text: str) -> list[Match[P]]:
        """All non-overlapping whole-word matches in ``text`` (original offsets)."""
        return self.find_in(SearchText(text))


@dataclass(frozen=True, slots=True)
class KBEntry:
    """One knowledge-base entry (``id`` is e.g. a Wikidata id such as ``Q159``)."""

    id: str
    label: str
    name: str
    aliases: tuple[str, ...] = ()
    description: str = ""

    def names(self) -> tuple[str, ...]:
        """The name followed by its aliases."""
        return (self.name, *self.aliases)


@dataclass
class KnowledgeBase:
    """A set of :class:`KBEntry` with exact look-up by match form and an alias matcher."""

    entries: list[KBEntry]
    _index: dict[str, list[KBEntry]] = field(default_factory=dict, init=False, repr=False)
    _matcher: AliasMatcher[str] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries:
            for alias in entry.names():
                key = match_form(alias).replace(" ", "")
                if key and entry not in self._index.setdefault(key, []):
                    self._index[key].append(entry)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[KBEntry]:
        return iter(self.entries)

    @property
    def matcher(self) -> AliasMatcher[str]:
        """An :class:`AliasMatcher` over every alias, with the KB id as payload."""
        if self._matcher is None:
            self._matcher = AliasMatcher((a, e.id) for e in self.entries for a in e.names())
        return self._matcher

    def lookup(self, name: str, *, label: str | None = None) -> str | None:
        """The id of the entry with this name or alias (and label, if given), else None."""
        for entry in self._index.get(match_form(name).replace(" ", ""), ()):
            if label is None or entry.label == label:
                return entry.id
        return None

    def get(self, kb_id: str) -> KBEntry | None:
        """The entry with this id, or None."""
        for entry in self.entries:
            if entry.id == kb_id:
                return entry
        return None


def _aliases(value: object, where: str) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        return tuple(a.strip() for a in value.split("|") if a.strip())
    if isinstance(value, list) and all(isinstance(a, str) for a in value):
        return tuple(a.strip() for a in value if a.strip())
    raise InputFormatError(
        f"{where}: 'aliases' must be a list of strings or a '|'-separated string"
    )


def _entry(row: dict[str, object], where: str) -> KBEntry:
    missing = [k for k in ("id", "label") if not row.get(k)]
    if missing or not (row.get("name") or row.get("aliases")):
        raise InputFormatError(f"{where}: a KB entry needs 'id', 'label' and 'name' or 'aliases'")
    aliases = _aliases(row.get("aliases"), where)
    name = str(row.get("name") or aliases[0])
    return KBEntry(
        id=str(row["id"]),
        label=str(row["label"]).upper(),
        name=name,
        aliases=tuple(a for a in aliases if a != name),
        description=str(row.get("description") or ""),
    )


def load_kb(path: str | Path) -> KnowledgeBase:
    """Read a KB from a ``.csv`` or ``.jsonl`` file (see the module docstring).

    >>> kb = load_kb(example_kb_path())
    >>> kb.lookup("ولادیمیر پوتین")
    'Q7747'
    """
    path = Path(path)
    if not path.is_file():
        raise DataNotFoundError(f"knowledge base file not found: {path}")
    entries: list[KBEntry] = []
    suffix = path.suffix.lower()
    with path.open(encoding="utf-8", newline="") as fh:
        if suffix == ".csv":
            for n, row in enumerate(csv.DictReader(fh), start=2):
                entries.append(_entry(dict(row), f"{path}:{n}"))
        elif suffix in (".jsonl", ".json"):
            for n, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputFormatError(f"{path}:{n}: invalid JSON ({exc.msg})") from exc
                if not isinstance(row, dict):
                    raise InputFormatError(f"{path}:{n}: each line must be a JSON object")
                entries.append(_entry(row, f"{path}:{n}"))
        else:
            raise InputFormatError(f"{path}: unknown KB format {suffix!r}; use .csv or .jsonl")
    return KnowledgeBase(entries)


def example_kb_path() -> Path:
    """Path of the small example KB shipped with persnews (``persnews/data/example_kb.jsonl``)."""
    return Path(__file__).resolve().parents[1] / "data" / "example_kb.jsonl"
