"""First-problem evidence: where the posting says what the hire will solve or deliver first.

Present when a section is about it (kind ``first_problem``: "Your first 90 days", "The problem
we need solved first", a 30-60-90 plan; or "About the project" the hire joins) with prose under
it, when the posting names its first project ("Your first assignment: ..."), or when a sentence
about the work ties the start of the job to a deliverable (``first_problem.yaml``): "Within 60
days you will have shipped...", "By the end of March the invoice matcher has to run on the new
queue", "The immediate priority is moving billing off the cron box". The hire need not be the
subject; onboarding ("in your first week you'll meet the team") is not a deliverable. Cues in
benefits, pay, process and about-us sections do not count ("benefits start within 30 days"),
except a project the company says it is building now ("our next title is currently in
development").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from ..document import join_blocks
from ..prefilter import fold
from ..rxcache import re_compile

_SENTENCE_END = re_compile(r"[.!?](?:\s|$)|\n\s*(?:[-*+]|\d+[.)])\s|\n\s*\n")


@dataclass(frozen=True)
class FirstProblem:
    how: str  # "section", "statement" or "sentence"
    line: int
    text: str  # the heading or the sentence that says it


def _sentence(text: str, start: int, end: int) -> tuple[int, str]:
    """(offset, text) of the sentence around text[start:end] (hard-wrapped lines are one sentence)."""
    a = lo = max(0, start - 2000)
    for m in _SENTENCE_END.finditer(text, lo, start):
        a = m.end()
    stop = _SENTENCE_END.search(text, end)
    return a, text[a:stop.start() + 1 if stop else len(text)]


def find_first_problem(doc: Any, vocab: Any) -> FirstProblem | None:
    if not doc.has_content():
        return None
    projects = vocab.first_problem_project_headings
    for sec in doc.sections:
        if ((sec.kind == "first_problem" and sec.explicit_kind)
                or (projects and any(p.search(sec.title.strip()) for p in projects))):
            if any(ln.prose.strip() for ln in doc.lines[sec.line:sec.end_line]):
                return FirstProblem("section", sec.line, sec.title)
    # All countable prose as one text (blocks apart by a blank line, so no sentence or cue runs
    # from one block into the next): each cue is searched once per posting.
    ignore = frozenset(vocab.first_problem_ignore)
    text, position = doc.joined(ignore)
    found = _scan(text, position, vocab)
    if found:
        return found
    # What the company is building now, said in its about text ("our next title is currently
    # in development"): the other ignored sections (benefits, process ...) still do not count.
    if "about" in ignore and vocab.first_problem_about:
        found = _first_statement(doc, ignore - {"about"}, vocab, "first_problem_about")
        if found:
            return found
        # A paragraph of the about text that speaks of the post or the hire ("This post has been
        # created to support that rollout", "You'll be arriving at a busy time: the Service Desk
        # is moving off ...") is about the job: every cue counts in it.
        for b in doc.blocks:
            if b.section.kind == "about" and _SPEAKS_OF_THE_HIRE.search(b.text):
                found = _scan(b.text, b.position, vocab)  # (_scan unemphasises)
                if found:
                    return found
        # So is a section about the team the hire joins ("What the team does": "Over the next
        # year our priorities are: moving the remaining services onto EKS ..."), read whole so a
        # lead-in keeps its list.
        team = [b for b in doc.blocks if b.section.kind == "about" and _TEAM_HEADING.search(b.section.title)]
        if team:
            found = _scan(*join_blocks(team), vocab)
            if found:
                return found
    # Why the role is open, said wherever it stands (even in a requirement: "... bringing this
    # down is the main reason we're opening this role").
    if vocab.first_problem_purpose:
        return _first_statement(doc, frozenset(), vocab, "first_problem_purpose")
    return None


def _first_statement(doc: Any, ignore: frozenset, vocab: Any, cues: str) -> FirstProblem | None:
    """The sentence holding the first cue of the list ``cues`` that matches the posting's
    countable text (sections of the ``ignore`` kinds left out), as a statement."""
    text, position = doc.joined(ignore)
    text = _unemphasise(text)
    for p in vocab.possible(cues, fold(text)):
        m = p.search(text)
        if m:
            _at, sentence = _sentence(text, m.start(), m.end())
            return FirstProblem("statement", position(m.start())[0], " ".join(sentence.split()))
    return None


_TEAM_HEADING = re_compile(r"\bteams?\b|\bsquad\b|\bwho\s+we\s+are\s+as\s+a\s+team\b", re.I)


# The post or the person in it, named in a paragraph of the about text.
_SPEAKS_OF_THE_HIRE = re_compile(
    r"\b(?:you|you(?:'|\u2019)(?:ll|re|d)|your|the\s+post\s*holder|post-?holder|this\s+(?:post|role|position|job|vacancy|hire)|"
    r"the\s+(?:person|successful\s+(?:candidate|applicant)|new\s+(?:hire|colleague)|appointee)|whoever\s+(?:joins|we\s+hire))\b", re.I)


def _scan(text: str, position: Any, vocab: Any) -> FirstProblem | None:
    """The first cue in ``text`` that states the first problem: a standalone statement, or a
    start cue in a sentence that names a deliverable."""
    # Emphasis marks are not words: "goes live in **March 2026**" is a date like any other.
    text = _unemphasise(text)
    # Only the cues whose words the text holds are searched (prefilter.py).
    folded = fold(text)
    for p in vocab.possible("first_problem_standalone", folded):
        for m in p.finditer(text):
            at, sentence = _sentence(text, m.start(), m.end())
            if _onboarding_before(sentence, m.start() - at, vocab):
                continue  # "You'll spend your first two weeks at our headquarters, building a robot from the ground up"
            return FirstProblem("statement", position(m.start())[0], " ".join(sentence.split()))
    for p in vocab.possible("first_problem_cues", folded):
        for m in p.finditer(text):
            at, sentence = _sentence(text, m.start(), m.end())
            cue = (m.start() - at, m.end() - at)
            if _told_as_past(sentence) or _recurring(sentence, cue) or _cue_is_onboarding(sentence, cue, vocab):
                continue
            if _delivers(_with_list_items(text, at, sentence), cue, vocab):
                return FirstProblem("sentence", position(at + len(sentence) - len(sentence.lstrip()))[0],
                                    " ".join(sentence.split()))
    return None


# History is not a first problem: "The Digital Corps was launched in August 2021" ties a date to
# a launch, but one that is over; so does "Founded in 2017, we finance invoices within 24
# hours", "Since launching in 2019, our marketplace has connected ...". A sentence told in the
# past, with nothing still to come in it ("must be replaced by June", "will", "planned"), does
# not state the hire's first work.
_PAST = re_compile(r"\b(?:was|were)\s+(?:\w+\s+)?\w+(?:ed|en|t|ilt|un)\b|\bago\b|"
                   r"\b(?:founded|established|formed|incorporated|opened|launched|started|set\s+up)\s+in\s+(?:19|20)\d\d\b|"
                   r"\bsince\s+(?:(?:our|its|their|the\s+company.s)\s+)?(?:launch(?:ing)?|open(?:ing)?|start(?:ing)?|found(?:ing)?|inception)\s+in\s+(?:19|20)\d\d\b|"
                   r"\blast\s+(?:year|month|quarter|"
                   r"spring|summer|autumn|fall|winter)\b(?!['’]s)|\b(?:has|have|had)\s+(?:been\s+)?\w+ed\s+(?:\w+\s+){0,6}?since\b",
                   re.I)
_FUTURE = re_compile(r"\b(?:will|shall|must|needs?\s+to|has\s+to|have\s+to|going\s+to|plan(?:s|ned)?|scheduled|due|"
                     r"(?:by|before|until|till)\s+(?:the\s+)?(?:end|start|\d|next|this|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|q[1-4]|"
                     r"spring|summer|autumn|fall|winter)|aim(?:s|ing)?|expect(?:s|ed)?|is\s+to|are\s+to|about\s+to|next|upcoming|soon|"
                     r"now\s+we\s+need|need\s+(?:someone|somebody|a\s+[\w-]+|an\s+[\w-]+)\s+to)\b|(?<=\w)(?:'|\u2019)ll\b",
                     re.I)


_EMPHASIS = re_compile(r"\*\*|__")


def _unemphasise(text: str) -> str:
    """The text with bold marks blanked (same length, so positions hold)."""
    return _EMPHASIS.sub("  ", text) if "**" in text or "__" in text else text


def _onboarding_spans(sentence: str, vocab: Any) -> list[tuple[int, int]]:
    """Where the sentence speaks of settling in ("meet the team", "spend your first two weeks
    at our headquarters")."""
    return [(m.start(), m.end()) for p in vocab.possible("first_problem_onboarding", fold(sentence))
            for m in p.finditer(sentence)]


def _onboarding_before(sentence: str, at: int, vocab: Any) -> bool:
    """Whether the sentence settles the hire in before ``at`` ("You'll spend your first two weeks
    at our headquarters ..."): what it goes on to say is training, not the first work. A
    deliverable that comes first ("building the training pipeline") is not."""
    return any(a < at for a, _b in _onboarding_spans(sentence, vocab))


def _cue_is_onboarding(sentence: str, cue: tuple[int, int], vocab: Any) -> bool:
    """Whether the start cue is part of settling in ("You'll spend your first two weeks at our
    headquarters"): the time it names is training time."""
    return any(a <= cue[0] and cue[1] <= b + 40 for a, b in _onboarding_spans(sentence, vocab))


def _told_as_past(sentence: str) -> bool:
    if _FUTURE.search(sentence):
        return False
    return bool(_PAST.search(sentence) or _SIMPLE_PAST.search(sentence))


def _recurring(sentence: str, cue: tuple[int, int]) -> bool:
    """Whether the start cue is a period that comes round again ("our Lantern Walk each
    October"), not a date the work is tied to once."""
    return any(m.start() <= cue[1] and m.end() >= cue[0] for m in _EVERY.finditer(sentence))


# The company's story in the simple past or the perfect: "in 2023 we opened our first routes",
# "Since we opened our doors in 2014 we've shipped four games", "The unit moved into its new
# home in 2022"; and what comes round every year: "our own Lantern Walk each October".
_SIMPLE_PAST = re_compile(
    r"\b(?:we|they|it|(?:the|our)\s+(?:company|team|unit|studio|firm|group|business|school|hospital|trust|charity|council|"
    r"department|lab|practice|ward|clinic|store|shop|site|office)|(?:the\s+)?(?-i:[A-Z]{2,6}))"
    r"(?:(?:'|\u2019)ve|\s+have|\s+has)?\s+(?:also\s+|since\s+|recently\s+)?"
    r"(?:opened|launched|shipped|moved|built|released|grew|grown|won|raised|completed|delivered|introduced|became|become|"
    r"expanded|acquired|merged|rebuilt|replaced|migrated|added|doubled|tripled|picked\s+up)\b", re.I)
_EVERY = re_compile(r"\b(?:each|every)\s+(?:january|february|march|april|may|june|july|august|september|october|november|"
                    r"december|spring|summer|autumn|fall|winter|year|quarter|month|week|season|term)\b", re.I)


_ITEM_START = re_compile(r"\s*(?:[-*+•]|\d+[.)])?\s*")


def _with_list_items(text: str, at: int, sentence: str, items: int = 3) -> str:
    """The sentence, and when it introduces a list ("In your first 90 days, we'd like you
    to:") the list's first few items too: the deliverable is what the list says, and its
    first item is often onboarding ("Get to know our payments funnel")."""
    if not sentence.rstrip().endswith(":"):
        return sentence
    parts = [sentence]
    pos = at + len(sentence)
    for _ in range(items):
        start = _ITEM_START.match(text, pos).end()
        if start >= len(text):
            break
        stop = _SENTENCE_END.search(text, start)
        end = stop.start() + 1 if stop else len(text)
        parts.append(text[start:end])
        pos = stop.end() if stop else len(text)
    return " ".join(parts)


def _delivers(sentence: str, cue: tuple[int, int], vocab: Any) -> bool:
    """Whether the sentence names something delivered, outside its start cue and outside
    onboarding ("meet the team", "set up your laptop")."""
    onboarding = _onboarding_spans(sentence, vocab)
    for p in vocab.possible("first_problem_deliverables", fold(sentence)):
        for m in p.finditer(sentence):
            a, b = m.start(), m.end()
            if a < cue[1] and cue[0] < b:
                continue  # part of the start cue itself ("kick off by ...")
            if any(x < b and a < y for x, y in onboarding):
                continue
            return True
    return False
