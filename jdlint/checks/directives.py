"""Checks on the suppression directives themselves. They run after suppression and read its
outcome (``ctx.suppression``)."""
from __future__ import annotations

from typing import Any, Iterator

from ..names import did_you_mean
from ..suppressions import VERBS
from .base import Context, Kind


class InvalidDirectiveKind(Kind):
    name = "invalid-directive"
    after_suppression = True
    FIELDS = ("name", "hint")

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:
        sup = ctx.suppression
        if sup is None:
            return
        for d in sup.bad_keywords:
            keyword = d.rules[0]
            yield rule.finding(doc, d.line, d.column, d.line, d.end_column, match=d.text, variant="keyword",
                               name=f"jdlint-{keyword}", hint=did_you_mean(f"jdlint-{keyword}", [f"jdlint-{v}" for v in VERBS]))
        for d, name in sup.unknown:
            yield rule.finding(doc, d.line, d.column, d.line, d.end_column, match=d.text, name=name,
                               hint=did_you_mean(name, ctx.rule_names))


class UnusedSuppressionKind(Kind):
    name = "unused-suppression"
    after_suppression = True
    FIELDS = ("what",)

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:
        sup = ctx.suppression
        if sup is None:
            return
        for d in sup.directives:
            if d.verb == "enable" or not d.resolved:
                continue
            if d.resolved == ["*"]:
                if not d.used:
                    yield rule.finding(doc, d.line, d.column, d.line, d.end_column, match=d.text,
                                       what="this directive")
                continue
            for name in d.resolved:
                if name in d.used or name not in sup.enabled:
                    continue
                yield rule.finding(doc, d.line, d.column, d.line, d.end_column, match=d.text,
                                   what=f"'{name}'")
