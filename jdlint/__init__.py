"""jdlint: a linter for job descriptions kept as markdown.

Public API (imported lazily so ``import jdlint`` stays cheap; fully typed, see ``py.typed``)::

    from jdlint import lint_text, lint_paths, load_config, Finding, Severity, ConfigError
    findings = lint_text(markdown, config={"stack": ["python", "postgres"]})
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:  # what type checkers see; at run time the names load on first use
    from .config import Config, ConfigError, load_config
    from .engine import FileResult, lint_paths, lint_text
    from .finding import Finding, Severity

__all__ = ["__version__", "lint_text", "lint_paths", "load_config", "Config", "ConfigError",
           "FileResult", "Finding", "Severity"]

_LAZY = {"lint_text": "engine", "lint_paths": "engine", "FileResult": "engine",
         "load_config": "config", "Config": "config", "ConfigError": "config",
         "Finding": "finding", "Severity": "finding"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'jdlint' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f".{module}", __name__), name)
