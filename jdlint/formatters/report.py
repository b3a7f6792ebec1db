"""A self-contained HTML report a recruiter can read: every posting rendered, each finding
highlighted where it is, with the message and what to do instead beside it.

Safety: the posting is rendered by markdown-it-py with raw HTML off (it is shown as text),
images off (no network), and markdown-it-py's link validation (no ``javascript:`` links);
every other byte that reaches the page (paths, messages, rule names) goes through
``html.escape``. Findings are placed by inserting private-use marker characters at their
exact spans before rendering and turning them into ``<mark>`` elements afterwards, so a
highlight lands on exactly the characters the rule reported. Markers that land in an
attribute (a link's title or URL, a fence's language) are removed from the token stream before
rendering, so ``<mark>`` is only ever produced in text. The page's CSP allows only jdlint's own
inline script, by hash.

The page works opened from disk with JavaScript off (everything is shown); with JavaScript,
the table sorts and findings can be filtered by rule and severity, also from the address:
``report.html#hide=info,gendered-wording``.
"""
from __future__ import annotations

import base64
import hashlib
import html
import re
from collections import Counter

from ..document import blank_comments, front_matter_end, normalize, split_lines
from ..finding import Severity

_OPEN, _OPEN_END, _CLOSE, _CLOSE_END = "\ue000", "\ue001", "\ue002", "\ue003"
_DIGITS = [chr(0xE010 + i) for i in range(16)]  # ids in hex, as private-use characters
_MARKER = re.compile("([\ue000\ue002])([\ue010-\ue01f]+)[\ue001\ue003]")
_ANY_MARKER = re.compile("[\ue000-\ue003\ue010-\ue01f]")
_LABEL = {Severity.ERROR: "Error", Severity.WARNING: "Warning", Severity.INFO: "Info"}


def _enc(n: int) -> str:
    return "".join(_DIGITS[int(d, 16)] for d in f"{n:x}")


def _dec(s: str) -> int:
    return int("".join(f"{ord(c) - 0xE010:x}" for c in s), 16)


def _e(s: object) -> str:
    """Escaped for text and attributes; the marker characters (a message may quote them from
    the posting) become U+FFFD, as in the posting itself."""
    return html.escape(_ANY_MARKER.sub("\ufffd", str(s)), quote=True)


def _markdown():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(["table", "strikethrough"]).disable("image")


def _unmark_attributes(tokens, validate_link) -> None:
    """Remove marker characters from everything markdown-it renders into an attribute (a
    link's title, a fence's ``class="language-..."``), so a highlight can only be inserted in
    text, never inside a quoted attribute value. (markdown-it percent-encodes them in URLs,
    where they are inert; a URL that still holds one is re-validated once they are removed,
    so removing them cannot make a ``javascript:`` link.)"""
    for tok in tokens:
        if tok.attrs:
            attrs = {}
            for k, v in tok.attrs.items():
                if isinstance(v, str) and _ANY_MARKER.search(v):
                    v = _ANY_MARKER.sub("", v)
                    if k in ("href", "src") and not validate_link(v):
                        continue
                attrs[k] = v
            tok.attrs = attrs
        if tok.info:
            tok.info = _ANY_MARKER.sub("", tok.info)
        if tok.children:
            _unmark_attributes(tok.children, validate_link)


def _lines(text: str) -> list[str]:
    """Lines as the document model counts them, with private-use marker characters replaced
    so a posting cannot forge a marker (same length, so positions hold)."""
    text = normalize(text)
    for ch in (_OPEN, _OPEN_END, _CLOSE, _CLOSE_END, *_DIGITS):
        text = text.replace(ch, "\ufffd")
    return split_lines(text)


