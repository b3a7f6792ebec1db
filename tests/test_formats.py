"""github, SARIF, summary and json outputs; several in one run."""
from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from jdlint import lint_text
from jdlint.cli import main
from jdlint.finding import Finding, Severity
from jdlint.formatters.github import GithubFormatter, escape_data, escape_property
from jdlint.formatters.summary import SummaryFormatter

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())
BAD = "# Data Engineer / Analytics Engineer 🚀\n\n## Requirements\n\n" + "".join(f"- Item {i}\n" for i in range(9))


def finding(sev=Severity.ERROR, line=1, path="a.md", msg="m", end_line=None):
    return Finding(path, line, 2, end_line or line, 5, "JD101", "stacked-title", sev, msg)


def test_escaping():
    assert escape_data("50% a\r\nb") == "50%25 a%0D%0Ab"
    assert escape_property("dir,x/a:b.md") == "dir%2Cx/a%3Ab.md"


def test_annotation_columns_only_for_single_line_findings():
    g = GithubFormatter()
    assert g.annotation(finding()) == "::error file=a.md,line=1,endLine=1,col=2,endColumn=5,title=JD101 stacked-title::m"
    assert g.annotation(finding(end_line=3)) == "::error file=a.md,line=1,endLine=3,title=JD101 stacked-title::m"


def test_most_severe_first_ten_per_level_then_one_notice():
    fs = [finding(Severity.WARNING, line=i) for i in range(1, 13)] + [finding(Severity.ERROR, line=i) for i in range(1, 13)]
    out = GithubFormatter().render(fs).splitlines()
    assert [l.split(" ")[0] for l in out[:20]] == ["::error"] * 10 + ["::warning"] * 10
    assert sum(l.startswith("::") for l in out) == 21
    assert out[-1].startswith("::notice title=jdlint::4 more findings not shown as annotations")
    assert len(out) == 25  # 20 annotations, 4 plain lines, 1 notice


def test_format_auto_picks_github_in_actions(tmp_path, monkeypatch):
    p = tmp_path / "a.md"
    p.write_text(BAD)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    r = CliRunner().invoke(main, [str(p)])
    assert r.output.startswith("::warning file=a.md,line=1,endLine=1,col=3,")
    monkeypatch.delenv("GITHUB_ACTIONS")
    r = CliRunner().invoke(main, ["--no-color", str(p)])
    assert r.output.startswith(f"{p}:1:3: warning stacked-title")


