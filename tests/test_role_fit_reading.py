"""Role fit reads the work the way a hiring manager does: a team named in the title is not the
work's domain, an academic post's field is not a job-family page, and a specialist side job
counts even though the catch-all family does not."""
from types import SimpleNamespace

from jdlint import lint_text
from jdlint.checks.role_mix import _specialty, _title_names_domain
from jdlint.domain.titles import read_title
from jdlint.document import Document
from jdlint.vocab import load_vocab


def _item(*evidence):
    return SimpleNamespace(work_evidence=evidence)


def test_a_team_in_the_title_named_by_one_duty_does_not_excuse_the_mismatch():
    vocab = load_vocab()
    title = "Data Engineer, Retention"
    one = [_item("Retention", "present"), _item("uplift", "holdout"), _item("estimate", "likely"), _item("variance")]
    assert not _title_names_domain(title, "data-engineer", one, vocab)
    most = [_item("Retention", "churn"), _item("Retention", "cohort"), _item("uplift")]
    assert _title_names_domain(title, "data-engineer", most, vocab)


def test_a_research_fellow_in_a_field_is_a_researcher_not_a_page_about_research():
    vocab = load_vocab()
    doc = Document.parse("# Research Fellow in Marine Ecology\n\nText.\n", "x.md", vocab)
    t = read_title(doc, vocab)
    assert t.family == "researcher" and not t.job_family_page
    doc = Document.parse("# Machine Learning Engineering roles\n\nText.\n", "x.md", vocab)
    assert read_title(doc, vocab).job_family_page


def _top(text):
    seen = _specialty(text)
    return seen.most_common(1)[0][0] if seen else None


def test_specialties_of_the_catch_all_family():
    assert _top("Produce parcel maps and spatial analysis in QGIS for the planning team") == "geo"
    assert _top("Write the quarterly newsletter and run the social media channels") == "outreach"
    assert _top("Run the spring appeal and thank our regular donors") == "fundraising"
    assert _top("Patch the firewalls") is None


def test_a_backend_game_title_is_not_client_work():
    vocab = load_vocab()
    assert vocab.specialism("software-engineer", "Gameplay Programmer (Unity)") == "client-software"
    assert vocab.specialism("software-engineer", "Gameplay Backend Engineer") == "software-engineer"


def test_a_comms_job_inside_a_network_job_is_reported_and_a_comms_duty_is_not():
    two = """# Systems Administrator

## Responsibilities

- Patch and monitor the Windows and Linux servers in both data centres.
- Run the backups and test a restore every month.
- Manage user accounts, group policies and the VPN.
- Answer escalations from the service desk about server outages.
- Write the staff newsletter every fortnight and keep the intranet news page current.
- Run the organisation's social media accounts and reply to comments.
- Plan the press coverage and the launch event for our annual report.
"""
    assert "conflated-roles" in {f.rule for f in lint_text(two, path="a.md")}
    one = two.split("- Run the organisation's")[0]
    assert "conflated-roles" not in {f.rule for f in lint_text(one, path="b.md")}


def test_the_titles_side_of_a_pair_needs_duties_of_its_own():
    # An NLP Data Scientist whose only data-science duty is the title's reading of "Analyse data
    # and share insights" does NLP data science, not two jobs (judged wrong twice on held-out
    # postings, fresh16h/post-09 and fresh16ae/post-06). With duties of its own beside the LLM
    # features, experiments and causal models, the posting asks for both jobs (the seeds' pair),
    # and the finding names data science, never the one analysis duty.
    text = ("# NLP Data Scientist\n\n## What you'll do\n\n"
            "- Build NLP models to understand millions of hotel reviews in many languages\n"
            "- Help build our new AI travel assistant\n"
            "- Analyse data and share insights\n"
            "- Work with Product, Marketing and Customer Service teams\n")
    assert [f.message for f in lint_text(text, select=["conflated-roles"])] == []
    more = text + ("- Design and analyse A/B tests of new ranking ideas\n"
                   "- Estimate how price changes affect bookings with causal models\n")
    found = [f.message for f in lint_text(more, select=["conflated-roles"])]
    assert len(found) == 1 and "data science (3" in found[0] and "AI/LLM engineering (2" in found[0]
    assert "data analysis" not in found[0]


