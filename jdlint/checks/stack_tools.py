"""tool-not-in-stack: a tool the posting names that the team does not use.

Silent without a configured ``stack``. Each catalog tool the posting mentions
(``domain.tools``) that is not in the stack is reported once, at its first mention. Ideas and
models (RAG, LoRA, BERT, GPT-4) are not stack tools. A tool offered as an alternative to a
stack tool ("Keras or PyTorch" with PyTorch in the stack) can be met with the team's tool, so
it is not reported; lists joined with "and" or commas are requirements of each tool and are.
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


class StackToolsKind(Kind):
    name = "stack-tools"
    OPTIONS = {"accept_alternatives": (bool, True, "a tool offered as an alternative to a stack tool is fine")}
    FIELDS = ("tool", "surface")

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:
        if not ctx.stack:
            return
        stack, _unknown = resolve_stack(ctx.stack, ctx.vocab)
        seen: set[str] = set()
        for unit in ctx.facts.tools.units:
            mentions = unit.mentions
            ok: set[int] = set()
            if rule.options["accept_alternatives"]:
                for group in unit.groups:
                    if group[0] in unit.choice and any(mentions[j].tool.name in stack for j in group):
                        ok.update(group)
            for i, m in enumerate(mentions):
                tool = m.tool
                if not tool.is_stack_tool or tool.name in stack or tool.name in seen or i in ok:
                    continue
                seen.add(tool.name)
                line, col = unit.position(m.start)
                yield rule.finding(doc, line, col, line, col + len(m.surface), match=m.surface,
                                   tool=tool.name, surface=m.surface)
