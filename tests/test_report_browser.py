"""The report in a real browser: headless Chromium loads it from disk, runs its script, and we
read the DOM it leaves: every finding highlighted, the filter hiding what it should. A
screenshot is kept as a build artifact (artifacts/report.png, or $JDLINT_ARTIFACTS)."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdlint.cli import main

from .conftest import FIXTURES
from .test_report import Page

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium; .ci/run installs it)")


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    return subprocess.run([CHROMIUM, *flags, *args], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("report")
    out = tmp / "report.html"
    paths = [str(p) for p in sorted((FIXTURES / "realistic").glob("*.md"))]
    r = CliRunner().invoke(main, ["--report", str(out), "--format", "json", *paths])
    assert out.exists(), r.output
    page = Page()
    page.feed(out.read_text(encoding="utf-8"))
    expected_marks = {a["data-id"] for t, a in page.tags if t == "mark"}
    notes = {a["data-id"]: a for t, a in page.tags if t == "li" and "data-id" in a}
    return tmp, out, expected_marks, notes


def dom(tmp: Path, url: str) -> Page:
    proc = chromium(tmp, "--dump-dom", url)
    assert proc.returncode == 0 and "<html" in proc.stdout, proc.stderr[-2000:]
    page = Page()
    page.feed(proc.stdout)
    return page


def test_every_finding_is_highlighted_in_the_browser(report):
    tmp, out, expected_marks, notes = report
    page = dom(tmp, out.as_uri())
    marks = {a["data-id"]: a for t, a in page.tags if t == "mark"}
    assert set(marks) == expected_marks and len(marks) >= 10
    placed = {i for i, a in notes.items() if "note" in a.get("class", "")}
    assert placed == expected_marks  # every finding in the text has its highlight
    form = next(a for t, a in page.tags if t == "form")
    assert "hidden" not in form  # the script ran and showed the filter
    assert sum(1 for t, a in page.tags if t == "button" and a.get("id") not in ("prev", "next")) == 5  # sortable columns


def test_filter_hides_what_it_should(report):
    tmp, out, _, notes = report
    page = dom(tmp, out.as_uri() + "#hide=info,tool-not-in-stack")
    shown = 0
    for tag, a in page.tags:
        if "data-rule" not in a or tag not in ("li", "mark"):
            continue
        off = a["data-severity"] == "info" or a["data-rule"] == "tool-not-in-stack"
        if tag == "li":
            assert ("hidden" in a) == off, a
        else:
            assert ("off" in a.get("class", "").split()) == off, a
        shown += not off
    assert shown > 5
    boxes = {a.get("value"): "checked" in a for t, a in page.tags if t == "input"}
    assert boxes["info"] is False and boxes["tool-not-in-stack"] is False and boxes["error"] is True


def test_screenshot_is_kept_as_an_artifact(report):
    tmp, out, _, _ = report
    folder = Path(os.environ.get("JDLINT_ARTIFACTS", ROOT / "artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    shot = folder / "report.png"
    if shot.exists():
        shot.unlink()
    proc = chromium(tmp, "--window-size=1200,1600", f"--screenshot={shot}", out.as_uri())
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


@pytest.mark.slow
def test_a_report_of_2000_postings_opens_in_seconds(tmp_path):
    # Issue 13: 1,920 postings made one 53 MB page that took 47 s to render. Now only the
    # first page of postings is laid out; a link to any posting opens its page.
    import time

    from jdlint.engine import lint_paths
    from jdlint.formatters.report import PAGE_SIZE, ReportFormatter
    from jdlint.registry import builtin_rules

    sources = sorted((FIXTURES / "realistic").glob("*.md")) + sorted((FIXTURES / "wish-list").glob("*.md"))
    linted = [(r.path, Path(r.path).read_text(encoding="utf-8"), r.findings)
              for r in lint_paths([str(p) for p in sources], stack=["python", "postgres"])]
    rows = [(f"postings/{i:04d}.md", text, findings)
            for i, (_p, text, findings) in ((i, linted[i % len(linted)]) for i in range(2000))]
    out = tmp_path / "report.html"
    out.write_text(ReportFormatter(builtin_rules(), "test").render(rows, len(rows)), encoding="utf-8")

    small = tmp_path / "small.html"
    small.write_text(ReportFormatter(builtin_rules(), "test").render(rows[:1], 1), encoding="utf-8")
    timings = {}
    for name, page in (("small", small), ("large", out)):
        start = time.perf_counter()
        proc = chromium(tmp_path, "--window-size=1200,1600", f"--screenshot={tmp_path / (name + '.png')}", page.as_uri())
        timings[name] = time.perf_counter() - start
        assert proc.returncode == 0, proc.stderr[-2000:]
    # the browser's own start-up is most of the small page's time; the large one adds seconds, not tens
    assert timings["large"] - timings["small"] < 8, timings

    page = dom(tmp_path, out.as_uri())
    sections = [a for t, a in page.tags if t == "section" and "posting" in a.get("class", "")]
    assert len(sections) == 2000
    shown = [a for a in sections if "later" not in a["class"].split()]
    assert len(shown) == PAGE_SIZE and all(a["data-page"] == "1" for a in shown)
    assert next(a for t, a in page.tags if t == "nav").get("hidden") is None  # the pager is there
    # a link to posting 1,999 opens its page
    page = dom(tmp_path, out.as_uri() + "#p-1999")
    shown = [a["id"] for t, a in page.tags if t == "section" and "posting" in a.get("class", "") and "later" not in a["class"].split()]
    assert "p-1999" in shown and len(shown) == PAGE_SIZE
