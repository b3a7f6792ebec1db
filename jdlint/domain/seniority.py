"""Senior scope: phrases that give the hire senior work (architecture ownership, mentoring,
setting direction), from ``seniority.yaml``.

Read in every prose block outside headings and about-us, benefits, pay and process sections.
The subject matters: a phrase is skipped when its clause hands that scope to someone else or
makes the hire a learner or helper ("paired with a staff engineer who sets the direction",
"learn how our architects design the platform", "help define standards").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .experience import clause_before

IGNORED_SECTIONS = frozenset({"about", "benefits", "compensation", "process"})


@dataclass(frozen=True)
class ScopeHit:
    block: Any
    start: int
    end: int
    label: str  # what the scope is ("architecture ownership")
    text: str


def scope_blocks(doc: Any) -> list[Any]:
    """The blocks whose prose can give the hire scope."""
    return [b for b in doc.blocks if b.kind != "heading" and b.section.kind not in IGNORED_SECTIONS]


def senior_scope(doc: Any, vocab: Any) -> list[ScopeHit]:
    out = []
    for block in scope_blocks(doc):
        for label, patterns in vocab.senior_scope:
            for p in patterns:
                for m in p.finditer(block.text):
                    clause = clause_before(block.text, m.start(), window=400)
                    if any(c.search(clause) for c in vocab.other_agent_cues):
                        continue
                    out.append(ScopeHit(block, m.start(), m.end(), label, m.group(0)))
    return out
