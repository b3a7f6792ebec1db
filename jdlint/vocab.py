"""Shared vocabularies (``rules/vocab/*.yaml``), compiled once per process.

The data files are plain YAML so a team can read and extend them; a config ``vocab:`` block
adds to them (more tools, more section synonyms, more first-problem cues, ...). A compiled
Vocab is cached by the content of the additions, so linting a thousand files with one config
compiles the patterns once.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Iterable

import regex

from . import yamlio
from .resources import rules_dir

VOCAB_FILES = ("sections", "roles", "seniority", "first_problem", "tools", "inclusive", "pay", "questions", "stages")

# Keys a config ``vocab:`` block may add to.
ADDITION_KEYS = {
    "tools": "list of tool entries: {name, aliases, exact, context, category, first_release}",
    "sections": "mapping of section kind to extra heading phrases",
    "preferred_item_markers": "list of regular expressions",
    "first_problem_cues": "list of regular expressions",
    "senior_scope": "list of {label, patterns}",
    "junior_title_markers": "list of regular expressions",
    "role_families": "list of {id, label, titles, keywords}",
    "exclusionary": "list of {pattern, category, replacement, fix}",
}

SECTION_KINDS = ("about", "role", "responsibilities", "first_problem", "requirements", "preferred",
                 "compensation", "benefits", "process", "other")


def norm_heading(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("&", " and ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


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

    @property
    def is_stack_tool(self) -> bool:
        return self.category not in ("technique", "model")

    def all_names(self) -> list[str]:
        return [self.name] + self.names_any + self.names_exact + self.names_context


@dataclass(frozen=True)
class Mention:
    tool: Tool
    start: int
    end: int
    surface: str
    needs_context: bool


_SEP_GAP = re.compile(r"^[\s,;/|&+()*]*(?:\b(?:and|or|and/or|as well as|plus|e\.g\.|i\.e\.|including|like|such as)\b)?[\s,;/|&+()*:]*$", re.I)
_CUE_BEFORE = re.compile(
    # "using Spark", "leverage Ray"
    r"(?:\b(?:using|use|uses|leverag\w*)\s+"
    # "experience with Ray", "services in Go", "written in R", "analysis in R": a preposition
    # is required, so "building R" or "meet Julia" are not tech context.
    r"|\b(?:experience|experienced|proficien\w*|expert\w*|fluen\w*|knowledge|familiar\w*|background|"
    r"skill\w*|comfort\w*|hands-on|written|writing|write|built|build|building|develop\w*|cod(?:e|ing)|"
    r"program\w*|services?|applications?|apps|tools?|stack|analys[ie]s|analysis|models|scripts|pipelines|"
    r"jobs|deploy\w*|run(?:ning)?|work(?:ing)?|solutions|systems|stores?|platforms?|databases?|warehouses?|"
    r"frameworks?|librar(?:y|ies)|clusters?|engines?)\s+(?:with|in|of|using|on)\s+)"
    r"(?:apache\s+)?$",
    re.I,
)
_CUE_AFTER = re.compile(
    r"^\s*(?:clusters?|jobs?|pipelines?|code(?:base)?|programming|language|services?|SDKs?|APIs?|"
    r"librar(?:y|ies)|frameworks?|ecosystem|modules?|scripts?|DAGs?|charts?|tables?|packages?|"
    r"notebooks?|applications?|developers?|engineers?|experience|skills?|Shiny|Markdown|Studio|"
    r"Serve|Tune|workloads?|operators?|streaming|SQL|queries)\b",
)
# A tool name used as the name of a company ("join Airbyte", "at GitLab", "Airbyte's team",
# "the GitLab tradition") is not a tool the hire must use.
_COMPANY_BEFORE = re.compile(
    r"\b(?:at|join|joining|joins|about|welcome to|work(?:ing)? (?:at|for)|employees of|across|throughout|"
    r"(?:all |many )?(?:areas|parts|corners|teams) of|help(?:s|ing)?|mak(?:e|es|ing))\s+$", re.I)
_COMPANY_AFTER = re.compile(r"^(?:['\u2019]s\b|\s+(?:tradition|way|values|team members|community|handbook|culture|family|employees|mission|team)\b)")
_PERSON_AFTER = re.compile(
    r"^(?:\s*,\s*(?:our|the|your|a|an|who|my|his|her|their)\b|\s+(?:will|is|was|has|had|from|who|and\s+(?:I|me)|says|said)\b|['\u2019]s\b)"
)


def _rx(pattern: str, flags: int = regex.I):
    return regex.compile(pattern, flags)


class Vocab:
    """The compiled vocabulary. Patterns are compiled on first use (``cached_property``): the
    regex module compiles in Python, and a run that never meets a junior title never needs the
    senior-scope patterns."""

    def __init__(self, data: dict[str, Any]):
        self.data = data
        sec = data["sections"]
        self.section_phrases: list[tuple[str, list[str]]] = [
            (k["kind"], [norm_heading(p) for p in k["phrases"]]) for k in sec["kinds"]
        ]
        roles = data["roles"]
        self.families: list[dict] = roles["families"]
        self.title_grammar: dict = roles["title"]
        self.conflicts = [tuple(c["families"]) + (c.get("source", ""),) for c in roles.get("conflicts", [])]
        self.adjacent = {frozenset(p) for p in roles.get("adjacent", [])}
        self.first_problem_ignore = set(data["first_problem"].get("ignore_sections", []))
        self.inclusive = data["inclusive"]
        self.pay = data["pay"]
        self.stages = data["stages"]
        self.tools: list[Tool] = []
        for t in data["tools"]["tools"]:
            self.tools.append(Tool(
                name=str(t["name"]), category=str(t.get("category", "")),
                first_release=None if t.get("first_release") is None else str(t["first_release"]),
                confidence=t.get("confidence"), source=str(t.get("source", "")),
                names_any=[str(a) for a in t.get("aliases", [])],
                names_exact=[str(a) for a in t.get("exact", [])],
                names_context=[str(a) for a in t.get("context", [])],
            ))

    # -- compiled on first use ---------------------------------------------------------------

    @cached_property
    def _preferred_any(self):
        return _rx("|".join(f"(?:{p})" for p in self.data["sections"]["preferred_item_markers"]))

    @cached_property
    def preferred_leadins(self):
        return [_rx(p) for p in self.data["sections"]["preferred_leadins"]]

    @cached_property
    def apply_anyway(self):
        return [_rx(p) for p in self.data["sections"].get("apply_anyway_cues", [])]

    @cached_property
    def other_leadins(self):
        return [_rx(p) for p in self.data["sections"].get("non_requirement_leadins", [])]

    @cached_property
    def junior_markers(self):
        return [_rx(p) for p in self.data["seniority"]["junior_title_markers"]]

    @cached_property
    def junior_level_suffix(self):
        return _rx(self.data["seniority"]["junior_level_suffix"], 0)

    @cached_property
    def senior_scope(self):
        return [(g["label"], [_rx(p) for p in g["patterns"]]) for g in self.data["seniority"]["senior_scope"]]

    @cached_property
    def other_agent_cues(self):
        return [_rx(p) for p in self.data["seniority"]["other_agent_cues"]]

    @cached_property
    def years(self):
        return _rx(self.data["seniority"]["years_pattern"])

    @cached_property
    def first_problem_cues(self):
        return [_rx(p) for p in self.data["first_problem"]["sentence_cues"]]

    @cached_property
    def first_problem_standalone(self):
        return [_rx(p) for p in self.data["first_problem"].get("standalone_cues", [])]

    @cached_property
    def first_problem_subject(self):
        return _rx(self.data["first_problem"].get("subject_pattern", r"(?!)"))

    @cached_property
    def _keyword_index(self):
        """Every responsibility keyword in one trie pattern, and the families of each keyword.
        Item text and keywords are compared lower-cased with hyphens as spaces."""
        from .textindex import trie_pattern

        families: dict[str, list[str]] = {}
        for fam in self.families:
            for kw in fam.get("keywords", []):
                key = _norm_words(kw)
                if fam["id"] not in families.setdefault(key, []):
                    families[key].append(fam["id"])
        rx = re.compile(r"(?<!\w)(" + trie_pattern(sorted(families)) + r")(\w*)")
        return rx, families

    @cached_property
    def gender_exempt(self):
        return [_rx(p) for p in self.inclusive["gendered"]["exempt"]]

    @cached_property
    def exclusionary(self):
        return [dict(e, rx=_rx(e["pattern"])) for e in self.inclusive["exclusionary"]]

    @cached_property
    def questions(self):
        return [dict(q, rx=[_rx(c) for c in q["cues"]]) for q in self.data["questions"]["questions"]]

    # -- sections ----------------------------------------------------------------------------

    def section_kind(self, heading: str) -> tuple[str | None, bool]:
        """(kind, explicit) for a heading; (None, False) when no phrase matches."""
        h = f" {norm_heading(heading)} "
        if not h.strip():
            return None, False
        for kind, phrases in self.section_phrases:
            for p in phrases:
                if f" {p} " in h:
                    return kind, True
        return None, False

    def item_is_preferred(self, text: str) -> bool:
        return bool(self._preferred_any.search(text))

    def is_preferred_leadin(self, text: str) -> bool:
        return any(p.search(text) for p in self.preferred_leadins)

    def is_other_leadin(self, text: str) -> bool:
        """A list introduced by this text is not a list of requirements ("For each job, provide:")."""
        return any(p.search(text) for p in self.other_leadins)

    # -- tools -------------------------------------------------------------------------------

    @cached_property
    def _tool_patterns(self):
        self._compile_tools()
        return self._re_any, self._re_case

    def _compile_tools(self) -> None:
        self._by_name = {}
        insensitive: dict[str, Tool] = {}
        sensitive: dict[str, tuple[Tool, bool]] = {}
        for tool in self.tools:
            governed = set(tool.names_exact) | set(tool.names_context)
            names_any = list(tool.names_any)
            if tool.name not in governed:
                names_any.insert(0, tool.name)
            for n in names_any:
                insensitive.setdefault(n.lower(), tool)
            for n in tool.names_exact:
                sensitive.setdefault(n, (tool, False))
            for n in tool.names_context:
                sensitive.setdefault(n, (tool, True))
            for n in tool.all_names():
                self._by_name.setdefault(n.lower(), tool)
        self._insensitive = insensitive
        self._sensitive = sensitive
        self._re_any = _alternation(insensitive, regex.I)
        self._re_case = _alternation(sensitive, 0)

    def tool_by_name(self, name: str) -> Tool | None:
        """The catalog tool that ``name`` (canonical or any alias, any case) refers to."""
        self._tool_patterns  # noqa: B018 - builds the name index on first use
        return self._by_name.get(name.strip().lower())

    def find_tools(self, text: str, cache: dict | None = None) -> tuple[Mention, ...]:
        """Tool mentions in ``text`` that count: ambiguous names only in tech context.

        Several rules ask about the same text (a block, a line, an item); pass the posting's
        ``doc.cache`` to share the answers for as long as the posting lives (mentions are
        immutable)."""
        return self._scan(text, cache)[0]

    def company_names(self, text: str, cache: dict | None = None) -> frozenset[str]:
        """Tools that ``text`` names as a company ("join GitLab", "Airbyte's team")."""
        return self._scan(text, cache)[1]

    def _scan(self, text: str, cache: dict | None) -> tuple[tuple[Mention, ...], frozenset[str]]:
        """(tool mentions that count, tools named as a company), from one pass over ``text``."""
        key = ("tools", text)
        hit = cache.get(key) if cache is not None else None
        if hit is None:
            mentions, companies = self._find_tools(text)
            hit = (tuple(mentions), frozenset(companies))
            if cache is not None:
                cache[key] = hit
        return hit

    def _find_tools(self, text: str) -> tuple[list[Mention], set[str]]:
        found: list[Mention] = []
        taken: list[tuple[int, int]] = []
        self._tool_patterns  # noqa: B018 - compiles the name patterns on first use
        if self._re_any is not None:
            for m in self._re_any.finditer(text):
                tool = self._insensitive[m.group(0).lower()]
                found.append(Mention(tool, m.start(), m.end(), m.group(0), False))
                taken.append((m.start(), m.end()))
        if self._re_case is not None:
            for m in self._re_case.finditer(text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                tool, ctx = self._sensitive[m.group(0)]
                found.append(Mention(tool, m.start(), m.end(), m.group(0), ctx))
        as_company = [self._names_company(text, f) for f in found]
        companies = {f.tool.name for f, c in zip(found, as_company) if c}
        found = [f for f, c in zip(found, as_company) if not c]
        found.sort(key=lambda x: x.start)
        if not any(f.needs_context for f in found):
            return found, companies
        confirmed = [not f.needs_context for f in found]
        rejected: set[int] = set()  # followed by ", our CTO" and the like: a person
        for i, f in enumerate(found):
            if f.needs_context:
                after = text[f.end:f.end + 40]
                if _PERSON_AFTER.match(after):
                    rejected.add(i)
                    continue
                before = text[max(0, f.start - 60):f.start]
                if _CUE_BEFORE.search(before) or _CUE_AFTER.match(after):
                    confirmed[i] = True
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
                        if b - a <= 24 and _SEP_GAP.match(text[a:b]):
                            confirmed[i] = changed = True
                            break
        return [f for i, f in enumerate(found) if confirmed[i]], companies

    @staticmethod
    def _names_company(text: str, m: Mention) -> bool:
        return bool(_COMPANY_BEFORE.search(text[max(0, m.start - 20):m.start])
                    or _COMPANY_AFTER.match(text[m.end:m.end + 20]))

    # -- titles ------------------------------------------------------------------------------

    def classify(self, text: str) -> tuple[str | None, list[str]]:
        """(family id, deciding words) for one responsibility; (None, []) when it is generic
        or too close to call. Delegates to the learned work-family model (``workfamily``)."""
        from .workfamily import classify_for_vocab

        return classify_for_vocab(self, text)

    def family_label(self, fam_id: str) -> str:
        for fam in self.families:
            if fam["id"] == fam_id:
                return fam.get("label", fam_id)
        return fam_id

    def family_of_title(self, role: str) -> dict | None:
        r = f" {role} "
        best = None
        for fam in self.families:
            for t in fam.get("titles", []):
                if f" {t} " in r and (best is None or len(t) > len(best[1])):
                    best = (fam, t)
        return best[0] if best else None

    def is_junior_title(self, title: str) -> str | None:
        for p in self.junior_markers:
            m = p.search(title)
            if m:
                return m.group(0)
        m = self.junior_level_suffix.search(title)
        return m.group(0) if m else None


def _norm_words(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").split())


def _alternation(names: dict, flags: int):
    """One pattern for many tool names, as tries (see textindex): short names (R, Go, JS) need
    stricter boundaries than long ones ("R&D" is not R)."""
    if not names:
        return None
    from .textindex import trie_pattern

    ignore_case = bool(flags & regex.I)
    fold = (lambda n: n.lower()) if ignore_case else (lambda n: n)
    short = sorted({fold(n) for n in names if len(n) <= 2})
    long = sorted({fold(n) for n in names if len(n) > 2})
    parts = []
    if long:
        parts.append(rf"(?<![\w@#])(?:{trie_pattern(long)})(?![\w#+@])(?!\.\w)")
    if short:
        parts.append(rf"(?<![\w&'\u2019.@#/-])(?:{trie_pattern(short)})(?![\w&'\u2019@#+-])(?!\.\w)")
    return re.compile("|".join(parts), re.I if ignore_case else 0)


def _read_builtin() -> dict[str, Any]:
    base = rules_dir() / "vocab"
    return {name: yamlio.load_fast((base / f"{name}.yaml").read_text(encoding="utf-8")) for name in VOCAB_FILES}


@lru_cache(maxsize=1)
def _builtin() -> dict[str, Any]:
    from .cache import cached

    return cached("vocab", vocab_files(), _read_builtin)


def merge_additions(base: dict[str, Any], add: dict[str, Any]) -> dict[str, Any]:
    """A deep-enough copy of ``base`` with a config's ``vocab:`` additions applied."""
    data = json.loads(json.dumps(base))
    for key, value in add.items():
        if key == "tools":
            data["tools"]["tools"].extend(value)
        elif key == "sections":
            for kind, phrases in value.items():
                for k in data["sections"]["kinds"]:
                    if k["kind"] == kind:
                        k["phrases"] = list(phrases) + k["phrases"]
                        break
                else:
                    data["sections"]["kinds"].insert(0, {"kind": kind, "phrases": list(phrases)})
        elif key == "preferred_item_markers":
            data["sections"]["preferred_item_markers"].extend(value)
        elif key == "first_problem_cues":
            data["first_problem"]["sentence_cues"].extend(value)
        elif key == "senior_scope":
            data["seniority"]["senior_scope"].extend(value)
        elif key == "junior_title_markers":
            data["seniority"]["junior_title_markers"].extend(value)
        elif key == "role_families":
            data["roles"]["families"].extend(value)
        elif key == "exclusionary":
            data["inclusive"]["exclusionary"].extend(value)
    return data


@lru_cache(maxsize=32)
def _compiled(additions_json: str) -> Vocab:
    add = json.loads(additions_json)
    data = merge_additions(_builtin(), add) if add else _builtin()
    return Vocab(data)


def load_vocab(additions: dict[str, Any] | None = None) -> Vocab:
    """The compiled vocabulary, with a config's additions (cached by their content)."""
    return _compiled(json.dumps(additions or {}, sort_keys=True, default=str))


def iter_vocab_strings(data: Any, path: str = "") -> Iterable[tuple[str, Any]]:
    """Every leaf of a vocab structure with a dotted path (for the data tests)."""
    if isinstance(data, dict):
        for k, v in data.items():
            yield from iter_vocab_strings(v, f"{path}.{k}" if path else str(k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from iter_vocab_strings(v, f"{path}[{i}]")
    else:
        yield path, data


def builtin_vocab_data() -> dict[str, Any]:
    return _read_builtin()


def vocab_files() -> list[Path]:
    return [rules_dir() / "vocab" / f"{n}.yaml" for n in VOCAB_FILES]
