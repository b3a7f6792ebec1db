"""The JD-aware document model over markdown-it-py.

A posting is parsed once into:

- ``lines``: every line of the file with its raw text, its ``prose`` (the same line with code,
  HTML comments, raw tags and URLs blanked to spaces, so columns stay exact and no rule ever
  matches inside a directive or a link), its block kind and its section;
- ``sections``: from headings *and* from paragraphs whose first line is only bold text
  (``**Requirements**``), each with a kind (``requirements``, ``preferred``, ...) from the
  heading synonyms in ``rules/vocab/sections.yaml``;
- ``items``: list items with exact line spans, their own text (nested lists excluded), their
  section and whether they are marked preferred;
- ``blocks``: paragraphs, headings and table rows as text with a map back to positions, so a
  rule can match across hard-wrapped lines;
- ``title``: front matter ``title``, else the first H1, else the first non-empty line.

All positions are 1-based; columns count characters of the original line.
"""
from __future__ import annotations

import bisect
import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterator
from .rxcache import re_compile

from . import yamlio

# Block kinds of a line, in the order of precedence used when tokens overlap.
BLOCK_KINDS = ("front_matter", "code", "html", "table", "heading", "list_item", "paragraph", "blank")

_HTML_COMMENT = re_compile(r"<!--.*?(?:-->|\Z)", re.S)
_INLINE_CODE = re_compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_URL = re_compile(r"(?:\bhttps?://|\bftp://|\bwww\.|\bmailto:)[^\s<>()\[\]]*(?:\([^\s()]*\)[^\s<>()\[\]]*)*", re.I)
_LINK_DEST = re_compile(r"\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?)\)")
_REF_DEF = re_compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$")
_RAW_TAG = re_compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_LIST_MARKER = re_compile(r"^(\s*(?:>\s*)*)(?:[-*+]|\d{1,9}[.)])(\s+|$)")
_ABOUT_THE_JOB = re_compile(r"\b(?:this|the)\s+(?:role|job|position|post|work)\b|\byou(?:r|\s|'|\u2019)"
                            r"|\b(?:is|are)\s+to\s+be\b|\bwhat\s+needs\b|\bthe\s+(?:problem|challenge|project)\b", re.I)
_ITALIC_LABEL = -2.0  # the level marker of a short italic line that labels a list
_HEADING_MARKS = re_compile(r"^\s{0,3}#{1,6}(?:\s+|$)|\s+#+\s*$")
# A bold line that states an amount of money ("**Salary range: CAD $175,000 - $205,000 base**",
# "**$58k-$64k + bonus**") is a fact set in bold, not a heading: read as one, every paragraph
# under it until the next heading became part of the pay section.
_MONEY_FIGURE = re_compile(r"(?:[$£€¥₹]|\b(?:USD|CAD|AUD|NZD|EUR|GBP|CHF|INR|SGD)\s?)\s?\d|\b\d[\d,.]*\s?(?:k|K)\b(?=\s*[-–—/]|\s+(?:per|a|an|/)\b)")


def _blank(s: str) -> str:
    """Same length, every character but newlines turned into a space."""
    return re.sub(r"[^\n]", " ", s)


# Positions are counted on text normalised by these functions; anything that maps findings
# back onto a posting (the HTML report) must use them too.

def normalize(text: str) -> str:
    """The text as jdlint reads it: BOM dropped, CRLF and CR as LF, NUL as U+FFFD."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
    return text


def split_lines(text: str) -> list[str]:
    """Lines of normalised text; a final newline does not start another line."""
    lines = text.split("\n")
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines


def front_matter_end(lines: list[str]) -> int:
    """How many lines a leading ``---`` ... ``---`` (or ``...``) block takes; 0 if none."""
    if lines and lines[0].rstrip() == "---":
        for i in range(1, len(lines)):
            if lines[i].rstrip() in ("---", "..."):
                return i + 1
    return 0


def blank_comments(text: str) -> str:
    """HTML comments (directives, notes) turned into spaces; lines and columns are kept."""
    return _HTML_COMMENT.sub(lambda m: _blank(m.group(0)), text)


@lru_cache(maxsize=1)
def _markdown():
    """markdown-it-py for the block structure only: the inline pass (about 40% of its parse)
    is skipped, and run by ``_inline_children`` on the few paragraphs that may open with a
    bold-only line, the only place the model reads inline tokens."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.disable(["inline", "text_join"])
    return md


