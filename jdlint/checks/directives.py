"""Checks on the suppression directives themselves. They run after suppression."""
from __future__ import annotations

from . import Kind


class InvalidDirectiveKind(Kind):
    name = "invalid-directive"
    OPTIONS = {}
    after_suppression = True

    def check(self, doc, rule, ctx):
        sup = ctx.suppressor
        if sup is None:
            return
        for d, name in sup.unknown:
            from ..config import did_you_mean

            yield rule.finding(doc, d.line, d.column, d.line, d.end_column, match=d.text, name=name,
                               hint=did_you_mean(name, ctx.rule_names))


class UnusedSuppressionKind(Kind):
    name = "unused-suppression"
    OPTIONS = {}
    after_suppression = True

    def check(self, doc, rule, ctx):
        sup = ctx.suppressor
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
                if name in d.used or name not in ctx.enabled:
                    continue
                yield rule.finding(doc, d.line, d.column, d.line, d.end_column, match=d.text,
                                   what=f"'{name}'")
