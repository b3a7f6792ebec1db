"""A JSON list of finding objects with exactly the Finding keys (``match`` excluded).

One finding per line: ``json.dumps`` without ``indent`` runs in C, which matters for runs
with tens of thousands of findings; the list is still valid, diffable JSON.
"""
from __future__ import annotations

import json
from typing import Any, TextIO


def _item(finding: Any) -> str:
    return json.dumps(finding.to_dict(), ensure_ascii=False)


class JsonFormatter:
    def render(self, findings: list) -> str:
        if not findings:
            return "[]"
        return "[\n  " + ",\n  ".join(_item(f) for f in findings) + "\n]"


class JsonStream:
    """Writes the same text as JsonFormatter.render, one finding at a time, so a large run
    never holds every finding in memory."""

    def __init__(self, out: TextIO):
        self.out = out
        self.count = 0

    def write(self, finding: Any) -> None:
        self.out.write(("[\n  " if self.count == 0 else ",\n  ") + _item(finding))
        self.count += 1

    def close(self) -> None:
        self.out.write("[]\n" if self.count == 0 else "\n]\n")
