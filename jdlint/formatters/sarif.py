"""SARIF 2.1.0, the minimum GitHub code scanning accepts and shows well.

Columns are declared as Unicode code points (what jdlint counts), so an emoji in a title does
not shift every later column. URIs are repository-relative with forward slashes.
"""
from __future__ import annotations

import json
from urllib.parse import quote

from ..finding import Severity

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _first_paragraph(text: str) -> str:
    return " ".join(text.strip().split("\n\n")[0].split())


def _cap(text: str, n: int = 1024) -> str:
    return text if len(text) <= n else text[: n - 1] + "\u2026"


class SarifFormatter:
    def __init__(self, rules, version: str, relpath=lambda p: p):
        self.rules = list(rules)
        self.version = version
        self.relpath = relpath

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
        return {
            "id": r.id,
            "name": r.name,
            "shortDescription": {"text": _cap(r.summary)},
            "fullDescription": {"text": _cap(_first_paragraph(r.why))},
            "help": {"text": _cap(help_text, 4000), "markdown": markdown},
            "defaultConfiguration": {"level": _LEVEL[r.severity]},
            "properties": props,
        }

    def document(self, findings: list) -> dict:
        index = {r.id: i for i, r in enumerate(self.rules)}
        results = []
        for f in findings:
            res = {
                "ruleId": f.code,
                "level": _LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": quote(self.relpath(f.path).replace("\\", "/"), safe="/")},
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
                "tool": {"driver": {"name": "jdlint", "semanticVersion": self.version,
                                    "rules": [self._rule(r) for r in self.rules]}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }],
        }

    def render(self, findings: list) -> str:
        return json.dumps(self.document(findings), indent=2, ensure_ascii=False)
