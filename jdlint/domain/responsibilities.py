"""Responsibilities: each unit of work the posting describes and the role family that owns it.

Work units are what a reader would count as one duty:

- the list items of responsibilities and first-problem sections (nested ones included), except
  items marked preferred, and of lists under "About the role" whose lead-in is about the hire
  ("Over your first year that will mean:"; other lists there are as often facts and perks);
- the sentences of prose paragraphs in those sections (a sentence that only introduces a list,
  ending in ":", is not a duty);
- in the opening text under the title and in "About the role" sections, the sentences whose
  subject is the hire or the role ("You will ...", "The DevOps Engineer will ...", "A data
  engineer II is responsible for ...", "As a principal engineer you ..."): classification
  descriptions and job-family pages describe the work in prose, not in lists. A sentence about
  the organisation ("We are ...", "Our agency ...") is context, not work.

A sentence or item about what the hire will not do, or what another team does ("it won't be
wired into the app", "our platform team runs the clusters"), is scope, not a duty.

A sentence that strings duties together with semicolons ("will deploy ...; configure ...;
debug ...") is one unit per duty, and so is a sentence of comma-separated verb phrases ("makes
sure the endpoint keeps its latency, plans the GPUs we need, and takes the pager").

All of a posting's units are classified together by the vocabulary's classifier
(``Vocab.classify_items``): each is read on its own words, and a close call between two
families goes the way the title and the rest of the posting's work read (``by_context``). The classifier
names the words that decided each unit; units it cannot place are kept with ``family=None`` so
``jdlint inspect`` can show them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator
from ..rxcache import re_compile

from .titles import grammar

WORK_SECTIONS = ("responsibilities", "first_problem")
ROLE_SECTIONS = ("role",)


@dataclass(frozen=True)
class WorkItem:
    line: int
    text: str
    family: str | None
    evidence: tuple[str, ...]  # the words that decided the family
    by_context: bool = False  # a close call the title and the posting's other work decided
    source: str = "item"  # "item" (a list item) or "prose" (a sentence of a paragraph)
    score: float = 0.0  # how sure the classifier is of the family (its probability)
    # The family the work's own words give, without the title's pull: what a rule that compares
    # the work with the title reads (the title cannot be evidence for itself).
    work_family: str | None = None
    work_score: float = 0.0
    work_evidence: tuple[str, ...] = ()
    section: int = 0  # the line of the section (or bold label) the unit sits under
    # The family the item's own words lean to before the rest of the posting pulls (None for
    # generic): an item read as another job only because of its neighbours still reads, on its
    # own, as this one.
    work_own: str | None = None


# Sentence ends: . ! ? followed by space and a capital, quote, bracket or digit; not after
# the abbreviations postings use.
_SENTENCE_END = re_compile(
    r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bvs)(?<!\bapprox)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bU\.S)(?<!\bno)"
    r"[.!?][\"'\u201d\u2019)]*\s+(?=[A-Z\"'\u201c\u2018(\d*_\[])")
_WORD = re_compile(r"[A-Za-z][A-Za-z'\u2019-]*")
# Who a sentence can be about when it describes the hire's work.
_HIRE_WORDS = frozenset("""you you'll you're you've your incumbent incumbents candidate candidates
applicant postholder jobholder hire employee individual person role position job""".split())
# A sentence that goes on from one about the hire ("You'll look after our servers. Day to day,
# that means patching them ...") is about the hire too.
_GOES_ON = re_compile(r"^\W*(?:day[- ]to[- ]day|in practice|typically|most days|on top of (?:that|this)|"
                      r"(?:that|this|which) (?:means|includes|will mean|involves)|that includes|including|"
                      r"beyond that|alongside (?:that|this)|as well as (?:that|this))\b", re.I)
_ORG_OPENERS = frozenset("we we're we've our us".split())
# A hiring notice or a pitch names the role without describing its work: "X is looking for
# talented engineers", "18F is hiring a ...", "this role is perfect for you if ...".
_NOTICE = re_compile(r"\b(?:is|are|'s|'re)\s+(?:now\s+|currently\s+)?(?:looking\s+for|hiring|seeking|recruiting)\b"
                     r"|\b(?:perfect|ideal|great|right)\s+(?:fit\s+)?for\s+you\b|\bideal\s+candidate\b"
                     r"|\bwe\s+(?:want|would\s+love)\s+to\s+hear\b", re.I)
# A question to the reader is a pitch, wherever it stands: "Are you a research software engineer
# who wants to help make climate models faster?"
_ASKS_THE_READER = re_compile(r"^\W*(?:are|do|have|would|could|can|is\s+this)\s+you\b[^.!]*\?\W*$", re.I)
# The terms of the job, not its work: "Your salary, including base and locality, will be
# determined upon selection", "Your application must include a cover letter", "You will be
# paid fortnightly". The subject is the hire's pay, benefits, place or application.
_TERMS = re_compile(
    r"^\W*(?:your|the\s+(?:successful\s+)?(?:candidate|applicant|hire|postholder)(?:'s|\u2019s))\s+(?:\w+\s+){0,2}?"
    r"(?:salary|salaries|pay|compensation|remuneration|wages?|benefits?|pension|leave|holidays?|vacation|"
    r"application|resume|r\u00e9sum\u00e9|cv|cover\s+letter|start(?:ing)?\s+date|contract|offer|appointment|"
    r"duty\s+(?:location|station)|location|relocation|clearance|background\s+(?:check|investigation)|probation(?:ary\s+period)?)\b"
    r"|^\W*(?:you(?:'|\u2019)ll|you\s+will|you\s+may|you\s+must)\s+(?:also\s+)?(?:be\s+(?:paid|eligible|entitled|offered|"
    r"required\s+to\s+(?:pass|undergo|submit|provide|complete\s+a\s+background))|receive\s+(?:a\s+)?(?:salary|pay|benefits?|"
    r"an?\s+offer))\b", re.I)
# A header's terms of the job: "**Band 6** — £37,338 to £44,962 per annum Permanent, full time
# (37.5 hours per week) Job reference: 349-PI-6712-25".
_JOB_TERMS = re_compile(r"[£$€¥₹]\s?\d|\b\d[\d,.]*\s?(?:k|K)?\s*(?:per\s+(?:annum|year|hour|month)|a\s+year|p\.?a\.?)\b|"
                        r"\bhours\s+(?:per|a)\s+week\b|\bjob\s+(?:reference|ref|id|number)\b|\bclosing\s+date\b", re.I)
# What the hire will NOT do, or what another team does, is scope, not a duty: "it won't be
# wired into the app", "you will not be on call", "our ML engineering group will build it".
_APPLYING = re_compile(r"\b(?:to be considered|please (?:submit|apply|send|upload|include)|submit (?:your|an|a) (?:application|resume|cv)|"
                       r"apply (?:online|here|now|through|via|by)|we do not accept (?:agency|unsolicited)|"
                       r"(?:agency|unsolicited) (?:resumes|cvs|submissions)|qualified applicants|"
                       r"(?:requires?|need|request) (?:an? )?accommodations?)\b", re.I)
_NOT_YOURS = re_compile(
    r"\b(?:you|we|this\s+role|the\s+role|this\s+position|this\s+job|the\s+job|the\s+hire)\s+(?:won't|will\s+not|will\s+never|"
    r"wouldn't|would\s+not|don't|do\s+not|aren't|are\s+not|isn't|is\s+not|never|shouldn't|should\s+not)\b"
    r"|\b(?:it|this|they)\s+(?:won't|will\s+not|will\s+never)\b"
    r"|\bnot\s+(?:part\s+of|in\s+scope\s+for|expected\s+of|responsible\s+for)\s+(?:you|this|the)\b"
    r"|^\W*there\s+(?:is|are|will\s+be)\s+no\b"
    r"|(?:^|[,;:]\s*)(?:our|the|a)\s+(?:separate\s+|dedicated\s+|central\s+)?(?:[\w/&-]+\s+){0,3}(?:team|group|squad|department|colleagues)\s+"
    r"(?:will\s+|then\s+)?(?:handles?|owns?|runs?|builds?|build|does|do|takes?\s+care|looks?\s+after|is\s+responsible|are\s+responsible)\b",
    re.I)
# An aside in brackets is not the item's clause: "Implementing REST API integrations with
# insurers' systems (often SOAP on their side - we will not lie to you)" is the hire's work.
_ASIDE = re_compile(r"\([^()]*\)")


# A sentence of a duties paragraph that sets the scene rather than giving the hire work: what
# customers or users do ("Our customers increasingly use LLMs to grade other LLMs"), or a
# comment on the last sentence ("That's cheap and fast, but LLM judges have known biases").
_CONTEXT_ONLY = re_compile(
    r"^\W*(?:(?:our|the|many|most|some|all)\s+(?:[\w-]+\s+)?(?:customers|clients|users|members|players|patients|"
    r"readers|listeners|shoppers|competitors|partners|buyers|sellers)\b(?!\s+(?:team|success|support|experience|data)\b)"
    r"|(?:that|this|it|these|those)(?:'s|\u2019s|\s+is|\s+are|\s+was|\s+were)\b)", re.I)
_TO_THE_HIRE = re_compile(r"\b(?:you|your|you'll|you're|you\u2019ll|you\u2019re|he|she|incumbent|post-?holder|jobholder)\b|"
                          r"\b(?:this|the|a)\s+(?:[\w-]+\s+)?(?:role|hire|candidate)\b|\bthis\s+(?:position|job|post)\b", re.I)


def _not_yours(text: str) -> bool:
    return bool(_NOT_YOURS.search(_ASIDE.sub(" ", text)))


# A sentence about what the hire must know or have, not what they will do: "DevOps Engineers
# will possess knowledge and experience in deployment ...; skill in configuring Linux web
# servers; creating custom HTML, CSS ... code", "The ideal candidate will have experience ...".
_QUALIFIES = re_compile(
    r"^\W*(?:[\w'\u2019-]+\s+){0,5}?(?:will|must|should|shall|to)\s+(?:also\s+)?(?:possess|have|bring|demonstrate|hold)\s+"
    r"(?:(?:a|an|the|strong|solid|good|broad|deep|proven|some|working|demonstrated|extensive)\s+)*"
    r"(?:knowledge|experience|skills?|familiarity|proficiency|understanding|expertise|background|abilit(?:y|ies)|"
    r"qualifications?|degree|track\s+record)\b", re.I)
# "**Job title:** ...", "Location: ...": a labelled fact, not a sentence about the work.
_LABELLED_FACT = re_compile(r"^\s*(?:\*\*|__)?[^\s:*_][^:*_\n]{0,40}?:(?:\*\*|__)?(?:\s|$)")
# Labels whose value is a fact of the job however long it runs ("Job title: Centers of
# Excellence: Data & Analytics Modernization Lead GS15").
_FACT_LABEL = re_compile(r"\b(?:title|position|grade|series|location|salary|pay|department|agency|"
                         r"duty station|closing date|open(?:ing)? date|appointment type|schedule)\s*:", re.I)


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    """(offset, sentence) for each sentence of a paragraph's text."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start() + 1
        if text[start:end].strip():
            yield start, text[start:end]
        start = m.end()
    if text[start:].strip():
        yield start, text[start:]


