"""Which role family would normally own one piece of work ("what you'll do" items).

A small linear model over paraphrase-robust features, so that "make the price-suggestion
endpoint answer within 30 ms" counts as ML serving work although it names no textbook keyword.

Features (``features(text)``):

- words: lower-cased, markdown stripped, hyphens and slashes split, lemmatised by a small
  rule-based English lemmatiser (``lemma``: irregular forms, plural and verb suffixes, British
  and American spelling, -isation/-ization, -ment, -ation) with stop words dropped;
- unigrams and bigrams of those lemmas;
- concept groups (``CONCEPTS``: dashboard/report/chart/Tableau -> reporting, LLM/chatbot/prompt
  -> genai, latency/endpoint/ms -> serving, ...), matched on lemmas, one and two words long;
- tool names from the tool catalog (``rules/vocab/tools.yaml``, read generically: ``name``,
  ``aliases``, ``exact``, ``category``), each counted as its category, and the category's words
  as concepts (a new "vector database" tool is genai evidence without retraining);
- the lead verb and the object of the work (the first object noun or concept after the verb):
  ``vo:`` verb-object and ``vc:`` verb-concept pairs;
- hits of the taxonomy keywords in ``rules/vocab/roles.yaml`` (``kw:<family>``), matched on
  lemmas, so the model learns how far to trust each family's keyword list, and the job titles
  an item names (``role:<family>``: "A data engineer II is responsible for ...");
- an impact question ("whether the scheme changed how often people shop") as one concept;
- a few shape features (how the item starts, whether its subject is the team or organisation,
  whether it names the employer, its length), which is what separates context sentences
  ("We are a ...", "Our data team builds ...") from work.

One hand-written rule sits on top (``_apply_scope_rule``): MLOps must show a platform-scope cue
("every team", shared clusters, gateways, platform tooling); otherwise an MLOps verdict with ML
engineering close behind goes to ML engineering, as the labelling convention says.

The weights (``rules/vocab/work_model.json``) come from ``scripts/train_work_model.py``, a
multinomial logistic regression over ``data/work-items/*.yaml``. Inference is pure Python: the
family scores are sums of feature weights, so the deciding words are the input words whose
features pushed the winner furthest above the runner-up.

API::

    classify(text) -> Classification(family, score, evidence, runner_up, margin, top, by_context)
    WorkModel.classify_many(texts, title_family=None, groups=None)  # a posting's items read together (groups: sections)
    WorkModel.classify_posting(texts, title_family)    # (with the title, without it)
    classify_items_for_vocab(vocab, texts, title_family) -> [Verdict]  # Vocab.classify_items
    lead_verbs() -> frozenset                          # the duty verbs the model learned
    features(text) -> list[Feature]             # (name, surface words)
    lemma(word) -> str
    load_model(path=None) -> WorkModel           # cached; classify(text, model=...) to swap
    classify_for_vocab(vocab, text) -> (family | None, [deciding words])   # Vocab.classify
    data_digest(files) -> str                    # recorded in the weights file by the trainer
    feature_digest() -> str                      # of the vocabulary the features read (tools, roles)
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, NamedTuple
from .rxcache import re_compile

FEATURE_VERSION = 10
GENERIC = "generic"

# -- lemmatiser -------------------------------------------------------------------------------

IRREGULAR = {
    "built": "build", "led": "lead", "ran": "run", "wrote": "write", "written": "write",
    "taught": "teach", "brought": "bring", "bought": "buy", "sought": "seek", "held": "hold",
    "met": "meet", "kept": "keep", "made": "make", "understood": "understand", "drove": "drive",
    "driven": "drive", "chose": "choose", "chosen": "choose", "grew": "grow", "grown": "grow",
    "began": "begin", "begun": "begin", "gave": "give", "given": "give", "took": "take",
    "taken": "take", "saw": "see", "seen": "see", "went": "go", "gone": "go", "did": "do",
    "done": "do", "does": "do", "has": "have", "had": "have", "having": "have", "is": "be",
    "are": "be", "was": "be", "were": "be", "been": "be", "being": "be", "am": "be",
    "spent": "spend", "sent": "send", "set": "set", "shipped": "ship", "fed": "feed",
    "found": "find", "thought": "think", "told": "tell", "sold": "sell", "won": "win",
    "felt": "feel", "left": "leave", "lost": "lose", "meant": "mean", "paid": "pay",
    "said": "say", "stood": "stand", "spoke": "speak", "spoken": "speak", "broke": "break",
    "broken": "break", "known": "know", "knew": "know", "shown": "show", "rode": "ride",
    "children": "child", "people": "person", "men": "man", "women": "woman",
    "data": "data", "criteria": "criterion", "analyses": "analysis", "analyse": "analyze",
    "analysed": "analyze", "analysing": "analyze", "analyzed": "analyze", "analyzing": "analyze",
    "hypotheses": "hypothesis", "analysis": "analyz", "using": "use", "uses": "use", "used": "use", "indices": "index", "matrices": "matrix", "media": "media",
    "metadata": "metadata", "per": "per", "news": "news", "sas": "sas", "aws": "aws", "gis": "gis",
    "os": "os", "ios": "ios", "kubernetes": "kubernetes", "analytics": "analytic",
    "statistics": "statistic", "ops": "ops", "devops": "devops", "mlops": "mlops", "llms": "llm",
    "apis": "api", "kpis": "kpi", "sdks": "sdk", "gpus": "gpu", "etls": "etl", "ml": "ml",
    "programme": "program", "programmes": "program", "modelling": "model", "modeling": "model",
    "modelled": "model", "modeled": "model", "modeller": "modeler", "catalogue": "catalog",
    "catalogues": "catalog", "catalogued": "catalog", "cataloguing": "catalog",
    "centre": "center", "centres": "center", "licence": "license", "defence": "defense",
    "labelling": "label", "labelled": "label", "travelling": "travel", "cancelled": "cancel",
    "enrol": "enroll", "fulfil": "fulfill", "judgement": "judgment", "towards": "toward",
    "learnt": "learn", "learned": "learn", "burnt": "burn", "spelt": "spell", "dealt": "deal",
    "us": "us", "this": "this", "its": "its", "status": "status", "across": "across",
    "process": "process", "business": "business", "access": "access", "success": "success",
    "address": "address", "class": "class", "less": "less", "bias": "bias", "basis": "basis",
    "canvas": "canvas", "campus": "campus", "census": "census", "consensus": "consensus",
}
# Words ending in "our" that are not British spellings of "-or".
_OUR_KEEP = {"hour", "your", "four", "tour", "pour", "flour", "devour", "sour", "our", "detour", "contour"}
_VOWELS = set("aeiouy")


@lru_cache(maxsize=20000)
def lemma(word: str) -> str:
    """A normalised key for ``word``: inflections, British/American spelling and a few
    derivations fold together ("optimising", "optimization", "optimise" -> "optimiz")."""
    w = word.lower()
    if w in IRREGULAR:
        base = IRREGULAR[w]
        return base if base == w else lemma(base)
    if len(w) <= 3 or not w.isalpha():
        return w
    # British -> American spelling.
    if w.endswith("our") and w not in _OUR_KEEP:
        w = w[:-3] + "or"
    elif w.endswith("ours") and w[:-1] not in _OUR_KEEP:
        w = w[:-4] + "ors"
    for gb, us in (("isation", "ization"), ("isations", "izations"), ("ising", "izing"),
                   ("ised", "ized"), ("ises", "izes"), ("ise", "ize"), ("yse", "yze"),
                   ("ysed", "yzed"), ("ysing", "yzing"), ("ogue", "og"), ("ogues", "ogs")):
        if w.endswith(gb) and len(w) - len(gb) >= 3 and w not in _ISE_KEEP:
            w = w[: -len(gb)] + us
            break
    if w in IRREGULAR:
        base = IRREGULAR[w]
        return base if base == w else lemma(base)
    # Plurals and verb inflections.
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("ied") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("sses", "shes", "ches", "xes", "zzes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is", "ys")) and len(w) > 3:
        w = w[:-1]
    if w.endswith("ing") and len(w) > 5 and any(c in _VOWELS for c in w[:-3]):
        w = _undouble(w[:-3])
    elif w.endswith("ed") and len(w) >= 5 and not w.endswith("eed") and any(c in _VOWELS for c in w[:-2]):
        w = _undouble(w[:-2])
    # A few derivations that name the same activity.
    for suf, rep in (("izations", "iz"), ("ization", "iz"), ("izer", "iz"), ("ize", "iz"), ("iz", "iz"),
                     ("ations", "at"), ("ation", "at"), ("ements", "e"), ("ement", "e"),
                     ("ments", ""), ("ment", ""), ("ly", "")):
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            w = w[: -len(suf)] + rep
            break
    if w.endswith("e") and len(w) >= 4 and not w.endswith("ee"):
        w = w[:-1]
    return w


_ISE_KEEP = {"expertise", "enterprise", "exercise", "advertise", "franchise", "promise", "premise",
             "compromise", "precise", "concise", "otherwise", "noise", "raise", "praise", "wise",
             "rise", "surprise", "cruise", "revise", "supervise", "devise", "disguise", "merchandise",
             "treatise", "televise", "excise", "incise", "chemise", "poise", "expertises",
             "enterprises", "exercises", "supervised", "supervising", "supervises", "revised",
             "revising", "revises", "raised", "raising", "rises", "rising", "promised", "premises",
             "advertised", "advertising", "exercised", "exercising", "devised", "surprised"}


def _undouble(stem: str) -> str:
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz" and stem[-1] not in _VOWELS:
        return stem[:-1]
    return stem


STOP = frozenset("""
a an the and or but nor of to in on at by for with from into onto over under about as than then
that this these those there here it its it's we our ours us you your yours they their them he she his
her i me my mine who whom whose which what when where why how all any both each every few more most
other some such no not only same so too very can could will would shall should may might must
do be have also just up down out off again further once while during before after above below
between through until within without upon via per e.g i.e etc eg ie ll re ve d s t m
is are was were been being am had has having does did done doing
much many really still even yet already ever always quite rather however
""".split())

# Words that start an item without being its verb ("You will ...", "Responsible for ...", "At
# this level, you'll be expected to ...", "They may be required to ..."). Compared with lemmas,
# so each word is kept in its lemma form too ("responsible" is read as "responsibl"); "hire"
# only as written, so "Hire, coach and ..." keeps its verb.
_LEAD_SKIP_WORDS = """
you we will ll shall would be responsible responsibility for help helps helping assist assisting
support supporting also actively successfully candidate successful postholder post holder role
position incumbent able expected expect to key primary main duty duties task tasks include including
work working closely partner partnering alongside together serve as act new hire ideal person
day first year month week will level levels grade grades band tier required require requires need needs comfortable
ability capable ideally typically often occasionally regularly generally usually asked tasked
charged opportunity
""".split()
LEAD_SKIP = frozenset(_LEAD_SKIP_WORDS) | frozenset(lemma(w) for w in _LEAD_SKIP_WORDS if w != "hire") | STOP

# -- concept groups ---------------------------------------------------------------------------
# Each group names a kind of work object or activity; members are words or two-word phrases,
# lemmatised when the table is compiled. These are generic domain vocabulary, not phrases from
# any labelled set.
# Matched on content lemmas, where stop words are invisible: write each phrase in content words
# ("every-team" would make every "team" a platform word, "report-to" every "report" a people word).
CONCEPTS: dict[str, str] = {
    "reporting": "dashboard report reporting visualisation visualization chart graph tableau power-bi "
                 "looker qlik kpi scorecard bi business-intelligence spreadsheet excel ad-hoc pivot "
                 "metric trend briefing infographic data-studio superset metabase",
    "statistics": "statistic statistical regression hypothesis significance causal causal-inference statistical-inference a/b-test abtest "
                  "uplift bayesian econometric propensity sample sampling variance confidence-interval "
                  "counterfactual difference-in-differences quasi-experimental experiment experimentation "
                  "survey-weight power-analysis estimate estimator treatment-effect synthetic-control",
    "forecast": "forecast forecasting projection scenario segmentation cluster-analysis churn "
                "lifetime-value elasticity demand-planning",
    "ml": "model machine-learning ml predictive classifier classification neural deep-learning xgboost "
          "gradient-boosted random-forest train training feature-engineering label labelled "
          "recommendation recommender ranking ranker scoring fraud-detection computer-vision "
          "anomaly-detection precision recall auc",
    "serving": "latency endpoint serve serving model-serving inference-cost inference ms millisecond p99 p95 p50 throughput real-time "
               "realtime online low-latency quantize quantization distil distill onnx triton tensorrt "
               "batch-inference cache rps qps",
    "retraining": "retrain retraining drift decay degrade degradation stale shadow canary rollback "
                  "champion challenger",
    "ml-platform": "registry feature-store experiment-tracking mlflow kubeflow sagemaker vertex "
                   "platform self-serve self-service paved-road golden-path "
                   "gpu cluster scheduler quota notebook-environment tenant",
    "genai": "llm chatbot chat assistant gpt claude prompt prompting rag retrieval agent agentic copilot "
             "generative genai hallucination guardrail embedding vector chunk chunking fine-tune "
             "fine-tuning foundation-model language-model openai anthropic gemini llama mistral "
             "conversational summarization summarize red-team jailbreak grounding grounded citation "
             "tool-calling function-calling eval evals nlp natural-language transformer token",
    "research": "paper publish publication novel state-of-the-art sota benchmark arxiv neurips icml iclr "
                "acl cvpr conference theory theoretical scientific ablation research researcher "
                "frontier open-problem literature peer-review proof",
    "reproduce": "reproduce replicate reimplement implement-paper distributed-training scaling-law "
                 "prototype open-source kernel cuda jax",
    "pipeline": "pipeline etl elt ingest ingestion stream streaming kafka airflow batch orchestration dag "
                "cdc change-data-capture extract load connector feed job scheduler backfill "
                "replication integration dagster prefect fivetran spark",
    "storage": "warehouse lake lakehouse database schema table partition partitioning snowflake bigquery "
               "redshift databricks delta iceberg sql-server postgres postgresql storage s3 parquet "
               "oracle mysql data-architecture er-diagram entity-relationship index",
    "transform": "dbt mart dimensional star-schema semantic-layer metric-definition transformation "
                 "staging data-model single-source self-service data-test lookml source-of-truth "
                 "conformed fact-table slowly-changing",
    "data-quality": "quality validation validate cleanse cleaning clean dedupe deduplicate accuracy "
                    "completeness integrity freshness reconcile reconciliation",
    "governance": "governance steward stewardship metadata catalog catalogue privacy gdpr retention "
                  "data-sharing lineage data-standard data-protection classification foia "
                  "open-data records-management glossary master-data",
    "web": "frontend front-end backend back-end web ui react api mobile ios android app page component "
           "javascript typescript feature-flag microservice full-stack browser css html website portal "
           "form checkout endpoint-rest graphql",
    "code-practice": "code-review pull-request unit-test test testing refactor technical-debt codebase "
                     "repository library sdk design-doc code coding software maintainable",
    "infra": "infrastructure cloud aws azure gcp kubernetes terraform docker container ci/cd cicd "
             "deploy deployment server network vm linux capacity provision provisioning "
             "infrastructure-as-code helm ansible",
    "reliability": "on-call oncall incident outage uptime slo sla sli alert alerting observability "
                   "monitor monitoring postmortem post-mortem pager runbook resilience "
                   "disaster-recovery backup availability",
    "security": "security secure vulnerability threat penetration pen-test ato fedramp fisma nist "
                "access-control iam encryption zero-trust soc iso-27001 authorization audit siem "
                "firewall patch cyber cybersecurity identity risk-assessment hardening malware "
                "authentication",
    "product": "roadmap product prioritize prioritization backlog requirement user-story vision "
               "discovery launch go-to-market feature-request customer-need user-need persona okr "
               "release-plan product-market",
    "people": "hire hiring recruit recruitment staff direct-report one-on-one 1:1 performance-review "
              "appraisal coach coaching mentor mentoring career headcount supervise supervision "
              "supervisor morale manager team-member people-manager line-manage teammate employee "
              "workforce talent",
    "org-strategy": "strategy strategic budget vendor contractor contract procurement executive "
                    "leadership senior-leader board organization department portfolio investment "
                    "director agency-wide enterprise-wide operating-model",
    "design": "ux user-experience usability wireframe prototype figma interaction-design user-research "
              "user-testing journey-map accessibility visual-design design-system interface mockup "
              "mock-up persona",
    "outreach": "marketing campaign communication newsletter community event webinar social-media brand "
                "advocacy evangelist developer-relations devrel content blog talk press discord moderator "
                "influencer creator patch-note dev-diary press-release",
    "commercial": "sale sales customer client account partner presale pre-sale demo solution-engineering "
                  "revenue deal prospect onboarding renewal",
    "advisory": "consult consulting consultant advisory advise advice policy legislation regulation "
                "regulatory guidance recommendation-memo",
    "learning": "curriculum workshop course learning-and-development l&d bootcamp upskill upskilling "
                "literacy teach instructor",
    "support": "ticket helpdesk help-desk troubleshoot troubleshooting support-request end-user "
               "service-desk",
    "geo": "gis map mapping geospatial spatial esri arcgis qgis cartography",
    "fundraising": "fundraise fundraising fundraiser donor donation philanthropy philanthropic gift-aid "
                   "legacy-giving major-gift grant-writing grant-application funder sponsorship supporter "
                   "trust-bid income-generation charitable appeal",
    "administration": "reception receptionist front-desk switchboard enquiries room-booking room-bookings "
                      "diary-management petty-cash stationery filing personnel-file personnel-files "
                      "personnel-records new-starter new-starters payroll-forms timesheets office-supplies "
                      "sickness-absence annual-leave minute-taking",
    "teamwork": "collaborate collaboration cross-functional colleague stakeholder communicate culture "
                "value diverse inclusive passion curious fast-paced environment opportunity mission "
                "join company benefit grow growth",
}

# Object nouns: what the work acts on ("build a dashboard", "own the pipeline"). The object of
# an item is the first of these (or of a concept word) after the lead verb.
OBJECT_NOUNS = frozenset(lemma(w) for w in """
model service endpoint dashboard report pipeline assistant chatbot agent team roadmap product
platform infrastructure cluster experiment test analysis policy budget staff database warehouse
api app application feature system data code strategy prompt paper benchmark method architecture
table schema query metric kpi incident alert vendor contract campaign user customer client
program project process standard guidance training course documentation workflow tool tooling
integration interface design prototype research survey forecast estimate study evaluation
infrastructure network server deployment release registry store lake job stream library sdk
""".split())


_DETERMINERS = frozenset("the our this these a an their its my".split())
_ORG_NOUNS = frozenset("""team teams company organisation organization office division department group
programme program role position job family function profession agency unit branch directorate bureau
mission customers engineers analysts scientists staff stack platform product business""".split())


# Lead verbs that say who the work is done with rather than what it is ("collaborate with X to
# define ..."): the purpose clause's verb is read too.
_RELATION_VERBS = frozenset(lemma(w) for w in """collaborate liaise engage coordinate consult meet join
team interface connect cooperate embed sit""".split())

# An evaluation question: a question word, then a verb of change within a few words.
_QUESTION_WORDS = frozenset({"whether"})
_CHANGE_VERBS = frozenset(lemma(w) for w in """change changed affect affected cause caused move moved
improve improved reduce reduced increase increased lower lowered raise raised drive drove shift
shifted lift lifted work worked help helped hurt matter mattered impact impacted""".split())


class Feature(NamedTuple):
    name: str
    words: str  # the input words it came from ("" for shape features)


# -- tokenising -------------------------------------------------------------------------------

_LINK = re_compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re_compile(r"[*_`#>|~]+")

# Words that put a transformer on the power grid, and an alert on a customer's transactions
# (each list is read on both sides of the word it decides, in the rewrites below).
_GRID_WORDS = (r"(?:substations?|feeders?|kva|mva|kv|voltages?|line\s+crews?|switchgear|"
               r"distribution\s+(?:engineers?|network|grid|system)|electricity|electrical|utility|meters?)")
_CASE_WORDS = (r"(?:investigators?|aml|anti-money|money\s+laundering|fraud|sanctions|transaction[- ]monitoring|kyc|"
               r"suspicious|sars?|compliance\s+analysts?)")

_SPECIAL = [
    (re_compile(r"\ba\s*/\s*b(?:\s+test(?:s|ing)?)?\b", re.I), " abtest "),
    (re_compile(r"\bci\s*/\s*cd\b", re.I), " cicd "),
    (re_compile(r"\b1\s*:\s*1s?\b"), " one-on-one "),
    (re_compile(r"\br\s*&\s*d\b", re.I), " research and development "),
    (re_compile(r"\bl\s*&\s*d\b", re.I), " learning-and-development "),
    (re_compile(r"\bq\s*&\s*a\b", re.I), " question answering "),
    # Being paged is on-call work, not a web page: "be the person who gets paged", "answer
    # pages overnight", "the paging rota" (the noun "page" stays a page).
    (re_compile(r"\bpag(ed|ing)\b", re.I), r" oncallpag\1 "),
    (re_compile(r"\b(answer(?:s|ing)?|respond(?:s|ing)?\s+to|handl(?:e|es|ing)|acknowledg(?:e|es|ing)|get(?:s|ting)?)"
                r"\s+((?:the\s+|any\s+|all\s+)?)pages\b", re.I), r"\1 \2oncallpages"),
    # A transformer on the power network is equipment, not a language model: "flags service
    # transformers that exceeded their rating", "the line crews who replace transformers at the
    # substation" (a kind of transformer named before it, or grid words in the same item).
    (re_compile(r"\b((?:service|distribution|pole[- ]mounted|pad[- ]mounted|substation|power|step[- ](?:up|down)|current|"
                r"voltage|instrument|isolation|oil[- ]filled|(?:single|three)[- ]phase|grid|network)\s+)transformers?\b", re.I),
     r"\1 powertransformer "),
    (re_compile(rf"\btransformers?\b(?=[^\n]*\b{_GRID_WORDS}\b)", re.I), " powertransformer "),
    (re_compile(rf"\b({_GRID_WORDS}\b[^\n]*?)\btransformers?\b", re.I), r"\1 powertransformer "),
    # An alert raised on a customer's transactions is a case to investigate, not an ops alert:
    # "about 96% of our transaction-monitoring alerts turn out to be nothing", "go through twelve
    # months of closed alerts with our investigators" (AML, fraud and sanctions words, or
    # investigators, in the same item).
    (re_compile(rf"\balerts?\b(?=[^\n]*\b{_CASE_WORDS}\b)", re.I), " casealerts "),
    (re_compile(rf"\b({_CASE_WORDS}\b[^\n]*?)\balerts?\b", re.I), r"\1 casealerts "),
    (re_compile(r"\btransaction[- ]monitoring\b", re.I), " amlscreening "),
    # An assistant named by a job title is a person: "a MEL Assistant can run the routine syncs",
    # "our Research Assistants" (not "our AI Assistant", "the Virtual Assistant", "a coding
    # assistant", which are software).
    (re_compile(r"\b((?:(?!(?:AI|GenAI|LLM|Virtual|Voice|Chat|Coding|Code|Shopping|Smart|Digital|Google|Claude|Copilot)\b)"
                r"[A-Z][\w&/-]*\s+){1,3})Assistant(s?)\b"),
     r"\1personassistant\2 "),
    (re_compile(r"[\u2018\u2019]"), "'"),
    (re_compile(r"[\u2013\u2014]"), " - "),
]
_TOKEN = re_compile(r"[A-Za-z][A-Za-z0-9]*(?:[+#]+|\.(?:js|net|py|io)\b)?|\.net\b|\d+(?:[.,]\d+)*%?|[$£€]")


# Placeholders the special-case rewrites leave in the text, shown as written in evidence.
_DISPLAY = {"abtest": "A/B test", "cicd": "CI/CD"}
# Placeholders for a word in one of its senses: (as written, the lemma of that sense).
_SENSES = {"oncallpaged": ("paged", "pager"), "oncallpaging": ("paging", "pager"), "oncallpages": ("pages", "pager"),
           "powertransformer": ("transformer", "power-transformer"),
           "personassistant": ("Assistant", "assistant-role"), "personassistants": ("Assistants", "assistant-role")}


class Token(NamedTuple):
    surface: str  # as written (case kept)
    low: str      # lower-cased
    lem: str      # lemma ("" for stop words)


def tokens(text: str) -> list[Token]:
    text = _LINK.sub(r"\1", text)
    text = _MARKUP.sub(" ", text)
    for rx, rep in _SPECIAL:
        text = rx.sub(rep, text)
    out = []
    for m in _TOKEN.finditer(text):
        s = m.group(0)
        low = s.lower()
        if low[0].isdigit():
            lem = "<pct>" if low.endswith("%") else "<num>"
        elif low in "$£€":
            lem = "<money>"
        elif low in STOP:
            lem = ""
        elif low in _DISPLAY:
            s, lem = _DISPLAY[low], low
        elif low in _SENSES:
            s, lem = _SENSES[low]
        else:
            lem = lemma(low)
        out.append(Token(s, low, lem))
    return out


def _lows(text: str) -> tuple[str, ...]:
    """``[t.low for t in tokens(text)]`` without the lemmas: the tool index keys thousands of
    names by their lower-cased tokens, and lemmatising them was most of its start-up cost."""
    text = _LINK.sub(r"\1", text)
    text = _MARKUP.sub(" ", text)
    for rx, rep in _SPECIAL:
        text = rx.sub(rep, text)
    return tuple(m.group(0).lower() for m in _TOKEN.finditer(text))


# -- the compiled lexicons --------------------------------------------------------------------

def _phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(t.lem for t in tokens(phrase.replace("-", " ")) if t.lem)


def _build_concept_index() -> dict[tuple[str, ...], str]:
    idx: dict[tuple[str, ...], str] = {}
    for concept, words in CONCEPTS.items():
        for w in words.split():
            key = _phrase_key(w)
            if key and all(key):
                idx.setdefault(key, concept)
    return idx


def _builtin_vocab() -> dict:
    """The built-in vocabulary data, as the linter already loaded it (read once per process,
    from the content-keyed cache when it can): the catalog and the taxonomy are not read again."""
    from .vocabdata import builtin_data

    return builtin_data()


def _tool_entries() -> list[dict]:
    data = _builtin_vocab().get("tools")
    entries = data.get("tools", []) if isinstance(data, dict) else []
    return [e for e in entries if isinstance(e, dict) and e.get("name")]


def _build_tool_index() -> tuple[dict[tuple[str, ...], str], dict[str, str]]:
    """(lower-cased name tokens -> category, exact-case single name -> category). Names the
    catalog marks `context` (R, Go, TS: words as often as tools) are left out."""
    loose: dict[tuple[str, ...], str] = {}
    exact: dict[str, str] = {}
    for e in _tool_entries():
        cat = _norm_cat(str(e.get("category") or "tool"))
        context = {str(a) for a in e.get("context", []) or []}
        exact_names = {str(a) for a in e.get("exact", []) or []}
        names = [str(e["name"])] + [str(a) for a in e.get("aliases", []) or []]
        for n in names:
            if n in context or n in exact_names:
                continue
            key = _lows(n.replace("-", " "))
            if key and not (len(key) == 1 and (len(key[0]) <= 2 or key[0] in STOP)):
                loose.setdefault(key, cat)
        for n in exact_names:
            if " " not in n and len(n) > 1:
                exact.setdefault(n, cat)
            elif " " in n:  # "Power BI", "Microsoft Teams": several words are a name in any case
                key = _lows(n.replace("-", " "))
                if key:
                    loose.setdefault(key, cat)
    return loose, exact


def _build_keyword_index() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Lemma sequence -> families, for the responsibility keywords of ``rules/vocab/roles.yaml``
    (the taxonomy's phrases). A keyword hit is one more feature ("kw:<family>"): the model
    learns how far to trust it, and inflected forms match ("deploying models")."""
    data = _builtin_vocab().get("roles") or {}
    idx: dict[tuple[str, ...], tuple[str, ...]] = {}
    for fam in data.get("families", []):
        for kw in fam.get("keywords", []) or []:
            key = _phrase_key(str(kw).replace("/", " "))
            if key and fam["id"] not in idx.get(key, ()):
                idx[key] = idx.get(key, ()) + (fam["id"],)
    return idx


