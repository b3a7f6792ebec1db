"""tool-not-in-stack: a tool the posting names that the team does not use.

Silent without a configured ``stack``. Each catalog tool the posting mentions (ambiguous names
such as Go, R, Ray or Spark only in tech context) that is not in the stack is reported once, at
its first mention. Ideas and models (RAG, LoRA, BERT, GPT-4) are not stack tools.

Alternatives: when a tool is offered as an alternative to a stack tool ("Keras or PyTorch",
"Keras/PyTorch" with PyTorch in the stack), the candidate can meet it with the team's tool, so
it is not reported. Lists joined with "and" or commas are requirements of each tool and are.
"""
from __future__ import annotations

import re

from . import Kind

_OR_GAP = re.compile(r"\bor\b|/", re.I)
_LIST_GAP = re.compile(r"^[\s,;/|&+()]*(?:\b(?:and|or|and/or)\b)?[\s,;/|&+()]*$", re.I)


def resolve_stack(names, vocab) -> tuple[set[str], list[str]]:
    """(canonical tool names in the stack, the stack entries the catalog does not know)."""
    known, unknown = set(), []
    for n in names or []:
        tool = vocab.tool_by_name(str(n))
        if tool is None:
            unknown.append(str(n))
        else:
            known.add(tool.name)
    return known, unknown


def _text_units(doc):
    """(text, position function, is narrative prose) for the front-matter title and each block."""
    t = doc.title
    if t is not None and t.source == "front_matter":
        yield t.text, (lambda off, t=t: (t.line, min(t.column + off, t.end_column))), False
    for block in doc.blocks:
        yield block.text, block.position, block.kind == "paragraph" and block.item is None


class StackToolsKind(Kind):
    name = "stack-tools"
    OPTIONS = {"accept_alternatives": (bool, True, "a tool offered as an alternative to a stack tool is fine")}

    def check(self, doc, rule, ctx):
        if not ctx.stack:
            return
        vocab = ctx.vocab
        stack, _unknown = resolve_stack(ctx.stack, vocab)
        seen: set[str] = set()
        units = list(_text_units(doc))
        # The employer: a tool the posting also names as a company ("join GitLab") is the
        # company in narrative paragraphs ("help GitLab make decisions"); in a list item
        # ("Ability to use GitLab") it is still a tool.
        companies = set().union(*(vocab.company_names(text, doc.cache) for text, _, _ in units))
        for text, position, narrative in units:
            mentions = vocab.find_tools(text, doc.cache)
            if narrative and companies:
                mentions = [m for m in mentions if m.tool.name not in companies]
            ok = set()
            if rule.options["accept_alternatives"]:
                # Runs of mentions joined by list separators; a run with "or" or "/" is a choice.
                run = [0]
                for i in range(1, len(mentions) + 1):
                    joined = i < len(mentions) and _LIST_GAP.match(text[mentions[i - 1].end:mentions[i].start])
                    if joined:
                        run.append(i)
                        continue
                    gaps = " ".join(text[mentions[a].end:mentions[b].start] for a, b in zip(run, run[1:]))
                    if len(run) > 1 and _OR_GAP.search(gaps) and any(mentions[j].tool.name in stack for j in run):
                        ok.update(run)
                    run = [i]
            for i, m in enumerate(mentions):
                tool = m.tool
                if not tool.is_stack_tool or tool.name in stack or tool.name in seen:
                    continue
                if i in ok:
                    continue
                seen.add(tool.name)
                line, col = position(m.start)
                yield rule.finding(doc, line, col, line, col + len(m.surface), match=m.surface,
                                   tool=tool.name, surface=m.surface)
