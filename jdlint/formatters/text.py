"""``path:line:col: severity rule message`` lines and a one-line summary."""
from __future__ import annotations

from collections import Counter

from ..finding import Severity

_COLORS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
_RESET = "\x1b[0m"
_DIM = "\x1b[2m"


class TextFormatter:
    def __init__(self, color: bool = False, statistics: bool = False):
        self.color = color
        self.statistics = statistics

    def finding(self, f) -> str:
        sev = str(f.severity)
        if self.color:
            sev = f"{_COLORS[f.severity]}{sev}{_RESET}"
            rule = f"{_DIM}{f.rule}{_RESET}"
        else:
            rule = f.rule
        return f"{f.path}:{f.line}:{f.column}: {sev} {rule} {f.message}"

    def summary(self, findings: list, files: int) -> str:
        if not findings:
            return f"No findings in {files} file{'s' if files != 1 else ''}."
        c = Counter(f.severity for f in findings)
        parts = [f"{c[s]} {str(s)}{'s' if c[s] != 1 and s != Severity.INFO else ''}"
                 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if c[s]]
        n = len(findings)
        with_findings = len({f.path for f in findings})
        return (f"Found {n} finding{'s' if n != 1 else ''} ({', '.join(parts)}) in "
                f"{with_findings} of {files} file{'s' if files != 1 else ''}.")

    def stats(self, findings: list) -> list[str]:
        c = Counter((f.code, f.rule) for f in findings)
        return [f"{n:5d}  {code}  {rule}" for (code, rule), n in sorted(c.items(), key=lambda x: (-x[1], x[0]))]
