"""A JSON list of finding objects with exactly the Finding keys (``match`` excluded)."""
from __future__ import annotations

import json


class JsonFormatter:
    def render(self, findings: list) -> str:
        return json.dumps([f.to_dict() for f in findings], indent=2, ensure_ascii=False)


class JsonStream:
    """Writes the same text as JsonFormatter.render, one finding at a time, so a large run
    never holds every finding in memory."""

    def __init__(self, out):
        self.out = out
        self.count = 0

    def write(self, finding) -> None:
        item = json.dumps(finding.to_dict(), indent=2, ensure_ascii=False).replace("\n", "\n  ")
        self.out.write(("[\n  " if self.count == 0 else ",\n  ") + item)
        self.count += 1

    def close(self) -> None:
        self.out.write("[]\n" if self.count == 0 else "\n]\n")
