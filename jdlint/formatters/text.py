"""``path:line:col: severity rule message`` lines and a one-line summary."""
from __future__ import annotations

from collections import Counter

from ..finding import Severity
from ..safeio import escape_path, sanitize_terminal

_COLORS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
_RESET = "\x1b[0m"
_DIM = "\x1b[2m"


class TextFormatter:
    def __init__(self, color: bool = False):
        self.color = color

    def finding(self, f) -> str:
        """One line. Paths, rule names and messages (which quote the posting) come from the
        tree under review: control characters are shown escaped (``\\x1b``, ``\\n``), with
        or without colour, so they can neither drive the terminal nor start a new line."""
        sev = str(f.severity)
        rule = sanitize_terminal(f.rule, keep_newlines=False, keep_tabs=False)
        if self.color:
            sev = f"{_COLORS[f.severity]}{sev}{_RESET}"
            rule = f"{_DIM}{rule}{_RESET}"
        message = sanitize_terminal(f.message, keep_newlines=False)
        return f"{escape_path(f.path)}:{f.line}:{f.column}: {sev} {rule} {message}"

    def summary(self, tally, files: int, errors: int = 0) -> str:
        """The closing line; it says how many files could not be linted, so "No findings" is
        never read as a clean run when the files were not read at all."""
        unread = f" {errors} could not be linted (see the errors above)." if errors else ""
        if errors and not files and not tally.total:
            return "Nothing was linted (see the error above)."
        if not tally.total:
            return f"No findings in {files} file{'s' if files != 1 else ''}.{unread}"
        c = tally.by_severity
        parts = [f"{c[s]} {str(s)}{'s' if c[s] != 1 and s != Severity.INFO else ''}"
                 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if c[s]]
        n = tally.total
        return (f"Found {n} finding{'s' if n != 1 else ''} ({', '.join(parts)}) in "
                f"{len(tally.paths)} of {files} file{'s' if files != 1 else ''}.{unread}")

    def stats(self, tally) -> list[str]:
        rows = sorted(tally.by_rule.items(), key=lambda x: (-x[1], x[0]))
        return [f"{n:5d}  {sanitize_terminal(code, keep_newlines=False)}  {sanitize_terminal(rule, keep_newlines=False)}"
                for (code, rule), n in rows]


class Tally:
    """Counts of what was found, so a run can report totals without keeping every finding."""

    def __init__(self):
        self.total = 0
        self.by_severity: Counter = Counter()
        self.by_rule: Counter = Counter()
        self.paths: set[str] = set()

    def add(self, f) -> None:
        self.total += 1
        self.by_severity[f.severity] += 1
        self.by_rule[(f.code, f.rule)] += 1
        self.paths.add(f.path)

    def any_at_or_above(self, severity) -> bool:
        return any(n for s, n in self.by_severity.items() if s >= severity)