def _duties(sentence: str) -> Iterator[tuple[int, str]]:
    """The duties of one sentence: its semicolon-separated parts when there are three or more
    of them (a list written as a sentence); else its comma-separated verb phrases when two or
    more of the parts after the first open with a verb ("makes sure the endpoint keeps its
    latency, plans the GPUs we need, and takes the pager"); else the sentence."""
    parts = sentence.split(";")
    if len(parts) >= 3 and all(len(p.split()) >= 2 for p in parts):
        off = 0
        for p in parts:
            yield off, p
            off += len(p) + 1
        return
    cuts = list(_COMMA.finditer(sentence))
    if len(cuts) < 2:
        yield 0, sentence
        return
    from ..workfamily import lead_verbs

    verbs = lead_verbs()
    at_verb = [m for m in cuts if _opens_with_verb(sentence[m.end():], verbs)]
    # Duties listed in one sentence share their verb's form: after "Bringing together the
    # carriers' messages ..." the next duty opens "-ing" too, so "... and one still emails a
    # spreadsheet" and "a single, clean table" are parts of the first duty, not new ones.
    first = _after_you_will(_WORD.findall(sentence[:60]))
    if first and first[0].lower().endswith("ing") and _opens_with_verb(sentence, verbs):
        at_verb = [m for m in at_verb if _after_you_will(_WORD.findall(sentence[m.end():m.end() + 40]))[0].lower().endswith("ing")]
    # A verb whose object is "it" or "them" goes on with the duty before it ("package it, ship
    # it behind the prediction service, and roll it out"): one duty, not three. A sentence that
    # opens with a condition ("When a model is ready, you will package it") starts its first
    # duty there.
    listed = len(at_verb) >= 2  # a list of verb phrases written as a sentence
    if _SUBORDINATE.match(sentence) and not _opens_with_verb(sentence, verbs):
        at_verb = at_verb[1:]  # the first verb phrase is the condition's main clause
    at_verb = [m for m in at_verb if not _goes_on(sentence[m.end():])]
    if listed and at_verb:
        bounds = [0] + [m.end() for m in at_verb]
        ends = [m.start() for m in at_verb] + [len(sentence)]
        for a, b in zip(bounds, ends):
            if sentence[a:b].strip():
                yield a, sentence[a:b]
        return
    yield 0, sentence