def test_a_list_item_that_only_names_its_nested_group_is_not_a_duty():
    # "Server upkeep" over two nested duties labels them: read as work it was a DevOps duty of
    # a Tableau developer. A parent that says work itself ("Own the quarterly planning
    # pack, including:" is a lead-in; "Run the weekly demand review with planners") stays.
    text = ("# Tableau Developer\n\n## What you'll work on\n\n"
            "- Dashboards\n"
            "  - The weekly inventory-cover dashboard for the supply director\n"
            "  - Stock-out views for the regional warehouse leads\n"
            "- Server upkeep\n"
            "  - Publishing workflow on Tableau Server\n"
            "- Own the quarterly planning pack, including:\n"
            "  - the demand forecast tables\n"
            "- Run the weekly demand review with the planners and the supply director\n"
            "  - prepare the exceptions list the day before\n")
    lines = _work_lines(text)
    assert {6, 7, 9, 11, 12, 13} <= lines
    assert not lines & {5, 8, 10}


def test_an_item_that_only_names_who_the_hire_works_with_is_not_work():
    # "Work with a product manager, two backend engineers and three frontend engineers" says
    # who, not what: read as work it was one more software duty of a product designer
    text = ("# Product Designer\n\n## What you'll do\n\n"
            "- Design the checkout flows in Figma and test them with buyers\n"
            "- Work with a product manager, two backend engineers and three frontend engineers\n"
            "- Work with the analysts to define the checkout funnel metrics\n"
            "- You'll collaborate closely with support on the refund journey\n")
    assert _work_lines(text) == {5, 7, 8}


def test_what_the_colleagues_do_after_a_comma_is_not_the_hires_work():
    # "Working with our two BI developers, who build the Power BI reports on top of your tables"
    # describes the colleagues: read as work, it made a Data Scientist title over pipeline work
    # look like half analysis, and title-scope-mismatch stayed quiet
    text = ("# Data Engineer\n\n## What you'll do\n\n"
            "- Load the till and loyalty data into BigQuery every night\n"
            "- Partner with the pricing analysts, who model promotions and write the weekly margin review\n"
            "- Work with the analysts, who own the dashboards, to retire the reports nobody opens\n"
            "- Sit with the finance team to reconcile the loads against the ledger\n")
    assert _work_lines(text) == {5, 7, 8}


def test_he_or_she_after_the_hire_is_named_is_the_hire():
    from jdlint.domain.responsibilities import work_items

    vocab = load_vocab()
    text = ("Office and Systems Coordinator\n\n"
            "We are a small surveying practice of twelve people.\n\n"
            "The successful candidate will run the front office. She will answer the phones, book\n"
            "site visits for the surveyors and keep the stationery cupboard stocked. She will also\n"
            "reset passwords and look after the shared drive.\n\n"
            "Our senior surveyor, Marek, handles the drone flights. He files the flight logs.\n")
    texts = " | ".join(w.text for w in work_items(Document.parse(text, "x.md", vocab), vocab))
    assert "answer the phones" in texts and "reset passwords" in texts
    assert "flight logs" not in texts  # a named colleague's "He" is still the colleague


def _work_lines(text):
    """The lines of the posting's work items, as role fit reads them."""
    from jdlint.domain.responsibilities import work_items

    vocab = load_vocab()
    return {w.line for w in work_items(Document.parse(text, "x.md", vocab), vocab)}


