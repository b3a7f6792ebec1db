"""``jdlint server``: a language server over stdio (pygls), so editors show findings while a
posting is written.

- Diagnostics on open, change (debounced) and save, for markdown files the nearest config
  includes; the rule name is the code and ``codeDescription.href`` links to its documentation.
- Linting runs on one worker thread, never on the event loop. Work is coalesced per document:
  a lint starts only for the newest version, a lint already running stops between rules when
  a newer version arrives, and a result is published only if its version is still the newest,
  so an old version never replaces a newer one.
- Code actions: apply a safe fix (one, or all in the file); suppress a rule for a line or for the
  file; add a tool to ``stack:`` in the nearest config (``tool-not-in-stack`` only).
- Hover on a finding: the rule's why and instead (as ``--explain`` prints) and the evidence.
- Config changes (``.jdlint.yaml``, ``extends``, packs) take effect without a restart: on a
  save or a watched-file event, and by a cheap modification-time check before every lint. A
  config that cannot be loaded is one diagnostic on the file at fault; the server keeps serving.
"""
from __future__ import annotations

import asyncio
import os
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from ._version import __version__
from .config import CONFIG_NAMES, Config, ConfigError, ReloadingConfigFinder
from .document import Document
from .engine import MARKDOWN_SUFFIXES, LintCancelled, apply_fixes, lint_document
from .finding import Finding, Severity
from .patterns import PatternTimeout
from .vocab import load_vocab

SOURCE = "jdlint"
DEBOUNCE_SECONDS = 0.3
ADD_TO_STACK = "jdlint.addToStack"
# Where the rule documentation lives when no checkout's docs/rules.md is at hand.
DOCS_URL = "https://github.com/jdlint/jdlint/blob/main/docs/rules.md"

SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error,
            Severity.WARNING: types.DiagnosticSeverity.Warning,
            Severity.INFO: types.DiagnosticSeverity.Information}

_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")


def split_lines(text: str) -> list[tuple[str, str]]:
    """(content, line ending) per line, split the way jdlint counts lines."""
    out = []
    for m in _LINE.finditer(text):
        if m.group(0) == "" and m.start() == len(text):
            break
        out.append((m.group(1), m.group(2)))
    return out or [("", "")]


def _units(s: str, encoding: str) -> int:
    if encoding == types.PositionEncodingKind.Utf32:
        return len(s)
    if encoding == types.PositionEncodingKind.Utf8:
        return len(s.encode("utf-8", "surrogatepass"))
    return len(s.encode("utf-16-le", "surrogatepass")) // 2


def _char_index(s: str, units: int, encoding: str) -> int:
    """The character index of a client column (in ``encoding`` units) on line ``s``."""
    if encoding == types.PositionEncodingKind.Utf32:
        return min(units, len(s))
    n = 0
    for i, ch in enumerate(s):
        if n >= units:
            return i
        n += _units(ch, encoding)
    return len(s)


class Positions:
    """Converts jdlint's 1-based line and character columns to LSP positions and back."""

    def __init__(self, text: str, encoding: str):
        self.lines = [c for c, _e in split_lines(text)]
        self.encoding = encoding

    def position(self, line: int, column: int) -> types.Position:
        i = max(0, line - 1)
        if i >= len(self.lines):
            return types.Position(line=len(self.lines), character=0)
        content = self.lines[i]
        return types.Position(line=i, character=_units(content[: max(0, column - 1)], self.encoding))

    def range(self, f: Finding) -> types.Range:
        return types.Range(start=self.position(f.line, f.column), end=self.position(f.end_line, f.end_column))

    def line_end(self, line: int) -> types.Position:
        return self.position(line, len(self.lines[line - 1]) + 1 if 0 < line <= len(self.lines) else 1)

    def to_char(self, pos: types.Position) -> tuple[int, int]:
        """(1-based line, 1-based character column) of an LSP position."""
        if pos.line >= len(self.lines):
            return pos.line + 1, 1
        return pos.line + 1, _char_index(self.lines[pos.line], pos.character, self.encoding) + 1


