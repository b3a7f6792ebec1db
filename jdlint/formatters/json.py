"""JSON output: one object, streamed.

    {"schema": 2, "jdlint_version": "0.1.0", "findings": [
      {...one finding, the Finding keys (``match`` excluded)...},
      ...
    ], "errors": [{"path": "postings/x.md", "message": "..."}], "files": 12}

``findings`` holds one finding per line: ``json.dumps`` without ``indent`` runs in C, which
matters for runs with tens of thousands of findings; the document is still valid, diffable
JSON. ``errors`` are the files (or the run) jdlint could not lint, each with the one-line
message it printed; ``path`` is null for an error about the whole run. ``files`` counts the
postings linted. Schema 1 was a bare list of findings.
"""
from __future__ import annotations

import json
from typing import Any, Iterable, TextIO

SCHEMA = 2


def _item(finding: Any) -> str:
    return json.dumps(finding.to_dict(), ensure_ascii=False)


def _head(version: str) -> str:
    return f'{{"schema": {SCHEMA}, "jdlint_version": {json.dumps(version)}, "findings": ['


def _tail(errors: Iterable[tuple[str | None, str]], files: int) -> str:
    items = [json.dumps({"path": p, "message": m}, ensure_ascii=False) for p, m in errors]
    listed = "[]" if not items else "[\n  " + ",\n  ".join(items) + "\n]"
    return f'], "errors": {listed}, "files": {files}}}'


class JsonFormatter:
    def __init__(self, version: str = ""):
        self.version = version

    def render(self, findings: list, errors: Iterable[tuple[str | None, str]] = (), files: int = 0) -> str:
        body = "" if not findings else "\n  " + ",\n  ".join(_item(f) for f in findings) + "\n"
        return _head(self.version) + body + _tail(errors, files)


class JsonStream:
    """Writes the same text as JsonFormatter.render, one finding at a time, so a large run
    never holds every finding in memory."""

    def __init__(self, out: TextIO, version: str = ""):
        self.out = out
        self.version = version
        self.count = 0

    def write(self, finding: Any) -> None:
        self.out.write((_head(self.version) + "\n  " if self.count == 0 else ",\n  ") + _item(finding))
        self.count += 1

    def close(self, errors: Iterable[tuple[str | None, str]] = (), files: int = 0) -> None:
        self.out.write((_head(self.version) if self.count == 0 else "\n") + _tail(errors, files) + "\n")