def test_a_named_colleagues_work_is_not_the_hires():
    from jdlint.domain.responsibilities import work_items

    vocab = load_vocab()
    text = ("# Frontend Developer\n\n## What you'll work on\n\n"
            "You'll rebuild the quote forms our brokers fill in every day.\n"
            "Most days start with a note from Priya, our product designer. She owns the design\n"
            "system, so the component decisions are hers.\n\n"
            "When a build breaks at night, Tomás, the platform engineer on call, gets paged first.\n"
            "He keeps the deploy pipeline green.\n")
    doc = Document.parse(text, "x.md", vocab)
    items = work_items(doc, vocab)
    texts = " | ".join(w.text for w in items)
    assert "design system" not in texts and "deploy pipeline" not in texts and "gets paged" not in texts
    assert not any(w.work_family in ("designer", "sre-devops") for w in items)
    assert "quote forms" in texts  # the hire's own work is still read


def test_a_duty_list_split_under_labels_is_read_as_one_list():
    text = ("# Machine Learning Engineer\n\n## Three parts of one job\n\n"
            "- **Models**\n"
            "  - Develop defect-detection models from the packing-line camera images for:\n"
            "    - romaine hearts\n"
            "  - Retrain the models each season with the quality team\n"
            "- **Keeping it up**\n"
            "  - Patch the Linux servers in the packing shed\n"
            "  - Set up alerting for the camera feeds\n"
            "  - Take a turn on the weekend on-call rota\n")
    assert {6, 8, 10, 11, 12} <= _work_lines(text)  # the two model duties are read beside the three upkeep ones


def test_lists_under_italic_labels_in_the_role_section_are_duties():
    text = ("# Web Developer\n\n## The role\n\n*Online shop*\n\n"
            "- Look after our Shopify store and build new features in the theme\n"
            "- Improve page speed and checkout conversion\n\n"
            "*Trade customers*\n\n"
            "- Manage our wholesale accounts and chase overdue invoices\n"
            "- Prepare quotes and trade price lists\n")
    assert {7, 8, 12, 13} <= _work_lines(text)  # both labelled lists are the hire's work


def test_agents_who_are_people_are_not_ai_work():
    from jdlint.domain.responsibilities import _agents_are_people

    assert _agents_are_people("Design features from device signals, agent behaviour and USSD sessions")
    assert _agents_are_people("Schedule the contact-centre agents across the evening peak")
    assert not _agents_are_people("Build agents that can call internal APIs and draft letters")
    assert not _agents_are_people("Keep guardrails up to date, with a correct handoff to human agents")


def test_a_youll_do_well_here_list_is_requirements_not_work():
    # "You'll do well here if you ... Write working code in TypeScript" states what the hire
    # brings, not what they will do: read as duties, it made a Solutions Engineer's posting two
    # jobs (fresh16br/02)
    text = ("# Solutions Engineer\n\n## What you'll do\n\n"
            "- Run discovery calls with prospects and scope their proof of concept\n\n"
            "## You'll do well here if you\n\n"
            "- Have three years in a solutions engineering or consulting role\n"
            "- Write working code in at least one of TypeScript, Python or Java\n"
            "- Understand REST APIs, webhooks and OAuth\n"
            "- Explain a technical trade-off to a staff engineer and to a finance director\n")
    assert _work_lines(text) == {5}


def test_who_the_team_is_and_the_credit_the_hire_may_get_are_not_work():
    # A roll-call of the group ("includes four postdoctoral researchers, six PhD students") names
    # colleagues, and an authorship note names a credit: read as work, they made a lab-computing
    # job a researcher's (fresh16bu/04).
    from jdlint.domain.responsibilities import work_items

    vocab = load_vocab()
    text = ("# Research Scientist\n\n## General summary\n\n"
            "The Genomics Methods Group includes four postdoctoral researchers, six PhD students and two\n"
            "visiting scientists. The Research Scientist keeps the group's servers and storage running.\n"
            "The post holder may be credited as a co-author on papers that use their pipelines.\n")
    texts = " | ".join(w.text for w in work_items(Document.parse(text, "x.md", vocab), vocab))
    assert "servers and storage" in texts
    assert "postdoctoral" not in texts and "co-author" not in texts


