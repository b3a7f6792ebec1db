"""unanswered-questions: the questions a posting should answer (seed 004), from
``domain.questions``. One finding per unanswered question, on the title."""
from __future__ import annotations

import re
from typing import Any, Iterable, Iterator

from ..rxcache import re_compile
from .base import Context, Kind


# Work that builds or runs systems besides the question's own families: a data scientist's
# models and an analytics engineer's pipelines are deployed and watched too.
_ALSO_BUILDS = frozenset({"analytics-engineer", "data-scientist", "security", "researcher"})


# ... or a duty that says so in words the classifier spread elsewhere: "design, build and deploy
# cutting-edge AI solutions for clients"
_BUILDS = re_compile(r"\b(?:deploy\w*|build\w*|develop\w*|implement\w*|engineer\w*|cod(?:e|ing)|ship\w*)\b[^.\n]{0,60}?"
                     r"\b(?:solutions?|systems?|services?|models?|apps?|applications?|software|platforms?|apis?|features?|"
                     r"integrations?|websites?|databases?|warehouses?)\b", re.I)


def _no_system_work(items: list[Any], families: Iterable[str]) -> bool:
    """Whether three or more duties read as work and none of them builds or runs a system: not
    read as one of ``families`` (or ``_ALSO_BUILDS``), nor saying so in words (``_BUILDS``)."""
    read = [w.work_family for w in items if w.work_family is not None]
    return (len(read) >= 3 and not set(read) & (set(families) | _ALSO_BUILDS)
            and not any(_BUILDS.search(w.text) for w in items))


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
            if q.families and _no_system_work(ctx.facts.work_items, q.families):
                # nor for work none of which is that kind: an "Environmental Data Engineer"
                # who runs site-assessment projects, writes reports and bills clients ships no
                # system, so who deploys and monitors it is no question of theirs
                continue
            yield rule.finding(doc, t.line, t.column, t.line, t.end_column, match=t.text,
                               question=q.question, id=q.id)
