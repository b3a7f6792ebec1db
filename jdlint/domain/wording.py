"""Wording: masculine- and feminine-coded words, and exclusionary phrases.

Coded words are matched as prefixes of the Gaucher, Friesen & Kay (2011) stems (as
gender-decoder does), in prose only: headings and bold heading lines are not wording, and
ordinary AI/ML/data vocabulary the stems would catch ("analytics", "decision trees") is exempt
through ``inclusive.yaml``. Exclusionary phrases come from the same file; a phrase in Title
Case in mid-sentence is a name ("the Pathways Recent Graduates program"), not wording.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from ..prefilter import CueList, LiteralScanner, fold, literal_sets
from ..rxcache import compile as rxcompile
from ..textindex import PrefixIndex


@dataclass(frozen=True)
class CodedWord:
    line: int
    column: int
    end_column: int
    word: str
    side: str  # "masculine" or "feminine"
    form: bool  # one of the trait forms (the study's sense), not just a stem's prefix
    where: str  # "prose", or where it does not speak about the hire: "title", "statement", "quote"

    @property
    def counts(self) -> bool:
        """A trait form in the posting's own voice about the job."""
        return self.form and self.where == "prose"


@dataclass(frozen=True)
class PhraseHit:
    entry: dict  # the inclusive.yaml entry (pattern, category, replacement, fix)
    block: Any
    start: int
    end: int
    text: str


@lru_cache(maxsize=8)
def _coded_index(vocab: Any) -> tuple[PrefixIndex, dict[str, str], CueList, frozenset[str], CueList,
                                      LiteralScanner]:
    """The coded stems as a prefix index (a word start after a hyphen counts, so "data-driven"
    is split as gender-decoder splits it), the exemptions as one list of cues, the trait
    forms, the equal-opportunity statement cues as one list, and the scanner for the words both
    lists' cues need (each cue is searched only in a text that holds them: prefilter.py)."""
    g = vocab.inclusive["gendered"]
    side = {s.lower(): "masculine" for s in g["masculine"]}
    side.update({s.lower(): "feminine" for s in g["feminine"]})
    forms = frozenset(w.lower() for w in g.get("masculine_forms", []) + g.get("feminine_forms", []))
    exempt_sources = [p.pattern for p in vocab.gender_exempt]
    statement_sources = list(g.get("statement_cues") or [r"(?!)"])
    literals = dict(zip(exempt_sources + statement_sources,
                        literal_sets(exempt_sources + statement_sources, regex.I, "wording")))
    scanner = LiteralScanner()
    exempt = CueList(exempt_sources, regex.I, rxcompile, scanner, literals.__getitem__)
    statement = CueList(statement_sources, regex.I, rxcompile, scanner, literals.__getitem__)
    return PrefixIndex(side, whole_word=False), side, exempt, forms, statement, scanner


_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-'\u2019")
_QUOTED = rxcompile(r'"[^"\n]{1,300}"|\u201c[^\u201d\n]{1,300}\u201d')


def _token(text: str, start: int, end: int) -> str:
    """The whole word around text[start:end], hyphenated compounds included."""
    a, b = start, end
    while a > 0 and text[a - 1] in _WORD_CHARS:
        a -= 1
    while b < len(text) and text[b] in _WORD_CHARS:
        b += 1
    return text[a:b].strip("-'\u2019").lower()


