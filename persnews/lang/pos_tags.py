"""Bijankhan/UPC part-of-speech tags and the UD UPOS values each may stand for.

Keys are the first segment of a Bijankhan or UPC (Seraji XPOS, ParsNER) tag, with
``N_PR`` for proper nouns (tags such as ``N_SING_PR`` or ``N_SING_LOC_PR``).  Each value
is ``(allowed UPOS values, default)``: the training code picks, inside the allowed set,
the value the word has most often in the UD training sentences, else the default.  An
empty allowed set means "any UPOS seen for the word, if seen at least three times";
an empty default means the token stays untagged (missing annotation).

>>> UPC_TO_UPOS["V"]
(('VERB', 'AUX'), 'VERB')
"""

from __future__ import annotations

from typing import Final

__all__ = ["UPC_TO_UPOS"]

UPC_TO_UPOS: Final[dict[str, tuple[tuple[str, ...], str]]] = {
    "N": (("NOUN", "NUM", "PROPN"), "NOUN"),
    "N_PR": (("PROPN",), "PROPN"),
    "ADJ": (("ADJ", "NUM", "NOUN"), "ADJ"),
    "P": (("ADP",), "ADP"),
    "POSTP": (("ADP",), "ADP"),
    "V": (("VERB", "AUX"), "VERB"),
    "CON": (("CCONJ", "SCONJ"), "CCONJ"),
    "SUBR": (("SCONJ", "CCONJ"), "SCONJ"),
    "PRO": (("PRON", "DET"), "PRON"),
    "ADV": (("ADV", "ADP", "SCONJ", "DET", "ADJ"), "ADV"),
    "DET": (("DET", "PRON", "NUM", "ADV"), "DET"),
    "QUA": (("DET", "PRON", "NUM", "ADV"), "DET"),
    "DELM": (("PUNCT",), "PUNCT"),
    "NUM": (("NUM",), "NUM"),
    "CLITIC": (("PART", "ADP", "PRON"), "PART"),
    "INT": (("INTJ",), "INTJ"),
    "OH": (("INTJ",), "INTJ"),
    "PS": (("INTJ", "ADV"), "INTJ"),
    "FW": (("X",), "X"),
    # tags whose UD counterpart varies: only words seen in UD get a tag
    "SPEC": ((), ""),
    "SUBJ": ((), ""),
    "IF": ((), ""),
    "MORP": ((), ""),
    "AR": ((), ""),
    "PP": ((), ""),
    "MS": ((), ""),
    "MQUA": ((), ""),
    "COMP": ((), ""),
}
