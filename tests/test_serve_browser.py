"""`jdlint serve` in a real browser: the real server (uvicorn, on a free port, in a thread) and
headless Chromium driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``, no
websocket library needed). We type a posting, see the highlight appear, apply a safe fix and
see it go, check that an answer for an older text never replaces a newer one, and that a
posting with ``<script>`` in it runs nothing. Nothing is timed: each step waits for the page to
reach a state (with a generous deadline so a broken page fails instead of hanging)."""
from __future__ import annotations

import asyncio
import json
import queue
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium; .ci/run installs it)")
pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from jdlint.serve import serve_in_thread

STACKED = "# Data Scientist / ML Engineer / Data Engineer\n\nWe want a rockstar to own our models.\n"
DEADLINE = 60  # seconds a step may take before the test gives up (not an assertion on speed)


class Chromium:
    """Headless Chromium and one page, spoken to over the DevTools protocol on fds 3 and 4."""

    def __init__(self, profile: Path):
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--remote-debugging-pipe", f"--user-data-dir={profile}"]
        # The shell hands our pipes to Chromium as fd 3 (its input) and fd 4 (its output).
        self.proc = subprocess.Popen(["sh", "-c", 'exec "$0" "$@" 3<&0 4>&1 0</dev/null 1>/dev/null', CHROMIUM, *flags],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.replies: dict[int, queue.Queue] = {}
        self.next_id = 0
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]

    def _read(self) -> None:
        assert self.proc.stdout is not None
        buf = b""
        while True:
            chunk = self.proc.stdout.read1(65536)  # type: ignore[attr-defined]
            if not chunk:
                return
            buf += chunk
            while b"\0" in buf:
                raw, buf = buf.split(b"\0", 1)
                msg = json.loads(raw)
                if "id" in msg and msg["id"] in self.replies:
                    self.replies[msg["id"]].put(msg)

    def send(self, method: str, session: str | None = None, **params) -> dict:
        with self.lock:
            self.next_id += 1
            mid = self.next_id
            self.replies[mid] = queue.Queue()
        msg = {"id": mid, "method": method, "params": params}
        if session:
            msg["sessionId"] = session
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(msg).encode() + b"\0")
        self.proc.stdin.flush()
        reply = self.replies[mid].get(timeout=DEADLINE)
        assert "error" not in reply, reply
        return reply.get("result", {})

    def page(self, method: str, **params) -> dict:
        return self.send(method, self.session, **params)

    def js(self, expression: str):
        res = self.page("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        assert "exceptionDetails" not in res, res
        return res["result"].get("value")

    def wait(self, expression: str):
        """The value of ``expression`` once it is truthy."""
        end = time.monotonic() + DEADLINE
        while True:
            value = self.js(expression)
            if value:
                return value
            if time.monotonic() > end:
                pytest.fail(f"the page never got to: {expression}\n{self.js('document.body.outerHTML')[:3000]}")
            time.sleep(0.05)

    def type(self, text: str, replace: bool = True) -> None:
        """Type into the posting's box as a person would (input events, not a value set)."""
        self.js("(function (t) { t.focus(); %s })(document.getElementById('text'))" % ("t.select();" if replace else ""))
        self.page("Input.insertText", text=text)

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve") / "postings"
    folder.mkdir()
    (folder / "example.md").write_text(STACKED, encoding="utf-8")
    server, thread, base = serve_in_thread(str(folder), DEADLINE)
    yield server, base
    server.should_exit = True
    thread.join(timeout=20)


@pytest.fixture
def browser(tmp_path):
    b = Chromium(tmp_path / "profile")
    yield b
    b.close()


def load(browser: Chromium, url: str) -> None:
    browser.page("Page.navigate", url=url)
    browser.wait("document.readyState === 'complete' && !!document.getElementById('text')")


def test_typing_highlights_and_a_fix_takes_it_away(served, browser):
    _server, url = served
    load(browser, url)
    browser.type(STACKED)
    stacked = browser.wait("(function () { var m = document.querySelector('#result mark[data-rule=\"stacked-title\"]');"
                           " return m && m.textContent; })()")
    assert stacked == "Data Scientist / ML Engineer / Data Engineer"
    assert browser.js("document.querySelector('#result mark[data-rule=\"exclusionary-language\"]').textContent") == "rockstar"
    verdict = browser.js("document.getElementById('verdict').textContent")
    assert verdict.startswith("Almost ready: ") and verdict.endswith("worth fixing before publishing")
    assert "Data Scientist" in browser.js("document.querySelector('#result li[data-rule=\"stacked-title\"]').textContent")
    # one click on the safe fix: the text changes, and its highlight goes
    browser.js("document.querySelector('#result button.fix').click()")
    browser.wait("document.getElementById('text').value.indexOf('an expert') >= 0")
    browser.wait("!document.querySelector('#result mark[data-rule=\"exclusionary-language\"]')"
                 " && !!document.querySelector('#result mark[data-rule=\"stacked-title\"]')")
    assert browser.js("document.getElementById('text').value") == STACKED.replace("a rockstar", "an expert")
    assert browser.js("document.getElementById('fix-all').hidden") is True


def test_an_answer_for_an_older_text_never_replaces_a_newer_one(served, browser):
    server, url = served
    site = server.config.app.app.state.site
    release, started = threading.Event(), threading.Event()
    real = site.run

    async def held(fn, *args):  # the first text's answer is held until the second's is shown
        if args and isinstance(args[0], str) and "FIRST" in args[0]:
            started.set()
            await asyncio.get_running_loop().run_in_executor(None, release.wait, DEADLINE)
        return await real(fn, *args)

    site.run = held
    try:
        load(browser, url)
        browser.type("# FIRST Data Scientist / ML Engineer\n")
        assert started.wait(DEADLINE)
        browser.type("# Data Engineer\n\nWe want a ninja.\n")
        browser.wait("!!document.querySelector('#result mark[data-rule=\"exclusionary-language\"]')")
        release.set()  # now the first text's answer arrives, after the second's
        browser.wait("document.body.getAttribute('data-stale') === '1'")
        assert browser.js("document.querySelector('#result h2').textContent") == "Data Engineer"
        assert not browser.js("document.querySelector('#result mark[data-rule=\"stacked-title\"]')")
        assert browser.js("document.getElementById('text').value") == "# Data Engineer\n\nWe want a ninja.\n"
    finally:
        site.run = real
        release.set()


def test_a_posting_with_a_script_runs_nothing(served, browser):
    _server, url = served
    load(browser, url)
    title = browser.js("document.title")
    attack = ('# Engineer <script>document.title = "owned"; window.owned = 1</script>\n\n'
              '<script>document.title = "owned"; window.owned = 1</script>\n\n'
              '<img src=x onerror="document.title = \'owned\'; window.owned = 1">\n\n'
              '[click](javascript:window.owned=1)\n')
    browser.type(attack)
    browser.wait("document.querySelector('#result .doc') && document.querySelector('#result .doc').textContent.indexOf('onerror') >= 0")
    assert browser.js("document.title") == title
    assert browser.js("typeof window.owned") == "undefined"
    assert browser.js("document.querySelectorAll('#result script, #result img, #result [onerror]').length") == 0
    assert browser.js("document.querySelectorAll('#result a[href^=\"javascript\"]').length") == 0
    assert "<script>" in browser.js("document.querySelector('#result .doc').textContent")


def test_open_loads_a_posting_from_the_folder(served, browser):
    _server, url = served
    load(browser, url + "?open=example.md")
    browser.wait("!!document.querySelector('#result mark[data-rule=\"stacked-title\"]')")
    assert browser.js("document.getElementById('text').value") == STACKED
    assert browser.js("document.getElementById('file').value") == "example.md"
    assert browser.js("document.querySelector('#result .path').textContent") == "example.md"
