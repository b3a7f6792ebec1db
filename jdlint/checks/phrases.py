"""exclusionary-language: hyperbolic titles, age-coded, origin-coded and culture-fit phrases.

The phrase list lives in ``inclusive.yaml`` with a suggested replacement per phrase; phrases
marked ``fix: true`` are whole-word swaps that change no grammar, and ``--fix`` applies them.
"""
from __future__ import annotations

from . import Kind


def adapt(replacement: str, match: str) -> str:
    """Keep the capital and the plural of what is replaced ("Rockstars" -> "Experts")."""
    if not replacement:
        return replacement
    low = match.lower()
    if low.endswith("s") and not low.endswith("ss") and not replacement.endswith("s"):
        replacement += "s"
    if match[:1].isupper():
        replacement = replacement[:1].upper() + replacement[1:]
    return replacement


def _proper_name(text: str, m) -> bool:
    """A phrase in Title Case in mid-sentence is a name ("the Pathways Recent Graduates
    program", "Python Guru Award"), not wording about the candidate."""
    words = m.group(0).replace("-", " ").split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    before = text[:m.start()].rstrip()
    return bool(before) and before[-1] not in ".!?:\n" and not before.endswith(("-", "*", "#"))


class PhraseListKind(Kind):
    name = "phrase-list"
    OPTIONS = {}

    def check(self, doc, rule, ctx):
        for block in doc.blocks:
            for entry in ctx.vocab.exclusionary:
                for m in entry["rx"].finditer(block.text):
                    if _proper_name(block.text, m):
                        continue
                    line, col = block.position(m.start())
                    end_line, end_col = block.position(m.end())
                    text = m.group(0)
                    repl = adapt(entry.get("replacement") or "", text)
                    safe = bool(entry.get("fix")) and bool(repl) and end_line == line
                    yield rule.finding(
                        doc, line, col, end_line, end_col, match=text,
                        variant="swap" if repl else "drop", phrase=text, category=entry["category"],
                        replacement=repl if safe else None, suggestion=repl,
                        help=(f"use '{repl}'" if repl else "remove it, or say what the job actually needs"))
