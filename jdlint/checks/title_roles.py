"""stacked-title: a title that names two or more distinct roles.

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

from functools import lru_cache

import re

import regex

from . import Kind

_SEGMENT = re.compile(r"\s+[-\u2013\u2014]+\s+|\s*:\s+|\s+[\u2013\u2014]\s*|\s*[\u2013\u2014]\s+")
_JOINT = re.compile(r"\s*(?:/|\||&|,|\+)\s*|\s+(?:or|and|and/or)\s+", re.I)
_WORD = re.compile(r"[^\W_][\w.'\u2019+#-]*")


class _Grammar:
    def __init__(self, vocab):
        g = vocab.title_grammar
        self.heads = {h.lower() for h in g["head_nouns"]}
        self.trailing_only = {h.lower() for h in g["trailing_only"]}
        self.synonyms = {}
        for canon, words in g["head_synonyms"].items():
            for w in words:
                self.synonyms[w.lower()] = canon
        self.expansions = {k.lower(): v for k, v in g["expansions"].items()}
        self.ignore = {str(w).lower() for w in g["ignore_words"]}
        self.decoration = [regex.compile(p) for p in g["decoration_patterns"]]
        self.vocab = vocab
        self.family_titles = []
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


@lru_cache(maxsize=8)
def _grammar(vocab) -> _Grammar:
    return _Grammar(vocab)


def stacked_roles(title: str, vocab) -> list[str]:
    """The distinct roles a title names (two or more means stacked)."""
    g = _grammar(vocab)
    best: list[str] = []
    for segment in _SEGMENT.split(g.clean(title)):
        roles: list[str] = []
        for part in _JOINT.split(segment):
            part = part.strip()
            words = g.words(part)
            if not words:
                continue
            hi = g.head_index(words)
            if hi is None:
                continue  # a modifier ("AI", "Applied ML"), a place or a level
            content = [w for w in words if w.lower() not in g.ignore and w.lower() not in g.heads]
            if not content and roles:
                # A bare role noun: "Developer/Engineer", "Research Scientist / Engineer".
                prev_words = g.words(roles[-1])
                ph = g.head_index(prev_words)
                if ph is not None:
                    prev_words[ph] = words[hi]
                    roles.append(" ".join(prev_words))
                    continue
            roles.append(part)
        distinct: dict[str, str] = {}
        for r in roles:
            k, _label = g.key(r)
            distinct.setdefault(k, r)
        if len(distinct) > len(best):
            best = list(distinct.values())
    return best if len(best) >= 2 else []


class TitleRolesKind(Kind):
    name = "title-roles"
    OPTIONS = {"max_roles": (int, 1, "how many distinct roles a title may name")}

    def check(self, doc, rule, ctx):
        t = doc.title
        if t is None:
            return
        roles = stacked_roles(t.text, ctx.vocab)
        if len(roles) > rule.options["max_roles"]:
            listed = ", ".join(f"'{r}'" for r in roles[:-1]) + f" and '{roles[-1]}'"
            yield rule.finding(doc, t.line, t.column, t.line, t.end_column, match=t.text,
                               count=len(roles), roles=listed, title=t.text)
