"""Shared vocabularies (``rules/vocab/*.yaml``), compiled once per process.

The data files are plain YAML so a team can read and extend them; a config ``vocab:`` block
adds to them (more tools, more section synonyms, more first-problem cues, ...). A compiled
Vocab is cached by the content of the additions, so linting a thousand files with one config
compiles the patterns once.
"""
from __future__ import annotations

import json
import re
from functools import cached_property, lru_cache
from typing import Any, Iterable, Iterator

import regex

from . import prefilter, rxcache
from .patterns import VocabPattern
from .vocabdata import VOCAB_FILES, builtin_data, builtin_vocab_data, vocab_files  # noqa: F401 - re-exported
from .rxcache import compile as rxcompile


# The one list of keys a config ``vocab:`` block may add to: key -> (shape, required field,
# where the additions go in the vocabulary data). Config validation and merging both read it.
#   patterns  a list of regular expressions
#   kinds     a mapping of section kind to extra heading phrases
#   mappings  a list of mappings, each with the required field (a string)
VOCAB_KEYS: dict[str, tuple[str, str | None, tuple[str, str]]] = {
    "tools": ("mappings", "name", ("tools", "tools")),
    "sections": ("kinds", None, ("sections", "kinds")),
    "preferred_item_markers": ("patterns", None, ("sections", "preferred_item_markers")),
    "first_problem_cues": ("patterns", None, ("first_problem", "sentence_cues")),
    "senior_scope": ("mappings", "label", ("seniority", "senior_scope")),
    "junior_title_markers": ("patterns", None, ("seniority", "junior_title_markers")),
    "role_families": ("mappings", "id", ("roles", "families")),
    "exclusionary": ("mappings", "pattern", ("inclusive", "exclusionary")),
}
# Fields of those mappings that hold regular expressions (checked when the config loads).
VOCAB_PATTERN_FIELDS = {"senior_scope": ("patterns",), "exclusionary": ("pattern",)}

SECTION_KINDS = ("about", "role", "responsibilities", "first_problem", "requirements", "preferred",
                 "compensation", "benefits", "process", "other")