_COMMA = re_compile(r",\s*(?:and\s+|or\s+|then\s+)?")
_SUBORDINATE = re_compile(r"\s*(?:when|whenever|once|if|after|before|as\s+soon\s+as|while|until|where)\b", re.I)
_PRONOUN_OBJECT = frozenset("it them this these those".split())


def _goes_on(text: str) -> bool:
    """Whether a comma part's verb acts on what the part before it named ("ship it", "roll
    them out"): its object is a pronoun."""
    words = _after_you_will(_WORD.findall(text[:80]))
    return len(words) >= 2 and words[1].lower() in _PRONOUN_OBJECT


def _after_you_will(words: list[str]) -> list[str]:
    """A comma part's words without an opening "you'll" / "you will" (", and you'll build the
    forecasts ...")."""
    if words and words[0].lower() in ("you'll", "you\u2019ll"):
        return words[1:]
    if len(words) > 1 and words[0].lower() == "you" and words[1].lower() == "will":
        return words[2:]
    return words


def _opens_with_verb(text: str, verbs: frozenset[str]) -> bool:
    """Whether a comma part is a verb phrase: a known duty verb, then at least three more words,
    and not the head of a list of nouns ("engineers and designers")."""
    from ..workfamily import lemma

    words = _after_you_will(_WORD.findall(text[:120]))  # the phrase's opening only: a long sentence stays linear
    if len(words) < 4:
        return False
    w = words[0].lower()
    # A noun in a list is not a duty's verb, even one that is also a verb ("Administer the org:
    # users, profiles, permission sets, page layouts, validation rules and record types"): a
    # word followed straight by a comma has no object, and a nominalisation is never a verb.
    if w.endswith(_NOUN_ENDINGS) or _LIST_NOUN.match(text):
        return False
    return len(w) > 2 and lemma(w) in verbs and words[1].lower() not in ("and", "or", "nor")


_NOUN_ENDINGS = ("tion", "tions", "sion", "sions", "ment", "ments", "ness", "ity", "ities", "ance", "ence")
_LIST_NOUN = re_compile(r"\s*[\w'\u2019-]+\s*(?:,|$)")


_YOU_WILL = re_compile(r"\byou(?:'|\u2019)ll\b|\byou\s+will\b", re.I)


def _about_the_hire(sentence: str, heads: frozenset[str]) -> bool:
    """Whether the sentence's subject (its first dozen words) is the hire or the role, or it
    says what the hire will do anywhere ("When a terminal's damage rate spikes, you'll dig in")."""
    words = [w.lower().strip("'\u2019") for w in _WORD.findall(sentence)[:12]]
    if not words or words[0] in _ORG_OPENERS:
        return False
    for w in words:
        if w in _HIRE_WORDS or w in heads or (w.endswith("s") and w[:-1] in heads):
            return True
    return bool(_YOU_WILL.search(sentence))


def _untyped(section: Any) -> bool:
    """A section whose heading names no kind and sits under none that does ("The gig", "Part 2:
    our data platform")."""
    return section.kind == "other" and not section.explicit_kind


def _duty_list(item: Any, heads: frozenset[str], vocab: Any) -> bool:
    """A list under "About the role" whose lead-in is about the hire ("Over your first year
    that will mean:", "As our analyst you will:") lists duties; other lists there are as often
    facts and perks. Under a heading of no known kind ("What we need from you") the lead-in
    must say the list is the hire's work ("You will be responsible for ...:", "You'll own:")."""
    leadin = str(item.leadin or "")
    if not leadin or _announces_other(leadin, vocab):
        return False
    if item.section.kind in ROLE_SECTIONS:
        return _about_the_hire(leadin, heads)
    return _untyped(item.section) and _duty_leadin(leadin)


