"""--diff-base: only findings on changed lines, plus file-level findings of changed files."""
from __future__ import annotations

import re
import subprocess

from click.testing import CliRunner

from jdlint.cli import main

OLD = "# Data Engineer / Analytics Engineer\n\n## Requirements\n\n- SQL\n"
NEW_REQS = "".join(f"- Item {i}\n" for i in range(9))


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def repo(tmp_path):
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.email", "t@example.com")
    git(tmp_path, "config", "user.name", "t")
    (tmp_path / "postings").mkdir()
    (tmp_path / "postings" / "old.md").write_text(OLD)
    (tmp_path / "postings" / "same.md").write_text(OLD)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "base")
    return tmp_path


def short(line):
    m = re.match(r"^(.*?:\d+:\d+): \w+ (\S+)", line)
    return f"{m.group(1)} {m.group(2)}"


def lint(tmp_path, monkeypatch, *args):
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["--no-color", "--format", "text",
                                  "--select", "stacked-title,missing-first-problem,wish-list", *args])
    return r.exit_code, [l for l in r.output.splitlines() if not l.startswith(("Found", "No findings"))]


def test_only_changed_lines_and_file_level_findings(tmp_path, monkeypatch):
    repo(tmp_path)
    (tmp_path / "postings" / "old.md").write_text(OLD + NEW_REQS)  # the title line is unchanged
    (tmp_path / "postings" / "new é.md").write_text(OLD)  # untracked: every line is new
    code, lines = lint(tmp_path, monkeypatch, "--diff-base", "HEAD", "postings")
    got = sorted(short(l) for l in lines)
    assert got == sorted([
        "postings/new é.md:1:3 stacked-title",
        "postings/new é.md:1:3 missing-first-problem",
        "postings/old.md:1:3 missing-first-problem",  # file-level, the file changed
    ]), lines
    assert code == 0  # a stacked title is a warning (practice-graded); the default --fail-on is error
    code, lines = lint(tmp_path, monkeypatch, "postings")
    assert any("same.md:1:3" in l for l in lines)  # without --diff-base everything is reported


def test_changed_line_is_reported(tmp_path, monkeypatch):
    repo(tmp_path)
    (tmp_path / "postings" / "old.md").write_text(OLD.replace("- SQL", "- SQL\n- Python, Spark, Kafka, Airflow, dbt, Kubernetes"))
    git(tmp_path, "commit", "-qam", "more")
    code, lines = lint(tmp_path, monkeypatch, "--diff-base", "HEAD~1", "postings")
    assert [short(l) for l in lines] == [
        "postings/old.md:1:3 missing-first-problem", "postings/old.md:6:3 wish-list"]


def test_errors_outside_a_repo_and_bad_ref(tmp_path, monkeypatch):
    (tmp_path / "a.md").write_text(OLD)
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["--diff-base", "main", "a.md"])
    assert r.exit_code == 2 and "--diff-base needs a git repository" in r.output
    repo(tmp_path)
    r = CliRunner().invoke(main, ["--diff-base", "no-such-ref", "a.md"])
    assert r.exit_code == 2 and "unknown revision 'no-such-ref'" in r.output


def test_diff_base_compares_with_the_merge_base(tmp_path, monkeypatch):
    # Issue 13: a branch behind main was blamed for a line main changed after the branch point.
    repo(tmp_path)
    git(tmp_path, "branch", "-M", "main")
    git(tmp_path, "checkout", "-qb", "feature")
    (tmp_path / "postings" / "same.md").write_text(OLD.replace("- SQL", "- SQL\n- Python, Spark, Kafka, Airflow, dbt, Kubernetes"))
    git(tmp_path, "commit", "-qam", "feature work")
    git(tmp_path, "checkout", "-q", "main")
    (tmp_path / "postings" / "old.md").write_text(OLD.replace("# Data Engineer / Analytics Engineer", "# Data Engineer"))
    git(tmp_path, "commit", "-qam", "main fixes the title")
    git(tmp_path, "checkout", "-q", "feature")
    code, lines = lint(tmp_path, monkeypatch, "--diff-base", "main", "postings")
    assert not any("old.md" in l for l in lines), lines  # the branch never touched old.md
    assert [short(l) for l in lines] == ["postings/same.md:1:3 missing-first-problem", "postings/same.md:6:3 wish-list"]


def test_shallow_clone_gets_a_fetch_depth_hint(tmp_path, monkeypatch):
    origin = repo(tmp_path / "origin") if (tmp_path / "origin").mkdir() is None else None
    (origin / "postings" / "old.md").write_text(OLD + "- more\n")
    git(origin, "commit", "-qam", "second")
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", "clone")
    monkeypatch.chdir(tmp_path / "clone")
    r = CliRunner().invoke(main, ["--diff-base", "HEAD^1", "postings"])
    assert r.exit_code == 2
    assert "unknown revision 'HEAD^1'" in r.stderr and "fetch-depth: 0" in r.stderr


def test_errors_reach_annotations_and_the_job_summary(tmp_path, monkeypatch):
    # Issue 13: exit 2 with a summary saying "No findings" and no annotation.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    (tmp_path / "good.md").write_text("# Data Engineer\n")
    (tmp_path / "bad.yaml").write_text("rulez: 1\n")
    summary = tmp_path / "summary.md"
    for args, says in ((["good.md", "typo.md"], "typo.md: error: no such file"),
                       (["--config", "bad.yaml", "good.md"], "unknown key 'rulez'"),
                       (["--diff-base", "no-such-ref", "good.md"], "--diff-base")):
        summary.write_text("")
        r = CliRunner().invoke(main, ["--summary", str(summary), *args])
        assert r.exit_code == 2, (args, r.output)
        assert any(l.startswith("::error ") and says in l for l in r.stdout.splitlines()), (args, r.stdout)
        text = summary.read_text()
        assert "the step fails (exit status 2)" in text and says in text, text
        if "typo.md" not in says:
            assert "Nothing was linted" in text and "No findings" not in text
    assert "::error file=typo.md,title=jdlint::" in CliRunner().invoke(main, ["good.md", "typo.md"]).stdout
