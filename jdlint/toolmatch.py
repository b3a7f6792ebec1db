"""Tool recognition: which technologies a posting names, and how it asks for each.

Two layers:

- **Matching** (:class:`ToolIndex`, used by ``Vocab.find_tools``): every spelling of ~1,600
  catalog tools in one trie-style alternation per case class (any case; exact case), with the
  safeguards a posting needs. Spellings that are ordinary words ("Go", "Spark", "Pitch",
  "Word", "Teams") are case-sensitive and count only in tech context: a generic cue ("experience
  with", "written in", "... jobs"), the tool's own cues from the catalog ("Helm charts", "in R",
  RStudio nearby), its category's cue words (a presentation tool near "slides"), or a place in
  a list next to another tool ("Python, Go, Rust"). Company names ("join GitLab"), people
  ("Julia, our CTO"), lookalike phrases ("go the extra mile", "snowflake schema", "R&D",
  "excellent") do not count.
- **Roles** (:func:`tool_facts`, :func:`tool_roles`): for each mention, how the posting asks for
  it — ``required``, ``preferred``, ``alternative`` (one of a group of options, with the other
  options recorded), ``team-stack`` (what the team uses, not asked of the hire) or
  ``incidental`` (named, not used by the hire) — from the section, the item, its lead-in line
  and the words around the mention.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Any, Iterable
from .rxcache import re_compile


ROLES = ("required", "alternative", "preferred", "team-stack", "incidental")
ROLE_STRENGTH = {r: i for i, r in enumerate(ROLES)}  # lower is stronger

# Kinds of catalog entry that are ideas, not things a team runs.
NOT_STACK_KINDS = ("technique", "model", "protocol", "format")


@dataclass
class Tool:
    name: str
    category: str
    first_release: str | None
    confidence: str | None
    source: str
    names_any: list[str] = field(default_factory=list)
    names_exact: list[str] = field(default_factory=list)
    names_context: list[str] = field(default_factory=list)
    kind: str | None = None  # "technique" / "model" for ideas and models
    parent: str | None = None
    library_of: str | None = None  # the language whose everyday library this is (pandas: Python)
    cues_before: tuple[str, ...] = ()
    cues_after: tuple[str, ...] = ()
    cues_near: tuple[str, ...] = ()
    not_phrases: tuple[str, ...] = ()  # lookalike phrases ("spark joy")
    label_only: bool = False  # the name is a label ("Trino / Presto"); only the spellings match
    # Major versions postings name as tools of their own, with the month each became available
    # ("5" -> "2021-05" for Unreal Engine): "10+ years of UE5" is measured from UE5's date.
    versions: dict[str, str] = field(default_factory=dict)

    @property
    def is_stack_tool(self) -> bool:
        return self.category not in NOT_STACK_KINDS and self.kind not in NOT_STACK_KINDS

    def all_names(self) -> list[str]:
        return [self.name] + self.names_any + self.names_exact + self.names_context


@dataclass(frozen=True)
class Mention:
    tool: Tool
    start: int
    end: int
    surface: str
    needs_context: bool


def tool_from_entry(t: dict) -> Tool:
    """A :class:`Tool` from one ``tools.yaml`` entry (or a config ``vocab: tools:`` entry)."""
    cues = t.get("cues") or {}
    return Tool(
        name=str(t["name"]), category=str(t.get("category", "")),
        first_release=None if t.get("first_release") is None else str(t["first_release"]),
        confidence=t.get("confidence"), source=str(t.get("source", "")),
        names_any=[str(a) for a in t.get("aliases", []) or []],
        names_exact=[str(a) for a in t.get("exact", []) or []],
        names_context=[str(a) for a in t.get("context", []) or []],
        kind=t.get("kind"), parent=t.get("parent"),
        library_of=None if t.get("library_of") is None else str(t["library_of"]),
        cues_before=tuple(str(c).lower() for c in cues.get("before", [])),
        cues_after=tuple(str(c).lower() for c in cues.get("after", [])),
        cues_near=tuple(str(c).lower() for c in cues.get("near", [])),
        not_phrases=tuple(str(c).lower() for c in cues.get("not", [])),
        label_only=bool(t.get("label_only", False)),
        versions=_versions(t.get("versions")),
    )


_RELEASE = re.compile(r"(?:19|20)\d\d(?:-(?:0[1-9]|1[0-2]))?")


def valid_version(major: Any, released: Any) -> bool:
    """Whether one ``versions:`` pair is a major version (up to three digits) and the year or
    year-month it came out."""
    return (str(major).isdigit() and len(str(major)) <= 3 and isinstance(released, (str, int))
            and _RELEASE.fullmatch(str(released)) is not None)


def _versions(raw: Any) -> dict[str, str]:
    """``versions:`` of an entry: major version -> "YYYY" or "YYYY-MM"; anything else is left
    out (the config check reports it for a config's own entries)."""
    if not isinstance(raw, dict):
        return {}
    return {str(k): str(v) for k, v in raw.items() if valid_version(k, v)}


# -- matching ---------------------------------------------------------------------------------

_SEP_GAP = re_compile(r"^[\s,;/|&+()*]*(?:\b(?:and|or|and/or|as well as|plus|e\.g\.|i\.e\.|including|like|such as|or other|and other)\b)?[\s,;/|&+()*:.]*$", re.I)
# Strong generic cues: the hire is asked to use the named thing.
_STRONG_BEFORE = (
    r"\b(?:using|use|uses|leverag\w*|adopt\w*)\s+"
    r"|\b(?:experience|experienced|proficien\w*|expert\w*|expertise|fluen\w*|knowledge|familiar\w*|background|"
    r"skill\w*|comfort\w*|hands-on|mastery|competen\w*|certifi\w*|understanding|command)\s+(?:with|in|of|using|on)\s+"
)
# Weaker cues: the work is done in the named thing ("services in Go", "analysis in R").
_WEAK_BEFORE = (
    r"|\b(?:written|writing|write|built|build|building|develop\w*|cod(?:e|ing)|"
    r"program\w*|services?|applications?|apps|tools?|stack|analys[ie]s|models|scripts|pipelines|"
    r"jobs|deploy\w*|run(?:ning)?|work(?:ing)?|solutions|systems|stores?|platforms?|databases?|warehouses?|"
    r"frameworks?|librar(?:y|ies)|clusters?|engines?|fundamentals|projects?)\s+(?:with|in|of|using|on)\s+"
)
_CUE_BEFORE = re_compile(r"(?:" + _STRONG_BEFORE + _WEAK_BEFORE + r")(?:apache\s+|microsoft\s+|the\s+)?$", re.I)
_STRONG_CUE_BEFORE = re_compile(r"(?:" + _STRONG_BEFORE + r")(?:apache\s+|microsoft\s+|the\s+)?$", re.I)
_CUE_AFTER = re_compile(
    r"^\s*(?:clusters?|jobs?|pipelines?|code(?:base)?s?|programming|language|services?|micro-?services|SDKs?|APIs?|"
    r"librar(?:y|ies)|frameworks?|ecosystem|modules?|scripts?|DAGs?|charts?|tables?|packages?|"
    r"notebooks?|applications?|apps|developers?|engineers?|experience|skills?|Shiny|Markdown|Studio|"
    r"Serve|Tune|workloads?|operators?|streaming|SQL|queries|fundamentals|development|backends?|"
    r"idioms|tooling|scripting|proficiency|expertise|knowledge|concurrency|runtime|stack|background)\b",
)
# Words of a category that make an ordinary-word name of that category a tool when they sit in
# the same sentence ("Pitch decks and slides" no; "presentations in Pitch or Keynote" yes).
_CATEGORY_NEAR = {
    "collaboration": r"slides?|presentations?|wikis?|documentation|docs|channels?|workspaces?|tickets?|"
                     r"boards?|sprints?|backlogs?|kanban|meetings?|video calls?|async|spreadsheets?|office",
    "design": r"design(?:s|ers?)?|prototyp\w*|mock-?ups?|wireframes?|UI|UX|Figma|Sketch",
    "bi-analytics": r"dashboards?|reports?|reporting|visuali[sz]ations?|spreadsheets?|pivot|BI",
    "product-analytics": r"analytics|events?|funnels?|tracking|instrumentation|experiments?",
    "devops": r"CI|CD|CI/CD|pipelines?|deployments?|infrastructure|configuration|provisioning|containers?|DevOps|IaC",
    "data-platform": r"clusters?|streaming|batch|ETL|ELT|lakehouse|warehouse|PySpark|Databricks|Hadoop|Hive|Kafka|big data",
    "data-tool": r"orchestrat\w*|pipelines?|DAGs?|ETL|ELT|dataframes?|notebooks?",
    "hpc": r"HPC|clusters?|schedulers?|supercomput\w*|nodes|MPI|batch jobs|queues?|partitions?|jobs",
    "language": r"programming|languages?|coding|code|software|developers?|engineers?",
    "help-desk": r"tickets?|ticketing|support|customers?|help ?desk|ITSM|SLAs?",
    "crm-marketing": r"CRM|leads?|pipeline|campaigns?|marketing|sales|deals?|reps?|sequences?|prospect\w*|outbound|quotas?|RevOps",
    "erp-hr": r"ERP|HRIS|payroll|finance|accounting|HR",
    "ml-tool": r"models?|training|ML|machine learning|deep learning|inference",
    "llm-tool": r"LLMs?|models?|agents?|prompts?|inference|GPT|embeddings",
    "observability": r"monitoring|observability|alerts?|alerting|logs|logging|metrics|tracing|dashboards?|errors?|exceptions?|crash(?:es)?|performance",
    "testing": r"tests?|testing|QA|automation",
    "frontend": r"front-?end|UI|JavaScript|TypeScript|components?|browsers?|CSS|React",
    "mobile": r"mobile|iOS|Android|apps",
    "cloud-service": r"AWS|Azure|GCP|cloud|serverless",
    "database": r"databases?|queries|SQL|schemas?|NoSQL",
    "geospatial": r"GIS|maps?|mapping|spatial|geospatial",
    "statistics": r"statistic\w*|regressions?|models?|analysis",
    "security": r"security|SIEM|SOC|vulnerabilit\w*|threats?|identity|detections?|risks?|posture|misconfigurations?|endpoints?|EDR",
}
_NEAR_CACHE: dict[str, re.Pattern] = {}
# A tool name used as the name of a company ("join Airbyte", "at GitLab", "Airbyte's team",
# "the GitLab tradition") is not a tool the hire must use.
_COMPANY_BEFORE = re_compile(
    r"\b(?:at|join|joining|joins|about|welcome to|work(?:ing)? (?:at|for)|employees of|across|throughout|"
    r"(?:all |many )?(?:areas|parts|corners|teams) of|help(?:s|ing)?|mak(?:e|es|ing))\s+$", re.I)
_COMPANY_AFTER = re_compile(
    r"^(?:['\u2019]s\b|\s+(?:exists|was founded|is hiring|is looking for|is building|builds|helps|offers|tradition|"
    r"way|values|team members|community|handbook|culture|family|employees|mission|team|as a whole|"
    r"is an equal opportunity|is (?:a|an|"
    r"the) (?:\w+ ){0,3}(?:company|platform|startup|leader))\b)")
# A release number written after a capitalised name ("Ruby 3.3", "Rails 7.2", "Angular 17",
# "Swift 5.9"): a version is a tool's, not an everyday word's. Not a count ("Pitch 3 times").
_VERSION_AFTER = re_compile(r"^[ \t]+v?\d{1,2}(?:\.\d{1,2}){0,2}(?:\.x|\+)?(?![\w.%/:-])"
                            r"(?![ \t]*(?:%|percent|times|x\b|(?:years?|yrs?|months?|weeks?|days?|hours?|minutes?|"
                            r"people|members|engineers|seats|users|customers|clients|points?|stars?|am|pm)\b))", re.I)
_PERSON_AFTER = re_compile(
    r"^(?:\s*,\s*(?:our|the|your|a|an|who|my|his|her|their)\b|\s+(?:will|is|was|has|had|from|who|and\s+(?:I|me)|says|said)\b"
    r"(?!\s+(?:a |an )?(?:plus|preferred|required|nice|bonus|advantage|helpful|desirable|essential|optional))|['\u2019]s\b)"
)
# The next word makes an ordinary-word name part of an everyday phrase ("Linear algebra",
# "Pitch decks", "Go the extra mile"): a lower-case word that is neither a connector nor a cue.
_NEXT_WORD = re_compile(r"^[ \t]+([A-Za-z][a-z-]*)\b(?![.+#]\w)")
_CONNECTORS = {
    "and", "or", "to", "for", "in", "on", "with", "as", "is", "are", "was", "at", "by", "from", "etc",
    "including", "via", "into", "plus", "and/or", "experience", "skills", "knowledge", "preferred",
    "required", "a", "an", "the", "if", "when", "where", "while", "but", "also", "would", "will", "be",
}
# Abbreviations in any case ("E.g. Looker", "I.e.", "Etc.") do not end a sentence.
_SENTENCE_BREAK = re_compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bvs)(?<!\beg)[.!?;](?=\s|$)|\n\s*\n|\n\s*[-*+]\s", re.I)


