"""Tools: every tool the posting names, where, and how it is asked for.

Matching (names, aliases, context guards for ordinary words such as Go or Spark, the employer
named as a company) and the role of each mention (required, preferred, one of several
alternatives, the team's stack, incidental) are read by ``jdlint.toolmatch``; this module keeps
the answers for as long as the posting lives, so every rule asking about tools shares one scan
per text.
"""
from __future__ import annotations

from functools import cached_property
from typing import Any

from ..toolmatch import ROLE_STRENGTH, ToolMention, tool_facts

__all__ = ["ToolFacts", "ToolMention", "ROLE_STRENGTH"]


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

    @cached_property
    def employer_names(self) -> frozenset[str]:
        """Tools the posting also names as the employer ("join GitLab", "PostHog's team"): the
        employer's own product is part of its stack, whatever the config says."""
        names: set[str] = set()
        for block in self.doc.blocks:
            names |= self.companies_in(block.text)
        return frozenset(names)

    @cached_property
    def mentions(self) -> list[ToolMention]:
        """Every mention in document order, with its role."""
        return tool_facts(self.doc, self.vocab, self._scan)

    def roles(self) -> dict[str, str]:
        """Canonical tool -> its strongest role in the posting."""
        best: dict[str, str] = {}
        for m in self.mentions:
            if m.name not in best or ROLE_STRENGTH[m.role] < ROLE_STRENGTH[best[m.name]]:
                best[m.name] = m.role
        return best
