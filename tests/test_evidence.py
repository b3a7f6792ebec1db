"""Every rule says how strong its evidence is and where it comes from (issue 14)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from jdlint import load_config
from jdlint.cli import main
from jdlint.config import ConfigError
from jdlint.finding import Severity
from jdlint.registry import EVIDENCE_GRADES, builtin_rules

RULES = builtin_rules()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_builtin_rule_has_a_grade_and_sources(rule):
    assert rule.evidence in EVIDENCE_GRADES
    assert rule.sources, f"{rule.id} cites no source"
    for src in rule.sources:
        assert src["title"] and src["publisher"] and 1900 <= src["year"] <= 2100
        assert src["url"].startswith(("https://", "http://"))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_a_practice_only_builtin_rule_is_never_an_error_by_default(rule):
    if rule.evidence == "practice":
        assert rule.severity < Severity.ERROR


def test_gendered_wording_is_graded_as_lab_study_and_cites_the_field_study():
    (rule,) = [r for r in RULES if r.name == "gendered-wording"]
    assert rule.evidence == "study" and rule.severity is Severity.INFO
    assert any("Castilla" in s["publisher"] and s["year"] == 2023 for s in rule.sources)
    assert "300,000" in rule.why


def test_the_unsourced_100_percent_claim_is_nowhere(tmp_path):
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    for path in [root / "README.md", *(root / "docs").glob("*.md"), *(root / "rules").rglob("*.yaml")]:
        text = path.read_text(encoding="utf-8")
        assert "only when they meet 100" not in text and "unless they meet 100" not in text.lower(), path
    for r in RULES:
        for m in (r.message.values() if isinstance(r.message, dict) else [r.message]):
            assert "100%" not in m


def _pack(tmp_path, extra: str, severity: str = "warning"):
    folder = tmp_path / "pack"
    folder.mkdir(exist_ok=True)
    (folder / "X001-x.yaml").write_text(
        "id: X001\nname: x\nkind: existence\nseverity: " + severity + "\nmessage: 'm {match}'\nwhy: w\ninstead: i\n"
        "options:\n  tokens: [foo]\nexamples:\n  bad: ['foo']\n  good: ['bar']\n" + extra)
    (tmp_path / ".jdlint.yaml").write_text("packs: [pack]\n")
    return tmp_path / ".jdlint.yaml"


SRC = "sources:\n  - {title: T, publisher: P, year: 2020, url: 'https://example.org/t'}\n"


def test_an_unknown_grade_is_a_config_error_naming_file_and_line(tmp_path):
    cfg = _pack(tmp_path, "evidence: anecdote\n" + SRC)
    with pytest.raises(ConfigError) as exc:
        load_config(cfg)
    assert "X001-x.yaml:13:" in str(exc.value) and "unknown evidence grade 'anecdote'" in str(exc.value)


@pytest.mark.parametrize("src, words", [
    ("sources:\n  - {title: T, publisher: P, year: 20, url: 'https://e.org'}\n", "'year'"),
    ("sources:\n  - {title: T, publisher: P, year: 2020, url: 'ftp://e.org'}\n", "'url'"),
    ("sources:\n  - {title: T, year: 2020, url: 'https://e.org'}\n", "'publisher'"),
    ("sources:\n  - {title: T, publisher: P, year: 2020, url: 'https://e.org', doi: x}\n", "unknown source key 'doi'"),
    ("sources: []\n", "non-empty list"),
    ("", "needs 'sources'"),
])
def test_bad_sources_are_config_errors(tmp_path, src, words):
    with pytest.raises(ConfigError) as exc:
        load_config(_pack(tmp_path, "evidence: study\n" + src))
    assert words in str(exc.value) and "X001-x.yaml:" in str(exc.value)


def test_a_practice_only_pack_rule_may_not_default_to_error(tmp_path):
    with pytest.raises(ConfigError) as exc:
        load_config(_pack(tmp_path, "evidence: practice\n" + SRC, severity="error"))
    assert "X001-x.yaml:4:" in str(exc.value) and "practice" in str(exc.value)
    # a stronger grade may, and a team's config may still raise a practice rule
    assert load_config(_pack(tmp_path, "evidence: law\n" + SRC, severity="error")).ruleset.get("x").evidence == "law"


def test_explain_prints_grade_and_sources_for_every_builtin_rule():
    for rule in RULES:
        out = CliRunner().invoke(main, ["--explain", rule.id]).output
        assert f"Evidence: {rule.evidence}" in out and "Sources:" in out
        for src in rule.sources:
            assert src["url"] in out


def test_sarif_rule_help_carries_the_evidence(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("# Data Engineer\n\nBuild pipelines.\n")
    doc = json.loads(CliRunner().invoke(main, ["--format", "sarif", str(p)]).output)
    rules = {r["id"]: r for r in doc["runs"][0]["tool"]["driver"]["rules"]}
    assert "Evidence: study" in rules["JD204"]["help"]["text"]
    assert "Castilla" in rules["JD204"]["help"]["markdown"]
    assert rules["JD206"]["properties"]["evidence"] == "law"


def test_html_report_shows_the_evidence_beside_a_finding(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("# Data Engineer\n\nWe want an aggressive, ambitious and competitive engineer to dominate our market.\n")
    out = tmp_path / "r.html"
    CliRunner().invoke(main, ["--report", str(out), "--format", "json", str(p)])
    html = out.read_text()
    assert '<details class="evidence"><summary>Evidence: study</summary>' in html
    assert "https://doi.org/10.1037/a0022530" in html


def test_the_example_pack_shows_a_graded_pack_rule():
    from pathlib import Path

    from jdlint.registry import load_rules_from

    pack = {r.id: r for r in load_rules_from(Path(__file__).resolve().parent.parent / "examples" / "pack")}
    assert pack["TEAM003"].evidence == "practice" and pack["TEAM003"].sources
    for r in pack.values():  # a practice-only or ungraded team rule is never an error by default here
        assert r.evidence != "practice" or r.severity < Severity.ERROR
