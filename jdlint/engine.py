"""The pipeline, in one place: discover -> read -> parse -> config for this posting (its
front-matter ``jdlint:`` block included) -> facts -> rules -> suppressions (a post-pass) ->
findings.

``lint_text`` holds no global state beyond compiled-vocabulary caches, so job boards can map
it over millions of postings with any executor. ``lint_paths`` is the driver the command line
uses too: discovery, reading, per-file config, ``--fix`` and ``--jobs``, yielding one
``FileResult`` per posting in a stable order.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator
from .rxcache import re_compile

from . import suppressions
from .checks import Context
from .config import Config, ConfigError, ConfigFinder, load_config
from .document import Document
from .domain import facts_for
from .finding import Finding
from .names import did_you_mean
from .patterns import PatternTimeout, posting_deadline
from .vocab import load_vocab
from .wordfix import swap_line

MARKDOWN_SUFFIXES = (".md", ".markdown")
# A posting is a page of text; a file this large is a mistake (a log, a data dump), and reading
# it would only make a run slow. A 1 MB posting lints in about a second (bench/RESULTS.md).
MAX_BYTES = 5 * 1024 * 1024
SKIP_DIRS = {"node_modules", "__pycache__"}
STDIN = "-"


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # one line, already naming the file
    fixed: int = 0  # safe fixes written to the file (--fix)
    text: str | None = None  # the posting's text, kept for text read from standard input
    original: str | None = None  # with --fix: the text before the fixes (``text`` is after them)
    stdin: bool = False  # read from standard input


@lru_cache(maxsize=1)
def _default_config() -> Config:
    """One default config per process: a job board calling ``lint_text(text)`` for each of its
    postings works out the enabled rules once, not once per posting (about 5% of a lint).
    Linting never changes a config (its only state is that answer)."""
    return Config()


def _as_config(config: Any) -> Config:
    if config is None:
        return _default_config()
    if isinstance(config, Config):
        return config
    if isinstance(config, dict):
        return load_config(data=config)
    if isinstance(config, (str, os.PathLike)):
        return load_config(config)
    raise TypeError("config must be a Config, a mapping, a path or None")


def check_rule_names(names: Iterable[str] | None, known: Iterable[str], flag: str) -> None:
    """Raise ConfigError for a ``--select``/``--ignore`` name no rule has."""
    known_set = set(known)
    known_set |= {k.lower() for k in known_set}
    for n in names or ():
        if n not in known_set and n.lower() not in known_set and n.strip() not in known_set:
            raise ConfigError(flag, None, f"unknown rule {n!r}{did_you_mean(n, sorted(known_set))}")


def lint_text(text: str, config: Any = None, path: str = "<text>", *,
              select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
              stack: list[str] | None = None, today: date | None = None) -> list[Finding]:
    """Lint one posting. ``config`` may be a Config, a mapping like a ``.jdlint.yaml``, a
    path to one, or None for the defaults. Returns sorted findings."""
    cfg = _as_config(config)
    check_rule_names(select, cfg.ruleset.keys(), "--select")
    check_rule_names(ignore, cfg.ruleset.keys(), "--ignore")
    vocab = load_vocab(cfg.vocab, cfg.vocab_origins)
    doc = Document.parse(text, path, vocab=vocab)
    return lint_document(doc, cfg, vocab, select=select, ignore=ignore, stack=stack, today=today)


class LintCancelled(Exception):
    """Raised by ``lint_document`` when its ``cancelled`` callback says the work is stale."""


def lint_document(doc: Document, cfg: Config, vocab: Any, *, select: Iterable[str] | None = None,
                  ignore: Iterable[str] | None = None, stack: list[str] | None = None,
                  today: date | None = None, cancelled: Any = None) -> list[Finding]:
    """Run the enabled rules over a parsed posting, then the suppression post-pass.

    ``cancelled``: a callable asked before each rule; when it returns true the lint stops with
    ``LintCancelled`` (the language server's way to drop a lint of a version already replaced)."""
    settings = cfg.for_document(doc, stack)
    ctx = Context(vocab=vocab, facts=facts_for(doc, vocab), today=today or date.today(),
                  stack=settings.stack, stage=settings.stage, employer=settings.employer,
                  rule_names=tuple(cfg.ruleset.keys()))
    rules = cfg.enabled_rules(select, ignore, settings.disable)
    findings: list[Finding] = []
    with posting_deadline():
        for rule in rules:
            if cancelled is not None and cancelled():
                raise LintCancelled(doc.path)
            if not rule.kind.after_suppression:
                findings.extend(rule.check(doc, ctx))
    findings, outcome = suppressions.apply(doc, findings, cfg.ruleset.get, frozenset(r.name for r in rules))
    findings = _drop_superseded(findings, rules)
    if outcome is not None:
        ctx.suppression = outcome
        for rule in rules:
            if rule.kind.after_suppression:
                findings.extend(rule.check(doc, ctx))
    findings.sort()
    return findings


def _drop_superseded(findings: list[Finding], rules: list[Any]) -> list[Finding]:
    """One finding per phrase: a rule's finding is dropped where a rule that ``supersedes`` it
    reports overlapping words ("digital native": the law's age-proxy finding, not also the
    wording one)."""
    over = {r.name: set(r.supersedes) for r in rules if r.supersedes}
    if not over:
        return findings
    spans: dict[str, list[tuple[int, int, int, int]]] = {}
    for f in findings:
        for lower in over.get(f.rule, ()):
            spans.setdefault(lower, []).append((f.line, f.column, f.end_line, f.end_column))

    def covered(f: Finding) -> bool:
        a = (f.line, f.column)
        b = (f.end_line, f.end_column)
        return any((l1, c1) < b and a < (l2, c2) for l1, c1, l2, c2 in spans.get(f.rule, ()))

    return [f for f in findings if not covered(f)]


def discover(paths: Iterable[str], finder: ConfigFinder, gitignore: Any = None) -> Iterator[tuple[str, str | None]]:
    """(path, error) for every posting to lint, in a stable order.

    Folders are walked for ``*.md`` / ``*.markdown``, skipping hidden folders,
    ``node_modules``, what ``gitignore`` (a ``gitignore.GitIgnore``) says git ignores, and
    never following symlinked folders. Files named explicitly are linted
    whatever their suffix (pre-commit passes them), unless a config excludes them. A config
    that cannot be loaded is reported once; the files under it are not linted.
    """
    reported: set[str] = set()

    def wanted(path: str, walked: bool) -> tuple[bool, str | None]:
        try:
            cfg = finder.for_path(Path(path))
        except ConfigError as exc:
            msg = f"jdlint: error: {exc}"
            if msg in reported:
                return False, None
            reported.add(msg)
            return False, msg
        if cfg.is_excluded(Path(path)) or (walked and not cfg.is_included(Path(path))):
            return False, None
        return True, None

    from .safeio import escape_path

    walk_errors: list[OSError] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            # A folder named on the command line that git ignores as a whole ("jdlint
            # build/postings") is linted all the same, as a named file is: the user asked for it.
            ignores = None if (gitignore and gitignore.ignored(str(p), True)) else gitignore
            for root, dirs, files in os.walk(p, followlinks=False, onerror=walk_errors.append):
                while walk_errors:  # a folder that could not be listed is an error, not a skip
                    exc = walk_errors.pop(0)
                    yield exc.filename or root, f"{escape_path(exc.filename or root)}: error: cannot list this folder: {exc.strerror or exc}"
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS
                                 and not os.path.islink(os.path.join(root, d))
                                 and not (ignores and ignores.ignored(os.path.join(root, d), True)))
                for name in sorted(files):
                    if not name.lower().endswith(MARKDOWN_SUFFIXES):
                        continue
                    full = os.path.join(root, name)
                    if full.startswith("." + os.sep) and raw in (".", "." + os.sep):
                        full = full[2:]  # "postings/a.md", as git and ruff print it, not "./postings/a.md"
                    if ignores and ignores.ignored(full):
                        continue
                    ok, err = wanted(full, True)
                    if ok or err:
                        yield full, err
            for exc in walk_errors:
                yield exc.filename or raw, f"{escape_path(exc.filename or raw)}: error: cannot list this folder: {exc.strerror or exc}"
            walk_errors.clear()
        elif p.exists() or p.is_symlink():
            ok, err = wanted(raw, False)
            if ok or err:
                yield raw, err
        else:
            yield raw, f"{escape_path(raw)}: error: no such file or directory"


