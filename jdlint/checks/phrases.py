"""exclusionary-language: hyperbolic titles, age-coded, origin-coded and culture-fit phrases.

The phrases come from ``domain.wording`` (``inclusive.yaml``, with a suggested replacement per
phrase); phrases marked ``fix: true`` are whole-word swaps that change no grammar, and
``--fix`` applies them. A gendered pronoun for the hire is reported once a paragraph.
"""
from __future__ import annotations

from typing import Any, Iterator

from ..wordfix import adapt
from .base import Context, Kind


class PhraseListKind(Kind):
    name = "phrase-list"
    FIELDS = ("phrase", "category", "suggestion")

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:
        pronoun_in: set[int] = set()  # the paragraphs already reported for a gendered pronoun
        for hit in ctx.facts.exclusionary:
            block, entry, text = hit.block, hit.entry, hit.text
            if entry["category"] == "gendered pronoun":
                # A paragraph that calls the hire "he" says it in every sentence: one finding
                # a paragraph names the problem (each paragraph still gets its own).
                if id(block) in pronoun_in:
                    continue
                pronoun_in.add(id(block))
            line, col = block.position(hit.start)
            end_line, end_col = block.position(hit.end)
            repl = adapt(entry.get("replacement") or "", text)
            safe = bool(entry.get("fix")) and bool(repl) and end_line == line
            yield rule.finding(
                doc, line, col, end_line, end_col, match=text,
                variant="swap" if repl else "drop", phrase=text, category=entry["category"],
                replacement=repl if safe else None, suggestion=repl,
                help=(f"use '{repl}'" if repl else "remove it, or say what the job actually needs"))