def docs_href(rule: Any) -> str:
    """The documentation of a rule: its section in docs/rules.md (``JDLINT_DOCS_URL`` or the
    checkout's file in place of the project's page), or a pack rule's own YAML file."""
    from .registry import builtin_rules

    rule_file: str = rule.file
    if rule_file and rule.name not in {r.name for r in builtin_rules()}:
        return from_fs_path(str(Path(rule_file).resolve())) or DOCS_URL
    base = os.environ.get("JDLINT_DOCS_URL")
    if not base:
        local = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
        base = (from_fs_path(str(local)) or DOCS_URL) if local.is_file() else DOCS_URL
    return f"{base}#{rule.id.lower()}-{rule.name}"


@dataclass
class Linted:
    """The last published lint of one document."""

    version: int | None
    text: str
    findings: list[Finding]
    cfg: Config
    front_matter_end: int = 0  # the last line of the front matter (0: none)
    positions: Positions | None = None


@dataclass
class DocState:
    latest: int = 0  # a counter bumped on every open/change, not the client's version
    pending: asyncio.Task | None = None
    linted: Linted | None = None
    config_error: str | None = None  # the URI of the config file at fault, if any


class JdlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("jdlint", __version__)
        self.docs: dict[str, DocState] = {}
        self.debounce = DEBOUNCE_SECONDS
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jdlint-lint")
        self.configs = ReloadingConfigFinder()  # used on the worker thread
        self.config_error_uris: set[str] = set()

    # -- configuration ------------------------------------------------------------------------

    def reset_config(self) -> None:
        """Forget every loaded config (the next lint reads them again)."""
        self.configs.reset()

    def config_for(self, path: str) -> Config:
        """The config of the posting at ``path`` (raises ConfigError), re-read when changed."""
        return self.configs.for_path(path)

    # -- linting ------------------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        state = self.docs.setdefault(uri, DocState())
        state.latest += 1
        if state.pending is not None and not state.pending.done():
            state.pending.cancel()
        state.pending = asyncio.ensure_future(self._lint_later(uri, state.latest, delay))

    async def _lint_later(self, uri: str, generation: int, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        if self._stale(uri, generation):
            return
        try:
            doc = self.workspace.get_text_document(uri)
        except Exception:
            return
        text, version = doc.source, doc.version
        loop = asyncio.get_running_loop()
        result = await loop.run_in_executor(self.executor, self._lint_job, uri, text, version, generation)
        if result is None or self._stale(uri, generation):
            return  # stale: a newer version is on its way
        self._publish(uri, self.docs[uri], result)

    def _stale(self, uri: str, generation: int) -> bool:
        state = self.docs.get(uri)
        return state is None or state.latest != generation

    def _lint_job(self, uri: str, text: str, version: int | None, generation: int) -> Any:
        """On the worker thread. None when the work went stale before it started."""
        if self._stale(uri, generation):
            return None
        path = to_fs_path(uri) if uri.startswith("file:") else None
        try:
            cfg = self.config_for(path) if path else Config()
        except ConfigError as exc:
            return exc
        if path and not wanted(path, cfg):
            return Linted(version, text, [], cfg)
        try:
            vocab = load_vocab(cfg.vocab, cfg.vocab_origins)
            doc = Document.parse(text, path or uri, vocab=vocab)
            # A newer version arriving mid-lint stops this one between rules: a 1 MB posting
            # edited quickly does not queue up lints of versions nobody will see.
            findings = lint_document(doc, cfg, vocab, cancelled=lambda: self._stale(uri, generation))
        except LintCancelled:
            return None
        except PatternTimeout as exc:
            return RuntimeError(str(exc))
        except Exception as exc:  # a bug must cost this lint, not the server
            return RuntimeError(f"jdlint could not lint this file ({type(exc).__name__}: {exc}); this is a bug in jdlint, please report it")
        fm_end = max((ln.number for ln in doc.lines if ln.block == "front_matter"), default=0)
        return Linted(version, text, findings, cfg, fm_end)

    def encoding(self) -> str:
        enc = self.workspace.position_encoding
        return str(enc) if enc else types.PositionEncodingKind.Utf16

    def _publish(self, uri: str, state: DocState, result: Any) -> None:
        if isinstance(result, ConfigError):
            self._publish_config_error(uri, state, result)
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
            state.linted = None
            return
        if state.config_error:
            self._clear_config_error(uri, state)
        if isinstance(result, RuntimeError):
            diag = types.Diagnostic(range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
                                    message=str(result), severity=types.DiagnosticSeverity.Error, source=SOURCE)
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[diag]))
            state.linted = None
            return
        result.positions = Positions(result.text, self.encoding())
        state.linted = result
        diags = [self.diagnostic(f, result) for f in result.findings]
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=diags, version=result.version))

    def diagnostic(self, f: Finding, linted: Linted) -> types.Diagnostic:
        rule = linted.cfg.ruleset.get(f.rule)
        href = docs_href(rule) if rule is not None else None
        assert linted.positions is not None
        return types.Diagnostic(range=linted.positions.range(f), message=f.message, severity=SEVERITY[f.severity],
                                code=f.rule, source=SOURCE,
                                code_description=types.CodeDescription(href=href) if href else None,
                                data={"code": f.code, "line": f.line, "column": f.column})

    def _publish_config_error(self, uri: str, state: DocState, exc: ConfigError) -> None:
        target = exc.path if os.path.isabs(exc.path) else os.path.abspath(exc.path)
        cfg_uri = from_fs_path(target) or uri
        line = max(0, (exc.line or 1) - 1)
        diag = types.Diagnostic(range=types.Range(start=types.Position(line=line, character=0), end=types.Position(line=line + 1, character=0)),
                                message=f"jdlint cannot use this config: {exc.message}", severity=types.DiagnosticSeverity.Error,
                                source=SOURCE, code="config")
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=cfg_uri, diagnostics=[diag]))
        self.config_error_uris.add(cfg_uri)
        state.config_error = cfg_uri

    def _clear_config_error(self, uri: str, state: DocState) -> None:
        cfg_uri = state.config_error
        state.config_error = None
        if cfg_uri and not any(s.config_error == cfg_uri for s in self.docs.values()):
            self.config_error_uris.discard(cfg_uri)
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=cfg_uri, diagnostics=[]))

    def config_changed(self) -> None:
        """A config or pack file changed: read them again and lint every open posting."""
        self.reset_config()
        for uri in list(self.docs):
            self.schedule(uri, 0)

    def current(self, uri: str) -> Linted | None:
        """The last lint of ``uri`` when it is of the text the editor has now."""
        state = self.docs.get(uri)
        if state is None or state.linted is None:
            return None
        try:
            doc = self.workspace.get_text_document(uri)
        except Exception:
            return None
        return state.linted if doc.source == state.linted.text else None


