"""Generic kinds for a team's own rules, written in YAML only (Vale's extension points).

- ``existence``: report every match of ``tokens`` (words or phrases, whole words, any case)
  or ``patterns`` (regular expressions).
- ``substitution``: ``swap`` maps a pattern to its replacement; with ``fix: true`` the swaps
  are applied by ``--fix``.
- ``occurrence``: count matches of ``pattern`` in the posting; report above ``max`` (at the
  first match past it) or below ``min`` (on the title).

Patterns run under the ``regex`` module with a time limit: a pattern that takes longer than
``timeout`` seconds on a posting raises PatternTimeout, which names the rule and its file, so a
catastrophic pattern in a team's pack is an error, never a hang.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from . import Kind


class PatternTimeout(Exception):
    def __init__(self, rule, pattern: str, seconds: float):
        super().__init__(f"rule '{rule.name}' ({rule.file}): pattern {pattern!r} took longer than {seconds:g}s")
        self.rule, self.pattern, self.seconds = rule, pattern, seconds


class PatternError(Exception):
    pass


@lru_cache(maxsize=512)
def _compile(pattern: str, ignorecase: bool):
    return regex.compile(pattern, regex.I if ignorecase else 0)


def _token_pattern(token: str) -> str:
    words = [regex.escape(w) for w in token.split()]
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


def _finditer(rule, pattern: str, text: str, ignorecase: bool):
    seconds = float(rule.options.get("timeout", 1.0))
    try:
        yield from _compile(pattern, ignorecase).finditer(text, timeout=seconds)
    except TimeoutError:
        raise PatternTimeout(rule, pattern, seconds) from None


def _prose_blocks(doc, skip_headings: bool):
    for block in doc.blocks:
        if skip_headings and block.kind == "heading":
            continue
        yield block


_COMMON = {
    "ignorecase": (bool, True, "match regardless of case"),
    "headings": (bool, True, "also look in headings"),
    "timeout": (float, 1.0, "seconds a pattern may take on one posting before it is an error"),
}


class ExistenceKind(Kind):
    name = "existence"
    OPTIONS = dict(_COMMON, tokens=(list, [], "words or phrases to report"),
                   patterns=(list, [], "regular expressions to report"))
    PATTERN_OPTIONS = ("patterns",)

    def check(self, doc, rule, ctx):
        pats = [_token_pattern(t) for t in rule.options["tokens"]] + list(rule.options["patterns"])
        for block in _prose_blocks(doc, not rule.options["headings"]):
            for pat in pats:
                for m in _finditer(rule, pat, block.text, rule.options["ignorecase"]):
                    if not m.group(0):
                        continue
                    line, col = block.position(m.start())
                    end_line, end_col = block.position(m.end())
                    yield rule.finding(doc, line, col, end_line, end_col, match=m.group(0))


class SubstitutionKind(Kind):
    name = "substitution"
    OPTIONS = dict(_COMMON, swap=(dict, {}, "pattern -> replacement"),
                   fix=(bool, False, "--fix may apply the swaps (only whole-word swaps that change no grammar)"))
    PATTERN_OPTIONS = ("swap",)

    def check(self, doc, rule, ctx):
        swaps = rule.options["swap"]
        for block in _prose_blocks(doc, not rule.options["headings"]):
            for pat, repl in swaps.items():
                for m in _finditer(rule, str(pat), block.text, rule.options["ignorecase"]):
                    if not m.group(0):
                        continue
                    line, col = block.position(m.start())
                    end_line, end_col = block.position(m.end())
                    from .phrases import adapt

                    new = adapt(str(repl), m.group(0)) if rule.options["ignorecase"] else str(repl)
                    yield rule.finding(doc, line, col, end_line, end_col, match=m.group(0),
                                       replacement=new if rule.options["fix"] and end_line == line else None,
                                       suggestion=new, help=f"use '{new}'")


class OccurrenceKind(Kind):
    name = "occurrence"
    OPTIONS = dict(_COMMON, pattern=(str, "", "regular expression to count"),
                   max=(int, -1, "most matches allowed (-1: no limit)"),
                   min=(int, 0, "fewest matches required"))
    PATTERN_OPTIONS = ("pattern",)

    def check(self, doc, rule, ctx):
        pat = rule.options["pattern"]
        if not pat:
            return
        hits = []
        for block in _prose_blocks(doc, not rule.options["headings"]):
            for m in _finditer(rule, pat, block.text, rule.options["ignorecase"]):
                if m.group(0):
                    hits.append((block, m))
        mx, mn = rule.options["max"], rule.options["min"]
        if mx >= 0 and len(hits) > mx:
            block, m = hits[mx]
            line, col = block.position(m.start())
            end_line, end_col = block.position(m.end())
            yield rule.finding(doc, line, col, end_line, end_col, match=m.group(0), variant="too_many",
                               count=len(hits), max=mx, min=mn)
        elif len(hits) < mn and doc.title is not None:
            t = doc.title
            yield rule.finding(doc, t.line, t.column, t.line, t.end_column, match=t.text, variant="too_few",
                               count=len(hits), max=mx, min=mn)