def _inline_children(md: Any, tok: Any, env: dict) -> list:
    """The inline tokens of one ``inline`` block token, as the full parse would give them
    (markdown-it-py's inline pass, then its ``text_join`` rule)."""
    children: list = []
    md.inline.parse(tok.content, md, env, children)
    out: list = []
    for c in children:
        if c.type == "text_special":
            c.type = "text"
        if c.type == "text" and out and out[-1].type == "text":
            out[-1].content += c.content
        else:
            out.append(c)
    return out


@dataclass(eq=False)
class Section:
    """A heading (or bold-only line) and everything under it until the next one at its level."""

    title: str
    kind: str
    level: float
    line: int
    column: int
    end_line: int = 0
    end_column: int = 0  # just past the heading text on its line (bold markers included)
    parent: "Section | None" = None
    bold: bool = False
    explicit_kind: bool = False
    items: list["Item"] = field(default_factory=list)
    children: list["Section"] = field(default_factory=list)

    def ancestors(self) -> Iterator["Section"]:
        s = self.parent
        while s is not None:
            yield s
            s = s.parent

    def __repr__(self) -> str:
        return f"Section({self.title!r}, kind={self.kind!r}, line={self.line})"


@dataclass(eq=False)
class Item:
    """A list item: its own lines (nested lists excluded), text, depth and section."""

    line: int
    end_line: int
    column: int
    text: str
    section: Section
    depth: int
    preferred: bool = False
    parent: "Item | None" = None
    lines: tuple[int, ...] = ()
    leadin: str | None = None  # the "...:" line that introduces the item's list

    def __repr__(self) -> str:
        return f"Item(line={self.line}, {self.text[:40]!r})"


@dataclass(eq=False)
class Line:
    number: int
    text: str
    prose: str
    block: str
    section: Section

    @property
    def blank(self) -> bool:
        return not self.prose.strip()


# A field that names the job in a posting's header block ("**Position:** Data Analyst", "Job
# title: Nurse Informaticist").
_TITLE_FIELD = re_compile(r"\s*(?:[*_]{1,2})?(?:job\s+title|position(?:\s+title)?|post(?:\s+title)?|role(?:\s+title)?|"
                          r"vacancy|job|title)\s*(?::\s*(?:[*_]{1,2})?|(?:[*_]{1,2})?\s*:)\s*", re.I)
# A pasted HTML line that holds one line of text ("<p><strong>Claims Data Engineer</strong></p>",
# "<h1>Data Analyst</h1>"): its text can be the title.
_HTML_TEXT = re_compile(r"\s*<(?:p|h[1-6]|strong|b|div|span)\b[^>]*>(?:\s*<(?:p|h[1-6]|strong|b|span|em)\b[^>]*>)*[^<>]*\w[^<>]*<", re.I)
_RAW_HTML = re_compile(r"\s*<(?:script|style|pre|textarea|svg|!--)", re.I)
# Where one sentence ends and the next begins, inside a lead-in paragraph.
_SENTENCE_BREAK = re_compile(r"(?<=[.!?])\s+(?=[\"'\u201c(]?[A-Z0-9])")


def _last_sentence(text: str) -> str:
    """The sentence of a lead-in that introduces its list: in "Today that runs on a chain of
    prompts, plus more regular expressions than we'd like. Your job is to make it accurate:"
    only the last, so its "plus" does not make the list nice-to-haves."""
    ends = [m.end() for m in _SENTENCE_BREAK.finditer(text, 0, max(len(text) - 1, 0))]
    return text[ends[-1]:] if ends else text


