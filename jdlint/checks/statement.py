"""missing-first-problem: the posting never says what the hire will solve first
(``domain.first_problem`` finds the evidence). Reported once, on the title."""
from __future__ import annotations

from typing import Any, Iterator

from .base import Context, Kind


class StatementRequiredKind(Kind):
    name = "statement-required"
    FIELDS = ("title",)

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:
        if not doc.has_content() or not ctx.facts.is_posting or ctx.facts.first_problem is not None:
            return
        line, col, end_col, text = doc.anchor()
        yield rule.finding(doc, line, col, line, end_col, match=text, title=text)
