"""``persnews_upos``: copy the tagger's UPOS (``token.tag_``) to ``token.pos_``.

The UD model has two components that predict UPOS: the ``morphologizer`` (UPOS together
with the morphological features, trained on the treebanks only) and the ``tagger``
(UPOS alone, trained on the treebanks *and* about 450k silver-tagged tokens from the
Bijankhan and ParsNER corpora, see :mod:`persnews.training.silver_pos`).  The tagger is
the more accurate of the two, so this component makes its value the ``pos_`` of each
token; the morphologizer's features stay in ``token.morph``.

>>> import spacy
>>> nlp = spacy.blank("fa")
>>> _ = nlp.add_pipe("persnews_upos")
>>> doc = nlp.make_doc("پوتین گفت")
>>> doc[0].tag_, doc[1].tag_ = "PROPN", "VERB"
>>> [t.pos_ for t in nlp.get_pipe("persnews_upos")(doc)]
['PROPN', 'VERB']
"""

from __future__ import annotations

from spacy.language import Language
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc

__all__ = ["copy_tag_to_pos", "make_upos"]


def copy_tag_to_pos(doc: Doc) -> Doc:
    """Set ``token.pos_`` to ``token.tag_`` wherever the tag is a UPOS value; returns ``doc``."""
    for token in doc:
        tag = token.tag_
        if tag and tag in IDS:
            token.pos_ = tag
    return doc


@Language.factory("persnews_upos", assigns=["token.pos"], requires=["token.tag"])
def make_upos(nlp: Language, name: str) -> object:
    """spaCy factory of the tag-to-UPOS copy (stateless)."""
    return copy_tag_to_pos