def read_posting(path: str, follow_links: bool = False) -> str:
    """Read a posting as UTF-8 (a BOM is fine). Raises ValueError with a one-line reason.

    Only regular files are read (a FIFO, a device such as a committed ``x.md -> /dev/zero``
    symlink, or a socket is refused without blocking), at most ``MAX_BYTES``, and a symlink
    that resolves outside the tree under review is not followed (``safeio.tree_root``)."""
    from . import safeio

    try:
        size = os.lstat(path).st_size  # lstat: say nothing about a link's target yet
    except OSError:
        size = 0  # read_regular_file says why
    if size > MAX_BYTES:
        raise ValueError(f"too large to be a posting ({size / 1024 / 1024:.1f} MB; the limit is {MAX_BYTES // 1024 // 1024} MB)")
    try:
        data = safeio.read_regular_file(path, MAX_BYTES, follow_links=follow_links, root=safeio.tree_root(path))
    except ValueError as exc:
        msg = str(exc)
        if msg == "no such file":
            msg = "no such file (it vanished while jdlint ran)"
        elif "outside the tree" in msg and not follow_links:
            msg += "; --follow-links reads it if you trust where it points"
        elif msg.startswith("too large"):
            msg = f"too large to be a posting (over {MAX_BYTES // 1024 // 1024} MB, the limit)"
        raise ValueError(msg) from None
    return decode_posting(data)


