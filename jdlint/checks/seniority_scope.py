"""junior-title-senior-scope: a junior title over a senior job.

Only the posting's title decides whether it is junior (a job-family page's level sub-headings
do not). Then the senior-scope phrases (``domain.seniority``) and the "N+ years" requirements
above ``max_years`` (``domain.experience``) in the same prose are reported, one finding per line.
A level numeral in a civil-service posting ("Classification: IT Specialist I") is a grade of a
classification series, not a junior title.
"""
from __future__ import annotations

from typing import Any, Iterator

from ..domain.seniority import IGNORED_SECTIONS
from .base import Context, Kind


class SeniorityScopeKind(Kind):
    name = "seniority-scope"
    OPTIONS = {"max_years": (int, 2, "most years of experience a junior posting may ask for")}
    FIELDS = ("title", "marker", "scope")

    @staticmethod
    def _graded(doc: Any, t: Any, ctx: Context) -> bool:
        """Whether the title's only junior marker is a level numeral ("Specialist I") in a
        civil-service posting (a public employer in the config or front matter, or a posting
        that names its classification): a grade of a classification series, not a junior job."""
        vocab = ctx.vocab
        if any(p.search(t.text) for p in vocab.junior_markers) or not vocab.junior_level_suffix.search(t.text):
            return False
        if ctx.employer is not None and ctx.employer.type in ("federal", "state", "municipal"):
            return True
        return any(p.search(doc.text) for p in vocab.classification_cues)

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:
        t = ctx.facts.title
        if t is None or not t.junior_marker or self._graded(doc, t, ctx):
            return
        max_years = rule.options["max_years"]
        hits: dict[int, list[tuple[int, int, str, Any]]] = {}
        order: list[Any] = []
        for h in ctx.facts.senior_scope:
            if id(h.block) not in hits:
                order.append(h.block)
            hits.setdefault(id(h.block), []).append((h.start, h.end, h.label, h.block))
        for y in ctx.facts.experience:
            b = y.block
            if b.kind == "heading" or b.section.kind in IGNORED_SECTIONS:
                continue
            if y.years <= max_years or not y.about_experience or y.about_team:
                continue
            if id(b) not in hits:
                order.append(b)
            end = y.start + len(y.text)  # "5+ yrs." is reported without its full stop
            hits.setdefault(id(b), []).append((y.start, end, f"{y.text} of experience (more than {max_years})", b))
        reported: set[int] = set()
        for block in sorted(order, key=lambda b: b.first_line):
            for start, end, label, _b in sorted(hits[id(block)], key=lambda h: h[:3]):
                line, col = block.position(start)
                if line in reported:
                    continue
                end_line, end_col = block.position(end)
                reported.add(line)
                yield rule.finding(doc, line, col, end_line, end_col, match=block.text[start:end],
                                   title=t.text, marker=t.junior_marker, scope=label)
