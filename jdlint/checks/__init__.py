"""Rule kinds: the code that YAML rules instantiate.

A kind is a small class with ``name``, an ``OPTIONS`` schema (option -> (type, default,
description)) and ``check(doc, rule, ctx)``, a generator of Findings made with
``rule.finding(...)``. Rules choose a kind by name in their YAML.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar, Iterator


@dataclass
class Context:
    """What a check may know beyond the document: vocabulary, the team's stack, today."""

    vocab: Any
    stack: list[str] | None = None
    today: date | None = None
    suppressor: Any = None  # set for the checks that run after suppression
    rule_names: tuple = ()  # every known rule name and code
    enabled: frozenset = frozenset()  # names of the rules that ran


class Kind:
    name: ClassVar[str] = ""
    after_suppression: ClassVar[bool] = False  # runs on the suppressor, after the other rules
    OPTIONS: ClassVar[dict[str, tuple[type, Any, str]]] = {}

    def check(self, doc, rule, ctx: Context) -> Iterator:  # pragma: no cover - interface
        raise NotImplementedError


def _load() -> dict[str, Kind]:
    from .directives import InvalidDirectiveKind, UnusedSuppressionKind
    from .front_matter import FrontMatterKind
    from .list_budget import ListBudgetKind
    from .seniority_scope import SeniorityScopeKind
    from .stack_tools import StackToolsKind
    from .statement import StatementRequiredKind
    from .title_roles import TitleRolesKind

    kinds = [FrontMatterKind(), TitleRolesKind(), StatementRequiredKind(), ListBudgetKind(),
             SeniorityScopeKind(), StackToolsKind(), InvalidDirectiveKind(), UnusedSuppressionKind()]
    return {k.name: k for k in kinds}


KINDS: dict[str, Kind] = _load()
