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

from jdlint import __version__
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
    doc = json.loads(proc.stdout)
    assert list(doc) == ["schema", "jdlint_version", "findings", "errors", "files"]
    assert doc["schema"] == 2 and doc["jdlint_version"] == __version__ and doc["files"] == 1 and doc["errors"] == []
    data = doc["findings"]
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
    for part in ("JD103 wish-list (warning)", "Why:", "Instead:", "Options:", "max_required = 9", "Example (bad):", "Example (good):"):
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


def test_glob_paths_are_expanded_or_refused_clearly(tmp_path, monkeypatch):
    # Issue 13: the Action passes `paths: postings/*.md` as written; it failed as "no such file".
    monkeypatch.chdir(tmp_path)
    (tmp_path / "postings" / "team").mkdir(parents=True)
    (tmp_path / "postings" / "a.md").write_text("# Data Engineer / Analytics Engineer\n")
    (tmp_path / "postings" / "team" / "b.md").write_text("# Data Engineer / Analytics Engineer\n")
    r = CliRunner().invoke(main, ["--format", "json", "--select", "stacked-title", "--fail-on", "warning", "postings/*.md"])
    assert r.exit_code == 1 and [f["path"] for f in json.loads(r.stdout)["findings"]] == ["postings/a.md"]
    r = CliRunner().invoke(main, ["--format", "json", "--select", "stacked-title", "postings/**/*.md"])
    assert sorted(f["path"] for f in json.loads(r.stdout)["findings"]) == ["postings/a.md", "postings/team/b.md"]
    r = CliRunner().invoke(main, ["postings/*.markdown"])
    assert r.exit_code == 2 and "postings/*.markdown: error: no file matches this glob" in r.stderr


def _tree(root, files):
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)


def _linted(args, cwd):
    r = CliRunner().invoke(main, ["--format", "json", "--select", "stacked-title", *args])
    return sorted({f["path"] for f in json.loads(r.stdout)["findings"]}), r


def test_walking_respects_gitignore_unless_no_gitignore(tmp_path, monkeypatch):
    # Issue 13: .gitignore was not read, so build output and vendored docs were linted.
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    _tree(tmp_path, {
        ".gitignore": "build/\n*.tmp.md\n",
        ".git/info/exclude": "local.md\n",
        "postings/a.md": BAD, "postings/b.tmp.md": BAD, "local.md": BAD,
        "build/out.md": BAD, "postings/build/old.md": BAD,
        "postings/.gitignore": "!keep.tmp.md\nsecret.md\n",
        "postings/keep.tmp.md": BAD, "postings/secret.md": BAD,
    })
    got, _ = _linted(["."], tmp_path)
    assert got == ["postings/a.md", "postings/keep.tmp.md"]
    got, _ = _linted(["--no-gitignore", "."], tmp_path)
    assert "build/out.md" in got and "postings/secret.md" in got and len(got) == 7
    got, _ = _linted(["build/out.md"], tmp_path)  # named explicitly: linted
    assert got == ["build/out.md"]
    got, _ = _linted(["build"], tmp_path)  # an ignored folder named explicitly: linted too
    assert got == ["build/out.md"]
    got, _ = _linted(["postings"], tmp_path)  # a folder that is not ignored: its ignores hold
    assert got == ["postings/a.md", "postings/keep.tmp.md"]


def test_plain_jdlint_lints_postings_or_include_and_says_so(tmp_path, monkeypatch):
    # Issue 13: plain `jdlint` linted every .md under '.', README included.
    monkeypatch.chdir(tmp_path)
    _tree(tmp_path, {"README.md": BAD, "postings/a.md": BAD, "jobs/b.md": BAD})
    got, r = _linted([], tmp_path)
    assert got == ["postings/a.md"] and "linting postings/" in r.stderr
    (tmp_path / ".jdlint.yaml").write_text("include: ['jobs/**']\n")
    got, r = _linted([], tmp_path)
    assert got == ["jobs/b.md"] and "include: names in .jdlint.yaml (jobs/**)" in r.stderr
    (tmp_path / ".jdlint.yaml").unlink()
    (tmp_path / "postings" / "a.md").unlink()
    (tmp_path / "postings").rmdir()
    got, r = _linted([], tmp_path)
    assert got == ["README.md", "jobs/b.md"] and "linting the current folder" in r.stderr


def test_list_rules_says_opt_in_once_and_explain_ignores_case():
    # Issue 13: "(opt-in). (opt-in)" and `--explain Wish-List` failing.
    r = CliRunner().invoke(main, ["--list-rules"])
    assert r.output.count("(opt-in)") == len([l for l in r.output.splitlines() if "(opt-in)" in l]) >= 1
    assert all(l.count("(opt-in)") <= 1 for l in r.output.splitlines())
    for name in ("Wish-List", "jd103", "WISH-LIST"):
        assert CliRunner().invoke(main, ["--explain", name]).output.startswith("JD103 wish-list")


def test_no_color_counts_only_when_non_empty_and_force_color_forces(tmp_path, monkeypatch):
    # no-color.org: NO_COLOR set *and non-empty* turns colour off; FORCE_COLOR for CI logs.
    from jdlint.cli import _use_color

    class Tty:
        def isatty(self):
            return True

    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("NO_COLOR", "")
    assert _use_color(False, Tty())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not _use_color(False, Tty())
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    p = tmp_path / "a.md"
    p.write_text(BAD)
    assert "\x1b[33m" in CliRunner().invoke(main, [str(p)]).output  # a warning's colour
    assert "\x1b[" not in CliRunner().invoke(main, ["--no-color", str(p)]).output