def _build_role_index() -> dict[tuple[str, ...], str]:
    """Lemma sequence -> family, for the job titles of ``rules/vocab/roles.yaml``: an item that
    names a role ("A Data Engineer II is responsible for ...", "mentor data scientists") says
    whose work it describes, and plurals and possessives match ("analysts'", "scientists")."""
    data = _builtin_vocab().get("roles") or {}
    idx: dict[tuple[str, ...], str] = {}
    for fam in data.get("families", []):
        for title in fam.get("titles", []) or []:
            key = _phrase_key(str(title).replace("/", " "))
            if key and all(key) and not (len(key) == 1 and len(key[0]) <= 3):
                idx.setdefault(key, fam["id"])
    return idx


def _build_indexes() -> dict[str, Any]:
    """The four indexes as JSON data: each as a list of [key words, value] pairs, in order."""
    loose, exact = _build_tool_index()
    return {"concept": [[list(k), v] for k, v in _build_concept_index().items()],
            "tool": [[list(k), v] for k, v in loose.items()], "exact": exact,
            "kw": [[list(k), list(v)] for k, v in _build_keyword_index().items()],
            "role": [[list(k), v] for k, v in _build_role_index().items()]}


@lru_cache(maxsize=1)
def _indexes() -> dict[str, Any]:
    """The tool, concept, keyword and role indexes. Building them lemmatises every catalog name
    and taxonomy phrase (about 30 ms, a sixth of a one-posting run), so they are kept in the
    content-keyed cache (``jdlint.cache``) under the vocabulary files and this module's own
    source: an edited catalog or a changed lemmatiser builds them afresh."""
    from .cache import cached
    from .vocabdata import vocab_files

    data = cached("work-index", vocab_files() + [Path(__file__)], _build_indexes, salt=str(FEATURE_VERSION))
    try:
        return _decode_indexes(data)
    except (KeyError, TypeError, ValueError):  # not the shape built here: build it afresh
        return _decode_indexes(_build_indexes())


