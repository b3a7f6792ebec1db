"""compliance: what a law says a posting may not contain, or must add, judged as of the run date.

The legal facts are data (``rules/vocab/compliance.yaml``): each check names its law, citation,
jurisdiction, the dates it is in force, the employers it binds and the wording that triggers it.
A rule (``rules/JD3xx-*.yaml``, ``kind: compliance``) reports the checks whose ``rule:`` is its
name. A check applies only when the posting names one of its places (as ``missing-salary-range``
reads places), the run date is on or after ``effective`` (and before ``ends``), and the employer
from the config is one it binds. A check marked ``verify: true`` never gives an error. Not legal
advice.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any, Iterator

import regex

from .. import yamlio
from ..finding import Severity
from ..resources import rules_dir
from .base import Context, Kind

ALL_TYPES = ("private", "state", "municipal", "federal")


@lru_cache(maxsize=1)
def compliance_data() -> dict:
    """The compliance facts, compiled once per process."""
    data = yamlio.plain(yamlio.load((rules_dir() / "vocab" / "compliance.yaml").read_text(encoding="utf-8")))
    checks = []
    for raw in data["checks"]:
        chk = dict(data.get(raw["use"], {}), **raw) if raw.get("use") else dict(raw)
        chk["_patterns"] = [regex.compile(p, regex.I) for p in chk["patterns"]]
        for key in ("not_in_sentence", "unless_anywhere", "request"):
            chk["_" + key] = regex.compile(chk[key], regex.I) if chk.get(key) else None
        checks.append(chk)
    return {"checks": checks, "us_places": set(data["us_places"]),
            "us_cues": regex.compile(data["us_cues"]), "sentence_end": regex.compile(data["sentence_end"])}


def checks_for(rule_name: str) -> list[dict]:
    return [c for c in compliance_data()["checks"] if c["rule"] == rule_name]


def in_force(chk: dict, today: date) -> bool:
    if date.fromisoformat(chk["effective"]) > today:
        return False
    return not chk.get("ends") or today < date.fromisoformat(chk["ends"])


def binds(chk: dict, employer: Any) -> bool:
    """Whether the law reaches this employer (size threshold, employer type)."""
    if employer is None:
        return True
    emp = chk.get("employers") or {}
    if employer.type is not None and employer.type not in emp.get("types", ALL_TYPES):
        return False
    return employer.size is None or employer.size >= int(emp.get("min_employees", 1))


def _us_location(doc: Any) -> str | None:
    """'United States' when the front matter's location or a 'Location:' line says the US."""
    rx = compliance_data()["us_cues"]
    fm = doc.front_matter or {}
    for key in ("location", "locations", "country", "office", "work_location", "region"):
        value = fm.get(key) if isinstance(fm, dict) else None
        if isinstance(value, (str, list)):
            for v in (value if isinstance(value, list) else [value]):
                m = rx.search(str(v))
                if m:
                    return m.group(0)
    for line in doc.lines:
        prose = getattr(line, "prose", "") or ""
        if regex.match(r"\W*(?:locations?|based in|where)\W*[:|]", prose, regex.I):
            m = rx.search(prose)
            if m:
                return m.group(0)
    return None


def where(chk: dict, doc: Any, ctx: Context, default_places: list[str]) -> str | None:
    """The place in the posting that puts it under the check's law, or None."""
    places = chk.get("places") or []
    if "any" in places:
        return "any posting"
    mentions = ctx.facts.places
    for p in mentions:
        jid = p.jurisdiction.get("id")
        if jid in places or ("us" in places and jid in compliance_data()["us_places"]):
            return p.text
    if "us" in places:
        found = _us_location(doc)
        if found:
            return found
    for p in default_places:
        if p in places or (p == "us" and "us" in places):
            return f"{p} (the config's default_places)"
    return None


def _sentence(text: str, a: int, b: int) -> str:
    ends = compliance_data()["sentence_end"]
    start = 0
    for m in ends.finditer(text, 0, a):
        start = m.end()
    m = ends.search(text, b)
    return text[start:m.start() if m else len(text)]


class ComplianceKind(Kind):
    name = "compliance"
    OPTIONS = {
        "legally_required": (bool, False, "the role legally requires what the rule would flag (export control, a clearance, a government contract): the rule is silent"),
        "default_places": (list, [], "places assumed when a posting names none, e.g. [us] or [ontario]"),
    }
    FIELDS = ("law", "citation", "place", "instead", "jurisdiction", "since")

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:
        if rule.options.get("legally_required") or not doc.has_content():
            return
        employer = ctx.employer
        if (employer is None or employer.type is None) and ctx.facts.federal_employer:
            # The posting says its employer is a national government (a GS grade, USAJOBS, "the
            # federal government"): a law that does not bind federal employers does not apply.
            from ..employer import Employer

            employer = Employer(employer.size if employer else None, "federal")
        text, position = doc.joined(skip_headings=True)
        taken: list[tuple[int, int]] = []
        for chk in checks_for(rule.name):
            if not in_force(chk, ctx.today) or not binds(chk, employer):
                continue
            place = where(chk, doc, ctx, list(rule.options.get("default_places") or []))
            if place is None:
                continue
            if chk["_unless_anywhere"] is not None and chk["_unless_anywhere"].search(text):
                continue
            seen = 0
            for rx in chk["_patterns"]:
                for m in rx.finditer(text):
                    if any(a < m.end() and m.start() < b for a, b in taken):
                        continue  # two patterns on one phrase: one finding
                    sentence = _sentence(text, m.start(), m.end())
                    if chk["_not_in_sentence"] is not None and chk["_not_in_sentence"].search(sentence):
                        continue
                    if chk["_request"] is not None and not chk["_request"].search(sentence):
                        continue
                    line, col = position(m.start())
                    taken.append((m.start(), m.end()))
                    seen += 1
                    yield rule.finding(
                        doc, line, col, line, col + len(m.group(0)), match=m.group(0),
                        law=chk["law"], citation=chk["citation"], place=place, instead=chk["instead"],
                        jurisdiction=chk["jurisdiction"], since=chk["effective"],
                        help=f"{chk['instead'][0].upper()}{chk['instead'][1:]}. Law: {chk['citation']} ({chk['url']}).",
                        severity_cap=Severity.WARNING if chk.get("verify") else None)
                    if chk.get("once"):
                        break
                if chk.get("once") and seen:
                    break
