"""What jdlint reads from a posting: one module per fact, computed once per posting.

Rules (``jdlint/checks``) only read these facts, apply their thresholds and build findings;
``jdlint inspect`` prints them. Each fact is computed on first use from the ``Document`` and
the vocabulary, and kept on the posting's :class:`Facts` (``facts_for(doc, vocab)``), so
several rules asking the same question cost one answer.

Pattern matching for one posting goes through the vocabulary's compiled patterns and the tool
scanner (``ToolFacts.scan``), the two places a single shared index can later replace.
"""
from __future__ import annotations

from functools import cached_property
from typing import Any

from .experience import YearsPhrase, years_phrases
from .first_problem import FirstProblem, find_first_problem
from .pay import Pay, PlaceMention, federal_employer, places, read_pay, stated_headcount
from .questions import Question, questions
from .requirements import Requirements
from .responsibilities import WorkItem, family_groups, work_items
from .seniority import ScopeHit, senior_scope
from .titles import DeclaredHybrid, TitleFacts, declared_hybrid, names_a_job, read_title, splits_time
from .tools import ToolFacts
from .wording import CodedWord, PhraseHit, coded_words, exclusionary_phrases

__all__ = ["Facts", "facts_for", "family_groups"]


# Section kinds only a job posting has (a README has an "about", a process, other notes).
_POSTING_KINDS = frozenset({"responsibilities", "first_problem", "requirements", "preferred", "compensation", "benefits"})


class Facts:
    """The facts of one posting under one vocabulary."""

    def __init__(self, doc: Any, vocab: Any):
        self.doc = doc
        self.vocab = vocab

    @cached_property
    def title(self) -> TitleFacts | None:
        return read_title(self.doc, self.vocab)

    @cached_property
    def is_posting(self) -> bool:
        """Whether the document reads as a job posting at all. A README, a template's notes or an
        index of sources kept beside the postings has no job title (a role noun, a discipline's
        job-family page), no duties, no requirements section and no pay: the rules that report
        what a posting fails to say (no first problem, no pay, unanswered questions) pass it by."""
        t = self.title
        if t is not None and (t.family or t.roles or t.job_family_page or names_a_job(t.text, self.vocab)):
            return True
        doc = self.doc
        if any(sec.kind in _POSTING_KINDS for sec in doc.sections):
            return True
        # A listed duty makes a posting; sentences of prose need two that read as work ("One
        # file per job" in a README is one sentence that mentions a job).
        items = self.work_items
        if any(w.source == "item" for w in items) or sum(1 for w in items if w.family) >= 2:
            return True
        return self.pay.shown is not None

    @cached_property
    def splits_time(self) -> bool:
        """The posting says the hire's time is split between two kinds of work."""
        return splits_time(self.doc)

    @cached_property
    def declared_hybrid(self) -> DeclaredHybrid | None:
        """Where the posting calls its own job a blend of two role families, if it does."""
        title = self.title
        return declared_hybrid(self.doc, self.vocab, title.family if title is not None else None)

    @cached_property
    def work_items(self) -> list[WorkItem]:
        """Every responsibility item with its family (None when unclear)."""
        title = self.title
        return work_items(self.doc, self.vocab, title.family if title is not None else None)

    @cached_property
    def classified(self) -> list[WorkItem]:
        """The responsibility items that have a family."""
        return [w for w in self.work_items if w.family is not None]

    @cached_property
    def tools(self) -> ToolFacts:
        return ToolFacts(self.doc, self.vocab)

    @cached_property
    def experience(self) -> list[YearsPhrase]:
        return years_phrases(self.doc, self.tools)

    @cached_property
    def requirements(self) -> Requirements:
        return Requirements(self.doc, self.vocab, self.tools)

    @cached_property
    def first_problem(self) -> FirstProblem | None:
        return find_first_problem(self.doc, self.vocab)

    @cached_property
    def coded_words(self) -> list[CodedWord]:
        return coded_words(self.doc, self.vocab)

    @cached_property
    def exclusionary(self) -> list[PhraseHit]:
        return exclusionary_phrases(self.doc, self.vocab, lambda: self.work_items)

    @cached_property
    def pay(self) -> Pay:
        return read_pay(self.doc, self.vocab)

    @cached_property
    def headcount(self) -> int | None:
        """The employer's size as the posting states it ("We're six people"), or None."""
        return stated_headcount(self.doc)

    @cached_property
    def federal_employer(self) -> bool:
        """The posting says its employer is a national government."""
        return federal_employer(self.doc, self.vocab)

    @cached_property
    def places(self) -> list[PlaceMention]:
        return places(self.doc, self.vocab)

    @cached_property
    def senior_scope(self) -> list[ScopeHit]:
        return senior_scope(self.doc, self.vocab)

    @cached_property
    def questions(self) -> list[Question]:
        return questions(self.doc, self.vocab, self.tools)


def facts_for(doc: Any, vocab: Any) -> Facts:
    """The posting's facts under ``vocab`` (made once per posting and vocabulary)."""
    current = doc.facts
    if current is None or current.vocab is not vocab:
        current = doc.facts = Facts(doc, vocab)
    return current
