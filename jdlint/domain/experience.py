"""Experience requirements: every "N years" phrase, in one grammar.

"5+ years", "five years", "eight or more years", "eleven yrs.", "at least 4 years", "4-6 years" and "3 to 5 years"
(the lower bound counts) are all read by the one pattern below, in digits or in words. Each
phrase is paired with the tools named in the rest of its clause ("3+ years of Python and
LangChain" names both) or, for "LangChain (3+ years)", "LangChain: 3+ years" and "Microsoft
Fabric – minimum 6+ years", in the clause before it. Every look-around is bounded, so a
paragraph of a thousand "N years" phrases is read in linear time.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from ..rxcache import re_compile

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                "fifteen": 15, "twenty": 20}
_N = r"\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
# "five (5) years'": the figure repeated in brackets after the word, as formal postings write it
_REPEAT = r"(?:\s*\(\s*\d{1,2}\s*\+?\s*\))?"
YEARS = re_compile(
    rf"(?<![\w.])(?P<n>{_N}){_REPEAT}\s*(?:\+|plus|or\s+more)?\s*(?:(?:-|–|—|to)\s*(?:{_N}){_REPEAT}\s*\+?\s*)?"
    r"(?:years?\b|yrs?\b\.?)", re.I)
# Where the clause after "N years" stops: a sentence end, a list break, or a turn to other
# things ("5 years of Python, including some LangChain" asks 5 years of Python only).
# Where a list of tools ends for good (a ", and" can still lead to its last name).
# A bracket that only abbreviates the words before it ("retrieval-augmented generation (RAG)
# applications using the LangChain framework") does not end the clause.
_HARD_END = r"[.;!?](?:\s|$)|\n\s*(?:[-*+]|\d+[.)])\s|\n\s*\n|\((?!\s*[A-Za-z0-9/&.+-]{1,12}\s*\))|\bincluding\b|\bplus\b|\bas well as\b"
_CLAUSE_END = re_compile(
    _HARD_END + r"|"
    r",\s*(?:with|ideally|preferably|especially|such as|e\.g\.)\b|\b(?:and|or)\s+(?:some|exposure|familiarity|knowledge|interest)\b"
    # ", and" turns to other things, except before a list's last name: "LangChain, LlamaIndex,
    # and vLLM" names three tools
    r"|,\s*(?:and|or)\b(?!\s+(?=[\w.+#-]*(?-i:[A-Z]))[\w.+#-]+\s*(?:[.;\n]|$))",
    re.I)
_LIST_END = re_compile(_HARD_END, re.I)
_BEFORE_PAREN = re_compile(r"\(\s*(?:at least\s+|min(?:imum)?\.?\s+)?$", re.I)
# "LangChain: 3+ years", "Microsoft Fabric – minimum 6+ years"
_BEFORE_COLON = re_compile(r"(?::|\s[–—-])\s*(?:at least\s+|min(?:imum)?\.?\s+(?:of\s+)?)?$", re.I)
_CLAUSE_STOP = re_compile(r"[.;!?](?:\s|$)|\n\s*(?:[-*+]|\d+[.)])\s|,")
_CLAUSE_BREAK = re_compile(r"[.;!?:]\s|\n\s*(?:[-*+]|\d+[.)])\s")
_WE = re_compile(r"\b(?:we|we've|we're|our|us|the company|the team)\b", re.I)
_AFTER_WINDOW = 90  # characters after a phrase that can name its tools
# "N years of <something> history / records / data": how far back the data goes, not a demand.
_OF_DATA = re_compile(r"\s+(?:of|worth\s+of)\s+(?:(?!(?:experience|work|working|hands-on|professional|industry|relevant|building|using)\b)[\w-]+\s+){0,3}?"
                      r"(?:history|histories|records|archives?|logs|transactions|observations|measurements|readings|backups?|snapshots?|"
                      r"(?:historical|historic|sales|claims|transaction|sensor|usage|customer|patient|weather|market|trading|permit)\s+data"
                      r"(?=\s*[,.;)]|\s+(?:in|from|on|across|for|at|that|which)\b))\b", re.I)
# Years of living somewhere (a vetting or visa condition), not of doing something.
_RESIDENCE = re_compile(r"\b(?:resid\w*|lived|living|been\s+(?:a\s+)?(?:resident|living)|citizen\w*|domiciled)\b[^.;]{0,60}$", re.I)
# What joins the items of a list of tools: "LangChain, LlamaIndex, and GPT-4".
_LIST_GAP = re_compile(r"[\s,;/&]*(?:\b(?:and|or|and/or)\b)?[\s,]*")
_BEFORE_WINDOW = 160  # characters before a phrase that can name its tools ("LangChain (3+ years)")


@dataclass(frozen=True)
class ToolSpan:
    tool: Any  # the catalog Tool
    start: int  # offsets into the block's text
    end: int
    surface: str


@dataclass(frozen=True)
class YearsPhrase:
    block: Any  # the Block it is in
    start: int
    end: int
    years: int  # the lower bound
    text: str  # as written, without a trailing full stop
    about_experience: bool  # in a requirements list, or "experience" follows
    about_team: bool  # "our team has 10+ years": the clause is about the employer
    tools: tuple[ToolSpan, ...]  # the tools its clause names, each once

    @property
    def line(self) -> int:
        return self.block.position(self.start)[0]


def parse_years(text: str) -> list[tuple[int, int, int]]:
    """(start, end, years) for each "N years" phrase of ``text``, with a range's lower bound."""
    out = []
    for m in YEARS.finditer(text):
        n = m.group("n").lower()
        out.append((m.start(), m.end(), int(n) if n.isdigit() else NUMBER_WORDS[n]))
    return out