def wanted(path: str, cfg: Config) -> bool:
    """A markdown file the config includes (and does not exclude)."""
    p = Path(path)
    return path.lower().endswith(MARKDOWN_SUFFIXES) and cfg.is_included(p) and not cfg.is_excluded(p)


def is_config_file(path: str | None) -> bool:
    """A file whose change may change a config: any YAML (a `.jdlint.yaml`, a file it
    `extends`, a pack's rule)."""
    return bool(path) and str(path).endswith((".yaml", ".yml"))


# -- code actions --------------------------------------------------------------------------------

_DISABLE_LINE = re.compile(r"<!--\s*jdlint-disable-line\b(?P<body>(?:(?!-->).)*?)\s*-->")
_DISABLE_FILE = re.compile(r"<!--\s*jdlint-disable-file\b(?P<body>(?:(?!-->).)*?)\s*-->")


def _add_to_directive(m: re.Match, line_no: int, rule: str, positions: Positions) -> types.TextEdit:
    """An edit that adds ``rule`` to the directive ``m`` (before any ``-- reason``)."""
    body = m.group("body")
    cut = body.find("--")
    names_end = m.start("body") + (cut if cut >= 0 else len(body))
    text = positions.lines[line_no - 1]
    while names_end > m.start("body") and text[names_end - 1] == " ":
        names_end -= 1
    pos = positions.position(line_no, names_end + 1)
    return types.TextEdit(range=types.Range(start=pos, end=pos), new_text=f" {rule}")


