"""Render an article page in headless Chromium and check it from the page itself.

A script inside the page reads what the browser computed (the article's direction, where the
first word landed, every entity mark and span bar with the text under it) and writes it into
the DOM as JSON; Chromium's ``--dump-dom`` hands that back. A screenshot is saved under
``$PERSNEWS_ARTIFACTS`` (default: ``<tmp>/persnews-artifacts``) for people to look at.

Needs Debian's ``chromium`` (``apt-get install -y chromium``); skips with that hint without it.
"""

from __future__ import annotations

import html as html_lib
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest
from _vizdata import make_record

from persnews.visualize import render, write_report

pytestmark = pytest.mark.browser

_CHECK_SCRIPT = """
<script>
(function () {
  const article = document.querySelector('.pn-article');
  const spans = {};
  const add = (id, text) => { spans[id] = (spans[id] || '') + text; };
  const ownText = (el) => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('.pn-label, .pn-tag').forEach((x) => x.remove());
    return copy.textContent;
  };
  document.querySelectorAll('.pn-token').forEach((tok) => {
    const text = ownText(tok);
    tok.querySelectorAll('.pn-bar').forEach((bar) => add(bar.dataset.pnId, text));
  });
  document.querySelectorAll('mark.pn-ent').forEach((m) => add(m.dataset.pnId, ownText(m)));
  const ids = (sel) => new Set([...document.querySelectorAll(sel)].map((b) => b.dataset.pnId)).size;
  const box = article.getBoundingClientRect();
  const first = document.querySelector('.pn-article .spans > *, .pn-article .entities > *');
  const out = {
    direction: getComputedStyle(article).direction,
    bodyDirection: getComputedStyle(document.body).direction,
    lang: document.documentElement.lang,
    entityMarks: document.querySelectorAll('mark.pn-ent').length,
    quoteLabels: document.querySelectorAll('.pn-label.pn-quote').length,
    cueBars: ids('.pn-bar.pn-cue'),
    speakerBars: ids('.pn-bar.pn-speaker'),
    articleLeft: box.left, articleRight: box.right,
    firstRight: first ? first.getBoundingClientRect().right : null,
    spans: spans,
  };
  const pre = document.createElement('pre');
  pre.id = 'pn-check';
  pre.style.display = 'none';  // read by --dump-dom, kept out of the screenshot
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip(
        "headless Chromium not found: install Debian's package with `apt-get install -y "
        "chromium` (CI's .ci/run does this)"
    )


def _artifact_dir() -> Path:
    default = Path(tempfile.gettempdir()) / "persnews-artifacts"
    path = Path(os.environ.get("PERSNEWS_ARTIFACTS", default))
    path.mkdir(parents=True, exist_ok=True)
    return path


def _run_chromium(args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    base = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--no-first-run",
        "--disable-extensions",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        "--window-size=1100,900",
    ]
    return subprocess.run(
        [*base, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "HOME": str(profile)},
    )


def _page_checks(page: Path, tmp_path: Path) -> dict[str, Any]:
    proc = _run_chromium(["--dump-dom", page.as_uri()], tmp_path / "profile-dom")
    found = re.search(r'<pre id="pn-check"[^>]*>(.*?)</pre>', proc.stdout, re.S)
    assert found, f"no check output from the page; chromium said: {proc.stderr[-2000:]}"
    return dict(json.loads(html_lib.unescape(found.group(1))))


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.mark.parametrize("style", ["both", "ents"])
def test_page_is_rtl_and_shows_every_entity_and_quote(tmp_path: Path, style: str) -> None:
    record = make_record()
    html = render(record, style=style, page=True, jupyter=False)
    page = tmp_path / f"article-{style}.html"
    page.write_text(html.replace("</body>", _CHECK_SCRIPT + "</body>"), encoding="utf-8")
    checks = _page_checks(page, tmp_path)

    assert checks["direction"] == "rtl" and checks["bodyDirection"] == "rtl"
    assert checks["lang"] == "fa"
    # Right-to-left flow: the first piece of the article starts at the right edge.
    assert checks["firstRight"] is not None
    assert checks["articleRight"] - checks["firstRight"] < 40

    mentions = [m for e in record["entities"] for m in e["mentions"]]
    assert checks["entityMarks"] == len(mentions)
    marked = sorted(_squash(v) for k, v in checks["spans"].items() if re.fullmatch(r"m\d+", k))
    assert marked == sorted(_squash(m["text"]) for m in mentions)
    if style == "both":
        assert checks["quoteLabels"] == len(record["quotes"])
        assert checks["cueBars"] == checks["speakerBars"] == len(record["quotes"])
        for q in record["quotes"]:
            assert _squash(checks["spans"][q["id"]]) == _squash(q["content"]["text"])
            assert _squash(checks["spans"][q["id"] + ":cue"]) == _squash(q["cue"]["text"])

    shot = _artifact_dir() / f"article-{style}.png"
    proc = _run_chromium([f"--screenshot={shot}", page.as_uri()], tmp_path / "profile-shot")
    assert shot.is_file() and shot.stat().st_size > 10_000, proc.stderr[-2000:]


def test_report_page_is_rtl(tmp_path: Path) -> None:
    recs = [make_record(article_id="a1"), make_record(article_id="a2")]
    page = write_report(recs, tmp_path / "report.html", articles=2)
    page.write_text(
        page.read_text(encoding="utf-8").replace("</body>", _CHECK_SCRIPT + "</body>"),
        encoding="utf-8",
    )
    checks = _page_checks(page, tmp_path)
    assert checks["direction"] == "rtl" and checks["bodyDirection"] == "rtl"
    assert checks["quoteLabels"] == 2 * len(recs[0]["quotes"])
    shot = _artifact_dir() / "report.png"
    _run_chromium([f"--screenshot={shot}", page.as_uri()], tmp_path / "profile-shot")
    assert shot.is_file()
