"""A markdown job summary: counts per rule, then one table per posting.

GitHub refuses a step summary over 1 MiB, so the summary stops before that with a note that
the rest is in the log and the SARIF file.
"""
from __future__ import annotations

from collections import Counter

LIMIT = 1024 * 1024 - 16 * 1024  # leave room for the truncation note and other steps


def _cell(s: str) -> str:
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


class SummaryFormatter:
    def __init__(self, limit: int = LIMIT):
        self.limit = limit

    def render(self, findings: list, files: int) -> str:
        out: list[str] = ["## jdlint", ""]
        if not findings:
            out.append(f"No findings in {files} posting{'s' if files != 1 else ''}.")
            return "\n".join(out) + "\n"
        sev = Counter(str(f.severity) for f in findings)
        out.append(f"{len(findings)} findings in {len({f.path for f in findings})} of {files} postings: "
                   + ", ".join(f"{sev[s]} {s}" for s in ("error", "warning", "info") if sev[s]) + ".")
        out += ["", "| rule | code | count |", "| --- | --- | ---: |"]
        by_rule = Counter((f.rule, f.code) for f in findings)
        for (rule, code), n in sorted(by_rule.items(), key=lambda x: (-x[1], x[0])):
            out.append(f"| `{rule}` | {code} | {n} |")
        head = "\n".join(out) + "\n"
        size = len(head.encode("utf-8"))
        parts = [head]
        by_path: dict[str, list] = {}
        for f in findings:
            by_path.setdefault(f.path, []).append(f)
        shown = 0
        for path in sorted(by_path):
            block = [f"\n### `{_cell(path)}`\n", "| line | severity | rule | message |", "| ---: | --- | --- | --- |"]
            block += [f"| {f.line} | {f.severity} | `{f.rule}` | {_cell(f.message)} |" for f in by_path[path]]
            text = "\n".join(block) + "\n"
            n = len(text.encode("utf-8"))
            if size + n > self.limit:
                left = len(findings) - shown
                parts.append(f"\n_Summary truncated before GitHub's 1 MiB limit: {left} more findings are in the log and the SARIF file._\n")
                break
            parts.append(text)
            size += n
            shown += len(by_path[path])
        return "".join(parts)
