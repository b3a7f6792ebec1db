"""junior-title-senior-scope: a junior title over a senior job.

Only the posting's title decides whether it is junior (a job-family page's level sub-headings
do not). Then every prose line outside about-us, benefits, pay and process sections is read for
senior-scope phrases (``seniority.yaml``) and for "N+ years" above ``max_years``. The subject
matters: a phrase is skipped when its clause hands that scope to someone else or makes the hire
a learner or helper ("paired with a staff engineer who sets the direction", "learn how our
architects design the platform", "help define standards"). One finding per offending line.
"""
from __future__ import annotations

import re

from . import Kind

_IGNORED_SECTIONS = {"about", "benefits", "compensation", "process"}
_CLAUSE_BREAK = re.compile(r"[.;!?:]\s|\n\s*(?:[-*+]|\d+[.)])\s")
_WE = re.compile(r"\b(?:we|we've|we're|our|us|the company|the team)\b", re.I)
_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15}


def _clause_before(text: str, start: int) -> str:
    prefix = text[:start]
    cut = 0
    for m in _CLAUSE_BREAK.finditer(prefix):
        cut = m.end()
    return prefix[cut:]


class SeniorityScopeKind(Kind):
    name = "seniority-scope"
    OPTIONS = {"max_years": (int, 2, "most years of experience a junior posting may ask for")}

    def check(self, doc, rule, ctx):
        t = doc.title
        if t is None:
            return
        vocab = ctx.vocab
        marker = vocab.is_junior_title(t.text)
        if not marker:
            return
        reported: set[int] = set()
        for block in doc.blocks:
            if block.kind == "heading" or block.section.kind in _IGNORED_SECTIONS:
                continue
            hits = []
            for label, patterns in vocab.senior_scope:
                for p in patterns:
                    for m in p.finditer(block.text):
                        clause = _clause_before(block.text, m.start())
                        if any(c.search(clause) for c in vocab.other_agent_cues):
                            continue
                        hits.append((m.start(), m.end(), label))
            for m in vocab.years.finditer(block.text):
                n = m.group("n").lower()
                years = int(n) if n.isdigit() else _NUM.get(n, 0)
                if years <= rule.options["max_years"]:
                    continue
                after = block.text[m.end():m.end() + 60].lower()
                in_reqs = block.section.kind in ("requirements", "preferred")
                if not (in_reqs or "experience" in after):
                    continue
                if _WE.search(_clause_before(block.text, m.start())[-30:]):
                    continue  # "our team has 10+ years of experience" is about the team
                hits.append((m.start(), m.end(), f"{m.group(0).strip()} of experience (more than {rule.options['max_years']})"))
            for start, end, label in sorted(hits):
                line, col = block.position(start)
                if line in reported:
                    continue
                end_line, end_col = block.position(end)
                reported.add(line)
                yield rule.finding(doc, line, col, end_line, end_col, match=block.text[start:end],
                                   title=t.text, marker=marker, scope=label)