def test_titles_read_only_in_the_posting_title():
    # ``posting_titles`` name a family in the posting's title ("Digital Developer" is a web
    # developer at a museum or a council) without becoming features of the work model.
    import json
    from pathlib import Path

    from jdlint import workfamily as wf

    vocab = load_vocab()
    for title, family in [("Digital Developer", "software-engineer"), ("Senior IT Support Analyst", "other-specialist"),
                          ("ICT Technician (Schools)", "other-specialist"), ("Founding Engineer (Full-Stack)", "software-engineer"),
                          ("IT Project Manager SAP (80-100%)", "product-manager"), ("Technical Program Manager", "leadership"),
                          ("Business Developer", None)]:
        facts = read_title(Document.parse(f"# {title}\n\nbody\n", "x.md", vocab), vocab)
        assert (facts.family if facts else None) == family, title
    model = json.loads((Path(wf.__file__).parent.parent / "rules" / "vocab" / "work_model.json").read_text())
    assert wf.feature_digest() == model["feature_digest"]
    text = ("---\ntitle: Digital Developer\n---\n\n## Key responsibilities\n\n"
            "- Develop and maintain the gallery's WordPress site and its plugins\n"
            "- Build the online booking pages with the marketing team\n"
            "- Provide first-line IT support to 90 staff: laptops, phones, printers and password resets\n"
            "- Set up laptops and accounts for starters and leavers\n"
            "- Look after the office printers and the meeting-room screens\n")
    assert [f.rule for f in lint_text(text, path="x.md") if f.rule in ("conflated-roles", "title-scope-mismatch")] == ["conflated-roles"]


def test_a_question_to_the_reader_is_not_work():
    from jdlint.domain.responsibilities import work_items

    vocab = load_vocab()
    text = ("# Research Software Engineer\n\n## About the role\n\n"
            "Do you want to help ecologists run their population models on the new cluster? "
            "You will profile and speed up the group's simulation code.\n")
    texts = " | ".join(w.text for w in work_items(Document.parse(text, "x.md", vocab), vocab))
    assert "profile and speed up" in texts and "Do you want" not in texts


def test_a_data_engineer_running_their_own_pipelines_is_one_job():
    # On call for the feeds they build and monitoring their own ingestion is the data
    # engineering job's operations; running the company's clusters and Terraform is another job.
    head = "---\ntitle: Analytics Engineer\n---\n\n## What you'll do\n\n"
    own = ("- Build the connectors that load supplier price files into the warehouse\n"
           "- Model the pricing data into tables the buying team queries\n"
           "- Write data quality checks for every nightly load\n"
           "- Backfill three years of order history from the old ERP\n"
           "- Join the on-call rota (one week in five, with a standby allowance) for the feeds that run the stores\n"
           "- Set up monitoring, alerting and on-call runbooks for the stock ingestion\n"
           "- Keep uptime of the pricing feeds above 99.9% and lead the post-incident reviews when they fail\n"
           "- Keep the feeds running through the night and respond to alerts within 15 minutes\n"
           "- Own the on-call rotation and incident response for the pricing feeds\n")
    infra = ("- Run our AWS accounts with Terraform and keep the Kubernetes clusters patched\n"
             "- Take the pager for the company's web servers and lead incident reviews\n"
             "- Move every team's deployments to GitHub Actions with automatic rollback\n")
    rules = lambda body: [f.rule for f in lint_text(head + body, path="x.md") if f.rule == "conflated-roles"]  # noqa: E731
    assert rules(own) == []
    assert rules(own + infra) == ["conflated-roles"]


