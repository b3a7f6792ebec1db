"""impossible-experience: "N+ years of X" where X has not existed for N years.

Each "N years" phrase and the tools its clause names come from ``domain.experience``. A tool
counts when the run date minus its first public release (from the tool catalog) is fewer whole
years than asked. Dates marked R (unverified) give warnings only.
"""
from __future__ import annotations

from typing import Any, Iterator

import re

from ..domain.experience import years_old
from ..finding import Severity
from .base import Context, Kind
from ..rxcache import re_compile


# The gap between two options of one choice: "vLLM or SGLang", "A, or B" (a slash is as often
# two names for one thing, "LLM / generative AI", and is not read as a choice).
_OR_GAP = re_compile(r"[\s,]*(?:or|and/or)[\s,]*", re.I)


class ExperienceYearsKind(Kind):
    name = "experience-years"
    FIELDS = ("years", "tool", "released", "age", "today")

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:
        today = ctx.today
        for phrase in ctx.facts.experience:
            block = phrase.block
            # "3+ years deploying models with vLLM or SGLang": a choice is possible when any of
            # its options is old enough, so none of them is reported then.
            group_of: list[int] = []
            for i, span in enumerate(phrase.tools):
                prev = phrase.tools[i - 1] if i else None
                joined = prev is not None and _OR_GAP.fullmatch(block.text[prev.end:span.start])
                group_of.append(group_of[-1] if joined else i)
            possible = {group_of[i] for i, span in enumerate(phrase.tools)
                        if span.tool.first_release is not None and phrase.years <= years_old(span.tool.first_release, today)}
            for i, span in enumerate(phrase.tools):
                tool = span.tool
                if tool.first_release is None or group_of[i] in possible:
                    continue
                age = years_old(tool.first_release, today)
                line, col = block.position(span.start)
                end_line, end_col = block.position(span.end)
                unverified = tool.confidence == "R"
                yield rule.finding(
                    doc, line, col, end_line, end_col, match=span.surface,
                    variant="unverified" if unverified else "default",
                    severity_cap=Severity.WARNING if unverified else None,
                    years=phrase.text.lower(), tool=tool.name,
                    released=tool.first_release, today=today.strftime("%Y-%m"),
                    age="less than a year" if age < 1 else f"{age} year" if age == 1 else f"{age} years")
