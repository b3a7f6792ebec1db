"""Tool recognition and tool roles, on postings written for these tests (tests/data/tools/)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from jdlint.document import Document
from jdlint.toolmatch import ROLES, ToolMention, tool_facts, tool_roles
from jdlint.vocab import load_vocab

DATA = Path(__file__).parent / "data" / "tools"
V = load_vocab()


def names(text: str) -> list[str]:
    return [m.tool.name for m in V.find_tools(text)]


def roles(text: str) -> dict[str, str]:
    return tool_roles(Document.parse(text, "<t>", V), V)


def facts(text: str) -> list[ToolMention]:
    return tool_facts(Document.parse(text, "<t>", V), V)


# -- recognition ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, tool", [
    ("Maintain the billing app written in Ruby and Rails", "Ruby"),
    ("You will refactor our legacy PHP code", "PHP"),
    ("Build the booking screens in React", "React"),
    ("Publish the monthly numbers as Tableau workbooks", "Tableau"),
    ("Clean up duplicate accounts in Salesforce", "Salesforce"),
    ("Answer escalations that arrive through Zendesk", "Zendesk"),
    ("Hand off mock-ups from Figma to engineering", "Figma"),
    ("Track the work in Jira", "Jira"),
    ("Submit array jobs to Slurm on the campus cluster", "Slurm"),
    ("Our services run on Amazon S3 and EC2", "Amazon EC2"),
    ("Golang or Java for the ingestion service", "Go"),
    ("Presentations built in Pitch and shared in Notion docs", "Pitch"),
    ("Notes live in Notion docs", "Notion"),
    ("Experience with Microsoft Teams and Slack channels", "Microsoft Teams"),
    # the same spellings, written as the tools they are
    ("Design REST APIs for the partner portal", "REST API"),
    ("Patch the Windows servers and the Linux boxes", "Windows"),
    ("Write the docs in Markdown and publish them with MkDocs", "Markdown"),
    ("Route tickets in SNOW to the right queue", "ServiceNow"),
    ("Build the dashboards in Plotly and Dash", "Plotly"),
    ("Experience with Python, Django and Celery; Kettle or Talend for ETL", "Pentaho"),
    ("Tune the LogRhythm correlation rules", "LogRhythm"),
    ("Roll out Trend Micro Apex One to the branch laptops", "Trend Micro"),
    ("Mail filtering runs through Mimecast", "Mimecast"),
])
def test_tools_of_many_kinds_are_recognised(text, tool):
    assert tool in names(text)


@pytest.mark.parametrize("text", [
    "We go the extra mile for every customer.",
    "Partner with our Go To Market team on launches.",
    "Own the go-live checklist.",
    "Model the warehouse with a snowflake schema.",
    "Excellent written communication.",
    "Five years in R&D leadership.",
    "Spread the Word of the new process.",
    "Access to quality health care for every employee.",
    "You will work with teams across the company.",
    "Julia, our head of data, will onboard you.",
    "Your ideas will spark change.",
    "Pitch decks for the board are part of the job.",
    "A solid grounding in Linear algebra.",
    "Help shape the Lambda Architecture discussion.",
    # catalog spellings that are everyday words (scripts/tools_ordinary.yaml), in other words
    # than the postings that showed them
    "You will take the pilot the rest of the way with the rest of the team.",
    "Deploys happen in agreed maintenance windows on Sunday nights.",
    "Customers call when the electricity bill looks wrong.",
    "Plan clearance markdown for the winter sale.",
    "Keep the gritters and snow ploughs on the road.",
    "Count the loading doors and the dash cameras in each depot.",
    "Unleash your curiosity on hard problems.",
    "Order coffee from the Copper Kettle Roastery for the office.",
    "The remedy for a flaky test is to fix it, not to retry it.",
    "Check fiber cable routes before each install.",
    "An AI copilot for our field technicians.",
])
def test_ordinary_words_are_not_tools(text):
    assert names(text) == []


def test_a_tool_named_as_the_employer_is_not_a_tool_mention():
    assert names("Join GitLab and help GitLab grow.") == []
    assert names("Ability to use GitLab for code review") == ["GitLab"]


def test_versions_and_vendor_prefixes_resolve_to_one_tool():
    assert V.tool_by_name("Angular 17").name == "Angular"
    assert V.tool_by_name("s3").name == "Amazon S3"
    assert V.tool_by_name("golang").name == "Go"


def test_the_longest_name_wins_whatever_its_case_rule():
    # "SQL Server" is a name matched with its case; the any-case "SQL" inside it must not win.
    assert names("Experience with SQL Server and Jira Service Management") == [
        "Microsoft SQL Server", "Jira Service Management"]


# -- roles ---------------------------------------------------------------------------------

def test_required_preferred_and_team_stack():
    r = roles("# Analyst\n\n## Requirements\n\n- Strong SQL\n- Building dashboards in Power BI\n\n"
              "## Nice to have\n\n- Some dbt\n\n## About the team\n\nWe use Snowflake for everything.\n")
    assert r["SQL"] == "required" and r["Power BI"] == "required"
    assert r["dbt"] == "preferred"
    assert r["Snowflake"] == "team-stack"


def test_alternatives_form_a_group():
    f = facts("# Engineer\n\n## Requirements\n\n- One or more of, e.g., Java, Scala, Python\n")
    alt = {m.name: m for m in f}
    assert {m.role for m in f} == {"alternative"}
    assert set(alt["Scala"].alternatives) == {"Java", "Python"}


def test_options_under_a_lead_in_are_alternatives():
    f = facts("# Engineer\n\n## Requirements\n\nAt least one of the following:\n\n- Kotlin\n- Swift\n- Dart\n")
    assert {m.name: m.role for m in f} == {"Kotlin": "alternative", "Swift": "alternative", "Dart": "alternative"}
    kotlin = next(m for m in f if m.name == "Kotlin")
    assert set(kotlin.alternatives) == {"Swift", "Dart"}


def test_or_and_slash_lists_are_choices_but_comma_lists_are_not():
    r = roles("# Dev\n\n## Requirements\n\n- Vue or Svelte\n- Docker, Kubernetes and Helm charts\n")
    assert r["Vue.js"] == "alternative" and r["Svelte"] == "alternative"
    assert r["Docker"] == r["Kubernetes"] == r["Helm"] == "required"



def test_a_slash_in_a_comma_list_joins_only_its_neighbours():
    # "Go/Rust, PostgreSQL, Kafka": Go or Rust, and PostgreSQL and Kafka as well; "Java/J2EE"
    # is two names of one tool, not a choice.
    r = roles("# Dev\n\n## Requirements\n\n- Go/Rust, PostgreSQL, Kafka\n- Java/J2EE, Spring Boot, Redis\n")
    assert r["Go"] == r["Rust"] == "alternative"
    assert r["PostgreSQL"] == r["Kafka"] == r["Java"] == r["Spring Boot"] == r["Redis"] == "required"

@pytest.mark.parametrize("body, names", [
    # the repository's catalog additions (scripts/tools_extra.yaml), in postings' words
    ("- Subscriptions billed through Recurly or Chargebee", {"Recurly", "Chargebee"}),
    ("- Run our VMs on Proxmox and automate jobs with Rundeck", {"Proxmox", "Rundeck"}),
    ("- Front ends deployed on Vercel or Netlify", {"Vercel", "Netlify"}),
    # the December 2026 additions, named the way postings name them
    ("- Background jobs in Hangfire and logging with Serilog", {"Hangfire", "Serilog"}),
    ("- Ship the apps through Bitrise and App Store Connect", {"Bitrise", "App Store Connect"}),
    ("- Manage laptops with Intune and Autopilot, and patch servers through WSUS",
     {"Microsoft Intune", "Windows Autopilot", "WSUS"}),
    ("- Experience with Veeam, Datto or similar backup tools", {"Veeam", "Datto"}),
    # their everyday words stay words
    ("- Raise a toast to the harvest season and ramp up the volunteers", set()),
    ("- Polish the chrome trim and keep an edge on the tools", set()),
    ("- Lead a safari of customer visits each spring", set()),
])
def test_catalog_additions_are_recognised_and_guarded(body, names):
    assert {m.name for m in facts("# Engineer\n\n## Requirements\n\n" + body + "\n")} == names


@pytest.mark.parametrize("item, roles", [
    # "or similar" inside a list closes the choice of the tool before it; the rest are asked for
    ("- Hands-on experience with Airflow or similar, dbt, Snowflake",
     {"Airflow": "alternative", "dbt": "required", "Snowflake": "required"}),
    ("- Tableau (or equivalent), SQL and Python", {"Tableau": "alternative", "SQL": "required", "Python": "required"}),
    ("- A compiled language (Fortran, C++ or similar) and Python",
     {"Fortran": "alternative", "C++": "alternative", "Python": "required"}),
    # at the end of a plain list it is the whole list's
    ("- Tableau, Looker or similar BI tools", {"Tableau": "alternative", "Looker": "alternative"}),
])
def test_or_similar_inside_a_list_belongs_to_the_tool_before_it(item, roles):
    assert {m.name: m.role for m in facts("# Engineer\n\n## Requirements\n\n" + item + "\n")} == roles


def test_a_list_can_hold_names_the_catalog_does_not_know():
    f = facts("# Ops\n\n## Requirements\n\n- Managed clouds (e.g., Linode, Kamatera/Contabo, DigitalOcean, AWS)\n")
    by = {m.name: m for m in f}
    assert {m.role for m in f} == {"alternative"}
    # names the catalog does not know are options too, shown in the message
    assert set(by["Linode"].alternatives) == {"Kamatera/Contabo", "DigitalOcean", "AWS"}


def test_an_or_after_brackets_joins_the_phrase_they_belong_to():
    f = facts("# Analyst\n\n## Requirements\n\n- Analysis in Python with its libraries (Polars, seaborn), or in Julia\n"
              "- Languages (for example Java) and/or notebooks (for example Jupyter)\n")
    by = {(m.line, m.name): m for m in f}
    assert set(by[(5, "Julia")].alternatives) == {"Python", "Polars", "Seaborn"}
    assert by[(6, "Jupyter")].alternatives == ("Java",)


def test_and_after_a_choice_starts_a_new_requirement():
    r = roles("# Dev\n\n## Requirements\n\n- Python or R, and Spark\n")
    assert r == {"Python": "alternative", "R": "alternative", "Apache Spark": "required"}


def test_a_choice_with_an_option_that_needs_no_tool_is_open():
    f = facts("# QA\n\n## Requirements\n\n- Testing by hand or with Cypress\n"
              "- You have built with technologies like Svelte and Deno\n- Java or Kotlin\n"
              "- Good with Docker, or a scheduler such as Nomad\n")
    opened = {m.name: m.open_option for m in f}
    assert opened == {"Cypress": "practice", "Svelte": "any-tool", "Deno": "any-tool", "Java": "", "Kotlin": "",
                      "Docker": ""}


def test_go_fundamentals_is_required_and_a_nice_to_have_go_is_preferred():
    r = roles("# Backend Engineer\n\n## Must have\n\n- Go fundamentals\n")
    assert r == {"Go": "required"}
    r = roles("# Backend Engineer\n\n## Requirements\n\n- Python\n- Go is a plus\n")
    assert r == {"Python": "required", "Go": "preferred"}


def test_a_bracket_about_the_team_stays_about_the_team():
    r = roles("# Engineer\n\nThose who know Django well (we use Redis and Postgres) are going to have fun here.\n\n"
              "## Requirements\n\n- Python, Java, or Scala (Python preferred)\n")
    assert r["Django"] == "preferred"
    assert r["Redis"] == r["PostgreSQL"] == "team-stack"
    assert r["Java"] == r["Scala"] == "alternative" and r["Python"] == "alternative"


def test_incidental_mentions():
    r = roles("# Engineer\n\n## About us\n\nOur product offers integrations with Salesforce and HubSpot.\n\n"
              "## Requirements\n\n- TypeScript\n\nEmail us a link to your GitHub profile.\n")
    assert r["Salesforce"] == r["HubSpot"] == "incidental"
    assert r["GitHub"] == "incidental"
    assert r["TypeScript"] == "required"


def test_a_linked_page_named_after_a_tool_is_incidental():
    f = facts("# Engineer\n\n## Requirements\n\n- Design and extend [dbt](https://example.com) models\n\n"
              "## References\n\n- [CircleCI Engineering Competency Matrix](https://example.com/m)\n")
    assert {m.name: (m.role, m.reason) for m in f} == {
        "dbt": ("required", "requirements section"),
        "CircleCI": ("incidental", "named in the title of a linked page")}


def test_strongest_role_wins():
    r = roles("# Engineer\n\n## About the team\n\nWe use Kafka.\n\n## Requirements\n\n- Kafka\n")
    assert r["Kafka"] == "required"
    assert ROLES.index("required") < ROLES.index("alternative") < ROLES.index("preferred")


def test_facts_carry_positions_and_surface():
    f = facts("# Dev\n\n- Work in Postgres daily\n")
    m = next(x for x in f if x.name == "PostgreSQL")
    assert (m.line, m.column, m.end_column, m.surface) == (3, 11, 19, "Postgres")
    assert m.category == "database"


# -- the written postings, with their labels -----------------------------------------------

def _score():
    labels = yaml.safe_load((DATA / "labels.yaml").read_text(encoding="utf-8"))
    gold, got = {}, {}
    for name, tools in labels.items():
        for tool, role in tools.items():
            gold[(name, V.tool_by_name(tool).name)] = role
        doc = Document.parse((DATA / name).read_text(encoding="utf-8"), name, V)
        for tool, role in tool_roles(doc, V).items():
            got[(name, tool)] = role
    both = set(gold) & set(got)
    return (len(both) / len(gold), len(both) / len(got),
            sum(gold[k] == got[k] for k in both) / len(both))


def test_written_postings_meet_the_targets():
    recall, precision, role_acc = _score()
    assert recall >= 0.9 and precision >= 0.95 and role_acc >= 0.85, (recall, precision, role_acc)


# -- one pass: the automaton finds exactly what the catalog's pattern finds ---------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from jdlint.toolmatch import NameScanner  # noqa: E402

_INDEX = V._tool_index
_PIECES = ["Go", "go", "R", "C", "C++", "C#", ".NET", "Node", "Node.js", "Spark", "spark", "PySpark",
           "Slack", "Slack-like", "-based", "React", "React Native", "dbt", "DBT", "AWS", "S3", "Excel",
           "Power BI", "Tableau", "k8s", "Kubernetes", " ", " ", ", ", "/", "-", ".", "@", "#", "'s", "\u2019",
           "&", "+", "_", "x", "é", "İ", "ß", "\n", "e.g. ", "Rust", "Julia", "SQL", "NoSQL", "MySQL"]


def _by_regex(scanner: NameScanner, text: str) -> list[tuple[int, int, str]]:
    rx = scanner._rx()
    if rx is None:
        return []
    return [(m.start(), m.end(), m.group(0).lower() if scanner.ignore_case else m.group(0)) for m in rx.finditer(text)]


@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_the_automaton_and_the_pattern_agree_on_any_text(text):
    for scanner in (_INDEX._any, _INDEX._case):
        assert list(scanner.finditer(text)) == _by_regex(scanner, text)


def test_the_automaton_and_the_pattern_agree_on_every_posting():
    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "fixtures").glob("*/*.md"))]
    corpus = root.parent / "shared" / "corpus" / "real"
    texts += [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.md"))] if corpus.is_dir() else []
    for text in texts:
        for scanner in (_INDEX._any, _INDEX._case):
            assert list(scanner.finditer(text)) == _by_regex(scanner, text)


@pytest.mark.parametrize("text", [
    "Report cost per acquisition by channel to the marketing leads every Monday.",
    "Office days are Monday to Friday; the team chats in channels.",
])
def test_a_day_of_the_week_is_not_the_tool_named_after_it(text):
    assert "Monday.com" not in names(text)


def test_the_tool_named_after_a_day_still_counts_in_a_list_of_tools():
    assert "Monday.com" in names("We plan sprints in Monday, Jira and Confluence.")


@pytest.mark.parametrize("text", [
    "You'll report to our design lead, Hana, who joined from a fintech last year.",
    "Hana runs the weekly critique; bring one thing you are stuck on.",
])
def test_an_acronym_written_as_a_given_name_is_a_person(text):
    assert "SAP HANA" not in names(text)


@pytest.mark.parametrize("text", [
    "Experience modelling finance data in SAP HANA and BW.",
    "You have tuned HANA calculation views for month-end reporting.",
    "Our warehouses run on Hana, Oracle and Teradata.",
])
def test_the_acronym_itself_still_counts(text):
    assert "SAP HANA" in names(text)


# -- found on an unseen tool-labelled set (bench/tooltest), written here in other words ---------

@pytest.mark.parametrize("text, tool", [
    # a release number after a capitalised name is a tool's version
    ("Our API runs on Ruby 3.2 with Sidekiq workers", "Ruby"),
    ("Upgrade the checkout from Rails 6.1 to Rails 7.1", "Ruby on Rails"),
    ("The firmware team ships Swift 5.9 code for the watch app", "Swift"),
    # "a Vue background": the word after the name says it is a skill
    ("Welcome if you come from a Vue background", "Vue.js"),
    # an adverb after a name is not an everyday phrase ("we use Confluence internally")
    ("Runbooks live where we use Confluence daily", "Confluence"),
    # tools the catalog lacked
    ("Background jobs run on Sidekiq and errors go to Honeybadger", "Honeybadger"),
    ("Grid the model output with xarray before plotting it in ParaView", "ParaView"),
    ("Admin screens are Livewire components", "Livewire"),
])
def test_versions_skill_words_and_new_catalog_entries(text, tool):
    assert tool in names(text)


@pytest.mark.parametrize("text", [
    "Pitch 3 times a quarter to the investment committee",
    "Slack 2 hours before the deadline is normal in peak season",
])
def test_a_count_after_an_ordinary_word_is_not_a_version(text):
    assert names(text) == []


def test_a_stack_section_holds_the_teams_tools():
    r = roles("# Data Engineer\n\n## What the platform looks like today\n\n"
              "Events land in BigQuery through Fivetran, and we schedule the models with Dagster.\n\n"
              "## Requirements\n\n- Strong SQL\n")
    assert r["BigQuery"] == r["Fivetran"] == r["Dagster"] == "team-stack"
    assert r["SQL"] == "required"


@pytest.mark.parametrize("text, tool", [
    # the work words of a category in the same sentence make an ordinary-word name the tool
    ("Call notes and deal reviews live in Gong", "Gong"),
    ("Crash reports and errors go to Sentry", "Sentry"),
    ("- Sequences and rep workflows in Outreach, including the sync back to Salesforce", "Outreach"),
])
def test_category_work_words_confirm_a_work_tool(text, tool):
    assert tool in names(text)


@pytest.mark.parametrize("text", [
    # ... but not a word capitalised only because it starts the sentence
    "Outreach to local schools, plus two sales events a year",
    "Pitch decks and one-pagers for investors",
])
def test_a_sentence_start_capital_is_not_a_tool(text):
    assert names(text) == []


def test_in_a_list_the_employer_named_as_itself_is_not_asked_for():
    # Datadog is the employer here ("Datadog's team"): a duty that names it as the
    # company is not a tool the hire is asked for; a requirement that asks for it still is
    found = {m.name for m in facts("# Product Engineer\n\nJoin Datadog's team in New York.\n\n"
                                   "## What you'll do\n\n- Grow adoption of Datadog as a whole across large teams\n\n"
                                   "## Requirements\n\n- Experience using Figma\n")}
    assert found == {"Figma"}
    asked = {m.name for m in facts("# Product Engineer\n\nJoin Datadog's team in New York.\n\n"
                                   "## Requirements\n\n- Experience using Datadog and Figma\n")}
    assert asked == {"Datadog", "Figma"}


@pytest.mark.parametrize("text", [
    # catalog names that are words in upper or mixed case match only as written, in tech context
    "Check the torque settings on every wheel nut",
    "Seal the window frames with putty before painting",
])
def test_upper_case_tool_names_are_not_their_words(text):
    assert names(text) == []
