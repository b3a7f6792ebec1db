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
from ..rxcache import compile as rxcompile

ALL_TYPES = ("private", "state", "municipal", "federal")


@lru_cache(maxsize=1)
def compliance_data() -> dict:
    """The compliance facts, compiled once per process."""
    data = yamlio.plain(yamlio.load((rules_dir() / "vocab" / "compliance.yaml").read_text(encoding="utf-8")))
    checks = []
    for raw in data["checks"]:
        chk = dict(data.get(raw["use"], {}), **raw) if raw.get("use") else dict(raw)
        chk["_patterns"] = [rxcompile(p, regex.I) for p in chk["patterns"]]
        for key in ("not_in_sentence", "unless_anywhere", "request", "present", "when"):
            chk["_" + key] = rxcompile(chk[key], regex.I) if chk.get(key) else None
        checks.append(chk)
    return {"checks": checks, "us_places": set(data["us_places"]),
            "us_cues": rxcompile(data["us_cues"]), "sentence_end": rxcompile(data["sentence_end"])}


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
    dates = chk.get("place_dates") or {}
    for p in mentions:
        jid = p.jurisdiction.get("id")
        if jid in dates and date.fromisoformat(dates[jid]) > ctx.today:
            continue
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


_AMOUNT = rxcompile(r"(\d{1,3}(?:[,.\u202f\u00a0 ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?)\s*([kK]\b)?")
_HOURLY = rxcompile(r"^\s*(?:/\s*(?:hr|hour|h|month|mo|week|wk|day)\b|(?:an?|per)\s+(?:hour|month|week|day)\b|hourly)", regex.I)


def _amounts(figure: str) -> list[float]:
    """The numbers of a pay range, in currency units: "$120k - 150k", "CA$110,000 to CA$170,000"."""
    out = []
    for m in _AMOUNT.finditer(figure):
        raw, k = m.group(1), m.group(2)
        if regex.fullmatch(r"\d{1,3}(?:[,.\u202f\u00a0 ]\d{3})+", raw):
            value = float(regex.sub(r"\D", "", raw))
        elif regex.fullmatch(r"\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+[.,]\d{1,2}", raw):
            value = float(regex.sub(r"\D", "", raw[:-3]))
        else:
            value = float(raw.replace(",", "."))
        out.append(value * 1000 if k else value)
    if len(out) >= 2 and out[1] >= 1000 > out[0] and regex.search(r"[kK]\b", figure):
        out[0] *= 1000  # "$120-150k"
    return out[:2]


def _pay_figures(text: str, vocab: Any, accept: Any) -> Iterator[tuple[Any, Any]]:
    """(match, what ``accept`` made of it) for each pay figure of ``text`` that ``accept`` does
    not turn down (returns None for); figures do not overlap an accepted one."""
    from ..domain.pay import _is_pay, compiled

    c = compiled(vocab)
    taken: list[tuple[int, int]] = []
    for rx in c["ranges"]:
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken) or not _is_pay(text, m, c):
                continue
            value = accept(m)
            if value is None:
                continue
            taken.append((m.start(), m.end()))
            yield m, value


def pay_ranges(doc: Any, vocab: Any) -> list[tuple[int, int, str, float, float]]:
    """(line, column, figure, low, high) of each yearly pay range in the posting's prose."""
    text, position = doc.joined()

    def yearly(m: Any) -> list[float] | None:
        if _HOURLY.match(text[m.end():m.end() + 12]) or regex.search(r"/\s*(?:hr|hour|h)\b", m.group(0), regex.I):
            return None
        nums = _amounts(m.group(0))
        return nums if len(nums) >= 2 and nums[0] >= 1000 else None

    out: list[tuple[int, int, str, float, float]] = []
    for m, nums in _pay_figures(text, vocab, yearly):
        line, col = position(m.start())
        out.append((line, col, m.group(0), min(nums), max(nums)))
    return sorted(out)