# "You will be responsible for:", "Your job is to:", "You'll own and run:" (a duty verb after
# "you will"), not "You'll get:" or "You will need:".
_DUTY_LEADIN = re_compile(r"\bresponsib\w*\s+for\b|\byour\s+(?:job|role|work|duties|remit|responsibilities)\s+(?:is|are|will|includes?)\b", re.I)
_YOU_WILL_VERB = re_compile(r"\b(?:you(?:'|\u2019)ll|you\s+will)\s+(?:also\s+|be\s+)?([a-z]+)", re.I)
_NOT_DUTY_VERBS = frozenset("get have receive enjoy earn gain join need bring be benefit".split())


# "You'll work closely with:", "You will partner with:", "You'll report to:" introduce people.
_PEOPLE_LEADIN = re_compile(r"\b(?:work|collaborat|partner|liais|interact|report|sit|pair|engag|coordinat)\w*\s+"
                            r"(?:(?:closely|directly|daily|regularly|mostly|most|often)\s+)?"
                            r"(?:with|alongside|to|into|across)(?:\s+(?:the\s+)?(?:following|these|people|teams|groups))?\s*:?\W*$", re.I)


# An item that only says who the hire works with ("Work with a product manager, two backend
# engineers and our payments operations team"): people, not work. One that says what for ("to
# define the metrics", "on the migration", "so that ...") is work.
_ONLY_PEOPLE = re_compile(
    r"^\W*(?:(?:you(?:'|\u2019)ll|you\s+will)\s+(?:also\s+)?)?(?:work|collaborat|partner|pair|sit)\w*\s+"
    r"(?:(?:closely|directly|daily|day[- ]to[- ]day|every\s+day|regularly|alongside)\s+)?(?:with|alongside|beside)\s+"
    r"(?![^.;:]*\b(?:to|on|in order|so that|so|for|in|across|through|towards?|until|by|around|when|while|as|who|which|that)\b)"
    r"[^.;:]*[.;]?\s*$", re.I)


# A sentence that only places the hire: "You'll sit within the Marketing Operations team and
# report to the Director, Marketing Operations", "The role reports to the Head of Data". Where
# the hire sits says who they work with, not what they do (each clause is a placement; "join
# the data team and build our pricing models" has work in it).
_PLACEMENT_CLAUSE = re_compile(
    r"^\W*(?:(?:you(?:'|\u2019)ll|you\s+will|you|the\s+(?:role|post|position|hire|successful\s+candidate)|this\s+(?:role|post|position))"
    r"\s+(?:also\s+)?)?(?:(?:sit|sits|be\s+based|based)\s+(?:within|in|inside|on|with)|join|joins|be\s+(?:part|a\s+member)\s+of|"
    r"(?:report|reports|reporting)\s+(?:directly\s+)?(?:in)?to|be\s+line[- ]managed\s+by)\s+"
    r"(?!.*\b(?:on|about|each|every|weekly|monthly|quarterly|daily|regularly|progress|results|findings|to\s+\w+)\b)"
    r"(?!.*\b(?:and|then|while)\s+(?!(?:the|our|a|an|your|their|its)\b)(?-i:[a-z]))"
    r"[^.;:]*?[.;]?\s*$", re.I)
_CLAUSES = re_compile(r",?\s+and\s+(?=(?:report|sit|join|be\s)\w*)|;\s*", re.I)


# ... and what is joined is a group ("join the Platform team"), not an activity ("join sales
# calls with prospects").
_JOINS = re_compile(r"\bjoins?\b", re.I)
_GROUP_END = re_compile(r"\b(?:team|squad|group|department|unit|crew|function|desk|practice|lab|office|chapter|guild|tribe|"
                        r"pod|division|organi[sz]ation|company|studio|us)\W*$", re.I)


def _only_placement(text: str) -> bool:
    clauses = [c for c in _CLAUSES.split(text) if c.strip()]
    return bool(clauses) and all(_PLACEMENT_CLAUSE.match(c) and (not _JOINS.search(c) or _GROUP_END.search(c))
                                 for c in clauses)


# What the colleagues do, said after a comma ("Work with our two BI developers, who build the
# Power BI reports on top of your tables"), describes them: the item still only names people.
_DESCRIBED = re_compile(r",\s+who\s+[^,.;:]*[.;]?\s*$", re.I)


def _duty_leadin(leadin: str) -> bool:
    from ..workfamily import lead_verbs, lemma

    if _PEOPLE_LEADIN.search(leadin):
        return False
    if _DUTY_LEADIN.search(leadin):
        return True
    return any(v.lower() not in _NOT_DUTY_VERBS and lemma(v.lower()) in lead_verbs()
               for v in _YOU_WILL_VERB.findall(leadin))


def _opening_sections(doc: Any) -> set[int]:
    """The sections whose prose introduces the role: the title's own section (or the text
    before any heading) and sections of the "role" kind."""
    out = {id(doc.root)}
    title = doc.title
    title_key = " ".join(title.text.lower().split()) if title is not None else None
    before_typed = True  # no section with a known kind yet: still the posting's opening
    for n, sec in enumerate(doc.sections):
        named_as_title = title is not None and (sec.line == title.line or " ".join(sec.title.lower().split()) == title_key)
        untyped = _untyped(sec)
        # A bold company line under the title ("**Acme · Vancouver · $105,000**") does not end
        # the opening; the first real heading does.
        before_typed = before_typed and (named_as_title or n == 0 or (untyped and bool(sec.bold)))
        if sec.kind in ROLE_SECTIONS or named_as_title or (untyped and (n == 0 or before_typed)):
            out.add(id(sec))
    return out