def _near_rx(category: str) -> Any:
    rx: Any = _NEAR_CACHE.get(category)
    if rx is None:
        words = _CATEGORY_NEAR.get(category)
        rx = re_compile(rf"(?<![\w-])(?:{words})(?![\w-])") if words else None
        _NEAR_CACHE[category] = rx
    return rx


def _alternation(names: Iterable[str], ignore_case: bool):
    """One pattern for many tool names, as tries (see textindex): short names (R, Go, JS) need
    stricter boundaries than long ones ("R&D" is not R)."""
    from .textindex import trie_pattern

    fold = (lambda n: n.lower()) if ignore_case else (lambda n: n)
    names = {fold(n) for n in names}
    if not names:
        return None
    short = sorted(n for n in names if len(n) <= 2)
    long = sorted(n for n in names if len(n) > 2)
    parts = []
    if long:
        parts.append(rf"(?<![\w@#])(?:{trie_pattern(long)})(?![\w#+@])(?!\.\w)(?!-(?:based|like|style|inspired|ish)\b)")
    if short:
        parts.append(rf"(?<![\w&'\u2019.@#/-])(?:{trie_pattern(short)})(?![\w&'\u2019@#+-])(?!\.\w)")
    return re_compile("|".join(parts), re.I if ignore_case else 0)


def _is_w(ch: str) -> bool:
    """``\\w`` of Python's ``re`` on ``str``: a letter, a digit or the underscore."""
    return ch.isalnum() or ch == "_"


_LONG_NOT_BEFORE = frozenset("@#")
_SHORT_NOT_BEFORE = frozenset("&'\u2019.@#/-")
_LONG_NOT_AFTER = frozenset("#+@")
_SHORT_NOT_AFTER = frozenset("&'\u2019@#+-")
_STYLE_SUFFIX = ("based", "like", "style", "inspired", "ish")


class NameScanner:
    """Every tool name in a text in one pass: an Aho-Corasick automaton (``pyahocorasick``)
    finds the candidates, and the boundaries of ``_alternation`` decide which count, scanning
    as that pattern does (leftmost first, then the longest name that fits, no overlaps).

    Compiling the catalog as one regular expression cost a tenth of a second per process and
    the scan tried the trie at every character; the automaton builds in milliseconds and
    reads the text once. Without ``pyahocorasick`` (a platform with no wheel), or for a text
    whose lower case has another length than the text (a few Unicode letters), the regular
    expression does the work, with the same result."""

    def __init__(self, names: Iterable[str], ignore_case: bool):
        self.ignore_case = ignore_case
        self.names = sorted({n.lower() if ignore_case else n for n in names})
        self._regex: Any = None
        self._automaton: Any = None
        try:
            import ahocorasick  # type: ignore[import-not-found]  # a C extension without stubs
        except ImportError:  # pragma: no cover - the dependency has wheels for every platform we support
            return
        a = ahocorasick.Automaton()
        for n in self.names:
            a.add_word(n, len(n))
        if self.names:
            a.make_automaton()
            self._automaton = a

    def _rx(self) -> Any:
        if self._regex is None:
            self._regex = _alternation(self.names, self.ignore_case)
        return self._regex

    def finditer(self, text: str) -> Iterable[tuple[int, int, str]]:
        """(start, end, the name as the catalog keys it) for each counted name, in order."""
        if not self.names:
            return
        folded = text.lower() if self.ignore_case else text
        if self._automaton is None or len(folded) != len(text):
            for m in self._rx().finditer(text):
                yield m.start(), m.end(), m.group(0).lower() if self.ignore_case else m.group(0)
            return
        starts: dict[int, list[int]] = {}
        for end, n in self._automaton.iter(folded):
            starts.setdefault(end - n + 1, []).append(n)
        pos = 0
        for start in sorted(starts):
            if start < pos:
                continue
            for n in sorted(starts[start], reverse=True):
                if self._fits(text, start, start + n, n <= 2):
                    yield start, start + n, folded[start:start + n]
                    pos = start + n
                    break

    def _fits(self, text: str, a: int, b: int, short: bool) -> bool:
        if a > 0:
            ch = text[a - 1]
            if _is_w(ch) or ch in (_SHORT_NOT_BEFORE if short else _LONG_NOT_BEFORE):
                return False
        if b < len(text):
            ch = text[b]
            if _is_w(ch) or ch in (_SHORT_NOT_AFTER if short else _LONG_NOT_AFTER):
                return False
            if ch == "." and b + 1 < len(text) and _is_w(text[b + 1]):
                return False  # "Node.js" is not Node
            if not short and ch == "-":
                rest = text[b + 1:b + 10]
                rest = rest.lower() if self.ignore_case else rest
                for w in _STYLE_SUFFIX:
                    if rest.startswith(w) and (len(rest) == len(w) or not _is_w(rest[len(w)])):
                        return False  # "Slack-like", "Excel-based"
        return True