def _decode_indexes(data: dict[str, Any]) -> dict[str, Any]:
    return {"concept": {tuple(k): v for k, v in data["concept"]},
            "tool": ({tuple(k): v for k, v in data["tool"]}, dict(data["exact"])),
            "kw": {tuple(k): tuple(v) for k, v in data["kw"]},
            "role": {tuple(k): v for k, v in data["role"]}}


def _concept_index() -> dict[tuple[str, ...], str]:
    return _indexes()["concept"]


def _tool_index() -> tuple[dict[tuple[str, ...], str], dict[str, str]]:
    """(lower-cased name tokens -> category, exact-case single name -> category)."""
    return _indexes()["tool"]


def _keyword_index() -> dict[tuple[str, ...], tuple[str, ...]]:
    return _indexes()["kw"]


def _role_index() -> dict[tuple[str, ...], str]:
    return _indexes()["role"]


@lru_cache(maxsize=None)
def _starts(which: str, longest: int) -> dict[str, tuple[int, ...]]:
    """For an index (``tool``, ``kw``, ``role``, ``concept``): each key's first word -> the key
    lengths (at most ``longest``) that start with it, longest first. A position whose word
    starts no key is passed over without building the candidate tuples."""
    readers: dict[str, Callable[[], dict[tuple[str, ...], Any]]] = {
        "tool": lambda: _tool_index()[0], "kw": _keyword_index, "role": _role_index, "concept": _concept_index}
    index = readers[which]()
    out: dict[str, set[int]] = {}
    for key in index:
        if key and len(key) <= longest:
            out.setdefault(key[0], set()).add(len(key))
    return {w: tuple(sorted(ns, reverse=True)) for w, ns in out.items()}