def suppress_line_edit(f: Finding, linted: Linted) -> types.TextEdit | None:
    positions = linted.positions
    assert positions is not None
    if f.line <= linted.front_matter_end or f.line > len(positions.lines):
        return None
    text = positions.lines[f.line - 1]
    m = _DISABLE_LINE.search(text)
    if m:
        return _add_to_directive(m, f.line, f.rule, positions)
    end = positions.line_end(f.line)
    sep = "" if text.endswith(" ") or not text else " "
    return types.TextEdit(range=types.Range(start=end, end=end), new_text=f"{sep}<!-- jdlint-disable-line {f.rule} -->")


def suppress_file_edit(f: Finding, linted: Linted) -> types.TextEdit:
    positions = linted.positions
    assert positions is not None
    for i, text in enumerate(positions.lines[linted.front_matter_end:], start=linted.front_matter_end + 1):
        m = _DISABLE_FILE.search(text)
        if m:
            return _add_to_directive(m, i, f.rule, positions)
        if text.strip():
            break
    at = types.Position(line=linted.front_matter_end, character=0)
    newline = split_lines(linted.text)[0][1] or "\n"
    return types.TextEdit(range=types.Range(start=at, end=at), new_text=f"<!-- jdlint-disable-file {f.rule} -->{newline}")


def tool_of(f: Finding) -> str | None:
    m = re.match(r"'([^']+)'", f.message)
    return m.group(1) if m else (f.match or None)


def add_to_stack_text(text: str, tool: str) -> str:
    """The config text with ``tool`` added to its ``stack:`` list, comments and layout kept."""
    import json

    lines = text.splitlines(keepends=True)
    simple = re.fullmatch(r"[A-Za-z0-9][\w.+/-]*(?: [\w.+/-]+)*", tool) is not None
    quoted = tool if simple else json.dumps(tool)  # a JSON string is a YAML double-quoted scalar
    for i, line in enumerate(lines):
        m = re.match(r"^stack\s*:\s*(.*?)\s*(#.*)?$", line.rstrip("\r\n"))
        if not m:
            continue
        eol = line[len(line.rstrip("\r\n")):] or "\n"
        value = m.group(1)
        if value.startswith("[") and value.endswith("]"):
            inner = value[1:-1].strip()
            new_value = f"[{inner}, {quoted}]" if inner else f"[{quoted}]"
            comment = f" {m.group(2)}" if m.group(2) else ""
            lines[i] = f"stack: {new_value}{comment}{eol}"
            return "".join(lines)
        if value in ("", "null", "~"):
            # a block list (or nothing yet): add an item after the last one
            j, indent = i + 1, None
            last = i
            while j < len(lines):
                item = re.match(r"^(\s*)-\s", lines[j])
                if item:
                    indent = item.group(1)
                    last = j
                elif lines[j].strip() and not lines[j].lstrip().startswith("#"):
                    if not lines[j].startswith((" ", "\t")):
                        break
                j += 1
            if value in ("null", "~"):
                lines[i] = f"stack:{eol}"
            if not lines[last].endswith(("\n", "\r")):
                lines[last] += eol
            lines.insert(last + 1, f"{indent if indent is not None else '  '}- {quoted}{eol}")
            return "".join(lines)
        if value and not value.startswith(("[", "{", "|", ">")):
            lines[i] = f"stack: [{value}, {quoted}]{eol}"
            return "".join(lines)
        raise ValueError("cannot edit this `stack:` value; add the tool by hand")
    sep = "" if not text or text.endswith("\n") else "\n"
    return f"{text}{sep}stack:\n  - {quoted}\n"