def decode_posting(data: bytes) -> str:
    """A posting's bytes as text: UTF-8 (a BOM is fine); NUL bytes near the start mean a
    binary file. Raises ValueError with a one-line reason (the line of a bad byte)."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError("looks like a binary file (it contains NUL bytes), not markdown")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ValueError(f"line {line}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None


def lint_file(path: str, cfg: Config, *, select: Iterable[str] | None = None,
              ignore: Iterable[str] | None = None, stack: list[str] | None = None,
              today: date | None = None, text: str | None = None, follow_links: bool = False) -> FileResult:
    """Read (unless ``text`` is given), parse and lint one posting; a problem costs this file
    only: it becomes the result's one-line error."""
    result = FileResult(path)
    try:
        if text is None:
            text = read_posting(path, follow_links)
    except ValueError as exc:
        result.error = f"{path}: error: {exc}"
        return result
    try:
        vocab = load_vocab(cfg.vocab, cfg.vocab_origins)
        doc = Document.parse(text, path, vocab=vocab)
        result.findings = lint_document(doc, cfg, vocab, select=select, ignore=ignore, stack=stack, today=today)
    except PatternTimeout as exc:
        result.error = f"{path}: error: {exc}"
    except Exception as exc:  # a bug must cost one file, not the run
        result.error = (f"{path}: error: jdlint could not lint this file ({type(exc).__name__}: {exc}); "
                        "this is a bug in jdlint, please report it")
    return result


_LINE = re_compile(r"([^\r\n]*)(\r\n|\r|\n|$)")


