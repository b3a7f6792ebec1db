"""The compliance pack (issue 14): legal facts as data, on with `packs: [compliance]` or
`compliance: true`, judged as of the run date."""
from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from jdlint import lint_text, load_config
from jdlint.checks.compliance import compliance_data
from jdlint.cli import main
from jdlint.config import ConfigError
from jdlint.finding import Severity
from jdlint.registry import builtin_rules

PACK = [r for r in builtin_rules() if r.pack == "compliance"]
ONTARIO = "---\nlocation: Toronto, ON\n---\n# Data Engineer\n\n- 3+ years of Canadian experience\n"


def names(found, only=None):
    return [f.rule for f in found if f.rule in {r.name for r in PACK} and (only is None or f.rule == only)]


def test_the_pack_is_off_by_default_and_on_with_either_switch(tmp_path):
    assert names(lint_text(ONTARIO, today=date(2026, 3, 1))) == []
    for text in ("packs: [compliance]\n", "compliance: true\n"):
        cfg = tmp_path / ".jdlint.yaml"
        cfg.write_text(text)
        assert names(lint_text(ONTARIO, str(cfg), today=date(2026, 3, 1)), "banned-requirement") == ["banned-requirement"]
    cfg.write_text("packs: [compliance]\ncompliance: false\n")
    assert names(lint_text(ONTARIO, str(cfg), today=date(2026, 3, 1))) == []


def test_compliance_must_be_a_boolean(tmp_path):
    (tmp_path / ".jdlint.yaml").write_text("compliance: yes please\n")
    with pytest.raises(ConfigError) as exc:
        load_config(tmp_path / ".jdlint.yaml")
    assert ".jdlint.yaml:1:" in str(exc.value) and "true or false" in str(exc.value)


@pytest.mark.parametrize("today, fires", [(date(2025, 12, 31), False), (date(2026, 1, 1), True)])
def test_a_law_counts_from_its_effective_date(today, fires):
    assert (names(lint_text(ONTARIO, {"compliance": True}, today=today), "banned-requirement") == ["banned-requirement"]) is fires


def test_as_of_on_the_command_line(tmp_path):
    p = tmp_path / "a.md"
    p.write_text(ONTARIO)
    (tmp_path / ".jdlint.yaml").write_text("compliance: true\n")
    before = CliRunner().invoke(main, ["--no-color", "--as-of", "2025-12-31", str(p)]).output
    after = CliRunner().invoke(main, ["--no-color", "--as-of", "2026-01-01", str(p)]).output
    assert "banned-requirement" not in before and "banned-requirement" in after
    r = CliRunner().invoke(main, ["--as-of", "next tuesday", str(p)])
    assert r.exit_code == 2 and "--as-of" in r.output


@pytest.mark.parametrize("size, fires", [(24, False), (25, True), (None, True)])
def test_employer_size_threshold(size, fires):
    cfg = {"compliance": True, "employer": {"size": size, "type": "private"} if size else {"type": "private"}}
    assert bool(names(lint_text(ONTARIO, cfg, today=date(2026, 11, 23)), "banned-requirement")) is fires


def test_legally_required_silences_work_authorisation_wording():
    text = "---\nlocation: Austin, TX, United States\n---\n# Data Engineer\n\nUS citizens only (ITAR).\n"
    assert names(lint_text(text, {"compliance": True}, today=date(2026, 11, 23))) == ["work-authorisation-wording"]
    cfg = {"compliance": True, "rules": {"work-authorisation-wording": {"legally_required": True}}}
    assert names(lint_text(text, cfg, today=date(2026, 11, 23))) == []


def test_default_places_reach_a_posting_that_names_none():
    text = "# Data Analyst\n\nWe are looking for a digital native.\n"
    assert names(lint_text(text, {"compliance": True}, today=date(2026, 11, 23))) == []
    cfg = {"compliance": True, "rules": {"age-proxy": {"default_places": ["us"]}}}
    assert names(lint_text(text, cfg, today=date(2026, 11, 23))) == ["age-proxy"]


