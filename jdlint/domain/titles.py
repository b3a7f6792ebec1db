"""The title: the roles it names, its family and whether it says junior.

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

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from ..rxcache import re_compile

from ..rxcache import compile as rxcompile

_SEGMENT = re_compile(r"\s+[-\u2013\u2014]+\s+|\s*:\s+|\s+[\u2013\u2014]\s*|\s*[\u2013\u2014]\s+")
# (an "&" between two single letters is one word: "F&I Manager", "R&D Engineer", "P&L Analyst")
_JOINT = re_compile(r"\s*(?:/|\||(?<!\b[A-Za-z])&|&(?![A-Za-z]\b)|,|\+)\s*|\s+(?:or|and|and/or|cum)\s+", re.I)
# The same joints, kept: a comma before a bare discipline names the team ("Software Engineer,
# SRE"), an "&" or "and" a second job ("Mobile Developer & DevOps").
_JOINT_KEPT = re_compile(f"({_JOINT.pattern})", re.I)
_WORD = re_compile(r"[^\W_][\w.'\u2019+#-]*")


def posting_title_variants(fam: dict) -> list[str]:
    """The titles a posting's title may name a family by: its ``titles`` and its
    ``posting_titles``, which are read in a posting's title only, not as a feature of the work
    items (the model was trained on ``titles``): "Digital Developer", "IT Technician"."""
    return [*(fam.get("titles") or []), *(fam.get("posting_titles") or [])]


class TitleGrammar:
    """The title vocabulary of ``roles.yaml`` compiled for one Vocab."""

    def __init__(self, vocab: Any):
        g = vocab.title_grammar
        self.heads = {h.lower() for h in g["head_nouns"]}
        self.trailing_only = {h.lower() for h in g["trailing_only"]}
        self.synonyms: dict[str, str] = {}
        for canon, words in g["head_synonyms"].items():
            for w in words:
                self.synonyms[w.lower()] = canon
        self.expansions = {k.lower(): v for k, v in g["expansions"].items()}
        self.ignore = {str(w).lower() for w in g["ignore_words"]}
        self.decoration = [rxcompile(p) for p in g["decoration_patterns"]]
        self.family_ids = {f["id"] for f in vocab.families}
        self.bare_heads = {str(k).lower(): str(v) for k, v in (g.get("bare_heads") or {}).items()}
        # Disciplines that name a second job on their own after "&", "and", "+" or "/"
        # ("Senior Mobile Developer (Flutter) & DevOps"): word -> the role it stands for.
        self.bare_disciplines = {str(k).lower(): str(v) for k, v in (g.get("bare_disciplines") or {}).items()}
        # Business functions that, before a systems title, make it an applications job.
        self.business_systems = {str(w).lower() for w in g.get("business_systems") or []}
        # Engineered things that, anywhere in a systems title, make it the systems-engineering discipline.
        self.engineered_systems = {str(w).lower() for w in g.get("engineered_systems") or []}
        self.family_titles: list[tuple[str, dict]] = []
        for fam in vocab.families:
            for t in posting_title_variants(fam):
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
                if i == len(low) - 1 or (i + 1 < len(low) and low[i + 1] in ("of", "in")):  # "Fellow in Genomics"
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
        """(family id or normalised words, label) of one role."""
        norm = self.normalize(role)
        padded = f" {norm} "
        if self.runs_business_systems(role):
            return norm, norm  # "Finance Systems Engineer": the function's applications
        for title, fam in self.family_titles:
            if f" {title} " in padded:
                return fam["id"], fam.get("label", fam["id"])
        bare = self.bare_heads.get(norm)
        if bare is not None and bare in self.family_ids:
            label = next((str(f.get("label", bare)) for _t, f in self.family_titles if f["id"] == bare), bare)
            return bare, label
        return norm, norm

    def runs_business_systems(self, role: str) -> bool:
        """Whether a systems title is not about servers and networks: a business function's
        applications named before "systems" ("Finance Systems Engineer", "Student Data and
        Systems Administrator"), or an engineered vehicle or signal chain named anywhere in it
        ("Systems Engineer - Naval Communications", "SATCOM Systems Engineer")."""
        words = [w.strip(",;:()[]") for w in self.normalize(role).split()]
        at = next((i for i, w in enumerate(words) if w in ("system", "systems")), None)
        if at is None or at + 1 >= len(words) or words[at + 1] not in self.heads:
            return False  # "Power Systems Data Analyst" is a data analyst
        return bool(self.business_systems.intersection(words[:at]) or self.engineered_systems.intersection(words))

    def clean(self, title: str) -> str:
        for p in self.decoration:
            title = p.sub(" ", title)
        return " ".join(title.split())

    def roles(self, title: str) -> list[str]:
        """The distinct roles a title names (two or more means stacked); [] for one role."""
        best: list[str] = []
        shown: dict[str, str] = {}  # a role as read -> as the title writes it
        for segment in _SEGMENT.split(self.clean(title)):
            roles: list[str] = []
            written: dict[str, str] = {}  # a bare role noun's reading -> as written ("SRE")
            pieces = _JOINT_KEPT.split(segment)
            for n in range(0, len(pieces), 2):
                part = pieces[n].strip()
                joint = pieces[n - 1].strip().lower() if n else ""
                words = self.words(part)
                if not words:
                    continue
                hi = self.head_index(words)
                if hi is None:
                    also = self.bare_disciplines.get(" ".join(w.lower() for w in words))
                    if also and roles and joint in ("&", "and", "+", "/", "and/or"):
                        roles.append(also)
                    continue  # a modifier ("AI", "Applied ML"), a place or a level
                content = [w for w in words if w.lower() not in self.ignore and w.lower() not in self.heads]
                if not content and roles and joint == ",":
                    continue  # the team: "Software Engineer, SRE"
                tail = [w.lower() for w in words[hi + 1:] if w.lower() not in self.ignore]
                if roles and joint == "," and tail and tail[0] not in ("of", "in", "for", "to"):
                    continue  # the product, not a role: "Product Manager, Internal Developer Platform"
                if not content and roles:
                    # A bare role noun: "Developer/Engineer", "Research Scientist / Engineer".
                    prev_words = self.words(roles[-1])
                    ph = self.head_index(prev_words)
                    if ph is not None:
                        prev_words[ph] = words[hi]
                        roles.append(" ".join(prev_words))
                        written[roles[-1]] = part
                        if len(words) > 1 or self.key(roles[-1])[0] not in self.family_ids:
                            # "Platform Engineer / SRE Lead": read as a lead of the same kind,
                            # named as written; so is a noun the borrowed words do not make a
                            # known job of ("Web Developer / Bookkeeper": a bookkeeper)
                            shown[roles[-1]] = part
                        continue
                roles.append(part)
            distinct: dict[str, str] = {}
            for r in roles:
                k, _label = self.key(r)
                if k in _CATCH_ALL:
                    k = self.normalize(r)  # "Technical Writer / Community Manager": two jobs
                distinct.setdefault(k, r)
            if len(distinct) < 2:
                # Three names for jobs of one family are still three roles to a reader
                # ("DevOps Engineer / Cloud Architect / SRE"); two are one job said twice
                # ("DevOps Engineer / SRE", "Developer/Engineer").
                named: dict[str, str] = {}
                for r in roles:
                    named.setdefault(self.normalize(r), r)
                if len(named) >= 3:
                    distinct = named
                    shown.update(written)  # "SRE" as written, not "Cloud SRE"
            if len(distinct) > len(best):
                best = list(distinct.values())
        return [shown.get(r, r) for r in best] if len(best) >= 2 else []


# A family that gathers unrelated jobs (a technical writer, a community manager, a sales
# engineer): two of its titles in one title are two roles, not one.
_CATCH_ALL = frozenset({"other-specialist"})


@lru_cache(maxsize=8)
def grammar(vocab: Any) -> TitleGrammar:
    return TitleGrammar(vocab)


@dataclass(frozen=True)
class TitleFacts:
    """What the posting's title says."""

    text: str
    line: int
    column: int
    end_column: int
    source: str  # "front_matter", "h1" or "line"
    roles: tuple[str, ...]  # the distinct roles when the title stacks two or more, else ()
    family: str | None  # the role family of a one-role title, when the taxonomy knows it
    family_label: str | None
    junior_marker: str | None  # "Junior", "Entry-level", "I" ... when the title says junior
    job_family_page: bool = False  # a page about a family of jobs ("Data Engineering", levels)

    @property
    def stacked(self) -> bool:
        return len(self.roles) >= 2


# A title naming a discipline rather than a job ("Data Engineering", "Machine Learning
# Engineering roles") heads a job-family page; its family is the discipline's.
_DISCIPLINE = {"engineering": "engineer", "science": "scientist", "analytics": "analyst",
               "analysis": "analyst", "research": "researcher", "management": "manager",
               "design": "designer", "operations": "engineer"}
_LEVEL_WORDS = re_compile(r"\b(?:junior|intermediate|senior|staff|principal|lead|associate|distinguished|"
                          r"manager|director|i{1,3}|iv|[1-5])\b", re.I)


# What may follow the discipline in a page's title ("Machine Learning Engineering roles").
_PAGE_TAIL = frozenset("roles role jobs job family families careers career ladder track levels team teams".split())


def _discipline_family(g: TitleGrammar, title: str) -> str | None:
    words = g.words(g.clean(title))
    low = [w.lower() for w in words]
    for i in range(len(low) - 1, -1, -1):
        # The discipline must end the title: "Research Fellow in Computational Genomics" is a
        # post, not a page about research jobs.
        if low[i] in _DISCIPLINE and all(w in _PAGE_TAIL for w in low[i + 1:]):
            role = " ".join(words[:i] + [_DISCIPLINE[low[i]]])
            key, _label = g.key(role)
            if key not in g.family_ids:
                # "Data Management": a page about managers of a discipline the taxonomy has no
                # title for reads as the bare role noun's family ("manager": leadership).
                key, _label = g.key(_DISCIPLINE[low[i]])
            return key if key in g.family_ids else None
    return None


def _level_headings(doc: Any, g: TitleGrammar, title_line: int) -> int:
    """Headings after the title that are themselves job titles with a level ("Data Engineer
    (Junior)", "Senior Data Engineer", "Staff Data Engineer")."""
    n = 0
    for sec in doc.sections:
        if sec.line == title_line or sec.bold:
            continue
        words = g.words(sec.title)
        if g.head_index(words) is not None and _LEVEL_WORDS.search(sec.title) and len(words) <= 8:
            n += 1
    return n


# An academic post ("Postdoctoral Researcher in Computational Ecology", "Lecturer in
# Statistics") is named for its field, not for an industry job family: its "researcher" is not
# AI research.
_ACADEMIC = re_compile(r"\b(?:post-?docs?|postdoctoral|post-doctoral|professor|lecturer|reader in|"
                       r"ph\.?d\.?\s+(?:student|candidate|position|studentship)|doctoral\s+(?:student|candidate))\b", re.I)


def read_title(doc: Any, vocab: Any) -> TitleFacts | None:
    t = doc.title
    if t is None:
        return None
    g = grammar(vocab)
    roles = tuple(g.roles(t.text))
    family = None
    family_page = False
    if not roles and not _ACADEMIC.search(t.text):
        cleaned = g.clean(t.text)
        if g.head_index(g.words(cleaned)) is None:
            family = _discipline_family(g, cleaned)
            family_page = family is not None
        else:
            key, _label = g.key(cleaned)
            family = key if key in g.family_ids else None
            if family is None and not g.runs_business_systems(cleaned):
                # "Login.gov: Engineer", "Office of Solutions: Data Analyst": the piece with the role noun.
                # "Staff Engineer, Applied ML", "Manager, Data": the role noun with the other
                # parts as its modifiers ("Applied ML Engineer"), else the part with the noun.
                pieces = _SEGMENT.split(cleaned)
                for piece in list(pieces):
                    parts = [p for p in _JOINT.split(piece) if p.strip()]
                    with_head = [p for p in parts if g.head_index(g.words(p)) is not None]
                    if len(parts) > 1 and len(with_head) == 1:
                        rest = [p for p in parts if p is not with_head[0]]
                        pieces += [" ".join(rest + [with_head[0]]), with_head[0]]
                for piece in pieces:
                    if g.head_index(g.words(piece)) is not None:
                        key, _label = g.key(piece)
                        if key in g.family_ids:
                            family = key
                            break
    if not family_page and _level_headings(doc, g, t.line) >= 2:
        family_page = True  # one page, several levels of the same job
    return TitleFacts(t.text, t.line, t.column, t.end_column, t.source, roles, family,
                      vocab.family_label(family) if family else None, junior_marker(t.text, vocab),
                      family_page)


# A corporate rank before the job ("Vice President, Site Reliability Engineering", "AVP -
# Data Engineering"): banks and insurers grade individual contributors by officer rank, so the
# part after the rank names the job. "VP of Engineering" (the rank "of" a function) stays an
# executive's title.
_RANK_THEN_JOB = re_compile(r"^\s*(?:(?:senior|executive|assistant|associate|first)\s+)?(?:vice[\s-]+president|[aes]?vp)"
                            r"\s*(?:[,|:\u2013\u2014]|\s-)\s*(?P<job>\S.*)$", re.I)


def rank_title_family(title: str, vocab: Any) -> str | None:
    """The family of the job a rank-graded title names after its rank, or None when the title
    is not of that form or its job is no family the taxonomy knows."""
    m = _RANK_THEN_JOB.match(title)
    if m is None:
        return None
    g = grammar(vocab)
    job = g.clean(m.group("job"))
    words = g.words(job)
    if g.head_index(words) is None:
        # a specialty ("Data Engineering"), not a bare function ("VP, Engineering" runs it)
        return _discipline_family(g, job) if len(words) >= 2 else None
    key, _label = g.key(job)
    return key if key in g.family_ids and key != "leadership" else None


# Who does a job, by the shape of the word: the vocabulary's role nouns are the ones it can
# place in a family, and a job title may name any other ("Growth Marketer", "Field Data
# Technician", "Salesman", "Bookkeeper", "Receptionist", "Accountant", "Trainee").
_AGENT_NOUN = re_compile(r"^[a-z]{2,}(?:er|or|ist|ian|man|woman|person|ant|ent|ee|smith|wright|keeper)s?$"
                         r"|^(?:clerk|nurse|chef|cook|driver|lead|head|intern|fellow|apprentice|aide|officer|"
                         r"associate|executive|director|partner|representative|rep|specialist|staff)s?$")


def names_a_job(title: str, vocab: Any) -> bool:
    """Whether a title names someone who does a job ("Fellow Experience Supervisor", "Growth
    Marketer"), as a job title does and "Real job-description corpus: sources" or "How we
    write postings" does not."""
    return has_role_noun(title, vocab) or any(_AGENT_NOUN.match(w.lower()) for w in re.findall(r"[A-Za-z]+", title))


def has_role_noun(title: str, vocab: Any) -> bool:
    """Whether a title holds one of the vocabulary's role nouns ("Administrator", "Fellow in
    Genomics"): a job title does, an employer's name ("Silver Pika Mountain Resort") does not."""
    g = grammar(vocab)
    cleaned = g.clean(title)
    return any(g.head_index(g.words(piece)) is not None for piece in [cleaned, *_SEGMENT.split(cleaned)])


def junior_marker(title: str, vocab: Any) -> str | None:
    """The words that make a title junior ("Junior", "Associate", a level "I"), or None."""
    for p in vocab.junior_markers:
        m = p.search(title)
        if m:
            return str(m.group(0))
    m = vocab.junior_level_suffix.search(title)
    return str(m.group(0)) if m else None


# A posting that says its job is a blend of two roles ("a hybrid position between Data
# Scientist and Analytics Engineer", "part data engineer, part analyst", "both a designer and a
# developer") declares a conflated role in its own words.
_HYBRID = re_compile(
    r"\b(?:hybrid|blend|mix|combination|cross-over|crossover|cross(?=\s+between))\b[^.\n]{0,40}?\b(?:between|of)\b\s+(?P<a>[^.\n]{3,60}?)\s+(?:and|&)\s+(?P<b>[^.\n,;]{3,60})"
    r"|\bpart\s+(?P<c>[^.\n,;]{3,40}?),?\s+part\s+(?P<d>[^.\n,;]{3,40})"
    r"|\bboth\s+(?:a|an)\s+(?P<e>[^.\n,;]{3,40}?)\s+and\s+(?:a|an)\s+(?P<f>[^.\n,;]{3,40})", re.I)


@dataclass(frozen=True)
class DeclaredHybrid:
    line: int
    column: int
    end_column: int
    text: str
    families: tuple[str, str]


def _role_family(g: TitleGrammar, phrase: str) -> str | None:
    """The family of a role named in running text ("a Data Scientist", "analytics engineer")."""
    words = g.words(phrase)
    hi = g.head_index(words)
    if hi is None or (words[hi].lower().endswith("s") and words[hi].lower()[:-1] in g.heads):
        return None  # "a team of researchers, designers and engineers" is people, not a blend
    key, _label = g.key(" ".join(words[: hi + 1]))
    return key if key in g.family_ids else None


# "You will also act as our data engineer", "while also serving as the team's product owner":
# a second job named as a role the hire takes on besides the title's.
_ALSO_AS = re_compile(r"\balso\s+(?:serv(?:e|es|ing)|act(?:s|ing)?|work(?:s|ing)?|double|doubles|doubling)\s+as\s+"
                      r"(?:(?:our|the|a|an|its|their)\s+)?(?:team(?:'|\u2019)s\s+|company(?:'|\u2019)s\s+)?"
                      r"(?P<role>[^.\n,;()]{3,50}?)(?=\s*(?:[.,;()\n]|$|\s+(?:for|to|on|in|and|while|when|as)\b))", re.I)
# Roles a hire may take on besides the job without it being a second job: leading, mentoring.
_ALSO_AS_ONE_JOB = frozenset({"leadership", "other-specialist"})


# A posting that says the hire's time is divided between two kinds of work.
_SPLIT_TIME = re_compile(
    r"\bsplit(?:s|ting)? (?:your|their|the|his|her|this role's|the role's) (?:time|week|days?) (?:between|across)\b"
    r"|\b(?:divide|divides|dividing) (?:your|their|the) (?:time|week) (?:between|across)\b"
    r"|\b(?:50\s*/\s*50|fifty[- ]fifty)\b|\b(?:roughly |about |an? )?even(?:ly)? split\b"
    # "we'd estimate the split at roughly half and half", "the time is about half and half"
    r"|\b(?:split|time|week|work|role|job)\b[^.\n]{0,40}?\b(?:half and half|half-and-half|half\s*/\s*half)\b"
    r"|\bthe rest of (?:your|the|their) (?:time|week) (?:will go|goes|is spent|will be spent) (?:to|on)\b", re.I)


def splits_time(doc: Any) -> bool:
    """Whether the posting says the hire's time is split between two kinds of work ("You'll
    split your time between customer analytics and the assistant", "the rest of your time goes
    to the iOS app")."""
    return any(_SPLIT_TIME.search(b.text) for b in doc.blocks)


def declared_hybrid(doc: Any, vocab: Any, title_family: str | None = None) -> DeclaredHybrid | None:
    """The first sentence where the posting calls its job a blend of two role families, or
    names a second role the hire also takes on besides the title's family ("you will also act
    as our data engineer")."""
    g = grammar(vocab)
    if title_family is not None:
        for block in doc.blocks:
            for m in _ALSO_AS.finditer(block.text):
                fam = _role_family(g, m.group("role"))
                if fam is None or fam in _ALSO_AS_ONE_JOB or vocab.close(title_family, fam):
                    continue
                line, col = block.position(m.start())
                end_line, end_col = block.position(m.end())
                return DeclaredHybrid(line, col, end_col if end_line == line else col + 1,
                                      " ".join(m.group(0).split()), (title_family, str(fam)))
    for block in doc.blocks:
        for m in _HYBRID.finditer(block.text):
            a = m.group("a") or m.group("c") or m.group("e")
            b = m.group("b") or m.group("d") or m.group("f")
            fams = [_role_family(g, part) for part in (a, b)]
            if None in fams or fams[0] == fams[1]:
                continue
            line, col = block.position(m.start())
            end_line, end_col = block.position(m.end())
            return DeclaredHybrid(line, col, end_col if end_line == line else col + 1, " ".join(m.group(0).split()),
                                  (str(fams[0]), str(fams[1])))
    return None