class ToolIndex:
    """Compiled name patterns of a tool list, with the lookups ``Vocab`` delegates to."""

    def __init__(self, tools: list[Tool]):
        self.tools = tools
        self.by_name: dict[str, Tool] = {}
        insensitive: dict[str, Tool] = {}
        sensitive: dict[str, tuple[Tool, bool]] = {}
        for tool in tools:
            governed = set(tool.names_exact) | set(tool.names_context)
            names_any = list(tool.names_any)
            if tool.name not in governed and not tool.label_only:
                names_any.insert(0, tool.name)
            for n in names_any:
                insensitive.setdefault(n.lower(), tool)
            for n in tool.names_exact:
                sensitive.setdefault(n, (tool, False))
            for n in tool.names_context:
                sensitive.setdefault(n, (tool, True))
            for n in tool.all_names():
                self.by_name.setdefault(n.lower(), tool)
        self._insensitive = insensitive
        self._sensitive = sensitive
        # Names written as acronyms ("HANA", "ELK", "DAX"): written as a capitalised word
        # ("a design lead, Hana, who ...") they are more often a person's or a place's name, so
        # there they count only in tech context, as ordinary-word names do.
        self._acronyms = frozenset(n.lower() for t in tools for n in [t.name, *t.names_any]
                                   if len(n) >= 3 and n.isalpha() and n.isupper())
        self._any = NameScanner(insensitive, True)
        self._case = NameScanner(sensitive, False)

    def tool_by_name(self, name: str) -> Tool | None:
        name = name.strip().lower()
        hit = self.by_name.get(name)
        if hit is None:  # "Angular 17", "Python 3.12", ".NET 8": the version is not the name
            base = re.sub(r"\s*v?\d+(?:\.\d+)*\+?$", "", name)
            hit = self.by_name.get(base) if base and base != name else None
        return hit

    # -- one pass over a text -------------------------------------------------------------------

    def scan(self, text: str) -> tuple[list[Mention], set[str]]:
        """(tool mentions that count, names of tools the text names as a company)."""
        # Both scanners' names, the longest first where they overlap: "SQL Server" (a name
        # matched with its case) is Microsoft SQL Server, not the any-case "SQL" inside it.
        cands = [Mention(self._insensitive[key], a, b, text[a:b],
                         key in self._acronyms and text[a:b][1:].islower() and text[a].isupper())
                 for a, b, key in self._any.finditer(text)]
        for a, b, key in self._case.finditer(text):
            tool, ctx = self._sensitive[key]
            cands.append(Mention(tool, a, b, text[a:b], ctx))
        cands.sort(key=lambda m: (m.start, m.start - m.end))
        found: list[Mention] = []
        end = -1
        for m in cands:
            if m.start >= end:
                found.append(m)
                end = m.end
        if not found:
            return [], set()
        found = [f for f in found if not _lookalike(text, f)]
        as_company = [_names_company(text, f) for f in found]
        companies = {f.tool.name for f, c in zip(found, as_company) if c}
        found = [f for f, c in zip(found, as_company) if not c]
        found.sort(key=lambda x: x.start)
        if not any(f.needs_context for f in found):
            return found, companies
        confirmed = [not f.needs_context for f in found]
        rejected: set[int] = set()
        for i, f in enumerate(found):
            if not f.needs_context:
                continue
            verdict = _context_verdict(text, f)
            if verdict is None:
                rejected.add(i)
            elif verdict:
                confirmed[i] = True
        # Three ordinary words in one comma list that are all tool names are a tool list
        # ("R, Pandas, Spark"); so are two after an example marker ("e.g. Go or Rust").
        run = [0]
        for i in range(1, len(found) + 1):
            if i < len(found) and found[i].start - found[i - 1].end <= 12 and _SEP_GAP.match(text[found[i - 1].end:found[i].start]):
                run.append(i)
                continue
            if len(run) >= 3 or (len(run) == 2 and _ALT_BEFORE.search(text[max(0, found[run[0]].start - 40):found[run[0]].start])):
                for j in run:
                    if j not in rejected and not _phrase_after(text, found[j]):
                        confirmed[j] = True
            run = [i]
        # A mention listed right next to a confirmed tool is a tool too ("Go/Rust").
        changed = True
        while changed:
            changed = False
            for i, f in enumerate(found):
                if confirmed[i] or i in rejected:
                    continue
                for j in (i - 1, i + 1):
                    if 0 <= j < len(found) and confirmed[j]:
                        a, b = (found[j].end, f.start) if j < i else (f.end, found[j].start)
                        if b - a <= 24 and _SEP_GAP.match(text[a:b]) and not _phrase_after(text, f):
                            confirmed[i] = changed = True
                            break
        return [f for i, f in enumerate(found) if confirmed[i]], companies


# Everyday phrases that start with a short tool name: "Go To Market", "go-live", "go-getter".
_EVERYDAY_AFTER = re_compile(r"^(?:[ -]to[ -]market|-to\b|[ -]live\b|-getters?\b|[ -]the extra mile)", re.I)


def _lookalike(text: str, m: Mention) -> bool:
    """The tool's catalog lists this phrase as an everyday one ("spark joy", "excel in")."""
    if m.needs_context and len(m.surface) <= 3 and _EVERYDAY_AFTER.match(text[m.end:m.end + 20]):
        return True
    if not m.tool.not_phrases:
        return False
    window = text[max(0, m.start - 30):m.end + 30].lower()
    return any(p in window and _covers(text, m, p) for p in m.tool.not_phrases)


def _covers(text: str, m: Mention, phrase: str) -> bool:
    low = text.lower()
    for hit in re.finditer(re.escape(phrase), low[max(0, m.start - 40):m.end + 40]):
        a = hit.start() + max(0, m.start - 40)
        if a <= m.start and m.end <= a + len(phrase):
            return True
    return False


def _names_company(text: str, m: Mention) -> bool:
    return bool(_COMPANY_BEFORE.search(text[max(0, m.start - 20):m.start])
                or _COMPANY_AFTER.match(text[m.end:m.end + 40]))


def _phrase_after(text: str, m: Mention) -> bool:
    """An ordinary-word name followed by a lower-case word that makes an everyday phrase."""
    nxt = _NEXT_WORD.match(text[m.end:m.end + 30])
    if not nxt:
        return False
    w = nxt.group(1).lower()
    if w in _CONNECTORS or w in m.tool.cues_after or _CUE_AFTER.match(" " + w):
        return False
    if len(w) > 4 and w.endswith("ly"):
        return False  # an adverb makes no everyday phrase: "we use Confluence internally"
    rx = _near_rx(m.tool.category)  # "Slurm queues", "Grafana dashboards"
    if rx is not None and rx.fullmatch(nxt.group(1)):
        return False
    return True


@lru_cache(maxsize=64)
def _breaks(text: str) -> tuple[list[int], list[int]]:
    """(starts, ends) of the sentence breaks of a text, found once per text."""
    starts, ends = [], []
    for b in _SENTENCE_BREAK.finditer(text):
        starts.append(b.start())
        ends.append(b.end())
    return starts, ends


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the sentence around text[start:end]; a bisection per call, so a block
    with thousands of mentions is read in linear time."""
    starts, ends = _breaks(text)
    i = bisect.bisect_right(ends, start) - 1
    a = ends[i] if i >= 0 else 0
    j = bisect.bisect_left(starts, end)
    return a, starts[j] if j < len(starts) else len(text)


# A tool named like a day or a month ("Monday") is a date in "every Monday", "Monday to Friday".
_CALENDAR_NAMES = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december""".split())
_DATE_BEFORE = re_compile(r"\b(?:every|each|on|by|next|this|last|until|till|from|before|after|since|through|"
                          r"per|a|one|the)\s+$", re.I)
