"""The rule data itself is linted: schema, unique ids and names, examples, vocabularies."""
from __future__ import annotations

from datetime import date

import pytest
import regex

from jdlint import lint_text
from jdlint.registry import RuleError, builtin_rules, load_rule_file
from jdlint.resources import rules_dir
from jdlint.vocab import builtin_vocab_data, iter_vocab_strings, load_vocab

RULES = builtin_rules()


def test_ids_and_names_are_unique_and_well_formed():
    ids = [r.id for r in RULES]
    names = [r.name for r in RULES]
    assert len(set(ids)) == len(ids)
    assert len(set(names)) == len(names)
    for r in RULES:
        assert regex.fullmatch(r"JD\d{3}", r.id), r.id
        assert regex.fullmatch(r"[a-z]+(?:-[a-z]+)*", r.name), r.name
        assert r.file.endswith(f"{r.id}-{r.name}.yaml"), f"{r.file} should be named {r.id}-{r.name}.yaml"


def test_core_rules_exist_with_their_severities():
    by_name = {r.name: r for r in RULES}
    expected = {"stacked-title": "warning", "missing-first-problem": "warning", "wish-list": "warning",
                "junior-title-senior-scope": "warning", "tool-not-in-stack": "warning", "front-matter": "warning"}
    for name, sev in expected.items():
        assert str(by_name[name].severity) == sev


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_docs_are_substantial(rule):
    assert len(rule.why) > 200, "why should carry the hiring reason"
    assert len(rule.instead) > 40
    assert rule.examples["bad"] and rule.examples["good"]
    for name in rule.kind.OPTIONS:
        assert name in rule.options


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_yaml_examples(rule):
    config = {"rules": {rule.name: "on"}}  # the default set plus this rule (opt-in or not)

    def own(text):
        return [f for f in lint_text(text, config, today=date(2026, 11, 23)) if f.rule == rule.name]

    for i, text in enumerate(rule.examples["bad"]):
        assert own(text), f"{rule.name}: bad example {i} does not fire:\n{text}"
    for i, text in enumerate(rule.examples["good"]):
        found = own(text)
        assert not found, f"{rule.name}: good example {i} fires: {[f.message for f in found]}"


# Vocabulary leaves that are not strings on purpose: flags and thresholds.
NON_STRING_LEAVES = {"fix": bool, "desk_only": bool, "label_only": bool, "min_employees": int, "accepts_minimum": bool}


def test_vocab_leaves_are_strings_or_known_scalars():
    data = builtin_vocab_data()
    for path, value in iter_vocab_strings(data):
        if path.startswith("tools.tools") and path.endswith(("first_release", "confidence")):
            assert value is None or isinstance(value, str), f"{path}: {value!r} (quote dates)"
            continue
        leaf = path.rsplit(".", 1)[-1]
        if leaf in NON_STRING_LEAVES:
            assert isinstance(value, NON_STRING_LEAVES[leaf]), f"{path} is {value!r}"
            continue
        assert isinstance(value, str), f"{path} is {value!r}: quote it"


def test_pay_dates_and_stage_tools_are_known():
    from datetime import date

    data = builtin_vocab_data()
    for j in data["pay"]["jurisdictions"]:
        date.fromisoformat(j["in_force"])
        assert j["conf"] in ("H", "M", "R") and (j["names"] or j["codes"]), j["id"]
    v = load_vocab()
    for entry in data["stages"]["premature"]:
        assert "tool" not in entry or v.tool_by_name(entry["tool"]) is not None, entry
        assert set(entry["stages"]) <= set(data["stages"]["stages"])
    families = {f["id"] for f in data["roles"]["families"]}
    specialisms = {sp["id"] for sp in data["roles"].get("specialisms", [])}
    for sp in data["roles"].get("specialisms", []):
        of = sp["of"] if isinstance(sp["of"], list) else [sp["of"]]
        assert set(of) <= families and sp.get("parent", of[0]) in families
    for pair in data["roles"]["conflicts"]:
        assert set(pair["families"]) <= families | specialisms
    for pair in data["roles"]["adjacent"]:
        assert set(pair) <= families


def test_vocab_patterns_compile():
    v = load_vocab()  # compiling is the test: any bad pattern raises
    assert v.senior_scope and v.first_problem_cues and v.junior_markers


def test_tool_catalog_names_are_unique_and_dates_well_formed():
    v = load_vocab()
    owner: dict[str, str] = {}
    for tool in v.tools:
        assert tool.first_release is None or regex.fullmatch(r"\d{4}(?:-\d{2})?", tool.first_release), tool.name
        if tool.first_release is not None:
            assert tool.confidence in ("H", "M", "R"), tool.name
        for name in tool.all_names():
            key = name.lower() if name not in tool.names_exact + tool.names_context else name
            assert owner.get(key, tool.name) == tool.name, f"{name!r} names both {owner[key]} and {tool.name}"
            owner[key] = tool.name


def test_section_phrases_are_not_repeated_within_a_kind():
    for kind in builtin_vocab_data()["sections"]["kinds"]:
        phrases = kind["phrases"]
        assert len(phrases) == len(set(phrases)), kind["kind"]


def test_rule_loader_reports_unknown_option_with_line(tmp_path):
    bad = tmp_path / "JD900-x.yaml"
    src = (rules_dir() / "JD103-wish-list.yaml").read_text().replace("\nexamples:", "\noptions:\n  max_requried: 8\nexamples:", 1)
    bad.write_text(src)
    with pytest.raises(RuleError) as exc:
        load_rule_file(bad)
    line = src.splitlines().index("  max_requried: 8") + 1
    assert f":{line}:" in str(exc.value)
    assert "did you mean 'max_required'" in str(exc.value)


def test_rule_loader_rejects_unknown_kind(tmp_path):
    bad = tmp_path / "JD900-x.yaml"
    bad.write_text((rules_dir() / "JD101-stacked-title.yaml").read_text().replace("kind: title-roles", "kind: title-role"))
    with pytest.raises(RuleError, match="unknown kind 'title-role'; did you mean 'title-roles'"):
        load_rule_file(bad)


def test_docs_rules_md_is_generated_from_the_rule_yaml():
    from pathlib import Path

    from jdlint.docs import render_rules_markdown

    path = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
    assert path.read_text(encoding="utf-8") == render_rules_markdown(builtin_rules()), (
        "docs/rules.md is stale: run python scripts/gen_rules_doc.py")


def test_readme_rule_table_is_generated_from_the_rule_yaml():
    from pathlib import Path

    from jdlint.docs import replace_readme_table

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert readme == replace_readme_table(readme, builtin_rules()), (
        "the README's rule table is stale: run python scripts/gen_rules_doc.py")
    for r in builtin_rules():
        assert f"| {r.id} | `{r.name}` |" in readme


def test_builtin_rules_do_not_restate_their_kinds_option_defaults():
    """Option defaults live in one place, the kind's OPTIONS; a built-in rule sets only what
    differs from them."""
    import yaml

    for path in sorted(rules_dir().glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        rule = load_rule_file(path)
        for key, value in (data.get("options") or {}).items():
            assert rule.kind.OPTIONS[key][1] != value, f"{path.name}: option {key!r} restates the default"


def test_messages_use_only_the_kinds_placeholders():
    import string

    for r in builtin_rules():
        templates = r.message.values() if isinstance(r.message, dict) else [r.message]
        for t in templates:
            for _text, name, spec, conv in string.Formatter().parse(t):
                if name is not None:
                    assert name in ("match",) + tuple(r.kind.FIELDS), (r.name, name)
                    assert not spec and not conv


def test_every_tool_spelling_names_one_tool():
    """Any spelling, in any case, leads to exactly one catalog tool, so a stack entry or a
    mention can never mean two tools."""
    owner: dict[str, str] = {}
    for tool in load_vocab().tools:
        for name in set(tool.all_names()):
            key = name.lower()
            assert owner.setdefault(key, tool.name) == tool.name, f"{name!r}: {owner[key]} and {tool.name}"
    assert len(owner) > 1500


def test_tool_catalog_is_generated_and_large():
    v = load_vocab()
    assert len(v.tools) >= 600
    cats = {t.category for t in v.tools}
    assert {"language", "frontend", "bi-analytics", "crm-marketing", "help-desk", "design", "collaboration",
            "hpc", "cloud-service"} <= cats
    for t in v.tools:  # ordinary words only in context
        assert "Go" not in t.names_any and "Spark" not in t.names_any
