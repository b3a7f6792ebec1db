"""Severity and Finding: the one record every rule produces and every formatter reads."""
from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.IntEnum):
    """How much a finding matters. Ordered, so ``sev >= Severity.WARNING`` works."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r}; use info, warning or error") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, order=True)
class Finding:
    """One problem at one place. Positions are 1-based; columns count characters.

    Document-level findings (a posting with no first problem) sit on the title line.
    Field order is the sort order: path, then position, then rule.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    rule: str
    severity: Severity
    message: str
    match: str = ""
    help: str = ""
    replacement: str | None = None  # a safe fix for ``match`` at this span (used by --fix)

    def to_dict(self) -> dict:
        """The JSON object: exactly these keys, in this order."""
        return {"path": self.path, "line": self.line, "column": self.column, "end_line": self.end_line,
                "end_column": self.end_column, "code": self.code, "rule": self.rule,
                "severity": str(self.severity), "message": self.message, "help": self.help}