def test_a_check_marked_verify_never_gives_an_error():
    text = "---\nlocation: Charlottetown\n---\n# Analyst\n\nPlease state your current salary.\n"
    cfg = {"compliance": True, "rules": {"banned-requirement": "error"}}
    (f,) = [f for f in lint_text(text, cfg, today=date(2026, 11, 23)) if f.rule == "banned-requirement"]
    assert f.severity is Severity.WARNING
    (g,) = [g for g in lint_text(ONTARIO, cfg, today=date(2026, 11, 23)) if g.rule == "banned-requirement"]
    assert g.severity is Severity.ERROR  # Ontario's rule is confirmed by the regulation's text


@pytest.mark.parametrize("rule", PACK, ids=lambda r: r.name)
def test_every_finding_names_the_law_the_place_and_what_to_write(rule):
    for text in rule.examples["bad"]:
        found = [f for f in lint_text(text, {"compliance": True}, today=date(2026, 11, 23)) if f.rule == rule.name]
        assert found, text
        for f in found:
            chk = next(c for c in compliance_data()["checks"]
                       if c["rule"] == rule.name and c["citation"] in f.message and c["instead"] in f.message)
            assert "Instead" in f.message
            assert chk["url"] in f.help
    for text in rule.examples["good"]:
        assert not [f for f in lint_text(text, {"compliance": True}, today=date(2026, 11, 23)) if f.rule == rule.name]


def test_every_check_is_cited_dated_and_scoped():
    rule_names = {r.name for r in PACK}
    for c in compliance_data()["checks"]:
        assert c["rule"] in rule_names
        for key in ("jurisdiction", "law", "citation", "url", "effective", "places", "employers", "instead"):
            assert c.get(key), (c["id"], key)
        date.fromisoformat(c["effective"])
        if c.get("ends"):
            assert date.fromisoformat(c["ends"]) > date.fromisoformat(c["effective"])
        assert set(c["employers"].get("types", [])) <= {"private", "state", "municipal", "federal"}


@pytest.mark.parametrize("rule", PACK, ids=lambda r: r.name)
def test_explain_prints_the_citations(rule):
    out = CliRunner().invoke(main, ["--explain", rule.name]).output
    assert "Laws checked (not legal advice):" in out
    for c in compliance_data()["checks"]:
        if c["rule"] == rule.name:
            assert c["url"] in out


def test_readme_says_this_is_not_legal_advice():
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert "not legal advice" in readme


def _compliance_findings(text, rule, today):
    """One rule's findings with the compliance pack on, as of ``today`` (a law's start date)."""
    return [f for f in lint_text(text, {"compliance": True}, today=today) if f.rule == rule]


@pytest.mark.parametrize("today, fires", [(date(2025, 12, 31), False), (date(2026, 1, 1), True)])
def test_ontario_range_width_counts_from_2026(today, fires):
    text = "---\nlocation: Toronto, ON\n---\n# Data Engineer\n\nSalary: $90,000 - $160,000 CAD.\n"
    found = _compliance_findings(text, "pay-range-valid", today)
    assert bool(found) is fires
    if fires:
        assert "$70,000 wide" in found[0].message and "'Toronto'" in found[0].message


@pytest.mark.parametrize("figure, low, high", [
    ("$90,000 - $160,000", 90000, 160000), ("$80k to $140k", 80000, 140000),
    ("$70-130k", 70000, 130000), ("CA$120,000 - CA$185,000", 120000, 185000)])
def test_range_amounts(figure, low, high):
    from jdlint.checks.compliance import _amounts

    assert sorted(_amounts(figure)) == [low, high]


@pytest.mark.parametrize("today, fires", [(date(2024, 12, 31), False), (date(2025, 1, 1), True)])
def test_each_place_counts_from_its_own_date(today, fires):
    text = "# Data Analyst\n\nThis job is based in Minneapolis, MN.\n\nPay: $80,000 - $95,000 a year.\n"
    found = _compliance_findings(text, "missing-required-statement", today)
    assert bool(found) is fires