def test_an_ai_engineers_evals_of_their_own_models_are_not_data_science():
    text = ("---\ntitle: AI Engineer\n---\n\n## What you'll do\n\n"
            "- Build the retrieval assistant that answers caseworkers' questions from our guidance pages\n"
            "- Ship new tools the assistant can call and wire them into the case system\n"
            "- Tune prompts and guardrails so that answers quote the right guidance\n"
            "- Measure through evaluations whether models are fair and accurate enough to use\n")
    assert [f.rule for f in lint_text(text, path="x.md") if f.rule == "conflated-roles"] == []


def test_a_negation_in_a_bracketed_aside_does_not_drop_the_duty():
    text = ("# Backend Developer\n\n## Your tasks\n\n"
            "- Build the claims export to the three reinsurers (their side is SFTP and CSV, we won't pretend otherwise)\n"
            "- Keep the quote engine's tests fast\n"
            "- You won't run the servers: our platform team does\n")
    lines = _work_lines(text)
    assert 5 in lines and 6 in lines  # the hire's duties, the first with its aside
    assert 7 not in lines  # a whole item saying what is not the hire's stays out


def test_verb_led_lists_under_untyped_headings_are_duties_in_any_trade():
    # The office half opens with verbs the work-family model never saw open a duty ("Receive",
    # "Process", "Assist"); the second list has a lead-in about the hire.
    text = ("# Office Coordinator\n\n### Front of house\n\n"
            "- Receive and sort the post and parcels\n"
            "- Process supplier invoices for the finance team\n"
            "- Assist the HR adviser with starter paperwork\n\n"
            "### After a customer signs\n\n"
            "Once the contract is signed, you stay with the customer until launch:\n\n"
            "- Build the data import from their old booking system\n"
            "- Train their reception staff on the new screens\n"
            "- Handle their support tickets in the first month\n")
    lines = _work_lines(text)
    assert {5, 6, 7} <= lines
    assert {13, 14, 15} <= lines


def test_running_the_office_suite_is_it_support_and_a_product_on_it_is_not():
    vocab = load_vocab()
    for text in ("Administer Microsoft 365 for the firm's 80 staff",
                 "Plan the move to Exchange Online with the outside consultant"):
        assert vocab.specialism("software-engineer", text) == "it-support", text
    assert vocab.specialism("software-engineer", "Build a Microsoft 365 add-in that files our invoices") == "software-engineer"


def test_perks_under_a_lead_in_about_the_hire_are_not_duties():
    text = ("# Data Engineer\n\n## Responsibilities\n\n- Build the ingestion jobs for the partner feeds\n\n"
            "## Life at Pebble\n\nAs a member of the team you'll get:\n\n"
            "- Receive a new laptop on your first day\n"
            "- Join our quarterly offsites in Lisbon\n"
            "- Train with a yearly learning budget of 1,500 euros\n")
    assert _work_lines(text) == {5}


def test_what_a_security_duty_secures_is_not_it_support():
    # read as security, the laptops, mailboxes and accounts a duty names are what it secures
    vocab = load_vocab()
    for text in ("Scan the branch laptops and desktops for vulnerabilities every week",
                 "Pull reported phishing emails out of staff mailboxes",
                 "Keep the Intune baseline for council laptops up to date",
                 "Move the remaining user accounts onto multi-factor authentication"):
        assert vocab.specialism("security", text) == "security", text
    # the same laptops and accounts as desk-side work are IT support, whatever family they read as
    for fam in ("security", "sre-devops"):
        assert vocab.specialism(fam, "Order and set up new laptops for starters") == "it-support"
        assert vocab.specialism(fam, "Create and disable user accounts for joiners and leavers") == "it-support"


def test_running_the_office_is_office_work_in_its_everyday_words():
    for text in ("Keep the kitchen and cleaning supplies stocked",
                 "Book the janitorial contractors and the pest control visits",
                 "Collect timesheets every Friday and send payroll changes to the bookkeeper",
                 "Plan the summer picnic and the holiday party"):
        assert _specialty(text)["administration"] >= 1, text
    # payroll as data is not running an office
    assert _specialty("Build the payroll data model in the warehouse")["administration"] == 0