_DATE_AFTER = re_compile(r"^(?:s\b|\s*(?:-|to|through|thru|and)\s*[A-Z][a-z]+day\b|\s+(?:morning|afternoon|evening|"
                         r"night|mornings|evenings|at|\d))")


def _is_date(text: str, f: Mention) -> bool:
    return (f.surface.lower() in _CALENDAR_NAMES
            and bool(_DATE_BEFORE.search(text[max(0, f.start - 12):f.start]) or _DATE_AFTER.match(text[f.end:f.end + 20])))


def _context_verdict(text: str, f: Mention) -> bool | None:
    """True: tech context confirms the mention; False: not (yet) confirmed; None: rejected."""
    tool = f.tool
    after = text[f.end:f.end + 40]
    if _PERSON_AFTER.match(after) or _is_date(text, f):
        return None
    before = text[max(0, f.start - 60):f.start]
    # The tool's own cues ("in R", "Helm charts", "Microsoft Teams").
    words_before = re.findall(r"[\w.+#/-]+", before.lower())[-2:]
    if tool.cues_before and words_before and words_before[-1] in tool.cues_before:
        return True
    nxt = re.match(r"^\s+([\w.+#/-]+)", after)
    if nxt and tool.cues_after:
        w = nxt.group(1).lower()
        if w in tool.cues_after or w.rstrip("s") in tool.cues_after:
            return True
    if _CUE_AFTER.match(after) or (f.surface[:1].isupper() and _VERSION_AFTER.match(after)):
        return True
    phrase = _phrase_after(text, f)
    if _STRONG_CUE_BEFORE.search(before) and not phrase:
        return True
    # Weak generic cues ("work with", "build in") hold for tools of code, not for work SaaS
    # whose names are everyday nouns ("work with Teams across the company").
    if (_CUE_BEFORE.search(before) or _IN_BEFORE.search(before)) and not phrase and tool.category in _CODE_CATEGORIES:
        return True
    a, b = _sentence(text, f.start, f.end)
    sentence = text[a:b]
    if _NEXT_WORD.match(after) and not re.search(r"[A-Za-z0-9]", text[a:f.start]):
        return False  # a capital the sentence start gave an ordinary word: "Outreach to local
        # schools, plus two sales events"; words nearby do not make it the tool
    if tool.cues_near:
        low = sentence.lower()
        if any(re.search(rf"(?<![\w-]){re.escape(c)}(?![\w-])", low) for c in tool.cues_near):
            return not phrase
    rx = _near_rx(tool.category)
    if rx is not None and not phrase:
        rest = sentence[:f.start - a] + " " + sentence[f.end - a:]
        if rx.search(rest):
            return True
    return False


_IN_BEFORE = re_compile(r"\b[a-z]\w*\s+in\s+$")  # "screens in React", lower-case word first
_CODE_CATEGORIES = {"language", "framework", "library", "database", "data-platform", "data-tool", "ml-tool",
                    "llm-tool", "cloud-platform", "cloud-service", "devops", "observability", "frontend",
                    "mobile", "testing", "hpc", "statistics", "geospatial", "os", "security"}


# -- roles ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ToolMention:
    """One mention of a catalog tool in a posting, with how the posting asks for it."""

    name: str  # canonical
    category: str
    line: int
    column: int
    end_column: int  # exclusive, on ``end_line`` (a mention never spans lines in practice)
    surface: str
    role: str
    alternatives: tuple[str, ...] = ()  # the other options of its group, for role "alternative"
    kind: str | None = None
    end_line: int = 0
    reason: str = ""  # what decided the role (for debugging and reports)
    # For role "alternative": an option of the group that needs none of the named tools, so any
    # team meets the ask: "practice" ("in a REST style or with GraphQL", "GitHub issues, blogs,
    # or Twitter") or "any-tool" ("technologies like NodeJS, React"); "" for a closed choice.
    open_option: str = ""

    @property
    def is_stack_tool(self) -> bool:
        return self.kind not in NOT_STACK_KINDS


_ALT_BEFORE = re_compile(
    r"(?:\be\.\s?g\.|\beg\.|\b(?:for (?:example|instance)|such as|like|including(?:,? but not limited to)?|either|or other|"
    r"various|a variety of|similar to|i\.e\.|(?:can|could|may|might) (?:include|involve|span|cover))\b"
    # "Databricks or an equivalent cloud data platform (Synapse, EMR, Dataproc, Snowflake)",
    # "Solid Go, or a strong background in another typed language (Java, Kotlin, C#, Rust)"
    r"|\b(?:an?\s+)?(?:equivalent|similar|comparable|alternative|another)(?:\s+[\w-]+){0,4}\s*(?=\()"
    # one of a kind, its examples in brackets: "a cloud data platform (Databricks, Snowflake,
    # Synapse, BigQuery)", "one typed language (Java, Kotlin, C#)" (not "a modern data stack
    # (dbt, Fivetran, Looker)": a stack is all of them)
    r"|\b(?:a|an|one)\s+(?:[\w-]+\s+){0,3}?(?:platform|warehouse|lakehouse|language|framework|database|tool|provider|"
    r"library|engine|orchestrator|scheduler|cloud|IDE|editor)\s*(?=\()"
    r"|\b(?:one or more|one|at least (?:one|two|three|\d)(?: \w+)?|any(?: one)?|some|(?:a )?combination)\s+of\b"
    r"(?:\s+(?:the following|these|those))?(?:\s+[\w-]+){0,3}?)[\s:,(]*$", re.I)
_ALT_AFTER = re_compile(
    r"^[\s,()]*(?:or (?:similar|equivalent|comparable|related|another|other|alike)|and/or similar|etc\b|\.\.\.|or the like|"
    r"or any other|or something similar)", re.I)
_ALT_LEADIN = re_compile(
    r"\b(?:one or more of|one of the following|at least (?:one|two|three|\d)\b|any (?:one )?of the following|"
    r"some of the following|(?:a )?combination of|familiarity with (?:any|some) of|any of)\b", re.I)
# (A semicolon ends a clause, so it never joins two tools: "R or Julia; Tableau for reporting".)
_RUN_GAP = re_compile(r"^[\s,/|&+()*]*(?:\b(?:and|or|and/or|as well as|plus|nor)\b)?[\s,/|&+()*.]*"
                      r"(?:(?:Microsoft|Amazon|Google|Apache|Adobe|Oracle|IBM)\s+)?$")
_OR_GAP = re_compile(r"\bor\b|/|\bnor\b", re.I)
# The grammar of a list whose items are not all catalog tools ("(e.g., Power Designer, DAX
# Studio, ERWin)", "AWS, Azure, RackSpace/OpenStack", "GitHub issues, blogs, or Twitter"):
# an item is up to three words that are not connectors; a separator is a comma, slash or
# connector word, with brackets around, and after "or" the frame may repeat ("in a REST style
# or with GraphQL").
_LIST_WORD = r"(?!(?:and|or|nor|and/or|etc|plus|as|but|such|like|including|e\.g)\b)[A-Za-z](?:[\w.+#&'\u2019-]*[\w+#])?"
_LIST_ITEM = rf"{_LIST_WORD}(?:[ /]{_LIST_WORD}){{0,2}}"
_FRAME = r"(?:(?:with|in|using|on|via|through|from|to)\s+)?(?:(?:a|an|the)\s+)?"
_LIST_SEP = (r"[ \t()*]*(?:[,/|&+]|\b(?:and/or|or|and|nor|plus|as well as)\b)"
             r"(?:[ \t,()*]*\b(?:and/or|or|and)\b)?[ \t()*]*" + _FRAME)