def _list_key(item: Any) -> tuple:
    # Lists under bold or italic labels ("*Online shop*", "*Trade customers*") of one section
    # are one list by their shape: the labels group its items, they do not start a new kind.
    sec = item.section
    while sec.bold and sec.parent is not None and sec.parent.kind == sec.kind:
        sec = sec.parent
    return (id(sec), item.depth, id(item.parent), item.leadin)


def _verb_list_key(item: Any) -> tuple:
    """``_list_key``, with the lists under sibling labels of one list taken as one list: "One
    role, three hats" whose "**Machine learning**", "**Platform reliability**" and "**OT/IT
    integration**" items each hold two or three duties lists seven duties, not three short
    lists of facts."""
    parent = item.parent
    if parent is not None and _names_a_group(str(parent.text)):
        return ("under-labels", _list_key(parent))
    if _label_leadin(item.leadin):
        # "*Online shop*", "*Trade customers*": labels over one list, not lead-in sentences
        return (*_list_key(item)[:3], None)
    return _list_key(item)


# A lead-in that is only an emphasised label ("*Online shop*", "**Trade customers**"): it names
# a group of the list, it does not say whose the items are.
_LABEL_LEADIN = re_compile(r"^\s*(?:\*\*|__|\*|_)(?P<label>[^*_:\n]{1,40})(?:\*\*|__|\*|_)\s*$")


def _label_leadin(leadin: Any) -> bool:
    if not leadin:
        return False
    m = _LABEL_LEADIN.match(str(leadin))
    return m is not None and len(m.group("label").split()) <= 5


# Verbs that open duties in any trade, which the work-family model may never have seen open one
# (it learnt from technical postings): "Staff the front desk", "Receive and distribute mail",
# "Process vendor invoices", "Assist HR with new-hire paperwork", "Train customer teams".
_DUTY_VERBS = frozenset("""staff receive process assist train greet schedule organise organize arrange
distribute file draft compile record reconcile invoice purchase liaise prepare update answer route
order book host welcome issue register collect log escalate triage onboard induct teach tutor
advise counsel inspect audit verify check clean stock pack ship dispatch deliver install repair
service replace""".split())


@lru_cache(maxsize=1)
def _opening_verbs() -> frozenset[str]:
    """The lemmas a duty may open with: the model's lead verbs and ``_DUTY_VERBS``."""
    from ..workfamily import lead_verbs, lemma

    return lead_verbs() | frozenset(lemma(v) for v in _DUTY_VERBS)


def _announces_other(leadin: str, vocab: Any) -> bool:
    """A lead-in that announces a vacancy or a list of another kind ("benefits including:")."""
    return bool(_NOTICE.search(leadin)) or vocab.is_other_leadin(leadin)


def _hire_leadin(leadin: str, heads: frozenset[str], vocab: Any) -> bool:
    """A lead-in about the hire that introduces neither people, perks, demands nor a notice
    ("Once a deal closes, you stay with the account:", not "You'll get:" or "You will need:")."""
    if _announces_other(leadin, vocab) or _PEOPLE_LEADIN.search(leadin):
        return False
    if any(v.lower() in _NOT_DUTY_VERBS for v in _YOU_WILL_VERB.findall(leadin)):
        return False
    return _about_the_hire(leadin, heads)


def _verb_lists(doc: Any, opening: set[int], heads: frozenset[str], vocab: Any) -> set[tuple]:
    """Lists under "About the role", "What the job actually involves" or a heading of no known
    kind ("The gig", "Part 2: building our data platform") that are duties by their shape: three
    or more items, most of them opening with a duty verb ("Build and maintain the nightly jobs
    ..."), with no lead-in or one about the hire ("Once a deal closes, you stay with the account
    through go-live:")."""
    from ..workfamily import lemma

    verbs = _opening_verbs()
    groups: dict[tuple, list[bool]] = {}
    for it in doc.items:
        if ((it.section.kind not in ROLE_SECTIONS and id(it.section) not in opening and not _untyped(it.section))
                or (it.leadin and not _label_leadin(it.leadin) and not _hire_leadin(str(it.leadin), heads, vocab))):
            continue
        words = _WORD.findall(str(it.text)[:60])
        groups.setdefault(_verb_list_key(it), []).append(bool(words) and lemma(words[0].lower()) in verbs)
    return {k for k, opens in groups.items() if len(opens) >= 3 and sum(opens) >= 0.6 * len(opens)}


def _item_duties(text: str) -> list[str]:
    """A list item is one duty, unless it is a paragraph of them: "**The AI tutor.** Build the
    chat tutor: write and test the prompts, wire up the tools it calls, and ship new features
    every sprint" holds several, and a posting made of three such items asks for far more than
    three duties' worth of work. Its sentences and their duties (``_duties``) are the units then;
    a bold label ("**The AI tutor.**") is not one."""
    sentences = [sent for _off, sent in _sentences(text)]
    out = [" ".join(d.split()) for sent in sentences for _off, d in _duties(sent)]
    out = [d for d in out if len(d.split()) >= 3]
    return out if len(out) >= 2 else [text]


