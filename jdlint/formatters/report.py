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


PAGE_SIZE = 50  # postings per page: a run of 2,000 opens as fast as one of 50

# Advice in the report is for the people who write postings: a sentence or clause about
# jdlint's configuration (`stack:`, `.jdlint.yaml`, option names, jdlint commands) is left out,
# and code marks are shown as plain words.
_CONFIG = r"`[^`]*(?:jdlint|:|_|--)[^`]*`"
_CONFIG_CLAUSE = re.compile(r"[,;]\s*or\s+[^,;.]*" + _CONFIG + r"[^,;.]*")  # ", or add it to `stack:`"
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def for_readers(text: str) -> str:
    """``text`` without what only a person configuring jdlint needs."""
    kept = []
    for sentence in _SENTENCE.split(str(text).strip()):
        if re.search(_CONFIG, sentence):
            sentence = _CONFIG_CLAUSE.sub("", sentence)
            if re.search(_CONFIG, sentence):
                continue
        kept.append(sentence)
    return re.sub(r"`([^`]*)`", r"\1", " ".join(kept)).strip()


_FM_TITLE = re.compile(r"^title:\s*(.+?)\s*$", re.M)


def posting_title(text: str | None) -> str | None:
    """The job title as a reader sees it: front matter ``title:``, else the first heading,
    else the first line of text (cheap: no parse, the report runs over thousands)."""
    if not text:
        return None
    lines = blank_comments("\n".join(_lines(text))).split("\n")
    fm_end = front_matter_end(lines)
    if fm_end:
        m = _FM_TITLE.search("\n".join(lines[:fm_end]))
        if m:
            return m.group(1).strip("'\"")[:200] or None
    first = None
    for line in lines[fm_end:fm_end + 200]:
        stripped = line.strip()
        if stripped.startswith("#"):
            title = stripped.lstrip("#").strip().strip("*_").strip()
            if title:
                return title[:200]
        if first is None and stripped and not stripped.startswith(("<!--", "---", "```")):
            first = stripped.strip("*_").strip()[:200]
    return first


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def verdict(findings: list, groups: int) -> tuple[str, str]:
    """(css class, a short verdict a recruiter can act on) for one posting."""
    worst = max((f.severity for f in findings), default=None)
    if worst == Severity.ERROR:
        return "error", f"Not ready: {_plural(groups, 'thing')} to fix before publishing"
    if worst == Severity.WARNING:
        return "warning", f"Almost ready: {_plural(groups, 'thing')} worth fixing before publishing"
    if worst == Severity.INFO:
        return "info", f"Ready to publish, with {_plural(groups, 'note')} to consider"
    return "ok", "Ready to publish: nothing to change"