_LIST_CONT = rf"[ \t]+{_LIST_WORD}(?: {_LIST_WORD})?"  # the rest of a name: "GitHub issues", "DAX Studio"
# Between two tools of one list, with other items between them.
_ITEM_GAP = re_compile(rf"^(?:{_LIST_CONT})?(?:{_LIST_SEP}{_LIST_ITEM}){{0,3}}{_LIST_SEP}$")
# Items between an example marker and the first tool it introduces ("e.g., Power Designer, DAX").
# They are names ("Power Designer", "LXC"): after "Serverless functions like lambdas, SQS, S3",
# "lambdas" is the example and SQS and S3 go on the outer list.
_LEAD_ITEMS = rf"(?:(?=(?-i:[A-Z0-9])){_LIST_ITEM}(?:[ \t]*[,/][ \t]*(?:or[ \t]+)?|[ \t]+or[ \t]+)){{0,3}}"
# An example marker right after an item: the item names a kind of tool ("a scheduler such as").
_EXAMPLE_NEXT = r"[ \t]*[(,]?[ \t]*(?:such as|like|e\.g\.|eg\.|including|for (?:example|instance))"
_EXAMPLE_NEXT_RX = re_compile(_EXAMPLE_NEXT, re.I)
# A choice said at the head of a longer list whose first options are not catalog tools:
# "Experience in one or more of the following: data strategy, data engineering, analytics,
# cloud platforms (AWS, Azure, GCP), Snowflake, Databricks, SAP". What lies between the
# lead-in and the first tool is only list items (the last may open a bracket of examples).
# (Its own plain grammar: words that are never connectors, so a line of slashes cannot be
# split into items in many ways while the match fails.)
_LEADIN_WORD = r"(?!(?:and|or|and/or)\b)[A-Za-z][\w.+#&'\u2019-]*"
_LEADIN_ITEM = rf"{_LEADIN_WORD}(?:[ \t]+{_LEADIN_WORD}){{0,3}}"
_LEADIN_SEP = r"[ \t]*(?:[,/]|\b(?:and/or|and|or)\b)[ \t]*(?:(?:and|or)\b[ \t]*)?"
_LEADIN_ITEMS = re_compile(rf"^(?:[ \t]+of)?(?:[ \t]+(?:the[ \t]+following|these|those))?[ \t]*:?[ \t]*"
                           rf"(?:{_LEADIN_ITEM}{_LEADIN_SEP}){{0,12}}(?:{_LEADIN_ITEM}[ \t]*\([ \t]*)?$", re.I)
# One separator, one item, and where a list's last item may end.
_SEP_RX = re_compile(_LIST_SEP)
_ITEM_RX = re_compile(_LIST_ITEM)
_CONT_RX = re_compile(_LIST_CONT)
_LIST_END = (r"(?=[ \t)]*(?:[,;.:!?)\n]|\betc\b|\.\.\.|$)"
             r"|[ \t]+(?:to|for|in|with|when|where|as|that|which|from|on|at|by|is|are)\b|" + _EXAMPLE_NEXT + ")")
_LAST_ITEM_RX = re_compile(_LIST_ITEM + _LIST_END)
_LIST_END_RX = re_compile(_LIST_END)
_HARD_END = re_compile(r"[ \t)]*(?:[,;.:!?)\n]|\betc\b|\.\.\.|$)")
_OR_WORD = re_compile(r"\b(?:or|nor)\b")
# An option before the first tool of an "or" ("in an event-driven way or with Kafka").
_LEAD_OR = re_compile(rf"(?:^|[\s,(:;])(?P<item>{_LIST_ITEM})[ \t]*,?[ \t]+(?:and/or|or|nor)[ \t]+" + _FRAME + "$")
# The "or" before the head of an example list, and the item before that "or".
_HEAD_OR = re_compile(r"[ \t]*,?[ \t]+(?:and/or|or)[ \t]+(?:[\w-]+[ \t]+){0,3}[\w-]+[ \t]*$")
_PREV_ITEM = re_compile(rf"(?:^|(?<=[\s,(:;&]))(?P<item>{_LIST_ITEM})$")
# An item that names a kind of tool ("a similar tool", "another language", "other IaC") is an
# open choice among tools, not an option that needs no tool.
_KIND_ITEM = re_compile(
    r"\b(?:similar|equivalent|comparable|other|another|alternative|related|any|some)\b|"
    r"\b(?:tools?|tooling|languages?|frameworks?|librar(?:y|ies)|databases?|platforms?|services?|systems?|engines?|"
    r"stacks?|providers?|clouds?|warehouses?|orchestrators?|technolog(?:y|ies)|solutions?|software|equivalents?|"
    r"products?|apps?|applications?|editors?|IDEs?|runtimes?|schedulers?|queues?|brokers?|stores?|caches?|"
    r"servers?|clients?|SDKs?|CLIs?|registr(?:y|ies)|managers?|suites?|environments?|vendors?)$", re.I)
# "technologies like X, Y": a head that names no kind, so any tool the team uses meets it.
_GENERIC_HEAD = re_compile(
    r"(?:^|\b(?:with|in|of|on|across|about|and|or|to|use|using|know|learn|explore|adopt|leverage)\s+)"
    r"(?:(?:modern|various|other|new|newer|emerging|relevant|popular|different|latest|current|"
    r"cutting[- ]edge|the|some)\s+)*(?:technolog(?:y|ies)|tech|things)\s*[,(:]?\s*$", re.I)
# "streaming data concepts, such as Kafka": the ask is the idea, the tool one illustration of it.
_CONCEPT_HEAD = re_compile(
    r"\b(?:concepts?|principles|fundamentals|ideas|methods|methodolog(?:y|ies)|approaches|patterns|paradigms|"
    r"practices|techniques)\s*[,(:]?\s*$", re.I)
_ALT_BEFORE_LIST = re_compile(_ALT_BEFORE.pattern[:-len(r"[\s:,(]*$")] + r"[\s:,(]*(?P<lead>" + _LEAD_ITEMS + ")$", re.I)
_TEAM_STACK = re_compile(
    r"\b(?:we(?:'re| are)? (?:currently )?(?:use|uses|using|love|work (?:with|in)|build (?:with|on|in)|rely on|run on|"
    r"write|develop in|leverage|have adopted)|(?:our|\w+['\u2019]s) (?:\w+ ){0,2}(?:stack|languages?|tools?|tooling|toolset|platform|"
    r"infrastructure|data|systems?|codebase|environment)\b[^.]{0,40}?(?:is|are|includes?|consists? of|runs? on|"
    r"built (?:on|with|in)|uses?)|(?:tech(?:nology)?|data) stack(?: is| includes|:)|"
    r"currently,? (?:but not limited to,? )?"
    r"|is built (?:on|with|in)|runs? on|written in|powered by|we are (?:a|an) \w+ shop)"
    # a "**Stack:** Python, TypeScript, Postgres" line: the team's tools, labelled
    r"|(?:^|(?<=\n))[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?(?:our[ \t]+|the[ \t]+)?(?:tech[ \t]+|technology[ \t]+)?stack[ \t]*"
    r"(?:\*\*|__)?[ \t]*:(?:[ \t]*(?:\*\*|__))?", re.I)
_ASK = re_compile(
    r"\b(?:experience|experienced|proficien\w*|expert\w*|knowledge|familiar\w*|skills?|skilled|ability|able to|"
    r"comfort\w*|you(?:'ll| will)?|must|should|required|requires?|understanding|background|fluen\w*|demonstrated)\b",
    re.I)
_INCIDENTAL_BEFORE = re_compile(
    r"\b(?:integrat\w* (?:with|into)|partner\w*(?: with)?|customers? (?:include|like|such as)|used by|trusted by|"
    r"backed by|funded by|featured (?:in|on)|apply (?:via|through|on)|send (?:us )?(?:your|a)|email|link to your|"
    r"your|follow us on|find us on|acquired by|competitors?|alternative to|replac\w* (?:of )?)"
    r"(?:\s+[\w.'-]+){0,4}\s*$", re.I)
_PREFERRED_CLAUSE = re_compile(
    r"\b(?:preferabl[ey]|preferred|ideally|is a plus|a plus|are a plus|nice[- ]to[- ]haves?|bonus|desirable|"
    r"an advantage|advantageous|beneficial|not required|helpful|would be (?:great|nice|good)|is welcome|"
    r"big plus|extra credit|optional"
    # who would enjoy the job, not what it asks: "if you are interested in X", "people with X
    # are going to love it here"
    r"|if you(?:'re|\u2019re| are)? (?:interested in|excited (?:about|by)|curious about)"
    r"|(?:are|is) going to (?:have fun|love|enjoy|thrive)|(?:will|'ll|\u2019ll) (?:have fun|love it|thrive) here"
    r"|(?:would|will) (?:feel at home|fit right in))\b", re.I)
_BRACKETED = re_compile(r"\([^()]*\)")
# A tool named in the title of a linked page ("[CircleCI Engineering Competency Matrix](...)",
# "[the Kafka documentation](...)"): a reference to read, not a tool to use.
_LINK_TEXT = re_compile(r"\[([^\[\]\n]{1,200})\]")
_DOC_NOUN = re_compile(r"\b(?:matrix|guide|guidelines|handbook|blog|post|article|docs|documentation|book|report|"
                       r"paper|talk|podcast|newsletter|manifesto|playbook|rubric|ladder|checklist|style guide|"
                       r"principles|reference|tutorial|course|whitepaper|case study)\b", re.I)


