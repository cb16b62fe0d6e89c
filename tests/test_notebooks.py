"""Execute the notebooks in notebooks/ top to bottom in a fresh kernel (nbclient).

Each must finish without an error and show what it promises (rendered RTL articles, plots,
tables). Outputs are not written back: the notebooks stay stripped in git.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

nbformat = pytest.importorskip("nbformat", reason="install the 'docs' extra (nbformat, nbclient)")
nbclient = pytest.importorskip("nbclient", reason="install the 'docs' extra (nbclient)")
pytest.importorskip("ipykernel", reason="install the 'docs' extra (ipykernel)")

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"

pytestmark = pytest.mark.slow


def _execute(name: str, env: dict[str, str] | None = None, *, upto: str | None = None) -> Any:
    """Run notebook ``name`` (only up to the first cell containing ``upto``, if given)."""
    book = nbformat.read(NOTEBOOKS / name, as_version=4)
    if upto is not None:
        last = next(i for i, c in enumerate(book.cells) if upto in c.source)
        book.cells = book.cells[: last + 1]
    old = dict(os.environ)
    os.environ.pop("MPLBACKEND", None)  # the kernel's inline backend shows the figures
    os.environ.update(env or {})
    try:
        client = nbclient.NotebookClient(
            book,
            timeout=900,
            kernel_name="python3",
            resources={"metadata": {"path": str(NOTEBOOKS)}},
        )
        client.execute()
    finally:
        os.environ.clear()
        os.environ.update(old)
    return book


def _outputs(book: Any) -> tuple[str, list[str]]:
    """All text/HTML output joined, and the MIME types of every output."""
    texts, kinds = [], []
    for cell in book.cells:
        for out in cell.get("outputs", []):
            if "text" in out:
                texts.append(out["text"])
            for mime, value in out.get("data", {}).items():
                kinds.append(mime)
                if mime in ("text/html", "text/plain"):
                    texts.append(value if isinstance(value, str) else "".join(value))
    return "\n".join(texts), kinds


@pytest.mark.parametrize(
    "name", ["01-quickstart.ipynb", "02-corpus-exploration.ipynb", "03-evaluation.ipynb"]
)
def test_notebook_is_stored_without_outputs(name: str) -> None:
    book = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))
    code = [c for c in book["cells"] if c["cell_type"] == "code"]
    assert code and all(not c["outputs"] and c["execution_count"] is None for c in code)


def test_quickstart_runs_and_renders_rtl_entities_and_quotes() -> None:
    text, kinds = _outputs(_execute("01-quickstart.ipynb"))
    assert text.count('dir="rtl"') >= 3  # ents, quotes, both
    assert "pn-ent" in text and "pn-label pn-quote" in text
    assert "text/html" in kinds


def test_corpus_exploration_runs_and_plots() -> None:
    # A small slice keeps CI fast; the notebook's default is larger.
    book = _execute("02-corpus-exploration.ipynb", {"PERSNEWS_NB_SLICE": "8"})
    text, kinds = _outputs(book)
    assert kinds.count("image/png") >= 4
    assert "wrote" in text and "report.html" in text


def test_evaluation_runs_without_shared_data(tmp_path: Path) -> None:
    """Without the data the notebook explains itself and falls back to docs/benchmarks.md."""
    env = {"PERSNEWS_DATA": str(tmp_path / "none"), "PERSNEWS_SEED": str(tmp_path / "none")}
    text, _ = _outputs(_execute("03-evaluation.ipynb", env))
    assert "Shared data not found" in text


def test_corpus_exploration_says_when_shared_data_is_missing(tmp_path: Path) -> None:
    # Only the cells up to the data check: the message is what matters here.
    env = {"PERSNEWS_DATA": str(tmp_path / "none")}
    text, _ = _outputs(_execute("02-corpus-exploration.ipynb", env, upto="news.is_dir()"))
    assert "Shared data not found" in text and "sample articles only" in text


@pytest.mark.shared
def test_evaluation_runs_the_benchmarks_on_shared_data(data_dir: Path, seed_dir: Path) -> None:
    env = {"PERSNEWS_DATA": str(data_dir), "PERSNEWS_SEED": str(seed_dir)}
    text, kinds = _outputs(_execute("03-evaluation.ipynb", env))
    assert "### Normalization (ZWNJ)" in text and "### Quotations and speakers" in text
    assert kinds.count("image/png") >= 2  # at least the ZWNJ and quotation tables, plotted
