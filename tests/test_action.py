"""The composite GitHub Action, run locally with a fake runner, and audited with zizmor."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
ACTION = yaml.safe_load((ROOT / "action.yml").read_text())
ZIZMOR = shutil.which("zizmor")

from .conftest import CLEAN_BODY

BAD = "# Data Engineer / Analytics Engineer\n\n" + CLEAN_BODY
GOOD = "# Data Engineer\n\n" + CLEAN_BODY


def test_inputs_reach_the_shell_only_through_env():
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) == {"paths", "config", "fail-on", "sarif-file", "diff-base", "report"}
    assert "args" not in ACTION["inputs"]
    for step in ACTION["runs"]["steps"]:
        if "uses" in step:
            assert re.search(r"@[0-9a-f]{40}$", step["uses"]), step["uses"]  # pinned by SHA
            continue
        assert "${{" not in step.get("run", ""), f"expression inside run: in step {step['name']!r}"
        assert step.get("shell") == "bash"
    assert set(ACTION["outputs"]) == {"findings", "sarif-file", "report"}


def _expand(value: str, inputs: dict) -> str:
    def sub(m):
        expr = m.group(1).strip()
        assert expr.startswith("inputs."), expr
        return inputs[expr[len("inputs."):]]

    return re.sub(r"\$\{\{(.*?)\}\}", sub, value)


def run_action(tmp_path: Path, workspace: Path, **given: str) -> tuple[int, str, dict, str]:
    """Run the action's steps as a runner would; returns (status, stdout, outputs, summary)."""
    inputs = {k: str(v.get("default", "")) for k, v in ACTION["inputs"].items()}
    inputs.update(given)
    runner_temp = tmp_path / "runner-temp"
    runner_temp.mkdir(exist_ok=True)
    output_file, summary_file = tmp_path / "github_output", tmp_path / "step_summary"
    output_file.write_text("")
    summary_file.write_text("")
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "RUNNER_", "VIRTUAL_ENV"))}
    base_env.update(GITHUB_ACTIONS="true", GITHUB_ACTION_PATH=str(ROOT), RUNNER_TEMP=str(runner_temp),
                    GITHUB_OUTPUT=str(output_file), GITHUB_STEP_SUMMARY=str(summary_file),
                    GITHUB_WORKSPACE=str(workspace))
    stdout = ""
    for step in ACTION["runs"]["steps"]:
        if "run" not in step:
            continue  # a `uses:` step (the artifact upload) needs GitHub itself
        env = dict(base_env)
        env.update({k: _expand(str(v), inputs) for k, v in (step.get("env") or {}).items()})
        script = tmp_path / "step.sh"
        script.write_text(step["run"])
        proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=workspace,
                              env=env, capture_output=True, text=True, timeout=900)
        stdout += proc.stdout
        if proc.returncode != 0:
            break
    outputs = dict(line.split("=", 1) for line in output_file.read_text().splitlines() if "=" in line)
    return proc.returncode, stdout, outputs, summary_file.read_text()


@pytest.mark.slow
def test_action_annotates_outputs_and_summarises(tmp_path):
    ws = tmp_path / "ws"
    (ws / "postings" / "team a").mkdir(parents=True)
    (ws / "postings" / "team a" / "bad posting.md").write_text(BAD)
    (ws / "postings" / "good.md").write_text(GOOD)
    (ws / "postings" / "--fail-on=never.md").write_text(BAD)  # a file name is never an option
    status, out, outputs, summary = run_action(
        tmp_path, ws,
        paths="postings/team a/bad posting.md\npostings/good.md\n\npostings/--fail-on=never.md\n",
        **{"sarif-file": "jdlint.sarif", "report": "jdlint-report.html", "fail-on": "warning"})
    assert status == 1, out
    assert "::warning file=postings/team a/bad posting.md,line=1,endLine=1,col=3,endColumn=37,title=JD101 stacked-title::" in out
    assert "::warning file=postings/--fail-on=never.md,line=1" in out
    assert outputs == {"findings": "2", "sarif-file": "jdlint.sarif", "report": "jdlint-report.html"}
    assert (ws / "jdlint.sarif").exists()
    assert "<mark" in (ws / "jdlint-report.html").read_text(encoding="utf-8")
    assert summary.startswith("## jdlint") and "| `stacked-title` | JD101 | 2 |" in summary

    # A clean posting: the step passes and says so.
    status, out, outputs, summary = run_action(tmp_path, ws, paths="postings/good.md")
    assert status == 0 and outputs == {"findings": "0"}
    assert "No findings in 1 posting." in summary


