"""wish-list: a requirements list that reads like a wish list.

Judged per requirements block (``domain.requirements``), counting its required top-level items:

- more than ``max_required`` items;
- more than ``max_without_preferred`` items while the posting has nowhere to move them (no
  preferred section, no item marked "(preferred)" / "is a plus", and no "you don't need to
  check every box, apply anyway");
- one item that names more than ``max_tools_per_item`` tools ("tool soup"); like the other
  two, the option is the most allowed, not the first number reported.
"""
from __future__ import annotations

from typing import Any, Iterator

from .base import Context, Kind


class ListBudgetKind(Kind):
    name = "list-budget"
    OPTIONS = {
        "max_required": (int, 8, "most required items a requirements list may have"),
        "max_without_preferred": (int, 6, "most required items when the posting has no nice-to-have list"),
        "max_tools_per_item": (int, 4, "most tools one required item may name; more is tool soup"),
    }
    FIELDS = ("count", "max", "heading", "tools", "note")

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:
        opts = rule.options
        reqs = ctx.facts.requirements
        for block in reqs.blocks:
            sec = block.section
            n = len(reqs.demands(block))  # character and values lines do not make a wish list
            # Say what was left out of the count, so a reader who counts the bullets agrees.
            others = len(block.required) - n
            note = f"; {others} more about character, values or duties not counted" if others > 0 else ""
            if n > opts["max_required"]:
                yield rule.finding(doc, sec.line, sec.column, sec.line, sec.end_column, match=sec.title,
                                   variant="too_many", count=n, max=opts["max_required"], heading=sec.title,
                                   note=note)
            elif n > opts["max_without_preferred"] and not reqs.has_preferred:
                yield rule.finding(doc, sec.line, sec.column, sec.line, sec.end_column, match=sec.title,
                                   variant="no_preferred", count=n, max=opts["max_without_preferred"],
                                   heading=sec.title, note=note)
            for it in block.counted:
                if it.preferred:
                    continue
                names = reqs.tools_in_item(it)
                if len(names) > opts["max_tools_per_item"]:
                    line = doc.lines[it.line - 1]
                    yield rule.finding(doc, it.line, it.column, it.end_line,
                                       len(doc.lines[it.end_line - 1].text) + 1,
                                       match=line.text[it.column - 1:], variant="tool_soup",
                                       count=len(names), tools=", ".join(names),
                                       max=opts["max_tools_per_item"])
