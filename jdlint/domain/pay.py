"""Pay and places: the pay the posting shows, and the places whose pay-transparency laws apply.

Locations come from front matter location fields (at any depth), "Location:" lines and
sections, and place names anywhere in prose; two-letter codes (CO, NY, WA, ...) only count in
a location context, so "CA" in prose is not California. Pay counts when the posting shows a
range ("$150,000 - $185,000", "USD 150k-185k", "€70.000–€85.000", "£60k to £75k"), a fixed
figure, or pay fields in front matter (``salary:``, or ``salary_min`` with ``salary_max``). An
open-ended figure ("$120k+", "up to $200k") is neither.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Iterator

import regex

from ..textindex import PrefixIndex

_AFTER_PLACE = re.compile(r"[A-Z][\w.]+,\s*$")
_LOCATION_LABEL = re.compile(r"\blocations?\s*[:*]", re.I)


@dataclass(frozen=True)
class PlaceMention:
    jurisdiction: dict  # the pay.yaml entry: label, law, in_force, must_show, ...
    line: int
    column: int
    end_column: int
    text: str

    def in_force(self, today: date) -> bool:
        return date.fromisoformat(self.jurisdiction["in_force"]) <= today


@dataclass(frozen=True)
class Pay:
    shown: str | None  # "range" (a range or fixed figure), "open" (only open-ended), None
    open_figure: tuple[int, int, str] | None  # (line, column, text) of the open-ended figure


@lru_cache(maxsize=8)
def compiled(vocab: Any) -> dict[str, Any]:
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
    by_name: dict[str, list] = {}
    by_code: dict[str, list] = {}
    for j in pay["jurisdictions"]:
        for n in j["names"]:
            by_name.setdefault(n.lower(), []).append(j)
        for c in j["codes"]:
            by_code.setdefault(c, []).append(j)
    return {
        "ranges": ranges, "single": regex.compile(money, regex.I),
        "names": PrefixIndex(by_name, whole_word=True),
        "codes_rx": regex.compile(r"(?<![\w.])(?:" + "|".join(regex.escape(c) for c in sorted(by_code)) + r")(?![\w.])"),
        "by_name": by_name, "by_code": by_code,
        "open_before": regex.compile(pay["open_ended_before"], regex.I),
        "open_after": regex.compile(pay["open_ended_after"], regex.I),
        "loc_fields": {f.lower() for f in pay["location_fields"]},
        "pay_fields": {f.lower() for f in pay["pay_fields"]},
    }


def _walk(value: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, path + (str(k).lower(),))
    elif isinstance(value, list):
        for v in value:
            yield from _walk(v, path)
    else:
        yield path, value


def read_pay(doc: Any, vocab: Any) -> Pay:
    c = compiled(vocab)
    fm = doc.front_matter or {}
    keys = {}
    for path, value in _walk(fm):
        if path:
            keys[path[-1]] = value
    for key, value in keys.items():
        base = key.rsplit("_", 1)[0] if key.endswith(("_min", "_max")) else key
        if base in c["pay_fields"] or key in c["pay_fields"]:
            if key.endswith("_min") and f"{base}_max" in keys:
                return Pay("range", None)
            if key in c["pay_fields"] and value not in (None, ""):
                text = str(value)
                if any(r.search(text) for r in c["ranges"]) or regex.search(r"\d", text):
                    return Pay("range", None)
    text, position = doc.joined()
    if not any(ch in text for ch in "$€£") and not regex.search(r"\b(?:USD|EUR|GBP|CAD|CHF)\b", text):
        return Pay(None, None)
    if any(r.search(text) for r in c["ranges"]):
        return Pay("range", None)
    open_hit = None
    for m in c["single"].finditer(text):
        before, after = text[max(0, m.start() - 25):m.start()], text[m.end():m.end() + 15]
        if c["open_before"].search(before) or c["open_after"].match(after):
            if open_hit is None:
                line, col = position(m.start())
                open_hit = (line, col, m.group(0))
        else:
            return Pay("range", None)  # a fixed figure
    if open_hit:
        return Pay("open", open_hit)
    return Pay(None, None)


def _location_lines(doc: Any) -> set[int]:
    lines: set[int] = set()
    for sec in doc.sections:
        if "location" in sec.title.lower():
            lines.update(range(sec.line, sec.end_line + 1))
    for ln in doc.lines:
        if "ocation" in ln.prose and _LOCATION_LABEL.search(ln.prose):
            lines.add(ln.number)
            if ln.number < len(doc.lines):
                lines.add(ln.number + 1)  # "**Location:**" then the place on the next line
    return lines


def _fm_line(doc: Any, value: str) -> int | None:
    if not doc.front_matter_span:
        return None
    a, b = doc.front_matter_span
    for ln in doc.lines[a - 1:b]:
        if value and value in ln.text:
            return int(ln.number)
    return None


def places(doc: Any, vocab: Any) -> list[PlaceMention]:
    """Every mention of a place with a pay-transparency law (in force or not), in document order."""
    c = compiled(vocab)
    out = []
    fm = doc.front_matter or {}
    base = (doc.front_matter_span or (1, 1))[0]
    for path, value in _walk(fm):
        if not path or path[-1] not in c["loc_fields"] or not isinstance(value, (str, int)):
            continue
        text = str(value)
        hits = [(text[a:b], c["by_name"][key]) for a, b, key in c["names"].finditer(text)]
        hits += [(m.group(0), c["by_code"][m.group(0)]) for m in c["codes_rx"].finditer(text)]
        for found, js in hits:
            for j in js:
                out.append(PlaceMention(j, _fm_line(doc, text) or base, 1, 1 + len(text), found))
    loc_lines = _location_lines(doc)
    for block in doc.blocks:
        text = block.text
        for a, b, key in c["names"].finditer(text):
            line, col = block.position(a)
            for j in c["by_name"][key]:
                out.append(PlaceMention(j, line, col, col + b - a, text[a:b]))
        for m in c["codes_rx"].finditer(text):
            line, col = block.position(m.start())
            after_place = _AFTER_PLACE.search(text[max(0, m.start() - 30):m.start()])
            if line in loc_lines or after_place:
                for j in c["by_code"][m.group(0)]:
                    out.append(PlaceMention(j, line, col, col + len(m.group(0)), m.group(0)))
    out.sort(key=lambda x: (x.line, x.column))
    return out


# The posting says its employer is a national government: then no state, provincial or city
# pay law binds it. Only explicit phrases count; a company that merely works *for* a government
# ("we help federal agencies") does not say so.
_FEDERAL = regex.compile(
    r"\b(?:government of canada|federal public service|public service of canada|"
    r"(?:is|are|as) (?:a |an |part of (?:the )?)?(?:u\.s\. |us |united states )?federal (?:agency|department|government)|"
    r"(?:changing|transform\w*|modernis\w*|moderniz\w*) how the federal government|"
    r"(?:an? |the )?(?:u\.s\.|united states) (?:federal )?government (?:agency|department|employer)|"
    r"federal (?:civil service|employees? of the (?:u\.s\.|united states|federal government)))\b", regex.I)


def federal_employer(doc: Any) -> bool:
    """Whether the posting says its employer is a national government."""
    text, _position = doc.joined()
    return bool(_FEDERAL.search(text))
