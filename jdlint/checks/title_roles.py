"""stacked-title: a title that names two or more distinct roles (``domain.titles`` reads them)."""
from __future__ import annotations

from typing import Any, Iterator

from .base import Context, Kind


class TitleRolesKind(Kind):
    name = "title-roles"
    OPTIONS = {"max_roles": (int, 1, "how many distinct roles a title may name")}
    FIELDS = ("count", "roles", "title")

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:
        t = ctx.facts.title
        if t is None:
            return
        roles = t.roles
        if len(roles) > rule.options["max_roles"]:
            listed = ", ".join(f"'{r}'" for r in roles[:-1]) + f" and '{roles[-1]}'"
            yield rule.finding(doc, t.line, t.column, t.line, t.end_column, match=t.text,
                               count=len(roles), roles=listed, title=t.text)