def test_using_ai_models_as_a_working_tool_is_not_a_duty():
    text = ("# Pricing Analyst\n\n## The work\n\n"
            "Like everyone on the desk, you will lean on AI coding assistants as an everyday tool.\n\n"
            "- Build the weekly margin report for each region\n- Explain price changes to the buyers\n")
    lines = _work_lines(text)
    assert 5 not in lines and {7, 8} <= lines


def test_one_experiment_with_a_language_model_is_not_a_second_job():
    text = ("# Data Scientist, Fraud\n\n## What you'll do\n\n"
            "- Build and validate the card-fraud scoring models with the fraud analysts\n"
            "- Design the A/B tests for new decline rules and measure their effect on losses\n"
            "- Analyse chargeback patterns by merchant category and write up what drives them\n"
            "- Forecast monthly fraud losses for the finance team\n"
            "- Try whether a small language model can sort dispute notes by reason at acceptable cost\n")
    assert [f.rule for f in lint_text(text, select=["conflated-roles"])] == []


def test_serving_models_beside_running_the_platform_is_one_job():
    text = ("# Machine Learning Engineer, Serving\n\n## What you'll do\n\n"
            "- Join the production on-call rota for the hosted model API\n"
            "- Own the availability and latency SLOs and the alerts behind them\n"
            "- Write the post-incident reviews and drive the follow-ups\n"
            "- Keep the Kubernetes clusters patched and the Terraform tidy\n"
            "- Lead each model rollout to production: canaries, load tests and the rollback plan\n"
            "- Tune the serving configuration (batching, KV-cache and quantization settings) for throughput\n"
            "- Take over the release process for the next model launch\n"
            "- Plan GPU capacity for each model release with finance\n")
    assert [f.rule for f in lint_text(text, select=["conflated-roles"])] == []


def test_a_business_functions_systems_title_is_not_infrastructure_work():
    # "Revenue Systems Engineer" keeps the CRM, billing and ledger applications talking; a plain
    # "Systems Engineer" keeps servers and networks. Read as DevOps, such a title once turned a
    # finance team's integration work into a DevOps posting with a data-engineering second job.
    vocab = load_vocab()

    def family(title):
        return read_title(Document.parse(f"# {title}\n\nText.\n", "x.md", vocab), vocab).family

    for title in ("Revenue Systems Engineer", "Senior Payroll Systems Administrator",
                  "Library Systems Engineer", "Student Information and Systems Administrator"):
        assert family(title) is None, title
    for title in ("Linux Systems Administrator", "Senior Systems Engineer", "Cloud Systems Engineer"):
        assert family(title) == "sre-devops", title
    # Systems engineering of a vehicle or a signal chain (requirements, interfaces, verification)
    # is its own discipline, wherever the title names the thing engineered.
    for title in ("Avionics Systems Engineer", "Systems Engineer - Radar Payloads", "Rail Systems Engineer"):
        assert family(title) is None, title
    assert family("Power Systems Data Analyst") == "data-analyst"  # the analyst's title, not a systems one


def test_an_event_inside_a_game_is_not_event_marketing():
    # A live-ops analyst's "post-event report: participation, revenue, retention" once counted
    # as a marketing and communications job beside the analysis, and the posting as two jobs.
    assert not _specialty("Write the wrap-up for every seasonal event: how many players joined and what they spent")
    assert not _specialty("Draft the reward tables and bundle prices for the next event")
    assert not _specialty("Check each event's configuration in the admin console before it goes live")
    assert _top("Organise the launch event for journalists and partners") in ("outreach", "commercial")
    assert _top("Run our presence at the spring trade event and its social posts") == "outreach"


