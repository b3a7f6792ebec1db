"""missing-salary-range: no pay range where a pay-transparency law requires one.

Locations come from front matter location fields (at any depth), "Location:" lines and
sections, and place names anywhere in prose; two-letter codes (CO, NY, WA, ...) only count in
a location context, so "CA" in prose is not California. A law counts from its in-force date,
compared with the run date. Pay counts when the posting shows a range ("$150,000 - $185,000",
"USD 150k-185k", "€70.000–€85.000", "£60k to £75k"), a fixed figure, or pay fields in front
matter (``salary:``, or ``salary_min`` with ``salary_max``). An open-ended figure ("$120k+",
"up to $200k") is reported: no law listed accepts it.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache

import re

import regex

from ..textindex import PrefixIndex
from . import Kind

_AFTER_PLACE = re.compile(r"[A-Z][\w.]+,\s*$")
_LOCATION_LABEL = re.compile(r"\blocations?\s*[:*]", re.I)


@lru_cache(maxsize=8)
def _compiled(vocab):
    pay = vocab.pay
    cur, amt = pay["currency"], pay["amount"]
    money = rf"(?:{cur})\s*(?:{amt})(?:\s*/\s*(?:hr|hour|h|yr|year|annum|month|mo))?"
    bare = rf"(?:{amt})(?:\s*/\s*(?:hr|hour|h|yr|year))?"
    sep = r"\s*(?:-|–|—|to|and)\s*"
    code = r"\s*(?:USD|EUR|GBP|CAD|CHF|AUD|€|£|\$|dollars|euros|pounds)\b"
    ranges = [
        regex.compile(rf"{money}{sep}(?:{money}|{bare})", regex.I),
        regex.compile(rf"(?<![\w.,]){bare}{sep}{bare}{code}", regex.I),
        regex.compile(rf"{money}[^.\n]{{0,40}}?\b(?:to|and)\b[^.\n]{{0,30}}?{money}", regex.I),
    ]
    single = regex.compile(money, regex.I)
    # One pattern for every place name and one for every code, mapped back to jurisdictions.
    by_name: dict[str, list] = {}
    by_code: dict[str, list] = {}
    for j in pay["jurisdictions"]:
        for n in j["names"]:
            by_name.setdefault(n.lower(), []).append(j)
        for c in j["codes"]:
            by_code.setdefault(c, []).append(j)
    names_idx = PrefixIndex(by_name, whole_word=True)
    codes_rx = regex.compile(r"(?<![\w.])(?:" + "|".join(regex.escape(c) for c in sorted(by_code)) + r")(?![\w.])")
    return {
        "ranges": ranges, "single": single, "names": names_idx, "codes_rx": codes_rx,
        "by_name": by_name, "by_code": by_code,
        "open_before": regex.compile(pay["open_ended_before"], regex.I),
        "open_after": regex.compile(pay["open_ended_after"], regex.I),
        "loc_fields": {f.lower() for f in pay["location_fields"]},
        "pay_fields": {f.lower() for f in pay["pay_fields"]},
    }


def _walk(value, path=()):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, path + (str(k).lower(),))
    elif isinstance(value, list):
        for v in value:
            yield from _walk(v, path)
    else:
        yield path, value


def pay_evidence(doc, c):
    """('range', None) when pay is shown; ('open', (block, m)) for only open-ended figures;
    (None, None) when there is no pay figure at all."""
    fm = doc.front_matter or {}
    keys = {}
    for path, value in _walk(fm):
        if path:
            keys[path[-1]] = value
    for key, value in keys.items():
        base = key.rsplit("_", 1)[0] if key.endswith(("_min", "_max")) else key
        if base in c["pay_fields"] or key in c["pay_fields"]:
            if key.endswith("_min") and f"{base}_max" in keys:
                return "range", None
            if key in c["pay_fields"] and value not in (None, ""):
                text = str(value)
                if any(r.search(text) for r in c["ranges"]) or regex.search(r"\d", text):
                    return "range", None
    text, position = doc.joined()
    if not any(ch in text for ch in "$€£") and not regex.search(r"\b(?:USD|EUR|GBP|CAD|CHF)\b", text):
        return None, None
    if any(r.search(text) for r in c["ranges"]):
        return "range", None
    open_hit = None
    for m in c["single"].finditer(text):
        before, after = text[max(0, m.start() - 25):m.start()], text[m.end():m.end() + 15]
        if c["open_before"].search(before) or c["open_after"].match(after):
            open_hit = open_hit or (position, m)
        else:
            return "range", None  # a fixed figure
    if open_hit:
        return "open", open_hit
    return None, None


def _location_lines(doc, c) -> set[int]:
    lines = set()
    for sec in doc.sections:
        if "location" in sec.title.lower():
            lines.update(range(sec.line, sec.end_line + 1))
    for ln in doc.lines:
        if "ocation" in ln.prose and _LOCATION_LABEL.search(ln.prose):
            lines.add(ln.number)
            if ln.number < len(doc.lines):
                lines.add(ln.number + 1)  # "**Location:**" then the place on the next line
    return lines


def covered_mentions(doc, c, today: date):
    """[(jurisdiction, line, col, end_col, text)] in document order, laws in force only."""
    out = []

    def in_force(js):
        return [j for j in js if date.fromisoformat(j["in_force"]) <= today]

    fm = doc.front_matter or {}
    base = (doc.front_matter_span or (1, 1))[0]
    for path, value in _walk(fm):
        if not path or path[-1] not in c["loc_fields"] or not isinstance(value, (str, int)):
            continue
        text = str(value)
        hits = [(text[a:b], c["by_name"][key]) for a, b, key in c["names"].finditer(text)]
        hits += [(m.group(0), c["by_code"][m.group(0)]) for m in c["codes_rx"].finditer(text)]
        for found, js in hits:
            for j in in_force(js):
                out.append((j, _fm_line(doc, text) or base, 1, 1 + len(text), found))
    loc_lines = _location_lines(doc, c)
    for block in doc.blocks:
        text = block.text
        for a, b, key in c["names"].finditer(text):
            line, col = block.position(a)
            for j in in_force(c["by_name"][key]):
                out.append((j, line, col, col + b - a, text[a:b]))
        for m in c["codes_rx"].finditer(text):
            line, col = block.position(m.start())
            after_place = _AFTER_PLACE.search(text[max(0, m.start() - 30):m.start()])
            if line in loc_lines or after_place:
                for j in in_force(c["by_code"][m.group(0)]):
                    out.append((j, line, col, col + len(m.group(0)), m.group(0)))
    out.sort(key=lambda x: (x[1], x[2]))
    return out


def _fm_line(doc, value: str) -> int | None:
    if not doc.front_matter_span:
        return None
    a, b = doc.front_matter_span
    for ln in doc.lines[a - 1:b]:
        if value and value in ln.text:
            return ln.number
    return None


class PayRangeKind(Kind):
    name = "pay-range"
    OPTIONS = {"require_salary": (str, "covered-locations", "always, covered-locations or never")}
    CHOICES = {"require_salary": ("always", "covered-locations", "never")}

    def check(self, doc, rule, ctx):
        mode = rule.options["require_salary"]
        if mode == "never" or not doc.has_content():
            return
        c = _compiled(ctx.vocab)
        today = ctx.today or date.today()
        mentions = covered_mentions(doc, c, today)
        if mode == "covered-locations" and not mentions:
            return
        kind, hit = pay_evidence(doc, c)
        if kind == "range":
            return
        if mentions:
            j, line, col, end_col, text = mentions[0]
            where = f"{j['label']} ({j['law']}, in force since {j['in_force']}) requires {j['must_show']}"
        else:
            line, col, end_col, text = doc.anchor()
            where = "this team requires a pay range in every posting"
        if kind == "open":
            position, m = hit
            line, col = position(m.start())
            yield rule.finding(doc, line, col, line, col + len(m.group(0)), match=m.group(0),
                               variant="open_ended", figure=m.group(0), where=where)
            return
        yield rule.finding(doc, line, col, line, end_col, match=text, variant="missing", where=where)