@dataclass(eq=False)
class Block:
    """Prose of one paragraph, heading or table row, joined with newlines, with positions."""

    text: str
    first_line: int
    kind: str
    section: Section
    item: Item | None
    _starts: list[int]

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) of a character offset into ``text``; both 1-based."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return self.first_line + i, offset - self._starts[i] + 1


@dataclass
class Title:
    text: str
    line: int
    column: int
    end_column: int
    source: str  # "front_matter", "h1" or "line"


class FrontMatterError(Exception):
    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.message = message
        self.line = line


class Document:
    """A parsed posting. Build with :meth:`parse`."""

    path: str
    text: str
    lines: list[Line]
    sections: list[Section]
    items: list[Item]
    blocks: list[Block]
    title: Title | None
    front_matter: dict | None
    front_matter_span: tuple[int, int] | None
    front_matter_errors: list[FrontMatterError]
    root: Section

    def __init__(self, path: str = "<text>"):
        self.path = path
        self._joined: dict[tuple[frozenset, bool], tuple[str, Any]] = {}
        self.facts: Any = None  # the domain layer's Facts for this posting (domain.facts_for)
        self.front_matter = None
        self.front_matter_span = None
        self.front_matter_errors = []
        self.title = None

    # -- parsing ---------------------------------------------------------------------------

    @classmethod
    def parse(cls, text: str, path: str = "<text>", vocab: Any = None) -> "Document":
        from .vocab import load_vocab

        vocab = vocab or load_vocab()
        doc = cls(path)
        doc.text = normalize(text)
        raw = split_lines(doc.text)
        n = len(raw)

        fm_end = doc._parse_front_matter(raw)
        body_lines = [("" if i < fm_end else l) for i, l in enumerate(raw)]
        body = "\n".join(body_lines)

        # Prose: mask comments over the whole body (they span lines), then per line.
        masked = blank_comments(body)
        prose = masked.split("\n")
        if len(prose) < n:
            prose += [""] * (n - len(prose))

        md = _markdown()
        env: dict = {}
        tokens = md.parse(body, env)
        block = ["blank" if not l.strip() else "paragraph" for l in raw]
        rank = {k: i for i, k in enumerate(BLOCK_KINDS)}

        def mark(a: int, b: int, kind: str) -> None:
            for i in range(a, min(b, n)):
                if rank[kind] < rank[block[i]] or block[i] == "blank" and kind in ("code", "html"):
                    block[i] = kind

        for i in range(fm_end):
            block[i] = "front_matter"
            prose[i] = _blank(raw[i])

        headings: list[tuple[int, int, float, bool, str]] = []  # (line0, col0, level, bold, text)
        list_items: list[tuple[int, int, int, int]] = []  # (start0, end0, depth, list's first line0)
        paragraphs: list[tuple[int, int, int]] = []  # (start0, end0, list depth)
        depth = 0
        open_lists: list[int] = []  # first line of each list we are inside
        for idx, tok in enumerate(tokens):
            t = tok.type
            if t in ("bullet_list_open", "ordered_list_open"):
                open_lists.append(tok.map[0] if tok.map else 0)
            elif t in ("bullet_list_close", "ordered_list_close"):
                open_lists.pop()
            elif t == "list_item_open":
                depth += 1
                if tok.map:
                    list_items.append((tok.map[0], tok.map[1], depth, open_lists[-1] if open_lists else 0))
                    mark(tok.map[0], tok.map[1], "list_item")
            elif t == "list_item_close":
                depth -= 1
            elif t in ("fence", "code_block") and tok.map:
                mark(tok.map[0], tok.map[1], "code")
                for i in range(tok.map[0], min(tok.map[1], n)):
                    prose[i] = _blank(raw[i])
            elif t == "html_block" and tok.map:
                mark(tok.map[0], tok.map[1], "html")
                # A posting pasted from an ATS export ("<p>You will lead the rewrite ...</p>")
                # says its work in HTML: each line's text (tags masked) is prose of its own, so
                # the sentences in it count. Script, style and preformatted blocks do not.
                if not _RAW_HTML.match(tok.content):
                    paragraphs.extend((i, i + 1, depth) for i in range(tok.map[0], min(tok.map[1], n)))
            elif t == "table_open" and tok.map:
                mark(tok.map[0], tok.map[1], "table")
            elif t == "heading_open" and tok.map:
                mark(tok.map[0], tok.map[1], "heading")
                line0 = tok.map[0]
                if tok.markup in ("=", "-"):  # setext: the text is on the first line
                    level = 1 if tok.markup == "=" else 2
                else:
                    level = int(tok.tag[1])
                headings.append((line0, -1, float(level), False, ""))
            elif t == "paragraph_open" and tok.map:
                paragraphs.append((tok.map[0], tok.map[1], depth))
                # A bold-only first line opens with "**" or "__"; only then are inline tokens needed.
                content = tokens[idx + 1].content
                if depth == 0 and tok.level == 0 and content.startswith(("**", "__")):
                    bold = _emphasis_first_line(_inline_children(md, tokens[idx + 1], env))
                    if bold is not None and not _MONEY_FIGURE.search(bold):
                        # "**What I'm looking for.**": the full stop is the label's, not the kind's
                        if bold.endswith(".") and not bold.endswith(".."):
                            bold = bold[:-1].rstrip()
                        headings.append((tok.map[0], -1, -1.0, True, bold))
                elif (depth == 0 and tok.level == 0 and content.startswith(("*", "_"))
                      and tok.map[1] - tok.map[0] == 1 and len(content) <= 60):
                    # A short italic line on its own ("*Trade customers*") labels the list
                    # under it as a bold one does; an italic sentence ("*Applications close
                    # on 5 May.*") does not.
                    label = _emphasis_first_line(_inline_children(md, tokens[idx + 1], env), "em")
                    if label is not None and not label.endswith((".", "!", "?")) and len(label.split()) <= 6:
                        headings.append((tok.map[0], -1, _ITALIC_LABEL, True, label))

        # Per-line masking of code spans, URLs, link destinations and raw tags.
        for i in range(fm_end, n):
            if block[i] == "code":
                continue
            p = prose[i]
            if not p.strip():
                continue
            if "`" in p:
                p = _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), p)
            if "](" in p:
                p = _LINK_DEST.sub(lambda m: "]" + " " * (len(m.group(0)) - 1), p)
            if "://" in p or "www." in p.lower() or "mailto:" in p.lower():
                p = _URL.sub(lambda m: " " * len(m.group(0)), p)
            if "<" in p:
                p = _RAW_TAG.sub(lambda m: " " * len(m.group(0)), p)
            if p.lstrip().startswith("[") and _REF_DEF.match(p):
                p = " " * len(p)
            prose[i] = p

        doc.root = Section(title="", kind="other", level=0.0, line=1, column=1, end_line=n, explicit_kind=True)
        doc.sections = []
        doc._build_sections(headings, raw, prose, vocab)

        # Lines with their sections: the innermost section is the last one started before.
        starts = [s.line for s in doc.sections]
        doc.lines = []
        for i in range(n):
            k = bisect.bisect_right(starts, i + 1) - 1
            sec = doc.sections[k] if k >= 0 else doc.root
            doc.lines.append(Line(i + 1, raw[i], prose[i], block[i], sec))

        doc._build_items(list_items, vocab)
        doc._build_blocks(paragraphs, headings)
        doc._find_title(tokens, vocab)
        return doc

    def _parse_front_matter(self, raw: list[str]) -> int:
        """Parse a leading ``---`` block; returns the number of lines it takes (0 if none)."""
        end = front_matter_end(raw) - 1
        if end < 0:
            return 0
        self.front_matter_span = (1, end + 1)
        text = "\n".join(raw[1:end])
        try:
            # Line-tracking construction (in Python) only when a line may be reported: a jdlint
            # block, or possible aliases (which it refuses). Otherwise the C loader.
            if "jdlint" in text or ("&" in text and "*" in text):
                data = yamlio.load(text)
            else:
                data = yamlio.load_fast(text)
        except yamlio.YamlError as exc:
            self.front_matter_errors.append(FrontMatterError(exc.message, self.fm_line(exc.line or 1)))
            return end + 1
        if data is None:
            data = yamlio.LineDict()
        if not isinstance(data, dict):
            self.front_matter_errors.append(
                FrontMatterError(f"front matter must be a mapping of keys to values, not {yamlio.type_word(data)}", 2)
            )
            return end + 1
        self.front_matter = data
        return end + 1

    def fm_line(self, yaml_line: int | None) -> int:
        """The file line of a 1-based line inside the front matter, as YAML counts it. YAML
        also breaks lines at U+0085, U+2028 and U+2029, so its count is kept inside the block."""
        a, b = self.front_matter_span or (1, 1)
        return min(max((yaml_line or 1) + a, a + 1), max(b - 1, a + 1))

    def _build_sections(self, headings, raw, prose, vocab) -> None:
        headings.sort(key=lambda h: h[0])
        stack: list[Section] = [self.root]
        real_level = 0.0
        for line0, _col, level, bold, text in headings:
            if bold:
                # An italic label sits under a bold one ("**Main responsibilities**" then
                # "*IT and systems*"): its list belongs to the bold heading's kind.
                level = real_level + (0.75 if level == _ITALIC_LABEL else 0.5)
                p = prose[line0]
                col = len(p) - len(p.lstrip())
                end_col = len(p.rstrip()) + 1
            else:
                real_level = level
                p = prose[line0]
                m = _HEADING_MARKS.match(p)
                text_part = p[m.end():] if m else p
                text_part = _HEADING_MARKS.sub("", text_part)
                col = len(p) - len(p.lstrip()) if not m else m.end()
                text = text_part.strip()
                # (a setext heading's text is the whole line, its indent included)
                end_col = (col if m else 0) + len(text_part.rstrip()) + 1
            text = _strip_emphasis(text)
            kind, explicit = vocab.section_kind(text)
            if kind is not None and not self.sections and _names_a_job(text, vocab):
                # The posting's title is not a section of its kind: "Senior Data Scientist,
                # Driver Experience" is not a requirements section, whatever "experience" says.
                kind, explicit = None, False
            # A bold label holds a list or a paragraph, never a markdown heading: "**Salary:**"
            # under the title does not make the "## About us" after it a part of the salary.
            while len(stack) > 1 and (stack[-1].level >= level or (not bold and stack[-1].bold)):
                stack.pop()
            parent = stack[-1]
            inherited = parent.kind
            if kind is None and inherited == "about" and _ABOUT_THE_JOB.search(text):
                inherited = "role"  # "Why this role exists" under the employer's name is about the job
            sec = Section(title=text, kind=kind or inherited, level=level, line=line0 + 1,
                          column=col + 1, end_column=max(end_col, col + 2), parent=parent, bold=bold,
                          explicit_kind=explicit)
            if kind is None and parent is self.root:
                sec.kind = "other"
            parent.children.append(sec)
            self.sections.append(sec)
            stack.append(sec)
        # End lines: just before the next section at the same or a higher level.
        # One pass with a stack of open sections (levels strictly increasing): a new section
        # ends every open one at its level or deeper. (It was a scan per section: quadratic.)
        n = len(raw)
        open_secs: list[Section] = []
        for sec in self.sections:
            while open_secs and open_secs[-1].level >= sec.level:
                open_secs.pop().end_line = sec.line - 1
            open_secs.append(sec)
        for sec in open_secs:
            sec.end_line = n

    def _build_items(self, list_items, vocab) -> None:
        self.items = []
        n = len(self.lines)
        # Lines owned by each item: its map minus the maps of items nested in it.
        spans = sorted(list_items, key=lambda x: (x[0], -x[1]))
        owner: dict[int, int] = {}
        for k, (a, b, _d, _i) in enumerate(spans):
            for i in range(a, min(b, n)):
                owner[i] = k  # later (nested) items overwrite their parents' lines
        stack: list[tuple[int, Item]] = []  # (end line0, item) of the enclosing items
        leadin_cache: dict[int, tuple] = {}
        for k, (a, b, d, list_start) in enumerate(spans):
            own = [i for i in range(a, min(b, n)) if owner.get(i) == k]
            while own and not self.lines[own[-1]].prose.strip():
                own.pop()
            if not own:
                own = [a]
            first = self.lines[own[0]]
            m = _LIST_MARKER.match(first.prose)
            col0 = m.end() if m else len(first.prose) - len(first.prose.lstrip())
            parts = [first.prose[col0:].strip()]
            parts += [self.lines[i].prose.strip().lstrip(">").strip() for i in own[1:]]
            text = " ".join(p for p in parts if p)
            while stack and stack[-1][0] <= a:
                stack.pop()
            parent = stack[-1][1] if stack else None
            section = first.section
            item = Item(line=own[0] + 1, end_line=own[-1] + 1, column=col0 + 1, text=text,
                        section=section, depth=d, parent=parent, lines=tuple(i + 1 for i in own))
            if list_start not in leadin_cache:
                leadin_cache[list_start] = self._leadin(list_start)
            leadin, leadin_item = leadin_cache[list_start]
            if parent is None and leadin_item is not None:
                # A list right after "1. Experience that includes ONE of the following:" that
                # was not indented under it still belongs to it.
                item.parent = parent = leadin_item
                item.depth = leadin_item.depth + 1
            item.leadin = leadin
            item.preferred = (
                section.kind == "preferred"
                or (leadin is not None and vocab.is_preferred_leadin(_last_sentence(leadin)))
                or (parent is not None and parent.preferred)
                or vocab.item_is_preferred(text)
            )
            section.items.append(item)
            self.items.append(item)
            stack.append((b, item))

    def _leadin(self, list_line0: int) -> tuple[str | None, "Item | None"]:
        """The text that introduces the list at this 0-based line, when it ends with ":".

        Returns (text, item): ``item`` is set when the introducer is itself a list item.
        """
        i = list_line0 - 1
        while i >= 0 and not self.lines[i].prose.strip():
            i -= 1
        if i < 0 or self.lines[i].block not in ("paragraph", "list_item"):
            return None, None
        text = self.lines[i].prose.strip()
        if not text.endswith(":") and not self._label_line(i):
            return None, None
        if self.lines[i].block == "list_item":
            for it in reversed(self.items):
                if i + 1 in it.lines:
                    return it.text, it
        return text, None

    def _label_line(self, i: int) -> bool:
        """A one-line paragraph of a few words with no sentence end, right above a list
        ("Essential", "Desirable", "Nice to have"): a label, read as the list's lead-in as
        "Desirable:" would be."""
        ln = self.lines[i]
        text = _strip_emphasis(ln.prose.strip())
        after = self.lines[i + 1] if i + 1 < len(self.lines) else None
        one_line = ((i == 0 or not self.lines[i - 1].prose.strip())
                    and (after is None or not after.prose.strip() or after.block == "list_item"))
        return (ln.block == "paragraph" and one_line and 0 < len(text.split()) <= 4
                and not text.endswith((".", "!", "?", ",")))

    def _build_blocks(self, paragraphs, headings) -> None:
        self.blocks = []
        item_at: dict[int, Item] = {}
        for it in self.items:
            for number in it.lines:
                item_at[number] = it
        spans: list[tuple[int, int, str]] = [(a, b, "paragraph") for a, b, _ in paragraphs]
        spans += [(h[0], h[0] + 1, "heading") for h in headings if not h[3]]
        for ln in self.lines:
            if ln.block == "table" and ln.prose.strip():
                spans.append((ln.number - 1, ln.number, "table"))
        for a, b, kind in sorted(spans):
            b = min(b, len(self.lines))
            if a >= b:
                continue
            texts, starts, pos = [], [], 0
            for i in range(a, b):
                starts.append(pos)
                texts.append(self.lines[i].prose)
                pos += len(self.lines[i].prose) + 1
            text = "\n".join(texts)
            if not text.strip():
                continue
            line = self.lines[a]
            self.blocks.append(Block(text, a + 1, kind, line.section, item_at.get(a + 1), starts))

    def _find_title(self, tokens, vocab: Any = None) -> None:
        fm = self.front_matter
        if fm is not None and fm.get("title") not in (None, ""):
            value = fm.get("title")
            text = str(value).strip()
            line = yamlio.line_of(fm, "title", None)
            if line is None:  # loaded without line numbers: find the top-level key
                fm_end = self.front_matter_span[1] if self.front_matter_span else 1
                line = next((i for i, ln in enumerate(self.lines[1:fm_end], start=1)
                             if re.match(r"title\s*:", ln.text)), 1)
            line = self.fm_line(line)
            raw = self.lines[line - 1].text if line - 1 < len(self.lines) else ""
            m = re.match(r"\s*title\s*:\s*(['\"]?)", raw)
            col = min(m.end() + 1 if m else 1, len(raw) + 1)
            # A folded or multi-line YAML value does not fit on the key's line: stop at its end.
            self.title = Title(text, line, col, min(col + len(text), len(raw) + 1), "front_matter")
            return
        for tok in tokens:
            if tok.type == "heading_open" and tok.tag == "h1" and tok.map:
                line0 = tok.map[0]
                p = self.lines[line0].prose
                m = _HEADING_MARKS.match(p)
                start = m.end() if m else len(p) - len(p.lstrip())
                text = _strip_emphasis(_HEADING_MARKS.sub("", p[start:]).strip())
                if text:
                    self.title = Title(text, line0 + 1, start + 1, start + 1 + len(text), "h1")
                    return
        first: Title | None = None
        for ln in self.lines:
            if ln.block in ("front_matter", "code", "blank") or (ln.block == "html" and not _HTML_TEXT.match(ln.text)):
                continue
            p = ln.prose
            if p.strip():
                m = _HEADING_MARKS.match(p) or _LIST_MARKER.match(p)
                start = m.end() if m else len(p) - len(p.lstrip())
                text = _strip_emphasis(p[start:].strip())
                if not text:
                    continue
                found = Title(html.unescape(text) if ln.block == "html" else text, ln.number, start + 1,
                              start + 1 + len(text), "line")
                if first is None:
                    first = found
                    # An employer's name on the first line, the job on the next ("**Silver
                    # Pika Mountain Resort**" over "**IT Systems Administrator**"): the job.
                    if vocab is None or _has_role_noun(text, vocab):
                        break
                    continue
                if ln.number == first.line + 1 and len(text) <= 120 and _has_role_noun(text, vocab):
                    first = found
                    break
                # A labelled field near the top names the job ("VACANCY ANNOUNCEMENT" over
                # "**Position:** Product Manager / M&E Data Analyst"): the field's value.
                label = _TITLE_FIELD.match(p)
                if label and _has_role_noun(p[label.end():], vocab):
                    value = _strip_emphasis(p[label.end():].strip())
                    at = label.end() + len(p[label.end():]) - len(p[label.end():].lstrip())
                    first = Title(value, ln.number, at + 1, at + 1 + len(value), "line")
                    break
                if ln.number > first.line + 12:
                    break
        self.title = first

    # -- queries ---------------------------------------------------------------------------

    @property
    def jdlint_settings(self) -> dict:
        """The front matter ``jdlint:`` block (per-file overrides), or {}."""
        fm = self.front_matter or {}
        value = fm.get("jdlint")
        return value if isinstance(value, dict) else {}

    def prose_lines(self) -> Iterator[Line]:
        for ln in self.lines:
            if ln.block not in ("front_matter", "code") and ln.prose.strip():
                yield ln

    def sections_of(self, *kinds: str) -> list[Section]:
        return [s for s in self.sections if s.kind in kinds]

    def joined(self, skip_kinds: frozenset = frozenset(), skip_headings: bool = False):
        """All prose blocks (but those in sections of ``skip_kinds``) as one text, blocks apart
        by a blank line so no pattern runs from one into the next; returns (text, position),
        where position(offset) gives (line, column). One regex pass over a posting is much
        cheaper than one per block."""
        key = (skip_kinds, skip_headings)
        if key not in self._joined:
            self._joined[key] = join_blocks([b for b in self.blocks if not (
                b.section.kind in skip_kinds or (skip_headings and b.kind == "heading"))])
        return self._joined[key]

    def anchor(self) -> tuple[int, int, int, str]:
        """(line, column, end column, text) where a document-level finding goes: the title, or
        the first line with prose, or the start of the file."""
        t = self.title
        if t is not None:
            return t.line, t.column, t.end_column, t.text
        for ln in self.prose_lines():
            start = len(ln.prose) - len(ln.prose.lstrip())
            text = ln.prose.strip()
            return ln.number, start + 1, start + 1 + len(text), text
        return 1, 1, 1, ""

    def has_content(self) -> bool:
        return any(True for _ in self.prose_lines())


