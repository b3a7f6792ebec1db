"""wish-list: a requirements list that reads like a wish list.

Judged per requirements block (``domain.requirements``), counting its required top-level items:

- more than ``max_required`` items;
- more than ``max_without_preferred`` items while the posting has nowhere to move them (no
  preferred section, no item marked "(preferred)" / "is a plus", and no "you don't need to
  check every box, apply anyway");
- one item that names more than ``max_tools_per_item`` tools ("tool soup"); like the other
  two, the option is the most allowed, not the first number reported.
"""
from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any, Iterator

from .base import Context, Kind
from ..rxcache import re_compile


# "Knowledge, Skills and Abilities", "KSAs", "Required Knowledge, Skills & Abilities"
_KSA = re_compile(r"\bknowledge\s*,?\s*skills?\s*,?\s*(?:and|&)\s*abilit|\bKSAs?\b", re.I)


def _soup_size(names: list[str], vocab: Any) -> int:
    """How many tools a requirement asks for, a platform's basic services counted once with
    it ("AWS (EC2, S3, IAM, VPC)" is one; Glue, Redshift and EMR beside them are three more),
    and one cloud's managed service of an open tool once with the tool ("EKS and Kubernetes";
    "EKS, AKS and GKE" are three)."""
    basics, managed = vocab.platform_basics, vocab.managed_services
    flavours: dict[str, set[str]] = {}
    for n in names:
        if n in managed:
            flavours.setdefault(managed[n], set()).add(n)
    one = {n: tool for tool, ns in flavours.items() if len(ns) == 1 for n in ns}
    return len({one.get(n) or basics.get(n, n) for n in names})


def _listed(names: list[str], most: int = 12) -> str:
    """The tools named, the first dozen of a very long run and how many more."""
    return ", ".join(names[:most]) + (f" and {len(names) - most} more" if len(names) > most else "")


_TAG = re_compile(r"^\W*[A-Za-z][\w&/-]*(?:\s+[A-Za-z][\w&/-]*){0,2}\W*$")


def _tags_only(block: Any, reqs: Any) -> bool:
    """Whether every required item of a block is a bare tag of one to three words, with no
    tool, number or verb phrase in it ("Stakeholder Management", "Automation")."""
    items = block.required
    return len(items) >= 3 and all(_TAG.match(str(it.text)) and not reqs.tools_in_item(it) for it in items)