class ReportFormatter:
    def __init__(self, rules, version: str, page_size: int = PAGE_SIZE):
        self.rules = {r.name: r for r in rules}
        self.version = version
        self.page_size = max(1, page_size)
        self.md = _markdown()

    def _document_level(self, f) -> bool:
        rule = self.rules.get(f.rule)
        return rule is not None and rule.scope == "file"

    def _what(self, f) -> str:
        """The finding's kind in plain words (the rule's summary), never its code first."""
        rule = self.rules.get(f.rule)
        return for_readers(rule.summary) if rule is not None and rule.summary else f.rule

    @staticmethod
    def _groups(items: list) -> list[list]:
        """(fid, finding) pairs grouped by rule, the group to fix first first: most severe,
        then the earliest in the posting."""
        by_rule: dict[str, list] = {}
        for fid, f in items:
            by_rule.setdefault(f.rule, []).append((fid, f))
        return sorted(by_rule.values(), key=lambda g: (-max(int(f.severity) for _, f in g), min(f.line for _, f in g)))

    def _place(self, text: str | None, lines: list[str], findings: list, first_id: int) -> tuple[list, list, dict, int]:
        """(document-level (fid, finding) pairs, pairs placed in the text, spans per line, next
        free finding id): finding ``i`` of ``findings`` gets id ``first_id + i + 1``."""
        fm_end = front_matter_end(lines)
        doc_level, placed = [], []
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
        return doc_level, placed, spans, next_id

    def _verdict(self, findings: list, text_groups: list, doc_groups: list) -> tuple[str, str]:
        to_fix = sum(1 for g in text_groups + doc_groups if any(f.severity >= Severity.WARNING for _, f in g))
        notes_only = len(text_groups) + len(doc_groups) - to_fix
        return verdict(findings, to_fix or notes_only)

    def posting_verdict(self, text: str | None, findings: list) -> tuple[str, str]:
        """(css class, verdict) of one posting, exactly as ``render_posting`` shows it."""
        doc_level, placed, _spans, _next = self._place(text, _lines(text or ""), findings, 0)
        return self._verdict(findings, self._groups(placed), self._groups(doc_level))

    def render_posting(self, pid: int, path: str, text: str | None, findings: list, first_id: int,
                       page: int = 1) -> tuple[str, int]:
        """(HTML of one posting, next free finding id)."""
        lines = _lines(text or "")
        fm_end = front_matter_end(lines)
        body = blank_comments("\n".join(lines)).split("\n")
        for i in range(fm_end):
            body[i] = ""
        doc_level, placed, spans, next_id = self._place(text, lines, findings, first_id)
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
                    f'title="{_e(_LABEL[f.severity] + ": " + for_readers(f.message))}">')

        rendered = _MARKER.sub(marker, rendered)
        text_groups = self._groups(placed)
        doc_groups = self._groups(doc_level)
        level, says = self._verdict(findings, text_groups, doc_groups)
        title = posting_title(text)
        later = " later" if page > 1 else ""
        out = [f'<section class="posting{later}" id="p-{pid}" data-page="{page}" aria-labelledby="h-{pid}">',
               f'<h2 id="h-{pid}">{_e(title or path)}</h2>']
        if title:
            out.append(f'<p class="path">{_e(path)}</p>')
        out.append(f'<p class="verdict v-{level}"><strong>{_e(says)}</strong> <span class="counts">{self._counts(Counter(f.severity for f in findings))}</span></p>')
        if doc_groups:
            out.append('<section class="checklist" aria-label="About the whole posting"><h3>About the whole posting</h3><ul>')
            out += [self._group(g, "check", seen) for g in doc_groups]
            out.append("</ul></section>")
        out.append('<div class="layout">')
        out.append(f'<article class="doc" aria-label="The posting as candidates read it">{rendered}</article>')
        out.append('<aside class="notes" aria-label="What to change in the text"><h3>What to change, most important first</h3>')
        out.append("<ol>" + "".join(self._group(g, "note", seen) for g in text_groups) + "</ol>" if text_groups else "<p>Nothing in the text.</p>")
        out.append("</aside></div></section>")
        return "\n".join(out), next_id

    @staticmethod
    def _counts(counts: Counter) -> str:
        parts = [f'<span class="badge sev-{s}">{counts[s]} {_e(_LABEL[s].lower())}{"s" if counts[s] != 1 and s != Severity.INFO else ""}</span>'
                 for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s]]
        return " ".join(parts) or "No findings."

    def _item(self, fid: int, f, cls: str, seen: set, with_help: bool) -> str:
        sev = str(f.severity)
        where = f' <a href="#m-{fid}">show in the posting</a>' if fid in seen else ""
        help_text = for_readers(f.help) if with_help else ""
        return (f'<li class="{cls}" id="n-{fid}" data-id="{fid}" data-rule="{_e(f.rule)}" data-severity="{sev}">'
                f'<p class="msg">{_e(for_readers(f.message))}{where}</p>'
                + (f'<p class="help"><strong>Instead:</strong> {_e(help_text)}</p>' if help_text else "")
                + "</li>")

    def _group(self, group: list, cls: str, seen: set) -> str:
        """One kind of finding: what it is in plain words first, then each place, and the
        advice once when every place shares it (seven tools, one "Instead")."""
        fid0, f0 = group[0]
        sev = str(max(f.severity for _, f in group))
        label = f'<span class="label sev-{sev}">{_LABEL[max(f.severity for _, f in group)]}</span>'
        rule_tag = f'<span class="rule">{_e(f0.code)} {_e(f0.rule)}</span>'
        helps = {for_readers(f.help) for _, f in group}
        shared = len(helps) == 1
        head = f'<p class="what">{label} <strong>{_e(self._what(f0))}</strong>'
        if len(group) > 1:
            matches = [f.match.strip() for _, f in group if f.match and len(f.match.strip()) <= 40]
            listed = f": {_e(', '.join(dict.fromkeys(matches)))}" if len(matches) == len(group) else ""
            head += f' <span class="count">({len(group)} places{listed})</span>'
        head += "</p>"
        items = "".join(self._item(fid, f, cls, seen, with_help=not shared) for fid, f in group)
        advice = next(iter(helps)) if shared else ""
        tail = ((f'<p class="help"><strong>Instead:</strong> {_e(advice)}</p>' if advice else "")
                + f'<p class="meta">{rule_tag}</p>' + self._evidence(f0))
        return (f'<li class="group" data-rule="{_e(f0.rule)}" data-severity="{sev}">{head}'
                f'<ul class="places">{items}</ul>{tail}</li>')

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

    def render(self, postings: list[tuple[str, str | None, list]], files: int) -> str:
        sections, rows = [], []
        fid = 0
        all_rules: Counter = Counter()
        totals: Counter = Counter()
        levels: Counter = Counter()
        for pid, (path, text, findings) in enumerate(postings, start=1):
            page = (pid - 1) // self.page_size + 1
            html_posting, fid = self.render_posting(pid, path, text, findings, fid, page)
            sections.append(html_posting)
            c = Counter(f.severity for f in findings)
            totals.update(c)
            all_rules.update(f.rule for f in findings)
            worst = max((f.severity for f in findings), default=None)
            level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}.get(worst, "ok")  # type: ignore[arg-type]
            levels[level] += 1
            title = posting_title(text) or path
            rows.append(f'<tr data-page="{page}"><td><a href="#p-{pid}">{_e(title)}</a><br><span class="path">{_e(path)}</span></td>'
                        f'<td data-sort="{c[Severity.ERROR]}">{c[Severity.ERROR]}</td>'
                        f'<td data-sort="{c[Severity.WARNING]}">{c[Severity.WARNING]}</td>'
                        f'<td data-sort="{c[Severity.INFO]}">{c[Severity.INFO]}</td>'
                        f'<td data-sort="{len(findings)}">{len(findings)}</td></tr>')
        sev_boxes = "".join(
            f'<label><input type="checkbox" name="sev" value="{s}" checked> <span class="label sev-{s}">{_LABEL[s]}</span></label>'
            for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
        rule_boxes = "".join(
            f'<label><input type="checkbox" name="rule" value="{_e(r)}" checked> {_e(self._what_name(r))} ({n})</label>'
            for r, n in sorted(all_rules.items()))
        n = sum(totals.values())
        n_postings = len(postings)
        overview = (f"{_plural(n_postings, 'posting')}: "
                    f"{levels['error']} not ready (something to fix before publishing), "
                    f"{levels['warning']} almost ready, {levels['info'] + levels['ok']} ready to publish.")
        summary = (f"{n} finding{'s' if n != 1 else ''} in {sum(1 for _, _, fs in postings if fs)} of {files} "
                   f"posting{'s' if files != 1 else ''}: " + self._counts(totals))
        pages = (n_postings - 1) // self.page_size + 1 if n_postings else 1
        return _PAGE.format(
            version=_e(self.version), summary=summary, overview=_e(overview), rows="\n".join(rows), sev_boxes=sev_boxes,
            rule_boxes=rule_boxes, sections="\n".join(sections), css=_CSS, js=_JS, head_js=_HEAD_JS, csp=CSP,
            pages=pages, page_size=self.page_size)

    def _what_name(self, rule_name: str) -> str:
        rule = self.rules.get(rule_name)
        return for_readers(rule.summary).rstrip(".") if rule is not None and rule.summary else rule_name


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
.path { color: var(--muted); font-size: .85rem; word-break: break-all; margin: 0; }
h2 + .path { margin-top: -.25rem; }
.verdict { border-left: 6px solid; padding: .4rem .75rem; background: #f6f6f6; }
.verdict.v-error { border-color: var(--err); } .verdict.v-warning { border-color: var(--warn); }
.verdict.v-info { border-color: var(--info); } .verdict.v-ok { border-color: #2e7d32; }
.what { margin: .2rem 0; }
.group { margin-bottom: 1rem; }
.places { padding-left: 1.1rem; margin: .2rem 0; }
.count { color: var(--muted); }
.meta { margin: .1rem 0; }
.rule { color: var(--muted); font-size: .8rem; }
.js .posting.later { display: none; }
#pager:not([hidden]) { margin: 1.5rem 0; display: flex; gap: 1rem; align-items: center; }
"""

# Runs first, in <head>: marks the page as scripted, so postings past the first page are not
# laid out (only with JavaScript: without it, every posting is shown).
_HEAD_JS = 'document.documentElement.classList.add("js");'


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
  var pager = document.getElementById("pager"), pages = Number(pager.getAttribute("data-pages")), page = 1;
  var postings = document.querySelectorAll("section.posting");
  function show(p) {
    page = Math.min(Math.max(1, p), pages);
    postings.forEach(function (s) { s.classList.toggle("later", s.getAttribute("data-page") !== String(page)); });
    document.getElementById("page-no").textContent = "Page " + page + " of " + pages;
    document.getElementById("prev").disabled = page === 1;
    document.getElementById("next").disabled = page === pages;
  }
  function follow() {  // a link to a posting or a finding on another page opens that page
    var id = location.hash.slice(1), el = id && /^[pmn]-\d+$/.test(id) ? document.getElementById(id) : null;
    var section = el && el.closest ? el.closest("section.posting") : null;
    if (section) { show(Number(section.getAttribute("data-page"))); el.scrollIntoView(); }
  }
  if (pages > 1) {
    pager.hidden = false;
    document.getElementById("prev").addEventListener("click", function () { show(page - 1); pager.scrollIntoView(); });
    document.getElementById("next").addEventListener("click", function () { show(page + 1); pager.scrollIntoView(); });
    window.addEventListener("hashchange", follow);
    show(1);
    follow();
  }
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

def _hash(js: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")


SCRIPT_HASH = _hash(_JS)
CSP = ("default-src 'none'; style-src 'unsafe-inline'; "
       f"script-src '{SCRIPT_HASH}' '{_hash(_HEAD_JS)}'; img-src data:; base-uri 'none'; form-action 'none'; object-src 'none'")

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<title>Job posting review</title>
<script>{head_js}</script>
<style>{css}</style>
</head>
<body>
<header>
<h1>Job posting review</h1>
<p><strong>{overview}</strong></p>
<p>{summary}</p>
<p class="help">Each posting starts with a verdict. What to change is highlighted in the posting, and the list beside it says what to do instead, most important first. Made by jdlint {version}.</p>
</header>
<main>
<form id="filters" hidden aria-label="Filter findings">
<fieldset><legend>Severity</legend>{sev_boxes}</fieldset>
<fieldset><legend>Rules</legend>{rule_boxes}</fieldset>
</form>
<table id="postings">
<caption class="help">Postings and their findings (select a column heading to sort)</caption>
<thead><tr><th scope="col">Job</th><th scope="col">Errors</th><th scope="col">Warnings</th><th scope="col">Info</th><th scope="col">Total</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
<nav id="pager" hidden data-pages="{pages}" aria-label="Pages of postings ({page_size} per page)">
<button type="button" id="prev">Previous page</button> <span id="page-no" aria-live="polite"></span> <button type="button" id="next">Next page</button>
</nav>
{sections}
</main>
<script>{js}</script>
</body>
</html>
"""
