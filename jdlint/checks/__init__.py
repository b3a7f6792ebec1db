"""Rule kinds: the code that YAML rules instantiate.

A kind is a small class with ``name``, an ``OPTIONS`` schema (option -> (type, default,
description): the one place an option's default is written), ``FIELDS`` (the placeholders its
messages may use; ``match`` is always available) and ``check(doc, rule, ctx)``, a generator of
Findings made with ``rule.finding(...)``. Kinds read facts about the posting from
``ctx.facts`` (``jdlint/domain``), apply their thresholds and build findings; no kind imports
another. Rules choose a kind by name in their YAML; ``KINDS`` is the literal registry.
"""
from __future__ import annotations

from .base import Context, Kind
from .coded_words import CodedWordsKind
from .compliance import ComplianceKind
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

__all__ = ["KINDS", "Context", "Kind"]

_CLASSES: list[type[Kind]] = [
    FrontMatterKind, InvalidDirectiveKind, UnusedSuppressionKind, TitleRolesKind,
    StatementRequiredKind, ListBudgetKind, SeniorityScopeKind, StackToolsKind,
    ExperienceYearsKind, TitleScopeKind, RoleMixKind, CodedWordsKind, PhraseListKind,
    PayRangeKind, QuestionsKind, StageToolsKind, ExistenceKind, SubstitutionKind, OccurrenceKind,
    ComplianceKind,
]


def _registry() -> dict[str, Kind]:
    kinds: dict[str, Kind] = {}
    for cls in _CLASSES:
        if cls.name in kinds:
            raise RuntimeError(f"two kinds are named {cls.name!r}")
        kinds[cls.name] = cls()
    return kinds


KINDS: dict[str, Kind] = _registry()