def _has_role_noun(text: str, vocab: Any) -> bool:
    from .domain.titles import has_role_noun  # the title grammar reads the vocabulary too

    return has_role_noun(text, vocab)


def _names_a_job(text: str, vocab: Any) -> bool:
    from .domain.titles import names_a_job  # the title grammar reads the vocabulary too

    return names_a_job(text, vocab)


def _strip_emphasis(text: str) -> str:
    text = re.sub(r"(\*\*|__|\*|~~)", "", text)
    text = re.sub(r"(?<!\w)_(?=\w)|(?<=\w)_(?!\w)", "", text)
    return text.strip()


_BR = re_compile(r"<br\s*/?>$", re.I)


def join_blocks(blocks: list[Any]) -> tuple[str, Any]:
    """Blocks as one text, a blank line apart (so no pattern runs from one into the next), and
    position(offset) -> (line, column) in the file."""
    parts, starts, pos = [], [], 0
    for b in blocks:
        starts.append(pos)
        parts.append(b.text)
        pos += len(b.text) + 2

    def position(offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(starts, offset) - 1
        return blocks[i].position(offset - starts[i])

    return "\n\n".join(parts), position


def _decoration_only(text: str) -> bool:
    """Whether text after a bold label is only emoji and punctuation ("**The Package** 💰"):
    the label is still a heading."""
    return all(c.isspace() or c in ":.!\ufe0f\u200d" or unicodedata.category(c) == "So" for c in text)


def _emphasis_first_line(inline_children: list, kind: str = "strong") -> str | None:
    """Text of a paragraph's first line when that line is only bold text (``kind`` "strong") or
    only italic text (``kind`` "em"), else None."""
    # markdown-it-py 4 puts empty text tokens around emphasis; they carry nothing.
    children = [c for c in inline_children if not (c.type == "text" and not c.content)]
    opening, closing = kind + "_open", kind + "_close"
    if not children or children[0].type != opening:
        return None
    depth = 0
    parts: list[str] = []
    for i, ch in enumerate(children):
        if ch.type == opening:
            depth += 1
            continue
        if ch.type == closing:
            depth -= 1
            if depth == 0:
                rest = children[i + 1:]
                tail: list[str] = []
                for r in rest:
                    if r.type in ("softbreak", "hardbreak"):
                        break
                    if r.type == "html_inline" and (r.content.startswith("<!--") or _BR.match(r.content)):
                        continue  # a directive or comment after the bold text, or a pasted "<br>"
                    tail.append(r.content if r.type == "text" else "x")
                tail_text = "".join(tail).strip()
                if tail_text not in ("", ":", ".") and not _decoration_only(tail_text):
                    return None
                text = "".join(parts).strip().rstrip(":").strip()
                return text or None
            continue
        if depth == 0:
            return None
        if ch.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif ch.type in ("link_open", "link_close"):
            continue
        else:
            parts.append(ch.content)
    return None