def _kind(kind: Any) -> str:
    return str(getattr(kind, "value", kind))


def code_actions(server: JdlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    linted = server.current(uri)
    if linted is None or linted.positions is None or not linted.findings:
        return []
    positions = linted.positions
    start = positions.to_char(params.range.start)
    end = positions.to_char(params.range.end)
    only = params.context.only

    def kind_wanted(kind: Any) -> bool:
        kind = _kind(kind)
        return not only or any(kind == _kind(k) or kind.startswith(f"{_kind(k)}.") for k in only)

    here = [f for f in linted.findings if (f.line, f.column) <= end and (f.end_line, f.end_column) >= start]
    diag_for = {}
    for d in params.context.diagnostics:
        if d.source == SOURCE and isinstance(d.code, str):
            diag_for[(d.code, d.range.start.line, d.range.start.character)] = d
    actions: list[types.CodeAction] = []
    seen_rules: set[tuple[str, int]] = set()
    for f in here:
        rng = positions.range(f)
        diag = diag_for.get((f.rule, rng.start.line, rng.start.character))
        diags = [diag] if diag else None
        if f.replacement is not None and kind_wanted(types.CodeActionKind.QuickFix):
            actions.append(types.CodeAction(
                title=f"Replace '{f.match}' with '{f.replacement}' ({f.rule})", kind=types.CodeActionKind.QuickFix,
                diagnostics=diags, is_preferred=True,
                edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=rng, new_text=f.replacement)]})))
        if (f.rule, f.line) in seen_rules or not kind_wanted(types.CodeActionKind.QuickFix):
            continue
        seen_rules.add((f.rule, f.line))
        if f.rule == "tool-not-in-stack":
            tool = tool_of(f)
            path = to_fs_path(uri) if uri.startswith("file:") else None
            target = linted.cfg.path or (os.path.join(os.path.dirname(path), ".jdlint.yaml") if path else None)
            if tool and target:
                target = os.path.abspath(target)
                actions.append(types.CodeAction(
                    title=f"Add '{tool}' to the stack in {os.path.basename(target)}", kind=types.CodeActionKind.QuickFix,
                    diagnostics=diags,
                    command=types.Command(title=f"Add '{tool}' to the stack", command=ADD_TO_STACK, arguments=[target, tool])))
        line_edit = suppress_line_edit(f, linted)
        if line_edit is not None:
            actions.append(types.CodeAction(
                title=f"Suppress {f.rule} for this line", kind=types.CodeActionKind.QuickFix, diagnostics=diags,
                edit=types.WorkspaceEdit(changes={uri: [line_edit]})))
        actions.append(types.CodeAction(
            title=f"Suppress {f.rule} for this file", kind=types.CodeActionKind.QuickFix, diagnostics=diags,
            edit=types.WorkspaceEdit(changes={uri: [suppress_file_edit(f, linted)]})))
    fixable = [f for f in linted.findings if f.replacement is not None]
    if fixable and kind_wanted(types.CodeActionKind.SourceFixAll):
        new_text, n = apply_fixes(linted.text, fixable)
        if n:
            whole = types.Range(start=types.Position(line=0, character=0), end=positions.position(len(positions.lines) + 1, 1))
            actions.append(types.CodeAction(
                title=f"Apply the {n} safe fix{'es' if n != 1 else ''} in this file", kind=f"{types.CodeActionKind.SourceFixAll.value}.jdlint",
                edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=whole, new_text=new_text)]})))
    return actions


