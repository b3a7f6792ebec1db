"""Config discovery, extends, merging and errors that name the file and line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from jdlint import lint_text, load_config
from jdlint.config import ConfigError, ConfigFinder, glob_match
from jdlint.engine import lint_paths

from .conftest import CLEAN_BODY

BAD_TITLE = "# Data Engineer / Analytics Engineer\n\n" + CLEAN_BODY


SCHEMA_FILE = Path(__file__).resolve().parent.parent / "jdlint.schema.json"
SCHEMA = json.loads(SCHEMA_FILE.read_text())


@pytest.fixture(autouse=True)
def every_loaded_config_matches_the_schema(monkeypatch):
    """Every config these tests load successfully must validate against jdlint.schema.json,
    so the schema editors use never rejects a config jdlint accepts."""
    import jsonschema

    from jdlint import config, yamlio

    real = config._build

    def checked(chain, *args, **kw):
        cfg = real(chain, *args, **kw)
        for path, data in chain:
            errors = list(jsonschema.Draft7Validator(SCHEMA).iter_errors(yamlio.plain(data)))
            assert not errors, (path, [e.message for e in errors])
        return cfg

    monkeypatch.setattr(config, "_build", checked)


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_unknown_rule_names_file_line_and_suggestion(tmp_path):
    cfg = write(tmp_path / ".jdlint.yaml", "stack: [python]\nrules:\n  wish-list: off\n  stacked-titel: off\n")
    with pytest.raises(ConfigError) as exc:
        load_config(cfg)
    assert str(exc.value) == f"{cfg}:4: unknown rule 'stacked-titel'; did you mean 'stacked-title'?"


def test_unknown_top_level_key_and_option(tmp_path):
    cfg = write(tmp_path / "a.yaml", "stak: [python]\n")
    with pytest.raises(ConfigError, match=r"a.yaml:1: unknown key 'stak'; did you mean 'stack'"):
        load_config(cfg)
    cfg = write(tmp_path / "b.yaml", "rules:\n  wish-list:\n    severity: error\n    max_requried: 4\n")
    with pytest.raises(ConfigError, match=r"b.yaml:4: unknown option 'max_requried' for rule 'wish-list'; did you mean 'max_required'"):
        load_config(cfg)


def test_wrong_types_and_yaml_11_traps(tmp_path):
    cfg = write(tmp_path / "a.yaml", "rules:\n  wish-list:\n    max_required: many\n")
    with pytest.raises(ConfigError, match=r"a.yaml:3: option 'max_required' must be a whole number"):
        load_config(cfg)
    cfg = write(tmp_path / "b.yaml", "stack:\n  - python\n  - no\n")
    with pytest.raises(ConfigError, match=r"b.yaml:3: 'stack' entries must be strings; False is not \(quote it\)"):
        load_config(cfg)
    cfg = write(tmp_path / "c.yaml", "rules:\n  wish-list: loud\n")
    with pytest.raises(ConfigError, match=r"c.yaml:2: a rule setting must be one of off, info, warning, error"):
        load_config(cfg)


def test_unquoted_off_turns_a_rule_off(tmp_path):
    cfg = load_config(write(tmp_path / "a.yaml", "rules:\n  stacked-title: off\n  JD102: off\n"))
    assert lint_text(BAD_TITLE, cfg) == []


def test_broken_yaml_reports_line(tmp_path):
    cfg = write(tmp_path / "a.yaml", "rules:\n  wish-list: [off\n")
    with pytest.raises(ConfigError, match=r"a.yaml:\d+: invalid YAML"):
        load_config(cfg)


def test_extends_merges_dicts_and_replaces_lists(tmp_path):
    write(tmp_path / "base.yaml", "stack: [python, go]\nrules:\n  wish-list:\n    max_required: 3\n    severity: error\n")
    cfg = load_config(write(tmp_path / "team.yaml", "extends: base.yaml\nstack: [rust]\nrules:\n  wish-list:\n    max_tools_per_item: 2\n"))
    assert cfg.stack == ["rust"]
    rule = next(r for r in cfg.enabled_rules() if r.name == "wish-list")
    assert rule.options["max_required"] == 3 and rule.options["max_tools_per_item"] == 2
    assert str(rule.severity) == "error"


def test_extends_cycle_prints_the_chain(tmp_path):
    write(tmp_path / "a.yaml", "extends: b.yaml\n")
    write(tmp_path / "b.yaml", "extends: a.yaml\n")
    with pytest.raises(ConfigError) as exc:
        load_config(tmp_path / "a.yaml")
    msg = str(exc.value)
    assert "extends cycle" in msg and msg.count("a.yaml") >= 2 and "b.yaml" in msg


def test_nearest_config_wins_walking_up(tmp_path):
    write(tmp_path / ".jdlint.yaml", "rules:\n  stacked-title: warning\n")
    write(tmp_path / "team" / ".jdlint.yml", "rules:\n  stacked-title: off\n")
    a = write(tmp_path / "a.md", BAD_TITLE)
    b = write(tmp_path / "team" / "deep" / "b.md", BAD_TITLE)
    results = {r.path: r.findings for r in lint_paths([str(a), str(b)])}
    assert [str(f.severity) for f in results[str(a)]] == ["warning"]
    assert results[str(b)] == []
    finder = ConfigFinder()
    assert finder.for_path(b) is finder.for_path(tmp_path / "team" / "c.md")


def test_explicit_config_overrides_discovery(tmp_path):
    write(tmp_path / ".jdlint.yaml", "rules:\n  stacked-title: off\n")
    other = write(tmp_path / "other.yaml", "rules:\n  stacked-title: info\n")
    a = write(tmp_path / "a.md", BAD_TITLE)
    (res,) = list(lint_paths([str(a)], config=str(other)))
    assert [str(f.severity) for f in res.findings] == ["info"]


def test_include_and_exclude(tmp_path):
    write(tmp_path / ".jdlint.yaml", "exclude: ['drafts/', '**/*.tmp.md']\ninclude: ['postings/**']\n")
    write(tmp_path / "postings" / "a.md", BAD_TITLE)
    write(tmp_path / "postings" / "b.tmp.md", BAD_TITLE)
    write(tmp_path / "drafts" / "c.md", BAD_TITLE)
    write(tmp_path / "README.md", BAD_TITLE)
    found = sorted(r.path for r in lint_paths([str(tmp_path)]))
    assert found == [str(tmp_path / "postings" / "a.md")]
    # exclude applies to files named explicitly, too (pre-commit passes them)
    assert list(lint_paths([str(tmp_path / "drafts" / "c.md")])) == []


def test_glob_match():
    assert glob_match("drafts/a.md", "drafts/")
    assert glob_match("x/y/old-1.md", "**/old-*.md")
    assert glob_match("x/y/old-1.md", "old-*.md")
    assert not glob_match("postings/a.md", "drafts/")
    assert glob_match("postings/team/a.md", "postings/**")


def test_front_matter_overrides_stack_and_disables_rules():
    text = ("---\njdlint:\n  stack: [python]\n  disable: [missing-first-problem, unanswered-questions]\n---\n"
            "# Go Engineer\n\n- Services in Go\n")
    found = [(f.rule, f.match) for f in lint_text(text, {"stack": ["go", "python"]})]
    assert found == [("tool-not-in-stack", "Go")]


def test_vocab_additions(tmp_path):
    cfg = load_config(write(tmp_path / "a.yaml", "stack: [python]\nvocab:\n  tools:\n    - {name: Frobnicator, aliases: [frob]}\n"
                                                 "  sections:\n    first_problem: [mission zero]\n"))
    text = "# ML Engineer\n\n## Mission zero\n\nFix search.\n\n- Frob pipelines in Python\n"
    found = [(f.rule, f.match) for f in lint_text(text, cfg) if f.rule != "unanswered-questions"]
    assert found == [("tool-not-in-stack", "Frob")]


def test_a_config_tool_can_date_its_major_versions(tmp_path):
    cfg = load_config(write(tmp_path / "a.yaml", "vocab:\n  tools:\n    - name: Frobnicator\n      first_release: '2010-01'\n"
                                                 "      versions: {3: '2024-06'}\n"))
    text = "# Engineer\n\n## Requirements\n\n- 4+ years of Frobnicator 3\n- 9 years of Frobnicator\n"
    found = [f.message.split(":")[0] for f in lint_text(text, cfg) if f.rule == "impossible-experience"]
    assert found == ["4+ years of Frobnicator 3"]


def test_vocab_errors(tmp_path):
    cfg = write(tmp_path / "a.yaml", "vocab:\n  first_problem_cues: ['(unclosed']\n")
    with pytest.raises(ConfigError, match=r"a.yaml:2: invalid regular expression"):
        load_config(cfg)
    cfg = write(tmp_path / "b.yaml", "vocab:\n  sections:\n    requirments: [x]\n")
    with pytest.raises(ConfigError, match=r"b.yaml:3: unknown section kind 'requirments'; did you mean 'requirements'"):
        load_config(cfg)


def test_config_alias_bomb_is_refused(tmp_path):
    cfg = write(tmp_path / "a.yaml", "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nstack: *b\n")
    with pytest.raises(ConfigError, match=r"a.yaml:2: anchors and aliases are not allowed"):
        load_config(cfg)


def test_stage_and_require_salary_keys(tmp_path):
    cfg = load_config(write(tmp_path / "a.yaml", "stage: seed\nrequire_salary: always\n"))
    text = "# ML Engineer\n\n## Requirements\n\n- Kubernetes in production\n"
    rules = [f.rule for f in lint_text(text, cfg)]
    assert "stage-mismatch" in rules and "missing-salary-range" in rules
    assert "stage-mismatch" not in [f.rule for f in lint_text(text)]
    with pytest.raises(ConfigError, match=r"a2.yaml:1: 'stage' must be one of seed, series-a, scaleup, enterprise \(got 'sead'\); did you mean 'seed'"):
        load_config(write(tmp_path / "a2.yaml", "stage: sead\n"))
    with pytest.raises(ConfigError, match=r"a3.yaml:2: option 'require_salary' must be one of always, covered-locations, never"):
        load_config(write(tmp_path / "a3.yaml", "rules:\n  missing-salary-range: {require_salary: sometimes}\n"))


def test_employer_is_validated_with_file_and_line(tmp_path):
    cfg = tmp_path / ".jdlint.yaml"
    cfg.write_text("stack: [python]\nemployer:\n  size: 40\n  type: goverment\n")
    with pytest.raises(ConfigError, match=r"\.jdlint\.yaml:4: 'employer': 'type' must be one of private, federal"):
        load_config(cfg)
    cfg.write_text("employer: {size: -3}\n")
    with pytest.raises(ConfigError, match=r"'size' must be a whole number"):
        load_config(cfg)
    cfg.write_text("employer: {size: 40, type: state}\n")
    assert load_config(cfg).employer.size == 40


def test_a_law_reaches_only_the_employers_it_covers():
    posting = "# Data Engineer\n\nBased in our Ottawa office.\n\nBuild pipelines.\n"

    def salary(config):
        return [f.message for f in lint_text(posting, config, select=["missing-salary-range"])]

    (msg,) = salary(None)  # unknown employer: the law is assumed to apply, and says its reach
    assert "'Ottawa'" in msg and "25+ employees" in msg
    assert salary({"employer": {"type": "federal"}}) == []
    assert salary({"employer": {"size": 24}}) == []
    assert len(salary({"employer": {"size": 25, "type": "private"}})) == 1
    dc = "# Data Engineer\n\nHybrid from our Washington, DC office.\n"
    assert lint_text(dc, {"employer": {"type": "municipal"}}, select=["missing-salary-range"]) == []


def test_unknown_stack_name_is_a_config_error_with_a_suggestion(tmp_path):
    # Issue 13: `stack: [pythn]` was accepted, then every Python mention was reported.
    cfg = write(tmp_path / ".jdlint.yaml", "stack:\n  - python\n  - pythn\n")
    with pytest.raises(ConfigError) as exc:
        load_config(cfg)
    assert str(exc.value).startswith(f"{cfg}:3: unknown tool 'pythn' in 'stack'; did you mean 'Python'?")
    assert "vocab: tools:" in str(exc.value)
    # aliases, any case, versions and the team's own tools are fine
    ok = write(tmp_path / "ok.yaml", "stack: [K8s, Postgres, 'Python 3.12', frob]\n"
               "vocab:\n  tools:\n    - {name: Frobnicator, aliases: [frob], category: internal}\n")
    assert load_config(ok).stack == ["K8s", "Postgres", "Python 3.12", "frob"]


def test_unknown_stack_flag_is_exit_2(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from jdlint.cli import main

    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.md", BAD_TITLE)
    r = CliRunner().invoke(main, ["--stack", "postgress", "a.md"])
    assert r.exit_code == 2 and "--stack: unknown tool 'postgress'; did you mean" in r.stderr
    r = CliRunner().invoke(main, ["--stack", "postings/", "a.md"])  # a path given to --stack
    assert r.exit_code == 2 and "unknown tool 'postings/'" in r.stderr


def test_nested_config_replaces_the_parent_unless_it_extends_it(tmp_path):
    # The nearest config wins whole; `extends:` is how a nested config keeps the parent's
    # stack (mappings merge key by key, lists such as `stack` replace). README: Configuration.
    write(tmp_path / ".jdlint.yaml", "stack: [python, postgres]\nrules:\n  wish-list: {max_required: 3}\n")
    write(tmp_path / "alone" / ".jdlint.yaml", "rules:\n  stacked-title: off\n")
    write(tmp_path / "child" / ".jdlint.yaml", "extends: ../.jdlint.yaml\nrules:\n  stacked-title: off\n")
    write(tmp_path / "own" / ".jdlint.yaml", "extends: ../.jdlint.yaml\nstack: [go]\n")
    finder = ConfigFinder()
    alone = finder.for_path(tmp_path / "alone" / "a.md")
    child = finder.for_path(tmp_path / "child" / "a.md")
    own = finder.for_path(tmp_path / "own" / "a.md")
    assert alone.stack is None and "wish-list" not in alone.rules
    assert child.stack == ["python", "postgres"] and child.stack_from == str(tmp_path / ".jdlint.yaml")
    assert child.rules["wish-list"].options == {"max_required": 3} and child.rules["stacked-title"].enabled is False
    assert own.stack == ["go"] and own.stack_from == str(tmp_path / "own" / ".jdlint.yaml")


def test_max_tools_per_item_is_the_most_allowed():
    # Issue 13: `max_tools_per_item: 5` reported a bullet with 5 tools, while `max_required: 8`
    # allows 8 items. Every max_ option is now the most allowed.
    five = "# Data Engineer\n\n## Requirements\n\n- Python, Spark, Kafka, Airflow and Kubernetes\n"
    cfg = {"rules": {"wish-list": {"max_tools_per_item": 5}}}
    assert not [f for f in lint_text(five, cfg, select=["wish-list"])]
    cfg = {"rules": {"wish-list": {"max_tools_per_item": 4}}}
    found = lint_text(five, cfg, select=["wish-list"])
    assert len(found) == 1 and "names 5 tools" in found[0].message and "more than 4" in found[0].message



def test_schema_file_is_current_and_names_every_key_and_rule():
    from jdlint.registry import builtin_rules
    from jdlint.schema import config_schema

    assert json.loads(SCHEMA_FILE.read_text()) == config_schema(), "run scripts/gen_config_schema.py"
    rules = SCHEMA["properties"]["rules"]["properties"]
    for rule in builtin_rules():
        assert rule.name in rules and rule.id in rules


def test_schema_accepts_the_documented_configs_and_rejects_what_the_loader_rejects(tmp_path):
    import re

    import jsonschema
    import yaml

    from jdlint.cli import STARTER

    readme = (SCHEMA_FILE.parent / "README.md").read_text()
    example = re.search(r"## Configuration.*?```yaml\n(.*?)```", readme, re.S).group(1)
    for text in (STARTER, example):
        jsonschema.validate(yaml.safe_load(text), SCHEMA)
    bad = ["stak: [python]\n", "rules:\n  wish-list: {max_required: -1}\n", "rules:\n  wish-list: {max_requird: 3}\n",
           "stage: unicorn\n", "employer: {size: many}\n", "rules:\n  JD103: loud\n", "require_salary: sometimes\n",
           "vocab:\n  tool: []\n", "rules:\n  gendered-wording: {words: all}\n"]
    for text in bad:
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(yaml.safe_load(text), SCHEMA)
        with pytest.raises(ConfigError):
            load_config(write(tmp_path / "bad.yaml", text))


def test_a_long_running_finder_rereads_a_config_when_its_extends_base_changes(tmp_path):
    import os

    from jdlint.config import ReloadingConfigFinder

    shared = tmp_path / "shared"
    shared.mkdir()
    base = shared / "base.yaml"
    base.write_text("rules:\n  stacked-title: off\n", encoding="utf-8")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / ".jdlint.yaml").write_text("extends: ../shared/base.yaml\n", encoding="utf-8")
    finder = ReloadingConfigFinder()

    def enabled() -> set[str]:
        return {r.name for r in finder.for_path(repo / "a.md").enabled_rules()}

    assert "stacked-title" not in enabled() and "gendered-wording" in enabled()
    base.write_text("rules:\n  gendered-wording: off\n", encoding="utf-8")
    os.utime(base, ns=(10**9, 10**9))  # a different modification time, whatever the clock
    assert "stacked-title" in enabled() and "gendered-wording" not in enabled()
