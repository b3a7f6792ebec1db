"""Responsibilities: each work item and the role family that owns it.

Work items are the list items of responsibilities and first-problem sections (nested ones
included), except items marked preferred. Each is classified into a role family by the
vocabulary's classifier (``Vocab.classify``), which also names the words that decided it; items
it cannot place are kept with ``family=None`` so ``jdlint inspect`` can show them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

WORK_SECTIONS = ("responsibilities", "first_problem")


@dataclass(frozen=True)
class WorkItem:
    item: Any  # the document's Item
    family: str | None
    evidence: tuple[str, ...]  # the words that decided the family

    @property
    def line(self) -> int:
        return int(self.item.line)

    @property
    def text(self) -> str:
        return str(self.item.text)


def work_items(doc: Any, vocab: Any) -> list[WorkItem]:
    out = []
    for it in doc.items:
        if it.section.kind not in WORK_SECTIONS or it.preferred:
            continue
        fam, words = vocab.classify(it.text)
        out.append(WorkItem(it, fam, tuple(words)))
    return out


def family_groups(vocab: Any) -> dict[str, str]:
    """Family -> group id, joining adjacent families (transitively): close families (data
    science and analysis, ML engineering and MLOps) count as one job."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for pair in sorted(sorted(p) for p in vocab.adjacent):
        a, b = pair
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {f: find(f) for f in parent}