class ListBudgetKind(Kind):
    name = "list-budget"
    OPTIONS = {
        "max_required": (int, 9, "most required items a requirements list may have"),
        "max_without_preferred": (int, 7, "most required items when the posting has no nice-to-have list"),
        "max_tools_per_item": (int, 4, "most tools one required item may name; more is tool soup"),
    }
    FIELDS = ("count", "max", "heading", "tools", "note")

    @staticmethod
    def _soup_paragraphs(doc: Any, rule: Any, reqs: Any, paragraphs: list[Any], vocab: Any,
                         alone: bool = False) -> Iterator[Any]:
        """A paragraph of the requirements that is only a run of tool names ("Python, R, Scala,
        SQL, spaCy, NLTK, ..." under "Our stack / what you'll need") is one requirement too.
        When it is all the section asks (``alone``: "**Mandatory Skills**" over "Python, PySpark,
        SQL, Azure Data Factory, Databricks, Snowflake"), it is the list itself, a pile only past
        the count a list may hold."""
        for b in paragraphs:
            parts = [p for p in re.split(r"[,;/\n]|\band\b|\bor\b", b.text) if p.strip()]
            if len(parts) <= rule.options["max_tools_per_item"]:
                continue
            first, last = b.first_line, b.first_line + b.text.count("\n")
            para = SimpleNamespace(lines=tuple(range(first, last + 1)), text=b.text, line=first)
            names = reqs.tools_in_item(para)
            size = _soup_size(names, vocab)
            if size <= rule.options["max_tools_per_item"]:
                continue
            if alone and size <= rule.options["max_required"] and all(
                    p is b or p.first_line == p.section.line for p in paragraphs):  # (a bold label is the heading)
                continue
            # Only a bare run of names: what is left without them is a few words at most (a
            # sentence about the team's setup is not a demand list).
            pieces, pos = [], 0
            for m in sorted(reqs.tools.scan(b.text), key=lambda m: m.start):
                if m.start >= pos:
                    pieces.append(b.text[pos:m.start])
                    pos = m.end
            rest = " ".join(pieces + [b.text[pos:]])  # the text without the names, in one pass
            words = [w for w in re.findall(r"[A-Za-z][\w'-]*", rest) if w.lower() not in ("and", "or", "e", "g", "etc")]
            if len(words) <= max(3, len(names) // 4):
                line = doc.lines[first - 1]
                col = len(line.text) - len(line.text.lstrip()) + 1
                yield rule.finding(doc, first, col, last, len(doc.lines[last - 1].text) + 1,
                                   match=line.text[col - 1:], variant="tool_soup", count=len(names),
                                   tools=_listed(names), max=rule.options["max_tools_per_item"])

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:
        opts = rule.options
        reqs = ctx.facts.requirements
        # Prose paragraphs of each requirements block, found in one pass over the posting.
        tops = {id(block.section) for block in reqs.blocks}
        paragraphs: dict[int, list[Any]] = {}
        for b in doc.blocks if tops else ():
            if b.kind != "paragraph" or b.item is not None or b.section.kind != "requirements":
                continue
            top = next((s for s in [b.section, *b.section.ancestors()] if id(s) in tops), None)
            if top is not None:
                paragraphs.setdefault(id(top), []).append(b)
        # An ATS's "Skills:" field under the real requirements, one or two words a line
        # ("Application Development", "Influence", "Risk Management"): tags that index the
        # posting, not more demands; the requirements list above them is what is judged.
        demands = {id(b): reqs.demands(b) for b in reqs.blocks}  # each block's, read once
        tags = {id(b) for b in reqs.blocks if _tags_only(b, reqs)}
        judged = any(demands[id(b)] for b in reqs.blocks if id(b) not in tags)
        for block in reqs.blocks:
            sec = block.section
            n = len(demands[id(block)])  # character and values lines do not make a wish list
            if id(block) in tags and judged:
                n = 0
            # Say what was left out of the count, so a reader who counts the bullets agrees.
            others = len(block.required) - n
            if _KSA.search(sec.title):
                n = 0  # a public-sector statement of the knowledge, skills and abilities the job
                # uses (rated in the assessment), not a pile of must-haves; tool soup still counts
            note = f"; {others} more about character, values, duties or conditions not counted" if others > 0 else ""
            if n > opts["max_required"]:
                yield rule.finding(doc, sec.line, sec.column, sec.line, sec.end_column, match=sec.title,
                                   variant="too_many", count=n, max=opts["max_required"], heading=sec.title,
                                   note=note)
            elif n > opts["max_without_preferred"] and not reqs.has_preferred:
                yield rule.finding(doc, sec.line, sec.column, sec.line, sec.end_column, match=sec.title,
                                   variant="no_preferred", count=n, max=opts["max_without_preferred"],
                                   heading=sec.title, note=note)
            yield from self._soup_paragraphs(doc, rule, reqs, paragraphs.get(id(sec), []), ctx.vocab,
                                             alone=not block.required)
            for it in block.counted:
                if it.preferred:
                    continue
                names = reqs.tools_in_item(it)
                if _soup_size(names, ctx.vocab) > opts["max_tools_per_item"]:
                    line = doc.lines[it.line - 1]
                    yield rule.finding(doc, it.line, it.column, it.end_line,
                                       len(doc.lines[it.end_line - 1].text) + 1,
                                       match=line.text[it.column - 1:], variant="tool_soup",
                                       count=len(names), tools=_listed(names),
                                       max=opts["max_tools_per_item"])
