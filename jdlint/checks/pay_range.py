"""missing-salary-range: no pay range where a pay-transparency law requires one.

The places and the pay come from ``domain.pay``. A law counts from its in-force date, compared
with the run date. An open-ended figure ("$120k+", "up to $200k") is reported: no law listed
accepts it.
"""
from __future__ import annotations

from typing import Any, Iterator

from .base import Context, Kind


class PayRangeKind(Kind):
    name = "pay-range"
    OPTIONS = {"require_salary": (str, "covered-locations", "always, covered-locations or never")}
    CHOICES = {"require_salary": ("always", "covered-locations", "never")}
    FIELDS = ("figure", "where")

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:
        mode = rule.options["require_salary"]
        if mode == "never" or not doc.has_content():
            return
        mentions = [p for p in ctx.facts.places if p.in_force(ctx.today)]
        if mode == "covered-locations" and not mentions:
            return
        pay = ctx.facts.pay
        if pay.shown == "range":
            return
        if mentions:
            p = mentions[0]
            j = p.jurisdiction
            line, col, end_col, text = p.line, p.column, p.end_column, p.text
            where = f"{j['label']} ({j['law']}, in force since {j['in_force']}) requires {j['must_show']}"
        else:
            line, col, end_col, text = doc.anchor()
            where = "this team requires a pay range in every posting"
        if pay.shown == "open" and pay.open_figure is not None:
            line, col, figure = pay.open_figure
            yield rule.finding(doc, line, col, line, col + len(figure), match=figure,
                               variant="open_ended", figure=figure, where=where)
            return
        yield rule.finding(doc, line, col, line, end_col, match=text, variant="missing", where=where)
