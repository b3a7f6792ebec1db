"""Generic kinds for a team's own rules, written in YAML only (Vale's extension points).

- ``existence``: report every match of ``tokens`` (words or phrases, whole words, any case)
  or ``patterns`` (regular expressions).
- ``substitution``: ``swap`` maps a pattern to its replacement; with ``fix: true`` the swaps
  are applied by ``--fix``.
- ``occurrence``: count matches of ``pattern`` in the posting; report above ``max`` (at the
  first match past it) or below ``min`` (on the title).

Patterns run through ``jdlint.patterns`` with one deadline per rule per posting (``timeout``
seconds, at most ``patterns.MAX_SECONDS``): every match is collected within it and findings are
built after it, so a catastrophic pattern in a team's pack is an error naming the rule and its
file, never a hang, and a cheap pattern with many matches is never reported as slow.
"""
from __future__ import annotations

from typing import Any, Iterator

import regex

from ..patterns import MAX_SECONDS, Deadline, compile_pattern, find_all
from ..wordfix import adapt
from .base import Context, Kind


def _token_pattern(token: str) -> str:
    words = [regex.escape(w) for w in token.split()]
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


def _matches(doc: Any, rule: Any, patterns: list[str]) -> list[tuple[Any, Any, str]]:
    """(block, match, pattern) for every non-empty match, in block then pattern order."""
    opts = rule.options
    deadline = Deadline(opts["timeout"], f"rule '{rule.name}' ({rule.file})")
    flags = regex.I if opts["ignorecase"] else 0
    compiled = [(p, compile_pattern(p, flags)) for p in patterns]
    out: list[tuple[Any, Any, str]] = []
    for block in doc.blocks:
        if not opts["headings"] and block.kind == "heading":
            continue
        for pat, rx in compiled:
            out.extend((block, m, pat) for m in find_all(rx, block.text, deadline, pat) if m.group(0))
    return out


def _span(block: Any, m: Any) -> tuple[int, int, int, int]:
    line, col = block.position(m.start())
    end_line, end_col = block.position(m.end())
    return line, col, end_line, end_col


_COMMON = {
    "ignorecase": (bool, True, "match regardless of case"),
    "headings": (bool, True, "also look in headings"),
    "timeout": (float, 1.0, f"seconds all of a rule's patterns may take on one posting before it is an error (at most {MAX_SECONDS:g})"),
}


class ExistenceKind(Kind):
    name = "existence"
    OPTIONS = dict(_COMMON, tokens=(list, [], "words or phrases to report"),
                   patterns=(list, [], "regular expressions to report"))
    PATTERN_OPTIONS = ("patterns",)
    FIELDS = ()

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:
        pats = [_token_pattern(t) for t in rule.options["tokens"]] + list(rule.options["patterns"])
        for block, m, _pat in _matches(doc, rule, pats):
            line, col, end_line, end_col = _span(block, m)
            yield rule.finding(doc, line, col, end_line, end_col, match=m.group(0))


class SubstitutionKind(Kind):
    name = "substitution"
    OPTIONS = dict(_COMMON, swap=(dict, {}, "pattern -> replacement"),
                   fix=(bool, False, "--fix may apply the swaps (only whole-word swaps that change no grammar)"))
    PATTERN_OPTIONS = ("swap",)
    FIELDS = ("suggestion",)

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:
        swaps = {str(k): str(v) for k, v in rule.options["swap"].items()}
        for block, m, pat in _matches(doc, rule, list(swaps)):
            line, col, end_line, end_col = _span(block, m)
            repl = swaps[pat]
            new = adapt(repl, m.group(0)) if rule.options["ignorecase"] else repl
            yield rule.finding(doc, line, col, end_line, end_col, match=m.group(0),
                               replacement=new if rule.options["fix"] and end_line == line else None,
                               suggestion=new, help=f"use '{new}'")


class OccurrenceKind(Kind):
    name = "occurrence"
    OPTIONS = dict(_COMMON, pattern=(str, "", "regular expression to count"),
                   max=(int, -1, "most matches allowed (-1: no limit)"),
                   min=(int, 0, "fewest matches required"))
    PATTERN_OPTIONS = ("pattern",)
    FIELDS = ("count", "max", "min")

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:
        pat = rule.options["pattern"]
        if not pat:
            return
        hits = _matches(doc, rule, [pat])
        mx, mn = rule.options["max"], rule.options["min"]
        if mx >= 0 and len(hits) > mx:
            block, m, _pat = hits[mx]
            line, col, end_line, end_col = _span(block, m)
            yield rule.finding(doc, line, col, end_line, end_col, match=m.group(0), variant="too_many",
                               count=len(hits), max=mx, min=mn)
        elif len(hits) < mn and doc.title is not None:
            t = doc.title
            yield rule.finding(doc, t.line, t.column, t.line, t.end_column, match=t.text, variant="too_few",
                               count=len(hits), max=mx, min=mn)
