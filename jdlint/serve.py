"""``jdlint serve``: a page on this computer where a recruiter pastes or types a posting (or
opens one from a folder) and sees jdlint's findings highlighted in place as they type, with
the verdict, the advice, and one-click safe fixes.

- The server binds 127.0.0.1 only and stores nothing: the posting's text goes from the page to
  this process and back, never further. The page needs no network: its script and styles are
  served by the app, and its CSP allows nothing else (``connect-src 'self'``).
- The highlighted posting is the HTML report's own rendering (``ReportFormatter``), so the
  escaping that keeps a posting's ``<script>`` inert is the report's; the page puts that HTML
  in the DOM and builds everything else with ``textContent``.
- Requests whose ``Host`` is not ``127.0.0.1:PORT`` or ``localhost:PORT`` are refused (DNS
  rebinding), as are POSTs from another origin, API calls a browser marks cross-site, and
  bodies over ``MAX_BODY`` (413).
- Files: only markdown files inside the folder, read with ``safeio.read_regular_file``
  confined to it (no ``..``, no symlinks out, no FIFOs or devices).
"""
from __future__ import annotations

import asyncio
import html
import json
import os
import socket
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ._version import __version__
from .config import Config, ConfigError, ReloadingConfigFinder
from .engine import MARKDOWN_SUFFIXES, MAX_BYTES, SKIP_DIRS, apply_fixes, decode_posting, lint_text
from .finding import Finding, Severity
from .formatters.report import _CSS as REPORT_CSS
from .formatters.report import ReportFormatter, for_readers
from .patterns import PatternTimeout
from .safeio import is_within, read_regular_file

DEFAULT_PORT = 8765
MAX_BODY = 2 * 1024 * 1024  # a posting is a page of text; the JSON around it is small
MAX_FILES = 2000  # postings listed from the folder
PASTED = "Your posting"

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
       "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode("ascii")),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


class Guard:
    """ASGI middleware in front of everything: the Host and Origin checks, the body cap, and
    the security headers on every response (errors included)."""

    def __init__(self, app: ASGIApp, hosts: set[str], origins: set[str], max_body: int = MAX_BODY):
        self.app = app
        self.hosts = hosts
        self.origins = origins
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            if scope["type"] == "lifespan":
                await self.app(scope, receive, send)
            return  # no websockets

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in SECURITY_HEADERS if h[0] not in names]
            await send(message)

        refusal = self.refuse(scope)
        if refusal is not None:
            status, reason = refusal
            await PlainTextResponse(reason, status_code=status)(scope, receive, send_secured)
            return
        await self.app(scope, receive, send_secured)

    def refuse(self, scope: Scope) -> tuple[int, str] | None:
        headers = Headers(scope=scope)
        if headers.get("host", "").lower() not in self.hosts:
            return 400, "jdlint serve answers only to http://127.0.0.1 and http://localhost on its own port"
        unsafe = scope["method"] not in ("GET", "HEAD", "OPTIONS")
        origin = headers.get("origin")
        if unsafe and origin is not None and origin.lower() not in self.origins:
            return 403, "cross-origin requests are refused"
        fetch_site = headers.get("sec-fetch-site")
        if (unsafe or scope["path"].startswith("/api/")) and fetch_site not in (None, "same-origin", "none"):
            return 403, "cross-site requests are refused"
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            return 413, f"the request is too large (the limit is {self.max_body // 1024 // 1024} MB)"
        return None