def _prose_units(doc: Any, heads: frozenset[str], opening: set[int]) -> Iterator[tuple[int, str, int]]:
    title_line = doc.title.line if doc.title is not None else None
    for block in doc.blocks:
        if block.kind != "paragraph" or block.item is not None or block.first_line == title_line:
            continue
        sec = block.section
        in_work = sec.kind in WORK_SECTIONS
        if not in_work and id(sec) not in opening:
            continue
        text = block.text
        if sec.bold and block.first_line == sec.line:
            # The bold or italic label that opens the section ("**About the role**") is its
            # heading, not a sentence: only what follows it on later lines is prose.
            cut = text.find("\n")
            if cut < 0:
                continue
            text = " " * (cut + 1) + text[cut + 1:]
        prev_about = False
        hire_said = False  # "The person we hire will be ...": a following "He will ..." is the hire
        for off, sent in _sentences(text):
            if _THE_HIRE.search(sent):
                hire_said = True
            about = not in_work and (_about_the_hire(sent, heads) or (prev_about and bool(_GOES_ON.search(sent)))
                                     or (hire_said and bool(_PRONOUN_SUBJECT.match(sent))))
            prev_about = about
            fact = _LABELLED_FACT.match(sent)
            if sent.rstrip().endswith(":") or (fact and (len(sent[fact.end():].split()) <= 8
                                                         or _FACT_LABEL.search(fact.group(0)))):
                continue  # introduces a list, or states a labelled fact ("Job title: ...")
            plain = _APPOSITIVE.sub(r"\g<name>", sent)  # "a note from Priya, our product designer"
            moved = plain != sent  # offsets past the appositive no longer match the block's text
            sent = plain
            other = _SOMEONE_ELSE.search(sent)
            if other and hire_said and _PRONOUN_SUBJECT.match(sent):
                other = None  # "He will greet buyers ..." after "The person we hire ..."
            elif other:
                hire_said = False  # a colleague by name: the pronouns after it are theirs
            if _not_yours(sent) or other:
                continue  # what the hire will not do; what a named colleague does
            if _QUALIFIES.search(sent):
                continue  # what the hire must know, not what they will do
            if (_ROLL_CALL.search(sent) and not _YOU.search(sent)) or _CREDITED.search(sent) or _ASKS_THE_READER.search(sent):
                continue  # who the team is, the credit the hire may get, a question to the reader
            if _ALREADY_BUILT.search(sent) and not _YOU.search(sent):
                continue  # what the team already has: "Retrieval combines BM25 with embedding-based
                # retrieval, which we added in 2025", "Last year we added a dense retrieval stage"
            if not in_work and (_TERMS.search(sent) or _JOB_TERMS.search(sent)):
                continue  # the job's pay, benefits, place or application, not its work
            if not in_work and (not about or _NOTICE.search(sent)):
                continue
            if sec.kind == "first_problem" and not _states_work(sent):
                continue  # the problem as it stands ("It runs as one long Airflow task", "We
                # throw away 4% of fresh produce"): the state of things, not a duty
            for doff, duty in _duties(sent):
                lead = len(duty) - len(duty.lstrip())
                unit = " ".join(duty.split())
                if len(unit.split()) < 3:
                    continue
                line, _col = block.position(off + (0 if moved else doff + lead))
                yield line, unit, int(sec.line)


# What makes a sentence of a first-problem section work to do rather than the problem as it
# stands: the hire addressed or named, a duty's verb first, an obligation or a plan ("has to run
# on the new queue by March", "needs to be replaced"), or the work named as the priority.
_TO_DO = re_compile(r"\b(?:will|must|needs?\s+to|has\s+to|have\s+to|should|going\s+to|(?:is|are)\s+to\s+be)\b"
                    r"|\b(?:priority|goal|job|task|focus|project|mission|challenge|aim|brief|first\s+step)\s+(?:is|will\s+be|for\s+you)\b",
                    re.I)


def _states_work(sent: str) -> bool:
    from ..workfamily import lead_verbs

    return bool(_YOU.search(sent) or _THE_HIRE.search(sent) or _TO_DO.search(sent)
                or _opens_with_verb(sent, lead_verbs()))


# A sentence about a colleague, not the hire: "He owns the SSIS loads", "When a build breaks,
# Tomás gets paged first" (a name, or he or she, as the subject). And the colleague's role named
# beside their name ("Priya, our product designer") is who they are, not the hire's work.
# A person's name as it opens a clause: one or two capitalised words ("Tomás", "Priya Shah").
_NAME = r"(?-i:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)(?:\s+(?-i:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+))?"
_SOMEONE_ELSE = re_compile(
    r"^\W*(?:(?:he|she)\b(?!\s*/)"
    r"|(?:[^,.;]{0,60},\s+)?(?!(?:you|we|they|it|this|that|these|those|there|here|our|your|each|every|everyone|"
    r"everything|all|one|who|what|which|someone|nobody|no\s+one)\b)" + _NAME
    + r"\s+(?:owns|runs|keeps|handles|leads|manages|gets|looks\s+after|takes\s+care|does|is|has|will)\b)",
    re.I)
# What the team built before the hire, told as such: the present system, not the hire's work.
_ALREADY_BUILT = re_compile(
    r"\b(?:which|that)\s+we\s+(?:added|built|introduced|launched|shipped|adopted|wrote|set\s+up|moved\s+to|migrated\s+to)\b"
    r"|\bwe\s+(?:added|built|introduced|launched|shipped|adopted|set\s+up)\b[^.;]{0,60}?\b(?:in\s+20\d\d|last\s+(?:year|quarter)|"
    r"(?:a\s+few|two|three|several)\s+years?\s+ago)\b"
    r"|\b(?:in\s+20\d\d|last\s+(?:year|quarter|spring|summer|autumn|fall|winter)|(?:a\s+few|two|three|several)\s+years?\s+ago),?\s+"
    r"we\s+(?:added|built|introduced|launched|shipped|adopted|set\s+up|moved\s+to|migrated\s+to)\b", re.I)
_YOU = re_compile(r"\byou(?:r|.ll|.re|.d)?\b", re.I)
# The credit the hire may be given, not work: "The Research Scientist may be included as a
# co-author on publications where their contribution warrants it".
_CREDITED = re_compile(r"\b(?:may|might|could|can|will)\s+(?:also\s+)?be\s+(?:included|credited|listed|named|acknowledged|invited\s+to\s+be)\s+as\s+"
                       r"(?:an?\s+)?(?:co-?author|author|contributor|inventor)\b", re.I)
