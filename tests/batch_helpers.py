"""Test-only pipelines for the batch runner: a blank Persian pipeline with injectable faults.

Workers are separate processes, so the fault is chosen by markers in the article text:
``RAISE_ME`` raises in a component, ``CRASH_ME`` kills the worker process, ``SLEEP_ME`` sleeps
for 30 s. ``PERSNEWS_TEST_DELAY`` (seconds) slows every article, so a run can be killed midway.
"""

from __future__ import annotations

import os
import time

import spacy
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["faulty_nlp"]


@Language.component("persnews_test_fault")
def _fault(doc: Doc) -> Doc:
    delay = float(os.environ.get("PERSNEWS_TEST_DELAY", "0") or 0)
    if delay:
        time.sleep(delay)
    if "RAISE_ME" in doc.text:
        raise ValueError("injected failure")
    if "CRASH_ME" in doc.text:
        os._exit(3)
    if "SLEEP_ME" in doc.text:
        time.sleep(30)
    return doc


def faulty_nlp() -> Language:
    """``spacy.blank("fa")`` with the fault-injection component."""
    nlp = spacy.blank("fa")
    nlp.add_pipe("persnews_test_fault")
    return nlp
