"""The two types every kind shares: the Context a check may read and the Kind base class."""
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
    employer: Any = None  # config.Employer: size and type, for the laws that depend on them
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