def years_old(first_release: str, today: date) -> int:
    """Whole years since a 'YYYY' or 'YYYY-MM' date (a bare year counts from January)."""
    parts = first_release.split("-")
    y, m = int(parts[0]), int(parts[1]) if len(parts) > 1 else 1
    return ((today.year - y) * 12 + (today.month - m)) // 12


def clause_before(text: str, start: int, window: int = 200) -> str:
    """The clause that ends at ``start`` (at most ``window`` characters back)."""
    lo = max(0, start - window)
    prefix = text[lo:start]
    cut = 0
    for m in _CLAUSE_BREAK.finditer(prefix):
        cut = m.end()
    return prefix[cut:]


def _tool_span_before(text: str, start: int) -> tuple[int, int] | None:
    """The span before the years when the tool comes first ("LangChain (3+ years)",
    "LangChain: 3+ years"), else None."""
    lo = max(0, start - _BEFORE_WINDOW)
    before = text[lo:start]
    if _BEFORE_PAREN.search(before[-30:]) or _BEFORE_COLON.search(before[-30:]):
        clause_start = 0
        for m in _CLAUSE_STOP.finditer(before):
            clause_start = m.end()
        return lo + clause_start, start
    return None


def _tool_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span after the years where their tool is named."""
    limit = min(len(text), end + _AFTER_WINDOW)
    clause_end = _CLAUSE_END.search(text, end, limit)
    stop = clause_end.start() if clause_end else limit
    nxt = YEARS.search(text, end, stop)
    if nxt:
        stop = nxt.start()
    return end, stop


# A release named by its year right after the tool ("Windows Server 2022", "SQL Server 2019",
# "Visual Studio 2022"): that version cannot be older than the year before its name.
_VERSION_YEAR = re_compile(r"\s+((?:19|20)\d\d)\b(?![-/.]\d)")
# A major version right after the tool ("Unreal Engine 5", "Java 17", "Next.js 14.2", "FHIR R4",
# "Nextflow DSL2"), not a count of years ("Java 8+ years", "Python 3-5 years") ...
_VERSION_NUMBER = re_compile(r"[ \t]?(?:v|r|dsl\s?)?(\d{1,3})(?:\.\d+)*\+?(?!\s*(?:\+\s*)?(?:(?:-|–|to)\s*\d+\s*\+?\s*)?(?:years?|yrs?|months?|%))\b", re.I)
# ... or carried by the spelling itself ("UE5", ".NET 8", "python3").
_SPELLED_VERSION = re_compile(r"(?<![\d.])(\d{1,3})$")


def _versioned(tool: Any, text: str, end: int, surface: str) -> tuple[Any, int]:
    """(the tool, or the version of it the posting names when that version is newer; the
    span's end). A version is named by its year ("SQL Server 2019") or, for a tool whose
    catalog entry dates its major versions, by its number ("Unreal Engine 5", "UE5")."""
    if tool.first_release is None:
        return tool, end
    m = _VERSION_YEAR.match(text, end)
    if m:
        earliest = int(m.group(1)) - 1
        if earliest <= int(str(tool.first_release)[:4]):
            return tool, end
        return replace(tool, name=f"{tool.name} {m.group(1)}", first_release=str(earliest), confidence="R"), m.end()
    versions = tool.versions
    if not versions:
        return tool, end
    spelled = _SPELLED_VERSION.search(surface)
    m = None if spelled else _VERSION_NUMBER.match(text, end)
    major = spelled.group(1) if spelled else (m.group(1) if m else None)
    released = versions.get(major) if major else None
    if released is None or released <= str(tool.first_release):
        return tool, end
    # named as the posting writes it after the tool ("FHIR R4", "Nextflow DSL2", "Java 17")
    if m:
        name = f"{tool.name} {m.group(0).strip().rstrip('+')}"
    elif surface.lower().startswith(tool.name.lower()):
        name = surface  # "Nextflow DSL2", "AlphaFold2": the spelling names it
    else:
        name = f"{tool.name} {major}"  # "UE5": Unreal Engine 5
    return replace(tool, name=name, first_release=released, confidence="R"), m.end() if m else end


def years_phrases(doc: Any, tools: Any) -> list[YearsPhrase]:
    """Every "N years" phrase in the posting's prose blocks, in document order."""
    out = []
    for block in doc.blocks:
        text = block.text
        phrases = parse_years(text)
        if not phrases:
            continue
        in_reqs = block.section.kind in ("requirements", "preferred")
        for start, end, n in phrases:
            if _OF_DATA.match(text, end):
                continue  # "a warehouse with about 12 years of permit history": the data's age
            if _RESIDENCE.search(clause_before(text, start)[-80:]):
                continue  # "must have resided in the UK for the past 5 years": where, not what
            # "LangChain: 3+ years" names the tool first; a label before the years
            # ("Essential: Minimum 10 years' experience with Microsoft Sentinel") names none,
            # and the tool follows as usual.
            first = _tool_span_before(text, start)
            found = _tools_in(text, *first, end, tools) if first else []
            if not found:
                found = _tools_in(text, *_tool_span(text, start, end), end, tools)
            after = text[end:end + 60].lower()
            out.append(YearsPhrase(
                block, start, end, n, text[start:end].strip().rstrip("."),
                about_experience=in_reqs or "experience" in after,
                about_team=bool(_WE.search(clause_before(text, start)[-30:])),
                tools=tuple(found)))
    return out


def _tools_in(text: str, a: int, b: int, end: int, tools: Any) -> list[ToolSpan]:
    """The tools a years phrase names in ``text[a:b]`` (a list that runs on past ``b`` to its end)."""
    seen: set[str] = set()
    found: list[ToolSpan] = []
    # A list that runs past the window goes on to its end: "6+ years of hands-on
    # production experience with LangChain, LlamaIndex, and GPT-4-class models".
    far = b
    if b > end:
        clause_end = _LIST_END.search(text, b + 1, min(len(text), b + _AFTER_WINDOW))
        far = clause_end.start() if clause_end else min(len(text), b + _AFTER_WINDOW)
        nxt = YEARS.search(text, b, far)
        far = nxt.start() if nxt else far
    last_end = None
    for mention in sorted(tools.scan(text[a:far]), key=lambda m: m.start):
        if mention.start + a >= b:
            if last_end is None or not _LIST_GAP.fullmatch(text, last_end, mention.start + a):
                break
        last_end = mention.end + a
        if mention.tool.name in seen:
            continue
        seen.add(mention.tool.name)
        tool, stop = _versioned(mention.tool, text, mention.end + a, mention.surface)
        found.append(ToolSpan(tool, mention.start + a, stop, text[mention.start + a:stop]))
    return found
