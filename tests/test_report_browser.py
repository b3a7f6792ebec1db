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
    assert sum(1 for t, _ in page.tags if t == "button") == 5  # sortable columns


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
