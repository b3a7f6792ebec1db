"""``--diff-base REF``: keep only findings on lines added or changed since REF.

Uses ``git diff -U0 $(git merge-base REF HEAD)`` (the working tree against the point where the
branch left REF, as ``git diff REF...HEAD`` and a pull request do; uncommitted edits count) and treats
untracked postings as entirely new. File-level findings (rules with ``scope: file``, such as a
missing first problem) are kept for every changed file.
"""
from __future__ import annotations

import os
import re
import subprocess

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
ALL_LINES = "all"


class DiffError(Exception):
    pass


def _git(args: list[str], cwd: str) -> str:
    try:
        proc = subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=cwd,
                              capture_output=True, text=True, encoding="utf-8", errors="replace")
    except FileNotFoundError:
        raise DiffError("--diff-base needs git, and git is not installed") from None
    if proc.returncode != 0:
        raise DiffError(proc.stderr.strip().splitlines()[0] if proc.stderr.strip() else f"git {' '.join(args)} failed")
    return proc.stdout


def _shallow_hint(top: str) -> str:
    try:
        shallow = _git(["rev-parse", "--is-shallow-repository"], top).strip() == "true"
    except DiffError:
        shallow = False
    if not shallow:
        return ""
    return ("; this is a shallow clone, so older commits are missing: set `fetch-depth: 0` on actions/checkout "
            "(or fetch the base revision) to compare with it")


def changed_lines(ref: str, cwd: str = ".") -> dict[str, object]:
    """Absolute path -> set of changed line numbers, or ALL_LINES for new files."""
    try:
        top = _git(["rev-parse", "--show-toplevel"], cwd).strip()
    except DiffError:
        raise DiffError(f"--diff-base needs a git repository, and {os.path.abspath(cwd)} is not in one") from None
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top)
    except DiffError:
        raise DiffError(f"--diff-base: unknown revision {ref!r}{_shallow_hint(top)}") from None
    # Like `git diff REF...HEAD` (what a pull request shows): against the merge base, so a
    # branch behind REF is not blamed for lines REF changed after the branch point. The working
    # tree is compared, so uncommitted edits count.
    try:
        base = _git(["merge-base", ref, "HEAD"], top).strip()
    except DiffError:
        raise DiffError(f"--diff-base: {ref!r} and HEAD have no common ancestor in this clone{_shallow_hint(top)}") from None
    out: dict[str, object] = {}
    current: str | None = None
    for line in _git(["diff", "--no-color", "--no-ext-diff", "--no-renames", "-U0", base, "--"], top).splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            if name == "/dev/null":
                current = None
                continue
            if name.startswith('"') and name.endswith('"'):
                name = name[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape").encode("latin-1").decode("utf-8", "replace")
            current = os.path.normpath(os.path.join(top, name[2:] if name.startswith("b/") else name))
            out.setdefault(current, set())
            continue
        m = _HUNK.match(line)
        if m and current is not None:
            start, count = int(m.group(1)), int(m.group(2) or 1)
            lines = out[current]
            if isinstance(lines, set):
                lines.update(range(start, start + count))
    for name in _git(["ls-files", "--others", "--exclude-standard", "-z"], top).split("\0"):
        if name:
            out[os.path.normpath(os.path.join(top, name))] = ALL_LINES
    return out


def keep(finding, changed: dict[str, object], file_scoped: set[str]) -> bool:
    lines = changed.get(os.path.normpath(os.path.abspath(finding.path)))
    if lines is None:
        return False
    if lines == ALL_LINES or finding.rule in file_scoped:
        return True
    return finding.line in lines  # type: ignore[operator]