def test_min_severity_and_quiet_hide_lower_findings(tmp_path):
    # Issue 13: on real postings most output is info, with no way to turn it down.
    p = tmp_path / "a.md"
    p.write_text("# Data Engineer / Analytics Engineer\n\nWe want a rockstar.\n")
    (tmp_path / ".jdlint.yaml").write_text("rules:\n  stacked-title: error\n")  # one error, whatever the defaults

    def sevs(*args):
        r = CliRunner().invoke(main, ["--format", "json", *args, str(p)])
        return r.exit_code, sorted({f["severity"] for f in json.loads(r.stdout)["findings"]})

    assert sevs() == (1, ["error", "info", "warning"])
    assert sevs("--min-severity", "warning") == (1, ["error", "warning"])
    assert sevs("-q") == (1, ["error"])
    assert sevs("--quiet", "--fail-on", "warning") == (1, ["error"])
    p.write_text("# Data Engineer\n\nWe want a rockstar.\n")
    assert sevs("-q", "--fail-on", "warning") == (0, [])  # hidden findings do not fail the run
    r = CliRunner().invoke(main, ["--no-color", "--min-severity", "warning", str(p)])
    assert "info" not in r.output and "warning exclusionary-language" in r.output


def test_hooks_fail_on_errors_or_warnings_and_the_readme_pins_a_sha():
    # Issue 13: the README's `rev: v0.1.0` does not exist, and warnings were invisible.
    import re

    import yaml

    hooks = {h["id"]: h for h in yaml.safe_load((Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text())}
    assert hooks["jdlint"]["entry"] == "jdlint --min-severity warning"
    assert hooks["jdlint-strict"]["entry"].endswith("--fail-on warning")
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    section = readme[readme.index("### 2. pre-commit"):readme.index("### 3. GitHub Action")]
    revs = re.findall(r"^\s*rev: (\S+)", section, re.M)
    assert revs and all(re.fullmatch(r"[0-9a-f]{40}", r) for r in revs), revs
    assert "verbose: true" in section and "v0.1.0" not in section


def test_show_settings_names_the_files_and_the_front_matter(tmp_path, monkeypatch):
    import yaml

    monkeypatch.chdir(tmp_path)
    _tree(tmp_path, {
        "base.yaml": "rules:\n  wish-list: {max_required: 3}\nstage: seed\n",
        "postings/.jdlint.yaml": "extends: ../base.yaml\nstack: [python]\n",
        "postings/a.md": "---\njdlint:\n  disable: [JD205]\n---\n# Data Engineer\n",
    })
    r = CliRunner().invoke(main, ["--show-settings", "postings/a.md"])
    assert r.exit_code == 0, r.output
    got = yaml.safe_load(r.stdout)
    assert got["config files"] == [str(tmp_path / "base.yaml"), str(tmp_path / "postings" / ".jdlint.yaml")]
    assert got["stack"] == ["python"] and got["stack from"] == f"{tmp_path / 'postings' / '.jdlint.yaml'}:2"
    assert got["rules"]["wish-list"]["options"]["max_required"] == 3 and got["stage"] == "seed"
    assert got["set in"]["rules"] == f"{tmp_path / 'base.yaml'}:1"
    assert "exclusionary-language" in got["rules off"] and got["disabled by front matter"] == ["JD205"]
    assert yaml.safe_load(CliRunner().invoke(main, ["--show-settings", "other.md"]).stdout)["config files"] == \
        ["(none: the built-in defaults)"]


def test_show_files_lists_what_would_be_linted(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    _tree(tmp_path, {".gitignore": "build/\n", "postings/b.md": "x", "postings/a.markdown": "x",
                     "postings/notes.txt": "x", "build/c.md": "x", "README.md": "x"})
    r = CliRunner().invoke(main, ["--show-files", "."])
    assert r.exit_code == 0 and r.stdout.splitlines() == ["README.md", "postings/a.markdown", "postings/b.md"]
    assert CliRunner().invoke(main, ["--show-files"]).stdout.splitlines() == ["postings/a.markdown", "postings/b.md"]
    r = CliRunner().invoke(main, ["--show-files", "nope.md"])
    assert r.exit_code == 2 and "nope.md: error: no such file" in r.stderr


def test_short_version_help_examples_and_stdin_filename_alone(tmp_path):
    from jdlint import __version__

    assert CliRunner().invoke(main, ["-V"]).output.strip().endswith(__version__)
    help_text = CliRunner().invoke(main, ["--help"]).output
    for part in ("Examples:", "jdlint --fix --diff", "--explain RULE", "docs/rules.md", "jdlint init", "--min-severity"):
        assert part in help_text, part
    # --stdin-filename alone reads standard input (it used to lint the current folder)
    r = CliRunner().invoke(main, ["--format", "json", "--select", "stacked-title", "--stdin-filename", "new.md"],
                           input="# Data Engineer / Analytics Engineer\n")
    assert [f["path"] for f in json.loads(r.stdout)["findings"]] == ["new.md"]


def test_init_writes_a_starter_config_that_loads(tmp_path, monkeypatch):
    from jdlint.config import load_config

    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["init"])
    assert r.exit_code == 0 and "fill in stack:" in r.stderr
    text = (tmp_path / ".jdlint.yaml").read_text()
    assert "stack: []" in text and "# stack: [python" in text
    cfg = load_config(tmp_path / ".jdlint.yaml")
    assert cfg.stack == [] and cfg.include == ["postings/**"]
    r = CliRunner().invoke(main, ["init"])
    assert r.exit_code == 2 and "already exists; --force overwrites it" in r.stderr
    assert CliRunner().invoke(main, ["init", "--force", "team.yaml"]).exit_code == 0
    assert (tmp_path / "team.yaml").read_text() == text
