"""The HTML report: every finding in place, self-contained, and nothing from a posting runs."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner

from jdlint.cli import main
from jdlint.engine import lint_paths

from .conftest import FIXTURES


class Page(HTMLParser):
    """Collects what the tests look at: elements, attributes, mark texts, script bodies."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.marks: dict[str, str] = {}
        self.scripts: list[str] = []
        self._mark_stack: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "mark":
            self._mark_stack.append(a.get("data-id", ""))
            self.marks.setdefault(a.get("data-id", ""), "")
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "mark" and self._mark_stack:
            self._mark_stack.pop()
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        for mid in self._mark_stack:
            self.marks[mid] += data
        if self._in_script:
            self.scripts[-1] += data


def report_for(paths, tmp_path, *args) -> tuple[str, Page]:
    out = tmp_path / "report.html"
    r = CliRunner().invoke(main, ["--report", str(out), "--format", "json", *args, *map(str, paths)])
    assert out.exists(), r.output
    text = out.read_text(encoding="utf-8")
    page = Page()
    page.feed(text)
    return text, page


def test_every_finding_is_highlighted_at_its_exact_span(tmp_path):
    paths = sorted((FIXTURES / "realistic").glob("*.md")) + sorted((FIXTURES / "exclusionary-language").glob("*.md"))
    _, page = report_for(paths, tmp_path)
    rules = {r.name: r for r in __import__("jdlint.registry", fromlist=["x"]).builtin_rules()}
    fid = 0
    checked = 0
    for result in lint_paths([str(p) for p in paths]):
        text_lines = Path(result.path).read_text(encoding="utf-8").split("\n")
        fm_end = 0
        if text_lines[0] == "---":
            fm_end = text_lines.index("---", 1) + 1
        for f in result.findings:
            fid += 1
            if rules[f.rule].scope == "file" or f.line <= fm_end:
                assert any(t == "li" and a.get("data-id") == str(fid) and "check" in a.get("class", "")
                           for t, a in page.tags), f"{f} is not in the checklist"
                continue
            assert str(fid) in page.marks, f"{f} is not highlighted"
            if f.line == f.end_line and f.match:
                assert page.marks[str(fid)].startswith(f.match.replace("**", "")[:10]) or f.match in page.marks[str(fid)], (f, page.marks[str(fid)])
            checked += 1
    assert checked > 20


def test_self_contained_and_accessible(tmp_path):
    text, page = report_for(sorted((FIXTURES / "realistic").glob("*.md")), tmp_path)
    for tag, a in page.tags:
        for attr in ("src", "href"):
            value = a.get(attr) or ""
            if tag in ("script", "link", "img", "iframe", "style"):
                assert not value, f"external asset {tag} {attr}={value}"
    assert ("html", {"lang": "en"}) in page.tags
    assert [t for t, _ in page.tags].count("h1") == 1
    assert [t for t, _ in page.tags].count("h2") == 3  # one heading per posting
    # Severity is always a text label, not only a colour.
    assert "<span class=\"label sev-error\">Error</span>" in text
    marks = [a for t, a in page.tags if t == "mark"]
    assert marks and all(a.get("tabindex") == "0" and a.get("title") for a in marks)
    form = next(a for t, a in page.tags if t == "form")
    assert "hidden" in form  # the filter appears only when JavaScript can run it


HOSTILE = """---
title: 'Engineer "><script>alert(1)</script>'
---
# Data Engineer / <script>alert("x")</script> Analyst

<script>document.title = "owned"</script>

Click [here](javascript:alert(1)) or [there](JAVASCRIPT:alert(2)) or <a href="javascript:alert(3)">this</a>.

" onmouseover="alert(4)" x=' <img src=x onerror=alert(5)> ![pic](http://example.com/x.png)

- We need a rockstar "><svg onload=alert(6)> who is a digital native
- <style>body{display:none}</style> <iframe src="http://evil.example"></iframe>
"""


def test_posting_text_never_becomes_markup(tmp_path):
    name = tmp_path / 'x"><script>alert(7)<!--.md'
    name.write_text(HOSTILE, encoding="utf-8")
    text, page = report_for([name], tmp_path)
    # Exactly one script: the report's own, which contains no posting text.
    assert [t for t, _ in page.tags].count("script") == 1
    assert "alert" not in page.scripts[0]
    tags = [t for t, _ in page.tags]
    assert tags.count("style") == 1  # the report's own stylesheet
    assert not {"img", "iframe", "svg", "object", "embed"} & set(tags)
    for tag, a in page.tags:
        assert not any(k.startswith("on") for k in a), (tag, a)
        if tag == "a":
            assert not (a.get("href") or "").strip().lower().startswith(("javascript", "data", "vbscript")), a
        if tag != "mark":  # a mark's title quotes the finding's message, escaped
            assert not any("javascript:" in (v or "").lower() for v in a.values()), (tag, a)
    assert "&lt;script&gt;" in text  # shown as text
    assert "rockstar" in "".join(page.marks.values())  # and findings still land in place
