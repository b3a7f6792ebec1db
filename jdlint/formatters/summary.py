"""A markdown job summary: counts per rule, then one table per posting.

GitHub refuses a step summary over 1 MiB, so the summary stops before that with a note that
the rest is in the log and the SARIF file.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from ..safeio import sanitize_terminal

LIMIT = 1024 * 1024 - 16 * 1024  # leave room for the truncation note and other steps


_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character


def _flat(s: str) -> str:
    """One line, control characters visible."""
    return sanitize_terminal(" ".join(str(s).splitlines()), keep_newlines=False, keep_tabs=False)


def _cell(s: str) -> str:
    """Untrusted text (file names, messages quoting the posting or its front matter) as
    literal markdown text: every ASCII punctuation character backslash-escaped (so no link,
    image, emphasis, code span or HTML can start), ``<``/``>``/``&`` as entities, and ``|``
    escaped for tables."""
    out = _PUNCT.sub(lambda m: {"<": "&lt;", ">": "&gt;", "&": "&amp;"}.get(m.group(1), "\\" + m.group(1)), _flat(s))
    # GitHub also turns bare www. and http(s):// text into links: an invisible word joiner
    # (U+2060) after the scheme or "www" stops that and leaves the text as it reads.
    return re.sub(r"(?i)(https?|ftp)(\\:)|\b(www)(\\\.)", lambda m: (m.group(1) or m.group(3)) + "\u2060" + (m.group(2) or m.group(4)), out)


def _code(s: str, in_table: bool = False) -> str:
    """Untrusted text in a code span: fenced with more backticks than its longest run, so it
    cannot close the span (and ``|`` escaped inside a table, as GFM requires)."""
    s = _flat(s)
    runs = [len(r) for r in re.findall(r"`+", s)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if s.startswith("`") or s.endswith("`") or (s.startswith(" ") and s.endswith(" ") and s.strip()) else ""
    if in_table:
        s = s.replace("|", "\\|")
    return f"{fence}{pad}{s}{pad}{fence}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 or word == "info" else f"{n} {word}s"


class SummaryFormatter:
    def __init__(self, limit: int = LIMIT, relpath=lambda p: p):
        self.limit = limit
        self.relpath = relpath  # paths as the annotations show them (repository-relative)

    def _errors(self, errors: Iterable[str]) -> list[str]:
        errors = list(errors)
        if not errors:
            return []
        out = [f"**{_plural(len(errors), 'error')}: the step fails (exit status 2).**", ""]
        out += [f"- {_code(e)}" for e in errors]
        return out + [""]

    def render(self, findings: list, files: int, errors: Iterable[str] = ()) -> str:
        out: list[str] = ["## jdlint", ""] + self._errors(errors)
        if not findings:
            out.append("Nothing was linted." if errors and not files else f"No findings in {_plural(files, 'posting')}.")
            return "\n".join(out) + "\n"
        sev = Counter(str(f.severity) for f in findings)
        out.append(f"{_plural(len(findings), 'finding')} in {len({f.path for f in findings})} of {_plural(files, 'posting')}: "
                   + ", ".join(_plural(sev[s], s) for s in ("error", "warning", "info") if sev[s]) + ".")
        out += ["", "| rule | code | count |", "| --- | --- | ---: |"]
        by_rule = Counter((f.rule, f.code) for f in findings)
        for (rule, code), n in sorted(by_rule.items(), key=lambda x: (-x[1], x[0])):
            out.append(f"| {_code(rule, True)} | {_cell(code)} | {n} |")
        head = "\n".join(out) + "\n"
        size = len(head.encode("utf-8"))
        parts = [head]
        by_path: dict[str, list] = {}
        for f in findings:
            by_path.setdefault(self.relpath(f.path), []).append(f)
        shown = 0
        for path in sorted(by_path):
            block = [f"\n### {_code(path)}\n", "| line | severity | rule | message |", "| ---: | --- | --- | --- |"]
            block += [f"| {f.line} | {f.severity} | {_code(f.rule, True)} | {_cell(f.message)} |" for f in by_path[path]]
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
