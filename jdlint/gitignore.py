"""What git ignores, so walking a folder skips build output, virtual environments and vendored
docs the way ruff and markdownlint-cli2 (``gitignore: true``) do.

Inside a git work tree, every ``.gitignore`` from the repository root down to a file's folder
applies (a deeper file overrides a shallower one, the last matching line wins, ``!`` re-includes),
plus ``.git/info/exclude``; an ignored folder is not entered, as in git. Outside a work tree
nothing is ignored. Patterns are read by pathspec's ``GitIgnoreSpec`` (git's own semantics).
A ``.gitignore`` that cannot be read is skipped: it can only make jdlint lint more.
"""
from __future__ import annotations

import os
from typing import Any

MAX_BYTES = 1024 * 1024


def git_root(folder: str) -> str | None:
    """The nearest folder at or above ``folder`` that holds ``.git``, or None."""
    probe = folder
    while True:
        if os.path.exists(os.path.join(probe, ".git")):
            return probe
        parent = os.path.dirname(probe)
        if parent == probe:
            return None
        probe = parent


def _load(path: str) -> Any:
    from pathspec import GitIgnoreSpec

    from .safeio import read_regular_file

    try:
        data = read_regular_file(path, MAX_BYTES)
    except (ValueError, OSError):
        return None
    lines = data.decode("utf-8", "replace").splitlines()
    try:
        return GitIgnoreSpec.from_lines(lines)
    except Exception:  # a line pathspec cannot parse: git would skip it; skip the file
        return None


class GitIgnore:
    """``ignored(path, is_dir)`` for absolute paths; specs are cached per folder."""

    def __init__(self) -> None:
        self._roots: dict[str, str | None] = {}
        self._specs: dict[str, Any] = {}

    def _root(self, folder: str) -> str | None:
        if folder not in self._roots:
            self._roots[folder] = git_root(folder)
        return self._roots[folder]

    def _spec(self, folder: str, root: str) -> Any:
        key = folder
        if key not in self._specs:
            spec = _load(os.path.join(folder, ".gitignore"))
            if folder == root:
                exclude = _load(os.path.join(root, ".git", "info", "exclude"))
                if exclude is not None:
                    spec = exclude if spec is None else exclude + spec
            self._specs[key] = spec
        return self._specs[key]

    def ignored(self, path: str, is_dir: bool = False) -> bool:
        path = os.path.abspath(path)
        folder = os.path.dirname(path)
        root = self._root(folder)
        if root is None:
            return False
        chain = [folder]
        while chain[-1] != root and os.path.dirname(chain[-1]) != chain[-1]:
            chain.append(os.path.dirname(chain[-1]))
        decision = False
        for base in reversed(chain):  # the root's .gitignore first, the deepest last
            spec = self._spec(base, root)
            if spec is None:
                continue
            rel = os.path.relpath(path, base).replace(os.sep, "/") + ("/" if is_dir else "")
            result = spec.check_file(rel)
            if result.include is not None:
                decision = result.include
        return decision
