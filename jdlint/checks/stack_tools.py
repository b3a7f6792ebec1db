"""tool-not-in-stack: a tool the posting asks for that the team does not use.

Silent without a configured ``stack``. Each tool mention has a role (``domain.tools``): a tool
the posting *requires* that is not in the stack is reported once, at its first such mention. A
tool offered as one of several alternatives ("one or more of Java, Scala or Python", "e.g.
GCP, AWS", "Keras or PyTorch") is reported only when none of its alternatives is in the stack:
the candidate can meet it with the team's tool; a choice whose options include one that needs
no tool (``open_option``: "in a REST style or with GraphQL", "technologies like React") is not
reported. Nice-to-haves are reported only with ``report_preferred``; tools named as the team's
own stack, as the employer or in passing never are. Ideas, models, protocols and formats (RAG,
GPT-4, OAuth, JSON) are not stack tools.
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator

from .base import Context, Kind


def resolve_stack(names: Iterable[str] | None, vocab: Any) -> tuple[set[str], list[str]]:
    """(canonical tool names in the stack, the stack entries the catalog does not know)."""
    known, unknown = set(), []
    for n in names or []:
        tool = vocab.tool_by_name(str(n))
        if tool is None:
            unknown.append(str(n))
        else:
            known.add(tool.name)
    return known, unknown


def _in_stack(name: str, stack: set[str], vocab: Any) -> bool:
    """A tool is in the stack when it is listed, or when the platform it belongs to is
    ("aws" covers Amazon S3 and AWS Lambda; "gcp" covers BigQuery)."""
    if name in stack:
        return True
    tool = vocab.tool_by_name(name)
    parent = getattr(tool, "parent", None) if tool is not None else None
    if parent:
        owner = vocab.tool_by_name(str(parent))
        return (owner.name if owner is not None else str(parent)) in stack
    return False


class StackToolsKind(Kind):
    name = "stack-tools"
    OPTIONS = {
        "accept_alternatives": (bool, True, "a tool offered as an alternative to a stack tool is fine"),
        "report_preferred": (bool, False, "also report nice-to-have tools the team does not use"),
    }
    FIELDS = ("tool", "surface", "alternatives")

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:
        if not ctx.stack:
            return
        stack, _unknown = resolve_stack(ctx.stack, ctx.vocab)
        roles = {"required", "alternative"} | ({"preferred"} if rule.options["report_preferred"] else set())
        seen: set[str] = set()
        employer = ctx.facts.tools.employer_names
        for m in ctx.facts.tools.mentions:
            if not m.is_stack_tool or m.name in seen or m.role not in roles or m.name in employer:
                continue
            if _in_stack(m.name, stack, ctx.vocab):
                continue
            if (m.role == "alternative" and rule.options["accept_alternatives"]
                    and (m.open_option or any(_in_stack(a, stack, ctx.vocab) for a in m.alternatives))):
                continue
            seen.add(m.name)
            others = [a for a in m.alternatives if a != m.name]
            variant = "alternative" if m.role == "alternative" and others else "default"
            yield rule.finding(doc, m.line, m.column, m.line, m.end_column, match=m.surface,
                               variant=variant, tool=m.name, surface=m.surface,
                               alternatives=", ".join(others))