def test_sarif_validates_and_uses_code_points(tmp_path, monkeypatch):
    (tmp_path / "postings").mkdir()
    p = tmp_path / "postings" / "a b.md"
    p.write_text(BAD)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()  # the repository root the URIs are relative to
    sarif = tmp_path / "out.sarif"
    r = CliRunner().invoke(main, ["--format", "json", "--fail-on", "warning", "--sarif-file", str(sarif), "postings"])
    assert r.exit_code == 1
    assert json.loads(r.output)  # stdout still has the chosen format
    doc = json.loads(sarif.read_text())
    jsonschema.validate(doc, SCHEMA)
    run = doc["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert {"JD101", "JD102", "JD103"} <= set(ids)
    res = {x["ruleId"]: x for x in run["results"]}
    loc = res["JD101"]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "postings/a%20b.md"
    assert loc["region"] == {"startLine": 1, "startColumn": 3, "endLine": 1, "endColumn": 39}
    assert res["JD101"]["level"] == "warning" and res["JD103"]["level"] == "warning"
    assert ids[res["JD101"]["ruleIndex"]] == "JD101"
    rule = run["tool"]["driver"]["rules"][ids.index("JD101")]
    assert rule["help"]["markdown"].startswith("**Why.**") and rule["defaultConfiguration"]["level"] == "warning"


def test_format_sarif_on_stdout_validates(tmp_path):
    p = tmp_path / "a.md"
    p.write_text(BAD)
    r = CliRunner().invoke(main, ["--format", "sarif", str(p)])
    jsonschema.validate(json.loads(r.output), SCHEMA)


def test_summary_appends_counts_and_tables(tmp_path):
    p = tmp_path / "a.md"
    p.write_text(BAD.replace("|", "/") + "\n- a | pipe\n")
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    CliRunner().invoke(main, ["--summary", str(summary), str(p)])
    text = summary.read_text()
    assert text.startswith("earlier step\n## jdlint\n")
    assert "| `stacked-title` | JD101 | 1 |" in text
    assert f"### `{p}`" in text and "| 1 | warning | `stacked-title` |" in text


def test_summary_truncates_before_the_limit():
    fs = [finding(path=f"p{i}.md", msg="x" * 200) for i in range(200)]
    text = SummaryFormatter(limit=4000).render(fs, 200)
    assert len(text.encode()) < 4000 + 200
    assert "Summary truncated before GitHub's 1 MiB limit" in text and "more findings are in the log" in text


def test_statistics(tmp_path):
    p = tmp_path / "a.md"
    p.write_text(BAD)
    r = CliRunner().invoke(main, ["--statistics", "--no-color", str(p)])
    assert "    1  JD101  stacked-title" in r.output


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_every_format_is_deterministic(tmp_path, fmt, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for i in range(3):
        (tmp_path / f"p{i}.md").write_text(BAD)
    outs = {CliRunner().invoke(main, ["--format", fmt, "--no-color", "."]).output for _ in range(2)}
    assert len(outs) == 1


def test_summary_counts_read_as_english():
    # Issue 13: "5 error, 14 warning" and "1 of 1 postings".
    fs = lint_text(BAD, {"rules": {"stacked-title": "error"}}, path="a.md")  # one error, whatever the defaults
    text = SummaryFormatter().render(fs, 1)
    assert re.search(r"in 1 of 1 posting: 1 error, \d+ warnings, \d+ info\.", text), text


def test_summary_code_spans_show_names_as_they_are():
    # Issue 13: code spans showed escaping backslashes and entities (`xss/bad\|&lt;b>x.md`).
    text = SummaryFormatter().render([finding(path="xss/bad|<b>x.md")], 1)
    assert "### `xss/bad|<b>x.md`" in text


def test_json_carries_the_version_and_the_files_that_could_not_be_linted(tmp_path, monkeypatch):
    from jdlint import __version__

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(BAD)
    (tmp_path / "b.md").write_bytes(b"\xff\xfe\x00bad")
    out = tmp_path / "out.json"
    r = CliRunner().invoke(main, ["--format", "json", "--json-file", str(out), "a.md", "b.md", "missing.md"])
    assert r.exit_code == 2
    for doc in (json.loads(r.stdout), json.loads(out.read_text())):
        assert doc["jdlint_version"] == __version__ and doc["files"] == 1
        assert [e["path"] for e in doc["errors"]] == ["b.md", "missing.md"]
        assert doc["errors"][1]["message"] == "missing.md: error: no such file or directory"
        assert {f["path"] for f in doc["findings"]} == {"a.md"}
    assert json.loads(r.stdout) == json.loads(out.read_text())


def test_sarif_has_help_links_and_an_invocation_with_the_errors(tmp_path, monkeypatch):
    # Issue 13: no helpUri, no invocations: code scanning never heard about an unreadable file.
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.md").write_text(BAD)
    r = CliRunner().invoke(main, ["--format", "sarif", "a.md", "missing.md"])
    assert r.exit_code == 2
    doc = json.loads(r.stdout)
    jsonschema.validate(doc, SCHEMA)
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert all(rule["helpUri"].endswith(f"/docs/rules.md#{rule['id'].lower()}-{rule['name']}") for rule in rules)
    rules_md = (Path(__file__).resolve().parent.parent / "docs" / "rules.md").read_text()
    assert all(f"\n## {rule['id']} {rule['name']}\n" in rules_md for rule in rules)  # the anchors exist
    (inv,) = run["invocations"]
    assert inv["exitCode"] == 2 and inv["executionSuccessful"] is False
    (note,) = inv["toolExecutionNotifications"]
    assert note["message"]["text"] == "missing.md: error: no such file or directory"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "missing.md"
    r = CliRunner().invoke(main, ["--format", "sarif", "--fail-on", "warning", "a.md"])
    assert json.loads(r.stdout)["runs"][0]["invocations"] == [{"executionSuccessful": True, "exitCode": 1}]
