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

import bisect
import re
from dataclasses import dataclass, field
from .rxcache import re_compile

# The body stops at the next "<!--" as well as at "-->": a line of unterminated openers is
# then scanned once, not once per opener (B1: it was quadratic).
# The keyword must end at a space or the comment's end: "jdlint-disable-nextline X" is not a
# "jdlint-disable" of the rules "-nextline" and "X" (that typo silently disabled X for the rest
# of the file); it is an unknown keyword, reported by invalid-directive, and disables nothing.
VERBS = ("disable-next-line", "disable-line", "disable-file", "disable", "enable")
_DIRECTIVE = re_compile(
    r"<!--\s*jdlint-(?P<verb>disable-next-line|disable-line|disable-file|disable|enable)(?=\s|-->)"
    r"(?P<body>(?:(?!-->|<!--).)*)-->", re.S)
_ANY_DIRECTIVE = re_compile(r"<!--\s*jdlint-(?P<verb>[^\s<>]*?)(?=\s|-->)(?:(?!-->|<!--).)*-->", re.S)
ALL = "*"
BAD_KEYWORD = "?"  # the verb of a comment that starts like a directive with an unknown keyword


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
        for m in _ANY_DIRECTIVE.finditer(ln.text):
            if m.group("verb") not in VERBS:
                out.append(Directive(BAD_KEYWORD, [m.group("verb")], ln.number, m.start() + 1, m.end() + 1, m.group(0)))
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
        self.bad_keywords = [d for d in directives if d.verb == BAD_KEYWORD]
        directives = [d for d in directives if d.verb != BAD_KEYWORD]
        self.directives = directives
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
        # Indexes, so each finding costs a few lookups, not a pass over every directive (B1).
        # Keys are rule names or ALL; values keep the first directive in document order.
        self._seq = {id(d): i for i, d in enumerate(directives)}
        self._file: dict[str, Directive] = {}
        self._point: dict[tuple[int, str], Directive] = {}
        for d in directives:
            for key in d.resolved:
                if d.verb == "disable-file":
                    self._file.setdefault(key, d)
                elif d.verb == "disable-line":
                    self._point.setdefault((d.line, key), d)
                elif d.verb == "disable-next-line":
                    self._point.setdefault((d.line + 1, key), d)
        # Per key, the range directives that apply to it, in order, with their lines.
        self._range_lines: dict[str, list[int]] = {}
        self._range_items: dict[str, list[tuple[int, Directive]]] = {}
        for seq, d in enumerate(self._ranges):
            for key in dict.fromkeys(d.resolved):
                self._range_lines.setdefault(key, []).append(d.line)
                self._range_items.setdefault(key, []).append((seq, d))

    def _last_range(self, key: str, line: int) -> tuple[int, Directive] | None:
        lines = self._range_lines.get(key)
        if not lines:
            return None
        k = bisect.bisect_right(lines, line)
        return self._range_items[key][k - 1] if k else None

    def _active_range(self, line: int, rule: str) -> Directive | None:
        """The disable directive in force for ``rule`` at ``line``, if any: the last range
        directive at or before ``line`` that names the rule (or all rules)."""
        found = [x for x in (self._last_range(rule, line), self._last_range(ALL, line)) if x is not None]
        if not found:
            return None
        _seq, d = max(found, key=lambda x: x[0])
        return d if d.verb == "disable" else None

    def suppressed(self, finding) -> bool:
        rule, line = finding.rule, finding.line
        candidates = [d for d in (self._file.get(rule), self._file.get(ALL),
                                  self._point.get((line, rule)), self._point.get((line, ALL))) if d is not None]
        hit = min(candidates, key=lambda d: self._seq[id(d)]) if candidates else None
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
    bad_keywords: list[Directive] = field(default_factory=list)  # "jdlint-disable-nextline": rules = [keyword]


def apply(doc, findings: list, resolve, enabled: frozenset[str]) -> tuple[list, Outcome | None]:
    """The post-pass: drop the findings a directive suppresses. Returns the kept findings and
    the outcome (None when the posting has no directive)."""
    directives = parse_directives(doc)
    if not directives:
        return findings, None
    sup = Suppressor(doc, directives, resolve)
    kept = [f for f in findings if not sup.suppressed(f)]
    return kept, Outcome(sup.directives, sup.unknown, enabled, sup.bad_keywords)
