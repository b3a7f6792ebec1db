"""SARIF 2.1.0, the minimum GitHub code scanning accepts and shows well.

Columns are declared as Unicode code points (what jdlint counts), so an emoji in a title does
not shift every later column. URIs are repository-relative with forward slashes.
"""
from __future__ import annotations

import json
from urllib.parse import quote

from .._version import PROJECT_URL, RULES_DOC_URL
from ..finding import Severity

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _first_paragraph(text: str) -> str:
    return " ".join(text.strip().split("\n\n")[0].split())


def _cap(text: str, n: int = 1024) -> str:
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def help_uri(rule) -> str | None:
    """The rule's section of docs/rules.md; None for a team pack's rule (its help is inline)."""
    from ..registry import builtin_rules

    if rule.file not in {r.file for r in builtin_rules()}:
        return None
    return f"{RULES_DOC_URL}#{rule.id.lower()}-{rule.name.lower()}"


class SarifFormatter:
    def __init__(self, rules, version: str, relpath=lambda p: p):
        self.rules = list(rules)
        self.version = version
        self.relpath = relpath

    def _uri(self, path: str) -> str:
        return quote(self.relpath(path).replace("\\", "/"), safe="/")

    def _rule(self, r) -> dict:
        from ..docs import evidence_line, source_text

        markdown = f"**Why.** {r.why.strip()}\n\n**Instead.** {r.instead.strip()}\n\n**{evidence_line(r)}**"
        if r.sources:
            markdown += "\n\n**Sources.**\n\n" + "\n".join(f"- {source_text(s, markdown=True)}" for s in r.sources)
        help_text = f"{_first_paragraph(r.instead)} {evidence_line(r)}"
        if r.sources:
            help_text += " Sources: " + "; ".join(source_text(s) for s in r.sources)
        props = {"tags": ["job-description", r.kind.name]}
        if r.evidence:
            props["evidence"] = r.evidence
            props["tags"].append(f"evidence:{r.evidence}")
        uri = help_uri(r)
        out = {
            "id": r.id,
            "name": r.name,
            "shortDescription": {"text": _cap(r.summary)},
            "fullDescription": {"text": _cap(_first_paragraph(r.why))},
            "help": {"text": _cap(help_text, 4000), "markdown": markdown},
            "defaultConfiguration": {"level": _LEVEL[r.severity]},
            "properties": props,
        }
        if uri:
            out["helpUri"] = uri
        return out

    def invocation(self, exit_code: int | None, errors) -> dict:
        """What the run did: its exit status, and each file it could not lint as a tool
        notification, so code scanning hears about an unreadable file."""
        notes = []
        for path, message in errors:
            note: dict = {"level": "error", "message": {"text": message}}
            if path and path not in ("-", "<text>"):
                note["locations"] = [{"physicalLocation": {"artifactLocation": {"uri": self._uri(path)}}}]
            notes.append(note)
        inv: dict = {"executionSuccessful": not errors and exit_code in (0, 1, None)}
        if exit_code is not None:
            inv["exitCode"] = exit_code
        if notes:
            inv["toolExecutionNotifications"] = notes
        return inv

    def document(self, findings: list, exit_code: int | None = None, errors=()) -> dict:
        index = {r.id: i for i, r in enumerate(self.rules)}
        results = []
        for f in findings:
            res = {
                "ruleId": f.code,
                "level": _LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": self._uri(f.path)},
                    "region": {"startLine": f.line, "startColumn": f.column,
                               "endLine": f.end_line, "endColumn": f.end_column},
                }}],
            }
            if f.code in index:
                res["ruleIndex"] = index[f.code]
            results.append(res)
        return {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": "jdlint", "semanticVersion": self.version, "informationUri": PROJECT_URL,
                                    "rules": [self._rule(r) for r in self.rules]}},
                "invocations": [self.invocation(exit_code, errors)],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }],
        }

    def render(self, findings: list, exit_code: int | None = None, errors=()) -> str:
        return json.dumps(self.document(findings, exit_code, errors), indent=2, ensure_ascii=False)
