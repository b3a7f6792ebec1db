"""missing-salary-range: no pay range where a pay-transparency law requires one.

The places and the pay come from ``domain.pay``. A law counts from its in-force date, compared
with the run date, and only for the employers it reaches: ``employer: {size, type}`` in the
config or front matter (a federal employer is never under a state or city law; a 20-person
company is not under Ontario's 25-employee threshold). An open-ended figure ("$120k+", "up to $200k") is reported where a
law needs both a minimum and a maximum; where every law that applies asks only for the minimum
(Austria), "from EUR 45,000" meets it and "up to EUR 50,000" is reported for giving no minimum.
"""
from __future__ import annotations

from typing import Any, Iterator

from ..employer import Employer
from .base import Context, Kind

# Laws that bind a federal employer too: none of the listed ones (they are state, provincial,
# city and national-EU laws; a federal agency answers to federal law only).
FEDERAL_LAWS: frozenset[str] = frozenset()


def _binds(j: dict, employer: Any) -> bool:
    """Whether a law reaches this employer: no state, provincial or city law binds a federal
    employer; a law binds only the employer types it lists and employers at its threshold."""
    if employer is None:
        return True
    if employer.type is not None:
        if employer.type == "federal" and j.get("id") not in FEDERAL_LAWS:
            return False
        if employer.type not in j.get("binds", ("private", "state", "municipal", "federal")):
            return False
    return employer.size is None or employer.size >= int(j.get("min_employees", 1))


def _reach(j: dict) -> str:
    n = int(j.get("min_employees", 1))
    who = "non-government employers" if j.get("binds") == ["private"] else "employers"
    return f"for {who} with {n}+ employees" if n > 1 else f"for all {who}"


def _minimum_only(figure: str, doc: Any, line: int, col: int) -> bool:
    """Whether the open-ended figure is a minimum ("from", "at least", "+"), not a maximum."""
    text = doc.lines[line - 1].prose
    before, after = text[max(0, col - 30):col - 1].lower(), text[col - 1 + len(figure):col + len(figure) + 15].lower()
    return not any(w in before for w in ("up to", "as much as", "max")) or "+" in after


class PayRangeKind(Kind):
    name = "pay-range"
    OPTIONS = {"require_salary": (str, "covered-locations", "always, covered-locations or never")}
    CHOICES = {"require_salary": ("always", "covered-locations", "never")}
    FIELDS = ("figure", "where")

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:
        mode = rule.options["require_salary"]
        if mode == "never" or not doc.has_content() or not ctx.facts.is_posting:
            return
        employer = ctx.employer
        size = employer.size if employer else None
        kind = employer.type if employer else None
        if kind is None and ctx.facts.federal_employer:
            # The posting says the employer is a national government ("the federal
            # government", "Government of Canada"): no state, provincial or city law binds it.
            kind = "federal"
        if size is None:
            # The posting says how many people the employer has ("We're six people"): a law
            # for employers of 15 or more does not reach it.
            size = ctx.facts.headcount
        if (size, kind) != (None, None):
            employer = Employer(size, kind)
        mentions = [p for p in ctx.facts.places if p.in_force(ctx.today) and _binds(p.jurisdiction, employer)]
        if mode == "covered-locations" and not mentions:
            return
        pay = ctx.facts.pay
        if pay.shown == "range":
            return
        if mentions:
            p = mentions[0]
            j = p.jurisdiction
            line, col, end_col, text = p.line, p.column, p.end_column, p.text
            where = (f"the posting names '{p.text}': {j['label']} ({j['law']}, in force since {j['in_force']}, "
                     f"{_reach(j)}) requires {j['must_show']}")
        else:
            line, col, end_col, text = doc.anchor()
            where = "this team requires a pay range in every posting"
        if pay.shown == "open" and pay.open_figure is not None:
            line, col, figure = pay.open_figure
            variant = "open_ended"
            if mentions and all(m.jurisdiction.get("accepts_minimum") for m in mentions):
                if _minimum_only(figure, doc, line, col):
                    return  # "from EUR 45,000": a law that asks for the minimum pay is met
                variant = "no_minimum"  # "up to EUR 4,000" gives the maximum, not the minimum
            yield rule.finding(doc, line, col, line, col + len(figure), match=figure,
                               variant=variant, figure=figure, where=where)
            return
        yield rule.finding(doc, line, col, line, end_col, match=text, variant="missing", where=where)
