"""Team rules without code: packs of YAML rules over the generic kinds."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from jdlint import lint_text, load_config
from jdlint.patterns import PatternTimeout
from jdlint.cli import main
from jdlint.config import ConfigError
from jdlint.registry import load_rules_from

ROOT = Path(__file__).resolve().parent.parent
PACK = ROOT / "examples" / "pack"


def cfg_with_pack(tmp_path, extra=""):
    (tmp_path / ".jdlint.yaml").write_text(f"packs: [{PACK}]\n{extra}")
    return load_config(tmp_path / ".jdlint.yaml")


@pytest.mark.parametrize("rule", load_rules_from(PACK), ids=lambda r: r.name)
def test_example_pack_rules_fire_on_bad_and_not_on_good(tmp_path, rule):
    cfg = cfg_with_pack(tmp_path)
    for text in rule.examples["bad"]:
        assert [f for f in lint_text(text, cfg) if f.rule == rule.name]
    for text in rule.examples["good"]:
        assert not [f for f in lint_text(text, cfg) if f.rule == rule.name]


def test_occurrence_reports_the_first_match_past_the_limit(tmp_path):
    cfg = cfg_with_pack(tmp_path)
    text = "# T\n\n" + "".join(f"- You must do thing {i}\n" for i in range(7))
    (f,) = [f for f in lint_text(text, cfg) if f.rule == "too-many-musts"]
    assert (f.line, f.column) == (8, 7) and "'7' musts" in f.message


def test_substitution_fix_through_the_cli(tmp_path):
    cfg_with_pack(tmp_path)
    p = tmp_path / "a.md"
    p.write_text("# Data Engineer\n\nE-mail us about on-boarding.\n")
    r = CliRunner().invoke(main, ["--fix", str(p)])
    assert "fixed 2 findings" in r.output
    assert p.read_text() == "# Data Engineer\n\nEmail us about onboarding.\n"


def test_pack_rules_take_config_settings(tmp_path):
    cfg = cfg_with_pack(tmp_path, "rules:\n  too-many-musts:\n    max: 0\n  TEAM003: off\n")
    found = lint_text("# T\n\nYou must enjoy foosball.\n", cfg)
    assert [f.rule for f in found if f.rule.startswith(("too-many", "hollow"))] == ["too-many-musts"]


def _pack(tmp_path, body: str) -> Path:
    folder = tmp_path / "pack"
    folder.mkdir(exist_ok=True)
    (folder / "X001-x.yaml").write_text(body)
    (tmp_path / ".jdlint.yaml").write_text("packs: [pack]\n")
    return tmp_path / ".jdlint.yaml"


BASE = ("id: X001\nname: x\nkind: existence\nseverity: warning\nmessage: m\nwhy: w\ninstead: i\n"
        "examples: {bad: [], good: []}\n")


def test_a_pattern_that_times_out_is_an_error_naming_rule_and_file(tmp_path):
    cfg = load_config(_pack(tmp_path, BASE + "options:\n  patterns: ['^(a|aa)+$']\n  timeout: 0.2\n"))
    text = "# T\n\n" + "a" * 60 + "b\n"
    started = time.monotonic()
    with pytest.raises(PatternTimeout) as exc:
        lint_text(text, cfg)
    assert time.monotonic() - started < 10
    assert "rule 'x'" in str(exc.value) and "X001-x.yaml" in str(exc.value)
    # On the command line: a one-line error, exit 2, and the other files still linted.
    (tmp_path / "a.md").write_text(text)
    (tmp_path / "b.md").write_text("# Data Engineer / Data Scientist\n")
    r = CliRunner().invoke(main, [str(tmp_path / "a.md"), str(tmp_path / "b.md")])
    assert r.exit_code == 2
    assert "a.md: error: rule 'x'" in r.output and "b.md:1:3: warning stacked-title" in r.output


def test_a_pack_file_cannot_execute_code(tmp_path):
    marker = tmp_path / "pwned"
    body = BASE.replace("severity: warning", f"severity: !!python/object/apply:os.system ['touch {marker}']")
    with pytest.raises(ConfigError) as exc:
        load_config(_pack(tmp_path, body))
    assert not marker.exists()
    assert "X001-x.yaml:4:" in str(exc.value)


def test_bad_pack_patterns_and_options_name_the_line(tmp_path):
    with pytest.raises(ConfigError, match=r"X001-x.yaml:10: option 'patterns': invalid regular expression"):
        load_config(_pack(tmp_path, BASE + "options:\n  patterns: ['(unclosed']\n"))
    with pytest.raises(ConfigError, match=r"X001-x.yaml:10: unknown option 'token'.*did you mean 'tokens'"):
        load_config(_pack(tmp_path, BASE + "options:\n  token: [x]\n"))
    with pytest.raises(ConfigError, match=r"X001-x.yaml:3: unknown kind 'existance'; did you mean 'existence'"):
        load_config(_pack(tmp_path, BASE.replace("kind: existence", "kind: existance")))


def test_pack_rule_cannot_reuse_a_builtin_name(tmp_path):
    with pytest.raises(ConfigError, match="already used"):
        load_config(_pack(tmp_path, BASE.replace("name: x", "name: wish-list")))


def test_select_a_pack_rule_from_the_command_line(tmp_path, monkeypatch):
    cfg_with_pack(tmp_path)
    (tmp_path / "a.md").write_text("# T\n\nWe have foosball and free beer.\n")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["--select", "hollow-perks", "--no-color", "a.md"])
    assert r.exit_code == 0 and r.output.count("hollow-perks") == 2, r.output


@pytest.mark.parametrize("message, why", [
    ("'{match.__class__.__mro__}'", "is not allowed"),
    ("{0}", "is not allowed"),
    ("{match:>1500000000}", "format spec"),
    ("{match!r}", "conversion"),
    ("{suggestion}", "unknown placeholder {suggestion} for a existence rule"),
])
def test_pack_messages_allow_only_the_kinds_placeholders(tmp_path, message, why):
    """A pack message is a template over the kind's declared fields, checked when the pack
    loads: no attribute walks, positional fields, huge widths or unknown names."""
    body = BASE.replace("message: m", f'message: "{message}"')
    with pytest.raises(ConfigError) as exc:
        load_config(_pack(tmp_path, body))
    assert "X001-x.yaml:5:" in str(exc.value) and why in str(exc.value)


def test_match_is_filled_in_pack_messages(tmp_path):
    cfg = cfg_with_pack(tmp_path)
    found = [f for f in lint_text("# T\n\nFree beer on Fridays.\n", cfg) if f.rule == "hollow-perks"]
    assert [f.message for f in found] == [
        "'Free beer' is a hollow perk; describe the benefits that matter (pay, leave, learning)"]


def test_a_pack_cannot_ask_for_an_unbounded_time_limit(tmp_path):
    with pytest.raises(ConfigError, match="option 'timeout' must be more than 0 and at most 10 seconds"):
        load_config(_pack(tmp_path, BASE + "options:\n  tokens: [x]\n  timeout: 1000000000\n"))


def test_the_time_limit_is_per_posting_not_per_block(tmp_path):
    """b2: a slow pattern spread over many blocks must stop at the rule's limit for the whole
    posting, not run the limit once per block."""
    cfg = load_config(_pack(tmp_path, BASE + "options:\n  patterns: ['(a|aa)+$']\n  timeout: 1\n"))
    # Each block alone takes well under the limit (about 0.1 s); 200 of them take 20 s.
    text = "# T\n\n" + "\n\n".join("a" * 26 + "!" for _ in range(200)) + "\n"
    started = time.monotonic()
    with pytest.raises(PatternTimeout):
        lint_text(text, cfg)
    assert time.monotonic() - started < 8


def test_many_cheap_matches_are_not_reported_as_slow(tmp_path):
    """b9: the limit bounds the matching, not building the findings of a cheap pattern."""
    cfg = load_config(_pack(tmp_path, BASE + "options:\n  tokens: [python]\n  timeout: 0.5\n"))
    text = "# T\n\n" + "python " * 60000 + "\n"
    found = lint_text(text, cfg, select=["x"])
    assert len(found) == 60000


def test_list_rules_explain_and_sarif_know_the_pack_rules(tmp_path, monkeypatch):
    # Issue 13: `--explain TEAM003` said "unknown rule" inside the folder whose config loads
    # the pack, and SARIF results for pack rules had no rule in tool.driver.rules.
    import json

    shutil.copytree(PACK, tmp_path / "pack")
    (tmp_path / ".jdlint.yaml").write_text("packs: [pack/]\n")
    (tmp_path / "a.md").write_text("# Data Engineer\n\nWe have a ping-pong table and free beer.\n")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["--list-rules"])
    assert any(l.startswith("TEAM003") and "hollow-perks" in l for l in r.output.splitlines())
    r = CliRunner().invoke(main, ["--explain", "Hollow-Perks"])
    assert r.exit_code == 0 and "TEAM003 hollow-perks" in r.output
    r = CliRunner().invoke(main, ["--format", "sarif", "a.md"])
    run = json.loads(r.stdout)["runs"][0]
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    team = [res for res in run["results"] if res["ruleId"] == "TEAM003"]
    assert team and all(ids[res["ruleIndex"]] == "TEAM003" for res in team)
