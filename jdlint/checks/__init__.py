"""Rule kinds: the code that YAML rules instantiate.

A kind is a small class with ``name``, an ``OPTIONS`` schema (option -> (type, default,
description): the one place an option's default is written), ``FIELDS`` (the placeholders its
messages may use; ``match`` is always available) and ``check(doc, rule, ctx)``, a generator of
Findings made with ``rule.finding(...)``. Kinds read facts about the posting from
``ctx.facts`` (``jdlint/domain``), apply their thresholds and build findings; no kind imports
another. Rules choose a kind by name in their YAML; ``KINDS`` is the literal registry.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar, Iterator


@dataclass
class Context:
    """What a check may know beyond the document."""

    vocab: Any
    facts: Any  # domain.Facts of this posting
    today: date
    stack: list[str] | None = None  # the team's tools (config, front matter or --stack)
    stage: str | None = None  # the company stage (seed, series-a, ...)
    rule_names: tuple[str, ...] = ()  # every rule name and code the config knows
    suppression: Any = None  # for kinds that run after suppression: suppressions.Outcome


class Kind:
    name: ClassVar[str] = ""
    after_suppression: ClassVar[bool] = False  # reads ctx.suppression, after the other rules
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {}  # allowed values of string options
    PATTERN_OPTIONS: ClassVar[tuple[str, ...]] = ()  # options holding regular expressions
    OPTIONS: ClassVar[dict[str, tuple[type, Any, str]]] = {}
    FIELDS: ClassVar[tuple[str, ...]] = ()  # message placeholders this kind fills

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:  # pragma: no cover - interface
        raise NotImplementedError


def _registry() -> dict[str, Kind]:
    from .coded_words import CodedWordsKind
    from .directives import InvalidDirectiveKind, UnusedSuppressionKind
    from .experience_years import ExperienceYearsKind
    from .front_matter import FrontMatterKind
    from .generic import ExistenceKind, OccurrenceKind, SubstitutionKind
    from .list_budget import ListBudgetKind
    from .pay_range import PayRangeKind
    from .phrases import PhraseListKind
    from .questions import QuestionsKind
    from .role_mix import RoleMixKind, TitleScopeKind
    from .seniority_scope import SeniorityScopeKind
    from .stack_tools import StackToolsKind
    from .stage_tools import StageToolsKind
    from .statement import StatementRequiredKind
    from .title_roles import TitleRolesKind

    classes: list[type[Kind]] = [
        FrontMatterKind, InvalidDirectiveKind, UnusedSuppressionKind, TitleRolesKind,
        StatementRequiredKind, ListBudgetKind, SeniorityScopeKind, StackToolsKind,
        ExperienceYearsKind, TitleScopeKind, RoleMixKind, CodedWordsKind, PhraseListKind,
        PayRangeKind, QuestionsKind, StageToolsKind, ExistenceKind, SubstitutionKind, OccurrenceKind,
    ]
    kinds: dict[str, Kind] = {}
    for cls in classes:
        if cls.name in kinds:
            raise RuntimeError(f"two kinds are named {cls.name!r}")
        kinds[cls.name] = cls()
    return kinds


KINDS: dict[str, Kind] = _registry()