class ComplianceKind(Kind):
    name = "compliance"
    OPTIONS = {
        "legally_required": (bool, False, "the role legally requires what the rule would flag (export control, a clearance, a government contract): the rule is silent"),
        "default_places": (list, [], "places assumed when a posting names none, e.g. [us] or [ontario]"),
    }
    FIELDS = ("law", "citation", "place", "instead", "jurisdiction", "since", "width", "max_width", "exempt_above", "what")

    def _finding(self, doc, rule, chk, place, line, col, figure, **extra):
        return rule.finding(
            doc, line, col, line, col + len(figure), match=figure, variant=chk.get("test"),
            law=chk["law"], citation=chk["citation"], place=place, instead=chk["instead"],
            jurisdiction=chk["jurisdiction"], since=chk["effective"],
            help=f"{chk['instead'][0].upper()}{chk['instead'][1:]}. Law: {chk['citation']} ({chk['url']}).",
            severity_cap=Severity.WARNING if chk.get("verify") else None, **extra)

    @staticmethod
    def _mention(chk, ctx, place):
        """(line, column, text) of the place mention that put the posting under the law."""
        for p in ctx.facts.places:
            if p.text == place:
                return p.line, p.column, p.text
        return None

    def _range_width(self, doc, rule, ctx, chk, place):
        """A pay range wider than the law allows, unless its top is above the exemption."""
        cap, above = float(chk["max_width"]), float(chk.get("exempt_above") or 0)
        for line, col, figure, low, high in pay_ranges(doc, ctx.vocab):
            if high - low > cap and not (above and high > above):
                yield self._finding(doc, rule, chk, place, line, col, figure, width=f"${high - low:,.0f}",
                                    max_width=f"${cap:,.0f}", exempt_above=f"${above:,.0f}")

    def _pay_period(self, doc, rule, ctx, chk, place):
        """A pay figure whose sentence never says what period it pays for: "$45 - $60" (an hour? a
        day?), "$4,000 - $5,000" (a month? a year?). Figures of 20,000 or more read as a year's pay."""
        text, position = doc.joined()
        period = chk["_present"]
        for m, _ in _pay_figures(text, ctx.vocab, lambda m: True):
            nums = _amounts(m.group(0))
            if not nums or max(nums) >= 20000:
                continue  # "$90,000 - $110,000" reads as a year's pay without saying so
            if period is None or period.search(_sentence(text, m.start(), m.end())):
                continue
            if period.search(text[m.end():m.end() + 40]):
                continue  # "$40 - $55 / hr" split from its period by a line break
            line, col = position(m.start())
            yield self._finding(doc, rule, chk, place, line, col, m.group(0))

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:
        if rule.options.get("legally_required") or not doc.has_content() or not ctx.facts.is_posting:
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
            if chk.get("test") == "required-statement":
                trigger = None
                if chk["_when"] is not None:
                    # Required only of a posting that does something ("applications are screened
                    # by an automated tool"): reported at the sentence that says it.
                    trigger = chk["_when"].search(text)
                    if trigger is None:
                        continue
                if chk["_present"] is not None and not chk["_present"].search(text):
                    if trigger is not None:
                        line, col = position(trigger.start())
                        figure = trigger.group(0)
                    else:
                        mention = self._mention(chk, ctx, place)
                        line, col, figure = mention if mention else (*doc.anchor()[:2], place)
                    yield self._finding(doc, rule, chk, place, line, col, figure, what=chk.get("what", ""))
                continue
            if chk.get("test") == "pay-period":
                yield from self._pay_period(doc, rule, ctx, chk, place)
                continue
            if chk.get("in_title"):
                title = doc.title
                if title is not None:
                    for rx in chk["_patterns"]:
                        m = rx.search(title.text)
                        if m:
                            yield self._finding(doc, rule, chk, place, title.line, title.column + m.start(), m.group(0))
                            break
                continue
            if chk.get("test") == "range-width":
                yield from self._range_width(doc, rule, ctx, chk, place)
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
