"""Tools: every tool the posting names, where, and how it is asked for.

Matching itself (names, aliases, context guards for ordinary words such as Go or Spark, the
employer named as a company) is the vocabulary's (``Vocab.find_tools``); this module scans each
text of the posting once, keeps the answers for as long as the posting lives, and reads each
mention's role from its place in the posting:

- ``alternative``: one of a run of tools joined by "or" or "/" ("Keras or PyTorch");
- ``preferred``: in a nice-to-have list or an item marked preferred;
- ``required``: in a requirements list, or named in a duty;
- ``team-stack``: in narrative prose about the team ("we use ...");
- ``incidental``: anywhere else (about-us, benefits, process).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Callable, Iterator

_OR_GAP = re.compile(r"\bor\b|/", re.I)
_LIST_GAP = re.compile(r"^[\s,;/|&+()]*(?:\b(?:and|or|and/or)\b)?[\s,;/|&+()]*$", re.I)
_WORK_KINDS = ("responsibilities", "first_problem", "role")
_REQ_KINDS = ("requirements",)

# Roles in the order the labels rank them when a tool is named more than once.
ROLE_ORDER = ("required", "alternative", "preferred", "team-stack", "incidental")


@dataclass(frozen=True)
class ToolMention:
    tool: str  # canonical name
    category: str
    line: int
    column: int
    end_column: int
    surface: str  # as written
    role: str  # one of ROLE_ORDER
    alternatives: tuple[str, ...] = ()  # the other tools of its "X or Y" group

    @property
    def is_stack_tool(self) -> bool:
        return self.category not in ("technique", "model")


@dataclass
class TextUnit:
    """One text the tool rules read: the front-matter title or a block of prose."""

    text: str
    position: Callable[[int], tuple[int, int]]
    narrative: bool  # a paragraph that is not a list item
    block: Any  # the Block, or None for the front-matter title
    mentions: tuple[Any, ...] = ()  # vocab Mentions, employer names removed from narrative
    choice: frozenset[int] = frozenset()  # indices of mentions in an "X or Y" run
    groups: tuple[tuple[int, ...], ...] = ()  # the runs joined by list separators


class ToolFacts:
    """Tool mentions of one posting (computed on first use, kept with the posting)."""

    def __init__(self, doc: Any, vocab: Any):
        self.doc = doc
        self.vocab = vocab
        self._scans: dict[str, tuple[tuple[Any, ...], frozenset[str]]] = {}

    def scan(self, text: str) -> tuple[Any, ...]:
        """Tool mentions in any text of this posting (a block, an item, a line), memoised."""
        return self._scan(text)[0]

    def companies_in(self, text: str) -> frozenset[str]:
        return self._scan(text)[1]

    def _scan(self, text: str) -> tuple[tuple[Any, ...], frozenset[str]]:
        hit = self._scans.get(text)
        if hit is None:
            cache: dict = {}
            mentions = self.vocab.find_tools(text, cache)
            hit = (tuple(mentions), frozenset(self.vocab.company_names(text, cache)))
            self._scans[text] = hit
        return hit

    def _raw_units(self) -> Iterator[tuple[str, Callable[[int], tuple[int, int]], bool, Any]]:
        t = self.doc.title
        if t is not None and t.source == "front_matter":
            def title_position(off: int, t: Any = t) -> tuple[int, int]:
                return t.line, min(t.column + off, t.end_column)

            yield t.text, title_position, False, None
        for block in self.doc.blocks:
            yield block.text, block.position, block.kind == "paragraph" and block.item is None, block

    @cached_property
    def employer_names(self) -> frozenset[str]:
        """Tools the posting also names as a company ("join GitLab", "Airbyte's team")."""
        names: set[str] = set()
        for text, _pos, _narr, _block in self._raw_units():
            names |= self.companies_in(text)
        return frozenset(names)

    @cached_property
    def units(self) -> list[TextUnit]:
        """Each text with its mentions; in narrative paragraphs a tool that is also the
        employer is the company ("help GitLab make decisions"), in a list item it is a tool."""
        out = []
        companies = self.employer_names
        for text, position, narrative, block in self._raw_units():
            mentions = self.scan(text)
            if narrative and companies:
                mentions = tuple(m for m in mentions if m.tool.name not in companies)
            groups, choice = _runs(text, mentions)
            out.append(TextUnit(text, position, narrative, block, mentions, frozenset(choice), groups))
        return out

    @cached_property
    def mentions(self) -> list[ToolMention]:
        """Every mention in document order, with its role."""
        out = []
        for unit in self.units:
            by_index = {i: g for g in unit.groups for i in g}
            for i, m in enumerate(unit.mentions):
                line, col = unit.position(m.start)
                others: tuple[str, ...] = ()
                if i in unit.choice:
                    others = tuple(dict.fromkeys(unit.mentions[j].tool.name for j in by_index[i]
                                                 if unit.mentions[j].tool.name != m.tool.name))
                out.append(ToolMention(m.tool.name, m.tool.category, line, col, col + len(m.surface),
                                       m.surface, _role(unit, i), others))
        return out

    def roles(self) -> dict[str, str]:
        """Canonical tool -> its strongest role in the posting."""
        best: dict[str, str] = {}
        for m in self.mentions:
            if m.tool not in best or ROLE_ORDER.index(m.role) < ROLE_ORDER.index(best[m.tool]):
                best[m.tool] = m.role
        return best


def _runs(text: str, mentions: tuple[Any, ...]) -> tuple[tuple[tuple[int, ...], ...], list[int]]:
    """Runs of mentions joined by list separators, and the indices in a run with "or" or "/"."""
    groups: list[tuple[int, ...]] = []
    choice: list[int] = []
    if not mentions:
        return (), choice
    run = [0]
    for i in range(1, len(mentions) + 1):
        if i < len(mentions) and _LIST_GAP.match(text[mentions[i - 1].end:mentions[i].start]):
            run.append(i)
            continue
        groups.append(tuple(run))
        gaps = " ".join(text[mentions[a].end:mentions[b].start] for a, b in zip(run, run[1:]))
        if len(run) > 1 and _OR_GAP.search(gaps):
            choice.extend(run)
        run = [i]
    return tuple(groups), choice


def _role(unit: TextUnit, i: int) -> str:
    if i in unit.choice:
        return "alternative"
    block = unit.block
    if block is None:
        return "required"  # named in the title
    item = block.item
    if item is not None and item.preferred:
        return "preferred"
    kind = block.section.kind
    if kind == "preferred":
        return "preferred"
    if kind in _REQ_KINDS or (item is not None and kind in _WORK_KINDS):
        return "required"
    if kind in _WORK_KINDS or kind in ("other",):
        return "team-stack" if unit.narrative else "required"
    return "incidental"
