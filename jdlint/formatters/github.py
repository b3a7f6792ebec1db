"""GitHub Actions workflow commands.

GitHub shows at most 10 error and 10 warning annotations per step and drops the rest
silently, so the most severe findings are annotated first, the rest are printed as plain
lines, and one notice says how many were not annotated.
"""
from __future__ import annotations

from ..finding import Severity
from ..safeio import sanitize_terminal

LIMIT_PER_LEVEL = 10
_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(s: str) -> str:
    """Workflow-command data: ``%``, CR and LF percent-encoded (so nothing can start a new
    ``::command::`` line), every other control character made visible (``\\x1b``)."""
    s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return sanitize_terminal(s)


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter:
    def __init__(self, relpath=lambda p: p):
        self.relpath = relpath

    def annotation(self, f) -> str:
        props = [f"file={escape_property(self.relpath(f.path))}", f"line={f.line}", f"endLine={f.end_line}"]
        if f.end_line == f.line:
            props += [f"col={f.column}", f"endColumn={f.end_column}"]
        props.append(f"title={escape_property(f'{f.code} {f.rule}')}")
        return f"::{_COMMAND[f.severity]} {','.join(props)}::{escape_data(f.message)}"

    def error(self, path: str | None, message: str) -> str:
        """An error that kept a file (or the whole run) from being linted, as an annotation:
        on the file when there is one the runner can show, else on the run."""
        props = []
        if path and path not in ("-", "<text>"):
            props.append(f"file={escape_property(self.relpath(path))}")
        props.append("title=jdlint")
        return f"::error {','.join(props)}::{escape_data(message)}"

    def render(self, findings: list) -> str:
        ordered = sorted(findings, key=lambda f: (-int(f.severity), f.path, f.line, f.column, f.code))
        shown = {s: 0 for s in Severity}
        lines, rest = [], []
        for f in ordered:
            if shown[f.severity] < LIMIT_PER_LEVEL:
                shown[f.severity] += 1
                lines.append(self.annotation(f))
            else:
                rest.append(f)
        for f in rest:
            # A plain line, but the runner parses commands on every line: the path is escaped
            # like a property (no line breaks, and ':' as %3A so it cannot begin with '::').
            lines.append(f"{escape_property(self.relpath(f.path))}:{f.line}:{f.column}: {f.severity} "
                         f"{escape_data(f.rule)} {escape_data(f.message)}")
        if rest:
            lines.append(f"::notice title=jdlint::{len(rest)} more finding{'s' if len(rest) != 1 else ''} "
                         "not shown as annotations (GitHub shows 10 per level); see the job summary or the SARIF file")
        return "\n".join(lines)
