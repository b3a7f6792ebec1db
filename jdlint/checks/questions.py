"""unanswered-questions: the questions a posting should answer (seed 004), from
``domain.questions``. One finding per unanswered question, on the title."""
from __future__ import annotations

import re
from typing import Any, Iterator

from ..rxcache import re_compile
from .base import Context, Kind


# Work that builds or runs systems, whatever the question's own families: a data scientist's
# models and an analytics engineer's pipelines are deployed and watched too.
_BUILDS_SYSTEMS = frozenset({"ml-engineer", "mlops", "data-engineer", "ai-engineer", "research-engineer", "software-engineer",
                             "sre-devops", "analytics-engineer", "data-scientist", "security", "researcher"})


# ... or a duty that says so in words the classifier spread elsewhere: "design, build and deploy
# cutting-edge AI solutions for clients"
_BUILDS = re_compile(r"\b(?:deploy\w*|build\w*|develop\w*|implement\w*|engineer\w*|cod(?:e|ing)|ship\w*)\b[^.\n]{0,60}?"
                     r"\b(?:solutions?|systems?|services?|models?|apps?|applications?|software|platforms?|apis?|features?|"
                     r"integrations?|websites?|databases?|warehouses?)\b", re.I)


class QuestionsKind(Kind):
    name = "questions"
    OPTIONS = {"questions": (list, ["stack", "ownership", "collaborators", "success"], "which questions to ask")}
    FIELDS = ("question", "id")

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:
        t = ctx.facts.title
        if not doc.has_content() or t is None or not ctx.facts.is_posting:
            return
        work = [w.work_family for w in ctx.facts.work_items if w.work_family is not None]
        builds = any(_BUILDS.search(w.text) for w in ctx.facts.work_items)
        for q in ctx.facts.questions:
            if q.id not in rule.options["questions"] or q.answered_at is not None:
                continue
            if q.families and t.family not in q.families:
                continue  # not a question for this kind of role
            if q.families and len(work) >= 3 and not builds and not set(work) & (set(q.families) | _BUILDS_SYSTEMS):
                # nor for work none of which is that kind: an "Environmental Data Engineer"
                # who runs site-assessment projects, writes reports and bills clients ships no
                # system, so who deploys and monitors it is no question of theirs
                continue
            yield rule.finding(doc, t.line, t.column, t.line, t.end_column, match=t.text,
                               question=q.question, id=q.id)
