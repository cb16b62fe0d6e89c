"""The persnews named-entity label scheme and how each training corpus maps onto it.

persnews uses PEYMA's seven types under spaCy-style names, plus Arman's three extra
types (used only by the per-fold Arman evaluation models, see ``docs/models.md``).

>>> map_label("peyma", "DAT"), map_label("arman", "pers"), map_label("parstwiner", "NAT")
('DATE', 'PER', None)
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

__all__ = [
    "ARMAN_LABELS",
    "CORPUS_MAPS",
    "LABELS",
    "LABEL_DESCRIPTIONS",
    "SHIPPED_LABELS",
    "map_label",
]

#: Every label persnews knows, with a one-line description.
LABEL_DESCRIPTIONS: Final = MappingProxyType(
    {
        "PER": "person",
        "ORG": "organization (incl. political groups and parties)",
        "LOC": "location: country, city, region, geographic feature",
        "DATE": "date expression",
        "TIME": "time-of-day expression",
        "MONEY": "amount of money",
        "PERCENT": "percentage",
        "FAC": "facility (building, airport, stadium, ...)",
        "EVENT": "named event",
        "PRODUCT": "product",
    }
)
#: All labels in a fixed order.
LABELS: Final[tuple[str, ...]] = tuple(LABEL_DESCRIPTIONS)
#: Labels of the shipped NER model (PEYMA's types).
SHIPPED_LABELS: Final[tuple[str, ...]] = ("PER", "ORG", "LOC", "DATE", "TIME", "MONEY", "PERCENT")
#: Labels of the Arman evaluation models.
ARMAN_LABELS: Final[tuple[str, ...]] = ("PER", "ORG", "LOC", "FAC", "EVENT", "PRODUCT")

_PEYMA = {
    "PER": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "DAT": "DATE",
    "TIM": "TIME",
    "MON": "MONEY",
    "PCT": "PERCENT",
}

#: corpus -> {corpus type: persnews label or None (= not an entity for persnews)}.
CORPUS_MAPS: Final = MappingProxyType(
    {
        "peyma": MappingProxyType(dict(_PEYMA)),
        # NSURL-2019 uses PEYMA's guideline; malformed types (DATO, PERO, ...) are repaired.
        "nsurl": MappingProxyType(
            {**_PEYMA, "DATO": "DATE", "PERO": "PER", "ORGO": "ORG", "TIMO": "TIME"}
        ),
        "arman": MappingProxyType(
            {
                "pers": "PER",
                "org": "ORG",
                "loc": "LOC",
                "fac": "FAC",
                "event": "EVENT",
                "pro": "PRODUCT",
            }
        ),
        # ParsTwiNER: political groups are organizations; nationalities are not entities
        # in PEYMA's guideline; events have no PEYMA type.
        "parstwiner": MappingProxyType(
            {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "POG": "ORG", "NAT": None, "EVE": None}
        ),
    }
)


def map_label(corpus: str, label: str) -> str | None:
    """persnews label for ``label`` of ``corpus``; ``None`` when it is not an entity.

    Raises:
        KeyError: unknown corpus or a label the corpus does not define.
    """
    return CORPUS_MAPS[corpus][label]
