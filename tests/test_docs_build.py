"""The documentation site builds with ``mkdocs build --strict`` (every warning is an error)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mkdocs", reason="install the 'docs' extra (mkdocs, mkdocstrings)")
pytest.importorskip("mkdocstrings", reason="install the 'docs' extra (mkdocstrings[python])")

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_docs_build_strict_and_contain_the_api_reference(tmp_path: Path) -> None:
    site = tmp_path / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "WARNING" not in proc.stderr
    api = (site / "api" / "visualize" / "index.html").read_text(encoding="utf-8")
    assert "persnews.visualize.render" in api or 'id="persnews.visualize.render"' in api
    # Doctest examples are shown as code, not as Markdown block quotes.
    assert "<blockquote>" not in api and "&gt;&gt;&gt;" in api
    assert (site / "getting-started" / "index.html").read_text(encoding="utf-8").count("make demo")
