"""impossible-experience: "N+ years of X" where X has not existed for N years.

Each "N years" phrase ("5+ years", "five years", "at least 4 yrs", "4-6 years": the lower
bound) is paired with the tools named in the rest of its clause ("3+ years of Python and
LangChain" judges both) or, for "LangChain (3+ years)" and "LangChain: 3+ years", in the
clause before it. A tool counts when the run date minus its first public release (from the
tool catalog) is fewer whole years than asked. Dates marked R (unverified) give warnings only.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import re

from ..finding import Severity
from . import Kind

_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}
_YEARS = re.compile(
    r"(?<![\w.])(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
    r"\s*(?:\+|plus)?\s*(?:(?:-|–|—|to)\s*(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)\s*\+?\s*)?"
    r"(?:years?|yrs?)\b\.?", re.I)
# Where the clause after "N years" stops: a sentence end, a list break, or a turn to other
# things ("5 years of Python, including some LangChain" asks 5 years of Python only).
_CLAUSE_END = re.compile(
    r"[.;!?](?:\s|$)|\n\s*(?:[-*+]|\d+[.)])\s|\n\s*\n|\(|\bincluding\b|\bplus\b|\bas well as\b|"
    r",\s*(?:with|and|or|ideally|preferably|especially|such as|e\.g\.)\b|\b(?:and|or)\s+(?:some|exposure|familiarity|knowledge|interest)\b",
    re.I)
_BEFORE_PAREN = re.compile(r"\(\s*(?:at least\s+|min(?:imum)?\.?\s+)?$", re.I)
_CLAUSE_STOP = re.compile(r"[.;!?](?:\s|$)|\n\s*(?:[-*+]|\d+[.)])\s|,")
_BEFORE_COLON = re.compile(r":\s*(?:at least\s+|min(?:imum)?\.?\s+)?$", re.I)


def years_old(first_release: str, today: date) -> int:
    """Whole years since a 'YYYY' or 'YYYY-MM' date (a bare year counts from January)."""
    parts = first_release.split("-")
    y, m = int(parts[0]), int(parts[1]) if len(parts) > 1 else 1
    return ((today.year - y) * 12 + (today.month - m)) // 12


def year_phrases(text: str):
    """(start, end, years) for each "N years" phrase, with the lower bound of a range."""
    for m in _YEARS.finditer(text):
        n = m.group("n").lower()
        yield m.start(), m.end(), int(n) if n.isdigit() else _NUM[n]


class ExperienceYearsKind(Kind):
    name = "experience-years"
    OPTIONS = {}

    def check(self, doc, rule, ctx):
        today = ctx.today or date.today()
        vocab = ctx.vocab
        for block in doc.blocks:
            text = block.text
            for start, end, n in year_phrases(text):
                for mention in self._tools_for(text, start, end, vocab, doc.cache):
                    tool = mention.tool
                    if tool.first_release is None:
                        continue
                    age = years_old(tool.first_release, today)
                    if n <= age:
                        continue
                    line, col = block.position(mention.start)
                    end_line, end_col = block.position(mention.end)
                    unverified = tool.confidence == "R"
                    yield rule.finding(
                        doc, line, col, end_line, end_col, match=mention.surface,
                        variant="unverified" if unverified else "default",
                        severity_cap=Severity.WARNING if unverified else None,
                        years=text[start:end].strip().rstrip(".").lower(), tool=tool.name,
                        released=tool.first_release, age=age, today=today.strftime("%Y-%m"))

    @staticmethod
    def _tools_for(text: str, start: int, end: int, vocab, cache):
        before = text[:start]
        if _BEFORE_PAREN.search(before) or _BEFORE_COLON.search(before):
            # "LangChain (3+ years)", "LangChain: 3+ years": the tool comes first.
            clause_start = 0
            for m in _CLAUSE_STOP.finditer(before):
                clause_start = m.end()
            span = (clause_start, start)
        else:
            m = _CLAUSE_END.search(text, end)
            stop = m.start() if m else len(text)
            nxt = _YEARS.search(text, end)
            if nxt and nxt.start() < stop:
                stop = nxt.start()
            span = (end, min(stop, end + 90))
        sub = text[span[0]:span[1]]
        seen = set()
        for mention in vocab.find_tools(sub, cache):
            if mention.tool.name in seen:
                continue
            seen.add(mention.tool.name)
            yield replace(mention, start=mention.start + span[0], end=mention.end + span[0])
