"""Requirement lists: their items, the required/preferred split, and the tools each item names.

A requirements block is an outermost requirements section with its requirements sub-sections
(a job-family page has one per level). Its counted items leave out lists introduced by a line
that is not about requirements ("For each job on your resume, provide:"); required items are
the top-level counted items not marked preferred, leaving out items that only point at another
list ("Extends the Manager requirements"); a top-level item that only names a group
("Experience", "Technical Skills:") stands for the items under it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from ..rxcache import re_compile

# An item that only points at another list ("Extends the Manager, Data requirements", "All of
# the Senior requirements, plus:") adds no requirement of its own.
_POINTER = re_compile(r"^\W*(?:extends|includes|builds\s+on|all\s+(?:of\s+)?the|same\s+as|everything\s+in)\b"
                      r"[^.]{0,80}?\b(?:requirements|responsibilities|qualifications|expectations)\b[^.]{0,20}$", re.I)

_LINK = re_compile(r"\[([^\]]*)\]\([^)]*\)")
# Items joined by "or" into one requirement, as public-sector postings list their routes in:
# "Degree in computer science and 5 years of related experience; OR" / "Diploma and 7 years;
# OR" / "An equivalent combination of education and experience".
_OR_END = re_compile(r"(?:[;,]\s*|\s)(?:OR|or|Or)\s*[:.]?\s*$")
_OR_START = re_compile(r"^\W*(?-i:OR)\b")
# A skill named as welcome, not required: "..., but this is not essential", "would be a bonus".
_WELCOME_NOT_REQUIRED = re_compile(r"\b(?:(?:is|are)\s+not\s+(?:essential|required|a\s+requirement)|not\s+essential\b|"
                                   r"would\s+be\s+(?:great|nice|helpful|a\s+(?:bonus|plus)|an\s+(?:advantage|asset))|"
                                   r"(?:is|are)\s+a\s+(?:bonus|plus)|nice\s+to\s+have)", re.I)
_BOLD_LABEL = re_compile(r"^\s*(?:\*\*|__)(?P<label>[^*_\n]{1,40})(?:\*\*|__)\s*:?", re.I)
_OPEN_BRACKET = re_compile(r"[ \t]*(?:(?:suite|services|products|apps|applications|family|tools|stack|ecosystem)[ \t]*)?\(", re.I)
# A group label in a requirements list: a few words, no verb of a requirement and no number
# ("Education", "Technical Skills:", "**Experience**", "Other").
_GROUP_LABEL = re_compile(r"^\W*(?:[A-Za-z&/-]+\s*){1,4}:?\W*$")
# What makes a trait item a real requirement after all: a number of years, a degree or a
# certification ("passionate about data, with 3+ years of SQL").
_HARD = re_compile(r"\b\d+\+?\s*(?:-\s*\d+\s*)?(?:years?|yrs)\b|\b(?:degree|bachelor|master|phd|doctorate|certif\w*|licen[cs]e\w*)\b", re.I)

# What makes an imperative item a requirement after all: it asks for experience, knowledge or
# an ability ("Build pipelines, with experience of Airflow").
_SKILL = re_compile(r"\b(?:experience[ds]?|expertise|knowledge|proficien\w*|familiar\w*|fluen\w*|abilit(?:y|ies)|able to|skills?|understanding)\b", re.I)


@dataclass(frozen=True)
class RequirementBlock:
    section: Any  # the outermost requirements Section
    items: tuple[Any, ...]  # every item under it
    counted: tuple[Any, ...]  # items of lists that are requirements
    required: tuple[Any, ...]  # top-level counted items not marked preferred


class Requirements:
    def __init__(self, doc: Any, vocab: Any, tools: Any):
        self.doc, self.vocab, self.tools = doc, vocab, tools

    @cached_property
    def blocks(self) -> list[RequirementBlock]:
        doc = self.doc
        owner: dict[int, Any] = {}  # id(section) -> its outermost requirements section
        tops = []
        for sec in doc.sections:
            if sec.kind != "requirements":
                continue
            parent = sec.parent
            top = owner.get(id(parent)) if parent is not None else None
            if top is None:
                if any(a.kind == "requirements" for a in sec.ancestors()):
                    continue  # under a requirements section through another kind: not counted
                top = sec
                tops.append(sec)
            owner[id(sec)] = top
        by_top: dict[int, list[Any]] = {id(t): [] for t in tops}
        for it in doc.items:
            top = owner.get(id(it.section))
            if top is not None:
                by_top[id(top)].append(it)
        out = []
        for top in tops:
            items = by_top[id(top)]
            counted = [it for it in items if not (it.leadin and self.vocab.is_other_leadin(it.leadin))]
            # A top-level item that only names a group ("Experience", "Technical Skills:",
            # "Other") stands for the items nested under it: they are the requirements.
            kids: dict[int, list[Any]] = {}
            for it in counted:
                if it.parent is not None:
                    kids.setdefault(id(it.parent), []).append(it)
            required: list[Any] = []
            joined = False  # the item before ended in "OR": this one is its alternative
            for it in counted:
                if it.parent is None and not it.preferred and not _POINTER.match(str(it.text).strip()):
                    text = str(it.text)
                    alternative = joined or bool(required and _OR_START.match(text))
                    joined = bool(_OR_END.search(text))
                    if alternative:
                        continue  # one requirement said as routes ("a degree and 5 years; OR")
                    if id(it) in kids and _GROUP_LABEL.match(text):
                        required += [k for k in kids[id(it)] if not k.preferred]
                    else:
                        required.append(it)
            out.append(RequirementBlock(top, tuple(items), tuple(counted), tuple(required)))
        return out

    def is_demand(self, item: Any) -> bool:
        """Whether a required item asks for skills, experience or qualifications. Two kinds of
        line do not, unless they also ask for years, a degree (or, for a trait, a tool; for a
        duty, experience, knowledge or an ability):

        - a trait: character, values or a way of working ("A positive mindset", "Share our
          values", "Self-motivated");
        - a duty of the job listed under the requirements ("Ship small features
          independently", "Catch bugs and style issues in code reviews"): it opens with a verb
          of the work in the imperative."""
        text = " ".join(_LINK.sub(r"\1", str(item.text)).split())
        vocab = self.vocab
        trait = vocab.any_match("trait_items", text)
        # A condition of employment (citizenship, a clearance, a background check) is not a
        # skill a candidate could lack: a list of them is not a wish list.
        condition = vocab.any_match("condition_items", text)
        names_tool = (trait or condition) and bool(self.tools_in_item(item))  # scanned once
        if trait and not (_HARD.search(text) or names_tool):
            return False
        if vocab.any_match("duty_items", text):
            if not (_HARD.search(text) or _SKILL.search(text)):
                return False
        return not (condition and not names_tool)

    def demands(self, block: RequirementBlock) -> list[Any]:
        """The block's required items that ask for skills, experience or qualifications (its
        required items without the traits and the duties): what a wish list is counted in."""
        return [it for it in block.required if self.is_demand(it)]

    @cached_property
    def has_preferred(self) -> bool:
        """Whether the posting has somewhere to put nice-to-haves: a preferred section, an item
        marked preferred, or an "apply anyway, you don't need every box" statement."""
        doc = self.doc
        if doc.sections_of("preferred") or any(it.preferred for it in doc.items):
            return True
        for b in doc.blocks:
            if b.kind != "paragraph":
                continue
            # A paragraph under a bold label that says it holds the nice-to-haves ("**Good to
            # have:** geospatial tools, Triton or TorchServe, ...").
            m = _BOLD_LABEL.match(b.text)
            if m and b.text[m.end():].strip() and any(rx.search(m.group("label")) for rx in self.vocab.preferred_leadins):
                return True
            # ... or a sentence of the requirements that names a skill as welcome but not
            # required ("It would be great if you also have experience with payments, but this
            # is not essential").
            if (b.section is not None and b.section.kind in ("requirements", "preferred")
                    and _WELCOME_NOT_REQUIRED.search(b.text)):
                return True
        if self.vocab.apply_anyway:
            text, _ = doc.joined()
            return self.vocab.any_match("apply_anyway", text)
        return False

    @cached_property
    def _mentions_by_line(self) -> dict[int, list[tuple[int, Any]]]:
        """The posting's tool mentions by line, each with its place in ``tools.mentions``: an
        item looks up its own lines instead of reading every mention (which was quadratic in a
        long list: a 20,000-item list took 90 s)."""
        out: dict[int, list[tuple[int, Any]]] = {}
        for k, m in enumerate(self.tools.mentions):
            out.setdefault(m.line, []).append((k, m))
        return out

    def tools_in_item(self, item: Any) -> list[str]:
        """The tools an item asks the hire for, one name per requirement: a group of
        alternatives ("at least one language such as Go, Java or Python", "data libraries
        (e.g. numpy, pandas)") counts once, as its first tool; tools the item names as the
        team's stack, the employer or in passing do not count. Tools listed after a category
        without an example marker ("Python and related tools (Pandas, PyTorch, Pydantic)") are
        each required, except a language's everyday libraries (pandas, NumPy, Pydantic) named
        with the language, which are part of it, and a platform named with its own services
        ("AWS (EC2, S3)"), which they say."""
        by_line = self._mentions_by_line
        mine = sorted((k, m) for line in set(item.lines) for k, m in by_line.get(line, ()))
        roles: dict[str, tuple[str, frozenset[str]]] = {}
        for _k, m in mine:
            if m.name not in roles:
                roles[m.name] = (m.role, frozenset((m.name,) + tuple(m.alternatives)))
        text = item.text
        names: list[str] = []
        library_of: dict[str, str | None] = {}
        parents: set[str] = set()  # platforms whose own services the item names
        groups: set[Any] = set()
        scanned = [m for m in self.tools.scan(text) if m.tool.is_stack_tool]
        starts = [m.start for m in scanned]  # in text order, as scanned
        for m in scanned:
            # A tool whose own parts follow it in brackets ("Microsoft Office Suite (Excel,
            # PowerPoint, Word, Visio)", "Spark (PySpark, Spark SQL, MLlib)") is said through
            # them: the bracketed tools are the requirement, the head is not one more.
            opened = _OPEN_BRACKET.match(text, m.end)
            if opened:
                close = text.find(")", opened.end())
                parts: set[str] = set()
                for x in scanned[bisect.bisect_left(starts, opened.end()):]:
                    if 0 <= close < x.end:
                        break
                    if x.tool.name != m.tool.name:
                        parts.add(x.tool.name)
                        if len(parts) >= 2:
                            parents.add(m.tool.name)
                            break
        for m in scanned:
            role, group = roles.get(m.tool.name, ("required", frozenset()))
            if role in ("team-stack", "incidental"):
                continue
            if role == "alternative" and len(group) > 1:
                if group in groups:
                    continue
                groups.add(group)
            if m.tool.name not in names:
                names.append(m.tool.name)
                library_of[m.tool.name] = m.tool.library_of
                if m.tool.parent:
                    parents.add(m.tool.parent)
        # "Python (pandas, NumPy, Pydantic)" asks for Python: the language's everyday
        # libraries named with it are part of knowing it, not requirements of their own. And
        # "AWS services (EC2, S3, Lambda, EKS)" asks for four services: the platform they
        # belong to is said through them, not one more tool.
        return [n for n in names if library_of.get(n) not in names and n not in parents]