def _link_title(text: str, m) -> bool:
    """Whether mention ``m`` sits in link text that names a page: the tool and two or more
    title words, or a document word ("[Kafka documentation](...)"); "[dbt](...) code" does not."""
    for link in _LINK_TEXT.finditer(text, max(0, m.start - 200), min(len(text), m.end + 200)):
        if not (link.start(1) <= m.start and m.end <= link.end(1)):
            continue
        rest = (text[link.start(1):m.start] + " " + text[m.end:link.end(1)]).split()
        words = [w for w in rest if w.lower() not in ("a", "an", "the", "of", "and", "for", "to", "in", "on")]
        if _DOC_NOUN.search(" ".join(rest)):
            return True
        return len(words) >= 2 and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    return False


_REQUIRED_KINDS = {"requirements", "responsibilities", "role", "first_problem"}
_CONTEXT_KINDS = {"about", "benefits", "compensation", "process"}


def _stronger(a: str, b: str) -> str:
    return a if ROLE_STRENGTH[a] <= ROLE_STRENGTH[b] else b


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    return _sentence(text, start, end)


def _units(doc):
    for block in doc.blocks:
        yield block.text, block.position, block


def tool_facts(doc, vocab, scan=None) -> list["ToolMention"]:
    """Every tool mention in the posting's prose, in order, with its role.

    ``scan(text) -> (mentions, company names)`` reads one text; the domain layer passes its
    memoised scan so each text of a posting is read once whoever asks."""
    if scan is None:
        cache: dict = {}  # one pass per text serves both find_tools and company_names

        def scan(text):
            return vocab.find_tools(text, cache), vocab.company_names(text, cache)
    units = list(_units(doc))
    read = [(text, pos, block, scan(text)) for text, pos, block in units]
    scans = [(text, pos, block, found[0]) for text, pos, block, found in read]
    companies = set().union(*(found[1] for _t, _p, _b, found in read)) if read else set()
    scans = _whole_item_tools(scans, vocab)
    # Lists introduced by an "one or more of the following:" line: their tools form one group.
    leadin_groups: dict[int, list[str]] = {}
    for _text, _pos, block, mentions in scans:
        it = block.item
        if it is not None and it.leadin and _ALT_LEADIN.search(it.leadin):
            names = leadin_groups.setdefault(_leadin_key(it), [])
            for m in mentions:
                if m.tool.name not in names:
                    names.append(m.tool.name)
    out: list[ToolMention] = []
    for text, pos, block, mentions in scans:
        narrative = block.kind == "paragraph" and block.item is None
        if narrative and companies:
            mentions = [m for m in mentions if m.tool.name not in companies]
        elif companies:
            # in a list, the employer named as itself ("grow usage of Sourcegraph as a whole",
            # "pair with a Sourcegraph engineer") is not asked for; "Experience using GitLab" is
            mentions = [m for m in mentions if m.tool.name not in companies
                        or _CUE_BEFORE.search(text[max(0, m.start - 60):m.start])]
        if not mentions:
            continue
        roles = _roles_in_block(text, block, mentions, vocab, leadin_groups)
        for m, (role, alts, reason, option) in zip(mentions, roles):
            line, col = pos(m.start)
            end_line, end_col = pos(m.end)
            out.append(ToolMention(m.tool.name, m.tool.category, line, col, end_col, m.surface, role,
                                   tuple(alts), m.tool.kind or (m.tool.category if m.tool.category in NOT_STACK_KINDS else None),
                                   end_line, reason, option if role == "alternative" else ""))
    return out


_ITEM_TAIL = re_compile(
    r"^\s*(?:[.;,:(-].*)?$|^\s+(?:is|are)\s+(?:a |an )?(?:plus|preferred|required|nice|bonus|advantage|helpful|desirable|essential|optional)\b",
    re.I | re.S)


def _whole_item_tools(scans, vocab):
    """A list item that is only an ordinary-word tool name ("- Swift", "- Go is a plus") is that
    tool when another item of the same list names a tool."""
    index = vocab._tool_index
    with_tools = {_list_key(b.item) for _t, _p, b, ms in scans if b.item is not None and ms}
    out = []
    for text, pos, block, mentions in scans:
        it = block.item
        if it is not None and not mentions and _list_key(it) in with_tools:
            m = re.match(r"\s*(?:(?:>\s*)*(?:[-*+]|\d{1,9}[.)])\s+)?([A-Z][\w.+#-]*)", text)
            hit = index._sensitive.get(m.group(1)) if m else None
            if hit is not None and _ITEM_TAIL.match(text[m.end():]):
                tool = hit[0]
                mentions = (Mention(tool, m.start(1), m.end(1), m.group(1), True),)
        out.append((text, pos, block, mentions))
    return out


def _list_key(item):
    return (id(item.section), id(item.parent), item.leadin)


def tool_roles(doc, vocab) -> dict[str, str]:
    """Canonical tool name -> its strongest role in the posting (required > alternative >
    preferred > team-stack > incidental)."""
    roles: dict[str, str] = {}
    for f in tool_facts(doc, vocab):
        roles[f.name] = _stronger(f.role, roles[f.name]) if f.name in roles else f.role
    return roles


def _runs(text: str, mentions) -> list[list[int]]:
    """Indices of mentions joined by list separators, as runs; other items may sit between two
    tools of a run ("AWS, Azure, RackSpace/OpenStack")."""
    runs: list[list[int]] = []
    for i, m in enumerate(mentions):
        if runs:
            prev = mentions[runs[-1][-1]]
            gap = text[prev.end:m.start]
            if "\n\n" not in gap and ((len(gap) <= 40 and _RUN_GAP.match(gap))
                                       or (len(gap) <= 60 and _ITEM_GAP.match(gap))):
                runs[-1].append(i)
                continue
        runs.append([i])
    return runs


def _items(text: str) -> list[str]:
    """The items of a stretch of list text (separators dropped)."""
    out, pos = [], 0
    while pos < len(text):
        sep = _SEP_RX.match(text, pos)
        if sep and sep.end() > pos:
            pos = sep.end()
            continue
        it = _ITEM_RX.match(text, pos)
        if not it:
            pos += 1
            continue
        out.append(it.group())
        pos = it.end()
    return out


def _tail_items(text: str, pos: int) -> tuple[list[str], bool]:
    """(items, ends with an "or") of a list that goes on after the tool ending at ``pos``
    ("GitHub issues, blogs, or Twitter"): items up to the one after an "or", which must end
    the list."""
    cont = _CONT_RX.match(text, pos)
    if cont:
        pos = cont.end()
    items: list[str] = []
    for _ in range(3):
        sep = _SEP_RX.match(text, pos)
        if not sep or not re.search(r"[,/|&+]|\b(?:and|or|nor|plus|as well as)\b", sep.group()):
            break
        if _OR_WORD.search(sep.group()):
            last = _LAST_ITEM_RX.match(text, sep.end())
            if not last:
                return [], False
            # "Docker, or a scheduler such as Nomad": the last option is a kind of tool. "Maintain
            # the Jenkins jobs or migrate them to GitHub Actions": a clause goes on after the
            # last option, which may be a verb phrase, not another way to do the work.
            if _EXAMPLE_NEXT_RX.match(text, last.end()) or not _HARD_END.match(text, last.end()):
                return items, True
            return [*items, last.group()], True
        it = _ITEM_RX.match(text, sep.end())
        if not it:
            break
        items.append(it.group())
        pos = it.end()
    return [], False


_COMMON_NOUN = re_compile(r"^[a-z][a-z-]{2,}(?:s|ing|tion|ment|ity|ness)$")


def _tail_names(text: str, pos: int) -> list[str]:
    """The items that go on after the last tool of an example list ("e.g., LXC, Docker,
    Rocket)"), up to where the list ends."""
    cont = _CONT_RX.match(text, pos)
    if cont:
        pos = cont.end()
    items: list[str] = []
    ends: list[int] = []
    for _ in range(4):
        sep = _SEP_RX.match(text, pos)
        if not sep or not re.search(r"[,/|&+]|\b(?:and|or|nor|plus|as well as)\b", sep.group()):
            break
        it = _ITEM_RX.match(text, sep.end())
        if not it:
            break
        items.append(it.group())
        pos = it.end()
        ends.append(pos)
    while items and not _LIST_END_RX.match(text, ends[-1]):
        items.pop()
        ends.pop()
    return items


def _open_option(items: Iterable[str]) -> str:
    """'practice' when one of the items of an "or" list is an option that needs no tool: a
    lower-case practice or medium ("blogs", "an event-driven way", "mailing lists"). Items that
    name a kind of tool ("a similar tool") do not count, nor do capitalised or one-word names
    that may be products ("ERWin", "dbdiagram")."""
    for it in items:
        words = [w for w in it.split() if w.lower() not in ("a", "an", "the")]
        if not words or _KIND_ITEM.search(it) or not all(w[:1].islower() for w in words):
            continue
        if len(words) > 1 or _COMMON_NOUN.match(words[0]):
            return "practice"
    return ""


