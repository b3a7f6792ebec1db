"""jdlint: a linter for job descriptions kept as markdown.

Public API (imported lazily so ``import jdlint`` stays cheap)::

    from jdlint import lint_text, lint_paths, load_config, Finding, Severity
    findings = lint_text(markdown, config={"stack": ["python", "postgres"]})
"""
from __future__ import annotations

from ._version import __version__

__all__ = ["__version__", "lint_text", "lint_paths", "load_config", "Config", "Finding", "Severity"]


def __getattr__(name: str):
    if name in ("lint_text", "lint_paths"):
        from . import engine

        return getattr(engine, name)
    if name in ("load_config", "Config"):
        from . import config

        return getattr(config, name)
    if name in ("Finding", "Severity"):
        from . import finding

        return getattr(finding, name)
    raise AttributeError(f"module 'jdlint' has no attribute {name!r}")
