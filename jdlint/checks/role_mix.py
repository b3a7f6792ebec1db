"""title-scope-mismatch and conflated-roles: what the responsibilities say the job is.

Both read the work units of ``domain.responsibilities`` as their own words classify them
(``work_family``: without the title's pull on close calls, since a rule that compares the work
with the title cannot take the title as evidence), counting only units the model is sure of
(``min_score``): the family with the most units against the title's family, and how many
families (close ones joined) the work spans.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Any, Iterator

from ..domain import family_groups
from ..domain.titles import grammar, posting_title_variants, rank_title_family
from .base import Context, Kind
from ..rxcache import re_compile

_WORK_SECTIONS = ("responsibilities", "first_problem")


def _title_family(ctx: Context) -> str | None:
    t = ctx.facts.title
    return t.family if t is not None else None


def _where(doc: Any) -> tuple[int, int, int, str]:
    for sec in doc.sections:
        if sec.kind in _WORK_SECTIONS:
            return sec.line, sec.column, sec.end_column, sec.title
    return doc.anchor()


_WITH_SOMEONE = re_compile(r"\bwith\s+(?:our|the|a|an|your|their|its)\s+(?:[\w-]+\s+){0,3}$", re.I)
_WITH_ANYONE = re_compile(r"\bwith\s+(?:our|the|a|an|your|their|its)\s", re.I)


# "with the Data Platform team", "alongside our SRE group": a team named for the work it owns.
_WITH_TEAM = re_compile(r"\b(?:with|alongside|together\s+with)\s+(?:our|the|a|an|your|their|its)\s+"
                        r"(?P<name>(?:[\w&/-]+\s+){1,3}?)(?:teams?|group|squad|crew|function|department)\b", re.I)
# The families whose work a team is named for ("platform" teams run the platforms models,
# pipelines and services ship on).
_PLATFORM = r"platform|infrastructure|infra|cloud|ops|operations"
_OWNER_TEAMS = {fam: re_compile(rf"\b(?:{words})\b", re.I) for fam, words in {
    "mlops": _PLATFORM + r"|ml\s*ops|mlops|ml\s+platform",
    "sre-devops": _PLATFORM + r"|sre|devops|reliability|network|systems",
    "data-engineer": r"data\s+(?:platform|engineering|infrastructure|infra)|platform|ingestion|pipelines?",
    "security": r"security|sec\s*ops|infosec|cyber\w*|iam|identity",
    "designer": r"design|ux|ui|brand",
    "ai-engineer": r"ai|llm|genai|applied\s+ai|assistant",
    "software-engineer": r"engineering|backend|back-end|frontend|front-end|app|apps|mobile|web|product\s+engineering",
    "product-manager": r"product",
    "analytics-engineer": r"analytics\s+engineering|bi|data\s+modell?ing",
    "data-analyst": r"analytics|bi|insights|reporting",
}.items()}


def _done_with_its_owner(text: str, family: str) -> bool:
    """Whether a duty is done with a colleague whose job it is ("Work on the Word add-in
    integration with our frontend engineer"): the one duty of another family is shared with
    the person who owns it, so it is not a second job the hire is asked to do alone."""
    from ..workfamily import features

    if not _WITH_ANYONE.search(text):
        return False  # no "with our/the ..." at all: the features need not be read again
    owners = _OWNER_TEAMS.get(family)
    if owners is not None:
        for m in _WITH_TEAM.finditer(text):
            if owners.search(m.group("name")):
                return True  # "Work with the Data Platform team to schedule training as jobs"
    for f in features(text):
        if f.name == "role:" + family and f.words:
            # the role's words as written, hyphens or spaces between them ("front-end developer")
            named = re.search(r"[\s-]+".join(re.escape(w) for w in f.words.split()), text)
            if named and _WITH_SOMEONE.search(text[:named.start()]):
                return True
    return False


# A team named for the work that runs it for everyone ("The MLOps team runs the Kubernetes
# platform and the template itself", "the platform our SRE group operates", "Our ML Platform
# team (five engineers) runs the feature store"): a hire who deploys their own model on it
# does one deploy duty, not the platform job.
_TEAM_RUNS = re_compile(r"\b(?:the|our|an?)\s+(?P<name>(?:[\w&/-]+\s+){1,3}?)(?:teams?|group|squad|crew)"
                        r"(?:\s*\([^()\n]{0,60}\)|\s*,[^,\n]{1,60},)?\s+(?:\w+\s+)?(?:runs|provides|owns|operates|maintains|manages|looks\s+after|supports|"
                        r"is\s+(?:on[- ]call|responsible)|takes\s+care\s+of)\b"
                        r"|\b(?:run|provided|owned|operated|maintained|managed|looked\s+after|supported)\s+by\s+"
                        r"(?:the|our|an?)\s+(?P<name2>(?:[\w&/-]+\s+){1,3}?)(?:teams?|group|squad|crew)\b", re.I)


def _run_by_a_team(text: str) -> frozenset[str]:
    """The platform families ("mlops", "sre-devops") a team named in the posting runs for everyone."""
    names = [m.group("name") or m.group("name2") or "" for m in _TEAM_RUNS.finditer(text)]
    return frozenset(fam for fam in ("mlops", "sre-devops") if any(_OWNER_TEAMS[fam].search(n) for n in names))


# Engineering practice that every engineering job has (the labels' "generic engineering
# practice"): "add a test so it doesn't happen again", "write a short design doc", "get comments
# from one backend engineer", "review pull requests". Under a data, ML, platform or AI
# engineer's title it is that job's practice, not a software engineer's job beside it.
_PRACTICE = re_compile(r"\b(?:(?:write|writes|writing|add|adds|adding)\s+(?:an?\s+)?(?:short\s+|small\s+|unit\s+|regression\s+)?"
                       r"(?:tests?|design\s+docs?|design\s+documents?|RFCs?)|(?:code|design)\s+reviews?|review\w*\s+(?:\w+\s+)?"
                       r"(?:code|pull\s+requests|PRs|merge\s+requests)|get\w*\s+(?:comments|feedback|reviews?)\s+from)\b", re.I)
_ENGINEERING_TITLES = frozenset({"data-engineer", "analytics-engineer", "ml-engineer", "mlops", "sre-devops", "ai-engineer",
                                 "research-engineer", "security"})


# A duty that tries an idea out is an experiment, not the other job: "Test whether a small
# language model can rewrite or expand these queries at acceptable latency and cost" in a search
# scientist's posting is one experiment of theirs, not an AI engineer's job beside it.
_TRIES = re_compile(r"\s*(?:test|tests|testing|try|tries|trying|trial|trials|trialling|trialing|explore|explores|exploring|"
                    r"investigate|investigates|investigating|check|checks|checking|find\s+out|see)\s+(?:whether|if)\b"
                    # ... or a look at what might be done: "Explore agentic AI approaches to help the
                    # investigators", "look into LLM use cases for the call centre"
                    r"|\s*(?:explore|explores|exploring|investigate|investigates|investigating|look(?:s|ing)?\s+into|"
                    r"experiment(?:s|ing)?\s+with|scout(?:s|ing)?)\s+(?:(?:new|emerging|novel|promising|possible|potential)\s+)?"
                    r"(?:[\w-]+\s+){0,3}?(?:approaches|options|ways|ideas|opportunities|possibilities|techniques|methods|use\s+cases|applications|"
                    r"(?:use|uses|potential|value)\s+of)\b",
                    re.I)


# Analysis and research: one job when the research is not about models (conflated-roles).
_ANALYSIS = frozenset({"data-analyst", "data-scientist"})
_RESEARCH = frozenset({"researcher", "research-engineer"})
# The words of model work: research about models, not research in general.
_ML_WORDS = re_compile(r"\b(?:models?|modell?ing|machine\s+learning|ML|neural|deep\s+learning|LLMs?|language\s+models?|"
                       r"training|fine-?tun\w*|benchmarks?|GPUs?|transformers?|reinforcement|embeddings?|inference|AI|"
                       r"agents?|algorithms?|architectures?|datasets?|evals?|evaluations?)\b", re.I)


# Keeping models answering in production: serving, inference, rollouts and canaries, load tests,
# batching and caches, quantisation for serving, GPU capacity.
_SERVING = re_compile(r"\b(?:serving|inference|rollouts?|roll\s+out|canar\w*|load[- ]test\w*|batching|kv[- ]cache|"
                      r"quantiz\w*|quantis\w*|time[- ]to[- ]first[- ]token|tokens?\s+per\s+second|gpu\s+(?:capacity|utili[sz]ation|memory))\b", re.I)


# A duty that helps with someone else's work ("Support the migration of help pages onto
# Contentful", "Help the platform team with on-call") is not a second job on its own.
_HELPS = re_compile(r"\s*(?:help(?:s|ing)?|support(?:s|ing)?|assist(?:s|ing)?|contribut(?:e|es|ing)\s+to|"
                    r"(?:take|takes|taking)\s+part\s+in|participat(?:e|es|ing)\s+in)\b", re.I)


# One duty that builds the models and deploys them: the builder ships their own work ("Build
# and deploy machine learning models into production", "Design, build and deploy models").
_BUILD_DEPLOY = (r"\b(?:build|develop|train|design)(?:s|ing)?(?:\s*,\s*(?:build|develop|train|test|validate|evaluate)(?:s|ing)?)*"
                 r"\s*,?\s+(?:and|&)\s+deploy(?:s|ing)?\b"
                 r"[^.;]{0,40}?\bmodels?\b(?![- ](?:serving|platform|infrastructure|registry|gateway))")
_BUILDS_AND_DEPLOYS = re_compile(_BUILD_DEPLOY, re.I)
# The hire's own models on a shared platform ("Add the features your models need to the shared
# feature store", "Serve your own models from the platform's endpoints"), or built and deployed
# in one duty: one deploy duty of the modelling job, not a second job running the platform for
# everyone.
_OWN_MODELS = re_compile(r"\b(?:your|you)\s+(?:own\s+)?(?:\w+\s+)?models?\b|\bmodels?\s+you\s+(?:build|built|ship|train|own|develop)\b"
                         r"|\b(?:your|their)\s+own\s+(?:\w+\s+)?(?:models?|services?|pipelines?)\b|" + _BUILD_DEPLOY, re.I)


# Evaluating the models a product is built on: "Designing evaluations to measure whether models
# are accurate, fair and safe", "build eval sets for the assistant's answers".
_EVALUATES_MODELS = re_compile(r"\b(?:evaluat\w*|evals?|benchmark\w*|red-?team\w*)\b[^.;]{0,80}?\b(?:models?|LLMs?|assistants?|agents?|"
                               r"prompts?|outputs?|answers?|responses?|prototypes?)\b", re.I)


_WRITES_UP = re_compile(r"^\W*(?:(?:co-?)?author|publish|present|write\s+up|file|submit)\w*\b[^.;]{0,60}?\b(?:papers?|publications?|"
                        r"patents?|journals?|conferences?|articles?|talks?|posters?)\b", re.I)
_MEASURES_MODELS = re_compile(r"\b(?:evaluat\w*|evals?|benchmark\w*|calibrat\w*|measur\w*|agreement|reliability|significan\w*|"
                              r"sampl\w*|statistic\w*|judges?|graders?|raters?)\b[^.;]{0,80}?\b(?:models?|LLMs?|assistants?|agents?|"
                              r"judges?|graders?|outputs?|answers?|responses?|scores?|raters?)\b", re.I)


# Operations whose object is data (feeds, pipelines, ingestion, loads), not machines.
_DATA_OPS = re_compile(r"\b(?:feeds?|pipelines?|ingestion|ingests?|loads|ETL|ELT|data\s+(?:jobs|flows?|streams?|sources?|products?)|"
                       r"connectors?|dbt|Airflow|DAGs?|streaming\s+jobs?|batch\s+jobs?|data)\b", re.I)
_INFRA_OPS = re_compile(r"\b(?:servers?|clusters?|Kubernetes|k8s|networks?|firewalls?|Terraform|laptops?|workstations?|VPN|"
                        r"cloud\s+(?:accounts?|infrastructure|estate)|infrastructure|CI/CD|CI|rollbacks?|GitHub\s+Actions|"
                        r"Jenkins|GitLab\s+CI|build\s+pipelines?)\b", re.I)


# Keeping up with a field is not a job in it: "Evaluate emerging BI and AI tools (Copilot in Power
# BI, ...)", "Drive innovation by researching and applying state-of-the-art techniques".
_SURVEYS = re_compile(r"\b(?:evaluat|assess|explor|research|scout|track|trial|keep\w*\s+up\s+with|stay\w*\s+(?:current|up\s+to\s+date))\w*"
                      r"\s+(?:and\s+\w+\s+)?(?:\w+\s+){0,3}?(?:emerging|new|latest|state-of-the-art|cutting-edge|novel)\s+"
                      r"(?:[\w/-]+\s+){0,5}?(?:tools?|technolog\w+|trends|techniques|methods|approaches|products|platforms|developments|capabilities)\b"
                      r"|\b(?:emerging|new|latest|state-of-the-art|cutting-edge)\s+(?:[\w/-]+\s+){0,3}?(?:tools?|technolog\w+|techniques)\b"
                      r"[^.;]{0,40}?\b(?:evaluat|assess|explor|research|pilot)\w*", re.I)


# What makes model work ML engineering rather than data science: putting it into production
# and keeping it there.
_PRODUCTION_WORK = re_compile(
    r"\b(?:deploy\w*|serv(?:e|es|ed|ing)|inference|latency|throughput|p9\d|production|pipelines?|infrastructure|endpoints?|"
    r"apis?|retrain\w*|monitor\w*|drift|containers?|docker|kubernetes|k8s|feature\s+stores?|real[- ]time|streaming|"
    r"scal(?:e|es|ing|able)|mlops|ci/cd|on[- ]call|uptime|rollouts?|shadow|canary|batch\s+jobs?|scoring\s+service)\b", re.I)


_DOMAIN_FAMILIES = {"ai": frozenset({"ai-engineer", "ml-engineer"}), "genai": frozenset({"ai-engineer"}),
                    "generative": frozenset({"ai-engineer"}),
                    "llm": frozenset({"ai-engineer"}), "llms": frozenset({"ai-engineer"}),
                    "ml": frozenset({"ml-engineer", "mlops"}), "security": frozenset({"security"}),
                    "cyber": frozenset({"security"}), "cybersecurity": frozenset({"security"}),
                    # a "Computational Designer" or "Parametric Designer" writes the scripts and
                    # plug-ins (Grasshopper, Dynamo, Python) the design work runs on
                    "computational": frozenset({"software-engineer"}), "parametric": frozenset({"software-engineer"}),
                    # a developer on the team that builds infrastructure as its product ("Backend
                    # Engineer (Go), Build Runners", "Software Engineer, Storage") does that work
                    **dict.fromkeys(("infrastructure", "infra", "runner", "runners", "ci", "build", "builds", "storage",
                                     "compute", "networking", "kubernetes", "observability", "reliability"),
                                    frozenset({"sre-devops"}))}


_TRAINING_TEAM = re_compile(r"\b(?:pre|post|mid)[- ]?training\b|\bfoundation\s+models?\b", re.I)
# The work of a model-training team, research to production ("Research Scientist, Post-Training").
_TRAINING_WORK = frozenset({"researcher", "research-engineer", "ml-engineer", "mlops"})
_LLM_WORDS = frozenset({"llm", "llms", "genai", "generative"})  # "Senior Data Scientist, Generative AI"
_MODEL_FAMILIES = frozenset({"researcher", "research-engineer", "data-scientist", "ml-engineer", "mlops", "ai-engineer"})


def _title_names_domain(title: str, fam: str, items: list[Any], vocab: Any) -> bool:
    """Whether the title's own modifiers (not its role words) are what made the work another
    family's: "FedRAMP Cyber Data Analyst" over work decided by "FedRAMP", "cyber". It must be
    so for at least half of those items: a team named in the title ("Data Engineer, Growth")
    that one of four modelling duties also names does not make modelling a data engineer's."""
    g = grammar(vocab)
    role_words = g.heads | g.ignore
    for t in next((posting_title_variants(f) for f in vocab.families if f["id"] == fam), []):
        role_words |= {w.lower() for w in g.words(str(t))}
    title_words = [w.lower() for w in g.words(title)]
    domain = set(title_words) - role_words
    # A domain the title names whose work is a family of its own: "Product Manager, AI Features"
    # over assistant and guardrail duties, "Security Data Analyst" over security work.
    # (Not for the model-building families themselves: an "AI Researcher" who deploys models
    # and runs serving is doing another job, which the title does not name.)
    near = set().union(*(_DOMAIN_FAMILIES.get(w, frozenset()) for w in title_words))
    if near and fam not in _MODEL_FAMILIES and all(str(w.work_family) in near for w in items):
        return True
    # An ML title that names LLM applications as its domain ("Machine Learning Engineer - LLM
    # Applications") asks for the LLM work: "AI" alone does not say which kind of AI work.
    llm = set().union(*(_DOMAIN_FAMILIES[w] for w in title_words if w in _LLM_WORDS))
    if llm and all(str(w.work_family) in llm for w in items):
        return True
    # An ML title on a model-training team ("Machine Learning Engineer, Pretraining",
    # "Post-training Engineer") asks for the research engineering of training large models:
    # scaling runs, optimising throughput, ablations and the papers that report them.
    if _TRAINING_TEAM.search(title) and all(str(w.work_family) in ("research-engineer", "researcher") for w in items):
        return True
    named = sum(1 for w in items
                if any(k.lower() in domain for k in w.work_evidence if " " not in k and (len(k) > 2 or k.isupper())))
    return named > 0 and named * 2 >= len(items)


def _lines(items: list[Any], most: int = 6) -> str:
    """ "5, 7, 9" (the items' lines), with "..." past ``most``."""
    lines = sorted({w.line for w in items})
    text = ", ".join(str(x) for x in lines[:most])
    return text + (", ..." if len(lines) > most else "")


def _short(text: str, most: int = 60) -> str:
    text = " ".join(text.split()).strip("*_ ")
    return text if len(text) <= most else text[: most - 1].rsplit(" ", 1)[0] + "..."


def _names_cross_work(vocab: Any, w: Any) -> bool:
    """Whether a work item's words name the work of a specialism of several families (laptops,
    mailboxes, printers, the service desk: IT support): that work counts however unsure the
    model is between the families its words lean to."""
    return vocab.specialism(str(w.work_family), w.text) in vocab.cross_specialisms


_SPECIALTY_GROUP = "specialty:"  # a group of the catch-all family's items by their specialty


def _mismatch(doc: Any, rule: Any, ctx: Context, title_family: str, theirs: list[Any], n: int, total: int,
              work: str | None = None, work_label: str | None = None) -> Any:
    """The title-scope-mismatch finding: the title against the work that is another family's
    (``work``: a specialism that names that work whichever families its items read as)."""
    vocab = ctx.vocab
    kws: list[str] = []
    for w in theirs:
        kws += [x for x in w.work_evidence if x not in kws]
    t = ctx.facts.title
    label = work_label or (vocab.family_label(work) if work else None) or " / ".join(
        vocab.family_label(str(f)) for f, _n in Counter(w.work_family for w in theirs).most_common())
    return rule.finding(doc, t.line, t.column, t.line, t.end_column, match=t.text,
                        title_family=vocab.family_label(title_family), family=label,
                        count=n, total=total, keywords=", ".join(kws[:4]), title=t.text,
                        lines=_lines(theirs), example=_short(theirs[0].text))


# Managing people, said outright: hiring for the team, reviews, career talks, one-to-ones,
# direct reports. A manager whose duties say this manages, whatever else the duties name.
_MANAGING = re_compile(
    r"\b(?:hir(?:e|es|ing)\s+(?:(?:a|an|two|three|four|five|six|\d+|our|the|new|more|your|and\s+\w+)\s+)*(?:[\w-]+\s+)?"
    r"(?:engineers?|developers?|analysts?|scientists?|designers?|people|staff|team(?:\s+members)?|hires?|roles?)|"
    r"performance\s+(?:reviews?|conversations?|management)|career\s+(?:conversations?|growth|development|progression)|"
    r"one-on-ones?|one-to-ones?|1:1s?|1-on-1s?|direct\s+reports?|line[- ]manag\w*|people\s+manag\w*|"
    r"(?:manag|lead)\w*\s+(?:a|the|our)\s+team\s+of\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)|"
    r"the\s+people\s*:|a\s+management\s+role)\b", re.I)


class TitleScopeKind(Kind):
    name = "title-scope"
    OPTIONS = {"min_items": (int, 3, "fewest classified responsibilities before the title is judged"),
               "min_score": (float, 0.4, "how sure the classifier must be of an item's family for it to count"),
               "ignore_families": (list, ["leadership", "other-specialist"],
                                   "families that never make a title wrong (an expert also leads; the catch-all of other specialties)"),
               "max_title_share": (float, 0.2,
                                   "share of the work at most that the title's own family holds when another family holding two fifths or more makes the title wrong"),
               "manager_share": (float, 0.75,
                                 "share of the work that, when it is all managing people, makes a non-manager title wrong even though leadership is ignored")}
    FIELDS = ("title_family", "family", "count", "total", "keywords", "title", "lines", "example")

    def _mistitled_close(self, doc: Any, rule: Any, ctx: Context, fam: str, title_spec: str, items: list[Any],
                         total: int) -> Iterator[Any]:
        """The finding for a title over the work of its close family (and what shares that
        family's day), when none of the work is the title's own."""
        vocab = ctx.vocab
        found = _none_of_its_own(fam, items, ctx.facts.work_items, total, vocab)
        if found is None:
            return
        mistitled, group = found
        theirs = [w for w in items if w.work_family in group]
        if not (vocab.shares_work(fam, mistitled) or _title_names_domain(ctx.facts.title.text, fam, theirs, vocab)
                or ctx.facts.splits_time):
            yield _mismatch(doc, rule, ctx, title_spec, theirs, len(theirs), total)

    @staticmethod
    def _manager_without_managing(doc: Any, rule: Any, ctx: Context, items: list[Any],
                                  group_of: dict[str, str]) -> Iterator[Any]:
        """A manager's title over work with no managing in it: an "Analytics Manager" whose
        every duty is building pipelines and models, with no one to lead, hire or plan for.
        At least four duties, none of them leadership, two thirds of one other kind of work."""
        if len(items) < 4:
            return
        counts = Counter(group_of.get(str(w.work_family), str(w.work_family)) for w in items)
        if counts.get(group_of.get("leadership", "leadership"), 0):
            return
        if any(_MANAGING.search(w.text) for w in ctx.facts.work_items):
            return  # "Hire two engineers", "The people: growth, feedback, hiring": managing, in
            # words the classifier read as the team's technical work (iOS, Android)
        top, n = counts.most_common(1)[0]
        if top in rule.options["ignore_families"] or n * 3 < 2 * len(items):
            return
        ranked = rank_title_family(ctx.facts.title.text, ctx.vocab)
        if ranked is not None and group_of.get(ranked, ranked) == top:
            return  # "Vice President, Site Reliability Engineering" over SRE work: a rank over the job it names
        theirs = [w for w in items if group_of.get(str(w.work_family), str(w.work_family)) == top]
        yield _mismatch(doc, rule, ctx, "leadership", theirs, n, len(items))

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:
        vocab = ctx.vocab
        fam = _title_family(ctx)
        if fam is None or ctx.facts.title.job_family_page:
            return  # no clear title, or a page about many jobs
        # The work as its own words read it, without the title's pull on close calls: the title
        # cannot be evidence for itself.
        title_spec = vocab.specialism(fam, ctx.facts.title.text)
        selling_title_is_technical = (fam in _TECHNICAL_FAMILIES and title_spec == fam
                                      and not _title_specialties(ctx.facts.title.text) & _CUSTOMER_FACING)
        # The selling duties, read once: under such a title they are a job of their own, and
        # when there are three or more of them they count even where the classifier is unsure
        # of each (their own words name the selling; together they are a job).
        sellers = {id(w) for w in ctx.facts.work_items if _selling(w)} if selling_title_is_technical else set()
        unsure_sellers = sellers if len(sellers) >= 3 else set()
        items = [w for w in ctx.facts.work_items if w.work_family is not None
                 and (w.work_score >= rule.options["min_score"] or _names_cross_work(vocab, w)
                      or id(w) in unsure_sellers)]
        if len(items) < rule.options["min_items"]:
            return
        # Close families (data science and analysis, ML engineering and MLOps) are one kind of
        # work here: a Data Engineer title over analysis and experiments is one mismatch.
        group_of = family_groups(vocab)
        if fam == "leadership":
            yield from self._manager_without_managing(doc, rule, ctx, items, group_of)
            return  # otherwise a leader who oversees the work
        # A title of a specialism ("Frontend Developer", "iOS Engineer") is not close to the
        # family its parent is close to: infrastructure work under it is another job (title_spec).

        catch_all: Counter = Counter()
        if title_spec in vocab.cross_specialisms:
            for w in items:
                if w.work_family == "other-specialist" and vocab.specialism("other-specialist", w.text) == "other-specialist":
                    catch_all.update(_specialty(w.text))

        def group(w: Any) -> str:
            f = str(w.work_family)
            spec = vocab.specialism(f, w.text)
            if spec in vocab.cross_specialisms:
                # Work of its own kind whichever family its words lean to: a "Software
                # Developer" whose duties are mailboxes, laptops, printers and the phone system
                # (read as security, DevOps and software) does IT support.
                return spec
            if w.work_own == fam and f != fam and title_spec == fam:
                # Its own words read as the title's work; only its neighbours made it another
                # job's ("Sketch and test the new sign-up journey with real customers" beside a
                # component library and support calls): it counts for the title, never against.
                return group_of.get(fam, fam)
            if title_spec in vocab.cross_specialisms and f == "other-specialist":
                # Under a title of such a specialism (an "IT Support Technician"), the
                # catch-all's other specialties are other jobs: the front desk, the post and
                # the room bookings are office administration. A duty that names no specialty
                # reads as the one the posting's other catch-all duties name most.
                seen = _specialty(w.text) or catch_all
                if seen:
                    sp = max(seen, key=lambda c: (seen[c], catch_all[c], c))
                    if title_spec not in _SPECIALTY_NEAR.get(sp, set()):
                        return _SPECIALTY_GROUP + sp
            if _titles_own(fam, w):
                return group_of.get(fam, fam)
            if id(w) in sellers:
                # Under an engineering or data title that names no customer-facing specialty,
                # the catch-all's selling and account work is a job of its own: a "Smart
                # Buildings Data Engineer" who qualifies leads, runs demos for prospects and
                # carries a pipeline target does sales under an engineer's title.
                return _SPECIALTY_GROUP + "selling"
            if title_spec != fam:
                if f == fam:
                    return title_spec  # any software work fits a frontend title
                if vocab.close(fam, f):
                    return f  # DevOps work is a job of its own under it
            return group_of.get(f, f)

        counts = Counter(group(w) for w in items)
        title_group = title_spec if title_spec != fam else group_of.get(fam, fam)
        # Items the model leans to the title's work without being sure of it still read as the
        # title's work to a reader ("Design, build and validate predictive models" under a Data
        # Scientist title, a close call with ML engineering): they count for the title, never
        # against it.
        lean = sum(1 for w in ctx.facts.work_items
                   if w.work_family is not None and w.work_score < rule.options["min_score"]
                   and group(w) == title_group)
        if lean:
            counts[title_group] += lean
        total = len(items) + lean
        top, n = counts.most_common(1)[0]
        if top == title_group and title_spec == fam:
            # Close families are one kind of work, except when none of it is the title's own:
            # a "DevOps Engineer" whose every duty is Java feature work, code review and tests
            # (no pipeline, no cloud, no on-call) is a developer's job under another name.
            yield from self._mistitled_close(doc, rule, ctx, fam, title_spec, items, total)
            return
        if top == title_group or n <= counts.get(title_group, 0):
            return
        # The work the title names must be most of the job, or another family must be: a
        # Frontend Developer whose work is half infrastructure and two fifths pipelines, with
        # one React fix, is neither job's title. (Half and half with the title's own work is one
        # job with side duties: conflated-roles judges that.)
        own = counts.get(title_group, 0)
        if own * 3 >= total:
            # the title's group is large only through the close family: a Data Scientist whose
            # work is the reporting pack and the dbt models under it, with one "occasionally
            # helping to size pricing experiments"
            if title_spec == fam:
                yield from self._mistitled_close(doc, rule, ctx, fam, title_spec, items, total)
            return
        if n * 2 <= total and not (n >= 3 and own <= rule.options["max_title_share"] * total and n * 5 >= 2 * total):
            return  # short of half the work, two duties are too few to call the title wrong
            # (an AI Engineer whose four duties include a cluster and a web app)
        if top in rule.options["ignore_families"]:
            # An expert who also leads is one job; a title over work that is almost all managing
            # people (hiring, reviews, one-to-ones, budgets) is a manager's job under another name.
            managing = top == group_of.get("leadership", "leadership") and n >= 4
            if not (managing and n >= rule.options["manager_share"] * len(items)):
                return
        theirs = [w for w in items if group(w) == top]
        shared = sum(1 for w in theirs if vocab.shares_item(fam, str(w.work_family), w.text)
                     or vocab.title_shares(fam, str(w.work_family)))
        if (top in vocab.cross_specialisms and vocab.shares_work(fam, top)) or 2 * shared > len(theirs):
            return  # the day-to-day work overlaps: a Platform Engineer running the GPU cluster
        if fam == "other-specialist":
            near = set().union(*(_SPECIALTY_NEAR.get(sp, set()) for sp in _title_specialties(ctx.facts.title.text)))
            if {str(w.work_family) for w in theirs} & near:
                return  # a GIS Analyst analysing the data on the maps is doing the job the title names
        if _title_names_domain(ctx.facts.title.text, fam, theirs, vocab):
            return  # the title names that domain itself ("Cyber Data Analyst" over security data work)
        if ctx.facts.splits_time:
            return  # "You'll split your time between customer analytics and the assistant": the
            # posting says the title's work is half the job; two jobs are conflated-roles' to judge
        if fam in ("researcher", "data-scientist") and _APPLIED.search(ctx.facts.title.text) and all(
                str(w.work_family) in _APPLIED_RESEARCH for w in theirs):
            return  # an Applied (Research) Scientist fine-tuning, evaluating, shipping or researching models does applied science
        if fam == "ai-engineer" and _model_work_under_ai_title(ctx.facts.title.text, theirs):
            return  # an "AI Engineer" building and validating models does the ML engineer's job the title once meant
        if fam == "data-analyst" and _BUSINESS_ANALYST.search(ctx.facts.title.text) and all(
                str(w.work_family) in _REQUIREMENTS_WORK for w in theirs):
            return  # a Business Analyst eliciting requirements and running workshops does the BA's job
        yield _mismatch(doc, rule, ctx, title_spec, theirs, n, total, top if top in vocab.cross_specialisms else None,
                        _SPECIALTIES.get(top[len(_SPECIALTY_GROUP):]) if top.startswith(_SPECIALTY_GROUP) else None)


# Close families whose jobs are still told apart by title when all the work is one of them: a
# DevOps title over nothing but feature code, a Data Scientist title over nothing but reporting
# packs and dashboards. (ML engineering and MLOps are told apart by the scope of the same work,
# and research science from research engineering by degree: no title is wrong between them.)
_APART_WHEN_ALONE = frozenset({frozenset({"software-engineer", "sre-devops"}),
                               frozenset({"data-scientist", "data-analyst"})})


def _none_of_its_own(fam: str, items: list[Any], all_items: list[Any], total: int,
                     vocab: Any) -> tuple[str, frozenset[str]] | None:
    """The close family that holds the work when none of it reads as the title's own family,
    not even as a lean or as work the title owns whatever family it reads as (``_titles_own``):
    at least four duties and three quarters of the work, counting the work of families that
    share that family's day (the dbt models under a reporting pack). A side duty done now and
    then ("Occasionally helping to size pricing experiments") is not the title's own work.
    (That family, and the families counted with it), or None."""
    if any((w.work_family == fam or _titles_own(fam, w)) and not _NOW_AND_THEN.match(w.text)
           for w in all_items if w.work_family is not None):
        return None
    fine = Counter(str(w.work_family) for w in items)
    for close in sorted((f for f in fine if frozenset({fam, f}) in _APART_WHEN_ALONE), key=lambda f: (-fine[f], f)):
        group = frozenset({close} | {f for f in fine if vocab.shares_work(close, f)})
        n = sum(fine[f] for f in group)
        if n >= 4 and 4 * n >= 3 * total:
            return close, group
    return None


# A duty done now and then: "Occasionally helping to size pricing experiments", "From time to
# time, assist with simple forecasting".
_NOW_AND_THEN = re_compile(r"\W*(?:occasionally|from\s+time\s+to\s+time|sometimes|now\s+and\s+then|on\s+occasion|"
                           r"where\s+needed|as\s+needed|when\s+needed)\b", re.I)


def _titles_own(fam: str, w: Any) -> bool:
    """Work of another family that is the title's own job however the model reads it."""
    f = w.work_family
    if fam == "ml-engineer" and f in ("researcher", "research-engineer") and _BUILDS_AND_DEPLOYS.search(w.text):
        # Models built and then deployed are the ML engineer's own, however
        # "state-of-the-art" ("Design, build and deploy state-of-the-art models").
        return True
    # Building and evaluating models with nothing of production in it ("Build and evaluate
    # classifiers with held-out sets", "write up model decisions for the risk committee") is a
    # data scientist's work, however close the model's call.
    return fam == "data-scientist" and f == "ml-engineer" and not _PRODUCTION_WORK.search(w.text)


# A business analyst's job is requirements as much as data: eliciting and documenting them,
# running workshops with the business and working with the product owner read as product
# management to the classifier, and are the job the title names.
_BUSINESS_ANALYST = re_compile(r"\bbusiness\s+(?:systems\s+|process\s+)?analysts?\b", re.I)
_REQUIREMENTS_WORK = frozenset({"product-manager"})


# "Applied" in a research title says the research is building and evaluating real systems: the
# model and AI-system work those titles ask for is the job the title names.
_APPLIED = re_compile(r"\bapplied\b", re.I)
# (research too: an applied scientist develops new methods and publishes, "Research, design and
# develop novel machine learning solutions for fraud detection")
_APPLIED_RESEARCH = frozenset({"ai-engineer", "ml-engineer", "research-engineer", "data-scientist", "researcher"})
# "AI Engineer" is also the older name of the ML engineer who builds and trains models (a
# clinical early-warning score, defect detection on camera images); a title that says LLM,
# generative AI, agents or prompts means the newer job.
_LLM_TITLE = re_compile(r"\b(?:llms?|gen\s*ai|generative|prompts?|agent(?:s|ic)?|chat\s*bots?|conversational|language\s+models?|rag)\b", re.I)
_MODEL_WORK = frozenset({"ml-engineer", "data-scientist"})
_NEAR_MODEL_WORK = _MODEL_WORK | {"data-analyst", "mlops"}


def _model_work_under_ai_title(title: str, theirs: list[Any]) -> bool:
    """Whether the work under a plain "AI Engineer" title is building models: at least half of
    it ML engineering or data science, the rest analysis or model operations (not a cluster
    to run, nor reporting)."""
    if _LLM_TITLE.search(title):
        return False
    fams = [str(w.work_family) for w in theirs]
    return all(f in _NEAR_MODEL_WORK for f in fams) and 2 * sum(f in _MODEL_WORK for f in fams) >= len(fams)


# The kinds of other-specialist work that are jobs of their own, by the concept that names them.
_SPECIALTIES = {"geo": "GIS and mapping", "outreach": "marketing, community and communications",
                "commercial": "sales and customer accounts", "advisory": "policy and advice",
                "learning": "training programmes", "support": "user support",
                "governance": "data governance and records", "fundraising": "fundraising and donor care",
                "administration": "office administration and personnel",
                # the commercial and outreach items together, under an engineering or data title
                "selling": "sales, marketing and customer-facing work"}
# The families whose work a specialty shares day to day: analysing and engineering spatial data
# is GIS work too; stewarding data sits next to engineering and securing it; a support engineer
# reads code and servers; teaching data literacy is analysis work.
_SPECIALTY_NEAR = {"geo": {"data-analyst", "data-scientist", "data-engineer"},
                   "governance": {"data-engineer", "analytics-engineer", "security"},
                   "support": {"software-engineer", "sre-devops", "it-support"},
                   "learning": {"data-analyst"},
                   # a consultant or officer whose title names data work ("Individual Consultant -
                   # Regional Data Management and Visualization") does that data work
                   "data": {"data-analyst", "data-scientist", "data-engineer", "analytics-engineer"},
                   # an SAP or NetSuite consultant configures, tests, migrates data into and
                   # specifies reports for the package: software and data work is the job
                   "erp": {"software-engineer", "data-engineer", "data-analyst", "it-support"},
                   # a developer advocate's sample apps, SDK examples and demo clusters are the job
                   "devrel": {"software-engineer", "sre-devops", "ai-engineer"},
                   # a technical writer's guides, references and tested examples are about the
                   # software they document: the writing is the job
                   "docs": {"software-engineer", "sre-devops", "ai-engineer", "data-engineer", "researcher",
                            "research-engineer", "security"}}


# "Community" as the people a programme serves: "community health promoters", "at community and
# facility level", "the community feedback and complaints mechanism".
_COMMUNITY_SERVED = re_compile(r"\bcommunit(?:y|ies)(?:\s+and\s+\w+)?\s+(?:health|level|members?|feedback|based|care|workers?|"
                               r"promoters?|volunteers?|groups?|leaders?|organi[sz]ations?|engagement\s+meetings?|"
                               r"meetings?|structures?|committees?|households?)\b|\bcommunity-based\b", re.I)


# An event told with what it does in a product: players, participation, revenue, its prices and
# configuration ("Prepare the pre-event pricing proposal", "Check event configurations in our
# admin tool before they go live").
_EVENT_IN_PRODUCT = re_compile(r"\b(?:in-?(?:game|app)|live-?ops|players?|participation|revenue|retention|pric(?:e|es|ing)|"
                               r"configurations?|configs?|moneti[sz]\w*|conversion|payers?|rewards?|drop\s+rates?)\b", re.I)


# The client or customer named as whom the work is for, not as whom it sells to.
_CLIENT_WORDS = frozenset({"client", "clients", "customer", "customers", "partner", "partners"})
# ... and a demo of the work delivered ("sprint demos", "demo what shipped"), not a sales demo
_DEMO_WORDS = frozenset({"demo", "demos"})
_DELIVERY_DEMO = re_compile(r"\bsprint\s+(?:demos?|reviews?)\b|\bdemo\w*\s+(?:what|the\s+(?:work|release|build)|your\s+work)\b", re.I)
_SELLING = re_compile(r"\b(?:sell\w*|sales?|pre-?sales?|revenue|deals?|prospect\w*|renewals?|quotas?|upsell\w*|cross-sell\w*|"
                      r"commissions?|pipeline|book\s+of|account\s+(?:management|managers?|plans?)|pitch\w*|proposals?|"
                      r"tenders?|bids?|leads?|new\s+business|expansion)\b", re.I)


def _specialty(text: str) -> Counter:
    """The kinds of specialist work an item names: its specialty concepts, counted, and the
    words of an office's running the model's concepts leave out (``_OFFICE_WORK``)."""
    from ..workfamily import features

    feats = [f for f in features(text) if f.name.startswith("c:") and f.name[2:] in _SPECIALTIES]
    seen = Counter(f.name[2:] for f in feats)
    if seen["outreach"] and all(f.words.lower() == "community" for f in feats if f.name == "c:outreach") \
            and _COMMUNITY_SERVED.search(text):
        del seen["outreach"]  # "the community feedback and complaints mechanism", "community health
        # promoters": the people a programme serves, not community management
    client_words = _CLIENT_WORDS | (_DEMO_WORDS if _DELIVERY_DEMO.search(text) else frozenset())
    if seen["commercial"] and all(f.words.lower() in client_words for f in feats if f.name == "c:commercial") \
            and not _SELLING.search(text):
        del seen["commercial"]  # "Present your work at sprint demos with the client": the client a
        # consultancy's developer builds for, not a sale
    if seen["outreach"] and all(f.words.lower() in ("event", "events") for f in feats if f.name == "c:outreach") \
            and _EVENT_IN_PRODUCT.search(text):
        del seen["outreach"]  # "the post-event report: participation, revenue, retention": an
        # event inside a game or product, measured, not an event marketing runs
    office = len(_OFFICE_WORK.findall(text))
    if office:
        seen["administration"] += office
    return seen


# Running an office, in the words the work-family model's "administration" concept does not hold
# (it learnt from technical postings): mail and couriers, supplies, catering, leases, parking,
# meeting rooms, new-hire paperwork. "Coordinate catering for client meetings" is office work,
# not sales, though it names a client.
_OFFICE_WORK = re_compile(
    r"\b(?:(?:incoming\s+|outgoing\s+)?mail(?:room)?|post\s*room|couriers?|overnight\s+deliveries|"
    r"(?:office|kitchen|stationery|break[- ]?room|cleaning)\s+(?:(?:and|or)\s+(?:[\w-]+\s+){0,2})?supplies|"
    r"catering|(?:office\s+)?leases?|parking(?:\s+passes)?|(?:conference|meeting)\s+rooms?|front\s+desk|reception(?:ist)?|"
    r"(?:new[- ]hire|onboarding|hr)\s+paperwork|I-9s?|badge\s+photos|check\s+requests|expense\s+claims|"
    r"time[- ]?clock|timesheets?|payroll\s+(?:corrections|changes|queries|inputs?|runs?)|"
    r"(?:facilities|janitorial|cleaning)\s+(?:vendors?|contractors?|companies|services|crews?)|janitorial|pest\s+control|snow\s+removal|"
    r"vehicle\s+(?:registrations?|insurance|fleet)|(?:holiday|christmas|summer)\s+(?:party|parties|picnic|lunch(?:es)?)|staff\s+(?:parties|picnics?)|"
    r"office\s+(?:management|manager|moves?|equipment|events?))\b",
    re.I)


# A specialist title names its specialty in a word the duties' concepts do not use alone
# ("Support Engineer": "support" in a duty is any kind of help).
_TITLE_SPECIALTY_WORDS = {"support": "support", "helpdesk": "support", "gis": "geo", "geospatial": "geo",
                          "spatial": "geo", "mapping": "geo", "cartographer": "geo", "governance": "governance",
                          "steward": "governance", "records": "governance", "trainer": "learning",
                          "training": "learning", "learning": "learning",
                          "advocate": "devrel", "devrel": "devrel", "evangelist": "devrel",
                          "writer": "docs", "documentation": "docs", "documentarian": "docs",
                          "sap": "erp", "erp": "erp", "netsuite": "erp", "workday": "erp", "servicenow": "erp",
                          "salesforce": "erp", "dynamics": "erp", "peoplesoft": "erp", "oracle": "erp",
                          "data": "data", "analytics": "data", "visualization": "data", "visualisation": "data",
                          "statistics": "data", "statistical": "data", "dashboards": "data", "dashboard": "data"}


# Families whose titles are engineering or data work; the catch-all's selling and outreach
# work under them is another job (title-scope-mismatch).
_TECHNICAL_FAMILIES = frozenset({"software-engineer", "data-engineer", "analytics-engineer", "data-scientist", "data-analyst",
                                 "ml-engineer", "mlops", "ai-engineer", "sre-devops", "security", "research-engineer"})
_SELLING_SPECIALTIES = frozenset({"commercial", "outreach"})
_CUSTOMER_FACING = _SELLING_SPECIALTIES | {"support", "devrel", "advisory", "learning"}


def _selling(w: Any) -> bool:
    """Whether a catch-all work item's words are mostly selling, marketing or account work
    (its specialty words name it even when the classifier is unsure of the family)."""
    if w.work_family != "other-specialist":
        return False
    seen = _specialty(w.text)
    return bool(seen) and max(seen, key=lambda c: (seen[c], c)) in _SELLING_SPECIALTIES


def _title_specialties(title: str) -> set[str]:
    """The specialties a job title names: its specialty concepts and its specialty words."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", title)}
    return set(_specialty(title)) | {sp for w, sp in _TITLE_SPECIALTY_WORDS.items() if w in words}


# A heading that gives its part of the job a share of the time: "(about half your time)",
# "(approximately 60%)", "- roughly a third".
_SHARE = re_compile(r"\b(?:(?P<pct>\d{1,2})\s*%|(?P<word>half|a third|one third|two thirds|a quarter|one quarter))", re.I)
_SHARE_WORDS = {"half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "two thirds": 2 / 3, "a quarter": 0.25, "one quarter": 0.25}


def _share(m: Any) -> float:
    return int(m.group("pct")) / 100 if m.group("pct") else _SHARE_WORDS[m.group("word").lower()]


# A posting that says outright it is two jobs (or three): "this role really is two jobs in one",
# "This is really three jobs, and we know it", "This role combines two jobs", "Your two jobs"
# (not "we are hiring for two roles": two openings).
_SAID_TWO = re_compile(
    r"\b(?:two|three|2|3)\s+(?:(?:different|separate|distinct|full[- ]time)\s+)?(?:jobs|roles)\s+in\s+one\b"
    r"|\b(?:combines|combining|spans|spanning|is\s+really|is\s+actually|really\s+is|is\s+effectively)\s+(?:two|three|2|3)\s+"
    r"(?:(?:different|separate|distinct|full[- ]time)\s+)?(?:jobs|roles)\b"
    r"|^\W*your\s+two\s+(?:jobs|roles)\W*$"
    # "covers what a larger health system would split across three positions", "work that is
    # usually two separate jobs" (not a list of who does what: "Security on the program is split
    # across three roles: the ISSM ..., two ISSOs ..., and you, ...")
    r"|\b(?:split|spread|divide[sd]?|shared?)\s+(?:(?:this|the|that|our)\s+(?:work|job|role)\s+)?(?:across|between|among|into)\s+(?:two|three|four|2|3|4)\s+(?:separate\s+|different\s+)?(?:jobs|roles|positions)\b(?!\s*:)"
    r"|\b(?:usually|normally|typically|often|elsewhere)\s+(?:be\s+)?(?:two|three|four|2|3|4)\s+(?:separate\s+|different\s+|distinct\s+)?(?:jobs|roles|positions)\b"
    r"|\b(?:a|this)\s+dual[- ]role\b"
    # "This is a split role", "someone who can take on two responsibilities", "we have decided to
    # combine this with a new security role"
    r"|\b(?:is|as)\s+a\s+split\s+(?:role|job|position)\b"
    r"|\btake\s+on\s+two\s+(?:separate\s+|distinct\s+|different\s+)?(?:responsibilities|roles|jobs|functions)\b"
    r"|\bcombin(?:e|ed|ing)\s+(?:this|it|that|(?:these|those|her|his|their|the|its)\s+(?:tasks|duties|work|responsibilities))"
    r"\s+with\s+(?:a|an|the|our)\s+(?:new\s+)?(?:[\w-]+\s+){0,2}?(?:role|job|position)\b", re.I | re.M)


class RoleMixKind(Kind):
    name = "role-mix"
    OPTIONS = {
        "min_items": (int, 2, "items a family needs before it counts as part of the job"),
        "max_families": (int, 2, "most role families one posting may span"),
        "max_share": (float, 0.5, "a family holding this share of the work or more makes the posting one job with side duties"),
        "two_jobs_share": (float, 0.25, "two unrelated families that each hold this share of the work (and three duties) are two jobs"),
        "ignore_families": (list, ["leadership", "other-specialist"],
                            "families that are not a separate job here (managing the work; the catch-all of other specialties)"),
        "min_score": (float, 0.4, "how sure the classifier must be of an item's family for it to count"),
        "min_share": (float, 0.25, "least share of the work a family needs to count as a separate job (less is a side duty)"),
        "sure_score": (float, 0.75, "a single duty this sure is enough for the other side of a known bad pair"),
        "one_duty_share": (float, 0.12, "least share of the counted work that single sure duty must be (one duty of eighteen is a side task)"),
    }
    FIELDS = ("count", "families", "source", "quote")

    def _with_specialty(self, doc: Any, rule: Any, ctx: Context, group: str, counts: Counter, group_label: str,
                        group_items: list[Any], group_families: list[str]) -> Iterator[Any]:
        """The "two" variant with a specialty of the catch-all family as the second job: both
        sides hold three duties and ``two_jobs_share`` of the counted work, whether or not the
        title settles close calls."""
        if "other-specialist" not in rule.options["ignore_families"]:
            return  # then it is counted as a family like the others
        sure = rule.options["min_score"]
        # The item's own words must read as the specialty, and so must the posting's reading
        # unless the words alone are sure of it: a Web Developer title pulls "look after our
        # regular donors" towards software work, but the words are plainly donor care.
        named = [(w, _specialty(w.text)) for w in ctx.facts.work_items
                 if (w.work_family == "other-specialist" and w.work_score >= sure
                     and ((w.family == "other-specialist" and w.score >= sure)
                          or w.work_score >= rule.options["sure_score"]))]
        # An item naming two specialties ("steward a portfolio of donors": records or
        # fundraising?) reads as the one the posting names most.
        posting: Counter = Counter()
        for _w, seen in named:
            posting.update(seen)
        spec_items: dict[str, list[Any]] = {}
        for w, seen in named:
            if seen:
                sp = max(seen, key=lambda c: (seen[c], posting[c], c))
                spec_items.setdefault(sp, []).append(w)
        if not spec_items:
            return
        sp, items = max(spec_items.items(), key=lambda kv: (len(kv[1]), kv[0]))
        if set(group_families) & _SPECIALTY_NEAR.get(sp, set()):
            return  # a GIS analyst's data analysis, a records officer's data work: one job
        # The other specialties that belong with the group's work count on its side: an IT
        # officer's "support staff with laptops and Microsoft 365" is the IT job, beside the
        # network and the backups, against the reception and the personnel files.
        with_group = [w for other, ws in spec_items.items() if other != sp
                      and set(group_families) & _SPECIALTY_NEAR.get(other, set()) for w in ws]
        total = sum(counts.values()) + len(items) + len(with_group)
        small = min(counts[group] + len(with_group), len(items))
        if small >= 3 and small >= rule.options["two_jobs_share"] * total:
            line, col, end_col, match = _where(doc)
            group_items = sorted(group_items + with_group, key=lambda w: w.line)
            names = (f"{group_label} ({len(group_items)}: lines {_lines(group_items, 3)}) and "
                     f"{_SPECIALTIES[sp]} ({len(items)}: lines {_lines(items, 3)})")
            yield rule.finding(doc, line, col, line, end_col, match=match, variant="two", families=names)

    @staticmethod
    def _declared_halves(doc: Any, vocab: Any, counted: list[tuple[Any, str]], group_of: dict[str, str],
                         label: Any) -> str | None:
        """Two sections whose headings give each a large share of the job ("**Research (about
        half your time)**", "**Production operations (about half your time)**") and whose
        duties are mostly two unrelated families: the posting divides itself into two jobs.
        Returns the families as the finding names them, or None."""
        halves: list[tuple[str, list[Any]]] = []
        by_line: dict[int, list[tuple[Any, str]]] = {}
        for w, f in counted:
            by_line.setdefault(w.section, []).append((w, f))
        for sec in doc.sections:
            m = _SHARE.search(sec.title) if sec.line in by_line else None
            if m is None or _share(m) < 0.3:
                continue
            mine = by_line[sec.line]
            top, n = Counter(group_of.get(f, f) for _w, f in mine).most_common(1)[0]
            if n >= 2 and n * 2 > len(mine) and all(top != g for g, _items in halves):
                halves.append((top, [w for w, f in mine if group_of.get(f, f) == top]))
        for i, (a, items_a) in enumerate(halves):
            for b, items_b in halves[i + 1:]:
                if vocab.close(a, b) or vocab.shares_work(a, b):
                    continue
                return " and ".join(f"{label(g)} ({len(items)}: lines {_lines(items, 3)})"
                                    for g, items in ((a, items_a), (b, items_b)))
        return None

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:
        vocab = ctx.vocab
        hybrid = ctx.facts.declared_hybrid
        if hybrid is not None:
            a, b = hybrid.families
            yield rule.finding(doc, hybrid.line, hybrid.column, hybrid.line, hybrid.end_column, match=hybrid.text,
                               variant="declared", families=f"{vocab.family_label(a)} and {vocab.family_label(b)}")
            return
        title = ctx.facts.title
        if _title_family(ctx) == "leadership" or (title is not None and title.job_family_page):
            return  # a head of data oversees several kinds of work by design; a job-family page lists several jobs
        for block in doc.blocks if ctx.facts.is_posting else ():
            said = _SAID_TWO.search(block.text)
            if said:
                # The posting says so itself: "this role really is two jobs in one", "This role
                # combines two jobs", a "Your two jobs" heading.
                words = said.group(0)
                quote = words.strip("#*_: \t")
                start = said.start() + len(words) - len(words.lstrip("#*_: \t"))
                line, col = block.position(start)
                end_line, end_col = block.position(start + len(quote))
                yield rule.finding(doc, line, col, line, end_col if end_line == line else col + 1,
                                   match=quote, variant="said", quote=" ".join(quote.split()))
                return
        group_of = family_groups(vocab)
        ignored = set(rule.options["ignore_families"])
        sure = rule.options["min_score"]
        # The work as its own words read it (without the title's pull on close calls): a Data
        # Scientist title must not absorb the ML platform duties that make the posting two jobs.
        # The title may still vouch for an item of its own family that its words leave unsure.
        title_fam = _title_family(ctx)
        counted: list[Any] = []
        fams: list[str] = []
        picked: list[tuple[Any, str, str]] = []  # (item, family, specialism or family)
        for w in ctx.facts.work_items:
            if w.work_family is not None and (w.work_score >= sure or _names_cross_work(vocab, w)):
                fam = str(w.work_family)
            elif w.family is not None and w.family == title_fam and w.score >= sure:
                fam = str(w.family)
            else:
                continue
            picked.append((w, fam, vocab.specialism(fam, w.text)))  # the iOS app is not DevOps-adjacent software work
        # A section the posting gives to a specialism ("**Driver app**": build it in Flutter,
        # ship it to the stores) makes its other duties of the parent family that specialism's
        # too: "Implement offline sync and barcode scanning" there is app work.
        by_section: dict[tuple[int, str], Counter] = {}
        plain: Counter = Counter()  # (section, family) -> duties of the family with no specialism
        for w, fam, spec in picked:
            if spec != fam:
                by_section.setdefault((w.section, fam), Counter())[spec] += 1
            else:
                plain[(w.section, fam)] += 1
        # So does a paragraph that opens on the specialism ("The rest of your time will go to
        # the iOS app. You'll share ownership of it: building features, ..."): its other duties
        # of the parent family are that specialism's too.
        opens: dict[tuple[int, str], str] = {}
        for w, fam, spec in picked:
            if w.source == "prose" and (w.line, fam) not in opens:
                opens[(w.line, fam)] = spec
        # A data scientist who ships their own models on what an ML platform team runs ("our ML
        # Platform team provides a feature store, a registry and deployment templates"; "Deploy
        # your models through the ML Platform's pipelines") does one job: the deploy and
        # monitoring duties are the data science job's last step, not a platform job.
        run_by_a_team = _run_by_a_team(doc.text)
        own_models = title_fam == "data-scientist" and "mlops" in run_by_a_team
        # So does a data engineer who runs their own pipelines: the on-call rota "for the feeds
        # that drive live planning" and rebuilding an ingestion "with proper monitoring and
        # alerting" are the data engineering job's operations, not a DevOps job beside it.
        own_data_ops = sum(1 for _w, f, _s in picked if f == "data-engineer") >= rule.options["min_items"]
        for w, fam, spec in picked:
            if own_models and spec in ("ml-engineer", "mlops"):
                spec = "data-scientist"
            if own_data_ops and spec == "sre-devops" and _DATA_OPS.search(w.text) and not _INFRA_OPS.search(w.text):
                spec = "data-engineer"
            if spec == "software-engineer" and title_fam in _ENGINEERING_TITLES and _PRACTICE.search(w.text):
                # an engineer's tests, design docs and reviews are their own job's practice
                spec = str(title_fam)
            if spec == fam and (w.section, fam) in by_section:
                top_spec, n_spec = by_section[(w.section, fam)].most_common(1)[0]
                if n_spec >= 2 and n_spec >= plain[(w.section, fam)]:
                    spec = top_spec
            if spec == fam and w.source == "prose" and opens.get((w.line, fam), fam) != fam:
                spec = opens[(w.line, fam)]
            if spec not in ignored:  # managing is not a role mix
                counted.append((w, spec))
                fams.append(spec)
        # A specialism of several families that shares its day-to-day work with a family the
        # posting also asks for counts with it: a systems administrator's servers and backups
        # and the service-desk escalations about them are one job (IT support beside DevOps).
        group_of = dict(group_of)
        for cs in vocab.cross_specialisms & set(fams):
            for f in set(fams):
                if vocab.shares_work(f, cs):
                    group_of[cs] = group_of.get(f, f)
        counts = Counter(group_of.get(f, f) for f in fams)
        members: dict[str, list[str]] = {}
        for f in fams:
            group = members.setdefault(group_of.get(f, f), [])
            if f not in group:
                group.append(f)

        def label(g: str) -> str:
            return " / ".join(vocab.family_label(f) for f in members[g])

        present = [g for g, n in counts.most_common()
                   if n >= rule.options["min_items"] and n >= rule.options["min_share"] * len(fams)]
        line, col, end_col, match = _where(doc)
        top_share = counts.most_common(1)[0][1] / len(fams) if fams else 1.0
        # The reading with the title settling close calls: a part of the work must hold in it too
        # ("Monitor scheduled jobs and troubleshoot failures" under an ETL Developer title is
        # the ETL job, not a third one).
        as_titled = [vocab.specialism(str(w.family), w.text)
                     for w in ctx.facts.work_items if w.family is not None
                     and (w.score >= sure or vocab.specialism(str(w.family), w.text) in vocab.cross_specialisms)]
        titled_counts = Counter(group_of.get(f, f) for f in as_titled)
        many = [g for g in present if titled_counts.get(g, 0) >= rule.options["min_items"]]
        # Jobs that share their day-to-day work count once: a Power BI developer's reports and
        # the semantic model under them are one job (analysis and analytics engineering), so two
        # deployment duties beside them do not make it three.
        fam_of = {g: max(members[g], key=lambda f: (sum(1 for x in fams if x == f), f)) for g in many}
        distinct: list[str] = []
        for g in many:
            if not any(vocab.shares_work(fam_of[g], fam_of[h]) or vocab.same_family(fam_of[g], fam_of[h]) for h in distinct):
                distinct.append(g)
        if len(distinct) <= rule.options["max_families"]:
            many = []
        if len(many) > rule.options["max_families"] and top_share < rule.options["max_share"]:
            names = ", ".join(
                f"{label(g)} ({counts[g]}: lines {_lines([w for w, f in counted if group_of.get(f, f) == g], 3)})"
                for g in many)
            yield rule.finding(doc, line, col, line, end_col, match=match, variant="many",
                               count=len(many), families=names)
            return
        if len(present) == 1 and fams:
            # The catch-all family is not one job, but one of its specialties can be: a
            # Security Officer who is also the council's GIS administrator, a developer who
            # also runs the social media and community.
            found = list(self._with_specialty(doc, rule, ctx, present[0], counts, label(present[0]),
                                              [w for w, f in counted if group_of.get(f, f) == present[0]], members[present[0]]))
            if found:
                yield from found
                return
        if len(present) == 2 and fams:
            # Two unrelated jobs in one posting, each a large part of it ("the data half" and
            # "the product half"; reporting plus running the Kubernetes platform). Each half must
            # hold even when the title settles close calls: a Data Scientist who builds and
            # watches ranking models has close calls between science and ML engineering, not two jobs.
            small = min(min(counts[g], titled_counts.get(g, 0)) for g in present)
            # Halves that share their day-to-day work are one job (DevOps and MLOps on one GPU
            # cluster), and so are a specialism and its own family: a full-stack developer's
            # app screens and the API behind them. The family holding most of each half decides
            # ("Deploy and monitor services", "write tested code" beside eight LLM duties: one
            # job; the Kubernetes clusters beside them, with one React duty: two).
            fam_n = Counter(fams)
            a, b = (max(members[g], key=lambda f: (fam_n[f], f)) for g in present[:2])
            # So are the halves of one ML job done end to end (``end_to_end``: building the
            # model and shipping and watching it).
            shared = vocab.shares_work(a, b) or vocab.same_family(a, b) or frozenset((a, b)) in vocab.end_to_end
            # The title may be the bridge: a BI Developer (analytics engineering) whose work reads
            # half as reports and half as warehouse views does the one job the title names, when
            # the title's family sits in one half and shares its work with the other.
            shared = shared or any(
                title_fam in members[g] and (vocab.shares_work(str(title_fam), other) or vocab.same_family(str(title_fam), other)
                                             or vocab.title_shares(title_fam, other))
                for g, other in ((present[0], b), (present[1], a)))
            # ... and so is a title whose family sits between the two halves, sharing its work
            # with one and close to the other: a BI Developer (analytics engineering) whose work
            # reads as warehouse loads and as reports is the one job the title names.
            shared = shared or bool(title_fam and title_fam not in (a, b) and any(
                vocab.shares_work(str(title_fam), x) and (vocab.close(str(title_fam), y) or vocab.shares_work(str(title_fam), y))
                for x, y in ((a, b), (b, a))))
            # ... and so is running models in production beside running the platform: rollouts,
            # canaries, serving configuration and GPU capacity are the serving on-call's day,
            # however much they read as ML engineering.
            if not shared and {a, b} == {"sre-devops", "ml-engineer"}:
                ml_half = [w for w, f in counted if group_of.get(f, f) == (present[0] if a == "ml-engineer" else present[1])]
                shared = 2 * sum(1 for w in ml_half if _SERVING.search(w.text)) > len(ml_half)
            # ... and so is research that is not about models beside analysis: literature
            # reviews, fact-checking and writing briefs at a think tank are the analyst's own
            # research, not an AI research job.
            if not shared and ({a, b} & _ANALYSIS) and ({a, b} & _RESEARCH):
                r_group = present[0] if a in _RESEARCH else present[1]
                r_half = [w for w, f in counted if group_of.get(f, f) == r_group]
                shared = 2 * sum(1 for w in r_half if _ML_WORDS.search(w.text)) <= len(r_half)
            if small >= 3 and small >= rule.options["two_jobs_share"] * len(fams) and not shared:
                names = " and ".join(
                    f"{label(g)} ({counts[g]}: lines {_lines([w for w, f in counted if group_of.get(f, f) == g], 3)})"
                    for g in present)
                yield rule.finding(doc, line, col, line, end_col, match=match, variant="two", families=names)
                return
        declared = self._declared_halves(doc, vocab, counted, group_of, label)
        if declared:
            yield rule.finding(doc, line, col, line, end_col, match=match, variant="two", families=declared)
            return
        fam_counts = Counter(fams)
        # A single duty of a family close to the title's is the title's own work for the pairs:
        # an NLP Data Scientist's one "Analyse data and share insights" is data science, so
        # beside two LLM-feature duties the pair is data science and AI engineering, not
        # analysis and AI engineering.
        if title_fam:
            lone = {f for f, n in fam_counts.items() if n == 1 and f != title_fam and vocab.close(title_fam, f)}
            if lone:
                counted = [(w, title_fam if f in lone else f) for w, f in counted]
                fam_counts = Counter(f for _w, f in counted)
        def own_reading(w: Any, f: str) -> bool:
            """Whether the item's own words (not the title's pull) read as ``f``."""
            return w.work_family is not None and (f == w.work_family or f == vocab.specialism(str(w.work_family), w.text))

        sure_one = {f for (w, f) in counted if w.work_score >= rule.options["sure_score"]
                    and own_reading(w, f)
                    and not _done_with_its_owner(w.text, str(w.work_family)) and not _HELPS.match(w.text)
                    and not _TRIES.match(w.text)
                    and not _SURVEYS.search(w.text)
                    # one step of a sentence whose other steps are the title's work ("Prototype
                    # the assistant, measure it against that evaluation set, and run a limited
                    # pilot" in a data scientist's posting) is that project's step, not a second job
                    and not (title_fam and f != title_fam
                             and any(v is not w and v.line == w.line and g == title_fam for v, g in counted))
                    and not (f in ("mlops", "sre-devops") and _OWN_MODELS.search(w.text))
                    # an AI or ML engineer's one duty of evaluating the models they ship
                    # ("Designing evaluations to measure whether models are accurate, fair and
                    # safe for the use case") is their own job's, not a data scientist's
                    and not (f == "data-scientist" and title_fam in ("ai-engineer", "ml-engineer")
                             and _EVALUATES_MODELS.search(w.text))
                    # ... and a data scientist's measuring of models ("Build a calibration framework
                    # that measures agreement between each LLM judge and our human raters") is
                    # statistics on the models, not building LLM features
                    and not (f == "ai-engineer" and title_fam in ("data-scientist", "data-analyst")
                             and _MEASURES_MODELS.search(w.text))
                    # ... and one duty of writing the work up ("Publish research papers in reputed
                    # journals and file patents") is a side of the job, not a research post
                    and not (f == "researcher" and _WRITES_UP.search(w.text))
                    and f not in run_by_a_team}
        own_words = {f for (w, f) in counted if own_reading(w, f)}
        # a posting that says the hire's time is split: the title's side is half the job
        split = ctx.facts.splits_time
        top_group, top_n = counts.most_common(1)[0] if counts else (None, 0)
        model_training = _TRAINING_TEAM.search(ctx.facts.title.text) if ctx.facts.title else None
        for a, b, source, only_title in vocab.conflicts:
            if only_title and title_fam != only_title:
                continue  # an engineer's two design duties are not a designer's backend work
            if model_training and {a, b} <= _TRAINING_WORK:
                # "Research Scientist, Post-Training": research on the models the company ships
                # is run at production scale; the research and the engineering are one job
                continue
            if (title_fam and vocab.covers(title_fam, a) and vocab.covers(title_fam, b)
                    and min(fam_counts[a], fam_counts[b]) < 3):
                # A full-stack developer's title covers the screens and the deploys of their
                # own services. It does not cover two whole jobs: three duties each of running
                # the company's infrastructure and building its mobile app.
                continue
            # Both sides with min_items each; or, since these pairs fail even alone, one side with
            # min_items and the other with a single duty the model is sure of ("also own the ML
            # platform five teams rely on" in a data scientist's posting).
            both = fam_counts[a] >= rule.options["min_items"] and fam_counts[b] >= rule.options["min_items"]
            # A specialism of a family close to the other side (the app is software work, and
            # software work sits next to DevOps) needs both sides: a full-stack developer who
            # deploys their own services has one DevOps duty and is one job.
            one = not vocab.close(a, b) and len(fams) * rule.options["one_duty_share"] <= 1 and any(
                fam_counts[x] >= rule.options["min_items"] and fam_counts[y] >= 1 and y in sure_one
                and (title_fam is None or title_fam in (a, b) or fam_counts[title_fam] < fam_counts[x])
                for x, y in ((a, b), (b, a)))
            # The title is the hire's side of the pair: a Data Scientist posting with one duty of
            # its own family and two LLM-feature duties asks for both jobs. (When the other side
            # is most of the work, title-scope-mismatch reports the title instead.)
            # Unless the title names the domain that made the work the other side's ("NLP Data
            # Scientist" over NLP-model and assistant duties): then title-scope-mismatch stays
            # quiet, and the pair is this rule's to report however large its share.
            # The title's side needs a duty whose own words read as it: one the title alone
            # vouches for ("As a Healthcare AI Engineer you'll help build and maintain an early
            # warning score", its words data science) is the other side's work under the title.
            titled = any(x == title_fam and x in own_words and fam_counts[y] >= rule.options["min_items"]
                         and (fam_counts[y] * 2 <= len(fams) or split
                              or _title_names_domain(ctx.facts.title.text, str(title_fam),
                                                     [w for w, f in counted if f == y], vocab))
                         for x, y in ((a, b), (b, a)))
            if title_fam in (a, b) and 2 * fam_counts[b if title_fam == a else a] > len(fams):
                # The title's side is a small part and the other side most of the work: one job
                # under the wrong title (a Research Fellow who administers the cluster and writes
                # papers "where time allows"), which title-scope-mismatch reports.
                both = one = False
            if (top_group not in (group_of.get(a, a), group_of.get(b, b)) and 2 * top_n > len(fams)
                    and title_fam in (a, b) and not both):
                # A third family is most of the work and the title's own side is a side duty: a
                # Data Analyst whose work is pipelines, with their Airflow and Terraform and one
                # reporting duty, is one job under the wrong title (title-scope-mismatch's), not
                # analysis plus DevOps.
                one = titled = False
            if both or one or titled:
                yield rule.finding(doc, line, col, line, end_col, match=match, variant="pair",
                                   families=" and ".join(
                                       f"{vocab.family_label(x)} ({fam_counts[x]}: lines {_lines([w for w, f in counted if f == x], 3)})"
                                       for x in (a, b)),
                                   source=source)
                return
