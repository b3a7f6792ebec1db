"""Every fixture is checked exactly: missing and unexpected findings both fail.

``fixtures/<rule>/*.md`` are judged on that rule's findings alone (run with the default set
plus that rule, so opt-in rules and rules about suppressions work); ``fixtures/realistic/*.md``
run the full default set and every finding counts. Config is discovered as in a real run (``fixtures/realistic/.jdlint.yaml``,
front matter ``jdlint:`` blocks).
"""
from __future__ import annotations

from datetime import date

import pytest

from jdlint.engine import lint_paths

from .conftest import FIXTURES, compare, parse_expectations

RULE_DIRS = sorted(p for p in FIXTURES.iterdir() if p.is_dir() and p.name != "realistic")
CASES = sorted(FIXTURES.glob("*/*.md"))


def _select(path):
    """realistic/: the default set. <rule>/: the default set plus that rule (opt-in rules too);
    findings of other rules are then dropped, so each fixture speaks for its own rule."""
    if path.parent.name == "realistic":
        return None
    from jdlint.registry import builtin_rules

    return [r.name for r in builtin_rules() if not r.opt_in] + [path.parent.name]


def _only(path, findings):
    if path.parent.name == "realistic":
        return findings
    return [f for f in findings if f.rule == path.parent.name]


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fixture(path):
    text = path.read_text(encoding="utf-8")
    expected = parse_expectations(text)
    results = list(lint_paths([str(path)], select=_select(path), today=date(2026, 11, 23)))
    assert len(results) == 1 and results[0].error is None, results[0].error
    missing, unexpected = compare(expected, _only(path, results[0].findings))
    report = []
    for rule, line in missing:
        report.append(f"  missing:    {path.name}:{line}: {rule}")
    for f in unexpected:
        report.append(f"  unexpected: {path.name}:{f.line}:{f.column}: {f.rule} {f.message}")
    assert not report, "fixture mismatch\n" + "\n".join(report)


@pytest.mark.parametrize("rule_dir", RULE_DIRS, ids=lambda p: p.name)
def test_each_rule_has_fixtures_both_ways(rule_dir):
    fire = [p for p in rule_dir.glob("*.md") if parse_expectations(p.read_text(encoding="utf-8"))]
    quiet = [p for p in rule_dir.glob("*.md") if not parse_expectations(p.read_text(encoding="utf-8"))]
    assert len(fire) >= 4, f"{rule_dir.name}: only {len(fire)} fixtures that must fire"
    assert len(quiet) >= 4, f"{rule_dir.name}: only {len(quiet)} fixtures that must not fire"


def test_every_builtin_rule_has_a_fixture_folder():
    from jdlint.registry import builtin_rules

    names = {p.name for p in RULE_DIRS}
    missing = [r.name for r in builtin_rules() if r.name not in names]
    assert not missing, f"rules without fixtures: {missing}"


def test_expectation_parser_reads_all_three_forms():
    text = "a <!-- expect: x, y -->\n<!-- expect-next-line: z -->\nb\n<!-- expect-file: w -->\n"
    assert sorted(parse_expectations(text), key=str) == sorted(
        [("x", 1), ("y", 1), ("z", 3), ("w", None)], key=str)