class ReportFormatter:
    def __init__(self, rules, version: str):
        self.rules = {r.name: r for r in rules}
        self.version = version
        self.md = _markdown()

    def _document_level(self, f) -> bool:
        rule = self.rules.get(f.rule)
        return rule is not None and rule.scope == "file"

    def render_posting(self, pid: int, path: str, text: str | None, findings: list, first_id: int) -> tuple[str, int]:
        """(HTML of one posting, next free finding id)."""
        lines = _lines(text or "")
        fm_end = front_matter_end(lines)
        body = blank_comments("\n".join(lines)).split("\n")
        for i in range(fm_end):
            body[i] = ""
        doc_level, placed, notes = [], [], []
        next_id = first_id
        spans: dict[int, list[tuple[int, int, int]]] = {}
        for f in findings:
            next_id += 1
            fid = next_id
            in_fm = f.line <= fm_end
            if self._document_level(f) or in_fm or text is None or not (1 <= f.line <= len(lines)):
                doc_level.append((fid, f))
                continue
            line = lines[f.line - 1]
            start = max(0, min(f.column - 1, len(line)))
            end = len(line) if f.end_line != f.line else max(start, min(f.end_column - 1, len(line)))
            if end == start:
                end = min(len(line), start + 1)
            spans.setdefault(f.line, []).append((start, end, fid))
            placed.append((fid, f))
        for n, line_spans in spans.items():
            body[n - 1] = _insert_markers(body[n - 1], line_spans)
        tokens = self.md.parse("\n".join(body))
        for tok in tokens:
            if tok.type in ("heading_open", "heading_close"):
                tok.tag = f"h{min(int(tok.tag[1]) + 2, 6)}"  # under the report's h1 and h2
        _unmark_attributes(tokens, self.md.validateLink)
        rendered = self.md.renderer.render(tokens, self.md.options, {})
        by_id = {fid: f for fid, f in placed}
        seen: set[int] = set()

        def marker(m: re.Match) -> str:
            fid = _dec(m.group(2))
            f = by_id.get(fid)
            if f is None:
                return ""
            if m.group(1) == _CLOSE:
                return "</mark>" if fid in seen else ""
            seen.add(fid)
            sev = str(f.severity)
            return (f'<mark class="f sev-{sev}" id="m-{fid}" data-id="{fid}" data-rule="{_e(f.rule)}" '
                    f'data-severity="{sev}" tabindex="0" aria-describedby="n-{fid}" '
                    f'title="{_e(_LABEL[f.severity] + ": " + f.message)}">')

        rendered = _MARKER.sub(marker, rendered)
        for fid, f in placed:
            notes.append(self._note(fid, f, highlighted=fid in seen))
        counts = Counter(f.severity for f in findings)
        out = [f'<section class="posting" id="p-{pid}" aria-labelledby="h-{pid}">',
               f'<h2 id="h-{pid}">{_e(path)}</h2>',
               f'<p class="counts">{self._counts(counts)}</p>']
        if doc_level:
            out.append('<section class="checklist" aria-label="About the whole posting"><h3>About the whole posting</h3><ul>')
            for fid, f in doc_level:
                out.append(self._check(fid, f))
            out.append("</ul></section>")
        out.append('<div class="layout">')
        out.append(f'<article class="doc" aria-label="The posting as candidates read it">{rendered}</article>')
        out.append('<aside class="notes" aria-label="Findings in the text"><h3>Findings in the text</h3>')
        out.append("<ol>" + "".join(notes) + "</ol>" if notes else "<p>None.</p>")
        out.append("</aside></div></section>")
        return "\n".join(out), next_id

    @staticmethod
    def _counts(counts: Counter) -> str:
        parts = [f'<span class="badge sev-{s}">{counts[s]} {_e(_LABEL[s].lower())}{"s" if counts[s] != 1 and s != Severity.INFO else ""}</span>'
                 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s]]
        return " ".join(parts) or "No findings."

    def _note(self, fid: int, f, highlighted: bool) -> str:
        link = f'<a href="#m-{fid}">line {f.line}</a>' if highlighted else f"line {f.line}"
        sev = str(f.severity)
        return (f'<li class="note" id="n-{fid}" data-id="{fid}" data-rule="{_e(f.rule)}" data-severity="{sev}">'
                f'<span class="label sev-{sev}">{_LABEL[f.severity]}</span> '
                f'<code>{_e(f.code)}</code> <span class="rule">{_e(f.rule)}</span>, {link}'
                f'<p class="msg">{_e(f.message)}</p>'
                f'<p class="help"><strong>Instead:</strong> {_e(f.help)}</p>{self._evidence(f)}</li>')

    def _evidence(self, f) -> str:
        """The rule's evidence grade and sources, folded under the finding."""
        rule = self.rules.get(f.rule)
        if rule is None or not rule.evidence:
            return ""
        items = "".join(
            f'<li><a href="{_e(s["url"])}" rel="noopener noreferrer">{_e(s["title"])}</a>, '
            f'{_e(s["publisher"])}, {_e(str(s["year"]))}{(" (" + _e(s["note"]) + ")") if s.get("note") else ""}</li>'
            for s in rule.sources if str(s.get("url", "")).startswith(("https://", "http://")))
        return (f'<details class="evidence"><summary>Evidence: {_e(rule.evidence)}</summary>'
                f'<ul>{items}</ul></details>')

    def _check(self, fid: int, f) -> str:
        sev = str(f.severity)
        return (f'<li class="check" id="n-{fid}" data-id="{fid}" data-rule="{_e(f.rule)}" data-severity="{sev}">'
                f'<span aria-hidden="true" class="box">\u2610</span> '
                f'<span class="label sev-{sev}">{_LABEL[f.severity]}</span> '
                f'<span class="rule">{_e(f.rule)}</span>: {_e(f.message)}'
                f'<p class="help"><strong>Instead:</strong> {_e(f.help)}</p>{self._evidence(f)}</li>')

    def render(self, postings: list[tuple[str, str | None, list]], files: int) -> str:
        sections, rows = [], []
        fid = 0
        all_rules: Counter = Counter()
        totals: Counter = Counter()
        for pid, (path, text, findings) in enumerate(postings, start=1):
            html_posting, fid = self.render_posting(pid, path, text, findings, fid)
            sections.append(html_posting)
            c = Counter(f.severity for f in findings)
            totals.update(c)
            all_rules.update(f.rule for f in findings)
            rows.append(f'<tr><td><a href="#p-{pid}">{_e(path)}</a></td>'
                        f'<td data-sort="{c[Severity.ERROR]}">{c[Severity.ERROR]}</td>'
                        f'<td data-sort="{c[Severity.WARNING]}">{c[Severity.WARNING]}</td>'
                        f'<td data-sort="{c[Severity.INFO]}">{c[Severity.INFO]}</td>'
                        f'<td data-sort="{len(findings)}">{len(findings)}</td></tr>')
        sev_boxes = "".join(
            f'<label><input type="checkbox" name="sev" value="{s}" checked> <span class="label sev-{s}">{_LABEL[s]}</span></label>'
            for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
        rule_boxes = "".join(
            f'<label><input type="checkbox" name="rule" value="{_e(r)}" checked> {_e(r)} ({n})</label>'
            for r, n in sorted(all_rules.items()))
        n = sum(totals.values())
        summary = (f"{n} finding{'s' if n != 1 else ''} in {sum(1 for _, _, fs in postings if fs)} of {files} "
                   f"posting{'s' if files != 1 else ''}: " + self._counts(totals))
        return _PAGE.format(
            version=_e(self.version), summary=summary, rows="\n".join(rows), sev_boxes=sev_boxes,
            rule_boxes=rule_boxes, sections="\n".join(sections), css=_CSS, js=_JS, csp=CSP)


def _insert_markers(line: str, spans: list[tuple[int, int, int]]) -> str:
    """Put open/close markers into ``line`` at the spans, nesting overlapping spans."""
    events: list[tuple[int, int, str]] = []  # (position, order, text)
    spans = sorted(spans, key=lambda s: (s[0], -s[1]))
    stack_end: list[int] = []
    for start, end, fid in spans:
        while stack_end and stack_end[-1] <= start:
            stack_end.pop()
        if stack_end and end > stack_end[-1]:
            end = stack_end[-1]  # an overlap that is not a nesting is cut at the outer end
        stack_end.append(end)
        code = _enc(fid)
        events.append((start, 1, _OPEN + code + _OPEN_END))
        events.append((end, 0, _CLOSE + code + _CLOSE_END))
    out, pos = [], 0
    for at, _order, text in sorted(events, key=lambda e: (e[0], e[1])):
        out.append(line[pos:at])
        out.append(text)
        pos = at
    out.append(line[pos:])
    return "".join(out)


_CSS = """
:root { --err: #b00020; --warn: #8a5a00; --info: #0b5cad; --bg: #fff; --fg: #1b1b1b; --muted: #555; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; max-width: 1200px; padding: 1rem 1.5rem 4rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.25rem; border-top: 2px solid #ddd; padding-top: 1rem; margin-top: 2.5rem; word-break: break-all; }
h3 { font-size: 1rem; margin: .5rem 0; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border-bottom: 1px solid #ddd; padding: .35rem .5rem; text-align: left; }
td:not(:first-child), th:not(:first-child) { text-align: right; width: 6rem; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; }
th button::after { content: " \\2195"; color: var(--muted); }
.label, .badge { display: inline-block; font-size: .8rem; font-weight: 700; border-radius: 3px; padding: 0 .35rem; color: #fff; }
.sev-error.label, .sev-error.badge { background: var(--err); }
.sev-warning.label, .sev-warning.badge { background: var(--warn); }
.sev-info.label, .sev-info.badge { background: var(--info); }
mark.f { background: none; border-bottom: 3px solid; padding: 0 1px; }
mark.f.sev-error { border-color: var(--err); background: #fde7ea; }
mark.f.sev-warning { border-color: var(--warn); background: #fff1d6; }
mark.f.sev-info { border-color: var(--info); background: #e6f0fb; }
mark.f.off { background: none; border-bottom: 0; }
mark.f:focus, mark.f:target { outline: 3px solid #000; }
.layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; align-items: start; }
@media (max-width: 800px) { .layout { grid-template-columns: 1fr; } }
.doc { border: 1px solid #ddd; border-radius: 6px; padding: 0 1rem; overflow-wrap: anywhere; }
.notes ol, .checklist ul { padding-left: 1.2rem; }
.note, .check { margin-bottom: .75rem; }
.msg, .help { margin: .2rem 0; }
.help { color: var(--muted); font-size: .9rem; }
.checklist { background: #f6f6f6; border-radius: 6px; padding: .5rem 1rem; margin: .5rem 0 1rem; }
.checklist ul { list-style: none; padding-left: 0; }
fieldset { border: 1px solid #ddd; border-radius: 6px; margin: .5rem 0; }
fieldset label { margin-right: 1rem; white-space: nowrap; }
a:focus, input:focus, button:focus { outline: 3px solid #000; outline-offset: 2px; }
"""

_JS = r"""
(function () {
  "use strict";
  var form = document.getElementById("filters");
  form.hidden = false;
  function apply() {
    var hidden = {};
    form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      if (!box.checked) { hidden[box.name + ":" + box.value] = true; }
    });
    document.querySelectorAll("[data-rule]").forEach(function (el) {
      var off = hidden["sev:" + el.getAttribute("data-severity")] || hidden["rule:" + el.getAttribute("data-rule")];
      if (el.tagName === "MARK") { el.classList.toggle("off", !!off); }
      else { el.hidden = !!off; }
    });
  }
  form.addEventListener("change", apply);
  var m = /[#&]hide=([^&]*)/.exec(location.hash);
  if (m) {
    decodeURIComponent(m[1]).split(",").forEach(function (name) {
      form.querySelectorAll("input[value='" + name.replace(/[^\w-]/g, "") + "']").forEach(function (box) {
        box.checked = false;
        box.removeAttribute("checked");  // so the state shows in the markup too
      });
    });
  }
  apply();
  var table = document.getElementById("postings");
  table.querySelectorAll("th").forEach(function (th, col) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      var asc = th.getAttribute("aria-sort") !== "ascending";
      table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col], y = b.cells[col];
        var u = x.getAttribute("data-sort"), v = y.getAttribute("data-sort");
        var r = (u !== null && v !== null) ? (Number(u) - Number(v)) : x.textContent.localeCompare(y.textContent);
        return asc ? r : -r;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
})();
"""

SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(_JS.encode("utf-8")).digest()).decode("ascii")
CSP = ("default-src 'none'; style-src 'unsafe-inline'; "
       f"script-src '{SCRIPT_HASH}'; img-src data:; base-uri 'none'; form-action 'none'; object-src 'none'")

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<title>jdlint report</title>
<style>{css}</style>
</head>
<body>
<header>
<h1>jdlint report</h1>
<p>{summary}</p>
<p class="help">Each finding is highlighted in the posting; the list beside it says what to do instead. Made by jdlint {version}.</p>
</header>
<main>
<form id="filters" hidden aria-label="Filter findings">
<fieldset><legend>Severity</legend>{sev_boxes}</fieldset>
<fieldset><legend>Rules</legend>{rule_boxes}</fieldset>
</form>
<table id="postings">
<caption class="help">Postings and their findings (select a column heading to sort)</caption>
<thead><tr><th scope="col">Posting</th><th scope="col">Errors</th><th scope="col">Warnings</th><th scope="col">Info</th><th scope="col">Total</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
{sections}
</main>
<script>{js}</script>
</body>
</html>
"""