def test_a_partner_title_names_the_job_not_the_team_it_serves():
    # "Talent Acquisition Partner - Engineering" recruits for engineering: once read as a page
    # about software jobs, the recruiter was asked who runs deployments.
    vocab = load_vocab()
    t = read_title(Document.parse("# Talent Acquisition Partner - Engineering\n\nText.\n", "x.md", vocab), vocab)
    assert t.family is None and not t.job_family_page
    t = read_title(Document.parse("# HR Business Partner, Data & Analytics\n\nText.\n", "x.md", vocab), vocab)
    assert t.family is None and not t.job_family_page


def test_the_client_a_consultancy_builds_for_is_not_a_sales_job():
    # A Salesforce developer at a consultancy "presents the work at sprint demos with the client":
    # once read as sales and customer accounts, the developer's posting became two jobs.
    assert "commercial" not in _specialty("Present your work at sprint demos with the client")
    assert "commercial" not in _specialty("Agree the target design with the client before you build")
    assert _top("Manage a book of 40 accounts and hit the renewal quota") == "commercial"
    assert _top("Run product demos for prospects with the sales team") == "commercial"
    assert _top("run live demos") == "commercial"  # a clause split from "Join sales calls, run live demos"


def test_a_sentence_that_only_places_the_hire_is_not_work():
    # where the hire sits and whom they report to is who they work with, not a duty
    text = ("# Revenue Accountant\n\n## About the role\n\n"
            "You'll sit inside the Group Finance team and report to the Financial Controller.\n\n"
            "You'll join the billing squad and rebuild the deferred revenue schedule in NetSuite.\n\n"
            "## What you'll do\n\n- Close the revenue ledger each month\n")
    lines = _work_lines(text)
    assert 5 not in lines and {7, 11} <= lines


def test_an_imaging_scanner_is_not_office_it():
    vocab = load_vocab()
    for fam in ("software-engineer", "sre-devops"):
        for text in ("Replay recorded MRI scanner sessions through the reconstruction service in the nightly build",
                     "Write checks for the scanner firmware update tool before each hospital rollout",
                     "Model the radiation dose each scanner protocol gives a child"):
            assert vocab.specialism(fam, text) != "it-support", text
    assert vocab.specialism("sre-devops", "Set up the office printers and scanners for new starters") == "it-support"


def test_one_step_of_the_titles_project_is_not_a_second_job():
    # a data scientist's project with a language-model step, told in one item whose other steps
    # are the data scientist's, is one job (the seeds' two jobs are separate duties)
    text = ("# Senior Data Scientist, Claims\n\n## What you'll do\n\n"
            "- Agree with the claims handlers what a good triage decision looks like and label 2,000 past claims\n"
            "- Prototype the triage helper on a hosted language model, measure its accuracy on the labelled claims, and run a two-week trial with one team\n"
            "- Estimate the effect of the trial on handling time with a proper control group\n"
            "- Report the results to the Head of Claims with a recommendation\n")
    assert [f.rule for f in lint_text(text, select=["conflated-roles"])] == []


def test_alerts_on_customers_transactions_are_cases_not_ops_alerts():
    # a transaction-monitoring alert is a case to investigate, not a paging alert: tuning its
    # thresholds with the investigators is financial-crime work, not DevOps
    from jdlint.domain.responsibilities import work_items

    text = ("# Financial Crime Analyst\n\n## What you'll do\n\n"
            "- Review the transaction-monitoring alerts raised on business accounts and close the false ones\n"
            "- Tune the alert thresholds with the investigators so fewer genuine customers are flagged\n"
            "- Write the suspicious activity reports the investigators file\n")
    vocab = load_vocab()
    fams = {w.work_family for w in work_items(Document.parse(text, "x.md", vocab), vocab)}
    assert "sre-devops" not in fams and "security" not in fams
    # an alert on a service is still operations work
    ops = "# SRE\n\n## What you'll do\n\n- Tune the alert thresholds on the checkout service so on-call is paged less\n"
    assert {w.work_family for w in work_items(Document.parse(ops, "x.md", vocab), vocab)} == {"sre-devops"}
