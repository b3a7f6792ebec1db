"""Regression tests for the security review (/work/shared/security/REPORT.md): jdlint reads a
tree it does not trust (postings, file names, configs, packs, caches), so reading, writing and
printing must stay inside it and be bounded."""
from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from jdlint import safeio
from jdlint.engine import read_posting, write_atomically

from .conftest import CLEAN_BODY

BAD = "# Data Engineer / Analytics Engineer\n\n" + CLEAN_BODY


# -- safeio: writing (V1, B12) ---------------------------------------------------------------

def test_write_output_never_follows_a_planted_temp_symlink(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    ws = tmp_path / "ws"
    ws.mkdir()
    # the old fixed temp name, planted by a pull request
    os.symlink(victim, ws / "out.sarif.jdlint-tmp")
    safeio.write_output(ws / "out.sarif", "{}")
    assert victim.read_text() == "keep me"
    assert (ws / "out.sarif").read_text() == "{}" and not (ws / "out.sarif").is_symlink()
    assert sorted(p.name for p in ws.iterdir()) == ["out.sarif", "out.sarif.jdlint-tmp"]


def test_write_output_refuses_a_symlinked_target(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    os.symlink(victim, tmp_path / "report.html")
    for append in (False, True):
        with pytest.raises(OSError, match="symbolic link"):
            safeio.write_output(tmp_path / "report.html", "<html>", append=append)
    assert victim.read_text() == "keep me"
    assert (tmp_path / "report.html").is_symlink()


def test_write_output_appends(tmp_path):
    p = tmp_path / "summary.md"
    safeio.write_output(p, "a\n", append=True)
    safeio.write_output(p, "b\n", append=True)
    assert p.read_text() == "a\nb\n"


def test_write_output_removes_its_temp_file_on_error(tmp_path, monkeypatch):
    def full(fd, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(safeio, "_write_all", full)
    with pytest.raises(OSError, match="No space"):
        safeio.write_output(tmp_path / "x.sarif", "{}")
    assert list(tmp_path.iterdir()) == []


# -- safeio: reading (V2, B5, B14) -------------------------------------------------------------

def test_read_regular_file_refuses_fifo_without_blocking(tmp_path):
    fifo = tmp_path / "fifo.md"
    os.mkfifo(fifo)
    result = {}

    def read():
        try:
            safeio.read_regular_file(fifo, 100)
        except ValueError as exc:
            result["error"] = str(exc)

    t = threading.Thread(target=read, daemon=True)
    t.start()
    t.join(20)
    assert result.get("error") == "is a FIFO (named pipe), not a regular file"


def test_read_regular_file_refuses_devices_and_limits_size(tmp_path):
    with pytest.raises(ValueError, match="is a device"):
        safeio.read_regular_file("/dev/zero", 100)
    p = tmp_path / "big"
    p.write_bytes(b"x" * 101)
    with pytest.raises(ValueError, match="too large"):
        safeio.read_regular_file(p, 100)
    assert safeio.read_regular_file(p, 101) == b"x" * 101


def test_read_regular_file_confines_symlinks_to_root(tmp_path):
    (tmp_path / "outside").mkdir()
    secret = tmp_path / "outside" / "secret.md"
    secret.write_text("DB_PASSWORD=hunter2")
    repo = tmp_path / "repo"
    repo.mkdir()
    os.symlink(secret, repo / "leak.md")
    (repo / "real.md").write_text("ok")
    os.symlink("real.md", repo / "inside.md")
    with pytest.raises(ValueError, match="outside the tree"):
        safeio.read_regular_file(repo / "leak.md", 1000, root=repo)
    assert safeio.read_regular_file(repo / "leak.md", 1000, root=repo, follow_links=True) == b"DB_PASSWORD=hunter2"
    assert safeio.read_regular_file(repo / "inside.md", 1000, root=repo) == b"ok"


def test_read_stream_limited():
    assert safeio.read_stream_limited(io.BytesIO(b"abc"), 3) == b"abc"
    with pytest.raises(ValueError, match="too large"):
        safeio.read_stream_limited(io.BytesIO(b"abcd"), 3)


# -- read_posting (V2, B5) ---------------------------------------------------------------------

def test_posting_symlinked_outside_the_tree_is_not_read(tmp_path, monkeypatch):
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.md").write_text("DB_PASSWORD=hunter2\n")
    repo = tmp_path / "repo"
    (repo / "postings").mkdir(parents=True)
    os.symlink("../../outside/secret.md", repo / "postings" / "leak.md")
    os.symlink("/dev/zero", repo / "postings" / "zero.md")
    monkeypatch.chdir(repo)
    with pytest.raises(ValueError, match="outside the tree"):
        read_posting("postings/leak.md")
    with pytest.raises(ValueError, match="outside the tree"):
        read_posting("postings/zero.md")


def test_cli_reports_fifos_and_devices_as_errors(tmp_path):
    (tmp_path / "good.md").write_text(BAD)
    os.mkfifo(tmp_path / "fifo.md")
    proc = subprocess.run([sys.executable, "-m", "jdlint", "--no-color", "."], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "fifo.md: error: is a FIFO (named pipe), not a regular file" in proc.stderr
    assert "good.md:" in proc.stdout


# -- --fix and links (B13) ---------------------------------------------------------------------

def test_fix_writes_through_a_symlink_inside_the_tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "target.md").write_text("old\n")
    os.symlink("real/target.md", tmp_path / "link.md")
    write_atomically("link.md", "new\n")
    assert (tmp_path / "link.md").is_symlink()
    assert (tmp_path / "real" / "target.md").read_text() == "new\n"


def test_fix_refuses_a_symlink_outside_the_tree(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    repo.mkdir()
    (tmp_path / "victim.md").write_text("old\n")
    os.symlink(tmp_path / "victim.md", repo / "link.md")
    monkeypatch.chdir(repo)
    with pytest.raises(OSError, match="outside the tree"):
        write_atomically("link.md", "new\n")
    assert (tmp_path / "victim.md").read_text() == "old\n" and (repo / "link.md").is_symlink()


def test_fix_keeps_hard_links_and_mode(tmp_path):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text("old text that is longer\n")
    os.chmod(a, 0o640)
    os.link(a, b)
    write_atomically(str(a), "new\n")
    assert os.stat(a).st_ino == os.stat(b).st_ino and os.stat(a).st_nlink == 2
    assert b.read_text() == "new\n"
    single = tmp_path / "single.md"
    single.write_text("old\n")
    os.chmod(single, 0o600)
    write_atomically(str(single), "new\n")
    assert single.read_text() == "new\n" and stat.S_IMODE(os.stat(single).st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "b.md", "single.md"]


# -- printing (V3, V5) -------------------------------------------------------------------------

def test_sanitize_terminal_and_escape_path():
    assert safeio.sanitize_terminal("a\x1b]0;pwned\x07b\nc\td\x9b") == "a\\x1b]0;pwnedb\nc\td\\x9b".replace("pwnedb", "pwned\\x07b")
    assert safeio.sanitize_terminal("a\nb", keep_newlines=False) == "a\\nb"
    assert safeio.escape_path("x\n::error file=a::forged\r.md") == "x\\n::error file=a::forged\\r.md"
    assert safeio.escape_path("plain/é.md") == "plain/é.md"
    assert safeio.escape_path("::error file=README.md::x.md") == "./::error file=README.md::x.md"
    assert safeio.escape_path(" ##[error]x.md") == "./ ##[error]x.md"
    evil = "bad\n::warning file=action.yml,line=1::Forged\n.md"
    assert safeio.error_line(evil, f"{evil}: error: line 3: not valid UTF-8") == \
        "bad\\n::warning file=action.yml,line=1::Forged\\n.md: error: line 3: not valid UTF-8"
    assert safeio.error_line("::x.md", "::x.md: fixed 1 finding") == "./::x.md: fixed 1 finding"
    assert safeio.error_line(None, "::error::x\ny") == "jdlint: ::error::x\\ny"


def test_unlistable_folder_is_reported_not_skipped(tmp_path, monkeypatch):
    from jdlint.config import ConfigFinder
    from jdlint.engine import discover

    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.md").write_text(BAD)
    (tmp_path / "locked").mkdir()
    real = os.scandir

    def scandir(path="."):
        if os.path.basename(os.fspath(path)) == "locked":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)  # tests run as root: chmod would not stop it
    out = list(discover([str(tmp_path)], ConfigFinder()))
    assert (str(tmp_path / "ok" / "a.md"), None) in out
    assert (str(tmp_path / "locked"), f"{tmp_path / 'locked'}: error: cannot list this folder: Permission denied") in out


# -- the cache (V4, B12) -----------------------------------------------------------------------

POSTING_WITH_FINDINGS = "# Data Engineer / Analytics Engineer\n\nWe want a rockstar.\n"


def _lint_in_subprocess(env: dict, cwd: Path) -> subprocess.CompletedProcess:
    (cwd / "p.md").write_text(POSTING_WITH_FINDINGS)
    full = {k: v for k, v in os.environ.items() if k not in ("XDG_CACHE_HOME", "JDLINT_CACHE_DIR", "JDLINT_NO_CACHE", "HOME")}
    full.update(env)
    return subprocess.run([sys.executable, "-m", "jdlint", "--no-color", "--fail-on", "warning", "p.md"], cwd=cwd, env=full,
                          capture_output=True, text=True, timeout=120)


def _cache_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.startswith(("rules-", "vocab-")))


def _silence_all_rules(path: Path) -> None:
    """What an attacker writes: the same key, every rule opt-in, a matching digest."""
    import hashlib
    import json

    header, _, payload = path.read_bytes().partition(b"\n")
    data = json.loads(payload)
    for _where, rule in data:
        rule["opt_in"] = True
    new = json.dumps(data).encode()
    magic, key, _digest = header.split(b" ")
    path.write_bytes(b"%s %s %s\n" % (magic, key, hashlib.sha256(new).hexdigest().encode()) + new)


def test_cache_rejects_tampered_and_foreign_files(tmp_path):
    cache = tmp_path / "cache"
    env = {"JDLINT_CACHE_DIR": str(cache), "HOME": str(tmp_path)}
    first = _lint_in_subprocess(env, tmp_path)
    assert first.returncode == 1 and "stacked-title" in first.stdout
    rules = next(p for p in _cache_files(cache) if p.name.startswith("rules-"))
    clean = rules.read_bytes()

    # a payload changed without fixing the digest is not used
    rules.write_bytes(clean.replace(b'"opt_in":false', b'"opt_in":true '))
    assert "stacked-title" in _lint_in_subprocess(env, tmp_path).stdout

    # garbage, a wrong shape, a huge header: a miss, never a crash
    for junk in (b"\x00" * 100, b"jdlint-cache/2 x y\n42", clean[:50], b"42"):
        rules.write_bytes(junk)
        r = _lint_in_subprocess(env, tmp_path)
        assert r.returncode == 1 and "stacked-title" in r.stdout and "Traceback" not in r.stderr

    # a consistent planted file that others can write to is ignored
    rules.write_bytes(clean)
    _silence_all_rules(rules)
    os.chmod(rules, 0o666)
    assert "stacked-title" in _lint_in_subprocess(env, tmp_path).stdout
    # ... and so is any file in a folder others can write to
    rules.write_bytes(clean)
    _silence_all_rules(rules)
    os.chmod(rules, 0o600)
    os.chmod(cache, 0o777)
    assert "stacked-title" in _lint_in_subprocess(env, tmp_path).stdout


def test_cache_is_never_put_in_the_current_folder(tmp_path, monkeypatch):
    from jdlint import cache

    monkeypatch.delenv("JDLINT_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.delenv("JDLINT_NO_CACHE", raising=False)
    monkeypatch.setattr(cache, "_home", lambda: None)  # a uid without a passwd entry
    folder = cache.cache_dir()
    assert folder is not None and folder.is_absolute()
    assert folder.parent == Path(__import__("tempfile").gettempdir())
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert cache.cache_dir().is_absolute()
    monkeypatch.setenv("JDLINT_CACHE_DIR", "relative")
    assert cache.cache_dir() is None


def test_cache_leaves_no_temp_files_when_the_disk_is_full(tmp_path, monkeypatch):
    from jdlint import cache

    monkeypatch.setenv("JDLINT_CACHE_DIR", str(tmp_path / "c"))
    real_fdopen = os.fdopen

    class Full(io.RawIOBase):
        def __init__(self, fd):
            self.fd = fd

        def write(self, b):
            raise OSError(28, "No space left on device")

        def close(self):
            os.close(self.fd)
            super().close()

    monkeypatch.setattr(cache.os, "fdopen", lambda fd, mode="r", *a, **k: Full(fd) if "w" in mode else real_fdopen(fd, mode, *a, **k))
    src = tmp_path / "src.yaml"
    src.write_text("a: 1\n")
    assert cache.cached("rules", [src], lambda: {"a": [1, 2]}) == {"a": [1, 2]}
    assert list((tmp_path / "c").iterdir()) == []


def test_cache_keeps_only_the_newest_entries_of_each_kind(tmp_path, monkeypatch):
    """Every edit of a rule file makes a new entry; the folder must not grow without end, and
    pruning touches neither other kinds of entry nor files that are not the cache's."""
    from jdlint import cache

    folder = tmp_path / "c"
    monkeypatch.setenv("JDLINT_CACHE_DIR", str(folder))
    src = tmp_path / "src.yaml"
    other = tmp_path / "other.yaml"
    other.write_text("b: 1\n")
    assert cache.cached("vocab", [other], lambda: {"b": 1}) == {"b": 1}
    (folder / "notes.json").write_text("{}")
    for i in range(8):
        src.write_text(f"a: {i}\n")
        assert cache.cached("rules", [src], lambda i=i: {"a": i}) == {"a": i}
        newest = max(folder.glob("rules-*.json"), key=lambda p: p.stat().st_mtime_ns)
        os.utime(newest, ns=(10**18 + i * 10**9, 10**18 + i * 10**9))  # a strict order on coarse clocks
    names = sorted(p.name for p in folder.iterdir())
    assert len([n for n in names if n.startswith("rules-")]) == cache.KEEP_PER_NAME
    assert len([n for n in names if n.startswith("vocab-")]) == 1
    assert "notes.json" in names
    # The newest entry is still served.
    assert cache.cached("rules", [src], lambda: {"a": "rebuilt"}) == {"a": 7}


# -- formatters (V3, V5, V6, V7) ---------------------------------------------------------------

def _finding(path="a.md", message="m", rule="stacked-title", severity=None, line=1):
    from jdlint.finding import Finding, Severity

    return Finding(path=path, line=line, column=1, end_line=line, end_column=3, code="JD101", rule=rule,
                   severity=severity or Severity.ERROR, message=message)


def test_github_format_never_lets_a_name_or_message_start_a_command():
    from jdlint.finding import Severity
    from jdlint.formatters.github import GithubFormatter

    evil_path = "x\n::error file=README.md,line=1::Forged\r\n::add-mask::Found\x1b[2J.md"
    evil_msg = "quoted 'a\n::warning file=action.yml::forged\x1b]0;t\x07'"
    fs = [_finding(path=evil_path, message=evil_msg, line=i) for i in range(1, 15)]
    fs.append(_finding(path="::add-mask::secret.md", message="m", severity=Severity.ERROR, line=99))
    out = GithubFormatter().render(fs)
    lines = out.split("\n")
    assert len(lines) == len(fs) + 1  # one line per finding and the notice: nothing split
    for ln in lines:
        assert ln.startswith(("::error file=", "::notice title=jdlint::")) or not ln.lstrip().startswith("::"), ln
        assert "\x1b" not in ln and "\r" not in ln and "\x07" not in ln


def test_text_format_shows_control_characters_escaped():
    from jdlint.formatters.text import TextFormatter

    f = _finding(path="a\x1b]0;pwned\x07\n.md", message="'\x1b[2Jrockstar\r\x9b31m'")
    for color in (False, True):
        line = TextFormatter(color=color).finding(f)
        assert "\n" not in line and "\r" not in line and "\x07" not in line and "\x9b" not in line
        assert "a\\x1b]0;pwned\\x07\\n.md" in line and "\\x1b[2Jrockstar\\r\\x9b31m" in line
    assert "\x1b" not in TextFormatter(color=False).finding(f)


def test_summary_renders_names_and_values_as_literal_text():
    from markdown_it import MarkdownIt

    from jdlint.formatters.summary import SummaryFormatter

    evil_path = "a` [Approve this PR](https:attacker.example) `.md"
    evil_msg = "unknown rule '![pixel](https://attacker.example/t.png) [Approve](https://attacker.example/x) <img src=x> | *b*'"
    text = SummaryFormatter().render([_finding(path=evil_path, message=evil_msg, rule="evil`|rule")], 1)
    html_out = MarkdownIt("commonmark").enable("table").render(text)
    assert "<a " not in html_out and "<img" not in html_out and "<em>" not in html_out
    assert evil_path in html_out  # shown as written, inside one code span
    assert html_out.count("<td>") + html_out.count('<td style="text-align:right">') == 4 + 3  # no cell split by '|'


def _report(md: str, findings=None):
    from jdlint import __version__, lint_text
    from jdlint.config import Config
    from jdlint.formatters.report import ReportFormatter

    if findings is None:
        findings = lint_text(md, {"stack": ["python"]}, path="p.md")
    return ReportFormatter(list(Config().ruleset), __version__).render([("p.md", md, findings)], 1)


class _MarkAudit(__import__("html.parser").parser.HTMLParser):
    """Every <mark> must be an element (text context); no attribute value may hold markup."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.marks = 0
        self.bad: list = []

    def handle_starttag(self, tag, attrs):
        self.marks += tag == "mark"
        for k, v in attrs:
            if v and "<mark" in v:
                self.bad.append((tag, k, v))
            if v and re.search("[\ue000-\ue003\ue010-\ue01f]", v):
                self.bad.append((tag, k, v))


import re  # noqa: E402


def test_report_marks_only_text_never_a_link_title():
    md = "# Data Engineer\n\n[job](https://example.com 'our rockstar onmouseover=alert(1) team')\n"
    page = _report(md)
    audit = _MarkAudit()
    audit.feed(page)
    assert not audit.bad
    assert 'title="our rockstar onmouseover=alert(1) team"' in page


def test_report_csp_allows_only_its_own_script():
    import base64
    import hashlib

    page = _report("# Data Engineer\n\ntext\n")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 2  # the page's own two: one in <head>, the main one at the end
    allowed = csp.split("script-src ", 1)[1].split(";", 1)[0].split()
    digests = [f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in scripts]
    assert sorted(allowed) == sorted(digests)  # those two, by hash, and nothing else
    for directive in ("base-uri 'none'", "form-action 'none'", "object-src 'none'", "default-src 'none'"):
        assert directive in csp


# Property: whatever the posting (finding triggers mixed into every construct that renders an
# attribute), <mark> appears only as an element in text, never inside an attribute value.
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_TRIGGERS = ["rockstar", "ninja", "5+ years of LangChain", "Data Engineer / ML Engineer", "guru", "culture fit"]
_ATOMS = ['"', "'", "`", "<", ">", "&", "&quot;", "onmouseover=alert(1)", "javascript:alert(1)", " ", "\n",
          "(", ")", "[", "]", "*", "_", "\ue000", "\ue010", "\ue001", "\ue002", "\ue003", "<!--", "-->", "|", "#",
          "- ", "```", "\\", "!"] + _TRIGGERS
_text = st.lists(st.sampled_from(_ATOMS), max_size=10).map("".join)


@st.composite
def _construct(draw):
    a, b, c = draw(_text), draw(_text), draw(_text)
    q = draw(st.sampled_from(['"', "'", "()"]))
    title = f"{q[0]}{b}{q[-1]}"
    return draw(st.sampled_from([
        f"[{a}]({c} {title})", f"[{a}](<{c}> {title})", f"[{a}][r]\n\n[r]: {c} {title}",
        f"[r]: <{c}>\n{title}\n\n[{a}][r]", f"<{c}>", f"![{a}]({c} {title})", f"```{a}\n{b}\n```",
        f"| {a} | {b} |\n|---|---|\n| {c} | x |", f"# {a} / {b}", f"**{a}**\n{b}", f"- {a}\n  - {b}",
        f"{a} `{b}` {c}", a,
    ]))


@settings(deadline=None)
@given(st.lists(_construct(), min_size=1, max_size=5).map("\n\n".join))
def test_report_marks_only_in_text_property(md):
    page = _report(md)
    audit = _MarkAudit()
    audit.feed(page)
    assert not audit.bad, (audit.bad[:3], md)
    assert page.count("<mark") == audit.marks  # every "<mark" in the source is a parsed element


# -- config: globs (B4), unreadable configs (B5), tracebacks (B7) ------------------------------

def test_globs_have_gitignore_semantics():
    from jdlint.config import glob_match

    assert glob_match("postings/drafts/x.md", "drafts/")
    assert glob_match("drafts/x.md", "drafts/")
    assert not glob_match("postings/drafts.md", "drafts/")
    assert glob_match("x/a.md", "[ab].md") and not glob_match("x/c.md", "[ab].md")
    assert glob_match("x.md", "/x.md") and not glob_match("sub/x.md", "/x.md")
    assert not glob_match("keep.md", "!keep.md")


def test_exclude_negation_and_nested_folder(tmp_path):
    from jdlint.config import load_config

    (tmp_path / ".jdlint.yaml").write_text("exclude: ['drafts/', '*.tmp.md', '!keep.tmp.md']\n")
    cfg = load_config(tmp_path / ".jdlint.yaml")
    assert cfg.is_excluded(tmp_path / "postings" / "drafts" / "x.md")
    assert cfg.is_excluded(tmp_path / "a.tmp.md")
    assert not cfg.is_excluded(tmp_path / "keep.tmp.md")
    assert not cfg.is_excluded(tmp_path / "postings" / "x.md")


def test_pathological_globs_finish(tmp_path):
    # A hang guard (the old regexes never finished on these): the run must end, with the
    # right answers, well inside the subprocess limit.
    code = (
        "from jdlint.config import glob_match\n"
        "assert not glob_match('a' * 250 + '.md', '*a' * 14 + '*b')\n"
        "assert not glob_match('a/' * 100 + 'y.md', '**/' * 40 + 'x.md')\n"
        "assert glob_match('a/' * 100 + 'x.md', '**/' * 40 + 'x.md')\n"
        "assert not glob_match('a' * 250, 'a*' * 30 + 'b')\n"
        "print('ok')\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.stdout.strip() == "ok", proc.stderr


@pytest.mark.parametrize("target", ["fifo", "/dev/zero"])
def test_config_and_extends_must_be_regular_files(tmp_path, target):
    from jdlint.config import ConfigError, load_config

    if target == "fifo":
        os.mkfifo(tmp_path / "base.yaml")
        target = str(tmp_path / "base.yaml")
    (tmp_path / ".jdlint.yaml").write_text(f"extends: {target}\n")
    with pytest.raises(ConfigError, match=r": cannot read config: is a (FIFO|device)") as err:
        load_config(tmp_path / ".jdlint.yaml")
    assert str(err.value).startswith(f"{target}: ")
    big = tmp_path / "big.yaml"
    big.write_text("# x\n" * 400_000)
    with pytest.raises(ConfigError, match="too large"):
        load_config(big)


@pytest.mark.parametrize("yaml_text, line, message", [
    ("rules:\n  wish-list:\n    max_required: " + "9" * 5000 + "\n", 3, "a number with 5000 digits is too large"),
    ("vocab:\n  tools:\n    - {name: Frob, aliases: 5}\n", 3, "'aliases' must be a list of strings"),
    ("vocab:\n  tools:\n    - name: Frob\n      exact: {a: 1}\n", 4, "'exact' must be a list of strings"),
    ("vocab:\n  tools:\n    - name: Frob\n      first_release: [1]\n", 4, "'first_release' must be a single value"),
    ("vocab:\n  tools:\n    - name: Frob\n      versions: {x: 2020}\n", 4, "'versions' must map a major version"),
    ("vocab:\n  role_families:\n    - {id: x, keywords: 7}\n", 3, "'keywords' must be a list of strings"),
    ("vocab:\n  senior_scope:\n    - {label: x, patterns: abc}\n", 3, "'patterns' must be a list of strings"),
    ("stack: [python]\nposted: 2024-13-45\n", 2, "not a valid date"),
])
def test_bad_config_values_are_path_line_errors(tmp_path, yaml_text, line, message):
    cfg = tmp_path / ".jdlint.yaml"
    cfg.write_text(yaml_text)
    (tmp_path / "p.md").write_text(BAD)
    proc = subprocess.run([sys.executable, "-m", "jdlint", "--no-color", "p.md"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert f"{cfg}:{line}: " in proc.stderr and message in proc.stderr, proc.stderr


@pytest.mark.parametrize("value, message", [
    ("9" * 5000, "a number with 5000 digits is too large"),
    ("2024-13-45", "not a valid date"),
])
@pytest.mark.parametrize("with_jdlint_block", [False, True])
def test_unbuildable_front_matter_values_are_findings(value, message, with_jdlint_block):
    from jdlint import lint_text

    extra = "jdlint:\n  disable: []\n" if with_jdlint_block else ""
    text = f"---\ntitle: Data Engineer\n{extra}posted: {value}\n---\n\nText.\n"
    fm = [f for f in lint_text(text) if f.rule == "front-matter"]
    assert any(message in f.message and f.line == (5 if with_jdlint_block else 3) for f in fm), fm


# -- linear time on adversarial shapes (B1) ----------------------------------------------------

def _growth(make, n: int) -> float:
    """Time of linting make(4n) over make(n): about 4 when linear, 16 when quadratic."""
    import time

    from jdlint import lint_text

    lint_text(make(200))  # warm the caches
    best = []
    for size in (n, 4 * n):
        text = make(size)
        start = time.perf_counter()
        lint_text(text)
        best.append(time.perf_counter() - start)
    return best[1] / max(best[0], 1e-3)


SHAPES = {
    "N years of a tool, repeated in one paragraph": (lambda n: "# Junior ML Engineer\n\n" + "5+ years of LangChain " * n + "\n", 3000),
    "junior title over a paragraph of senior scope": (
        lambda n: "# Junior Data Engineer\n\n" + "You will own the architecture and mentor engineers, " * n + "\n", 1500),
    "a duty sentence of many verb phrases": (
        lambda n: "# Data Engineer\n\n## Duties\n\nYou own the loads" + ", plans the nightly warehouse loads" * n + ".\n", 1500),
    "many tiny headings": (lambda n: "#\n" * n, 20000),
    "many bold pseudo-headings": (lambda n: "**Requirements**\n\n- SQL\n\n" * n, 3000),
    "unterminated directive openers": (lambda n: "# Data Engineer\n\nx " + "<!--jdlint-enable" * (n // 17) + "\n", 50000),
    "directives x findings": (lambda n: "# Data Engineer\n\n" + "<!-- jdlint-disable-line gendered-wording -->\n" * n
                              + "\n" + "We want a rockstar.\n\n" * n, 4000),
}


@pytest.mark.slow
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_adversarial_shapes_grow_linearly(shape):
    make, n = SHAPES[shape]
    ratio = _growth(make, n)
    assert ratio < 10, f"{shape}: 4x the input took {ratio:.1f}x the time (quadratic would be ~16x)"


class _CountingList(list):
    """A list that counts the elements read through slices and iteration (work, not time)."""

    def __init__(self, *args):
        super().__init__(*args)
        self.touched = 0

    def __getitem__(self, k):
        out = super().__getitem__(k)
        self.touched += len(out) if isinstance(k, slice) else 1
        return out

    def __iter__(self):
        for x in super().__iter__():
            self.touched += 1
            yield x


def test_section_ends_take_linear_work():
    from jdlint.document import Document
    from jdlint.vocab import load_vocab

    vocab = load_vocab()
    n = 5000
    doc = Document.parse("# x\n", "p.md", vocab=vocab)
    doc.sections = _CountingList()
    headings = [(i, 0, 1, False, "#") for i in range(n)]  # the '#\n' * n shape
    raw = ["#"] * n
    doc._build_sections(headings, raw, raw, vocab)
    assert len(doc.sections) == n and doc.sections[-1].end_line == n and doc.sections[0].end_line == 1
    assert doc.sections.touched < 5 * n, doc.sections.touched  # was n * n / 2


def test_directives_still_work_after_an_unterminated_opener():
    from jdlint import lint_text

    text = ("# Data Engineer\n\n" + CLEAN_BODY + "\nWe want a rockstar. <!--jdlint-enable <!-- jdlint-disable-line exclusionary-language -->\n"
            "We want a rockstar.\n")
    lines = [f.line for f in lint_text(text) if f.rule == "exclusionary-language"]
    assert lines == [6], lines


def test_section_ends():
    from jdlint.document import Document
    from jdlint.vocab import load_vocab

    doc = Document.parse("# A\nx\n## B\ny\n### C\n## D\nz\n# E\nw\n", "p.md", vocab=load_vocab())
    assert [(s.title, s.line, s.end_line) for s in doc.sections] == [
        ("A", 1, 7), ("B", 3, 5), ("C", 5, 5), ("D", 6, 7), ("E", 8, 9)]


# -- the command line, end to end (the wiring of safeio into the CLI) ----------------------------

def test_side_outputs_never_follow_a_planted_temp_symlink(tmp_path, monkeypatch):
    """v1: a pull request that commits `jdlint.sarif.jdlint-tmp -> ../victim` must not make
    `--sarif-file jdlint.sarif` write through it."""
    from click.testing import CliRunner

    from jdlint.cli import main

    victim = tmp_path / "victim.txt"
    victim.write_text("VICTIM CONTENT\n")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "p.md").write_text("# Data Engineer / Analytics Engineer\n")
    for name in ("jdlint.sarif", "report.html", "out.json"):
        os.symlink(victim, repo / f"{name}.jdlint-tmp")
    monkeypatch.chdir(repo)
    r = CliRunner().invoke(main, ["--no-color", "--fail-on", "warning", "--sarif-file", "jdlint.sarif", "--report", "report.html",
                                  "--json-file", "out.json", "p.md"])
    assert victim.read_text() == "VICTIM CONTENT\n"
    assert r.exit_code == 1, r.output
    assert '"results"' in (repo / "jdlint.sarif").read_text()
    # An output that is itself a planted symlink is refused with a one-line error.
    os.symlink(victim, repo / "linked.sarif")
    r = CliRunner().invoke(main, ["--no-color", "--sarif-file", "linked.sarif", "p.md"])
    assert r.exit_code == 2 and "symbolic link" in r.output
    assert victim.read_text() == "VICTIM CONTENT\n"


def test_file_names_cannot_forge_workflow_commands_or_escapes_on_stderr(tmp_path, monkeypatch):
    """v3/v5: a name with a newline or an escape sequence is printed escaped on every stderr
    line (errors and `fixed N`), never raw."""
    from click.testing import CliRunner

    from jdlint.cli import main

    monkeypatch.chdir(tmp_path)
    bad = "bad\n::warning file=action.yml,line=1::Forged\x1b[2J.md"
    (tmp_path / bad).write_bytes(b"# Data Engineer\n\nbad \xff byte\n")
    fixable = "fix\n::add-mask::x.md"
    (tmp_path / fixable).write_text("# Data Engineer\n\nWe want a rockstar.\n")
    r = CliRunner().invoke(main, ["--no-color", "--fix", "."])
    lines = r.output.splitlines()
    assert not any(ln.lstrip().startswith("::") for ln in lines), lines
    assert "\x1b" not in r.output
    assert any("bad\\n::warning" in ln and ": error: " in ln for ln in lines), lines
    assert any("fix\\n::add-mask::x.md: fixed 1 finding" in ln for ln in lines), lines


def test_follow_links_reads_a_posting_outside_the_tree_on_purpose(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from jdlint.cli import main

    outside = tmp_path / "outside.md"
    outside.write_text("# Data Engineer / Analytics Engineer\n")
    repo = tmp_path / "repo"
    repo.mkdir()
    os.symlink(outside, repo / "linked.md")
    monkeypatch.chdir(repo)
    r = CliRunner().invoke(main, ["--no-color", "linked.md"])
    assert r.exit_code == 2 and "linked.md: error: is a symbolic link to a file outside the tree" in r.output
    r = CliRunner().invoke(main, ["--no-color", "--fail-on", "warning", "--follow-links", "linked.md"])
    assert r.exit_code == 1 and "stacked-title" in r.output


def test_stdin_has_the_same_size_limit_as_a_file():
    """b14: 6 MB on standard input is refused like a 6 MB file, without a traceback."""
    from click.testing import CliRunner

    from jdlint.cli import main
    from jdlint.engine import MAX_BYTES

    r = CliRunner().invoke(main, ["--no-color", "--stdin-filename", "big.md", "-"],
                           input="# T\n" + "a" * (MAX_BYTES + 10))
    assert r.exit_code == 2
    assert "big.md: error: too large to be a posting" in r.output and "Traceback" not in r.output