def coded_words(doc: Any, vocab: Any) -> list[CodedWord]:
    """Every word that starts with a coded stem, in document order, with whether it is one of
    the trait forms and whether it stands in the posting's own voice."""
    index, side, exempt_cues, forms, statement_cues, scanner = _coded_index(vocab)
    heading_lines = {s.line for s in doc.sections}
    text, position = doc.joined(skip_headings=True)
    mask = scanner.mask(fold(text))
    exempt = [(e.start(), e.end()) for e in exempt_cues.finditer(text, mask)]
    # Spans that do not speak about the hire: statement paragraphs and quotations.
    other: list[tuple[int, int, str]] = []
    for m in statement_cues.finditer(text, mask):
        a = text.rfind("\n\n", 0, m.start())
        b = text.find("\n\n", m.end())
        other.append((a + 1 if a >= 0 else 0, b if b >= 0 else len(text), "statement"))
    other += [(m.start(), m.end(), "quote") for m in _QUOTED.finditer(text)]
    other.sort()
    starts = [a for a, _b, _k in other]
    title_words = set()
    if doc.title is not None:
        title_words = {w.lower() for w in regex.findall(r"[\w'-]+", doc.title.text)}
    quoted_lines = {ln.number for ln in doc.lines if ln.text.lstrip().startswith(">")}
    out = []
    k = 0
    for start, end, stem in index.finditer(text):
        while k < len(exempt) and exempt[k][1] <= start:
            k += 1
        if k < len(exempt) and exempt[k][0] <= start:
            continue
        line, col = position(start)
        if line in heading_lines:
            continue  # a bold heading line ("**Role Responsibilities**") is not wording
        word = text[start:end].rstrip("'\u2019")
        token = _token(text, start, end)
        bare = word.lower()
        is_form = token in forms or ("-" not in token and (bare in forms or (bare.endswith("s") and bare[:-1] in forms)))
        where = "prose"
        if bare in title_words:
            where = "title"
        elif line in quoted_lines:
            where = "quote"
        else:
            i = bisect.bisect_right(starts, start) - 1
            for a, b, kind in other[max(0, i - 3):i + 1]:
                if a <= start < b:
                    where = kind
                    break
        out.append(CodedWord(line, col, col + len(word), word, side[stem], is_form, where))
    return out


def _proper_name(text: str, start: int, matched: str) -> bool:
    """A phrase in Title Case in mid-sentence is a name ("the Pathways Recent Graduates
    program", "Python Guru Award"), not wording about the candidate."""
    words = matched.replace("-", " ").split()
    if len(words) == 1:
        # one capitalised word that runs on into another: "a Researcher Project for Young
        # Talents" (a funding scheme's name)
        titled = words[0][:1].isupper() and bool(_CAPITAL_NEXT.match(text, start + len(matched)))
    else:
        titled = all(w[:1].isupper() for w in words)
    if not titled:
        return False
    before = text[max(0, start - 200):start].rstrip()
    return bool(before) and before[-1] not in ".!?:\n" and not before.endswith(("-", "*", "#"))


_CAPITAL_NEXT = rxcompile(r"[ \t]{1,28}[A-Z][a-z]")  # within the 30 characters after the word
# A role phrase that names someone wished for, not a colleague ("the kind of programmer who"),
# and one that names a colleague ("the only other Flutter developer", "our current analyst").
_KIND_OF = rxcompile(r"\b(?:kind|sort|type)\s+of\b", regex.I)
_ANOTHER = rxcompile(r"\b(?:other|existing|current|outgoing|previous)\b", regex.I)


# The role a pronoun may point back to: "the help desk technician ... When she's on vacation".
_ROLE_BEFORE = rxcompile(
    r"\b(a|an|the|this|our|your)\s+(?:new\s+)?(?:[\w-]+\s+){0,3}?(programmer|engineer|developer|analyst|designer|specialist|"
    r"administrator|writer|coordinator|technician|architect|scientist|manager|lead|individual|person|professional|hire|"
    r"candidate|applicant|incumbent|postholder|jobholder)s?\b", regex.I)
_THE_HIRE = frozenset("individual person professional hire candidate applicant incumbent postholder jobholder".split())


# A colleague named: "**Ines**, our mobile lead", "Our Head of Engineering, Markus, is ...".
_NAMED_COLLEAGUE = rxcompile(
    r"(?:^|[-*\s(])(?:\*\*|__)?(?-i:[A-Z][a-z\u00e0-\u00ff]+)(?:\*\*|__)?,\s+(?:our|the|who|a|an)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:lead|head|manager|director|founder|co-founder|ceo|cto|cfo|engineer|developer|designer|analyst|scientist|"
    r"administrator|officer|coordinator|technician|architect|editor|producer|researcher)\b"
    r"|\b(?:our|the)\s+(?:[\w-]+\s+){0,4}?(?:lead|head|manager|director|founder|co-founder|ceo|cto|engineer|developer|"
    r"designer|analyst|scientist|officer)(?:\s+of\s+[\w&-]+)?,\s+(?-i:[A-Z][a-z\u00e0-\u00ff]+)\b", regex.I)