def apply_fixes(text: str, findings: Iterable[Finding]) -> tuple[str, int]:
    """Apply the safe replacements of ``findings`` to ``text`` (the file as read, BOM and line
    endings kept). A fix is applied only when the text at its span is still what the rule
    matched, and never when it overlaps another fix; articles and repeated words around a swap
    are kept right (``wordfix.swap_line``). Returns (new text, fixes applied)."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom):]
    lines: list[list[str]] = []
    for m in _LINE.finditer(body):
        if m.group(0) == "" and m.start() == len(body):
            break
        lines.append([m.group(1), m.group(2)])
    by_line: dict[int, list[Finding]] = {}
    for f in findings:
        if f.replacement is not None and f.line == f.end_line and 0 < f.line <= len(lines):
            by_line.setdefault(f.line, []).append(f)
    applied = 0
    for n, fixes in by_line.items():
        swaps = [(f.column - 1, f.end_column - 1, f.match, f.replacement) for f in fixes if f.replacement is not None]
        lines[n - 1][0], done = swap_line(lines[n - 1][0], swaps)
        applied += done
    return bom + "".join(c + e for c, e in lines), applied


def write_atomically(path: str, text: str) -> None:
    """Write the fixed text of ``path``, keeping its permission bits and its links.

    - a symlink is written through to its target when that target is inside the tree under
      review, and refused (``OSError``) otherwise; the link itself is never replaced;
    - a file with one link is replaced atomically (temp file in its folder, created with
      ``O_EXCL|O_NOFOLLOW``, then renamed over it);
    - a hard-linked file (``st_nlink > 1``) is rewritten in place, so every name keeps
      seeing the same file (not atomic: a crash may leave it half written).
    """
    import errno
    import stat

    from . import safeio

    target = path
    if os.path.islink(path):
        real = os.path.realpath(path)
        if not safeio.is_within(real, safeio.tree_root(path)):
            raise OSError(errno.EPERM, "it is a symbolic link to a file outside the tree under review; not fixed")
        target = real
    st = os.stat(target)
    if not stat.S_ISREG(st.st_mode):
        raise OSError(errno.EINVAL, "not a regular file")
    if st.st_nlink > 1:
        safeio.rewrite_in_place(target, text)
    else:
        safeio.write_output(target, text, mode=st.st_mode & 0o7777)


def fix_file(path: str, cfg: Config, follow_links: bool = False, write: bool = True,
             text: str | None = None, **kw: Any) -> FileResult:
    """Lint, apply the safe fixes, write the file atomically (unless ``write`` is false:
    ``--diff`` and standard input), and lint again. The result's ``original`` is the text
    before the fixes and ``text`` the text after them."""
    if text is None:
        try:
            text = read_posting(path, follow_links)
        except ValueError as exc:
            return FileResult(path, error=f"{path}: error: {exc}")
    result = lint_file(path, cfg, text=text, **kw)
    new_text, n = apply_fixes(text, result.findings)
    if result.error or n == 0 or new_text == text:
        result.original = result.text = text
        return result
    if write:
        try:
            write_atomically(path, new_text)
        except OSError as exc:
            return FileResult(path, error=f"{path}: error: cannot write the fixes: {exc.strerror or exc}")
    fixed = lint_file(path, cfg, text=new_text, **kw)
    fixed.fixed = n
    fixed.original, fixed.text = text, new_text
    return fixed


def read_stdin(limit: int = MAX_BYTES) -> str:
    """One posting from standard input, with the same size limit as a file."""
    from .safeio import read_stream_limited

    try:
        data = read_stream_limited(sys.stdin.buffer, limit)
    except ValueError:
        raise ValueError(f"too large to be a posting (more than {limit // 1024 // 1024} MB on standard input)") from None
    return decode_posting(data)


@dataclass(frozen=True)
class _Task:
    """What every worker needs to lint one path the way the parent would."""

    config_path: str | None
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    stack: tuple[str, ...] | None
    today: date | None
    fix: bool
    follow_links: bool = False
    write: bool = True  # with fix: write the fixed files (False for --diff)

    def __call__(self, path: str) -> FileResult:
        try:
            cfg = _worker_finder(self.config_path).for_path(Path(path))
        except ConfigError as exc:
            return FileResult(path, error=f"{path}: error: config {exc}")
        if self.fix:
            return fix_file(path, cfg, follow_links=self.follow_links, write=self.write, **self.options())
        return lint_file(path, cfg, follow_links=self.follow_links, **self.options())

    def options(self) -> dict[str, Any]:
        """The rule options of lint_file and fix_file, as the command line gave them."""
        return {"select": list(self.select) or None, "ignore": list(self.ignore) or None,
                "stack": list(self.stack) if self.stack is not None else None, "today": self.today}


_FINDERS: dict[str | None, ConfigFinder] = {}


def _worker_finder(config_path: str | None) -> ConfigFinder:
    """One ConfigFinder per process (its caches survive from one file to the next)."""
    if config_path not in _FINDERS:
        _FINDERS[config_path] = ConfigFinder(config_path)
    return _FINDERS[config_path]


def _lint_chunk(task: _Task, paths: list[str]) -> list[FileResult]:
    return [_safe(task, p) for p in paths]


def _safe(task: _Task, path: str) -> FileResult:
    """One file's result; anything that goes wrong (memory included) costs this file only."""
    try:
        return task(path)
    except Exception as exc:  # MemoryError too: a posting must never abort the run
        return FileResult(path, error=f"{path}: error: jdlint could not lint this file ({type(exc).__name__}: {exc})")


