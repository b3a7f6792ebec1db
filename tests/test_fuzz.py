"""Property tests over generated markdown: jdlint never raises, every position lies inside
the file, output is deterministic, and CRLF does not change anything."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jdlint import lint_text

pytestmark = pytest.mark.slow  # property runs: `pytest -m slow`, or the nightly profile

WORDS = ["Data", "Engineer", "Scientist", "/", "|", "&", "and", "or", "+", "Junior", "Senior", "I", "ML", "AI",
         "Requirements", "Nice to have", "Responsibilities", "first", "90 days", "within", "you", "will", "5+",
         "years", "of", "LangChain", "Go", "R", "Spark", "Ray", "Python", "rockstar", "competitive", "support",
         "$150,000", "-", "$200k+", "Denver, CO", "Remote (US)", "mentor", "architect", "from scratch", "**",
         "*", "_", "`", "[", "](", ")", "<", ">", "<!--", "-->", "jdlint-disable", "jdlint-enable-line",
         "stacked-title", "wish-list", "é", "日本", "🚀", "\u200d", "\t", "\\", "#", ":", "---", "1.", "- ", "> "]

word = st.one_of(st.sampled_from(WORDS), st.text(min_size=0, max_size=6))
line = st.lists(word, min_size=0, max_size=10).map(" ".join)


@st.composite
def block(draw):
    kind = draw(st.sampled_from(["heading", "para", "list", "olist", "code", "comment", "table", "bold", "raw"]))
    if kind == "heading":
        return "#" * draw(st.integers(1, 7)) + " " + draw(line)
    if kind == "para":
        return "\n".join(draw(st.lists(line, min_size=1, max_size=4)))
    if kind in ("list", "olist"):
        items = draw(st.lists(st.tuples(st.integers(0, 3), line), min_size=1, max_size=8))
        marker = (lambda i: f"{i + 1}.") if kind == "olist" else (lambda i: draw(st.sampled_from("-*+")))
        return "\n".join("  " * depth + f"{marker(i)} {text}" for i, (depth, text) in enumerate(items))
    if kind == "code":
        fence = draw(st.sampled_from(["```", "~~~", "    "]))
        body = draw(line)
        return f"{fence}\n{body}\n{fence if draw(st.booleans()) else ''}" if fence != "    " else "    " + body
    if kind == "comment":
        return f"<!-- {draw(line)} {'-->' if draw(st.booleans()) else ''}"
    if kind == "table":
        return f"| {draw(line)} | {draw(line)} |\n|---|---|\n| {draw(line)} | x |"
    if kind == "bold":
        return f"**{draw(line)}**" + draw(st.sampled_from(["", ":", "\nvalue"]))
    return draw(st.text(max_size=80))


@st.composite
def posting(draw):
    parts = []
    if draw(st.booleans()):
        fm = draw(st.sampled_from([
            "title: {}", "title: '{}'\nlocation: Denver, CO", "jdlint: {{stack: [python]}}\ntitle: {}",
            "- {}", "{}: [", "a: &x [1]\nb: *x", "salary_min: 1\nsalary_max: 2\ntitle: {}",
            "jdlint: {{disable: [nope], stage: seed}}"]))
        parts.append("---\n" + fm.format(draw(line).replace("\n", " ")) + "\n---")
    parts += draw(st.lists(block(), min_size=0, max_size=8))
    return "\n\n".join(parts) + draw(st.sampled_from(["", "\n", "\n\n"]))


def _lines(text: str) -> list[str]:
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines


ALL_RULES = {"rules": {"unused-suppression": "warning"}, "stack": ["python", "postgres"], "stage": "seed",
             "require_salary": "always"}


@given(posting())
def test_never_raises_and_positions_lie_inside_the_file(text):
    found = lint_text(text, ALL_RULES)
    lines = _lines(text)
    for f in found:
        assert 1 <= f.line <= f.end_line <= max(len(lines), 1), f
        if lines:
            assert 1 <= f.column <= len(lines[f.line - 1]) + 1, f
            assert 1 <= f.end_column <= len(lines[f.end_line - 1]) + 1, f
        if f.line == f.end_line:
            assert f.column <= f.end_column, f
        assert "\n" not in f.message and "\r" not in f.message


@given(posting())
def test_deterministic_and_crlf_agnostic(text):
    lf = text.replace("\r\n", "\n").replace("\r", "\n")
    first = lint_text(lf, ALL_RULES)
    assert lint_text(lf, ALL_RULES) == first
    assert lint_text(lf.replace("\n", "\r\n"), ALL_RULES) == first
    assert lint_text(text, ALL_RULES) == first  # the generated text may mix line ends


@given(st.text(max_size=400))
def test_any_unicode_text(text):
    lint_text(text, ALL_RULES)