# Who the team is, a roll-call: "The lab includes three postdoctoral fellows, nine PhD students
# and a rotating group of undergraduate researchers", "Our squad is four engineers and a
# designer". The people named are colleagues, not the hire's work.
_ROLL_CALL = re_compile(
    r"^\W*(?:the|our|this)\s+(?:[\w&'\u2019-]+\s+){0,3}?(?:lab|laboratory|team|group|unit|department|squad|office|practice|"
    r"centre|center|section|division|pod|crew)\s+(?:currently\s+|now\s+)?(?:includes|comprises|consists\s+of|is\s+made\s+up\s+of|"
    r"has|is|are)\s+(?:about\s+|around\s+|roughly\s+|just\s+|only\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fifteen|twenty|a\s+(?:handful|mix|small\s+group|couple))\b[^.;]*?\b(?:people|staff|students|fellows|"
    r"postdocs?|engineers?|scientists?|analysts?|designers?|researchers?|developers?|managers?|nurses|clinicians|colleagues|members)\b", re.I)
# The hire named as a person, which a following he or she refers back to: "The person we hire
# will be the first face our clients see", "The successful candidate will ...", "This person".
_THE_HIRE = re_compile(
    r"\b(?:the|this|our)\s+(?:person|individual|candidate|hire|applicant|incumbent|post-?holder|employee|"
    r"(?:successful|ideal|right|selected|new)\s+(?:person|candidate|applicant|hire|individual|team\s+member|colleague))"
    r"\s+(?:we\s+hire|we\s+select|we\s+choose|selected|chosen|hired|will|should|must|would|in\s+this\s+(?:role|position))\b",
    re.I)
_PRONOUN_SUBJECT = re_compile(r"^\W*(?:he|she)\b", re.I)
_APPOSITIVE = re_compile(
    r"(?P<name>\b" + _NAME + r"),\s+(?:our|the|a|an|their|your)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:engineer|developer|designer|analyst|scientist|manager|lead|director|head|owner|architect|administrator|"
    r"officer|specialist|coordinator|researcher|consultant|founder|colleague|teammate|mentor|planner|controller|"
    r"accountant|nurse|doctor|pharmacist|supervisor)s?(?:\s+on\s+call)?(?:,|(?=[.;!?]|$))",
    re.I)


# "Use an LLM to sort and summarise the survey answers": a duty that names an AI model as its
# instrument is the work the model is used for, so the classifier reads the purpose. Using a
# language model to categorise comments is analysis, not building an LLM feature (the seeds'
# line between a data scientist who uses LLMs and an AI engineer who builds with them). Other
# instruments keep their sentence: "use dbt to model the marketing data" is dbt work.
_INSTRUMENT = re_compile(
    r"^\s*(?:(?:you(?:'|\u2019)ll|you\s+will|will)\s+)?(?:use|uses|using|leverage|leverages|leveraging|employ|employs)\b"
    r"(?P<tool>[^.;:]{1,100}?)\s+(?:to|in\s+order\s+to|for|as\s+an?\s+(?:\w+\s+){0,2}?(?:for|to|in))\s+(?P<purpose>[^;]{8,})$", re.I)


# The AI models a duty may name as its instrument.
_AI_NAMES = (r"AI|LLMs?|GenAI|(?:large\s+)?language\s+models?|generative\s+AI|GPT[\w.-]*|ChatGPT|Claude|Gemini|Copilot|"
             r"foundation\s+models?")
_AI_INSTRUMENT = re_compile(rf"\b(?:{_AI_NAMES}|artificial\s+intelligence)\b", re.I)


# Using AI models in one's own work, said and left there, is not a duty of any family: "Like the
# rest of the team, you will also use large language models as a working tool" says how the
# hire works, not what the work is (a purpose, "use an LLM to sort the survey answers", is read
# as that purpose above).
_AI_AS_A_TOOL = re_compile(
    r"\b(?:use|uses|using|leverage|leverages|leveraging|rely\s+on|relies\s+on|draw\s+on|lean\s+on|leans\s+on)\s+(?:[\w-]+\s+){0,4}?"
    rf"(?:{_AI_NAMES}|AI\s+assistants?|coding\s+assistants?)\b[^.;:]{{0,40}}?\s+as\s+(?:an?|your|our|their|a\s+daily|an\s+everyday)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:tools?|aids?|assistants?|helpers?|co-?pilots?|instruments?)\s*(?:[.;!]|$)", re.I)


# Getting started is not a duty of any family: "Meet the data owners and the people who build
# reports", "Learn how Clarity, Caboodle and Power BI fit together here", "Shadow the on-call
# engineer for two weeks".
_ONBOARDING = re_compile(r"^\W*(?:(?:\*\*[^*]*\*\*|__[^_]*__)\s*)?(?:(?:you(?:'|\u2019)ll|you\s+will)\s+(?:first\s+)?)?"
                         r"(?:meet|learn|get\s+to\s+know|shadow|ramp\s+up|settle\s+in|familiari[sz]e|"
                         r"get\s+familiar|attend\s+(?:your\s+|an?\s+|the\s+)?(?:induction|onboarding|orientation))\b", re.I)


def _purpose(text: str) -> str:
    m = _INSTRUMENT.match(text)
    if m is None or len(m.group("purpose").split()) < 2 or not _AI_INSTRUMENT.search(m.group("tool")):
        return text
    return m.group("purpose")


@lru_cache(maxsize=1024)
def _names_a_group(text: str) -> bool:
    """A list item's own text that only names what its nested items are: a few words, or a
    lead-in ending in a colon. (Kept per text: every item of a list asks about its parent, and
    a lead-in that ends in a colon is read by the work-family features.)"""
    words = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).strip(" *_:").split()
    if len(words) <= 4:
        return True
    if not text.rstrip(" *_").endswith(":"):
        return False
    # A lead-in that is itself a duty, its verb and object named and the list saying what for
    # ("Develop failure-prediction models from vibration and oil data for:"), is work; one that
    # only announces a list ("Responsibilities include the following:") is not.
    from ..workfamily import features

    return len(words) < 6 or not any(f.name.startswith("vo:") for f in features(" ".join(words)))