def _alternative_groups(text, mentions) -> dict[int, tuple[tuple[str, ...], str, str]]:
    """Mention index -> (the other tools of its group of options, what made it a choice, an
    option of the group that needs none of the named tools: '' | 'practice' | 'any-tool').

    A group is a list of tools with an example marker before it ("e.g.", "such as", "can
    include"), "or similar" / "etc." after it, or an "or" in it. Lists can hold items that are
    not catalog tools; an "or" after a bracketed list joins the phrase the brackets belong to
    ("python, including python data libraries (numpy, pandas), or R"; "(such as Python) and/or
    tools for statistics (such as R)"); in a list that mixes "or" and "and" without an example
    marker, "and" starts a new requirement ("Python or R, and Spark")."""
    groups: list[tuple[list[int], str, str, list[str]]] = []  # (indices, reason, open option, other names)
    links: list[list[int]] = []  # mentions that belong to one choice across lists
    ends = {m.end: i for i, m in enumerate(mentions)}
    for run in _runs(text, mentions):
        first, last = mentions[run[0]], mentions[run[-1]]
        a, _b = _clause_bounds(text, first.start, first.end)
        before = text[max(a, first.start - 80):first.start]
        gap_texts = [text[mentions[x].end:mentions[y].start] for x, y in zip(run, run[1:])]
        after = text[last.end:last.end + 30]
        marker = _ALT_BEFORE_LIST.search(before)
        extra: list[str] = []
        option = ""
        closed: set[int] = set()  # parts an "or similar" ends ("GameLift or similar, ECS")
        if marker:
            reason = "example marker"
            extra += _items(marker.group("lead"))
            head_end = max(a, first.start - 80) + marker.start()
            if _GENERIC_HEAD.search(before[:marker.start()]):
                option = "any-tool"
            elif _CONCEPT_HEAD.search(before[:marker.start()]):
                option = "practice"
            # The example list belongs to one option of an "or" list: "Python, or a JVM language
            # such as Kotlin" (one choice with Python); "TDD, or version control such as GitHub"
            # (the other option is a practice).
            head_or = _HEAD_OR.search(text, max(a, head_end - 60), head_end)
            if head_or:
                k = next((ends[e] for e in range(head_or.start(), max(a, head_or.start() - 3), -1) if e in ends), None)
                if k is not None:
                    links.append([k, run[0]])
                else:
                    prev = _PREV_ITEM.search(text, max(a, head_or.start() - 60), head_or.start())
                    if prev and _open_option([prev.group("item")]):
                        option = "practice"
            parts = [run]
            if before.rstrip().endswith("("):
                # The examples are the bracket's: "A compiled language (Fortran, C++ or
                # similar) and Python" offers Fortran or C++, and asks for Python as well.
                close = text.find(")", first.end)
                if close != -1:
                    parts = [[x for x in run if mentions[x].start < close]]
        elif (lead_in := _list_leadin(text, a, first.start)) is not None:
            reason = "example marker"  # every item of the list is one option
            extra += _items(lead_in)
            option = _open_option(_items(lead_in))  # "data strategy" is an option too
            parts = [run]
        else:
            # "Python or R, and Spark": "and" ends one choice and starts another requirement.
            # "GameLift or similar, ECS, IAM": the "or similar" closes GameLift's choice; the
            # tools after it are asked for in their own right.
            parts, cur = [], [run[0]]
            joins = [g for g in gap_texts if not _ALT_AFTER.match(g)]
            mixed = any(_OR_GAP.search(g) and "and/or" not in g for g in joins) and any(
                re.search(r"\band\b", g) and "and/or" not in g and not _OR_GAP.search(g) for g in joins)
            # "Java/J2EE, Spring Boot, Python, .NET": with no "or" in words, a slash joins only
            # its two neighbours; the commas list separate requirements.
            slash_only = (not any(re.search(r"\b(?:or|nor)\b", g, re.I) for g in joins)
                          and any("/" in g for g in joins) and any("," in g and "/" not in g for g in joins)
                          # a bracketed list inside is examples of one option ("Linux/Unix (RHEL, AIX)")
                          and not re.search(r"\([^()]*,[^()]*\)", text[first.start:last.end + 1]))
            for y, g in zip(run[1:], gap_texts):
                if _ALT_AFTER.match(g):
                    closed.add(len(parts))
                    parts.append(cur)
                    cur = []
                elif (mixed and re.search(r"\band\b", g) and not _OR_GAP.search(g)) or (slash_only and "/" not in g):
                    parts.append(cur)
                    cur = []
                cur.append(y)
            parts.append(cur)
            reason = ""
        for k, part in enumerate(parts):
            why, part_extra = reason, list(extra)
            gaps = [text[mentions[x].end:mentions[y].start] for x, y in zip(part, part[1:])]
            for g in gaps:
                part_extra += _items(_CONT_RX.sub("", g, count=1) if _CONT_RX.match(g) else g)
            listed = list(part_extra)
            # Items around a list stop at the tools of other lists ("Strong SQL and Python skills,
            # and experience with Spark or Databricks": the "or" is Spark's, not Python's).
            nxt = part[-1] + 1
            upto = text[:mentions[nxt].start] + "\x00" if nxt < len(mentions) else text
            tail, tail_or = _tail_items(upto, mentions[part[-1]].end)
            lo = max(a, mentions[part[0]].start - 80, mentions[part[0] - 1].end if part[0] else 0)
            lead = _LEAD_OR.search(text[lo:mentions[part[0]].start])
            if not why:
                if (part[-1] == run[-1] and _ALT_AFTER.match(after)) or k in closed:
                    why = "'or similar'"
                elif len(part) > 1 and any(_OR_GAP.search(g) for g in gaps):
                    why = "'or' list"
                elif tail_or or lead:
                    why = "'or' list"
            if not why:
                continue
            if why == "'or' list" and not tail_or and not lead and len({mentions[x].tool.name for x in part}) == 1:
                continue  # "Java/J2EE": two names of one tool, not a choice
            if tail_or:
                part_extra += tail
                listed += tail
            elif why == "example marker":
                listed += _tail_names(upto, mentions[part[-1]].end)
            if lead:
                # the option is the last one to three words before the "or" ("Testing by hand
                # or with Cypress": "by hand")
                words = lead.group("item").split()
                part_extra += [" ".join(words[-k:]) for k in range(1, len(words) + 1)]
            # Items of an example list ("e.g., Visual Paradigm, dbdiagram") are products named
            # as examples; the items of an "or" list can be other ways to do the work.
            opt = option or ("" if why == "example marker" else _open_option(part_extra))
            if not opt and any(not mentions[x].tool.is_stack_tool for x in part):
                opt = "practice"  # "in a RESTful style or with GraphQL"
            groups.append((list(part), why, opt, _names(listed)))
    groups = _merge_groups(len(mentions), groups, _bracket_links(text, mentions) + links)
    out: dict[int, tuple[tuple[str, ...], str, str]] = {}
    for idx, why, opt, others in groups:
        names = list(dict.fromkeys([mentions[x].tool.name for x in idx] + others))
        for x in idx:
            out[x] = (tuple(n for n in names if n != mentions[x].tool.name), why, opt)
    return out


def _list_leadin(text: str, a: int, start: int) -> str | None:
    """The items before the first tool of a list that a choice lead-in earlier in the clause
    heads ("one or more of the following: data strategy, analytics, ..."), else None."""
    if start - a > 400:
        return None
    last = None
    for m in _ALT_LEADIN.finditer(text, a, start):
        last = m
    if last is None:
        return None
    rest = text[last.end():start]
    return rest if _LEADIN_ITEMS.match(rest) else None


_NAME_ITEM = re_compile(r"^(?-i:[A-Z0-9])[\w.+#&'\u2019/-]*(?: (?-i:[A-Z0-9])[\w.+#&'\u2019/-]*){0,2}$")


def _names(items: Iterable[str]) -> list[str]:
    """The items of a list that look like product names the catalog does not know ("Power
    Designer", "ERWin", "ER/Studio"): shown with the tools as the other options."""
    return [it for it in items if _NAME_ITEM.match(it) and not _KIND_ITEM.search(it)]


_BRACKET_OR = re_compile(r"\)[ \t]*,?[ \t]*(?:and/or|or)\b[ \t]*")


