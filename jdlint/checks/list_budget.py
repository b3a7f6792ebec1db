"""wish-list: a requirements list that reads like a wish list.

Judged per requirements block (a requirements section with its sub-sections; a job-family page
has one per level), counting the block's top-level items that are not marked preferred:

- more than ``max_required`` items;
- more than ``max_without_preferred`` items while the posting has nowhere to move them (no
  preferred section, no item marked "(preferred)" / "is a plus", and no "you don't need to
  check every box, apply anyway");
- one item that packs ``max_tools_per_item`` or more tools ("tool soup").
"""
from __future__ import annotations

import re

from . import Kind

_PARENS = re.compile(r"\([^()]*\)")


def requirement_blocks(doc):
    """(outermost requirements section, its required top-level items) pairs."""
    blocks = []
    for sec in doc.sections:
        if sec.kind != "requirements":
            continue
        if any(a.kind == "requirements" for a in sec.ancestors()):
            continue
        members = {id(sec)}
        stack = list(sec.children)
        while stack:
            s = stack.pop()
            if s.kind == "requirements":
                members.add(id(s))
                stack.extend(s.children)
        items = [it for it in doc.items if id(it.section) in members]
        blocks.append((sec, items))
    return blocks


def _tools_in_item(text: str, vocab, cache: dict) -> list[str]:
    """Distinct stack tools an item names. Tools given in parentheses as examples of one
    thing ("python data libraries (numpy, pandas, scikit-learn)") count once, as that thing."""
    names: list[str] = []
    spans = [(m.start(), m.end()) for m in _PARENS.finditer(text)]
    groups: dict[int, str] = {}
    for m in vocab.find_tools(text, cache):
        if not m.tool.is_stack_tool:
            continue
        group = next((i for i, (a, b) in enumerate(spans) if a <= m.start < b), None)
        if group is not None:
            if group in groups:
                continue
            groups[group] = m.tool.name
        if m.tool.name not in names:
            names.append(m.tool.name)
    return names


class ListBudgetKind(Kind):
    name = "list-budget"
    OPTIONS = {
        "max_required": (int, 8, "most required items a requirements list may have"),
        "max_without_preferred": (int, 6, "most required items when the posting has no nice-to-have list"),
        "max_tools_per_item": (int, 5, "an item naming this many tools or more is tool soup"),
    }

    def check(self, doc, rule, ctx):
        opts = rule.options
        has_preferred = bool(doc.sections_of("preferred")) or any(it.preferred for it in doc.items)
        if not has_preferred and ctx.vocab.apply_anyway:
            text, _ = doc.joined()
            has_preferred = any(p.search(text) for p in ctx.vocab.apply_anyway)
        for sec, items in requirement_blocks(doc):
            counted = [it for it in items if not (it.leadin and ctx.vocab.is_other_leadin(it.leadin))]
            required = [it for it in counted if it.parent is None and not it.preferred]
            n = len(required)
            end_col = sec.end_column
            if n > opts["max_required"]:
                yield rule.finding(doc, sec.line, sec.column, sec.line, end_col, match=sec.title,
                                   variant="too_many", count=n, max=opts["max_required"], heading=sec.title)
            elif n > opts["max_without_preferred"] and not has_preferred:
                yield rule.finding(doc, sec.line, sec.column, sec.line, end_col, match=sec.title,
                                   variant="no_preferred", count=n, max=opts["max_without_preferred"],
                                   heading=sec.title)
            for it in counted:
                if it.preferred:
                    continue
                names = _tools_in_item(it.text, ctx.vocab, doc.cache)
                if len(names) >= opts["max_tools_per_item"]:
                    line = doc.lines[it.line - 1]
                    yield rule.finding(doc, it.line, it.column, it.end_line,
                                       len(doc.lines[it.end_line - 1].text) + 1,
                                       match=line.text[it.column - 1:], variant="tool_soup",
                                       count=len(names), tools=", ".join(names),
                                       max=opts["max_tools_per_item"])
