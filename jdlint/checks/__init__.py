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
    stage: str | None = None  # the company stage from the config (seed, series-a, ...)


class Kind:
    name: ClassVar[str] = ""
    after_suppression: ClassVar[bool] = False  # runs on the suppressor, after the other rules
    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {}  # allowed values of string options
    PATTERN_OPTIONS: ClassVar[tuple[str, ...]] = ()  # options holding regular expressions
    OPTIONS: ClassVar[dict[str, tuple[type, Any, str]]] = {}

    def check(self, doc, rule, ctx: Context) -> Iterator:  # pragma: no cover - interface
        raise NotImplementedError


# The modules that define kinds; every Kind subclass in them is registered under its name.
_MODULES = ("front_matter", "title_roles", "statement", "list_budget", "seniority_scope", "stack_tools",
            "directives", "experience_years", "role_mix", "coded_words", "phrases", "pay_range",
            "questions", "generic", "stage_tools")


def _load() -> dict[str, Kind]:
    import importlib

    kinds: dict[str, Kind] = {}
    for name in _MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        for obj in vars(module).values():
            if isinstance(obj, type) and issubclass(obj, Kind) and obj is not Kind and obj.name:
                if obj.name in kinds and type(kinds[obj.name]) is not obj:
                    raise RuntimeError(f"two kinds are named {obj.name!r}")
                kinds[obj.name] = obj()
    return kinds


KINDS: dict[str, Kind] = _load()
