"""Front matter that cannot be read, or a ``jdlint:`` block that is not understood (including
rule names in ``jdlint.disable`` that no rule has)."""
from __future__ import annotations

from typing import Any, Iterator

from .. import yamlio
from ..employer import parse_employer
from ..names import did_you_mean
from ..vocab import stage_names
from .base import Context, Kind

JDLINT_KEYS = {"stack": "a list of tool names", "disable": "a list of rule names or codes",
               "stage": "one of the company stages (seed, series-a, scaleup, enterprise)",
               "employer": "a mapping such as {size: 40, type: private}"}


class FrontMatterKind(Kind):
    name = "front-matter"
    FIELDS = ("problem",)

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:
        for err in doc.front_matter_errors:
            raw = doc.lines[err.line - 1].text if 0 < err.line <= len(doc.lines) else ""
            yield rule.finding(doc, err.line, 1, err.line, len(raw) + 1, match=raw, problem=err.message)
        fm = doc.front_matter or {}
        if "jdlint" not in fm:
            return
        block = fm["jdlint"]
        line = doc.fm_line(yamlio.line_of(fm, "jdlint", 1))
        if not isinstance(block, dict):
            yield rule.finding(doc, line, 1, problem="the 'jdlint' block must be a mapping with 'stack', 'disable', 'stage' and/or 'employer'")
            return
        for key, value in block.items():
            kline = doc.fm_line(yamlio.line_of(block, key, 1))
            if key not in JDLINT_KEYS:
                yield rule.finding(doc, kline, 1, problem=f"unknown key {key!r} in the 'jdlint' block{did_you_mean(str(key), JDLINT_KEYS)}")
            elif key == "employer":
                _employer, error, _sub = parse_employer(value)
                if error:
                    yield rule.finding(doc, kline, 1, problem=f"'jdlint.employer' {error}")
            elif key == "stage":
                if value not in stage_names():
                    yield rule.finding(doc, kline, 1, problem=f"'jdlint.stage' must be {JDLINT_KEYS[key]}, not {value!r}")
            elif not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                yield rule.finding(doc, kline, 1, problem=f"'jdlint.{key}' must be {JDLINT_KEYS[key]} (quote words such as no or off)")
        stack = block.get("stack")
        if isinstance(stack, list):
            # A misspelt tool would leave the real one out of this posting's stack, and every
            # mention of it would be reported (the config's stack is checked when it loads).
            sline = doc.fm_line(yamlio.line_of(block, "stack", 1))
            for name in stack:
                if isinstance(name, str) and ctx.vocab.tool_by_name(name) is None:
                    yield rule.finding(doc, sline, 1, problem=f"unknown tool {name!r} in 'jdlint.stack'"
                                                              f"{ctx.vocab.unknown_tool_hint(name)}")
        disable = block.get("disable")
        if isinstance(disable, list) and ctx.rule_names:
            known = set(ctx.rule_names) | {n.lower() for n in ctx.rule_names}
            dline = doc.fm_line(yamlio.line_of(block, "disable", 1))
            for name in disable:
                if isinstance(name, str) and name not in known and name.strip() not in known:
                    yield rule.finding(doc, dline, 1, problem=f"unknown rule {name!r} in 'jdlint.disable'{did_you_mean(name, ctx.rule_names)}")