@pytest.mark.slow
def test_action_errors_are_annotated_and_summarised_and_globs_work(tmp_path):
    # Issue 13: a missing path or a bad config made the step red while the summary said
    # "No findings in 1 posting.", with no annotation; globs in `paths:` failed.
    ws = tmp_path / "ws"
    (ws / "postings").mkdir(parents=True)
    (ws / "postings" / "good.md").write_text(GOOD)
    (ws / "postings" / "bad.md").write_text(BAD)
    (ws / "README.md").write_text(BAD)
    status, out, outputs, summary = run_action(tmp_path, ws, paths="postings/good.md\npostings/typo.md")
    assert status == 2, out
    assert "::error file=postings/typo.md,title=jdlint::postings/typo.md: error: no such file or directory" in out
    assert "the step fails (exit status 2)" in summary and "typo.md: error: no such file" in summary
    (ws / "bad.yaml").write_text("stack: [pythn]\n")
    status, out, outputs, summary = run_action(tmp_path, ws, paths="postings/good.md", config="bad.yaml")
    assert status == 2 and "unknown tool 'pythn'" in out and "Nothing was linted." in summary
    # (a stacked title is a warning: practice-backed rules are never errors by default)
    status, out, outputs, summary = run_action(tmp_path, ws, paths="postings/*.md", **{"fail-on": "warning"})
    assert status == 1 and outputs["findings"] == "1" and "file=postings/bad.md" in out
    # no paths: postings/ (not the README), as plain `jdlint` does
    status, out, outputs, summary = run_action(tmp_path, ws, **{"fail-on": "warning"})
    assert status == 1 and "README" not in out and "file=postings/bad.md" in out


@pytest.mark.skipif(ZIZMOR is None, reason="zizmor is not installed (pip install zizmor)")
def test_zizmor_finds_nothing_in_the_action_and_the_example_workflow():
    proc = subprocess.run([ZIZMOR, "--offline", "--persona", "auditor", "action.yml", "examples/jdlint.yml"],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_example_workflow_follows_the_security_conventions():
    wf = yaml.safe_load((ROOT / "examples" / "jdlint.yml").read_text())
    triggers = wf[True] if True in wf else wf["on"]  # YAML 1.1 reads `on` as true
    assert set(triggers) == {"pull_request"}
    assert wf["permissions"] == {}
    uses = [s["uses"] for job in wf["jobs"].values() for s in job["steps"] if "uses" in s]
    assert uses and all(re.search(r"@[0-9a-f]{40}$", u) for u in uses), uses
    lint = wf["jobs"]["lint"]
    assert lint["permissions"] == {"contents": "read"}
    checkout = lint["steps"][0]
    assert checkout["with"]["persist-credentials"] is False
    assert "git -c core.quotePath=false diff --name-only --diff-filter=ACMR -z" in lint["steps"][1]["run"]
    assert wf["jobs"]["upload-sarif"]["permissions"] == {"security-events": "write"}


def _step(doc: dict, name_or_id: str) -> str:
    steps = doc["runs"]["steps"] if "runs" in doc else doc["jobs"]["lint"]["steps"]
    return next(s["run"] for s in steps if name_or_id in (s.get("id"), s.get("name")))


def _fake_runner_temp(tmp_path: Path, jdlint_script: str) -> Path:
    rt = tmp_path / "runner-temp"
    (rt / "jdlint-venv" / "bin").mkdir(parents=True)
    fake = rt / "jdlint-venv" / "bin" / "jdlint"
    fake.write_text("#!/bin/bash\n" + jdlint_script)
    fake.chmod(0o755)
    os.symlink(shutil.which("python3") or "/usr/bin/python3", rt / "jdlint-venv" / "bin" / "python")
    return rt


def _run_lint_step(tmp_path: Path, ws: Path, rt: Path, **env: str) -> tuple[int, dict, str]:
    out = tmp_path / "github_output"
    out.write_text("")
    full = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "RUNNER_"))}
    full.update(RUNNER_TEMP=str(rt), GITHUB_OUTPUT=str(out), GITHUB_ACTIONS="true", GITHUB_WORKSPACE=str(ws),
                JDLINT_PATHS="postings/a.md", JDLINT_CONFIG="", JDLINT_FAIL_ON="error", JDLINT_SARIF="",
                JDLINT_DIFF_BASE="", JDLINT_REPORT="")
    full.update(env)
    script = tmp_path / "step.sh"
    script.write_text(_step(ACTION, "lint"))
    proc = subprocess.run(["bash", "--noprofile", "--norc", str(script)], cwd=ws, env=full,
                          capture_output=True, text=True, timeout=120)
    outputs = dict(line.split("=", 1) for line in out.read_text().splitlines() if "=" in line)
    return proc.returncode, outputs, proc.stdout + proc.stderr


