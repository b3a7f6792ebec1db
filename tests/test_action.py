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
        **{"sarif-file": "jdlint.sarif", "report": "jdlint-report.html"})
    assert status == 1, out
    assert "::error file=postings/team a/bad posting.md,line=1,endLine=1,col=3,endColumn=37,title=JD101 stacked-title::" in out
    assert "::error file=postings/--fail-on=never.md,line=1" in out
    assert outputs == {"findings": "2", "sarif-file": "jdlint.sarif", "report": "jdlint-report.html"}
    assert (ws / "jdlint.sarif").exists()
    assert "<mark" in (ws / "jdlint-report.html").read_text(encoding="utf-8")
    assert summary.startswith("## jdlint") and "| `stacked-title` | JD101 | 2 |" in summary

    # A clean posting: the step passes and says so.
    status, out, outputs, summary = run_action(tmp_path, ws, paths="postings/good.md")
    assert status == 0 and outputs == {"findings": "0"}
    assert "No findings in 1 posting." in summary


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
