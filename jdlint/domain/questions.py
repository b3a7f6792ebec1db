"""The questions a posting should answer (seed 004) and whether it answers them.

The first (what problem first) is the first-problem fact. The others are answered wherever
the posting says the answer, read at two depths (cues in ``questions.yaml``):

- a section whose heading names the answer ("How we measure success", "Performance
  indicators", "What good looks like at 6 months", "On-call", "Who you'll work with");
- a sentence about the job or the team that says it, in any section: on-call and pages,
  keeping a system running or deploying it (who owns it after launch); maintaining, extending
  or operating a named system, or building one from scratch (whether there is a stack); the
  people the hire works with, reports to or manages; the measures, targets and milestones the
  hire answers to.

A sentence about the candidate's past ("Experience running on-call", "3+ years deploying
models"), application instructions ("For each job on your resume, provide: ...") and the hiring
process answer nothing, and benefits and process sections are not read: what the hire did
elsewhere, or how they will be interviewed, does not say how this team works. A tool the
posting names as the team's stack answers whether there is a stack to inherit.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

import regex

from ..prefilter import fold
from ..rxcache import compile as rxcompile

SKIP_KINDS = frozenset(("benefits", "process", "compensation"))
_SENTENCE_END = rxcompile(r"(?<=[.!?])\s+(?=[^a-z\s])|\n\s*\n|\n(?=\s*[-*•]\S)")
_CLAUSE_END = rxcompile(r";\s+")
# A list introduced by one of these holds the candidate's past, not the job's duties.
_PAST_LEADIN = rxcompile(r"\bexperience\b|\bwho has\b|\byou have\b|\byou.ve\b|\bbackground\b", regex.I)


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    families: tuple[str, ...]  # the role families it is asked of ((): every posting)
    answered_at: int | None  # the line of the first answer, or None
    evidence: str = ""  # the words that answer it


def _split(rx: Any, text: str, a: int = 0, b: int | None = None) -> Iterator[tuple[int, int]]:
    b = len(text) if b is None else b
    start = a
    for m in rx.finditer(text, a, b):
        if m.start() > start:
            yield start, m.start()
        start = m.end()
    if start < b:
        yield start, b


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    return _split(_SENTENCE_END, text)


# A wall of text ("Quayline is a Dublin fintech ..., and we are now looking for ..., working
# closely with our data scientists ..., and on a typical day you might ...") is one sentence
# of a thousand characters: one word of hiring talk in it ("interview") would silence the
# rest. A sentence that long is read in its clauses, split before a joining word.
_LONG = 400
_LONG_JOIN = rxcompile(r",\s+(?=(?:and|but|where|while|which|who|so|working|including|with|plus)\b)")


def _long_split(flat: str, spans: Iterator[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    for s0, s1 in spans:
        if s1 - s0 <= _LONG:
            yield s0, s1
        else:
            yield from _split(_LONG_JOIN, flat, s0, s1)


_QA_MARK = rxcompile(r"^\W*(?:Q|Question)\s*\d*\s*[.:)]\s*", regex.I)


def _has_content(sec: Any, doc: Any) -> bool:
    return any(ln.prose.strip() for ln in doc.lines[sec.line:sec.end_line])


def _first_paragraph(doc: Any, sec: Any) -> str:
    """The prose of a section's first paragraph (its lines up to the first blank one after
    some text)."""
    lines: list[str] = []
    for ln in doc.lines[sec.line:sec.end_line]:
        if ln.prose.strip():
            lines.append(ln.prose)
        elif lines:
            break
    return "\n".join(lines)


def questions(doc: Any, vocab: Any, tools: Any = None) -> list[Question]:
    qs = vocab.questions
    opener, hiring = vocab.question_filters
    scanner = vocab.question_scanner
    found: dict[str, tuple[int, str]] = {}
    by_id = {q["id"]: q for q in qs}

    def note(qid: str, line: int, evidence: str) -> None:
        if qid not in found or line < found[qid][0]:
            found[qid] = (line, " ".join(evidence.split()))

    # A section whose heading names the answer ("How we measure success", "On-call", "What a
    # good first quarter looks like"). A long heading is a sentence, read with the others below.
    for sec in doc.sections:
        # A Q&A posting's "Q. How will I know I'm doing a good job?": the question is the heading.
        words = _QA_MARK.sub("", sec.title).split()
        most = 10 if sec.title.rstrip().endswith("?") else 8  # a heading asked as a question runs longer
        if sec.kind in SKIP_KINDS or len(words) > most or not _has_content(sec, doc):
            continue
        qids = vocab.heading_answers(sec.title)
        if not qids:
            continue
        body = _first_paragraph(doc, sec)
        for qid in qids:
            # a heading that answers unless its first paragraph says otherwise ("How You Will
            # Be Evaluated" over "Your application will be rated on ...")
            if not any(rx.search(body) for rx in by_id[qid]["heading_unless"]):
                note(qid, sec.line, sec.title)

    # A sentence about the job or the team that says it. Only an earlier line replaces an
    # answer, so a question answered on or before the line where a block (or a clause) starts
    # is not searched for there: the answers are the same, at a fraction of the searches.
    title_line = doc.title.line if doc.title is not None else None
    for block in doc.blocks:
        if block.section.kind in SKIP_KINDS:
            continue
        if block.kind == "heading" and block.first_line == title_line:
            continue  # the job's title ("Support Engineer") is not a sentence about the job
        open_qs = [q for q in qs if q["id"] not in found or found[q["id"]][0] > block.first_line]
        if not open_qs:
            continue
        leadin = block.item.leadin if block.item is not None else None
        if leadin and vocab.is_other_leadin(leadin):
            continue  # "For each job on your resume, provide:" is not about the job
        past_list = bool(leadin and _PAST_LEADIN.search(leadin))
        text = block.text
        # A hard-wrapped line goes on with the next: "work with two other\nbackend engineers"
        # is read as one line (the same length, so every offset stays the text's). Sentences
        # are still split on the text as written (a blank line, a list item).
        flat = text.replace("\n", " ")
        folded = fold(flat)  # lower-cased once, for the words each clause holds (prefilter.py)
        for s0, s1 in _long_split(flat, _sentences(text)):
            if hiring.search(flat, s0, s1):
                continue
            # a sentence about the candidate's past stays so across its ";" clauses
            past = past_list or bool(opener.search(flat[s0:s1]))
            for a, b in _split(_CLAUSE_END, flat, s0, s1):
                clause = flat[a:b]
                line_a = block.position(a)[0]
                mask = None
                for q in open_qs:
                    if q["id"] in found and found[q["id"]][0] <= line_a:
                        continue
                    cue = q["any_team_answer"] if past else q["any_answer"]
                    if cue is None:
                        continue
                    if mask is None:  # the cues' words in this clause: one scan for every question
                        mask = scanner.mask(folded, a, b)
                    m = cue.search(clause, mask)
                    if m:
                        note(q["id"], block.position(a + m.start())[0], m.group(0))

    out = []
    for q in qs:
        hit = found.get(q["id"])
        if hit is None and q["id"] == "stack" and tools is not None:
            # A tool named as what the team uses ("we run Airflow", "our stack is ...") says
            # there is a stack to inherit.
            m = next((m for m in tools.mentions if m.role == "team-stack"), None)
            if m is not None:
                hit = (m.line, m.surface)
        out.append(Question(q["id"], q["question"], tuple(q.get("families") or ()),
                            hit[0] if hit else None, hit[1] if hit else ""))
    return out
