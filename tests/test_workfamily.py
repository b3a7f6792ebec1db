"""The work-family classifier (jdlint.workfamily): paraphrases, near misses, context sentences,
and the shipped weights matching the training data in the repo."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from jdlint import workfamily as wf
from jdlint.resources import rules_dir
from jdlint.vocab import load_vocab

ROOT = Path(__file__).resolve().parent.parent
HOLDOUT = Path(__file__).parent / "data" / "work-items-holdout.yaml"


def fam(text: str) -> str | None:
    return wf.classify(text).family


# -- the lemmatiser ---------------------------------------------------------------------------

@pytest.mark.parametrize("words", [
    ("optimise", "optimising", "optimization", "optimised"),
    ("analyse", "analyze", "analysed", "analysis"),
    ("model", "models", "modelling", "modeling"),
    ("build", "built", "building", "builds"),
    ("query", "queries", "queried"),
    ("behaviour", "behavior"),
    ("catalogue", "catalog", "catalogs"),
    ("make", "making", "made"),
    ("prioritise", "prioritize", "prioritisation"),
])
def test_lemma_folds_inflection_and_spelling(words):
    assert len({wf.lemma(w) for w in words}) == 1, {w: wf.lemma(w) for w in words}


def test_features_split_hyphens_and_find_tools_concepts_and_verb_object():
    names = {f.name for f in wf.features("Make the price-suggestion endpoint answer within 30 ms")}
    assert {"w:endpoint", "c:serving", "vo:" + wf.lemma("make") + ">endpoint"} <= names
    names = {f.name for f in wf.features("Build Power BI dashboards for the finance team")}
    assert any(n.startswith("tool:") for n in names)
    assert "c:reporting" in names


def test_the_verb_is_found_past_frames_roles_and_partners():
    def lead(text):
        return {f.name for f in wf.features(text) if f.name.startswith(("lead:", "purpose:"))}
    # Expectation frames and a role as subject are not the work's verb.
    assert lead("At this grade you are expected to supervise two analysts") == {"lead:" + wf.lemma("supervise")}
    assert lead("Responsible for tuning the warehouse queries") == {"lead:" + wf.lemma("tuning")}
    assert lead("The Data Modeller designs the logical models") == {"lead:" + wf.lemma("designs")}
    # "Collaborate with X to <verb>": the purpose clause names the work.
    names = {f.name for f in wf.features("Collaborate with the finance team to reconcile the ledger reports")}
    assert "purpose:" + wf.lemma("reconcile") in names and "vo:" + wf.lemma("reconcile") + ">report" in names


def test_a_transformer_on_the_power_network_is_equipment_not_a_language_model():
    # A utility's analyst "flags pole-mounted transformers that ran over their rating": the word
    # once made the item AI/LLM work and the posting two jobs.
    def genai(text):
        return {f.name for f in wf.features(text)} & {"c:genai", "tool:llm tool", "tool:ml tool"}
    assert not genai("Flag the pole-mounted transformers that ran over their rating during the heatwave")
    assert not genai("Work with the line crews who swap out transformers at the substations")
    assert not genai("Match every transformer to the smart meters downstream of it")
    assert genai("Fine-tune transformer models to sort incoming support tickets")
    assert fam("Flag the pole-mounted transformers that ran over their rating during the heatwave") != "ai-engineer"


def test_an_assistant_named_by_a_job_title_is_a_person():
    # "documented well enough that a MEL Assistant can run the routine syncs" once read as
    # building an AI assistant, and an M&E officer's posting as two jobs.
    def genai(text):
        return "c:genai" in {f.name for f in wf.features(text)}
    assert not genai("Document the pipeline so that a MEL Assistant can run the routine syncs")
    assert not genai("Supervise the two Research Assistants on the survey team")
    assert genai("Build our AI Assistant for customer questions")
    assert genai("Roll out the Virtual Assistant to every branch")


def test_a_plain_team_is_not_platform_work():
    # Stop words are invisible to the concept matcher: "every team" once collapsed to "team",
    # so motivating one's team read as ML-platform work.
    feats = {f.name for f in wf.features("Motivate the team and recognise its successes")}
    assert not any(n.endswith("ml-platform") for n in feats), feats
    assert "c:ml-platform" in {f.name for f in wf.features("Run the shared GPU cluster for every team")}


def test_the_infrastructure_ai_runs_on_is_platform_work():
    # "An AI Engineer who runs GPU clusters and job schedulers": AI and infrastructure named
    # together are MLOps work on their own words (the role-fit rules read them without the
    # title); AI features built for users stay AI engineering, and either word alone proves
    # nothing.
    names = lambda t: {f.name for f in wf.features(t)}  # noqa: E731
    assert "x:ai-infra" in names("Stand up the infrastructure our LLM workloads run on")
    assert "x:ai-infra" not in names("Build full-stack AI features in React")
    assert "x:ai-infra" not in names("Keep the cloud infrastructure patched")
    assert fam("Own the compute layer behind our AI features: node pools, autoscaling and the inference gateway.") == "mlops"
    # Alone, "across two cloud regions" leaves this one close between DevOps and MLOps (the
    # stop-31 retrain moved it from 0.50 MLOps to a near tie); read with the posting's other
    # platform duties, as the linter reads a posting, it is the AI platform's work.
    stand_up = "Stand up the infrastructure our LLM workloads run on across two cloud regions."
    assert fam(stand_up) in ("mlops", "sre-devops")
    read = wf.load_model().classify_many([stand_up, "Run the GPU clusters and the job scheduler our model training uses.",
                                          "Keep the inference gateway fast and cheap."])
    assert [c.family for c in read[:2]] == ["mlops", "mlops"]
    assert fam("Work across the stack to ship our AI writing assistant.") == "ai-engineer"
    assert fam("Build the customer-facing AI assistant that answers questions about invoices.") == "ai-engineer"


def test_being_paged_is_on_call_work_and_a_web_page_is_not():
    # "paged", "paging" and "answer pages" are the on-call sense of the word; its lemma once
    # made "be the person who gets paged" read as web (design) work.
    for text in ("Be the person who gets paged when the booking service falls over at night.",
                 "Respond to pages from the payment service within fifteen minutes."):
        feats = wf.features(text)
        assert "c:reliability" in {f.name for f in feats}, text
        assert any(f.words in ("paged", "pages") for f in feats if f.name == "w:pager"), "evidence keeps the word as written"
        assert wf.load_model().classify(text).family == "sre-devops", text
    page = {f.name for f in wf.features("Speed up the pricing page so it loads in under a second.")}
    assert "c:web" in page and "c:reliability" not in page


# -- paraphrases: the right family, with evidence drawn from the item -------------------------

@pytest.mark.parametrize("text,family", [
    ("Make the price-suggestion endpoint answer within 30 ms.", "ml-engineer"),
    ("Let the chatbot quote our policy pages with links.", "ai-engineer"),
    ("You will keep the board's monthly KPI pack up to date in Power BI.", "data-analyst"),
    ("Work out whether the loyalty scheme actually changed how often people shop.", "data-scientist"),
    ("Land every branch's till records in the lake within five minutes of closing.", "data-engineer"),
    ("Hire, coach and run appraisals for a team of six analysts.", "leadership"),
    ("Carry the pager one week in four and write up every outage.", "sre-devops"),
    ("Harden the clusters and review every new IAM policy.", "security"),
    ("Talk to customers every week and turn what you hear into the roadmap.", "product-manager"),
])
def test_paraphrased_items_classify_with_evidence(text, family):
    c = wf.classify(text)
    assert c.family == family, c
    assert c.evidence, c
    words = set(re.findall(r"\w+", text.lower()))
    assert all(w in words for e in c.evidence for w in re.findall(r"\w+", e.lower())), c.evidence


# -- near misses separate ----------------------------------------------------------------------

@pytest.mark.parametrize("a,fa,b,fb", [
    ("Keep the weekly KPI dashboard current for the regional managers.", "data-analyst",
     "Design the A/B test that decides whether the new pricing page goes live.", "data-scientist"),
    ("Retrain the churn model every week and roll it back if accuracy drops.", "ml-engineer",
     "Build the shared platform that every team uses to train, register and deploy models.", "mlops"),
    ("Build a chatbot that answers questions from our help-centre articles using retrieval.", "ai-engineer",
     "Build the account settings page where customers update their address.", "software-engineer"),
])
def test_near_miss_pairs_separate(a, fa, b, fb):
    assert (fam(a), fam(b)) == (fa, fb), (wf.classify(a), wf.classify(b))


# -- context sentences and generic work abstain ------------------------------------------------

@pytest.mark.parametrize("text", [
    "Collaborate with colleagues across the organisation.",
    "We are a friendly, fast-growing team based in Bristol.",
    "Perform other duties as assigned.",
    "",
    "!!!",
])
def test_generic_sentences_abstain(text):
    assert fam(text) is None


def test_vocab_classify_delegates_and_keeps_its_signature():
    vocab = load_vocab()
    family, words = vocab.classify("Make the price-suggestion endpoint answer within 30 ms.")
    assert family == "ml-engineer" and isinstance(words, list) and words
    assert vocab.classify("Collaborate with colleagues across the organisation.") == (None, [])


def test_holdout_is_mostly_right():
    """The hand-written hold-out (never trained on) stays well above chance; the exact figure is
    reported by bench/work_quality.py."""
    items = yaml.safe_load(HOLDOUT.read_text(encoding="utf-8"))
    fam_items = [it for it in items if it["family"] != "generic"]
    right = sum(fam(it["text"]) in (it["family"], it.get("alt")) for it in fam_items)
    assert len(items) >= 60
    assert right / len(fam_items) >= 0.7


# -- the shipped weights -----------------------------------------------------------------------

def test_weights_were_trained_on_the_data_in_the_repo():
    model = json.loads((rules_dir() / "vocab" / "work_model.json").read_text(encoding="utf-8"))
    files = sorted((ROOT / "data" / "work-items").glob("*.yaml"))
    assert model["training_files"] == [f.name for f in files], "re-run scripts/train_work_model.py"
    assert model["training_digest"] == wf.data_digest(files), "re-run scripts/train_work_model.py"
    assert model["feature_version"] == wf.FEATURE_VERSION
    # the features read the tool catalog and the role vocabulary: a change there needs new weights
    assert model["feature_digest"] == wf.feature_digest(), "the catalog changed: re-run scripts/train_work_model.py"


def test_holdout_is_not_training_data():
    held = {it["text"] for it in yaml.safe_load(HOLDOUT.read_text(encoding="utf-8"))}
    for f in (ROOT / "data" / "work-items").glob("*.yaml"):
        train = {e.get("text") for e in yaml.safe_load(f.read_text(encoding="utf-8")) or [] if isinstance(e, dict)}
        assert not held & train, f.name


def test_weights_file_is_small_and_sorted():
    p = rules_dir() / "vocab" / "work_model.json"
    assert p.stat().st_size < 600_000  # weights under 0.3 pruned; the smaller ones carry real-posting accuracy
    text = p.read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), sort_keys=True, separators=(",", ":")) + "\n"


# -- a posting's items read together ----------------------------------------------------------

def _toy_model(context_weight: float = 2.0, section_weight: float = 0.0) -> wf.WorkModel:
    # Two families and generic; "pipeline" is data engineering, "dashboard" analysis, and
    # "data" leans very slightly to analysis.
    return wf.WorkModel({
        "families": ["data-engineer", "data-analyst", "generic"],
        "weights": {"w:" + wf.lemma("pipeline"): {"0": 4.0}, "w:" + wf.lemma("dashboard"): {"1": 4.0},
                    "w:" + wf.lemma("data"): {"1": 0.3, "0": 0.1}, "w:" + wf.lemma("lunch"): {"2": 3.0}},
        "scale": "none", "context_weight": context_weight, "section_weight": section_weight,
        "min_prob": 0.0, "scope_rule": False,
    })


def test_a_close_call_goes_the_way_the_rest_of_the_posting_reads():
    m = _toy_model()
    posting = ["Own the pipeline", "Repair a pipeline", "Extend the pipeline", "Tidy the data"]
    alone = m.classify("Tidy the data")
    assert (alone.family, alone.by_context) == ("data-analyst", False)
    verdicts = m.classify_many(posting)
    assert [v.family for v in verdicts] == ["data-engineer"] * 4
    assert verdicts[3].by_context and not verdicts[0].by_context


def test_a_close_call_goes_the_way_its_own_section_reads_before_the_page():
    # A job-family page mostly about pipelines, with one section about dashboards: the close
    # call in that section is read as its section reads, not as the page does.
    m = _toy_model(context_weight=1.0, section_weight=2.0)
    posting = ["Own the pipeline", "Repair a pipeline", "Extend the pipeline", "Move the pipeline",
               "Build a dashboard", "Tidy the data"]
    groups = [10, 10, 10, 10, 20, 20]
    assert m.classify_many(posting)[5].family == "data-engineer"  # the page alone
    read = m.classify_many(posting, groups=groups)
    assert [v.family for v in read] == ["data-engineer"] * 4 + ["data-analyst"] * 2
    # The same item in the page's own section reads as the page.
    assert m.classify_many(posting, groups=[10, 10, 10, 10, 20, 10])[5].family == "data-engineer"


def test_clear_items_keep_their_family_whatever_the_posting_reads():
    m = _toy_model()
    verdicts = m.classify_many(["Own the pipeline", "Repair a pipeline", "Extend the pipeline", "Build a dashboard", "Enjoy lunch"])
    assert [v.family for v in verdicts] == ["data-engineer"] * 3 + ["data-analyst", None]
    # No context weight: every item on its own words.
    assert _toy_model(0.0).classify_many(["Own the pipeline"] * 3 + ["Tidy the data"])[3].family == "data-analyst"


@pytest.mark.parametrize("item, family", [
    ("Penetration-test the warehouse and report what an attacker could reach.", "security"),
    ("Write the privacy notice and keep the record of processing activities.", "other-specialist"),
])
def test_the_title_settles_close_calls_but_does_not_overturn_a_clear_reading(item, family):
    # A Data Engineer posting of pipeline work with one clearly different duty: the title's full
    # pull plus the rest of the posting would make it data engineering; a reading the item's own
    # words are sure of feels half the title's pull and keeps its family.
    m = wf.load_model()
    posting = [item, "Build and maintain the nightly ingestion pipelines.", "Model the warehouse tables for the finance data.",
               "Keep the Airflow DAGs healthy.", "Load new source systems into Snowflake."]
    assert m.classify(item).family == family
    assert m.classify_many(posting, title_family="data-engineer", groups=[0] * 5)[0].family == family
    full = wf.WorkModel({**json.loads(wf.model_path().read_text(encoding="utf-8")), "title_clear_share": 1.0})
    assert full.classify_many(posting, title_family="data-engineer", groups=[0] * 5)[0].family == "data-engineer"


def test_devops_posting_keeps_its_android_work_apart():
    text = ("# DevOps Engineer\n\n## Responsibilities\n\n- Run the Terraform for our AWS accounts\n"
            "- Keep the CI pipelines fast and green\n- Carry the pager and write the incident reviews\n"
            "- Ship the Android app to the Play Store every two weeks, writing the Kotlin screens yourself\n")
    from jdlint.document import Document
    from jdlint.domain import facts_for

    vocab = load_vocab()
    items = facts_for(Document.parse(text, vocab=vocab), vocab).work_items
    assert [w.family for w in items[:3]] == ["sre-devops"] * 3
    assert items[3].family == "software-engineer" and not items[3].by_context


def test_people_lists_onboarding_and_exclusions_are_not_work_units():
    # "You'll work closely with:" lists people, a 30-day plan's "Meet ..." and "Learn ..." are
    # getting started, and "There is no on-call" is scope: none of them is a duty to classify.
    text = ("# Records Manager\n\n## Your first month\n\n"
            "- Meet the clinic managers and the people who file patient letters.\n"
            "- Learn how the scanning bureau and the records system fit together.\n"
            "- Retire the paper archive at the old site.\n\n"
            "## The people\n\nYou'll work closely with:\n\n- The finance analysts who own the monthly returns\n"
            "- The Caldicott Guardian\n\n"
            "## What you'll own\n\n- The retention schedule for every record type\n\n"
            "There is no weekend on-call rota for this job.\n")
    from jdlint.document import Document
    from jdlint.domain import facts_for

    vocab = load_vocab()
    texts = [w.text for w in facts_for(Document.parse(text, vocab=vocab), vocab).work_items]
    assert texts == ["Retire the paper archive at the old site.", "The retention schedule for every record type"]


def test_what_the_hire_must_know_is_not_a_duty():
    # A classification's prose says what the hire does and, in the same voice, what they must
    # know: the knowledge sentence is a requirement, not work.
    text = ("# Network Technician\n\nThe Network Technician will patch and replace the switches in all "
            "four depots. Network Technicians will possess knowledge of routing and experience "
            "writing Android apps and web pages.\n")
    from jdlint.document import Document
    from jdlint.domain import facts_for

    vocab = load_vocab()
    texts = [w.text for w in facts_for(Document.parse(text, vocab=vocab), vocab).work_items]
    assert texts == ["The Network Technician will patch and replace the switches in all four depots."]


@pytest.mark.parametrize("item, family", [
    ("Penetration-test the warehouse and report what an attacker could reach.", "security"),
    ("Write the privacy notice and keep the record of processing activities.", "other-specialist"),
])
def test_the_rest_of_the_posting_does_not_dilute_a_clear_reading(item, family):
    # One duty the words are sure of, among six pipeline duties in the same section: the rest of
    # the posting settles close calls, so this duty stays as sure as a rule needs ("a single
    # duty this sure", conflated-roles' sure_score) instead of sinking towards the majority.
    m = wf.load_model()
    rest = ["Build and maintain the nightly ingestion pipelines.", "Model the warehouse tables for the finance data.",
            "Keep the Airflow DAGs healthy.", "Load new source systems into Snowflake.",
            "Backfill three years of order history into the lake.", "Own the ELT jobs that feed the warehouse."]
    own = m.classify(item)
    assert own.family == family and own.score >= m.title_clear_prob
    read = m.classify_many([item] + rest, groups=[0] * 7)[0]
    assert read.family == family and read.score >= 0.75


def test_the_title_claims_a_sentence_that_only_leans_generic():
    # "Unblock colleagues in other departments who need data" is an analyst's work under a Data
    # Analyst title (the labels' convention: the family that owns it), while the work read on
    # its own, which the role-fit rules compare with the title, stays unplaced; a sentence that
    # is plainly true of any job stays generic under any title.
    m = wf.load_model()
    titled, untitled = m.classify_posting(["Unblock colleagues in other departments who need data"], "data-analyst")
    assert titled[0].family == "data-analyst" and titled[0].by_context
    assert untitled[0].family is None
    for title in ("data-analyst", "software-engineer"):
        assert m.classify_posting(["Keep the team's documentation up to date"], title)[0][0].family is None


def test_the_feature_digest_follows_the_catalog_spellings_not_its_dates(monkeypatch):
    # A new spelling is a new feature (the weights must be trained again); a release date or a
    # version is the experience rule's and leaves the features as they were.
    before = wf.feature_digest()
    entries = [dict(e) for e in wf._tool_entries()]
    dated = [dict(e, first_release="1999", versions={"9": "2030-01"}) for e in entries]
    monkeypatch.setattr(wf, "_tool_entries", lambda: dated)
    assert wf.feature_digest() == before
    renamed = entries + [{"name": "Frobnicator", "category": "framework"}]
    monkeypatch.setattr(wf, "_tool_entries", lambda: renamed)
    assert wf.feature_digest() != before
