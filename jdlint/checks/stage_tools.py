"""stage-mismatch: a requirement that belongs to a later company stage.

With ``stage:`` in the config (seed, series-a, scaleup, enterprise), a tool or practice listed
in ``stages.yaml`` as premature for that stage and named in a *required* item (not in a
nice-to-have list) is reported: "Kubernetes" as a must-have of a seed-stage posting screens
out the generalists an early team needs.
"""
from __future__ import annotations

from typing import Any, Iterator

import regex

from .base import Context, Kind
from ..rxcache import compile as rxcompile


class StageToolsKind(Kind):
    name = "stage-tools"
    FIELDS = ("thing", "stage", "reason")

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:
        stage = ctx.stage
        if not stage:
            return
        entries = [e for e in ctx.vocab.stages["premature"] if stage in e["stages"]]
        if not entries:
            return
        tools = {e["tool"]: e for e in entries if "tool" in e}
        phrases = [(rxcompile(e["phrase"], regex.I), e) for e in entries if "phrase" in e]
        scan = ctx.facts.tools.scan
        for block in ctx.facts.requirements.blocks:
            for it in block.items:
                if it.preferred:
                    continue
                reported = set()
                for ln_no in it.lines:
                    text = doc.lines[ln_no - 1].prose
                    hits = [(m.start, m.end, m.surface, tools[m.tool.name]) for m in scan(text)
                            if m.tool.name in tools]
                    hits += [(m.start(), m.end(), m.group(0), e) for rx, e in phrases for m in rx.finditer(text)]
                    for start, end, surface, e in sorted(hits, key=lambda h: h[0]):
                        label = e.get("tool") or e.get("label")
                        if label in reported:
                            continue
                        reported.add(label)
                        yield rule.finding(doc, ln_no, start + 1, ln_no, end + 1, match=surface,
                                           thing=label, stage=stage, reason=e["reason"])