def _norm_cat(cat: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", cat.lower()).split()) or "tool"


# -- features ---------------------------------------------------------------------------------

def features(text: str) -> list[Feature]:
    """The model's features for one work item, each with the input words it came from."""
    toks = tokens(text)
    feats: list[Feature] = []
    add = feats.append
    content = [(i, t) for i, t in enumerate(toks) if t.lem]
    lems = [t.lem for _, t in content]
    surf = [t.surface for _, t in content]

    # Tools first: their words are then not read as ordinary words.
    loose, exact = _tool_index()
    tool_starts = _starts("tool", 4)
    tool_at: dict[int, str] = {}
    lows = [t.low for t in toks]
    i = 0
    while i < len(toks):
        hit = None
        for n in tool_starts.get(lows[i], ()):
            key = tuple(lows[i:i + n])
            if len(key) == n and key in loose:
                hit = (n, loose[key])
                break
        if hit is None and toks[i].surface in exact:
            hit = (1, exact[toks[i].surface])
        if hit:
            n, cat = hit
            words = " ".join(t.surface for t in toks[i:i + n])
            add(Feature("tool:" + cat, words))
            for cw in cat.split():
                c = _concept_index().get((lemma(cw),))
                if c:
                    add(Feature("c:" + c, words))
            for k in range(i, i + n):
                tool_at[k] = cat
            i += n
        else:
            i += 1

    # Words, bigrams and concepts over content lemmas.
    cidx = _concept_index()
    concept_at: dict[int, str] = {}
    for j, lm in enumerate(lems):
        add(Feature("w:" + lm, surf[j]))
        if j + 1 < len(lems):
            add(Feature("b:" + lm + "_" + lems[j + 1], surf[j] + " " + surf[j + 1]))
    concept_starts = _starts("concept", 2)
    j = 0
    while j < len(lems):
        if lems[j] not in concept_starts:
            j += 1
            continue
        c2 = cidx.get(tuple(lems[j:j + 2])) if j + 1 < len(lems) else None
        if c2:
            add(Feature("c:" + c2, surf[j] + " " + surf[j + 1]))
            concept_at[j] = concept_at[j + 1] = c2
            j += 2
            continue
        c1 = cidx.get((lems[j],))
        if c1:
            add(Feature("c:" + c1, surf[j]))
            concept_at[j] = c1
        j += 1
    for pos, (ti, _t) in enumerate(content):
        if ti in tool_at and pos not in concept_at:
            concept_at[pos] = "tool"

    # Taxonomy keywords (longest match first at each position).
    kidx = _keyword_index()
    kw_starts = _starts("kw", 5)
    j = 0
    while j < len(lems):
        for n in kw_starts.get(lems[j], ()):
            key = tuple(lems[j:j + n])
            if len(key) == n and key in kidx:
                for fam_id in kidx[key]:
                    add(Feature("kw:" + fam_id, " ".join(surf[j:j + n])))
                j += n - 1
                break
        j += 1

    # The infrastructure AI work runs on ("the core infrastructure that underpins our AI stack",
    # "environments for AI workloads"): AI and infrastructure named together are platform work,
    # whoever's title it sits under; either word alone is not, nor is a "full-stack" AI feature.
    ai_at = next((j for j, lm in enumerate(lems) if lm in _AI_WORDS), None)
    if ai_at is not None:
        infra_at = next((j for j, lm in enumerate(lems)
                         if lm in _INFRA_WORDS and not (lm == "stack" and j and lems[j - 1] == "full")), None)
        if infra_at is not None:
            add(Feature("x:ai-infra", surf[ai_at] + " " + surf[infra_at]))

    # An impact question ("find out whether the scheme changed how often people shop") is an
    # evaluation, whatever the object: data science's question, not a report's.
    for j, lm in enumerate(lems):
        if lm in _QUESTION_WORDS:
            verb_at = next((k for k in range(j + 1, min(len(lems), j + 9)) if lems[k] in _CHANGE_VERBS), None)
            if verb_at is not None:
                add(Feature("c:impact-question", surf[j] + " " + surf[verb_at]))
                break

    # Roles the item names: the longest title at each position ("data platform engineer"
    # before "platform engineer").
    ridx = _role_index()
    role_starts = _starts("role", 4)
    role_span: dict[int, int] = {}  # each position inside a named role -> the position after it
    j = 0
    while j < len(lems):
        for n in role_starts.get(lems[j], ()):
            key = tuple(lems[j:j + n])
            if len(key) == n and key in ridx:
                add(Feature("role:" + ridx[key], " ".join(surf[j:j + n])))
                for k in range(j, j + n):
                    role_span[k] = j + n
                # As the object of the work, a role is people: "lead data scientists".
                for k in range(j, j + n):
                    concept_at.setdefault(k, "people")
                j += n - 1
                break
        j += 1

    # Lead verb and object. A role named as the subject ("A Data Modeler works with ...", "The
    # analyst will ...") is who does the work, not the work: the verb comes after it.
    v = next((j for j, lm in enumerate(lems) if lm not in LEAD_SKIP and not lm.startswith("<")), None)
    if v is not None and v <= 2 and v in role_span:
        after = role_span[v]
        v = next((j for j in range(after, len(lems)) if lems[j] not in LEAD_SKIP and not lems[j].startswith("<")), v)
    def verb_object(v: int) -> None:
        verb = lems[v]
        obj = None
        for k in range(v + 1, min(len(lems), v + 7)):
            if lems[k] in OBJECT_NOUNS or k in concept_at:
                obj = k
                break
        if obj is not None:
            add(Feature("vo:" + verb + ">" + lems[obj], surf[v] + " " + surf[obj]))
            oc = concept_at.get(obj)
            if oc:
                add(Feature("vc:" + verb + ">" + oc, surf[v] + " " + surf[obj]))
                add(Feature("oc:" + oc, surf[obj]))
            else:
                add(Feature("o:" + lems[obj], surf[obj]))

    if v is not None:
        add(Feature("lead:" + lems[v], surf[v]))
        verb_object(v)
        # "Collaborate with the legal team to define data ownership": when the lead verb only
        # says who the work is done with, the verb of its purpose clause names the work, and
        # reads as it would leading the item.
        if lems[v] in _RELATION_VERBS:
            pos_of = {ti: j for j, (ti, _t) in enumerate(content)}
            start = content[v][0]
            for ti in range(start + 1, min(len(toks) - 1, start + 12)):
                if toks[ti].low == "to" and toks[ti + 1].lem and toks[ti + 1].lem not in LEAD_SKIP:
                    pv = pos_of.get(ti + 1)
                    if pv is not None:
                        add(Feature("purpose:" + lems[pv], surf[pv]))
                        verb_object(pv)
                    break

    # Shape: how the item opens, and how long it is.
    first = next((t.low for t in toks if t.low.isalpha()), "")
    if first in ("we", "our", "the", "this", "you", "as", "in", "at", "join", "a", "an", "with"):
        add(Feature("first:" + first, ""))
    if any(t.low in ("we", "our", "us") for t in toks):
        add(Feature("shape:we", ""))
    # Who the sentence is about: an organisation or team as subject ("Our data team builds ...",
    # "The Data job family covers ...") marks context, not the hire's work.
    lead = [t.low for t in toks[:5]]
    if lead and lead[0] in _DETERMINERS and any(w in _ORG_NOUNS for w in lead[1:5]):
        add(Feature("subject:org", ""))
    elif lead and lead[0] in ("we", "weve", "were"):
        add(Feature("subject:we", ""))
    if any(t.low in ("every", "any", "all", "each") for t in toks):
        add(Feature("shape:every", ""))
    n = len(lems)
    add(Feature("len:" + ("0-3" if n <= 3 else "4-8" if n <= 8 else "9-20" if n <= 20 else "21+"), ""))
    add(Feature("bias", ""))
    return feats


# -- the model --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Classification:
    """One item's verdict. ``family`` is None when the item is generic or too close to call;
    ``top`` is the highest-scoring family even then. ``score`` is the winner's probability,
    ``margin`` its lead over ``runner_up``; ``evidence`` the input words that decided it;
    ``by_context`` whether the posting's other work tipped a close call (``classify_many``)."""

    family: str | None
    score: float
    evidence: tuple[str, ...]
    runner_up: str | None
    margin: float = 0.0
    top: str | None = None
    by_context: bool = False  # the title and the posting's other work decided between close families
    own: str | None = None  # the highest-scoring family of the item's own words, before any pull


class WorkModel:
    def __init__(self, data: dict):
        self.families: list[str] = list(data["families"])
        # The file keys each feature's weights by family index (str), to stay small; a row is
        # decoded the first time a posting uses its feature (most never are in one run).
        self._raw: dict[str, dict[str, float]] = data["weights"]
        self._rows: dict[str, dict[str, float] | None] = {}
        self.min_prob: float = float(data.get("min_prob", 0.0))
        self.min_margin: float = float(data.get("min_margin", 0.0))
        self.scale: str = data.get("scale", "sqrt")
        self.scope_rule: bool = bool(data.get("scope_rule", True))
        self.context_weight: float = float(data.get("context_weight", 0.0))
        self.section_weight: float = float(data.get("section_weight", 0.0))
        self.title_weight: float = float(data.get("title_weight", 0.0))
        # An item whose own words are this sure of another family gains only ``title_clear_share``
        # of the title's pull (``_read_together``).
        self.title_clear_prob: float = float(data.get("title_clear_prob", 1.0))
        self.title_clear_share: float = float(data.get("title_clear_share", 1.0))
        # Under a title with a family, the generic reading loses ``title_generic`` logits.
        self.title_generic: float = float(data.get("title_generic", 0.0))
        self.meta = {k: v for k, v in data.items() if k != "weights"}

    def row(self, name: str) -> dict[str, float] | None:
        """One feature's weights by family name, or None when the model has none."""
        try:
            return self._rows[name]
        except KeyError:
            raw = self._raw.get(name)
            row = {self.families[int(k)]: float(x) for k, x in raw.items()} if raw else None
            self._rows[name] = row
            return row

    def feature_names(self) -> list[str]:
        return list(self._raw)

    def scores(self, feats: Iterable[Feature]) -> dict[str, float]:
        feats = list(feats)
        scale = 1.0 / math.sqrt(max(1, len({f.name for f in feats}))) if self.scale == "sqrt" else 1.0
        s = dict.fromkeys(self.families, 0.0)
        seen = set()
        for f in feats:
            if f.name in seen:
                continue
            seen.add(f.name)
            w = self.row(f.name)
            if w:
                for fam, x in w.items():
                    s[fam] += x * (1.0 if f.name == "bias" else scale)
        return s

    def classify(self, text: str, n_evidence: int = 4) -> Classification:
        feats = features(text)
        return self._decide(feats, self.scores(feats), None, n_evidence)

    def classify_many(self, texts: list[str], n_evidence: int = 4,
                      title_family: str | None = None, groups: list[Any] | None = None) -> list[Classification]:
        """Each item of one posting, read in the context of the title and of the others.

        The title's family (``title_family``) first gains ``title_weight`` logits on every item:
        a reader takes "analyse the data to help users decide" in a Data Scientist posting as
        data science, while an item whose words clearly name other work (statistical modelling
        under a Data Engineer title) is still read as that work.

        An item whose own words leave two families close ("organise and analyse data to help
        users decide": analysis or data science?) is read the way the rest of the posting's work
        reads: each family's score gains ``context_weight`` times that family's share of the
        OTHER items' work (their probabilities, generic left out). An item with clear words
        keeps its family however the rest of the posting reads, so a DevOps posting's two
        Android items stay Android work.

        ``groups`` (one key per item: its section) adds the nearer context: a family's score also
        gains ``section_weight`` times its share of the work of the other items in the same
        section. A job-family page's "Data Governance" level or a "Specialties: Infrastructure"
        list reads as its own section reads, not only as the whole page does."""
        feats = [features(t) for t in texts]
        return self._read_together(feats, [self.scores(f) for f in feats], n_evidence, title_family, groups)

    def classify_posting(self, texts: list[str], title_family: str | None, n_evidence: int = 4,
                         groups: list[Any] | None = None) -> tuple[list[Classification], list[Classification]]:
        """``classify_many`` with the title and without it, from one feature pass: the second
        list is what the work says on its own, which is what a rule comparing the work with the
        title must read (the title cannot be evidence for itself)."""
        feats = [features(t) for t in texts]
        scores = [self.scores(f) for f in feats]
        titled = self._read_together(feats, [dict(s) for s in scores], n_evidence, title_family, groups)
        untitled = self._read_together(feats, scores, n_evidence, None, groups) if title_family else titled
        return titled, untitled

    def _read_together(self, feats: list[list[Feature]], scores: list[dict[str, float]], n_evidence: int,
                       title_family: str | None, groups: list[Any] | None = None) -> list[Classification]:
        own_tops = [max(sc, key=lambda f: (sc[f], f)) if sc else None for sc in scores]
        # Whether an item is work at all is its own words' call, tipped at most by the title:
        # the other items only choose between families for items that are work.
        is_work = [own != GENERIC for own in own_tops]
        pulls_title = title_family in self.families and title_family != GENERIC and self.title_weight > 0
        by_section = groups is not None and len(groups) == len(scores) and self.section_weight > 0
        reads_context = (self.context_weight > 0 and len(scores) >= 3) or by_section
        # Whether each item's own words are sure of a family, read before any pull: only when
        # the title or the rest of the posting will pull.
        clear = [self._clear(own, sc) for own, sc in zip(own_tops, scores)] if pulls_title or reads_context else []
        if pulls_title:
            assert title_family is not None
            for sc, own, sure in zip(scores, own_tops, clear):
                # The title settles close calls; it does not overturn a clear reading. Words
                # that are sure of another family ("Develop data governance policies" under a
                # Data Executive title, "supervise and develop the people on your team" under
                # a Software Engineer one) feel half the pull.
                weight = self.title_weight
                if own != title_family and sure:
                    weight *= self.title_clear_share
                sc[title_family] += weight
                # ... and claims the sentences whose words only lean towards "any job's".
                if GENERIC in sc:
                    sc[GENERIC] -= self.title_generic
        if not reads_context:
            return [self._decide(f, s, None, n_evidence, own) for f, s, own in zip(feats, scores, own_tops)]
        work = [self._work_share(s) if w else {} for s, w in zip(scores, is_work)]
        total = self._sum(work)
        section_total: dict[Any, dict[str, float]] = {}
        if by_section:
            assert groups is not None
            for g in set(groups):
                section_total[g] = self._sum(w for w, g2 in zip(work, groups) if g2 == g)
        posting_weight = self.context_weight if len(scores) >= 3 else 0.0
        out = []
        for i, (f, s, w, own) in enumerate(zip(feats, scores, work, own_tops)):
            if own == GENERIC:
                out.append(self._decide(f, s, None, n_evidence, own))
                continue
            context = dict.fromkeys(self.families, 0.0)
            # A reading the item's own words are sure of feels the same share of the rest of the
            # posting's pull as of the title's: context settles close calls, it does not
            # overturn clear ones ("Penetration-test the warehouse" among four pipeline duties).
            damp = self.title_clear_share if clear[i] else 1.0
            for weight, tot in ((posting_weight * damp, total),
                                (self.section_weight * damp, section_total.get(groups[i]) if by_section and groups else None)):
                if not weight or tot is None:
                    continue
                others = {fam: tot[fam] - w.get(fam, 0.0) for fam in tot}
                z = sum(others.values())
                if z > 1e-9:
                    for fam, x in others.items():
                        context[fam] += weight * x / z
            out.append(self._decide(f, s, context if any(context.values()) else None, n_evidence, own))
        return out

    def _clear(self, own: str | None, s: dict[str, float]) -> bool:
        """Whether an item's own words are sure of a family (``title_clear_prob``)."""
        return (self.title_clear_share < 1.0 and own not in (None, GENERIC)
                and _softmax(s)[own] >= self.title_clear_prob)

    def _sum(self, shares: Iterable[dict[str, float]]) -> dict[str, float]:
        total = dict.fromkeys(self.families, 0.0)
        for w in shares:
            for fam, x in w.items():
                total[fam] += x
        return total

    def _work_share(self, s: dict[str, float]) -> dict[str, float]:
        """One item's probability over the families, generic left out (its work, not its words)."""
        prob = _softmax(s)
        return {fam: p for fam, p in prob.items() if fam != GENERIC}

    def _decide(self, feats: list[Feature], s: dict[str, float], context: dict[str, float] | None,
                n_evidence: int, own_top: str | None = None) -> Classification:
        if own_top is None:
            own_top = max(s, key=lambda f: (s[f], f)) if s else None
        if context:  # already weighted (``_read_together``)
            s = {fam: v + context.get(fam, 0.0) for fam, v in s.items()}
        ranked = sorted(s.items(), key=lambda kv: (-kv[1], kv[0]))
        prob = _softmax(s)
        order = [f for f, _ in ranked]
        if self.scope_rule:
            swapped = _apply_scope_rule(order, prob, feats)
            if swapped != order:
                # The rule settles ML engineering vs MLOps: the pair's probability mass is the winner's.
                order = swapped
                prob = dict(prob)
                prob["ml-engineer"] += prob["mlops"]
                prob["mlops"] = 0.0
                order = [order[0]] + sorted(order[1:], key=lambda f: (-prob[f], f))
        top, second = order[0], order[1]
        runner = next((f for f in order[1:] if f != GENERIC), None) if top != GENERIC else second
        margin = prob[top] - prob[second]
        evidence = self._evidence(feats, top, runner, n_evidence)
        abstain = top == GENERIC or prob[top] < self.min_prob or margin < self.min_margin
        by_context = top != own_top and top != GENERIC
        return Classification(None if abstain else top, round(prob[top], 4), evidence,
                              runner, round(margin, 4), top, by_context, own_top)

    def _evidence(self, feats: list[Feature], win: str, other: str | None, n: int = 4) -> tuple[str, ...]:
        contrib: dict[str, float] = {}
        for f in feats:
            if not f.words:
                continue
            w = self.row(f.name)
            if not w:
                continue
            d = w.get(win, 0.0) - (w.get(other, 0.0) if other else 0.0)
            if d > 0:
                key = f.words
                contrib[key] = contrib.get(key, 0.0) + d
        best = sorted(contrib.items(), key=lambda kv: (-kv[1], kv[0]))
        out: list[str] = []
        for words, _ in best:
            low = words.lower()
            if any(low in o.lower() or o.lower() in low for o in out):
                continue
            out.append(words)
            if len(out) == n:
                break
        return tuple(out)


# -- the hand-written layer: platform scope ----------------------------------------------------
# The labelling convention separates ML engineering from MLOps by SCOPE, not by topic: one
# model's (or one team's models') serving, retraining and monitoring is ML engineering; the
# platform, tooling and infrastructure that every team's models ship on is MLOps ("for every
# team", "any registered model", shared clusters, registries, gateways). Written items about
# serving and drift often read as MLOps to the model, so MLOps must show a scope cue: without
# one, an MLOps verdict whose close runner-up is ML engineering goes to ML engineering.
_SCOPE_WORDS = frozenset("""every any all shared self serve service company wide organisation organization
org cross multi tenant tenants platform platforms gateway gateways cluster clusters
quota quotas paved golden teams squads tooling framework frameworks internal standard standardise gpu gpus tracking
standardize kubeflow mlflow""".split())
_AI_WORDS = frozenset({"ai", "ml", "llm", "gpu", "genai"})
_INFRA_WORDS = frozenset({"infrastructur", "stack", "workload", "cluster", "comput"})
_SCOPE_CATEGORIES = ("orchestration", "experiment", "feature", "platform", "registry", "container", "infrastructure")


def _has_scope_cue(feats: list[Feature]) -> bool:
    for f in feats:
        if f.name.startswith("tool:") and any(c in f.name for c in _SCOPE_CATEGORIES):
            return True
        if f.name.startswith("w:") and any(w in _SCOPE_WORDS for w in re.findall(r"[a-z]+", f.words.lower())):
            return True
        if f.name == "shape:every":
            return True
    return False


def _apply_scope_rule(order: list[str], prob: dict[str, float], feats: list[Feature]) -> list[str]:
    if order[0] != "mlops" or "ml-engineer" not in order[:3] or prob["ml-engineer"] < 0.05:
        return order
    if _has_scope_cue(feats):
        return order
    return ["ml-engineer"] + [f for f in order if f != "ml-engineer"]


@lru_cache(maxsize=1)
def lead_verbs() -> frozenset[str]:
    """Lemmas the shipped model knows as the verb that opens a duty (its ``lead:`` features with
    a weight for some family other than generic): "plan", "decide", "take", "own" ..."""
    m = load_model()
    # A role noun is not a verb ("Engineer ..." opens a title, not a duty), but the verb a role
    # noun comes from is: "develop" and "design" open duties though "developer" and "designer"
    # lemmatise to them.
    nouns = OBJECT_NOUNS | frozenset(_role_noun_lemmas())
    return frozenset(f[5:] for f in m.feature_names()
                     if f.startswith("lead:") and f[5:] not in nouns and f[5:].isalpha()
                     and any(fam != GENERIC and x > 0 for fam, x in (m.row(f) or {}).items()))


def _role_index_words() -> set[str]:
    return {w for key in _role_index() for w in key}


def _role_noun_lemmas() -> set[str]:
    """The lemmas of the role titles' words, except a verb whose noun in "-ment" a title uses
    ("Software Development Engineer" lemmatises "development" to "develop", which is still the
    verb that opens "Develop failure-prediction models ...")."""
    data = _builtin_vocab().get("roles") or {}
    written = {w for fam in data.get("families", []) for t in fam.get("titles", []) or []
               for w in re.findall(r"[a-z]+", str(t).lower())}
    from_ment = {lemma(w) for w in written if w.endswith("ment")}
    plain = {lemma(w) for w in written if not w.endswith("ment")}
    return _role_index_words() - (from_ment - plain)


def _softmax(s: dict[str, float]) -> dict[str, float]:
    mx = max(s.values())
    z = sum(math.exp(v - mx) for v in s.values())
    return {f: math.exp(v - mx) / z for f, v in s.items()}


def model_path() -> Path:
    from .resources import rules_dir

    return rules_dir() / "vocab" / "work_model.json"


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> WorkModel:
    p = Path(path) if path else model_path()
    return WorkModel(json.loads(p.read_text(encoding="utf-8")))


def classify(text: str, model: WorkModel | None = None) -> Classification:
    """The role family that would normally own the work ``text`` describes."""
    return (model or load_model()).classify(text)


def feature_digest() -> str:
    """A digest of the vocabulary files the features read (the tool catalog's names and
    categories, the role titles and keywords): the model file records it, so a test can tell
    when the catalog changed under weights trained on other features."""
    import hashlib

    data = _builtin_vocab()
    # Of roles.yaml, only the families' titles and keywords are features: its conflicts,
    # specialisms and shared work are the rules' to read, and may change under the same weights.
    roles = [{k: fam.get(k) for k in ("id", "titles", "keywords")}
             for fam in (data.get("roles") or {}).get("families", [])]
    # Of the catalog, only the spellings and the category are features (``_build_tool_index``):
    # release dates and versions are the experience rule's, and may change under the same weights.
    tools = [{k: t.get(k) for k in ("name", "aliases", "exact", "context", "category")} for t in _tool_entries()]
    text = json.dumps([tools, roles], sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()  # of the content: comments may change


def data_digest(files: Iterable[Path]) -> str:
    """A digest of training-data files (names and contents, in name order): the model file
    records it so a test can tell whether the weights were trained on the data in the repo."""
    import hashlib

    h = hashlib.sha256()
    for f in sorted(Path(x) for x in files):
        h.update(f.name.encode() + b"\0" + hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


class Verdict(NamedTuple):
    """One work item's family as ``Vocab.classify_items`` gives it."""

    family: str | None  # None when generic or too close to call
    evidence: list[str]  # the words that decided it
    by_context: bool = False  # the title and the posting's other work tipped a close call
    score: float = 0.0  # the family's probability (1.0 for a config family's keyword)
    work_family: str | None = None  # the family read without the title (the work on its own)
    work_score: float = 0.0
    work_evidence: tuple[str, ...] = ()
    work_own: str | None = None  # the family the work's own words lean to, before the rest of the posting pulls


def classify_for_vocab(vocab, text: str) -> tuple[str | None, list[str]]:
    """``Vocab.classify``'s contract: (family id, deciding words), or (None, [])."""
    v = classify_items_for_vocab(vocab, [text])[0]
    return v.family, v.evidence


def classify_items_for_vocab(vocab, texts: list[str], title_family: str | None = None,
                             groups: list[Any] | None = None) -> list[Verdict]:
    """``Vocab.classify_items``: a ``Verdict`` for each work item of one posting, read together
    (``WorkModel.classify_many``).

    A config may add role families (``vocab: role_families``) that the model has never seen;
    their keywords still count: an item whose words contain one of them, as whole words, goes to
    that family (the longest keyword wins)."""
    model = load_model()
    known = set(model.families)
    extra = [f for f in getattr(vocab, "families", []) if f.get("id") not in known and f.get("keywords")]
    verdicts, untitled = model.classify_posting(list(texts), title_family, groups=groups)
    out: list[Verdict] = []
    for text, c, u in zip(texts, verdicts, untitled):
        best = _extra_family(extra, text) if extra else None
        if best:
            out.append(Verdict(best[0], [best[1]], False, 1.0, best[0], 1.0, (best[1],)))
            continue
        work = (u.family, u.score, tuple(u.evidence)) if u.family else (None, u.score, ())
        if c.family:
            out.append(Verdict(c.family, list(c.evidence), c.by_context, c.score, *work)._replace(work_own=u.own))
        else:
            out.append(Verdict(None, [], False, c.score, *work)._replace(work_own=u.own))
    return out


def _extra_family(extra: list[dict], text: str) -> tuple[str, str] | None:
    norm = " " + " ".join(t.low for t in tokens(text)) + " "
    best = None
    for f in extra:
        for kw in f["keywords"]:
            k = " ".join(t.low for t in tokens(str(kw)))
            if k and f" {k} " in norm and (best is None or len(k) > len(best[1])):
                best = (f["id"], k)
    return best
