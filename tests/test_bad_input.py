"""The bad-input contract: a clear one-line error naming the file (and line where it
applies), never a traceback, exit 2, and every other file still linted.

Odd but valid input (an empty file, only front matter, a BOM, CRLF or lone CR line ends) is
linted normally: CRLF and BOM files give exactly the findings of their LF twins.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdlint import lint_text
from jdlint.cli import main
from jdlint.engine import MAX_BYTES, lint_paths

from .conftest import CLEAN_BODY

BAD = "# Data Engineer / Analytics Engineer\n\n" + CLEAN_BODY
GOOD_MARK = ":1:3: warning stacked-title"


def run(args, cwd=None):
    proc = subprocess.run([sys.executable, "-m", "jdlint", "--no-color", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def with_good_neighbour(tmp_path: Path, name: str, data: bytes):
    bad = tmp_path / name
    bad.write_bytes(data)
    other = tmp_path / "zz-other.md"
    other.write_text(BAD)
    proc = run([str(bad), str(other)])
    return proc, bad, other


@pytest.mark.parametrize("name,data,message", [
    ("undecodable.md", b"# Data\n\nsome \xff\xfe bytes\n", "line 3: not valid UTF-8 (byte 0xff"),
    ("binary.md", bytes(range(256)) * 4, "looks like a binary file"),
    ("nul.md", b"# Data Engineer\n\x00\n", "looks like a binary file (it contains NUL bytes)"),
])
def test_unreadable_content_is_one_line_exit_2_and_the_rest_is_linted(tmp_path, name, data, message):
    proc, bad, other = with_good_neighbour(tmp_path, name, data)
    assert proc.returncode == 2
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 1 and errors[0].startswith(f"{bad}: error: ") and message in errors[0]
    assert f"{other}{GOOD_MARK}" in proc.stdout


def test_a_10_mb_file_is_refused_quickly(tmp_path):
    big = (b"- build pipelines and dashboards\n" * (10 * 1024 * 1024 // 32))[: 10 * 1024 * 1024]
    assert len(big) > MAX_BYTES
    proc, bad, other = with_good_neighbour(tmp_path, "huge.md", big)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"{bad}: error: too large to be a posting (10.0 MB; the limit is 5 MB)"
    assert f"{other}{GOOD_MARK}" in proc.stdout


def test_unreadable_permissions(tmp_path, monkeypatch):
    p = tmp_path / "secret.md"
    p.write_text(BAD)
    other = tmp_path / "ok.md"
    other.write_text(BAD)
    import jdlint.safeio

    real = os.open

    def fake_open(path, *args, **kwargs):  # postings are read with os.open (tests run as root)
        if os.path.basename(path) == "secret.md":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(jdlint.safeio.os, "open", fake_open)
    r = CliRunner().invoke(main, ["--no-color", str(p), str(other)])
    assert r.exit_code == 2
    assert f"{p}: error: permission denied" in r.output and f"{other}{GOOD_MARK}" in r.output


def test_a_path_that_vanishes_mid_run(tmp_path):
    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / name).write_text(BAD)
    results = lint_paths([str(tmp_path)])
    first = next(results)
    (tmp_path / "b.md").unlink()  # gone between discovery and reading
    rest = list(results)
    assert first.findings and rest[-1].findings
    assert rest[0].error == f"{tmp_path / 'b.md'}: error: no such file (it vanished while jdlint ran)"


def test_directory_symlink_loop_and_odd_names(tmp_path):
    (tmp_path / "d").mkdir()
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    for name in ("-starts-with-dash.md", "with space.md", "naïve-日本.md"):
        (tmp_path / "d" / name).write_text(BAD)
    proc = run(["--fail-on", "warning", "--", str(tmp_path / "d")])
    assert proc.returncode == 1
    for name in ("-starts-with-dash.md", "with space.md", "naïve-日本.md"):
        assert f"{tmp_path / 'd' / name}{GOOD_MARK}" in proc.stdout
    assert proc.stdout.count(GOOD_MARK) == 3  # the loop was not followed


def test_a_missing_path_is_reported_and_the_rest_linted(tmp_path):
    (tmp_path / "a.md").write_text(BAD)
    proc = run([str(tmp_path / "nope.md"), str(tmp_path / "a.md")])
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"{tmp_path / 'nope.md'}: error: no such file or directory"


@pytest.mark.parametrize("text", ["", "\n\n  \n", "---\ntitle: Data Engineer\n---\n", "---\n---\n"])
def test_empty_and_front_matter_only_files_lint_cleanly(tmp_path, text):
    p = tmp_path / "a.md"
    p.write_text(text)
    proc = run([str(p)])
    assert proc.returncode == 0 and proc.stderr == ""


@pytest.mark.parametrize("front", ["---\n- a\n- b\n---\n", "---\njust a string\n---\n",
                                   "---\na: &x [1, 2]\nb: [*x, *x]\n---\n", "---\ntitle: [unclosed\n---\n"])
def test_front_matter_problems_are_findings_and_the_body_is_linted(front):
    found = lint_text(front + BAD.replace("# ", "# ", 1))
    rules = [f.rule for f in found]
    assert "front-matter" in rules and "stacked-title" in rules
    fm = next(f for f in found if f.rule == "front-matter")
    assert 2 <= fm.line <= 3


def test_crlf_lone_cr_and_bom_lint_exactly_like_lf():
    text = ("---\ntitle: Junior Data Engineer / Data Scientist\nlocation: Denver, CO\n---\n\n## Requirements\n\n"
            + "".join(f"- Item {i} with a Python rockstar\n" for i in range(9))
            + "- 5+ years of LangChain\n<!-- jdlint-disable-next-line wish-list -->\nWe are competitive.\n")
    base = [(f.line, f.column, f.end_line, f.end_column, f.rule, f.message) for f in lint_text(text)]
    assert len(base) > 10
    for variant in (text.replace("\n", "\r\n"), text.replace("\n", "\r"), "\ufeff" + text,
                    "\ufeff" + text.replace("\n", "\r\n")):
        got = [(f.line, f.column, f.end_line, f.end_column, f.rule, f.message) for f in lint_text(variant)]
        assert got == base


def test_an_internal_error_costs_one_file_not_the_run(tmp_path, monkeypatch):
    from jdlint.domain import titles

    def boom(*a, **k):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(titles.TitleGrammar, "roles", boom)
    (tmp_path / "a.md").write_text(BAD)
    (tmp_path / "b.md").write_text("# Data Analyst\n\n- SQL\n")
    r = CliRunner().invoke(main, ["--no-color", "--select", "stacked-title,wish-list", str(tmp_path)])
    assert r.exit_code == 2
    assert "a.md: error: jdlint could not lint this file (RuntimeError: kaboom)" in r.output
    assert r.output.count("error: jdlint could not lint") == 2  # each file reported, none crashed the run
