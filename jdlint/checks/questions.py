"""unanswered-questions: the five questions a posting should answer (seed 004).

The first (what problem first) is missing-first-problem. The other four are answered when any
of their cues in ``questions.yaml`` matches the posting's prose (headings included: a section
"How we measure success" answers the last one). One finding per unanswered question, on the
title.
"""
from __future__ import annotations

from . import Kind


class QuestionsKind(Kind):
    name = "questions"
    OPTIONS = {"questions": (list, ["stack", "ownership", "collaborators", "success"], "which questions to ask")}

    def check(self, doc, rule, ctx):
        if not doc.has_content() or doc.title is None:
            return
        text, _ = doc.joined(frozenset(("benefits", "process")))
        t = doc.title
        from .role_mix import title_family

        family = title_family(doc, ctx.vocab)
        for q in ctx.vocab.questions:
            if q["id"] not in rule.options["questions"]:
                continue
            if q.get("families") and family not in q["families"]:
                continue  # not a question for this kind of role
            if any(rx.search(text) for rx in q["rx"]):
                continue
            yield rule.finding(doc, t.line, t.column, t.line, t.end_column, match=t.text,
                               question=q["question"], id=q["id"])