def norm_heading(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("&", " and ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


# The tool classes and matching live in toolmatch; re-exported here for existing imports.
from .toolmatch import Mention, Tool, ToolIndex, tool_from_entry  # noqa: E402


_SHARE_PREFIX = rxcompile(r"^\W*(?:about|around|roughly|approximately|approx\.?|~|c\.)\s*\d{1,2}\s*%", regex.I)
_SHARE_SUFFIX = rxcompile(r"\(\s*(?:about|around|roughly|approximately|approx\.?|~|c\.)?\s*(?:\d{1,2}\s*%|half|a\s+third|"
                          r"one\s+third|two\s+thirds|a\s+quarter|one\s+quarter)(?:\s+(?:of\s+)?(?:your|the|my)\s+"
                          r"(?:time|week|role|job|hours))?\s*\)\W*$", regex.I)
# "About" and a name of capitalised words that opens with no section word: "About Lumen Pay" (not
# "About the role", "About You", "About Pay & Benefits").
_ABOUT_A_NAME = rxcompile(r"^\W*(?:About|ABOUT)\s+(?!(?i:the|this|us|you|your|our|we|me|pay|salary|compensation|benefits|"
                          r"perks|rewards|working|life|team|role|job|position|opportunity|company|culture|"
                          r"applying|application|hiring|interviewing|requirements|responsibilities)\b)"
                          r"\p{Lu}[\p{L}\d&'\u2019.-]*(?:\s+\p{Lu}[\p{L}\d&'\u2019.-]*){0,4}\W*$")


# A public body's name in Title Case ("Office of Benefits Delivery", "Department for Work and
# Pensions", "Bureau of Labor Statistics"): the words after "Office of" name the body.
_ORG_NAME = rxcompile(
    r"\b(?:Office|Department|Dept\.?|Bureau|Division|Ministry|Agency|Directorate|Administration|"
    r"Commission|Council|Board|Institute|Centre|Center|School|College|Authority)\s+(?:of|for)\s+"
    r"(?:the\s+)?[A-Z][\w'&-]*(?:\s+(?:and\s+|&\s+|of\s+|for\s+)?[A-Z][\w'&-]*){0,5}")

# "A ~ B" in a question's cue: A, then B within six words of the same sentence.
QUESTION_GAP = r"(?:[^\w\n.;!?]+[\w'’/-]+){0,6}?[^\w\n.;!?]+"


def _kept(answers: dict, key: str, work: Any, most: int = 4096) -> Any:
    """``answers[key]``, from ``work()`` the first time: headings repeat across a run's
    postings. Past ``most`` keys the store starts again (a run over generated text stays small)."""
    known = answers.get(key)
    if known is None:
        if len(answers) >= most:
            answers.clear()
        known = answers[key] = work()
    return known


def _rx(pattern: str, flags: int = regex.I):
    return rxcache.compile(pattern, flags)


class Vocab:
    """The compiled vocabulary. Patterns are compiled on first use (``cached_property``): the
    regex module compiles in Python, and a run that never meets a junior title never needs the
    senior-scope patterns."""

    def __init__(self, data: dict[str, Any], origins: dict[str, str] | None = None):
        self.data = data
        # "key\0pattern" -> "path:line" for patterns a config's ``vocab:`` added: they run under
        # a time limit and name their entry when they exceed it (see patterns.py).
        self.origins = origins or {}
        self._filters: dict[str, prefilter.PatternFilter] = {}
        self._section_kinds: dict[str, tuple[str | None, bool]] = {}
        self._heading_answers: dict[str, tuple[str, ...]] = {}
        sec = data["sections"]
        self.section_phrases: list[tuple[str, list[str]]] = [
            (k["kind"], [("^" if str(p).startswith("^") else "") + norm_heading(str(p)) for p in k["phrases"]])
            for k in sec["kinds"]
        ]
        self._section_pattern_src: list[tuple[str, list[str]]] = [
            (k["kind"], [str(p) for p in k.get("patterns") or []]) for k in sec["kinds"] if k.get("patterns")]
        roles = data["roles"]
        self.families: list[dict] = roles["families"]
        self.title_grammar: dict = roles["title"]
        # (family, family, source, the title family the pair is read under or None: any)
        self.conflicts = [tuple(c["families"]) + (c.get("source", ""), c.get("title"))
                          for c in roles.get("conflicts", [])]
        self.adjacent = {frozenset(p) for p in roles.get("adjacent", [])}
        self.shared_work = {frozenset(p["families"]) for p in roles.get("shared_work") or []}
        self._shared_work_src: list[dict] = list(roles.get("shared_work") or [])
        # title family -> the families whose work it shares only under that title
        self.title_shared_work: dict[str, frozenset[str]] = {
            str(p["title"]): frozenset(str(f) for f in p.get("families") or [])
            for p in roles.get("title_shared_work") or [] if p.get("title")}
        self.end_to_end = {frozenset(p["families"]) for p in roles.get("end_to_end") or []}
        self.specialisms: list[dict] = list(roles.get("specialisms") or [])
        self.first_problem_ignore = set(data["first_problem"].get("ignore_sections", []))
        self.inclusive = data["inclusive"]
        self.pay = data["pay"]
        self.stages = data["stages"]
        self.tools: list[Tool] = [tool_from_entry(t) for t in data["tools"]["tools"]]

    # -- compiled on first use ---------------------------------------------------------------

    def _vp(self, key: str, pattern: str, flags: int = regex.I) -> VocabPattern:
        where = self.origins.get(f"{key}\0{pattern}")
        origin = f"vocab '{key}' entry ({where})" if where else None
        return VocabPattern(pattern, _rx(pattern, flags), origin)

    @cached_property
    def _preferred_markers(self):
        """The markers, each on its own (an added one timed, named by its entry)."""
        return [self._vp("preferred_item_markers", p) for p in self.data["sections"]["preferred_item_markers"]]

    def any_match(self, name: str, text: str) -> bool:
        """Whether some pattern of the list ``name`` (an attribute) matches ``text``; only the
        patterns whose words ``text`` holds are tried (``pattern_filter``)."""
        return any(p.search(text) for p in self.possible(name, prefilter.fold(text)))

    def possible(self, name: str, folded: str | None) -> list[Any]:
        """The entries of the list ``name`` (an attribute) whose pattern can match the text
        ``folded`` was folded from (``prefilter.fold``): only these need searching."""
        return self.pattern_filter(name).select(getattr(self, name), folded)

    def _pattern_list(self, file: str, key: str, required: bool = False) -> list[Any]:
        """The compiled patterns of one list of a vocabulary file (``required``: the key must
        be there, as the built-in data always has it)."""
        data = self.data[file]
        return [_rx(p) for p in (data[key] if required else data.get(key, []))]

    @cached_property
    def preferred_leadins(self):
        return self._pattern_list("sections", "preferred_leadins", required=True)

    @cached_property
    def apply_anyway(self):
        return self._pattern_list("sections", "apply_anyway_cues")

    @cached_property
    def trait_items(self):
        return self._pattern_list("sections", "trait_items")

    @cached_property
    def duty_items(self):
        return self._pattern_list("sections", "duty_items")

    @cached_property
    def condition_items(self):
        return self._pattern_list("sections", "condition_items")

    @cached_property
    def platform_basics(self) -> dict[str, str]:
        """Tool name -> its cloud platform, for the platform's basic services
        (``sections.yaml: platform_basics``): "EC2, S3, IAM, VPC" is how a posting says "AWS"."""
        out: dict[str, str] = {}
        for platform, names in (self.data["sections"].get("platform_basics") or {}).items():
            for n in names or []:
                out[str(n)] = str(platform)
        return out

    @cached_property
    def managed_services(self) -> dict[str, str]:
        """A cloud's managed service -> the open tool it runs (``sections.yaml:
        managed_services``): "Amazon EKS" is Kubernetes."""
        out: dict[str, str] = {}
        for tool, names in (self.data["sections"].get("managed_services") or {}).items():
            for n in names or []:
                out[str(n)] = str(tool)
        return out

    @cached_property
    def other_leadins(self):
        return self._pattern_list("sections", "non_requirement_leadins")

    @cached_property
    def junior_markers(self):
        return [self._vp("junior_title_markers", p) for p in self.data["seniority"]["junior_title_markers"]]

    @cached_property
    def classification_cues(self):
        return self._pattern_list("seniority", "classification_cues")

    @cached_property
    def junior_level_suffix(self):
        return _rx(self.data["seniority"]["junior_level_suffix"], 0)

    @cached_property
    def senior_scope(self):
        return [(g["label"], [self._vp("senior_scope", p) for p in g["patterns"]])
                for g in self.data["seniority"]["senior_scope"]]

    @cached_property
    def other_agent_cues(self):
        return self._pattern_list("seniority", "other_agent_cues", required=True)

    @cached_property
    def first_problem_cues(self):
        return [self._vp("first_problem_cues", p) for p in self.data["first_problem"]["sentence_cues"]]

    @cached_property
    def first_problem_standalone(self):
        return self._pattern_list("first_problem", "standalone_cues")

    @cached_property
    def first_problem_project_headings(self):
        return self._pattern_list("first_problem", "project_headings")

    @cached_property
    def first_problem_about(self):
        return self._pattern_list("first_problem", "about_cues")

    @cached_property
    def first_problem_purpose(self):
        return self._pattern_list("first_problem", "purpose_cues")

    @cached_property
    def first_problem_deliverables(self):
        return self._pattern_list("first_problem", "deliverable_cues")

    @cached_property
    def first_problem_onboarding(self):
        return self._pattern_list("first_problem", "onboarding_cues")

    @cached_property
    def statement_cues(self):
        """The equal-opportunity and diversity boilerplate (``inclusive.gendered.statement_cues``):
        sentences in the posting's legal voice, not about the hire or the work."""
        cues = self.inclusive["gendered"].get("statement_cues") or [r"(?!)"]
        return _rx("|".join(f"(?:{c})" for c in cues))

    @cached_property
    def gender_exempt(self):
        return [_rx(p) for p in self.inclusive["gendered"]["exempt"]]

    @cached_property
    def exclusionary(self):
        return [dict(e, rx=self._vp("exclusionary", e["pattern"])) for e in self.inclusive["exclusionary"]]

    def pattern_filter(self, name: str) -> prefilter.PatternFilter:
        """The words each pattern of the list ``name`` (an attribute: ``first_problem_cues``,
        ``exclusionary`` ...) needs, found in one pass over a text: a pattern is searched only
        where they are (prefilter.py). All patterns compile with ``regex.I``."""
        f = self._filters.get(name)
        if f is None:
            items = getattr(self, name)
            sources = [i["pattern"] if isinstance(i, dict) else i.pattern for i in items]
            f = self._filters[name] = prefilter.PatternFilter(sources, regex.I, name)
        return f

    @cached_property
    def questions(self) -> list[dict[str, Any]]:
        """The questions with their compiled cues: ``headings`` (a section heading that
        answers), ``any_answer`` (a sentence about the job or team that answers: the
        ``answers`` and ``team_answers`` cues, searched as their alternation would be, a
        ``prefilter.CueList``) and ``any_team_answer`` (the ``team_answers`` cues, which answer
        even in a sentence about the candidate's past)."""
        data = self.data["questions"]
        classes = data.get("classes", {})

        texts: dict[str, str] = {}

        def text(cue: str) -> str:
            if cue not in texts:
                pattern = cue
                for _ in range(3):  # a class may name another ("work" holds "system")
                    before = pattern
                    for name, rx in classes.items():
                        pattern = pattern.replace("{" + name + "}", rx)
                    if pattern == before:
                        break
                texts[cue] = QUESTION_GAP.join(pattern.split(" ~ "))
            return texts[cue]

        # Each cue is searched on its own, and only in a clause that holds the words it needs
        # (prefilter.py): the answer is the one the cues' alternation gives, which a 2-4 KB
        # alternation found by trying every cue at every character.
        qs = data["questions"]
        sources = [text(c) for q in qs for c in [*q.get("answers", []), *q.get("team_answers", [])]]
        literals = dict(zip(sources, prefilter.literal_sets(sources, regex.I, "questions")))
        compiled: dict[str, Any] = {}  # a team cue is in both lists: compiled once

        def rx(pattern: str, flags: int) -> Any:
            if pattern not in compiled:
                compiled[pattern] = _rx(pattern, flags)
            return compiled[pattern]

        def one(patterns: list[str]) -> prefilter.CueList | None:
            return prefilter.CueList([text(c) for c in patterns], regex.I, rx, self.question_scanner,
                                     literals.__getitem__) if patterns else None

        out = []
        for q in qs:
            answers, team = list(q.get("answers", [])), list(q.get("team_answers", []))
            out.append(dict(q, headings=[_rx(text(c)) for c in q.get("headings", [])],
                            heading_unless=[_rx(text(c)) for c in q.get("heading_unless", [])],
                            any_answer=one(answers + team), any_team_answer=one(team)))
        return out

    def heading_answers(self, heading: str) -> tuple[str, ...]:
        """The ids of the questions a section heading answers ("How we measure success"):
        headings repeat from posting to posting, so each is searched once."""
        return _kept(self._heading_answers, heading, lambda: tuple(
            q["id"] for q in self.questions if any(rx.search(heading) for rx in q["headings"])))

    @staticmethod
    def _cue_lists(q: dict[str, Any]) -> list[prefilter.CueList]:
        return [c for c in (q["any_answer"], q["any_team_answer"]) if c is not None]

    def _alternations(self, q: dict[str, Any]) -> list[Any]:
        return [c.alternation for c in self._cue_lists(q)]

    @cached_property
    def question_scanner(self) -> prefilter.LiteralScanner:
        """The words the questions' cues need, found in one pass over a block."""
        return prefilter.LiteralScanner()

    @cached_property
    def question_filters(self):
        """(candidate_openers, hiring_context): sentences whose duties answer no question."""
        data = self.data["questions"]
        return _rx(data["candidate_openers"]), _rx(data["hiring_context"])

    def patterns(self) -> Iterator[tuple[str, Any]]:
        """Every compiled pattern of the vocabulary, named by where it comes from (for the data
        tests, which check that none backtracks on adversarial text)."""
        def raw(p: Any) -> Any:
            return p.rx if isinstance(p, VocabPattern) else p

        groups: list[tuple[str, list[Any]]] = [
            ("sections.preferred_item_markers", [raw(p) for p in self._preferred_markers]),
            ("sections.kinds.patterns", [rx for _kind, pats in self.section_patterns for rx in pats]),
            ("sections.preferred_leadins", list(self.preferred_leadins)),
            ("sections.apply_anyway_cues", list(self.apply_anyway)),
            ("sections.non_requirement_leadins", list(self.other_leadins)),
            ("sections.trait_items", list(self.trait_items)),
            ("sections.duty_items", list(self.duty_items)),
            ("sections.condition_items", list(self.condition_items)),
            ("seniority.junior_title_markers", [raw(p) for p in self.junior_markers]),
            ("seniority.junior_level_suffix", [self.junior_level_suffix]),
            ("seniority.classification_cues", list(self.classification_cues)),
            ("seniority.senior_scope", [raw(p) for _, ps in self.senior_scope for p in ps]),
            ("seniority.other_agent_cues", list(self.other_agent_cues)),
            ("first_problem.sentence_cues", [raw(p) for p in self.first_problem_cues]),
            ("first_problem.standalone_cues", list(self.first_problem_standalone)),
            ("first_problem.about_cues", list(self.first_problem_about)),
            ("first_problem.purpose_cues", list(self.first_problem_purpose)),
            ("first_problem.project_headings", list(self.first_problem_project_headings)),
            ("first_problem.deliverable_cues", list(self.first_problem_deliverables)),
            ("first_problem.onboarding_cues", list(self.first_problem_onboarding)),
            ("inclusive.gendered.exempt", list(self.gender_exempt)),
            ("inclusive.exclusionary", [raw(e["rx"]) for e in self.exclusionary]),
            ("questions", [rx for q in self.questions
                           for rx in [*q["headings"], *q["heading_unless"], *self._alternations(q)]]
                           + list(self.question_filters)
                           + list({id(rx): rx for q in self.questions for cues in self._cue_lists(q)
                                   for rx in cues.cues()}.values())),
        ]
        for name, pats in groups:
            for p in pats:
                yield name, p

    # -- sections ----------------------------------------------------------------------------

    def section_kind(self, heading: str) -> tuple[str | None, bool]:
        """(kind, explicit) for a heading; (None, False) when no phrase matches. Headings
        repeat from posting to posting ("Requirements", "About us"): each is read once."""
        return _kept(self._section_kinds, heading, lambda: self._section_kind(heading))

    def _section_kind(self, heading: str) -> tuple[str | None, bool]:
        # An organisation's name says nothing of the section: "Research Data Specialist II -
        # California Office of Benefits Delivery" is not a benefits section.
        heading = _ORG_NAME.sub(" ", heading)
        # A share of the hire's time is not "about us": "About 55% - Reporting and analysis"
        # is a part of the job, read by the words after the share, and a part of the job
        # whatever those words are ("~50% - Owning our machine learning platform").
        shared, heading = bool(_SHARE_PREFIX.search(heading)), _SHARE_PREFIX.sub(" ", heading)
        # ... and so is a part that ends with its share: "Part two: Building the merchant
        # assistant (roughly half your time)".
        if _SHARE_SUFFIX.search(heading):
            shared, heading = True, _SHARE_SUFFIX.sub(" ", heading)
        # "About Lumen Pay", "About Harbor Benefits": a company's name after "About" is the
        # company, whatever words its name holds.
        if _ABOUT_A_NAME.match(heading):
            return "about", True
        h = f" {norm_heading(heading)} "
        if not h.strip():
            return ("responsibilities", True) if shared else (None, False)
        for kind, phrases in self.section_phrases:
            for p in phrases:
                if (h.startswith(f" {p[1:]} ") if p.startswith("^") else f" {p} " in h):
                    return kind, True
        for kind, patterns in self.section_patterns:
            if any(rx.search(h.strip()) for rx in patterns):
                return kind, True
        return ("responsibilities", True) if shared else (None, False)

    @cached_property
    def section_patterns(self) -> list[tuple[str, list[Any]]]:
        return [(kind, [_rx(p, 0) for p in pats]) for kind, pats in self._section_pattern_src]

    def item_is_preferred(self, text: str) -> bool:
        return self.any_match("_preferred_markers", text)

    def is_preferred_leadin(self, text: str) -> bool:
        return self.any_match("preferred_leadins", text)

    def is_other_leadin(self, text: str) -> bool:
        """A list introduced by this text is not a list of requirements ("For each job, provide:")."""
        return self.any_match("other_leadins", text)

    # -- tools -------------------------------------------------------------------------------

    @cached_property
    def _tool_index(self) -> ToolIndex:
        return ToolIndex(self.tools)

    def tool_by_name(self, name: str) -> Tool | None:
        """The catalog tool that ``name`` (canonical or any alias, any case) refers to."""
        return self._tool_index.tool_by_name(name)

    def unknown_tool_hint(self, name: str) -> str:
        """``"; did you mean 'Python'?"`` for a name the catalog does not know, or ``""``."""
        from .names import did_you_mean

        by_name = self._tool_index.by_name
        hint = did_you_mean(name.strip().lower(), by_name)
        if not hint:
            return ""
        close = hint[len("; did you mean '"):-len("'?")]
        return f"; did you mean {by_name[close].name!r}?" if close in by_name else hint

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
            mentions, companies = self._tool_index.scan(text)
            hit = (tuple(mentions), frozenset(companies))
            if cache is not None:
                cache[key] = hit
        return hit

    # -- titles ------------------------------------------------------------------------------

    def classify(self, text: str) -> tuple[str | None, list[str]]:
        """(family id, deciding words) for one responsibility; (None, []) when it is generic
        or too close to call. Delegates to the learned work-family model (``workfamily``)."""
        from .workfamily import classify_for_vocab

        return classify_for_vocab(self, text)

    def classify_items(self, texts: list[str], title_family: str | None = None,
                       groups: list[Any] | None = None) -> list[Any]:
        """A ``workfamily.Verdict`` (family or None, deciding words, by_context, score) for each
        work item of one posting, each read in the context of the title's family, of the items
        in the same section (``groups``: one key per item) and of the others
        (``workfamily.classify_many``)."""
        from .workfamily import classify_items_for_vocab

        return classify_items_for_vocab(self, texts, title_family, groups)

    def family_label(self, fam_id: str) -> str:
        for fam in [*self.families, *self.specialisms]:
            if fam["id"] == fam_id:
                return fam.get("label", fam_id)
        return fam_id

    @cached_property
    def _shared_except(self) -> dict[frozenset, Any]:
        """Work of a shared pair that is not the shared day (``except``: a network engineer's
        vendor-risk reviews and policy drafting are not running the network)."""
        return {frozenset(p["families"]): _rx(str(p["except"]), 0) for p in self._shared_work_src if p.get("except")}

    @cached_property
    def _specialism_cues(self) -> list[tuple[str, str, Any, Any]]:
        # ``of`` names the family (or families) whose items the cues may claim; a specialism
        # of several families ("it-support": laptops and mailboxes read as security, DevOps or
        # software work) belongs to its ``parent``.
        # ``except_for`` adds, for items read as one of those families, words that keep them
        # there: a laptop a security item scans is what it secures, not IT support.
        out = []
        for sp in self.specialisms:
            if not sp.get("cues"):
                continue
            extra_for = sp.get("except_for")
            extra: dict = extra_for if isinstance(extra_for, dict) else {}
            cues = _rx(str(sp["cues"]), 0)  # one pattern for all the families it may claim
            common = _rx(str(sp["except"]), 0) if sp.get("except") else None
            for of in _as_list(sp["of"]):
                unless = common
                if extra.get(of):
                    unless = _rx("|".join(f"(?:{x})" for x in (sp.get("except"), extra[of]) if x), 0)
                out.append((str(of), str(sp["id"]), cues, unless))
        return out

    @cached_property
    def _specialism_of(self) -> dict[str, str]:
        """Specialism id -> the family it belongs to."""
        return {str(sp["id"]): str(sp.get("parent") or _as_list(sp["of"])[0]) for sp in self.specialisms}

    @cached_property
    def cross_specialisms(self) -> frozenset[str]:
        """Specialisms whose cues claim items of several families: work of its own kind,
        whichever family the words alone would give it."""
        return frozenset(str(sp["id"]) for sp in self.specialisms if len(_as_list(sp["of"])) > 1)

    def close(self, a: str, b: str) -> bool:
        """Whether two families (a specialism counting as its family) are the same family or
        adjacent in the taxonomy."""
        parent = self._specialism_of
        return self.same_family(a, b) or frozenset((parent.get(a, a), parent.get(b, b))) in self.adjacent

    def same_family(self, a: str, b: str) -> bool:
        """Whether two families are one, a specialism counting as its family (the iOS app and
        the API behind it are both software engineering)."""
        parent = self._specialism_of
        return parent.get(a, a) == parent.get(b, b)

    def shares_work(self, a: str, b: str) -> bool:
        """Whether two families of different groups share their day-to-day work (``shared_work``
        in roles.yaml: DevOps and MLOps running one GPU cluster)."""
        return frozenset((a, b)) in self.shared_work

    def shares_item(self, a: str, b: str, text: str) -> bool:
        """Whether a work item of family ``b`` is work a ``a`` hire shares day to day: the pair
        shares work and the item is not of the kind the pair's ``except`` names."""
        pair = frozenset((a, b))
        if pair not in self.shared_work:
            return False
        unless = self._shared_except.get(pair)
        return not (unless is not None and unless.search(text))

    def title_shares(self, title_family: str | None, family: str) -> bool:
        """Whether a title of ``title_family`` does ``family``'s work as its own
        (``title_shared_work``: a Security Engineer's software duties)."""
        return bool(title_family) and family in self.title_shared_work.get(str(title_family), frozenset())

    def covers(self, title_family: str, family: str) -> bool:
        """Whether a title of ``title_family`` covers work of ``family``: the same family, a
        family adjacent to it, or a specialism of it (a specialism is not adjacent to its
        family's neighbours: a DevOps title does not cover the iOS app)."""
        parent = self._specialism_of
        if family in parent:
            return parent[family] == title_family or family == title_family
        return family == title_family or frozenset((title_family, family)) in self.adjacent

    def specialism(self, family: str, text: str) -> str:
        """The specialism of ``family`` an item's words name ("client-software" for a software
        item about the iOS app), else the family itself."""
        for of, sid, rx, unless in self._specialism_cues:
            if of == family and rx.search(text) and not (unless is not None and unless.search(text)):
                return sid
        return family


def _as_list(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]


def merge_additions(base: dict[str, Any], add: dict[str, Any]) -> dict[str, Any]:
    """A deep-enough copy of ``base`` with a config's ``vocab:`` additions applied."""
    data = json.loads(json.dumps(base))
    for key, value in add.items():
        shape, _need, (file, field) = VOCAB_KEYS[key]
        if shape == "kinds":
            for kind, phrases in value.items():
                for k in data[file][field]:
                    if k["kind"] == kind:
                        k["phrases"] = list(phrases) + k["phrases"]
                        break
                else:
                    data[file][field].insert(0, {"kind": kind, "phrases": list(phrases)})
        else:
            data[file][field].extend(value)
    return data


@lru_cache(maxsize=32)
def _compiled(additions_json: str, origins_json: str) -> Vocab:
    add = json.loads(additions_json)
    data = merge_additions(builtin_data(), add) if add else builtin_data()
    return Vocab(data, json.loads(origins_json))


def load_vocab(additions: dict[str, Any] | None = None, origins: dict[str, str] | None = None) -> Vocab:
    """The compiled vocabulary, with a config's additions (cached by their content).
    ``origins`` maps ``"key\0pattern"`` to the ``path:line`` that added the pattern."""
    return _compiled(json.dumps(additions or {}, sort_keys=True, default=str),
                     json.dumps(origins or {}, sort_keys=True))


def stage_names() -> tuple[str, ...]:
    """The company stages the stage rule knows (read once per process)."""
    return tuple(builtin_data()["stages"]["stages"])


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
