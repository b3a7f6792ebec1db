"""The title: the roles it names, its family and whether it says junior.

The title is cleaned of decoration (parentheses, brackets, pay grades, emoji), cut at dashes
and colons (what follows "Engineer - " is a specialisation or a place, what precedes
"Office of Solutions: " is an organisation) and each piece is split at the joints a stacked
title uses: / | & , + "or" "and". A part is a role only when it carries a role noun
(Engineer, Scientist, Analyst, ...); parts without one ("AI" in "AI/ML Engineer", "Applied ML"
in "Staff Engineer, Applied ML") are modifiers. A bare role noun borrows the modifiers of the
role before it, so "Developer/Engineer" is one role and "Research Scientist / Engineer" is two.
Roles are then compared by family (role-taxonomy) or, outside the taxonomy, by their words
with seniority and synonyms folded.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

_SEGMENT = re.compile(r"\s+[-\u2013\u2014]+\s+|\s*:\s+|\s+[\u2013\u2014]\s*|\s*[\u2013\u2014]\s+")
_JOINT = re.compile(r"\s*(?:/|\||&|,|\+)\s*|\s+(?:or|and|and/or)\s+", re.I)
_WORD = re.compile(r"[^\W_][\w.'\u2019+#-]*")


class TitleGrammar:
    """The title vocabulary of ``roles.yaml`` compiled for one Vocab."""

    def __init__(self, vocab: Any):
        g = vocab.title_grammar
        self.heads = {h.lower() for h in g["head_nouns"]}
        self.trailing_only = {h.lower() for h in g["trailing_only"]}
        self.synonyms: dict[str, str] = {}
        for canon, words in g["head_synonyms"].items():
            for w in words:
                self.synonyms[w.lower()] = canon
        self.expansions = {k.lower(): v for k, v in g["expansions"].items()}
        self.ignore = {str(w).lower() for w in g["ignore_words"]}
        self.decoration = [regex.compile(p) for p in g["decoration_patterns"]]
        self.family_ids = {f["id"] for f in vocab.families}
        self.family_titles: list[tuple[str, dict]] = []
        for fam in vocab.families:
            for t in fam.get("titles", []):
                self.family_titles.append((self.normalize(t), fam))
        self.family_titles.sort(key=lambda x: -len(x[0]))

    def words(self, text: str) -> list[str]:
        return [w.strip(".'\u2019-") for w in _WORD.findall(text)]

    def head_index(self, words: list[str]) -> int | None:
        """Index of the role noun that makes this part a role, or None."""
        low = [w.lower() for w in words]
        for i in range(len(low) - 1, -1, -1):
            w = low[i]
            if w not in self.heads:
                continue
            if w in self.trailing_only:
                if i == len(low) - 1 or (i + 1 < len(low) and low[i + 1] == "of"):
                    return i
                continue
            return i
        return None

    def normalize(self, role: str) -> str:
        out: list[str] = []
        for w in self.words(role.replace("/", " / ")):
            lw = w.lower()
            if lw in self.ignore:
                continue
            lw = self.synonyms.get(lw, lw)
            if lw.endswith("s") and lw[:-1] in self.heads:
                lw = self.synonyms.get(lw[:-1], lw[:-1])
            out.append(self.expansions.get(lw, lw))
        return " ".join(" ".join(out).split())

    def key(self, role: str) -> tuple[str, str]:
        """(family id or normalised words, label) of one role."""
        norm = self.normalize(role)
        padded = f" {norm} "
        for title, fam in self.family_titles:
            if f" {title} " in padded:
                return fam["id"], fam.get("label", fam["id"])
        return norm, norm

    def clean(self, title: str) -> str:
        for p in self.decoration:
            title = p.sub(" ", title)
        return " ".join(title.split())

    def roles(self, title: str) -> list[str]:
        """The distinct roles a title names (two or more means stacked); [] for one role."""
        best: list[str] = []
        for segment in _SEGMENT.split(self.clean(title)):
            roles: list[str] = []
            for part in _JOINT.split(segment):
                part = part.strip()
                words = self.words(part)
                if not words:
                    continue
                hi = self.head_index(words)
                if hi is None:
                    continue  # a modifier ("AI", "Applied ML"), a place or a level
                content = [w for w in words if w.lower() not in self.ignore and w.lower() not in self.heads]
                if not content and roles:
                    # A bare role noun: "Developer/Engineer", "Research Scientist / Engineer".
                    prev_words = self.words(roles[-1])
                    ph = self.head_index(prev_words)
                    if ph is not None:
                        prev_words[ph] = words[hi]
                        roles.append(" ".join(prev_words))
                        continue
                roles.append(part)
            distinct: dict[str, str] = {}
            for r in roles:
                k, _label = self.key(r)
                distinct.setdefault(k, r)
            if len(distinct) > len(best):
                best = list(distinct.values())
        return best if len(best) >= 2 else []


@lru_cache(maxsize=8)
def grammar(vocab: Any) -> TitleGrammar:
    return TitleGrammar(vocab)


@dataclass(frozen=True)
class TitleFacts:
    """What the posting's title says."""

    text: str
    line: int
    column: int
    end_column: int
    source: str  # "front_matter", "h1" or "line"
    roles: tuple[str, ...]  # the distinct roles when the title stacks two or more, else ()
    family: str | None  # the role family of a one-role title, when the taxonomy knows it
    family_label: str | None
    junior_marker: str | None  # "Junior", "Entry-level", "I" ... when the title says junior

    @property
    def stacked(self) -> bool:
        return len(self.roles) >= 2


def read_title(doc: Any, vocab: Any) -> TitleFacts | None:
    t = doc.title
    if t is None:
        return None
    g = grammar(vocab)
    roles = tuple(g.roles(t.text))
    family = None
    if not roles:
        key, _label = g.key(g.clean(t.text))
        family = key if key in g.family_ids else None
    return TitleFacts(t.text, t.line, t.column, t.end_column, t.source, roles, family,
                      vocab.family_label(family) if family else None, junior_marker(t.text, vocab))


def junior_marker(title: str, vocab: Any) -> str | None:
    """The words that make a title junior ("Junior", "Associate", a level "I"), or None."""
    for p in vocab.junior_markers:
        m = p.search(title)
        if m:
            return str(m.group(0))
    m = vocab.junior_level_suffix.search(title)
    return str(m.group(0)) if m else None