def _pronoun_for_a_colleague(text: str, start: int, title_words: set[str]) -> bool:
    """Whether a he or she points back to someone already in the team: the nearest role before
    it is a definite one ("the help desk technician", "our designer") that the posting's title
    does not name ("IT Systems Administrator"), so it is not the hire."""
    window = text[max(0, start - 320):start]
    roles = list(_ROLE_BEFORE.finditer(window))
    named = list(_NAMED_COLLEAGUE.finditer(window))
    if named and (not roles or named[-1].start() >= roles[-1].start()):
        return True  # "**Ines**, our mobile lead ... She'll review your pull requests", "Our Head of
        # Engineering, Markus, is taking parental leave ... while he's away"
    if not roles:
        return False
    article, noun = roles[-1].group(1).lower(), roles[-1].group(2).lower()
    if _KIND_OF.search(roles[-1].group(0)):
        return False  # "The kind of programmer who ... because he can't help himself": the hire wished for
    if _ANOTHER.search(roles[-1].group(0)):
        return True  # "the only other Flutter developer", "our current analyst"
    return article in ("the", "our") and noun not in _THE_HIRE and noun not in title_words


# Work that is done on one's feet, named in a title or a duty: a site, a warehouse, equipment,
# installs, patients, a lab, a shop floor. A posting without any is desk work, and its lifting
# or standing requirement (an exclusionary entry marked ``desk_only``) is needed for nothing.
_PHYSICAL_WORK = rxcompile(
    r"\b(?:warehouses?|depots?|site\s+(?:visits?|work|surveys?|inspections?|walks?)|on[- ]site\s+(?:work|support|visits?|installs?)|"
    r"in\s+the\s+field|field\s+(?:work|visits?|service|engineer\w*|technician\w*|teams?|operations|crews?)|install(?:s|ing|ation|ations)?\b|"
    r"hardware|equipment|racks?|racking|cabling|cables|server\s+rooms?|data\s+cent(?:er|re)s?|lab(?:oratory|oratories|s)?\b|"
    r"bench(?:es)?\b|stock(?:room|ing)?\b|shelv\w*|loading|unload\w*|forklifts?|pallets?|vehicles?|vans?\b|trucks?|fleet|"
    r"ladders?|roofs?|plant\s+(?:rooms?|floor)|factory|factories|shop\s+floor|production\s+lines?|assembly|boxes|parcels|"
    r"patients?|wards?|bedside|clinics?|store\s+(?:floor|visits?)|stores\b|inspections?|building\s+maintenance|repairs?\b|"
    r"outdoors?|construction|crews?|technicians?|mechanics?|drivers?|deliver(?:y|ies)\s+(?:rounds?|routes?|vans?)|kitchens?|"
    r"(?:set(?:ting)?\s+up|move|moving|carry|carrying)\s+(?:the\s+)?(?:furniture|desks|booths?|stands?|displays?|kit)|"
    r"embedded|electronics|electrical|mechanical|robot\w*|a/v|audio-?visual|on\s+the\s+(?:units?|wards?|floors?)|"
    r"(?:nursing|patient|hospital|care|inpatient)\s+units?|at[- ]the[- ]elbow|"
    r"switches|access\s+points|routers?|(?:test|field|remote|customer|client|job|work)\s+(?:sites?|stations?)|facilit(?:y|ies)|"
    r"(?:community|fundraising|in-person|on-site|trade|volunteer|donor|corporate|outdoor)\s+events?|galas?|trade\s+shows?)\b", regex.I)

