"""Pay and places: the pay the posting shows, and the places whose pay-transparency laws apply.

Locations come from front matter location fields (at any depth), "Location:" lines and
sections, headings, and place names in prose where the sentence says where the job or the
employer is ("based in", "our Toronto office", "hiring in Ottawa", a line that only lists
places); a place inside an organisation's name ("University of California") or among another
organisation's offices ("our client has offices in Boston") does not count, nor does one in a
table whose header names no location column. Two-letter codes (CO, NY, WA, ...) only count in
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

from ..prefilter import PatternFilter, fold
from ..rxcache import compile as rxcompile
from ..rxcache import re_compile
from ..textindex import PrefixIndex

_AFTER_PLACE = re_compile(r"[A-Z][\w.]+,\s*$")
_LOCATION_LABEL = re_compile(r"\blocations?\s*[:*]", re.I)


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


# The currency codes a pay figure is written with, before or after it ("USD 120,000", "18,00,000 INR").
_CURRENCY_CODES = "USD|EUR|GBP|CAD|CHF|AUD|NZD|SGD|INR|JPY"


@lru_cache(maxsize=8)
def compiled(vocab: Any) -> dict[str, Any]:
    pay = vocab.pay
    cur, amt = pay["currency"], pay["amount"]
    money = rf"(?:{cur})\s*(?:{amt})(?:\s*/\s*(?:hr|hour|h|yr|year|annum|month|mo))?"
    bare = rf"(?:{amt})(?:\s*/\s*(?:hr|hour|h|yr|year))?"
    sep = r"\s*(?:-|–|—|to|and)\s*"
    code = rf"\s*(?:(?:{_CURRENCY_CODES}|dollars|euros|pounds|rupees|lakhs?|lacs?|LPA)\b|€|£|\$|₹)"
    ranges = [
        rxcompile(rf"{money}{sep}(?:{money}|{bare})", regex.I),
        rxcompile(rf"(?<![\w.,]){bare}(?:{code})?{sep}{bare}{code}", regex.I),
        rxcompile(rf"{money}[^.\n]{{0,40}}?\b(?:to|and)\b[^.\n]{{0,30}}?{money}", regex.I),
    ]
    by_name: dict[str, list] = {}
    by_code: dict[str, list] = {}
    for j in pay["jurisdictions"]:
        for n in j["names"]:
            by_name.setdefault(n.lower(), []).append(j)
        for c in j["codes"]:
            by_code.setdefault(c, []).append(j)
    # longest first, ties by name: the same pattern in every process (a set's order is not)
    names = sorted({n for j in pay["jurisdictions"] for n in j["names"]}, key=lambda n: (-len(n), n))
    place_word = "|".join(regex.escape(n) for n in names) + "|" + "|".join(sorted(by_code)) + r"|remote|hybrid|on-?site"
    return {
        "ranges": ranges, "single": rxcompile(money, regex.I),
        "location_cues": rxcompile(pay["location_cues"], regex.I),
        "third_party": rxcompile(pay["third_party_cues"], regex.I),
        "first_party": rxcompile(pay["first_party_cues"], regex.I),
        # a line that is only places: "Denver, CO or Remote (US)", "Ottawa · Toronto"
        "place_list": rxcompile(rf"^[\s\W]*(?:\b(?:{place_word}|us|usa|united states|canada|or|and|only|\d+)\b[\s\W]*)+$", regex.I),
        "suffixes": frozenset(pay["place_suffixes"]),
        "org_of": rxcompile(r"\b(?:" + "|".join(regex.escape(h) for h in pay["org_heads_of"]) + r")\s+of\s+(?:the\s+)?$"),
        "federal": [rxcompile(p, regex.I) for p in pay["federal_employer_cues"]],
        # the words each federal cue needs: only the cues whose words a posting holds are searched
        "federal_words": PatternFilter(list(pay["federal_employer_cues"]), regex.I, "federal_words"),
        "not_pay": rxcompile(pay["not_pay_cues"], regex.I),
        "pay_words": rxcompile(pay["pay_cues"], regex.I),
        "names": PrefixIndex(by_name, whole_word=True),
        # "Perth, WA" is Western Australia: a code after a city of another country is not a state
        "codes_rx": rxcompile(r"(?<![\w.])" + _not_after(pay.get("code_not_us_after") or [])
                              + r"(?:" + "|".join(regex.escape(c) for c in sorted(by_code)) + r")(?![\w.])"),
        "by_name": by_name, "by_code": by_code,
        "open_before": rxcompile(pay["open_ended_before"], regex.I),
        "open_after": rxcompile(pay["open_ended_after"], regex.I),
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


_ON_TOP = re_compile(r"^\s*(?:\+|plus\b|and\b|with\b)\s*(?:(?:generous|meaningful|significant)\s+)?"
                    # "+ 0.3–0.6% equity", "+ 10% bonus": the share before what is added
                    r"(?:~?\d+(?:\.\d+)?\s*%?\s*(?:[–—-]|to)\s*)?(?:~?\d+(?:\.\d+)?\s*%\s*)?"
                    r"(?:equity|stock(?:\s+options)?|options|bonus(?:es)?|benefits|commission)\b", re.I)


# The words right after a figure, which say what it is ("$2,000 home office budget"), unless
# they add something to it ("plus a learning budget").
_OWN_NOUN = re_compile(r"^\s*(?!(?:plus|and|with|or|\+)\b)(?:[\w'\u2019-]+\s+){0,2}[\w'\u2019()-]+", re.I)
# "$14 billion", "a $2 million grant", "Series A ($14M, led by ...)", "$90m in rent": millions
# are never one person's pay.
_MAGNITUDE = re_compile(r"^\s*(?:billion|million|trillion|bn|mn)\b|^(?:MM|M|B|m|b)\b(?!\s*[-–—]\s*\d)")
_FACT_SEP = re_compile(r"\s[·•|]\s")
_PER_PERIOD = re_compile(r"^\s*(?:/\s*(?:hr|hour|h|yr|year|annum|month|mo)\b|(?:per|a|an)\s+(?:hour|year|annum|month)\b"
                         r"|p\.?a\.?(?!\w)|annually\b)|/\s*(?:hr|hour|yr|year|annum)\b", re.I)


# Money that customers, accounts or deals bring in, said right before the figure: "a book of 35
# accounts, each paying between $60k and $250k a year", "deal sizes of $50k-$200k", "contracts
# worth £2m-£5m". It is the business's money, not the hire's pay.
_OTHERS_PAY = re_compile(
    r"(?:\b(?:each|customers?|clients?|accounts?|merchants?|brands?|contracts?|deals?|tenants?|members?|subscribers?)\b"
    r"[^.\n$€£]{0,30}?\b(?:paying|pays?|spend(?:s|ing)?|worth|valued\s+at|generat(?:e|es|ing)|bring(?:s|ing)?\s+in)\s+"
    r"(?:(?:between|from|around|about|roughly|some|up\s+to|anywhere\s+from)\s+)?"
    r"|\b(?:deal\s+sizes?|contract\s+values?|acv|arr|annual\s+contract\s+value|ticket\s+sizes?|account\s+sizes?)\s+"
    r"(?:(?:of|between|from|around|about|roughly|range\s+from|ranging\s+from)\s+)*)"
    # the second figure of a range: "between $60k and " before "$250k"
    r"(?:[$€£]\s?[\d.,]+\s*[kKmM]?\s*(?:and|to|[-–—])\s*)?$", re.I)


def _is_pay(text: str, m: Any, c: dict, pay_section: bool = False, is_range: bool = False) -> bool:
    """Whether a figure is the job's pay, not a stipend, a budget, a perk or the company's
    funding ("$200/month towards coworking", "we raised $20M"): a figure with one of those
    words beside it and no pay word is not pay."""
    # What is added on top of the figure is not what the figure is: "$185,000 - $215,000 +
    # equity" is a salary with equity besides.
    after = _ON_TOP.sub("", text[m.end():m.end() + 50], count=1)
    before = text[max(0, m.start() - 50):m.start()]
    # The words that say what a figure is sit on its own line: "- Competitive salary" on the
    # line above does not make "- $1,500 home office budget" pay.
    before, after = before[before.rfind("\n") + 1:], after.split("\n", 1)[0]
    # ... and within its own part of a line of facts: "Full time · $52,000 – $58,000/year ·
    # Medical, dental, 401(k)" (the 401(k) is the next fact, not what the figure is).
    before, after = _FACT_SEP.split(before)[-1], _FACT_SEP.split(after)[0]
    if _MAGNITUDE.match(after):
        return False  # "$14 billion in assets under management", "a $2 million grant"
    if _FOR_THE_PROCESS.match(after):
        return False  # "we'll pay you $300 for your time" on the take-home: a fee, not the job's pay
    if _OTHERS_PAY.search(before):
        return False  # "35 accounts, each paying between $60k and $250k a year": what customers pay
    if is_range and (_PER_PERIOD.match(after) or _PER_PERIOD.search(m.group(0))):
        return True  # "$52,000 – $58,000/year", "$31–$38 per hour": a wage (a lone "$1,200 a year
        # for your home office" is not)
    near = before + m.group(0) + after
    if not is_range and _PERK.search(near) and not c["pay_words"].search(near):
        return False  # "plus a $750 health spending account": a lone figure among the benefits
    # What the figure itself is, said in the words right after it ("$2,000 home office budget",
    # "$1,000 annual learning budget"): not pay, even in the pay section.
    own = _OWN_NOUN.match(after)
    if own and c["not_pay"].search(own.group(0)) and not c["pay_words"].search(own.group(0)):
        return False
    return not c["not_pay"].search(near) or pay_section or bool(c["pay_words"].search(near))


# A fee for a step of the hiring process: "(we'll pay you $300 for your time)", "$150 for the
# take-home", "paid $500 for the trial day".
_FOR_THE_PROCESS = re_compile(r"^\s*(?:\w+\s+){0,2}?for\s+(?:your\s+time|(?:the|this|a|each|your)\s+(?:written\s+|paid\s+)?"
                              r"(?:exercise|take-?home|assignment|task|test|trial(?:\s+day)?|interview|work\s+sample|case\s+study))\b", re.I)


# What a lone figure among the benefits pays for (not a salary range, which may share its line
# with "health and dental"): "a $750 health spending account", "$100 a month for transit".
_PERK = re_compile(r"\b(?:health|dental|vision|medical|insurance|premiums?|spending\s+accounts?|hsa|fsa|pension|rrsp|"
                   r"childcare|child\s+care|commut\w*|transit|meals?|lunch(?:es)?|vouchers?|bike|cycle)\b", re.I)


def _not_after(cities: list[str]) -> str:
    """A lookbehind that refuses a match right after one of ``cities`` ("Perth, WA")."""
    if not cities:
        return ""
    names = "|".join(regex.escape(str(n)) for n in sorted(cities, key=lambda n: (-len(str(n)), str(n))))
    return r"(?<!\b(?:" + names + r")[ \t]*,?[ \t]*)"


# A currency written as a word or unit, where no currency sign is ("INR 18,00,000", "18-24 LPA").
_CURRENCY_WORD = rxcompile(rf"\b(?:{_CURRENCY_CODES}|LPA|lakhs?|lacs?|crores?)\b|\bRs\.?\s*\d")


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
    if not any(ch in text for ch in "$€£₹¥") and not _CURRENCY_WORD.search(text):
        return Pay(None, None)
    def in_pay_section(offset: int) -> bool:
        # A range under a "Compensation" or "Pay" heading is pay whatever else its line names.
        line = position(offset)[0]
        return 0 < line <= len(doc.lines) and doc.lines[line - 1].section.kind == "compensation"

    if any(_is_pay(text, m, c, in_pay_section(m.start()), is_range=True) for r in c["ranges"] for m in r.finditer(text)):
        return Pay("range", None)
    open_hit = None
    for m in c["single"].finditer(text):
        if not _is_pay(text, m, c):  # a lone figure needs its own pay word ("$1,000 learning budget")
            continue
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


# A place named as a clock: "overlap with Chicago", "New York business hours", "Seattle time".
_ZONE_BEFORE = rxcompile(r"\boverlap(?:s|ping)?\s+(?:(?:\w+|\d[\d:.\u2013-]*)\s+){0,6}?with\s+(?:the\s+)?$", regex.I)
_ZONE_AFTER = rxcompile(r"(?:['\u2019]s)?\s+(?:(?:business|working|office|core)\s+)?(?:hours|time(?!\s+(?:off|to))\b|time\s*zones?|timezones?)", regex.I)
_SENTENCE_END = rxcompile(r"(?<=[.!?;])\s+(?=[\"“(\[]?[A-Z0-9])|\n\s*\n")
_OUR = rxcompile(r"\b(?:our|my)\s+$", regex.I)
_THIRD_PARTY_OURS = rxcompile(r"\bour\s+(?:\w+\s+)?(?:clients?|customers?|partners?|vendors?|suppliers?|investors?|parent company)\b", regex.I)


def _sentence(text: str, a: int, b: int) -> str:
    """The sentence of ``text`` around the span [a, b)."""
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, a):
        start = m.end()
    end = _SENTENCE_END.search(text, b)
    return text[start:end.start() if end else len(text)]


def _table_header(doc: Any, line: int) -> str:
    """The first row of the table that holds this line."""
    i = line - 1
    while i > 0 and doc.lines[i - 1].block == "table":
        i -= 1
    return str(doc.lines[i].prose)


def _says_where_the_job_is(doc: Any, block: Any, a: int, b: int, c: dict, loc_lines: set[int],
                           stated: dict[str, bool]) -> bool:
    """Whether the place at [a, b) of a prose block says where the job or the employer is
    (not a place inside another name, a table of something else or another organisation's
    offices)."""
    text = block.text
    line, _col = block.position(a)
    before = text[max(0, a - 40):a]
    if c["org_of"].search(before):
        return False  # "University of California", "Federal Reserve Bank of New York"
    nxt = regex.match(r"[ \t]+([A-Z][\w'’&.]*)", text[b:b + 40])
    if nxt and nxt.group(1).rstrip(".") not in c["suffixes"] and not nxt.group(1).isupper():
        return False  # "New York Times", "Boston Dynamics", "Seattle Children's"
    if block.kind == "heading" or line in loc_lines:
        return True
    if block.kind == "table":
        return bool(c["location_cues"].search(_table_header(doc, line)))
    sentence = _sentence(text, a, b)

    def job_stated() -> bool:
        if "job" not in stated:  # read once per posting
            stated["job"] = _job_place_stated(doc, c, loc_lines)
        return stated["job"]

    if _machines_there(sentence, text[a:b]):
        return False  # "co-located servers in London and Chicago": where the machines are
    if _ZONE_BEFORE.search(before) or _ZONE_AFTER.match(text[b:b + 30]):
        return False  # "a 7:30-9:30 PM overlap with Chicago", "on New York hours": a clock the
        # hire keeps with colleagues elsewhere, not where the job is
    if _footprint(sentence, text[a:b], before, text[b:b + 30]) and job_stated():
        return False  # "headquartered in Tel Aviv with offices in New York and London" in a
        # posting whose byline or location line already says where this job is
    if _OUR.search(before):
        return True  # "our Toronto office", "our Boston team"
    if c["place_list"].match(sentence):
        return True
    if not c["location_cues"].search(sentence):
        return False
    if all(_WEAK_CUE.match(m.group(0)) for m in c["location_cues"].finditer(sentence)) and job_stated():
        return False  # "People in Germany, Austria and the Netherlands sell through us" in a
        # posting whose title already says the job is in Berlin: where the users are
    title_line = doc.title.line if doc.title is not None else None
    if (block.section.line != title_line and c["third_party"].search(block.section.title)
            and not c["first_party"].search(
            _THIRD_PARTY_OURS.sub(" ", sentence))):
        return False  # "Offices: Boston, Denver" under "About our client" (not the job's title:
        # a "Customer Success Manager" posting is not about a customer's offices)
    # Whose place it is: the nearest party word before the location word ("Acme, our client,
    # has offices in Boston" is the client's; "we have offices in Boston" the employer's).
    cues = list(c["location_cues"].finditer(sentence))
    cue = next((m for m in reversed(cues) if m.start() <= sentence.find(text[a:b])), cues[0])
    head = _THIRD_PARTY_OURS.sub(lambda m: m.group(0).split()[-1], sentence[:cue.start()])
    third = [m.end() for m in c["third_party"].finditer(head)]
    first = [m.end() for m in c["first_party"].finditer(head)]
    return not third or bool(first) and max(first) > max(third)


# Location words that say where people are, not where the job is: they count only when the
# posting says nowhere else where the job is.
_WEAK_CUE = rxcompile(r"(?:people|colleagues|teams?|us)\b", regex.I)
_FOOTPRINT = rxcompile(r"\b(?:offices?|hq|headquarter\w*|hubs?|campus(?:es)?|studios?|sites?|branches|locations|facilities|"
                           r"hospitals|clinics|practices|stores|plants|warehouses|depots)\b", regex.I)
_OFFICE_AFTER = rxcompile(r"^[ \t]*(?:offices?|hq|headquarters|hub|campus|studio|site|branch)\b", regex.I)
_WORK_MODE = rxcompile(
    r"\b(?:remote|hybrid|on-?site|in[- ]office|in[- ]person|flexible|full[- ]time|part[- ]time|"
    r"permanent|temporary|fixed[- ]term|contract|contractor|freelance|location|locations|"
    r"anywhere|worldwide|global|negotiable|tbd|various|multiple|days?|weeks?|monday|tuesday|"
    r"wednesday|thursday|friday|office|offices|home|job|role|team|department|salary|pay|"
    r"type|schedule|hours|start|date|level|grade|band|reports?|to|and|or|of|the|per|with|a|an)\b",
    regex.I)
_BYLINE_SEP = rxcompile(r"(?:\s|&nbsp;)[|·•](?:\s|&nbsp;)|\s[–—]\s")  # "&nbsp;|&nbsp;" pasted from HTML too


def _footprint(sentence: str, place: str, before: str, after: str) -> bool:
    """Whether the place is named as one of the employer's sites ("offices in New York and
    London", "our Boston office", "headquartered in Tel Aviv") rather than as where this
    job is done: the nearest location word before it is an office word, or an office word
    follows it."""
    if _OFFICE_AFTER.match(after):
        return True
    head = sentence[:max(0, sentence.find(place))]
    cues = list(regex.finditer(r"\b(?:based|located|work\w*|remote\w*|hybrid|on-?site|hiring|"
                               r"relocat\w*|commut\w*|role|position|job|join\w*|live|reside\w*)\b|"
                               + _FOOTPRINT.pattern, head, regex.I))
    return bool(cues) and bool(_FOOTPRINT.fullmatch(cues[-1].group(0)))


# Where machines are, not people: servers, data centres, co-location, cloud regions, exchanges.
_MACHINES = rxcompile(
    r"\b(?:servers?|data[ -]?cent(?:er|re)s?|datacent(?:er|re)s?|co-?locat\w*|colo|racks?|"
    r"(?:cloud|aws|azure|gcp) regions?|availability zones?|exchanges?|matching engines?|"
    r"points? of presence|edge locations?)\b", regex.I)
_PEOPLE_PLACE = rxcompile(r"\b(?:based|work\w*|remote\w*|hybrid|on-?site|hiring|relocat\w*|commut\w*|role|"
                              r"position|job|join\w*|live|reside\w*|offices?|hq|headquarter\w*|team)\b", regex.I)


def _machines_there(sentence: str, place: str) -> bool:
    """Whether the place is named as where machines are ("co-located servers in London and
    Chicago", "our data centre in Frankfurt"): the nearest word before it that says whose place
    it is names machines, not people or offices."""
    head = sentence[:max(0, sentence.find(place))]
    last_machine = max((m.end() for m in _MACHINES.finditer(head)), default=-1)
    if last_machine < 0:
        return False
    return last_machine > max((m.end() for m in _PEOPLE_PLACE.finditer(head)), default=-1)


def _names_a_place(text: str) -> bool:
    """Whether a location value names somewhere (a capitalised word that is not a work
    arrangement: "London (Mayfair)", "Tel Aviv, Israel"), not only "Remote" or "Hybrid"."""
    rest = _WORK_MODE.sub(" ", text)
    return bool(regex.search(r"\b\p{Lu}[\p{L}'’.-]+", rest))


def _job_place_stated(doc: Any, vocab_c: dict, loc_lines: set[int]) -> bool:
    """Whether the posting says where this job is, apart from prose about the employer: a
    front-matter location, a "Location:" line or section naming a place, or a byline under
    the title ("Halden Row Capital | London | Full-time")."""
    fm = doc.front_matter or {}
    for path, value in _walk(fm):
        if path and path[-1] in vocab_c["loc_fields"] and isinstance(value, str) and _names_a_place(value):
            return True
    for number in sorted(loc_lines):
        if number <= len(doc.lines):
            prose = _LOCATION_LABEL.sub(" ", doc.lines[number - 1].prose)
            if _names_a_place(prose):
                return True
    title = doc.title
    if title is not None and (any(True for _ in vocab_c["names"].finditer(title.text))
                              or vocab_c["location_cues"].search(title.text)):
        return True  # "Analytics Engineer – Mobelo (Berlin or remote within Germany)"
    return bool(_byline_lines(doc))


def _byline_lines(doc: Any) -> set[int]:
    """The lines of a byline under the title that names a place ("Halden Row Capital | London |
    Full-time", "**Timberline Peaks** — Frisco, Colorado · Full-time"): where the job is."""
    title = doc.title
    if title is None or title.source == "front_matter":
        return set()
    seen = 0
    out = set()
    for ln in doc.lines[title.line:title.line + 6]:
        if ln.blank:
            continue
        seen += 1
        if seen > 3 or ln.block == "heading":
            break
        parts = _BYLINE_SEP.split(ln.prose.strip().strip("*_ "))
        if 2 <= len(parts) <= 6 and len(ln.prose) <= 160 and not regex.search(r"[.!?]\s+\p{Lu}", ln.prose):
            # the first part is the employer's name, unless it reads as a place ("Evansville, IN")
            if any(_names_a_place(p.strip("*_ ")) for p in parts[1:]) or _CITY_REGION.match(parts[0].strip("*_ ")):
                out.add(int(ln.number))
    return out


_CITY_REGION = rxcompile(r"\p{Lu}[\p{L}.'’ -]{1,40},\s*(?:\p{Lu}{2}|\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?)\s*$")
_REMOTE_US = rxcompile(r"\bremote\b[^\n]{0,40}?\b(?:US|USA|U\.S\.A?\.?|United States)(?![\w])"
                           r"|\b(?:US|USA|U\.S\.A?\.?|United States)\b[^\n]{0,40}?\bremote\b", regex.I)


def _us_remote(text: str, c: dict, hits: list) -> list:
    """A remote job open in the US among other countries ("Remote (US, Canada, UK, EU)"), in a
    location value: the US-remote entry, unless a name already matched it."""
    if any(j.get("id") == "us-remote" for _found, js in hits for j in js):
        return []
    m = _REMOTE_US.search(text)
    if m is None or not regex.search(r"(?-i:\bUS\b|\bUSA\b|U\.S\.)|united states", m.group(0), regex.I):
        return []
    js = [j for js in c["by_name"].values() for j in js if j.get("id") == "us-remote"][:1]
    found = m.group(0)
    if found.count("(") > found.count(")"):  # name the whole "Remote (US, Canada, UK, EU)"
        close = text.find(")", m.end(), m.end() + 80)
        found = text[m.start():close + 1] if close >= 0 else found
    return [(found, js)] if js else []


def _fm_line(doc: Any, value: str) -> int | None:
    if not doc.front_matter_span:
        return None
    a, b = doc.front_matter_span
    for ln in doc.lines[a - 1:b]:
        if value and value in ln.text:
            return int(ln.number)
    return None


# A place name that is only the first word of a district's name ("Roma Norte" and "Roma Sur" are
# neighbourhoods of Mexico City, not Rome).
_DISTRICT = rxcompile(r"[ \t]+(?:Norte|Sur|Oriente|Poniente)\b")


def _place_names(c: dict[str, Any], text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, key) of each place name in ``text``, a district's first word left out."""
    return ((a, b, key) for a, b, key in c["names"].finditer(text) if not _DISTRICT.match(text, b))


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
        hits = [(text[a:b], c["by_name"][key]) for a, b, key in _place_names(c, text)]
        hits += [(m.group(0), c["by_code"][m.group(0)]) for m in c["codes_rx"].finditer(text)]
        hits += _us_remote(text, c, hits)
        for found, js in hits:
            for j in js:
                out.append(PlaceMention(j, _fm_line(doc, text) or base, 1, 1 + len(text), found))
    loc_lines = _location_lines(doc) | _byline_lines(doc)
    stated: dict[str, bool] = {}
    for block in doc.blocks:
        text = block.text
        for a, b, key in _place_names(c, text):
            if not _says_where_the_job_is(doc, block, a, b, c, loc_lines, stated):
                continue
            line, col = block.position(a)
            for j in c["by_name"][key]:
                out.append(PlaceMention(j, line, col, col + b - a, text[a:b]))
        if block.first_line in loc_lines or block.kind == "heading":
            names = [(text[a:b], c["by_name"][key]) for a, b, key in _place_names(c, text)]
            for found, js in _us_remote(text, c, names):
                line, col = block.position(text.find(found))
                for j in js:
                    out.append(PlaceMention(j, line, col, col + len(found), found))
        for m in c["codes_rx"].finditer(text):
            line, col = block.position(m.start())
            after_place = _AFTER_PLACE.search(text[max(0, m.start() - 30):m.start()])
            if line in loc_lines or after_place:
                for j in c["by_code"][m.group(0)]:
                    out.append(PlaceMention(j, line, col, col + len(m.group(0)), m.group(0)))
    out.sort(key=lambda x: (x.line, x.column))
    return out


_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
_N = r"(?P<n>\d{1,5}|" + "|".join(_NUMBER_WORDS) + r")"
_HEADCOUNT = rxcompile(
    r"\bwe(?:'|\u2019)?re\s+(?:just\s+|only\s+|currently\s+|now\s+)?" + _N + r"\s+(?:people|employees|staff|of\s+us|"
    r"(?:co-?)?founders(?!\s*(?:,|and|plus|with|\+)\s*(?:a\s+|an\s+)?(?:\d|team|staff|employees|people|engineers)))\b"
    r"|\bwe\s+are\s+(?:just\s+|only\s+|currently\s+|now\s+)?" + _N.replace("?P<n>", "?P<m>") + r"\s+(?:people|employees|staff|of\s+us)\b"
    r"|\b(?:an?\s+)?" + _N.replace("?P<n>", "?P<k>") + r"[- ](?:person|people|employee)\s+(?:company|startup|business|firm|organi[sz]ation|charity|practice)\b"
    # the size a company is growing from: "as we scale from 20 to 80 people", "growing from 15
    # to 40 employees this year"
    r"|\b(?:scal\w*|grow\w*|go(?:ing)?)\s+from\s+" + _N.replace("?P<n>", "?P<g>") + r"\s+to\s+\d{1,4}\s+(?:people|employees|staff)\b"
    # the hire counted among the first few: "join as one of our first five employees"
    r"|\bone\s+of\s+(?:our|the)\s+first\s+" + _N.replace("?P<n>", "?P<f>") + r"\s+(?:employees|hires|people|staff|team\s+members)\b"
    # the company told as its founders: "Vectorloop is two repeat founders and a mission"
    r"|\b(?:is|are)\s+(?:just\s+|only\s+|still\s+)?" + _N.replace("?P<n>", "?P<o>")
    + r"\s+(?:repeat\s+|first-time\s+|technical\s+)?(?:co-?)?founders\b"
    r"(?!\s*(?:,|and|plus|with|\+)\s*(?:a\s+|an\s+)?(?:\d|team|staff|employees|people|engineers))",
    regex.I)


def stated_headcount(doc: Any) -> int | None:
    """The employer's size where the posting says it ("We're six people", "a 12-person
    startup"), for the pay laws that reach only employers of a size; None when it does not."""
    text, _position = doc.joined()
    m = _HEADCOUNT.search(text)
    if m is None:
        return None
    word = (m.group("n") or m.group("m") or m.group("k") or m.group("g") or m.group("f") or m.group("o")).lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def federal_employer(doc: Any, vocab: Any) -> bool:
    """Whether the posting says its employer is a national government: outright, by the federal
    hiring system it names (a GS grade, USAJOBS, Canada's classification groups) or by naming
    a national digital service as itself. A company that merely works *for* a government ("we
    help federal agencies") does not say so."""
    c = compiled(vocab)
    text, _position = doc.joined()
    return any(rx.search(text) for rx in c["federal_words"].select(c["federal"], fold(text)))
