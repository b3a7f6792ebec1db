"""The pre-commit hook, run for real with ``pre-commit try-repo`` on a throwaway repo."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = shutil.which("pre-commit")
pytestmark = pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed (pip install pre-commit)")

from .conftest import CLEAN_BODY

BAD = "# Data Engineer / Analytics Engineer\n\n" + CLEAN_BODY
GOOD = "# Data Engineer\n\n" + CLEAN_BODY


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def init(path: Path) -> None:
    git(path, "init", "-q")
    git(path, "config", "user.email", "t@example.com")
    git(path, "config", "user.name", "t")
    git(path, "config", "commit.gpgsign", "false")


def test_manifest_is_valid():
    proc = subprocess.run([PRE_COMMIT, "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.slow
def test_try_repo_fails_on_a_bad_posting_and_passes_on_a_good_one(tmp_path):
    # try-repo only sees what the hook repo has committed: commit a copy of this checkout.
    hook_repo = tmp_path / "hook"
    hook_repo.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy(ROOT / name, hook_repo / name)
    for name in ("jdlint", "rules"):
        shutil.copytree(ROOT / name, hook_repo / name, ignore=shutil.ignore_patterns("__pycache__"))
    init(hook_repo)
    git(hook_repo, "add", ".")
    git(hook_repo, "commit", "-qm", "hook")

    target = tmp_path / "postings-repo"
    (target / "postings").mkdir(parents=True)
    (target / "postings" / "bad.md").write_text(BAD)
    (target / "postings" / "good.md").write_text(GOOD)
    # stacked-title is practice-graded, so a warning by default; this team rates it an error,
    # which is what makes the hook fail (the hook fails on errors, as --fail-on does).
    (target / ".jdlint.yaml").write_text("rules:\n  stacked-title: error\n")
    (target / "notes.txt").write_text(BAD)  # not markdown: the hook never sees it
    init(target)
    git(target, "add", ".")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"))

    def try_repo():
        return subprocess.run([PRE_COMMIT, "try-repo", str(hook_repo), "jdlint", "--all-files"], cwd=target,
                              env=env, capture_output=True, text=True, timeout=900)

    proc = try_repo()
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "postings/bad.md:1:3: error stacked-title" in proc.stdout
    assert "good.md" not in proc.stdout.replace("Found", "")
    assert "notes.txt" not in proc.stdout

    git(target, "rm", "-qf", "postings/bad.md")
    proc = try_repo()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout

