"""Directives turn findings off exactly where they say."""
from __future__ import annotations

from jdlint import lint_text

TITLE = "# Data Engineer / Analytics Engineer\n"
BODY = "\nWithin 30 days you will have shipped the billing pipeline.\n"
REQS = "\n## Requirements\n\n" + "".join(f"- Item {i}\n" for i in range(9))


CORE = {"stacked-title", "missing-first-problem", "wish-list", "invalid-directive", "unused-suppression"}


def rules(text, **kw):
    return [(f.rule, f.line) for f in lint_text(text, **kw) if f.rule in CORE]


def test_disable_next_line_and_line_by_name_or_code():
    assert rules("<!-- jdlint-disable-next-line stacked-title -->\n" + TITLE + BODY) == []
    assert rules("<!-- jdlint-disable-next-line JD101 -- merging soon -->\n" + TITLE + BODY) == []
    assert rules(TITLE.rstrip() + " <!-- jdlint-disable-line JD101 -->\n" + BODY) == []
    # next-line means the next line only
    assert rules("<!-- jdlint-disable-next-line JD101 -->\n\n" + TITLE + BODY) == [("stacked-title", 3)]


def test_disable_enable_range_and_all_rules():
    text = TITLE + BODY + "<!-- jdlint-disable wish-list -->" + REQS + "<!-- jdlint-enable wish-list -->\n"
    assert rules(text) == [("stacked-title", 1)]
    # Everything on the title line is off, including the document-level finding placed there.
    text = "<!-- jdlint-disable -->\n" + TITLE + "<!-- jdlint-enable -->\n" + REQS
    assert rules(text) == [("wish-list", 5)]


def test_disable_file_covers_document_level_findings():
    assert rules(TITLE + REQS + "\n<!-- jdlint-disable-file stacked-title, JD102 -->\n") == [("wish-list", 3)]


def test_front_matter_disable():
    text = "---\njdlint: {disable: [JD101, wish-list]}\n---\n" + TITLE + REQS
    assert rules(text) == [("missing-first-problem", 4)]


def test_unknown_rule_in_directive_is_reported_not_silently_ignored():
    found = [f for f in lint_text("<!-- jdlint-disable-next-line stacked-titel -->\n" + TITLE + BODY) if f.rule in CORE]
    assert [(f.rule, f.line) for f in found] == [("invalid-directive", 1), ("stacked-title", 2)]
    assert "did you mean 'stacked-title'" in found[0].message


def test_unused_suppression_is_opt_in():
    text = "<!-- jdlint-disable-next-line wish-list -->\n" + TITLE + BODY
    assert rules(text) == [("stacked-title", 2)]
    assert rules(text, config={"rules": {"unused-suppression": "warning"}}) == [
        ("unused-suppression", 1), ("stacked-title", 2)]


def test_a_misspelt_directive_keyword_disables_nothing_and_is_reported():
    # Issue 13: "jdlint-disable-nextline X" read as "jdlint-disable -nextline X" and turned X
    # off for the rest of the file.
    text = "<!-- jdlint-disable-nextline stacked-title -->\n" + TITLE + BODY + "\n# Data Engineer / ML Engineer\n"
    found = [f for f in lint_text(text) if f.rule in CORE]
    assert [(f.rule, f.line) for f in found] == [("invalid-directive", 1), ("stacked-title", 2)]
    assert found[0].message == ("unknown directive 'jdlint-disable-nextline' disables nothing; "
                                "did you mean 'jdlint-disable-next-line'?")
    assert rules("<!-- jdlint-enabled -->\n" + TITLE + BODY) == [("invalid-directive", 1), ("stacked-title", 2)]
    # the real keywords still work, with or without a rule list or a reason
    assert rules("<!-- jdlint-disable-next-line-->\n" + TITLE + BODY) == []
    assert rules("<!-- jdlint-disable-next-line JD101 -- merging -->\n" + TITLE + BODY) == []
