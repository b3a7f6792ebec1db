"""impossible-experience: "N+ years of X" where X has not existed for N years.

Each "N years" phrase and the tools its clause names come from ``domain.experience``. A tool
counts when the run date minus its first public release (from the tool catalog) is fewer whole
years than asked. Dates marked R (unverified) give warnings only.
"""
from __future__ import annotations

from typing import Any, Iterator

from ..domain.experience import years_old
from ..finding import Severity
from .base import Context, Kind


class ExperienceYearsKind(Kind):
    name = "experience-years"
    FIELDS = ("years", "tool", "released", "age", "today")

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:
        today = ctx.today
        for phrase in ctx.facts.experience:
            block = phrase.block
            for span in phrase.tools:
                tool = span.tool
                if tool.first_release is None:
                    continue
                age = years_old(tool.first_release, today)
                if phrase.years <= age:
                    continue
                line, col = block.position(span.start)
                end_line, end_col = block.position(span.end)
                unverified = tool.confidence == "R"
                yield rule.finding(
                    doc, line, col, end_line, end_col, match=span.surface,
                    variant="unverified" if unverified else "default",
                    severity_cap=Severity.WARNING if unverified else None,
                    years=phrase.text.lower(), tool=tool.name,
                    released=tool.first_release, age=age, today=today.strftime("%Y-%m"))