def work_items(doc: Any, vocab: Any, title_family: str | None = None) -> list[WorkItem]:
    heads = frozenset(grammar(vocab).heads)  # the title grammar's role nouns, lower case
    opening = _opening_sections(doc)
    verb_lists = _verb_lists(doc, opening, heads, vocab)
    # An item whose nested list says the work, and which only names it ("Platform hygiene",
    # "Report development", "Data modelling:"), is a label for its group, not a duty.
    parents = {id(it.parent) for it in doc.items if it.parent is not None}
    labels = {id(it) for it in doc.items if id(it) in parents and _names_a_group(str(it.text))}
    # (line, text, source, section): the section is the nearer context a close call is read in.
    units: list[tuple[int, str, str, int]] = [
        (int(it.line), duty, "item", int(it.section.line)) for it in doc.items
        if id(it) not in labels
        and not it.preferred and (it.section.kind in WORK_SECTIONS or _duty_list(it, heads, vocab)
                                 or _verb_list_key(it) in verb_lists)
        and not _not_yours(str(it.text))
        for duty in _item_duties(str(it.text))]
    units += [(line, text, "prose", section) for line, text, section in _prose_units(doc, heads, opening)]
    # The equal-opportunity statement and the application instructions, where a posting puts
    # them under its duties, are not work ("To be considered, please submit your application").
    statement = vocab.statement_cues
    units = [u for u in units if not (statement.search(u[1]) or _APPLYING.search(u[1]) or _ONBOARDING.match(u[1])
                                      or _ONLY_PEOPLE.match(_DESCRIBED.sub("", u[1])) or _AI_AS_A_TOOL.search(u[1]) or _only_placement(u[1])
                                      or (u[2] == "prose" and _CONTEXT_ONLY.match(u[1]) and not _TO_THE_HIRE.search(u[1])))]
    units.sort(key=lambda u: u[0])
    verdicts = vocab.classify_items([_purpose(u[1]) for u in units], title_family, [u[3] for u in units])
    out = []
    for (line, text, source, section), v in zip(units, verdicts):
        if _agents_are_people(text):
            # "agents on the floor", "build agent schedules and shift rosters", "a fraudster
            # convinced an agent": the agents of a contact centre or a mobile-money network
            # are people, and their work says nothing of the AI kind.
            v = v._replace(family=None if v.family == "ai-engineer" else v.family,
                           work_family=None if v.work_family == "ai-engineer" else v.work_family,
                           work_own=None if v.work_own == "ai-engineer" else v.work_own)
        out.append(WorkItem(line, text, v.family, tuple(v.evidence), v.by_context, source, v.score,
                            v.work_family, v.work_score, tuple(v.work_evidence), section,
                            None if v.work_own == "generic" else v.work_own))
    return out


# Agents who are people: a contact centre's, a sales floor's, a travel or estate agency's.
_PEOPLE_AGENTS = re_compile(
    r"\b(?:call|contact|customer|service|support|sales|travel|estate|insurance|booking|care|help\s*desk|floor|frontline|front-line|chat|phone|voice|live)"
    r"[\s-]+(?:cent(?:re|er)\s+)?agents?\b"
    r"|\bagents?(?:'s|s')?\s+(?:\w+\s+){0,2}?(?:shifts?|rosters?|rotas?|schedules?|adherence|occupancy|headcount|handle\s+time|"
    r"on\s+the\s+floor|attrition|staffing|utili[sz]ation|break\s+times?|seats?)\b"
    r"|\b(?:number\s+of|staff(?:ing)?|hire|hiring|coach(?:ing)?|train(?:ing)?|roster(?:ing)?|rota|scheduling)\s+(?:\w+\s+){0,2}?agents?\b", re.I)


def _agents_are_people(text: str) -> bool:
    """Whether the agents an item names are people: it says nothing of AI, and it either names
    them as people (contact-centre agents, their shifts and rosters) or does not build them
    ("Build agents that can call internal APIs" builds software agents)."""
    if not _AGENT.search(text) or _AI_WORDS.search(text):
        return False
    return bool(_PEOPLE_AGENTS.search(text)) or not _BUILT_AGENT.search(text)


_AGENT = re_compile(r"\bagents?\b", re.I)
_BUILT_AGENT = re_compile(r"\b(?:build|develop|design|deploy|ship|creat|orchestrat|evaluat|train|fine-?tun|prototyp|implement|launch|test)"
                          r"\w*\s+(?:(?!agents?\b)[\w-]+\s+){0,3}?agents?\b|\bagents?\s+(?:that|which|who)\s+(?:can|will|could)\b", re.I)
_AI_WORDS = re_compile(r"\b(?:AI|LLMs?|GPT|GenAI|generative|language\s+models?|agentic|prompts?|tool[- ]?(?:use|calling)|"
                       r"function[- ]calling|autonomous|model[- ]based|MCP|RAG|chatbots?|copilots?|assistants?|retrieval|embeddings?|vector|"
                       r"fine-?tun\w*|ML|machine\s+learning|neural|NLP|natural\s+language|reasoning|planner|guardrails?|"
                       r"hallucinat\w*|bots?|hand(?:-?off|over)\s+to\s+(?:an?\s+)?human)\b", re.I)


def family_groups(vocab: Any) -> dict[str, str]:
    """Family -> group id, joining adjacent families (transitively): close families (data
    science and analysis, ML engineering and MLOps) count as one job."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for pair in sorted(sorted(p) for p in vocab.adjacent):
        a, b = pair
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {f: find(f) for f in parent}