def hover_text(f: Finding, cfg: Config) -> str:
    rule = cfg.ruleset.get(f.rule)
    head = f"**{f.code} {f.rule}** ({f.severity}): {f.message}"
    if rule is None:
        return head
    parts = [head]
    if f.match:
        parts.append(f"Evidence: `{f.match.replace('`', '')}`")
    parts += [f"**Why.** {rule.why.strip()}", f"**Instead.** {rule.instead.strip()}"]
    if f.replacement is not None:
        parts.append(f"Safe fix: `{f.replacement}` (a code action applies it).")
    href = docs_href(rule)
    parts.append(f"[{rule.id} {rule.name} documentation]({href})")
    return "\n\n".join(parts)


# -- the server ----------------------------------------------------------------------------------

def build_server() -> JdlintServer:
    server = JdlintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: JdlintServer, params: types.InitializeParams) -> None:
        opts = params.initialization_options
        if isinstance(opts, dict) and isinstance(opts.get("debounce"), (int, float)):
            ls.debounce = max(0.0, float(opts["debounce"]) / 1000)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: JdlintServer, params: types.InitializedParams) -> None:
        caps = ls.client_capabilities.workspace
        watch = caps.did_change_watched_files if caps else None
        if watch is not None and watch.dynamic_registration:
            watchers = [types.FileSystemWatcher(glob_pattern=g) for g in ("**/.jdlint.yaml", "**/.jdlint.yml", "**/*.yaml", "**/*.yml")]
            try:
                await ls.client_register_capability_async(types.RegistrationParams(registrations=[types.Registration(
                    id="jdlint-config-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                    register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))]))
            except Exception:  # the mtime check before every lint still sees changes
                pass

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: JdlintServer, params: types.DidOpenTextDocumentParams) -> None:
        uri = params.text_document.uri
        if _is_posting(uri, params.text_document.language_id):
            ls.schedule(uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: JdlintServer, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri in ls.docs:
            ls.schedule(uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: JdlintServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if uri in ls.docs:
            ls.schedule(uri, 0)
        elif is_config_file(path):
            ls.config_changed()

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: JdlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        state = ls.docs.pop(uri, None)
        if state is not None:
            if state.pending is not None:
                state.pending.cancel()
            if state.config_error:
                ls._clear_config_error(uri, state)
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched(ls: JdlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(is_config_file(to_fs_path(c.uri) if c.uri.startswith("file:") else None) for c in params.changes):
            ls.config_changed()

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll], resolve_provider=False))
    def code_action(ls: JdlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        return code_actions(ls, params)

    @server.command(ADD_TO_STACK)
    def add_to_stack(ls: JdlintServer, *args: Any) -> Any:
        if len(args) != 2 or not all(isinstance(a, str) for a in args):
            raise ValueError("jdlint.addToStack takes a config path and a tool name")
        target, tool = args
        if os.path.basename(target) not in CONFIG_NAMES:
            raise ValueError(f"not a jdlint config: {target}")
        from .safeio import write_output

        try:
            with open(target, encoding="utf-8") as fh:
                text = fh.read()
        except FileNotFoundError:
            text = ""
        write_output(target, add_to_stack_text(text, tool))
        ls.config_changed()
        return None

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: JdlintServer, params: types.HoverParams) -> types.Hover | None:
        linted = ls.current(params.text_document.uri)
        if linted is None or linted.positions is None:
            return None
        at = linted.positions.to_char(params.position)
        hits = [f for f in linted.findings if (f.line, f.column) <= at <= (f.end_line, f.end_column)]
        if not hits:
            return None
        text = "\n\n---\n\n".join(hover_text(f, linted.cfg) for f in hits)
        first = hits[0]
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
                           range=linted.positions.range(first))

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: JdlintServer, params: Any) -> None:
        for state in ls.docs.values():
            if state.pending is not None:
                state.pending.cancel()
        ls.executor.shutdown(wait=False, cancel_futures=True)

    return server


def _is_posting(uri: str, language_id: str | None) -> bool:
    if uri.startswith("file:"):
        path = to_fs_path(uri) or ""
        return path.lower().endswith(MARKDOWN_SUFFIXES)
    return language_id == "markdown"


def main() -> None:
    build_server().start_io()