def _bracket_links(text, mentions) -> list[list[int]]:
    """Tools an "or" after a closing bracket joins: the phrase the brackets belong to (from the
    last comma of its clause) with its bracketed tools, and the next tool of the clause
    ("languages (such as Python) and/or tools for statistics (such as R)")."""
    if ")" not in text:
        return []
    n = len(mentions)
    starts = [m.start for m in mentions]
    links = []
    for br in _BRACKET_OR.finditer(text):
        close = br.start()
        open_ = text.rfind("(", 0, close)
        if open_ < 0 or ")" in text[open_ + 1:close]:
            continue
        a, b = _sentence(text, open_, close)
        head = max(a, *(text.rfind(c, a, open_) + 1 for c in ",;:"))
        inside = list(range(bisect.bisect_left(starts, head), bisect.bisect_left(starts, close)))
        j = bisect.bisect_left(starts, br.end())
        if not inside or j >= n or starts[j] >= b:
            continue
        # The next tool belongs to the phrase after the "or": no comma, semicolon or closing
        # bracket before it (an opening bracket of its own list is fine: "tools (such as R)").
        between = text[br.end():starts[j]]
        if len(between) > 80 or re.search(r"[,;)]", between.split("(", 1)[0]) or between.count("(") > 1:
            continue
        links.append(inside + [j])
    return links


def _merge_groups(n, groups, links):
    """Groups joined by links (lists of mention indices that belong to one choice)."""
    if not links:
        return groups
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for idx in [g[0] for g in groups] + links:
        for x in idx[1:]:
            parent[find(x)] = find(idx[0])
    info: dict[int, tuple[str, str, list[str]]] = {}
    for idx, why, opt, others in groups:
        r = find(idx[0])
        old_why, old_opt, old_others = info.get(r, (why, "", []))
        info[r] = (old_why, old_opt or opt, old_others + others)
    members: dict[int, list[int]] = {}
    for x in range(n):
        members.setdefault(find(x), []).append(x)
    roots = {find(idx[0]) for idx in links} | set(info)
    return [(members[r], *info.get(r, ("'or' list", "", []))) for r in sorted(roots)]


_BACK_CHOICE = re_compile(r"\b(?:at least (?:one|two|three|\d)|one or more|any|either|one|some)\s+of\s+(?:those|these|them|the above|which)\b", re.I)


def _later_choice(text, clause_end, mentions, i):
    """The tools of mention ``i``'s clause when the next sentence asks for some of them."""
    nxt_end = _SENTENCE_BREAK.search(text, clause_end + 1)
    following = text[clause_end:nxt_end.start() if nxt_end else len(text)]
    if not _BACK_CHOICE.search(following):
        return None
    a, b = _sentence(text, mentions[i].start, mentions[i].end)
    names = [m.tool.name for m in mentions if a <= m.start < b]
    return [n for n in dict.fromkeys(names) if n != mentions[i].tool.name]


def _leadin_key(item):
    return (id(item.section), id(item.parent), item.leadin)


def _section_preferred(block) -> bool:
    sec = block.section
    return sec is not None and sec.kind == "preferred"


# A heading over the team's current tools: "Our stack", "Tech stack", "Tools we use", "What the
# platform looks like today", "How we build".
_STACK_HEADING = re_compile(r"\b(?:(?:tech(?:nology)?\s+|data\s+|our\s+|the\s+)stack|stack\s*$|^\s*stack\b|tools\s+(?:we|the\s+team)\s+use|"
                            r"our\s+(?:tools|tooling|tech(?:nology)?)|looks?\s+like\s+today|how\s+we\s+build|what\s+we\s+(?:use|run\s+on|build\s+with))\b", re.I)
_ASKING_KINDS = frozenset({"requirements", "preferred", "responsibilities"})


# How far back from a mention its clause is read for team-stack and incidental cues (a cue must
# end within 80 characters of the mention to count).
_BEFORE_WINDOW = 400


def _roles_in_block(text, block, mentions, vocab, leadin_groups):
    item = block.item
    sec_kind = block.section.kind if block.section is not None else "other"
    item_pref_context = bool(item is not None and (
        sec_kind == "preferred"
        or (item.leadin is not None and vocab.is_preferred_leadin(item.leadin))
        or (item.parent is not None and item.parent.preferred)))
    leadin_alt = item is not None and item.leadin is not None and bool(_ALT_LEADIN.search(item.leadin))
    leadin_group = leadin_groups.get(_leadin_key(item)) if leadin_alt else None
    parent_alt = item is not None and item.parent is not None and bool(_ALT_LEADIN.search(item.parent.text))
    # Alternative groups: lists of options.
    groups = _alternative_groups(text, mentions)
    result = []
    # Per-sentence answers, computed once per sentence: a paragraph of a thousand mentions in
    # one long sentence must not be searched a thousand times.
    sentence_preferred: dict[tuple[int, int], tuple[bool, list[tuple[int, int]]]] = {}
    sentence_asks: dict[tuple[int, int], bool] = {}
    item_marked = bool(item is not None and item.preferred and _PREFERRED_CLAUSE.search(item.text) is None)
    for i, m in enumerate(mentions):
        a, b = _clause_bounds(text, m.start, m.end)
        clause = text[a:b]
        before = text[max(a, m.start - _BEFORE_WINDOW):m.start]
        if block.kind == "heading":
            result.append(("incidental", (), "heading", ""))
            continue
        if (a, b) not in sentence_preferred:
            # A bracket that names a tool and prefers it ("Python, Java, or Scala (Python
            # preferred)") prefers that tool only.
            scoped = [(a + p.start(), a + p.end()) for p in _BRACKETED.finditer(clause)
                      if _PREFERRED_CLAUSE.search(p.group())
                      and any(a + p.start() < x.start < a + p.end() for x in mentions)]
            rest = clause
            for x0, x1 in scoped:
                rest = rest[:x0 - a] + " " * (x1 - x0) + rest[x1 - a:]
            sentence_preferred[(a, b)] = (bool(_PREFERRED_CLAUSE.search(rest)) or bool(
                item_marked and vocab.item_is_preferred(rest)), scoped)
        says_preferred, scoped = sentence_preferred[(a, b)]
        preferred = (item_pref_context or _section_preferred(block) or says_preferred
                     or any(x0 < m.start < x1 for x0, x1 in scoped))
        if _link_title(text, m):
            result.append(("incidental", (), "named in the title of a linked page", ""))
            continue
        if _INCIDENTAL_BEFORE.search(text[max(a, m.start - 60):m.start]) and not _ASK.search(before[-25:]):
            result.append(("incidental", (), "not used by the hire", ""))
            continue
        team = None
        for found in _TEAM_STACK.finditer(before):
            team = found
        gap = before[team.end():] if team else ""
        is_team = bool(team and not _ASK.search(gap) and ")" not in gap and len(gap) <= 80)
        # "(we use Clickhouse and Postgres)": an aside about the team, whatever the sentence asks.
        aside = is_team and "(" in before[:team.start()] and ")" not in before[before.rfind("("):]
        # A paragraph about the team's stack under a nice-to-have heading is still about the team.
        if preferred and not aside and not (is_team and item is None and not _PREFERRED_CLAUSE.search(clause)):
            result.append(("preferred", groups[i][0] if i in groups else (), "nice to have", ""))
            continue
        if is_team:
            group = _later_choice(text, b, mentions, i)
            if group is not None:  # "our core languages are X, Y, Z. You know at least one of those."
                result.append(("alternative", tuple(group), "one of the team's options", ""))
            else:
                result.append(("team-stack", (), "what the team uses", ""))
            continue
        if (sec_kind not in _ASKING_KINDS and block.section is not None and _STACK_HEADING.search(block.section.title)
                and i not in groups and not _ASK.search(clause)):
            # Under "Our stack" or "What the platform looks like today", a tool the text does
            # not ask for is what the team runs: "We model everything in dbt, orchestrate with
            # Airflow".
            result.append(("team-stack", (), "what the team uses", ""))
            continue
        if i in groups:
            alts, why, option = groups[i]
            result.append(("alternative", alts, why, option))
            continue
        if leadin_alt or parent_alt:
            group = [n for n in (leadin_group or []) if n != m.tool.name]
            result.append(("alternative", tuple(group), "one of the listed options", ""))
            continue
        if (a, b) not in sentence_asks:
            sentence_asks[(a, b)] = bool(_ASK.search(clause))
        if sec_kind in _CONTEXT_KINDS and not sentence_asks[(a, b)]:
            result.append(("incidental", (), f"{sec_kind} section", ""))
            continue
        result.append(("required", (), f"{sec_kind} section", ""))
    return result

