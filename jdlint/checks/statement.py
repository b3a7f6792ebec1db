"""missing-first-problem: the posting never says what the hire will solve first.

Present when a section is about it (kind ``first_problem``: "Your first 90 days", "The problem
we need solved first", a 30-60-90 plan) or when any sentence ties the start of the job to a
deliverable (``first_problem.yaml`` cues: "Within 60 days you will have shipped...", "Your first
assignment: ..."); a time cue counts only in a sentence about the hire. Cues in benefits, pay, process and about-us sections do not count ("benefits
start within 30 days"). Reported once, on the title.
"""
from __future__ import annotations

import re

from . import Kind

_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n\s*(?:[-*+]|\d+[.)])\s|\n\s*\n")


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end] (hard-wrapped lines are one sentence)."""
    a = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        a = m.end()
    m = _SENTENCE_END.search(text, end)
    return text[a:m.start() + 1 if m else len(text)]


class StatementRequiredKind(Kind):
    name = "statement-required"
    OPTIONS = {}

    def check(self, doc, rule, ctx):
        if not doc.has_content():
            return
        vocab = ctx.vocab
        for sec in doc.sections:
            if sec.kind == "first_problem" and sec.explicit_kind:
                if any(ln.prose.strip() for ln in doc.lines[sec.line:sec.end_line]):
                    return
        # All countable prose as one text (blocks apart by a blank line, so no sentence or
        # cue runs from one block into the next): each cue is searched once per posting.
        text, _ = doc.joined(frozenset(vocab.first_problem_ignore))
        if any(p.search(text) for p in vocab.first_problem_standalone):
            return
        for p in vocab.first_problem_cues:
            for m in p.finditer(text):
                if vocab.first_problem_subject.search(_sentence(text, m.start(), m.end())):
                    return
        line, col, end_col, text = doc.anchor()
        yield rule.finding(doc, line, col, line, end_col, match=text, title=text)