class Site:
    """What the app serves: the folder (if any), its configs, and a one-thread linter."""

    def __init__(self, folder: str | None = None):
        self.folder = os.path.realpath(folder) if folder else None
        self.configs = ReloadingConfigFinder()
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jdlint-serve")

    # -- files --------------------------------------------------------------------------------

    def resolve(self, rel: str) -> str:
        """The absolute path of ``rel`` inside the folder; HTTPException when it is not a
        markdown file name there (the link check is the reader's, at read time)."""
        if self.folder is None:
            raise HTTPException(404, "no folder was given to jdlint serve")
        parts = rel.replace("\\", "/").split("/")
        if (not rel or "\x00" in rel or rel.startswith("/") or os.path.isabs(rel)
                or any(p in ("", ".", "..") for p in parts)):
            raise HTTPException(403, "only files inside the folder can be opened")
        if not rel.lower().endswith(MARKDOWN_SUFFIXES):
            raise HTTPException(403, "only markdown files (.md, .markdown) can be opened")
        return os.path.join(self.folder, *parts)

    def read(self, rel: str) -> str:
        path = self.resolve(rel)
        assert self.folder is not None
        try:
            return decode_posting(read_regular_file(path, MAX_BYTES, root=self.folder))
        except ValueError as exc:
            status = 404 if str(exc).startswith("no such file") else 403
            raise HTTPException(status, f"{rel}: {exc}") from None

    def files(self) -> list[str]:
        """The markdown files under the folder (not following links out of it, skipping hidden
        folders), as relative paths with '/'."""
        if self.folder is None:
            return []
        out: list[str] = []
        for top, dirs, names in os.walk(self.folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
            for name in sorted(names):
                full = os.path.join(top, name)
                if name.lower().endswith(MARKDOWN_SUFFIXES) and is_within(full, self.folder) and os.path.isfile(full):
                    out.append(os.path.relpath(full, self.folder).replace(os.sep, "/"))
                    if len(out) >= MAX_FILES:
                        return out
        return out

    # -- linting ------------------------------------------------------------------------------

    def config(self, rel: str | None) -> Config:
        """The config found for the folder (for an opened file, for that file); the built-in
        defaults when no folder was given."""
        if self.folder is None:
            return Config()
        return self.configs.for_path(self.resolve(rel) if rel else os.path.join(self.folder, "posting.md"))

    def lint(self, text: str, rel: str | None) -> tuple[Config, list[Finding]]:
        cfg = self.config(rel)
        return cfg, lint_text(text, cfg, path=rel or "posting.md")

    def result(self, text: str, rel: str | None) -> dict[str, Any]:
        """The page's view of one lint: the report's HTML of the posting, its verdict, and the
        findings (ids as in the HTML's ``data-id``)."""
        cfg, findings = self.lint(text, rel)
        report = ReportFormatter(list(cfg.ruleset), __version__)
        fragment, _ = report.render_posting(1, rel or PASTED, text, findings, 0)
        level, says = report.posting_verdict(text, findings)
        counts = {str(s): sum(1 for f in findings if f.severity == s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)}
        return {
            "html": fragment,
            "verdict": {"level": level, "text": says},
            "counts": counts,
            "findings": [finding_json(i, f) for i, f in enumerate(findings, start=1)],
            "fixable": sum(1 for f in findings if f.replacement is not None),
        }

    def fix(self, text: str, rel: str | None, wanted: list[dict] | None) -> dict[str, Any]:
        """Apply the linter's own safe fixes to ``text``: those of the findings the page names
        (by rule and place, checked against a fresh lint of this very text), or all of them."""
        _cfg, findings = self.lint(text, rel)
        fixable = [f for f in findings if f.replacement is not None]
        if wanted is not None:
            keys = {_key(w) for w in wanted if isinstance(w, dict)}
            fixable = [f for f in fixable if _key(finding_json(0, f)) in keys]
        new_text, fixed = apply_fixes(text, fixable)
        return {"text": new_text, "fixed": fixed, "lint": self.result(new_text, rel)}

    async def run(self, fn: Any, *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self.executor, fn, *args)


def _key(f: dict) -> tuple:
    return tuple(f.get(k) for k in ("rule", "line", "column", "end_line", "end_column", "match"))


def finding_json(fid: int, f: Finding) -> dict[str, Any]:
    return {"id": fid, "rule": f.rule, "code": f.code, "severity": str(f.severity),
            "line": f.line, "column": f.column, "end_line": f.end_line, "end_column": f.end_column,
            "match": f.match, "message": for_readers(f.message), "help": for_readers(f.help),
            "replacement": f.replacement}


async def _body(request: Request) -> dict[str, Any]:
    """The JSON object a POST carries, read at most ``MAX_BODY`` bytes (a chunked body with no
    length is counted as it comes)."""
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
        raise HTTPException(415, "send JSON (Content-Type: application/json)")
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > MAX_BODY:
            raise HTTPException(413, f"the request is too large (the limit is {MAX_BODY // 1024 // 1024} MB)")
    try:
        body = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise HTTPException(400, "the request is not JSON") from None
    if not isinstance(body, dict) or not isinstance(body.get("text"), str):
        raise HTTPException(400, "send {\"text\": \"...\"}")
    path = body.get("path")
    if path is not None and not isinstance(path, str):
        raise HTTPException(400, "path must be a string")
    return body


def _error(exc: Exception) -> JSONResponse:
    if isinstance(exc, ConfigError):
        return JSONResponse({"error": f"jdlint cannot use the config: {exc}"}, status_code=422)
    if isinstance(exc, PatternTimeout):
        return JSONResponse({"error": str(exc)}, status_code=422)
    return JSONResponse({"error": f"jdlint could not lint this posting ({type(exc).__name__}: {exc}); "
                                  "this is a bug in jdlint, please report it"}, status_code=500)


def build_app(folder: str | None = None, port: int = DEFAULT_PORT, hosts: set[str] | None = None) -> ASGIApp:
    """The ASGI app. ``hosts`` are the accepted Host headers (default: 127.0.0.1 and
    localhost on ``port``)."""
    site = Site(folder)
    if hosts is None:
        hosts = {f"127.0.0.1:{port}", f"localhost:{port}"} | ({"127.0.0.1", "localhost"} if port == 80 else set())
    origins = {f"http://{h}" for h in hosts}
    folder_name = os.path.basename(site.folder) if site.folder else None

    async def page(request: Request) -> Response:
        return Response(render_page(folder_name), media_type="text/html; charset=utf-8")

    async def script(request: Request) -> Response:
        return Response(PAGE_JS, media_type="text/javascript; charset=utf-8")

    async def styles(request: Request) -> Response:
        return Response(REPORT_CSS + PAGE_CSS, media_type="text/css; charset=utf-8")

    async def lint(request: Request) -> Response:
        body = await _body(request)
        try:
            return JSONResponse(await site.run(site.result, body["text"], body.get("path")))
        except HTTPException:
            raise
        except Exception as exc:
            return _error(exc)

    async def fix(request: Request) -> Response:
        body = await _body(request)
        wanted = body.get("fixes")
        if wanted is not None and not isinstance(wanted, list):
            raise HTTPException(400, "fixes must be a list (or left out for every safe fix)")
        try:
            return JSONResponse(await site.run(site.fix, body["text"], body.get("path"), wanted))
        except HTTPException:
            raise
        except Exception as exc:
            return _error(exc)

    async def files(request: Request) -> Response:
        return JSONResponse({"folder": folder_name, "files": await site.run(site.files)})

    async def file(request: Request) -> Response:
        rel = request.query_params.get("path", "")
        text = await site.run(site.read, rel)
        return JSONResponse({"path": rel, "text": text})

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": exc.detail}, status_code=exc.status_code)
        return PlainTextResponse(exc.detail, status_code=exc.status_code)

    app = Starlette(routes=[
        Route("/", page, methods=["GET"]),
        Route("/page.js", script, methods=["GET"]),
        Route("/page.css", styles, methods=["GET"]),
        Route("/api/lint", lint, methods=["POST"]),
        Route("/api/fix", fix, methods=["POST"]),
        Route("/api/files", files, methods=["GET"]),
        Route("/api/file", file, methods=["GET"]),
    ], exception_handlers={HTTPException: http_error})
    app.state.site = site
    return Guard(app, hosts, origins)


def render_page(folder_name: str | None) -> str:
    opener = ""
    if folder_name is not None:
        opener = (f'<p class="files" id="files"><label for="file">Open a posting from {html.escape(folder_name)}:</label> '
                  '<select id="file"><option value="">(a new posting)</option></select></p>')
    return _PAGE.format(version=html.escape(__version__), opener=opener)


def bind(port: int) -> socket.socket:
    """A listening socket on 127.0.0.1:``port`` (0: any free port). Raises OSError."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        if os.name != "nt":
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
        sock.listen(64)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def make_server(sock: socket.socket, folder: str | None) -> Any:
    """A uvicorn server for the app on ``sock`` (already bound, so its port is known)."""
    import uvicorn

    port = sock.getsockname()[1]
    config = uvicorn.Config(build_app(folder, port), log_level="warning", access_log=False, server_header=False,
                            proxy_headers=False, ws="none", lifespan="off", timeout_graceful_shutdown=1)
    return uvicorn.Server(config)


def serve_in_thread(folder: str | None, timeout: float = 30.0) -> tuple[Any, Any, str]:
    """Start the page on a free port in a background thread (tests, the screenshot script):
    (server, thread, base URL). Stop it with ``server.should_exit = True`` and ``thread.join()``."""
    import threading
    import time

    sock = bind(0)
    server = make_server(sock, folder)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    end = time.monotonic() + timeout
    while not server.started and thread.is_alive() and time.monotonic() < end:
        time.sleep(0.02)
    if not server.started:
        server.should_exit = True
        raise RuntimeError("jdlint serve did not start")
    return server, thread, f"http://127.0.0.1:{sock.getsockname()[1]}/"


_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Check a job posting (jdlint)</title>
<link rel="stylesheet" href="/page.css">
</head>
<body class="serve">
<header>
<h1>Check a job posting</h1>
<p class="help">Paste or type a posting (markdown) on the left; what to change is highlighted on the right as you type. The text stays on this computer: jdlint {version} checks it here and keeps nothing.</p>
<p id="verdict" class="verdict v-ok" role="status" aria-live="polite"><strong>Paste or type a posting to check it.</strong></p>
</header>
<main class="workspace">
<section class="editor" aria-label="The posting">
{opener}
<p class="actions"><button type="button" id="fix-all" hidden>Apply every safe fix</button> <span id="status" aria-live="polite"></span></p>
<label for="text" class="sr">The posting (markdown)</label>
<textarea id="text" spellcheck="true" placeholder="# Job title&#10;&#10;What you will do ..."></textarea>
</section>
<section id="result" aria-label="The posting with what to change" aria-live="off"></section>
</main>
<script src="/page.js"></script>
</body>
</html>
"""

PAGE_CSS = """
body.serve { max-width: 1600px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
header .verdict { position: sticky; top: 0; z-index: 1; font-size: 1.1rem; }
.workspace { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 1.5rem; align-items: start; }
@media (max-width: 900px) { .workspace { grid-template-columns: 1fr; } }
.editor textarea { width: 100%; min-height: 60vh; font: 14px/1.5 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; padding: .75rem; border: 1px solid #bbb; border-radius: 6px; resize: vertical; }
.editor .files { margin: 0 0 .5rem; }
.actions { min-height: 2.2rem; margin: 0 0 .5rem; }
#result .posting { margin-top: 0; display: flex; flex-direction: column; }
#result .posting > .layout { order: 1; }
#result .posting > .checklist { order: 2; margin-top: 1rem; }
#result .posting > h2 { border-top: 0; margin-top: 0; padding-top: 0; }
#result .posting > .verdict { display: none; }
#result .layout { grid-template-columns: 1fr; }
button.fix { font: inherit; font-size: .9rem; margin: .2rem 0; padding: .1rem .5rem; border: 1px solid #2e7d32; border-radius: 4px; background: #edf7ee; color: #1b5e20; cursor: pointer; }
#fix-all { font: inherit; padding: .25rem .75rem; border: 1px solid #2e7d32; border-radius: 4px; background: #2e7d32; color: #fff; cursor: pointer; }
#status { color: var(--muted); font-size: .9rem; }
#status.error { color: var(--err); }
"""

PAGE_JS = r"""
(function () {
  "use strict";
  var text = document.getElementById("text"), result = document.getElementById("result");
  var verdict = document.getElementById("verdict"), status = document.getElementById("status");
  var fixAll = document.getElementById("fix-all"), picker = document.getElementById("file");
  var DEBOUNCE = 300, timer = null, seq = 0, path = null, last = null;

  function say(msg, isError) {
    status.textContent = msg || "";
    status.className = isError ? "error" : "";
  }

  function call(method, url, body) {
    var init = {method: method, cache: "no-store", credentials: "same-origin"};
    if (body !== undefined) {
      init.headers = {"Content-Type": "application/json"};
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(function (r) {
      return r.json().catch(function () { return {error: r.statusText}; }).then(function (data) {
        if (!r.ok) { throw new Error(data.error || r.statusText); }
        return data;
      });
    });
  }

  function show(res) {
    last = res;
    // The server's HTML is the report's rendering: every byte of the posting in it is escaped.
    var tpl = document.createElement("template");
    tpl.innerHTML = res.html;
    result.replaceChildren(tpl.content);
    verdict.className = "verdict v-" + res.verdict.level;
    var strong = document.createElement("strong");
    strong.textContent = res.verdict.text;
    verdict.replaceChildren(strong);
    res.findings.forEach(function (f) {
      if (f.replacement === null) { return; }
      var li = result.querySelector('li[data-id="' + Number(f.id) + '"]');
      if (!li) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "fix";
      button.setAttribute("data-id", String(f.id));
      button.textContent = "Fix: replace \u201c" + f.match + "\u201d with \u201c" + f.replacement + "\u201d";
      button.addEventListener("click", function () { fix([f]); });
      li.appendChild(button);
    });
    fixAll.hidden = !res.fixable;
    fixAll.textContent = res.fixable === 1 ? "Apply the safe fix" : "Apply the " + res.fixable + " safe fixes";
    say("");
  }

  function stale() {  // counted where tests can read it
    document.body.setAttribute("data-stale", String(Number(document.body.getAttribute("data-stale") || 0) + 1));
  }

  function lintNow() {
    clearTimeout(timer);
    var mine = ++seq;
    say("Checking\u2026");
    call("POST", "/api/lint", {text: text.value, path: path}).then(function (res) {
      if (mine === seq) { show(res); } else { stale(); }  // an answer for an older text never replaces a newer one
    }).catch(function (e) { if (mine === seq) { say("Could not check: " + e.message, true); } });
  }

  function fix(findings) {
    clearTimeout(timer);
    var mine = ++seq;
    var wanted = findings ? findings.map(function (f) {
      return {rule: f.rule, line: f.line, column: f.column, end_line: f.end_line, end_column: f.end_column, match: f.match};
    }) : undefined;
    call("POST", "/api/fix", {text: text.value, path: path, fixes: wanted}).then(function (res) {
      if (mine !== seq) { return; }  // typed meanwhile: what was typed wins
      text.value = res.text;
      show(res.lint);
      say(res.fixed === 1 ? "Fixed 1 finding." : "Fixed " + res.fixed + " findings.");
    }).catch(function (e) { if (mine === seq) { say("Could not fix: " + e.message, true); } });
  }

  function openFile(name) {
    var mine = ++seq;
    call("GET", "/api/file?path=" + encodeURIComponent(name)).then(function (res) {
      if (mine !== seq) { return; }
      path = res.path;
      text.value = res.text;
      if (picker) { picker.value = res.path; }
      lintNow();
    }).catch(function (e) { if (mine === seq) { say("Could not open " + name + ": " + e.message, true); } });
  }

  text.addEventListener("input", function () {
    seq++;  // whatever is on its way is for an older text now
    clearTimeout(timer);
    timer = setTimeout(lintNow, DEBOUNCE);
  });
  fixAll.addEventListener("click", function () { fix(null); });
  result.addEventListener("click", function (ev) {
    var mark = ev.target.closest ? ev.target.closest("mark[data-id]") : null;
    if (!mark || !last) { return; }
    var f = last.findings[Number(mark.getAttribute("data-id")) - 1];
    if (!f) { return; }
    var lines = text.value.split("\n"), at = 0;
    for (var i = 0; i < f.line - 1 && i < lines.length; i++) { at += lines[i].length + 1; }
    var end = f.end_line === f.line ? at + f.end_column - 1 : at + (lines[f.line - 1] || "").length;
    text.focus();
    text.setSelectionRange(at + f.column - 1, end);
  });
  if (picker) {
    call("GET", "/api/files").then(function (res) {
      res.files.forEach(function (name) {
        var option = document.createElement("option");
        option.value = name;
        option.textContent = name;
        picker.appendChild(option);
      });
      if (path) { picker.value = path; }
    }).catch(function (e) { say("Could not list the folder: " + e.message, true); });
    picker.addEventListener("change", function () {
      if (picker.value) { openFile(picker.value); } else { path = null; text.value = ""; lintNow(); }
    });
  }
  var wanted = new URLSearchParams(location.search).get("open");
  if (wanted) { openFile(wanted); } else if (text.value) { lintNow(); }
})();
"""
