"""Workers keep memory flat: memory zones per chunk, batches cut by characters, same results."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from persnews.batch.convert import doc_to_record
from persnews.batch.worker import WorkerConfig, char_batches, get_nlp, process_chunk
from persnews.samples import load_samples

FULL = WorkerConfig()


def _items(start: int, texts: list[tuple[str, str]]) -> list[dict[str, Any]]:
    return [
        {"seq": start + k, "id": sid, "text": text, "source": "samples", "meta": {}}
        for k, (sid, text) in enumerate(texts)
    ]


def _records(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    assert all(r["status"] == "ok" for r in results), results
    return [r["record"] for r in results]


@pytest.fixture(scope="module")
def samples() -> list[tuple[str, str]]:
    return load_samples()


def test_chunks_leave_the_vocabulary_as_they_found_it(samples: list[tuple[str, str]]) -> None:
    nlp = get_nlp(FULL)
    process_chunk(FULL, _items(0, samples[:2]))  # first use: components finish loading
    before = len(nlp.vocab.strings)
    process_chunk(FULL, _items(2, samples[2:6]))
    process_chunk(FULL, _items(6, samples[6:]))
    assert len(nlp.vocab.strings) == before


def test_records_are_the_same_inside_and_outside_a_memory_zone(
    samples: list[tuple[str, str]],
) -> None:
    """Components must not keep hashes of strings a finished zone freed (later chunks see them)."""
    nlp = get_nlp(FULL)
    zoned = _records(process_chunk(FULL, _items(0, samples[:4])))
    zoned += _records(process_chunk(FULL, _items(4, samples[4:])))
    docs = list(nlp.pipe([text for _, text in samples]))
    plain = [
        doc_to_record(doc, id=sid, meta={}) for (sid, _), doc in zip(samples, docs, strict=True)
    ]
    assert zoned == plain


def test_threads_sharing_a_pipeline_take_turns(samples: list[tuple[str, str]]) -> None:
    """A zone ending frees what any thread added, so a second chunk waits for the first."""
    from persnews.batch.worker import _memory_zone

    nlp = get_nlp(FULL)
    expected = _records(process_chunk(FULL, _items(0, samples[:2])))
    release = threading.Event()
    entered = threading.Event()
    done: list[list[dict[str, Any]]] = []

    def hold() -> None:
        with _memory_zone(nlp):
            entered.set()
            release.wait(10)

    def work() -> None:
        done.append(_records(process_chunk(FULL, _items(0, samples[:2]))))

    holder = threading.Thread(target=hold)
    holder.start()
    assert entered.wait(10)
    worker = threading.Thread(target=work)
    worker.start()
    worker.join(0.5)
    assert worker.is_alive() and not done  # waits while the other zone is open
    release.set()
    holder.join(10)
    worker.join(30)
    assert done == [expected]


@pytest.mark.parametrize(
    ("lengths", "max_chars", "expected"),
    [
        ([], 10, []),
        ([3, 3, 3], 10, [[3, 3, 3]]),
        ([3, 3, 3], 6, [[3, 3], [3]]),
        ([20, 1, 1], 10, [[20], [1, 1]]),  # a text longer than the limit goes alone
        ([1, 20, 1], 10, [[1], [20], [1]]),
    ],
)
def test_char_batches_keep_order_and_limit(
    lengths: list[int], max_chars: int, expected: list[list[int]]
) -> None:
    texts = ["ا" * n for n in lengths]
    batches = list(char_batches(texts, max_chars))
    assert [[len(t) for t in b] for b in batches] == expected
    assert [t for b in batches for t in b] == texts


def test_records_do_not_depend_on_the_batch_limit(
    samples: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Long articles are analysed in smaller batches (memory); the results must not change."""
    from persnews.batch import worker

    whole = _records(process_chunk(FULL, _items(0, samples)))
    monkeypatch.setattr(worker, "MAX_BATCH_CHARS", 1)  # every article its own batch
    assert _records(process_chunk(FULL, _items(0, samples))) == whole