def test_action_reports_no_stale_or_foreign_outputs_after_a_crash(tmp_path):
    ws = tmp_path / "ws"
    (ws / "postings").mkdir(parents=True)
    (ws / "postings" / "a.md").write_text(GOOD)
    (tmp_path / "secret.txt").write_text("SECRET=hunter2\n")
    os.symlink(tmp_path / "secret.txt", ws / "jdlint.sarif")  # committed by the pull request
    rt = _fake_runner_temp(tmp_path, 'echo "Traceback (most recent call last):" >&2; exit 1\n')
    (rt / "jdlint-findings.json").write_text("[{}, {}, {}]")  # left by an earlier run
    status, outputs, log = _run_lint_step(tmp_path, ws, rt, JDLINT_SARIF="jdlint.sarif")
    assert status == 2 and outputs == {}, (outputs, log)
    assert "::error title=jdlint::jdlint did not finish" in log
    assert not (ws / "jdlint.sarif").exists() and not (ws / "jdlint.sarif").is_symlink()
    assert (tmp_path / "secret.txt").read_text() == "SECRET=hunter2\n"


def test_action_refuses_paths_outside_the_workspace(tmp_path):
    ws = tmp_path / "ws"
    (ws / "postings").mkdir(parents=True)
    (tmp_path / "secret.md").write_text(BAD)
    rt = _fake_runner_temp(tmp_path, 'echo ran > "$RUNNER_TEMP/ran"; exit 0\n')
    status, outputs, log = _run_lint_step(tmp_path, ws, rt, JDLINT_PATHS=f"postings/a.md\n{tmp_path / 'secret.md'}\n")
    assert status == 2 and not (rt / "ran").exists() and "outside the workspace" in log


def _changed_step(tmp_path: Path, names: list[str]) -> tuple[int, str, str]:
    repo = tmp_path / "repo"
    (repo / "postings").mkdir(parents=True)
    git = ["git", "-c", "user.email=a@b", "-c", "user.name=a"]
    subprocess.run(["git", "init", "-q", "."], cwd=repo, check=True)
    (repo / "postings" / "ok.md").write_text(GOOD)
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    subprocess.run(git + ["commit", "-qm", "base"], cwd=repo, check=True)
    for n in names:
        (repo / n).write_text(BAD)
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    subprocess.run(git + ["commit", "-qm", "pr"], cwd=repo, check=True)
    wf = yaml.safe_load((ROOT / "examples" / "jdlint.yml").read_text())
    script = tmp_path / "changed.sh"
    script.write_text(_step(wf, "changed"))
    rt = tmp_path / "rt"
    rt.mkdir()
    out = tmp_path / "github_output"
    out.write_text("")
    env = dict(os.environ, RUNNER_TEMP=str(rt), GITHUB_OUTPUT=str(out))
    proc = subprocess.run(["bash", "--noprofile", "--norc", str(script)], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=120)
    return proc.returncode, out.read_text(), proc.stdout + proc.stderr


def test_example_workflow_refuses_file_names_with_line_breaks(tmp_path):
    status, output, log = _changed_step(tmp_path, [
        "postings/x\n::error file=README.md,line=1::Forged\n.md",
        "postings/y\nJDLINT_PATHS_EOF\njunk<<JDLINT_PATHS_EOF\n.md"])
    assert status != 0 and output == "" and "contains a line break" in log


def test_example_workflow_uses_a_random_heredoc_delimiter(tmp_path):
    status, output, _ = _changed_step(tmp_path, ["postings/JDLINT_PATHS_EOF.md", "postings/b c.md"])
    assert status == 0
    lines = output.splitlines()
    assert lines[0] == "any=true" and lines[1].startswith("paths<<JDLINT_PATHS_") and len(lines[1]) > 30
    delimiter = lines[1].split("<<", 1)[1]
    assert lines[2:] == ["postings/JDLINT_PATHS_EOF.md", "postings/b c.md", delimiter]
    assert delimiter != "JDLINT_PATHS_EOF" and re.fullmatch(r"JDLINT_PATHS_[0-9a-f]{32}", delimiter)
