"""tool-not-in-stack on requirement lines written for these tests, in many phrasings: what a
team with the given stack is told, tool by tool.

Each case is (stack, the posting's body under its title, the tools reported). The phrasings are
deliberately not the corpus's: other tools, other ways of saying "for example", "any of",
"something like", "or similar", brackets and slashes, so a fix that only learned one posting's
words fails here.
"""
from __future__ import annotations

import re

import pytest

from jdlint.engine import lint_text


def reported(stack: list[str], body: str, **options) -> set[str]:
    cfg: dict = {"stack": stack}
    if options:
        cfg["rules"] = {"tool-not-in-stack": dict(options)}
    found = lint_text("# Engineer\n\n" + body, cfg)
    return {re.match(r"'(.+?)' is", f.message).group(1) for f in found if f.rule == "tool-not-in-stack"}


REQ = "## Requirements\n\n"


def cases(rows):
    """pytest params named by their posting line."""
    return [pytest.param(*row, id=row[1].strip().lstrip("#- ").split("\n")[-1].lstrip("- ")[:60]) for row in rows]

# -- one of several options: fine when the team's tool is among them ------------------------

CHOICES = [
    (["python"], "- Experience with a statically typed language, for instance Kotlin, Rust or Python\n", set()),
    (["python"], "- Any of Rust, Kotlin, or Python\n", set()),
    (["python"], "- Any one of: Java / Kotlin / Python\n", set()),
    (["python"], "- Proficient in at least one of (for example) Kotlin, Swift, or Python\n", set()),
    (["python"], "- A language such as Elixir, Clojure or Python\n", set()),
    (["aws"], "- Production work on a public cloud (something like Azure, Google Cloud, or Amazon Web Services)\n", set()),
    (["gcp"], "- Shipping containers to managed cloud vendors (e.g., Azure, AWS, Google Cloud)\n", set()),
    (["terraform"], "- Infrastructure as code (Pulumi, Terraform, CloudFormation, or similar)\n", set()),
    (["python", "dagster"], "- Python and a workflow engine (Dagster, Prefect, or similar)\n", set()),
    (["python", "duckdb"], "- Data wrangling in something like Polars or DuckDB\n", set()),
    (["python", "git"], "- Version control with Mercurial/Git\n", set()),
    # none of the options is the team's: the list is reported, each tool once
    (["python"], "- Python and a workflow engine (Dagster, Prefect, or similar)\n", {"Dagster", "Prefect"}),
    (["python"], "- Data wrangling in something like Polars or DuckDB\n", {"Polars", "DuckDB"}),
    (["python"], "- Queues: RabbitMQ, NATS or similar\n", {"RabbitMQ", "NATS"}),
    (["python"], "- Experience with Kafka, Flink, or Pulsar\n", {"Kafka", "Flink", "Apache Pulsar"}),
    (["python"], "- You have shipped work with tools like Vercel, Netlify, Heroku, etc.\n", {"Vercel", "Netlify", "Heroku"}),
]


@pytest.mark.parametrize("stack, body, tools", cases(CHOICES))
def test_a_choice_is_reported_only_when_none_of_its_options_is_the_teams(stack, body, tools):
    assert reported(stack, REQ + body) == tools


# -- lists that hold more than catalog tools ---------------------------------------------------

LISTS = [
    # names the catalog does not know sit between the tools of one example list
    (["aws"], "- Hosting providers (e.g., Linode, DigitalOcean, Kamatera/Contabo, AWS)\n", set()),
    (["python"], "- Modelling tools (e.g., Visual Paradigm, dbdiagram, Lucidchart, etc.) and SQL\n", {"Lucidchart", "SQL"}),
    # an option that needs no tool at all: the ask can be met without the named one
    (["python"], "- Designing APIs over gRPC or in a REST style\n", set()),
    (["python"], "- Designing services in an event-driven way or with Kafka\n", set()),
    (["python"], "- You keep up with new vulnerabilities, be it from GitHub advisories, mailing lists, or Mastodon\n", set()),
    (["python"], "- You stay current on threats through Hacker News, vendor advisories, or the Snyk blog\n", set()),
    (["python"], "- Experience with pair programming, code review, or a hosted forge such as GitLab\n", set()),
    # "technologies like ...": a head that names no kind of tool
    (["python"], "- You have built with modern technologies such as Svelte, Deno, Bun\n", set()),
    # the ask is an idea; the tools illustrate it
    (["python"], "- Has hands-on knowledge of event-driven design patterns, for example Temporal or Kafka\n", set()),
    (["python"], "- Familiarity with observability practices such as Prometheus\n", set()),
    (["python"], "- Experience with message brokers such as Kafka\n", {"Kafka"}),
    # an "or" after brackets joins the phrase the brackets belong to
    (["python"], "- Fluency in Julia (with Flux and DataFrames.jl), or Python\n", set()),
    (["python"], "- Strong Python (Django, FastAPI), or Go\n", set()),
    (["python"], "- Strong analytics in Python with its numerical stack (SciPy, statsmodels, seaborn), or in Stata\n", set()),
    (["python"], "- Proficiency in a compiled language (for example Java) or in a scripting language (for example Python)\n", set()),
    (["python"], "- Scripting (say, Python) and/or a numerical environment (say, MATLAB)\n", set()),
    (["python"], "- Python, or a JVM language such as Kotlin\n", set()),
    (["python"], "- Rust, or a JVM language such as Kotlin\n", {"Rust", "Java", "Kotlin"}),
    # "can include": the languages a duty may touch, one of them the team's
    (["python"], "## What you'll do\n\n- Review pull requests, which may include Rust, Python, and Bash\n", set()),
]


