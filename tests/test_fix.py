"""--fix: safe swaps only, atomic, idempotent, line endings and BOM kept; never writes otherwise."""
from __future__ import annotations

import os

from click.testing import CliRunner

from jdlint import lint_text
from jdlint.cli import main
from jdlint.engine import apply_fixes

POSTING = ("# Data Engineer\n\nWe need a Python Rockstar and two SQL ninjas, a strong culture fit.\n"
           "Ideal for a digital native. Native speakers preferred.\n")


def test_apply_fixes_swaps_only_safe_phrases():
    fixed, n = apply_fixes(POSTING, lint_text(POSTING))
    assert n == 4
    assert "a Python Expert and two SQL experts, a strong culture add." in fixed
    assert "digital native" in fixed  # no safe swap: reported, not rewritten
    assert "Fluent speakers preferred." in fixed


def test_fix_is_idempotent_and_keeps_crlf_and_bom(tmp_path):
    p = tmp_path / "a.md"
    p.write_bytes(("\ufeff" + POSTING.replace("\n", "\r\n")).encode("utf-8"))
    os.chmod(p, 0o640)
    r = CliRunner().invoke(main, ["--fix", "--no-color", str(p)])
    assert "fixed 4 findings" in r.output
    data = p.read_bytes().decode("utf-8")
    assert data.startswith("\ufeff# Data Engineer\r\n") and "\r\n" in data and "\n" not in data.replace("\r\n", "")
    assert "culture add" in data
    assert os.stat(p).st_mode & 0o777 == 0o640
    assert "digital native" in r.output  # what could not be fixed is still reported
    before = p.read_bytes()
    r2 = CliRunner().invoke(main, ["--fix", str(p)])
    assert "fixed" not in r2.output and p.read_bytes() == before
    assert not [f for f in os.listdir(tmp_path) if f.startswith(".jdlint-")]


def test_without_fix_files_are_never_written(tmp_path):
    p = tmp_path / "a.md"
    p.write_text(POSTING)
    mtime = os.stat(p).st_mtime_ns
    CliRunner().invoke(main, [str(p), "--format", "json"])
    assert p.read_text() == POSTING and os.stat(p).st_mtime_ns == mtime


def test_fix_skips_a_span_that_no_longer_matches():
    found = lint_text(POSTING)
    changed = POSTING.replace("Rockstar", "Rockstat")
    fixed, n = apply_fixes(changed, found)
    assert "Rockstat" in fixed and n == 3
