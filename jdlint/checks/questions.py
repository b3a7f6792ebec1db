"""unanswered-questions: the questions a posting should answer (seed 004), from
``domain.questions``. One finding per unanswered question, on the title."""
from __future__ import annotations

from typing import Any, Iterator

from .base import Context, Kind


class QuestionsKind(Kind):
    name = "questions"
    OPTIONS = {"questions": (list, ["stack", "ownership", "collaborators", "success"], "which questions to ask")}
    FIELDS = ("question", "id")

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:
        t = ctx.facts.title
        if not doc.has_content() or t is None or not ctx.facts.is_posting:
            return
        for q in ctx.facts.questions:
            if q.id not in rule.options["questions"] or q.answered_at is not None:
                continue
            if q.families and t.family not in q.families:
                continue  # not a question for this kind of role
            yield rule.finding(doc, t.line, t.column, t.line, t.end_column, match=t.text,
                               question=q.question, id=q.id)