@pytest.mark.parametrize("stack, body, tools", cases(LISTS))
def test_lists_with_other_items(stack, body, tools):
    body = body if body.startswith("##") else REQ + body
    assert reported(stack, body) == tools


# -- what must still be reported -----------------------------------------------------------

REQUIRED = [
    (["python"], "- Solid understanding of Go fundamentals (e.g., dealing with concurrency, error handling, unit testing).\n", {"Go"}),
    (["python"], "- Deep knowledge of Rust and its async ecosystem\n", {"Rust"}),
    (["python"], "- Ship the frontend in React and TypeScript\n", {"React", "TypeScript"}),
    (["python"], "- Build pipelines on Airflow and deploy to Kubernetes\n", {"Airflow", "Kubernetes"}),
    (["python"], "- Python, and deploy on Kubernetes\n", {"Kubernetes"}),
    (["python"], "- Python or R, and Spark\n", {"Apache Spark"}),
    (["python"], "- Java, Scala, or Kotlin\n", {"Java", "Scala", "Kotlin"}),
    (["python"], "- Experience with Kubernetes, and on-call work with Terraform\n", {"Kubernetes", "Terraform"}),
    (["python"], "- Experience with job schedulers like Slurm\n", {"Slurm"}),
    # the "or" of one list is not another list's
    (["python"], "- Strong SQL and Python skills, and experience with Spark or Databricks\n",
     {"SQL", "Apache Spark", "Databricks"}),
    # an "or" between two duties, not two ways to do one
    (["python"], "- You will maintain our Jenkins pipelines or migrate them to GitHub Actions\n", {"Jenkins", "GitHub Actions"}),
    (["python"], "- Good with Docker, or a scheduler such as Nomad\n", {"Docker"}),
    (["postgresql"], "- SQL on Postgres (or MySQL), and Redis for caching\n", {"SQL", "Redis"}),
    (["python"], "- Using Java, or Kotlin, on Android\n", {"Java", "Kotlin", "Android SDK"}),
    (["python"], "- Statistics in a language of your choice, e.g. Python, R or Julia; Tableau for reporting\n", {"Tableau"}),
    (["python"], "- Experience with Data Visualization Tools (E.g. Metabase, Superset, Redash)\n",
     {"Metabase", "Apache Superset", "Redash"}),
    (["python"], "## Responsibilities\n\n- Migrate the reports from Looker to Tableau\n", {"Looker", "Tableau"}),
]


@pytest.mark.parametrize("stack, body, tools", cases(REQUIRED))
def test_required_tools_are_reported(stack, body, tools):
    body = body if body.startswith("##") else REQ + body
    assert reported(stack, body) == tools


def test_a_nice_to_have_is_reported_only_with_report_preferred():
    for body in (REQ + "- Python\n\n## Nice to have\n\n- Go\n", REQ + "- Python; Go is a plus\n",
                 REQ + "- A typed language, ideally Haskell\n",
                 REQ + "- Familiarity with Scala, Julia, etc. is helpful but not always needed\n"):
        assert reported(["python"], body) == set(), body
    assert reported(["python"], REQ + "- Python; Go is a plus\n", report_preferred=True) == {"Go"}


def test_who_would_enjoy_the_job_is_not_a_requirement():
    body = ("People with deep experience in Rails are going to love it here, but we welcome anyone.\n\n"
            "If you are interested in Clojure, read on.\n\n" + REQ + "- Python\n- Operating our Nomad clusters\n")
    assert reported(["python"], body) == {"Nomad"}
    assert reported(["python"], body, report_preferred=True) == {"Nomad", "Ruby on Rails", "Clojure"}


def test_a_bracket_that_prefers_a_tool_prefers_only_that_tool():
    body = REQ + "- Event streaming with Kafka, Pulsar, or Kinesis (Kinesis preferred)\n"
    assert reported(["python"], body) == {"Kafka", "Apache Pulsar", "Amazon Kinesis"}
    assert reported(["python", "aws"], body) == set()


def test_a_tool_in_the_title_of_a_linked_page_is_a_reference():
    body = (REQ + "- Python\n- Write [Terraform](https://example.com/tf) modules for the new accounts\n"
            "- Read [Grafana Dashboard Best Practices](https://example.com/g) before you start\n\n"
            "## Further reading\n\n- [The Stripe API Design Guide](https://example.com/guide)\n"
            "- [Kubernetes Production Readiness Checklist](https://example.com/k)\n"
            "- [the Kafka documentation](https://example.com/kafka)\n")
    assert reported(["python"], body) == {"Terraform"}


def test_the_message_names_the_other_options_even_those_the_catalog_does_not_know():
    found = lint_text("# Engineer\n\n" + REQ + "- Monorepo build systems (e.g., Pants, Bazel, Buck2, etc.)\n"
                      "- Diagramming tools (for instance Visual Paradigm, Lucidchart or OmniGraffle)\n", {"stack": ["python"]})
    assert [f.message for f in found if f.rule == "tool-not-in-stack"] == [
        "'Bazel' is offered with Pants, Buck2 as options, but none of them is in the team's stack; "
        "name the team's tool or drop the list",
        "'Lucidchart' is offered with Visual Paradigm, OmniGraffle as options, but none of them is in the team's stack; "
        "name the team's tool or drop the list"]


def test_accept_alternatives_false_reports_every_option():
    body = REQ + "- Designing APIs over gRPC or in a REST style\n- Any of Rust, Kotlin, or Python\n"
    assert reported(["python"], body, accept_alternatives=False) == {"gRPC", "Rust", "Kotlin"}
