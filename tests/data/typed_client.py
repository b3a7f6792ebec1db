"""A job board's script, checked with ``mypy --strict`` by tests/test_api.py: the public API
must give it real types, not Any."""
from __future__ import annotations

from jdlint import ConfigError, Finding, Severity, lint_paths, lint_text, load_config


def errors_in(markdown: str) -> list[Finding]:
    try:
        config = load_config(data={"stack": ["python"]})
    except ConfigError as exc:
        raise SystemExit(str(exc)) from None
    found = lint_text(markdown, config)
    reveal_type(found)  # noqa: F821 - mypy prints the type
    return [f for f in found if f.severity >= Severity.ERROR]


def paths(folder: str) -> int:
    total = 0
    for result in lint_paths([folder]):
        total += len(result.findings)
    return total