def _isolated(task: _Task, path: str, ctx: Any) -> FileResult:
    """Lint one file in a process of its own, after a worker died on a batch holding it."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(max_workers=1, mp_context=ctx)
    try:
        return pool.submit(_safe, task, path).result()
    except BrokenProcessPool:
        return FileResult(path, error=f"{path}: error: the process linting this file died "
                                      "(killed, or out of memory); the other files were linted")
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _run_tasks(task: _Task, paths: list[str], jobs: int) -> Iterator[FileResult]:
    """Results in the order of ``paths``, linted in ``jobs`` processes.

    Work goes out in small batches with a bounded number in flight. A worker that dies (the
    out-of-memory killer, a signal) breaks the pool: the batches in flight are then linted
    again one file per process, so the file that kills its process gets a one-line error, the
    others their findings, and a new pool takes the rest."""
    if jobs <= 1 or len(paths) < 2:
        for p in paths:
            yield _safe(task, p)
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    # Lint the first posting here: the workers fork with every pattern already compiled.
    yield _safe(task, paths[0])
    rest = paths[1:]
    workers = min(jobs, len(rest))
    size = max(1, min(32, len(rest) // (workers * 4) or 1))
    chunks = deque(rest[i:i + size] for i in range(0, len(rest), size))
    pending: deque[tuple[list[str], Future[list[FileResult]]]] = deque()
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx)
    breaks = 0  # pool failures in a row that lost no work
    try:
        while chunks or pending:
            try:
                while chunks and len(pending) < workers * 4:
                    chunk = chunks[0]
                    pending.append((chunk, pool.submit(_lint_chunk, task, chunk)))
                    chunks.popleft()
                chunk, future = pending[0]
                results = future.result()
                pending.popleft()
            except BrokenProcessPool:
                lost = [c for c, _f in pending]
                pending.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                for c in lost:
                    for p in c:
                        yield _isolated(task, p, ctx)
                breaks = breaks + 1 if not lost else 0
                if breaks > 2:  # the pool cannot even start: lint the rest here
                    for c in chunks:
                        yield from _lint_chunk(task, c)
                    return
                pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx)
                continue
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def known_rule_names(finder: ConfigFinder) -> set[str]:
    """Every rule name a ``--select``/``--ignore`` may use here: the built-in rules and those
    of the packs of the config that applies (``--config``, or the one found from here)."""
    names = set(Config().ruleset.keys())
    try:
        names |= set(finder.for_path(Path(os.getcwd()) / "posting.md").ruleset.keys())
    except ConfigError:
        pass  # reported when the files under it are linted
    return names


def check_stack_names(stack: Iterable[str], finder: ConfigFinder) -> None:
    """Raise ConfigError for a ``--stack`` name that neither the tool catalog nor the config
    that applies here (its ``vocab: tools:``) knows ("--stack postings/" is a mistake too)."""
    try:
        cfg = finder.for_path(Path(os.getcwd()) / "posting.md")
    except ConfigError:
        cfg = Config()
    vocab = load_vocab(cfg.vocab, cfg.vocab_origins)
    for name in stack:
        if vocab.tool_by_name(name) is None:
            raise ConfigError("--stack", None, f"unknown tool {name!r}{vocab.unknown_tool_hint(name)} "
                              "(a tool of the team's own goes under vocab: tools: in .jdlint.yaml)")


def lint_paths(paths: Iterable[str], *, config: str | None = None, select: Iterable[str] | None = None,
               ignore: Iterable[str] | None = None, stack: list[str] | None = None,
               today: date | None = None, jobs: int | None = 1, fix: bool = False,
               stdin_filename: str | None = None, follow_links: bool = False,
               write_fixes: bool = True, gitignore: bool = True) -> Iterator[FileResult]:
    """Lint files and folders (``"-"``: one posting from standard input, named
    ``stdin_filename``); yields one FileResult per posting, or per bad path, in a stable order.

    Raises ConfigError when ``--config`` cannot be used or a rule name is unknown (the command
    line turns that into exit 2). A posting that is a symlink to a file outside the tree under
    review is an error for that posting unless ``follow_links``. With ``fix``, each result
    carries the text before (``original``) and after (``text``) the safe fixes; the files are
    written only when ``write_fixes`` (standard input never is). Walking a folder skips what
    git ignores unless ``gitignore`` is false; a file named explicitly is always linted.
    """
    finder = ConfigFinder(config)
    select_t, ignore_t = tuple(select or ()), tuple(ignore or ())
    if select_t or ignore_t:
        known = known_rule_names(finder)
        check_rule_names(select_t, known, "--select")
        check_rule_names(ignore_t, known, "--ignore")
    if stack:
        check_stack_names(stack, finder)
    task = _Task(config, select_t, ignore_t, tuple(stack) if stack else None, today, fix, follow_links, write_fixes)
    from .gitignore import GitIgnore

    ignores = GitIgnore() if gitignore else None
    for target in list(paths) or ["."]:
        if target == STDIN:
            yield _lint_stdin(finder, task, stdin_filename)
            continue
        found = list(_discover_target(target, finder, ignores))
        todo = [p for p, err in found if not err]
        n_jobs = jobs if jobs is not None else (1 if len(todo) < 2 else (os.cpu_count() or 1))
        results = _run_tasks(task, todo, n_jobs)
        for path, error in found:
            yield FileResult(path, error=error) if error else next(results)


_GLOB_CHARS = re_compile(r"[*?\[]")


def _escape_path(path: str) -> str:
    from .safeio import escape_path

    return escape_path(path)


def _expand_glob(target: str) -> list[str] | None:
    """The files a glob path names (``postings/*.md``, ``postings/**/*.md``, as shells and
    markdownlint-cli2 expand them), sorted; None when ``target`` is an existing path or has no
    glob characters. The GitHub Action passes ``paths:`` unexpanded, so this is where they work."""
    import glob

    if not _GLOB_CHARS.search(target) or os.path.lexists(target):
        return None
    return sorted(glob.glob(target, recursive=True))


def _discover_target(target: str, finder: ConfigFinder, ignores: Any) -> Iterator[tuple[str, str | None]]:
    """(path, error) for one command-line path: a glob, a folder or a file."""
    matches = _expand_glob(target)
    if matches is None:
        yield from discover([target], finder, ignores)
    elif not matches:
        yield target, f"{_escape_path(target)}: error: no file matches this glob"
    else:
        for m in matches:
            yield from discover([m], finder, ignores)


def list_files(paths: Iterable[str], *, config: str | None = None, gitignore: bool = True) -> Iterator[tuple[str, str | None]]:
    """(path, error) for what ``lint_paths`` would lint (``--show-files``), in its order."""
    from .gitignore import GitIgnore

    finder = ConfigFinder(config)
    ignores = GitIgnore() if gitignore else None
    for target in list(paths) or ["."]:
        if target == STDIN:
            yield STDIN, None
        else:
            yield from _discover_target(target, finder, ignores)


def _lint_stdin(finder: ConfigFinder, task: _Task, stdin_filename: str | None) -> FileResult:
    name = stdin_filename or STDIN
    try:
        cfg = finder.for_path(Path(os.path.abspath(stdin_filename or "stdin.md")))
    except ConfigError as exc:
        return FileResult(name, error=f"jdlint: error: {exc}")
    try:
        text = read_stdin()
    except ValueError as exc:
        return FileResult(name, error=f"{name}: error: {exc}")
    if task.fix:
        result = fix_file(name, cfg, write=False, text=text, **task.options())
    else:
        result = lint_file(name, cfg, text=text, **task.options())
        result.text = text
    result.stdin = True
    return result
