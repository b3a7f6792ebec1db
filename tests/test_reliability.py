"""Reliability on hostile input: a dying worker, a closed stdout, unreadable paths."""
from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from click.testing import CliRunner

from jdlint import engine
from jdlint.cli import main

STACKED = "# Data Engineer / Analytics Engineer\n\nText.\n"


def test_a_worker_that_dies_costs_one_file_not_the_run(tmp_path, monkeypatch):
    """b6: a worker killed while linting one posting (the out-of-memory killer, a signal) must
    not abort the run: that posting gets a one-line error, every other posting is linted."""
    for i in range(12):
        (tmp_path / f"p{i:02d}.md").write_text(STACKED)
    (tmp_path / "p05-killer.md").write_text(STACKED)
    parent = os.getpid()
    real = engine.lint_file

    def lint_file(path, cfg, **kw):
        if path.endswith("killer.md") and os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(path, cfg, **kw)

    monkeypatch.setattr(engine, "lint_file", lint_file)
    r = CliRunner().invoke(main, ["--no-color", "--jobs", "2", "--select", "stacked-title", str(tmp_path)])
    assert r.exit_code == 2, r.output
    assert r.output.count("stacked-title") == 12, r.output
    errors = [ln for ln in r.output.splitlines() if ": error: " in ln]
    assert len(errors) == 1 and "p05-killer.md: error: the process linting this file died" in errors[0]
    assert "Traceback" not in r.output


def test_a_memory_error_in_a_worker_is_that_files_error(tmp_path, monkeypatch):
    for i in range(6):
        (tmp_path / f"p{i}.md").write_text(STACKED)

    real = engine.read_posting

    def read_posting(path, *args, **kwargs):
        if path.endswith("p3.md"):
            raise MemoryError("out of memory")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(engine, "read_posting", read_posting)
    r = CliRunner().invoke(main, ["--no-color", "--jobs", "2", "--select", "stacked-title", str(tmp_path)])
    assert r.exit_code == 2
    assert r.output.count("stacked-title") == 5
    assert "p3.md: error: jdlint could not lint this file (MemoryError" in r.output


def test_side_outputs_are_written_when_stdout_closes_early(tmp_path):
    """b15: `jdlint ... | head -1` must still write --sarif-file and --report."""
    for i in range(300):
        (tmp_path / f"p{i}.md").write_text(STACKED)
    jd = [sys.executable, "-m", "jdlint"]
    cmd = jd + ["--no-color", "--jobs", "1", "--sarif-file", str(tmp_path / "out.sarif"),
                "--report", str(tmp_path / "out.html"), str(tmp_path)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    proc.stdout.readline()
    proc.stdout.close()  # the reader goes away, as `| head -1` does
    _out, err = proc.communicate(timeout=120)
    assert (tmp_path / "out.sarif").exists() and (tmp_path / "out.html").exists()
    assert b"Traceback" not in err
    assert '"results"' in (tmp_path / "out.sarif").read_text()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads unreadable files")
def test_a_named_unreadable_file_is_that_files_error(tmp_path):
    (tmp_path / "good.md").write_text(STACKED)
    secret = tmp_path / "secret.md"
    secret.write_text(STACKED)
    secret.chmod(0)
    r = CliRunner().invoke(main, ["--no-color", str(secret), str(tmp_path / "good.md")])
    assert r.exit_code == 2
    assert "secret.md: error: permission denied" in r.output
    assert "good.md:1:3: warning stacked-title" in r.output


def test_a_named_unreadable_file_is_not_a_usage_error(tmp_path, monkeypatch):
    """b11, as root too: the path argument does not check readability (click would turn it
    into a usage error and lint nothing); reading the file does, and names it."""
    (tmp_path / "good.md").write_text(STACKED)
    secret = tmp_path / "secret.md"
    secret.write_text(STACKED)

    real_open = os.open

    def open_(path, flags, *a, **k):
        if os.fspath(path).endswith("secret.md"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *a, **k)

    monkeypatch.setattr(os, "open", open_)
    monkeypatch.setattr(os, "access", lambda *a, **k: False)  # what click asks before reading
    r = CliRunner().invoke(main, ["--no-color", str(secret), str(tmp_path / "good.md")])
    assert r.exit_code == 2, r.output
    assert "secret.md: error: permission denied" in r.output
    assert "good.md:1:3: warning stacked-title" in r.output
