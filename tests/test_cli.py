"""The command line: the real console script in subprocesses, plus click's runner for detail."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdlint.cli import main

ROOT = Path(__file__).resolve().parent.parent

from .conftest import CLEAN_BODY, FIXTURES

BAD = "# Data Engineer / Analytics Engineer\n\n## Requirements\n\n- Python\n"
GOOD = "# Data Engineer\n\n" + CLEAN_BODY
JSON_KEYS = ["path", "line", "column", "end_line", "end_column", "code", "rule", "severity", "message", "help"]


def console_script() -> str:
    exe = Path(sys.executable).parent / ("jdlint.exe" if os.name == "nt" else "jdlint")
    found = str(exe) if exe.exists() else shutil.which("jdlint")
    assert found, "the jdlint console script is not installed next to this Python"
    return found


def run(*args, cwd=None, input=None):
    return subprocess.run([console_script(), *args], cwd=cwd, input=input, capture_output=True, text=True, timeout=60)


def test_console_script_lints_fixtures_and_exits_1_on_errors():
    proc = run("--no-color", "--fail-on", "warning", str(FIXTURES / "realistic"))
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert any(":1:3: warning stacked-title title stacks 2 roles: 'Junior Data Scientist' and 'ML Engineer'" in l for l in lines)
    assert lines[-1].startswith("Found ") and "in 2 of 3 files." in lines[-1]


def test_python_dash_m_works(tmp_path):
    (tmp_path / "good.md").write_text(GOOD)
    proc = subprocess.run([sys.executable, "-m", "jdlint", str(tmp_path)], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.strip() == "No findings in 1 file."


def test_exit_codes_and_fail_on(tmp_path):
    (tmp_path / "a.md").write_text("# Data Analyst\n\n- SQL\n")  # only a warning
    assert run(str(tmp_path)).returncode == 0
    assert run("--fail-on", "warning", str(tmp_path)).returncode == 1
    assert run("--fail-on", "never", str(tmp_path)).returncode == 0
    assert run("--format", "yaml", str(tmp_path)).returncode == 2


def test_json_output_keys(tmp_path):
    (tmp_path / "a.md").write_text(BAD)
    proc = run("--format", "json", str(tmp_path / "a.md"))
    data = json.loads(proc.stdout)
    assert [list(d) for d in data] == [JSON_KEYS] * len(data)
    first = data[0]
    assert (first["line"], first["column"], first["code"], first["rule"], first["severity"]) == (1, 3, "JD101", "stacked-title", "warning")
    assert first["help"]


def test_stdin_with_filename_uses_that_files_config(tmp_path):
    (tmp_path / ".jdlint.yaml").write_text("rules:\n  stacked-title: info\n")
    proc = run("--stdin-filename", str(tmp_path / "x.md"), "-", input=BAD)
    assert f"{tmp_path / 'x.md'}:1:3: info stacked-title" in proc.stdout
    assert proc.returncode == 0


def test_bad_files_are_reported_and_the_rest_still_linted(tmp_path):
    (tmp_path / "a.md").write_text(BAD)
    (tmp_path / "b.md").write_bytes(b"# Data \xff Engineer\n")
    (tmp_path / "c.md").write_bytes(b"\x00\x01binary\x00")
    proc = run(str(tmp_path), str(tmp_path / "missing.md"))
    assert proc.returncode == 2
    err = proc.stderr.splitlines()
    assert f"{tmp_path / 'b.md'}: error: line 1: not valid UTF-8 (byte 0xff at offset 7)" in err
    assert any(l.startswith(f"{tmp_path / 'c.md'}: error: looks like a binary file") for l in err)
    assert f"{tmp_path / 'missing.md'}: error: no such file or directory" in err
    assert "Traceback" not in proc.stderr
    assert f"{tmp_path / 'a.md'}:1:3: warning stacked-title" in proc.stdout


def test_config_error_is_one_line_exit_2(tmp_path):
    (tmp_path / ".jdlint.yaml").write_text("rules:\n  stacked-titel: off\n")
    (tmp_path / "a.md").write_text(BAD)
    (tmp_path / "sub").mkdir()
    proc = run(str(tmp_path))
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"jdlint: error: {tmp_path / '.jdlint.yaml'}:2: unknown rule 'stacked-titel'; did you mean 'stacked-title'?"


def test_select_ignore_and_unknown_names(tmp_path):
    (tmp_path / "a.md").write_text(BAD)
    r = CliRunner().invoke(main, ["--select", "JD101", "--fail-on", "warning", str(tmp_path)])
    assert r.exit_code == 1 and "missing-first-problem" not in r.output
    r = CliRunner().invoke(main, ["--ignore", "stacked-title,JD102,unanswered-questions", str(tmp_path)])
    assert r.exit_code == 0 and "No findings" in r.output
    r = CliRunner().invoke(main, ["--select", "stacked-titel", str(tmp_path)])
    assert r.exit_code == 2 and "did you mean 'stacked-title'" in r.output


def test_stack_flag(tmp_path):
    (tmp_path / "a.md").write_text(GOOD + "\n- Services in Go and Python\n")
    r = CliRunner().invoke(main, ["--stack", "python", str(tmp_path)])
    assert "'Go' is not in the team's stack" in r.output
    r = CliRunner().invoke(main, ["--stack", "python,golang,airflow", str(tmp_path)])
    assert "No findings" in r.output


def test_list_rules_and_explain():
    r = CliRunner().invoke(main, ["--list-rules"])
    assert r.exit_code == 0
    assert any(l.startswith("JD101") and "stacked-title" in l for l in r.output.splitlines())
    r = CliRunner().invoke(main, ["--explain", "JD103"])
    assert r.exit_code == 0
    for part in ("JD103 wish-list (warning)", "Why:", "Instead:", "Options:", "max_required = 8", "Example (bad):", "Example (good):"):
        assert part in r.output
    r = CliRunner().invoke(main, ["--explain", "wishlist"])
    assert r.exit_code == 2 and "did you mean 'wish-list'" in r.output


def test_version():
    from jdlint import __version__

    assert run("--version").stdout.strip().endswith(__version__)


def test_discovery_skips_hidden_node_modules_and_symlinked_dirs(tmp_path):
    (tmp_path / "postings").mkdir()
    (tmp_path / "postings" / "a.md").write_text(GOOD)
    (tmp_path / "postings" / "b.markdown").write_text(GOOD)
    (tmp_path / "postings" / "notes.txt").write_text(BAD)
    for d in (".git", "node_modules"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "x.md").write_text(BAD)
    os.symlink(tmp_path / "postings", tmp_path / "link")
    os.symlink(tmp_path, tmp_path / "postings" / "loop")
    proc = run(str(tmp_path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip() == "No findings in 2 files."


def test_explicit_file_with_any_suffix_and_odd_names(tmp_path):
    odd = tmp_path / "-dash posting é.txt"
    odd.write_text(BAD)
    proc = run("--", str(odd))
    assert f"{odd}:1:3: warning stacked-title" in proc.stdout


def test_quiet_on_broken_pipe(tmp_path):
    for i in range(300):
        (tmp_path / f"p{i:03}.md").write_text(BAD)
    proc = subprocess.run(f"'{console_script()}' '{tmp_path}' | head -1", shell=True, capture_output=True, text=True)
    assert proc.stdout.count("\n") == 1
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path):
    p = tmp_path / "a.md"
    p.write_text(BAD)
    p.chmod(0)
    proc = run(str(p))
    assert proc.returncode == 2 and "permission denied" in proc.stderr


def test_jobs_give_the_same_output_as_one_process(tmp_path):
    import shutil as _sh

    for i in range(3):
        for src in sorted((FIXTURES / "realistic").glob("*.md")) + sorted((FIXTURES / "wish-list").glob("*.md")):
            _sh.copy(src, tmp_path / f"{i}-{src.name}")
    (tmp_path / "zz-broken.md").write_bytes(b"\xff\xfe\x00bad")
    outs = []
    for jobs in ("1", "2", "4"):
        proc = run("--jobs", jobs, "--no-color", "--format", "text", str(tmp_path))
        outs.append((proc.returncode, proc.stdout, proc.stderr))
    assert outs[0] == outs[1] == outs[2]
    assert outs[0][0] == 2 and "zz-broken.md: error:" in outs[0][2]


def _inspect_targets():
    real = ROOT.parent / "shared" / "corpus" / "real"
    paths = sorted((ROOT / "fixtures").glob("*/*.md"))
    if real.is_dir():
        paths += sorted(p for p in real.glob("*.md") if p.name != "SOURCES.md")
    return paths


def test_inspect_reads_every_posting_in_both_formats():
    import json

    targets = _inspect_targets()
    assert len(targets) >= 100
    runner = CliRunner()
    for path in targets:
        text = runner.invoke(main, ["inspect", str(path)])
        assert text.exit_code == 0, (path, text.output)
        assert "responsibilities" in text.output and "tools" in text.output
        js = runner.invoke(main, ["inspect", "--format", "json", str(path)])
        assert js.exit_code == 0, (path, js.output)
        data = json.loads(js.output)
        assert {"schema", "title", "sections", "responsibilities", "tools", "tool_roles", "experience",
                "requirements", "first_problem", "pay", "places", "wording", "questions"} <= set(data)


def test_inspect_explains_what_the_rules_saw():
    import json

    posting = ("# Junior Data Scientist\n\n## What you'll do\n\n- Design A/B tests for onboarding\n\n"
               "## Requirements\n\n- 3+ years of Python\n- Keras or PyTorch\n")
    r = CliRunner().invoke(main, ["inspect", "--format", "json", "-"], input=posting)
    data = json.loads(r.output)
    assert data["title"]["family"] == "data-scientist" and data["title"]["junior_marker"] == "Junior"
    (work,) = data["responsibilities"]
    assert work["family"] == "data-scientist" and work["evidence"]
    assert 0.5 <= work["score"] <= 1.0 and work["by_context"] is False
    assert data["tool_roles"] == {"Python": "required", "Keras": "alternative", "PyTorch": "alternative"}
    assert [(y["years"], y["tools"]) for y in data["experience"]] == [(3, ["Python"])]
    r = CliRunner().invoke(main, ["inspect", "-"], input=posting)
    assert "data-scientist <- " in r.output and "Keras [alternative] (or PyTorch)" in r.output


def test_inspect_errors_are_one_line():
    r = CliRunner().invoke(main, ["inspect", "no-such-posting.md"])
    assert r.exit_code == 2 and r.output.strip().startswith("no-such-posting.md: error:")
    assert len(r.output.strip().splitlines()) == 1