# ... and the places a demand itself says it applies in: "lift 50 lbs and travel to field
# stations", "occasional work in equipment rooms, utility facilities and vehicles" (not the
# demand's own words: "climb ladders and work outdoors" is what is asked, not where).
_WHERE = rxcompile(
    r"\b(?:warehouses?|depots?|(?:field|test|job|work|customer|client|remote|construction)\s+(?:sites?|stations?)|"
    r"(?:equipment|server|plant)\s+rooms?|data\s+cent(?:er|re)s?|plants?|factor(?:y|ies)|labs?|laborator(?:y|ies)|"
    r"facilities|stores|events?|trade\s+shows?|shop\s+floor|field\s*work|(?:store|site|client|customer|field|home)\s+visits?|"
    r"(?:storage|stock|clinical|patient|care|production|loading)\s+(?:areas?|rooms?|facilit(?:y|ies))|go-?lives?)\b", regex.I)
# ... or the task it serves, right after it: "lifting of up to 20 lbs (training laptops, printed
# materials)", "lift 15 kg when helping with the stock counts", "walk to the wards to swap equipment"
_FOR_A_TASK = rxcompile(r"\s*\(|[^.;\n]{0,40}?\b(?:when|while|during|to\s+(?:deliver|move|carry|set\s+up|swap|install|stock|"
                        r"load|unload|transport|help|assist))\b", regex.I)


def _needs_the_body(doc: Any, work: Any) -> bool:
    """Whether the posting's title or duties name physical work, or it lists too few duties
    (fewer than three) to tell."""
    if doc.title is not None and _PHYSICAL_WORK.search(doc.title.text):
        return True
    items = work()
    return len(items) < 3 or any(_PHYSICAL_WORK.search(w.text) for w in items)


def exclusionary_phrases(doc: Any, vocab: Any, work: Any = tuple) -> list[PhraseHit]:
    """Exclusionary phrases, block by block, entry by entry (names in Title Case left out).
    ``work``: a callable giving the posting's work items (``Facts.work_items``), read only when
    an entry marked ``desk_only`` matches."""
    out: list[PhraseHit] = []
    physical: bool | None = None  # whether the duties name physical work (asked once, when needed)
    title_words = ({w.lower().rstrip("s") for w in regex.findall(r"[\w'-]+", doc.title.text)}
                   if doc.title is not None else set())
    for block in doc.blocks:
        hits: list[PhraseHit] = []
        for entry in vocab.possible("exclusionary", fold(block.text)):  # the entries whose words it holds
            if entry.get("sections") and block.section.kind not in entry["sections"]:
                continue
            if entry.get("desk_only"):
                if physical is None:
                    physical = _needs_the_body(doc, work)
                # the demand says where it applies ("lift 50 lbs and travel to field stations")
                if physical or _WHERE.search(block.text):
                    continue
            for m in entry["rx"].finditer(block.text):
                if _proper_name(block.text, m.start(), m.group(0)):
                    continue
                if entry.get("desk_only") and _FOR_A_TASK.match(block.text, m.end()):
                    continue
                if (entry.get("category") == "gendered pronoun" and m.group(0).lower() in ("he", "she")
                        and _pronoun_for_a_colleague(block.text, m.start(), title_words)):
                    continue
                hits.append(PhraseHit(entry, block, m.start(), m.end(), m.group(0)))
        out.extend(_longest_of_overlaps(hits))
    return out


def _longest_of_overlaps(hits: list[PhraseHit]) -> list[PhraseHit]:
    """Two entries on one stretch of words ("young and dynamic" and "young"; "He" after "the
    candidate" twice) are one finding: the longest, the first listed among equals; the hits
    kept stay in their order. Only hits in one run of overlapping spans are compared, so a
    paragraph of thousands of hits is read in about linear time."""
    order = sorted(range(len(hits)), key=lambda i: hits[i].start)
    keep: set[int] = set()
    run: list[int] = []
    run_end = -1
    for i in order + [-1]:
        if i < 0 or hits[i].start >= run_end:
            kept: list[int] = []
            for j in sorted(run, key=lambda j: (hits[j].start - hits[j].end, j)):
                if not any(hits[j].start < hits[k].end and hits[k].start < hits[j].end for k in kept):
                    kept.append(j)
            keep.update(kept)
            run, run_end = [], -1
            if i < 0:
                break
        run.append(i)
        run_end = max(run_end, hits[i].end)
    return [h for i, h in enumerate(hits) if i in keep]