@pytest.mark.parametrize("today, fires", [(date(2026, 6, 6), False), (date(2026, 6, 7), True)])
def test_eu_title_rule_counts_from_the_transposition_deadline(today, fires):
    text = "---\nlocation: Milan, Italy\n---\n# Salesman, Data Products\n\nSell our analytics platform.\n"
    found = _compliance_findings(text, "gendered-title-eu", today)
    assert bool(found) is fires
    if fires:
        assert found[0].severity is Severity.WARNING and (found[0].line, found[0].column) == (4, 3)


# -- statements a law asks for only of some postings, and from its own date -------------------

COLORADO = "# Analytics Engineer\n\nBased in Boulder, CO.\n\nSalary: $105,000 - $125,000 a year, with medical and dental cover.\n"


def _statements(text, today=date(2026, 12, 1), **cfg):
    found = lint_text(text, {"compliance": True, **cfg}, today=today)
    return [f.message for f in found if f.rule == "missing-required-statement"]


@pytest.mark.parametrize("today, fires", [(date(2023, 12, 31), False), (date(2024, 1, 1), True)])
def test_colorado_asks_for_the_closing_date_from_2024(today, fires):
    got = _statements(COLORADO, today)
    assert any("application window" in m for m in got) is fires
    assert _statements(COLORADO + "\nApplications close on 15 March 2027.\n", today) == []


def test_an_automated_screening_notice_is_asked_only_of_a_posting_that_screens_that_way():
    nyc = "# Backend Engineer\n\nLocation: New York, NY. Salary: $150,000 - $180,000 a year.\n\n"
    screens = nyc + "Applications are ranked using AI software before a recruiter reads them.\n"
    (msg,) = _statements(screens)
    assert "Local Law 144" in msg and "New York, NY" in msg
    assert _statements(nyc + "A recruiter reads every application.\n") == []
    notice = screens + "To request an alternative selection process or an accommodation, write to jobs@example.com.\n"
    assert _statements(notice) == []
    # The same sentence in Boston is under no such law.
    assert _statements(screens.replace("New York, NY", "Boston, MA")) == []


def test_illinois_video_interviews_analysed_by_ai_need_consent():
    text = ("# Support Lead\n\nBased in Chicago, IL. Pay: $70,000 - $85,000 a year, with health insurance.\n\n"
            "You will record a video interview that an AI model scores.\n")
    (msg,) = _statements(text)
    assert "820 ILCS 42/5" in msg
    assert _statements(text + "We ask for your consent before any AI analysis.\n") == []


def test_a_job_titled_for_customers_still_names_its_own_place():
    # "Customer" in the job's own title is not a third party's section: its place counts.
    text = "# Customer Success Manager\n\nBased in Chicago, IL.\n"
    assert any("benefits" in m for m in _statements(text))


def test_pay_without_a_period_is_unreadable_under_a_pay_law():
    text = "# Support Engineer\n\nLocation: Seattle, WA. Pay: $38 - $52, with medical cover.\n"
    found = [f for f in lint_text(text, {"compliance": True}, today=date(2026, 12, 1)) if f.rule == "pay-range-valid"]
    assert len(found) == 1 and "period" in found[0].message and found[0].severity == Severity.WARNING
    for fixed in ("$38 - $52 an hour", "$38 - $52/hr", "$95,000 - $110,000"):
        ok = text.replace("$38 - $52", fixed)
        assert [f for f in lint_text(ok, {"compliance": True}, today=date(2026, 12, 1)) if f.rule == "pay-range-valid"] == []


def test_a_phrase_the_law_covers_is_reported_once():
    text = ("---\nlocation: Austin, TX, United States\n---\n# Data Analyst\n\n## Requirements\n\n"
            "- A digital native who is comfortable with modern tools\n")
    on = [f.rule for f in lint_text(text, {"compliance": True}, today=date(2026, 12, 1)) if "digital" in f.match]
    off = [f.rule for f in lint_text(text, today=date(2026, 12, 1)) if "digital" in f.match]
    assert on == ["age-proxy"] and off == ["exclusionary-language"]
