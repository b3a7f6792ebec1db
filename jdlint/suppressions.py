"""``<!-- jdlint-disable ... -->`` directives (markdownlint's grammar, ruff's RUF100 idea).

    <!-- jdlint-disable wish-list JD105 -- reason -->   off from here on (no list: all rules)
    <!-- jdlint-enable wish-list -->                      on again from here
    <!-- jdlint-disable-next-line tool-not-in-stack -->   only the next line
    <!-- jdlint-disable-line stacked-title -->            only this line
    <!-- jdlint-disable-file missing-first-problem -->    the whole file

Rules are named by name or code, separated by spaces or commas; ``-- reason`` is free text.
A finding is suppressed when its first line is. Directives inside code are not directives.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_DIRECTIVE = re.compile(
    r"<!--\s*jdlint-(?P<verb>disable-next-line|disable-line|disable-file|disable|enable)\b"
    r"(?P<body>.*?)-->", re.S)
ALL = "*"


@dataclass(eq=False)
class Directive:
    verb: str
    rules: list[str]  # as written; [] means all rules
    line: int
    column: int
    end_column: int
    text: str
    resolved: list[str] = field(default_factory=list)  # rule names; [ALL] for all
    used: set[str] = field(default_factory=set)  # rule names it suppressed something for


def parse_directives(doc) -> list[Directive]:
    out: list[Directive] = []
    for ln in doc.lines:
        if ln.block in ("code", "front_matter") or "jdlint-" not in ln.text:
            continue
        for m in _DIRECTIVE.finditer(ln.text):
            body = m.group("body")
            reason_at = body.find("--")
            if reason_at >= 0:
                body = body[:reason_at]
            names = [n for n in re.split(r"[\s,]+", body.strip()) if n]
            out.append(Directive(m.group("verb"), names, ln.number, m.start() + 1, m.end() + 1, m.group(0)))
    return out


class Suppressor:
    """Decides, per finding, whether a directive turns it off, and remembers which did."""

    def __init__(self, doc, directives: list[Directive], resolve):
        self.directives = directives
        self.unknown: list[tuple[Directive, str]] = []
        for d in directives:
            if not d.rules:
                d.resolved = [ALL]
                continue
            for name in d.rules:
                rule = resolve(name)
                if rule is None:
                    self.unknown.append((d, name))
                else:
                    d.resolved.append(rule.name)
        # Range directives, in line order: (line, verb, directive)
        self._ranges = sorted((d for d in directives if d.verb in ("disable", "enable")), key=lambda d: d.line)

    def _active_range(self, line: int, rule: str) -> Directive | None:
        """The disable directive in force for ``rule`` at ``line``, if any."""
        current: Directive | None = None
        for d in self._ranges:
            if d.line > line:
                break
            if d.verb == "disable" and (ALL in d.resolved or rule in d.resolved):
                current = d
            elif d.verb == "enable" and (ALL in d.resolved or rule in d.resolved):
                current = None
        return current

    def suppressed(self, finding) -> bool:
        rule, line = finding.rule, finding.line
        hit = None
        for d in self.directives:
            if not (ALL in d.resolved or rule in d.resolved):
                continue
            if (d.verb == "disable-file"
                    or (d.verb == "disable-line" and d.line == line)
                    or (d.verb == "disable-next-line" and d.line + 1 == line)):
                hit = d
                break
        if hit is None:
            hit = self._active_range(line, rule)
        if hit is None:
            return False
        hit.used.add(rule)
        return True


@dataclass
class Outcome:
    """What suppression did to one posting's findings: read by the rules about directives."""

    directives: list[Directive]
    unknown: list[tuple[Directive, str]]  # (directive, a name no rule has)
    enabled: frozenset[str]  # names of the rules that ran


def apply(doc, findings: list, resolve, enabled: frozenset[str]) -> tuple[list, Outcome | None]:
    """The post-pass: drop the findings a directive suppresses. Returns the kept findings and
    the outcome (None when the posting has no directive)."""
    directives = parse_directives(doc)
    if not directives:
        return findings, None
    sup = Suppressor(doc, directives, resolve)
    kept = [f for f in findings if not sup.suppressed(f)]
    return kept, Outcome(sup.directives, sup.unknown, enabled)
