"""The pipeline: text -> Document -> rules -> findings.

``lint_text`` holds no global state beyond compiled-vocabulary caches, so job boards can map
it over millions of postings with any executor. ``lint_paths`` adds discovery, reading and
per-file config for the command line.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator

from .checks import Context
from .checks.generic import PatternTimeout
from .config import Config, ConfigError, ConfigFinder, load_config
from .document import Document
from .finding import Finding
from .suppressions import Suppressor, parse_directives
from .vocab import load_vocab

MARKDOWN_SUFFIXES = (".md", ".markdown")
# A posting is a page of text; a file this large is a mistake (a log, a data dump), and reading
# it would only make a run slow. A 1 MB posting lints in about a second (bench/RESULTS.md).
MAX_BYTES = 5 * 1024 * 1024
SKIP_DIRS = {"node_modules", "__pycache__"}


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # one line, already naming the file


def _as_config(config: Any) -> Config:
    if config is None:
        return Config()
    if isinstance(config, Config):
        return config
    if isinstance(config, dict):
        return load_config(data=config)
    if isinstance(config, (str, os.PathLike)):
        return load_config(config)
    raise TypeError("config must be a Config, a mapping, a path or None")


def lint_text(text: str, config: Any = None, path: str = "<text>", *,
              select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
              stack: list[str] | None = None, today: date | None = None) -> list[Finding]:
    """Lint one posting. ``config`` may be a Config, a mapping like a ``.jdlint.yaml``, a
    path to one, or None for the defaults. Returns sorted findings."""
    cfg = _as_config(config)
    if select:
        cfg.check_rule_names(select, "--select")
    if ignore:
        cfg.check_rule_names(ignore, "--ignore")
    vocab = load_vocab(cfg.vocab)
    doc = Document.parse(text, path, vocab=vocab)
    return _run(doc, cfg, vocab, select, ignore, stack, today)


def _run(doc: Document, cfg: Config, vocab, select, ignore, stack, today) -> list[Finding]:
    settings = doc.jdlint_settings
    disable = [d for d in settings.get("disable", []) if isinstance(d, str)] if isinstance(settings.get("disable"), list) else []
    file_stack = settings.get("stack") if isinstance(settings.get("stack"), list) else None
    effective_stack = stack if stack is not None else (file_stack if file_stack is not None else cfg.stack)
    file_stage = settings.get("stage") if isinstance(settings.get("stage"), str) else None
    ctx = Context(vocab=vocab, stack=effective_stack, today=today or date.today(),
                  stage=file_stage or cfg.stage)
    findings: list[Finding] = []
    rules = cfg.enabled_rules(select, ignore, disable)
    for rule in rules:
        if not rule.kind.after_suppression:
            findings.extend(rule.check(doc, ctx))
    directives = parse_directives(doc)
    if directives:
        ctx.suppressor = Suppressor(doc, directives, cfg.ruleset.get)
        findings = [f for f in findings if not ctx.suppressor.suppressed(f)]
        ctx.rule_names = tuple(cfg.ruleset.keys())
        ctx.enabled = frozenset(r.name for r in rules)
        for rule in rules:
            if rule.kind.after_suppression:
                findings.extend(rule.check(doc, ctx))
    # Unknown names in the front matter disable list are reported, unless front-matter is off.
    fm_rule = next((r for r in rules if r.kind.name == "front-matter"), None)
    if fm_rule is not None and disable:
        from . import yamlio
        from .config import did_you_mean

        block = doc.front_matter.get("jdlint") if doc.front_matter else None
        line = doc.fm_line(yamlio.line_of(block, "disable", 1))
        for name in disable:
            if cfg.ruleset.get(name) is None:
                findings.append(fm_rule.finding(
                    doc, line, 1, problem=f"unknown rule {name!r} in 'jdlint.disable'{did_you_mean(name, cfg.ruleset.keys())}"))
    findings.sort()
    return findings


def discover(paths: Iterable[str], finder: ConfigFinder) -> Iterator[tuple[str, str | None]]:
    """(path, error) for every posting to lint, in a stable order.

    Folders are walked for ``*.md`` / ``*.markdown``, skipping hidden folders and
    ``node_modules`` and never following symlinked folders. Files named explicitly are linted
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
            for root, dirs, files in os.walk(p, followlinks=False, onerror=walk_errors.append):
                while walk_errors:  # a folder that could not be listed is an error, not a skip
                    exc = walk_errors.pop(0)
                    yield exc.filename or root, f"{escape_path(exc.filename or root)}: error: cannot list this folder: {exc.strerror or exc}"
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS
                                 and not os.path.islink(os.path.join(root, d)))
                for name in sorted(files):
                    if not name.lower().endswith(MARKDOWN_SUFFIXES):
                        continue
                    full = os.path.join(root, name)
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


def read_posting(path: str) -> str:
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
        data = safeio.read_regular_file(path, MAX_BYTES, root=safeio.tree_root(path))
    except ValueError as exc:
        msg = str(exc)
        if msg == "no such file":
            msg = "no such file (it vanished while jdlint ran)"
        elif msg.startswith("too large"):
            msg = f"too large to be a posting (over {MAX_BYTES // 1024 // 1024} MB, the limit)"
        raise ValueError(msg) from None
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError("looks like a binary file (it contains NUL bytes), not markdown")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ValueError(f"line {line}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None


def lint_file(path: str, cfg: Config, *, select=None, ignore=None, stack=None, today=None,
              text: str | None = None) -> FileResult:
    result = FileResult(path)
    try:
        if text is None:
            text = read_posting(path)
    except ValueError as exc:
        result.error = f"{path}: error: {exc}"
        return result
    vocab = load_vocab(cfg.vocab)
    try:
        doc = Document.parse(text, path, vocab=vocab)
        result.findings = _run(doc, cfg, vocab, select, ignore, stack, today)
    except PatternTimeout as exc:
        result.error = f"{path}: error: {exc}"
    except Exception as exc:  # a bug must cost one file, not the run
        result.error = (f"{path}: error: jdlint could not lint this file ({type(exc).__name__}: {exc}); "
                        "this is a bug in jdlint, please report it")
    return result


_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")


def apply_fixes(text: str, findings) -> tuple[str, int]:
    """Apply the safe replacements of ``findings`` to ``text`` (the file as read, BOM and line
    endings kept). A fix is applied only when the text at its span is still what the rule
    matched, and never when it overlaps another fix. Returns (new text, fixes applied)."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom):]
    lines: list[list[str]] = []
    for m in _LINE.finditer(body):
        if m.group(0) == "" and m.start() == len(body):
            break
        lines.append([m.group(1), m.group(2)])
    by_line: dict[int, list] = {}
    for f in findings:
        if f.replacement is not None and f.line == f.end_line and 0 < f.line <= len(lines):
            by_line.setdefault(f.line, []).append(f)
    applied = 0
    for n, fixes in by_line.items():
        content = lines[n - 1][0]
        last_start = len(content) + 1
        for f in sorted(fixes, key=lambda f: f.column, reverse=True):
            a, b = f.column - 1, f.end_column - 1
            if b > last_start or content[a:b] != f.match:
                continue
            content = content[:a] + f.replacement + content[b:]
            last_start = a
            applied += 1
        lines[n - 1][0] = content
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


def fix_file(path: str, cfg: Config, **kw) -> tuple[FileResult, int]:
    """Lint, apply the safe fixes, write the file atomically, and lint again."""
    try:
        text = read_posting(path)
    except ValueError as exc:
        return FileResult(path, error=f"{path}: error: {exc}"), 0
    result = lint_file(path, cfg, text=text, **kw)
    new_text, n = apply_fixes(text, result.findings)
    if n == 0 or new_text == text:
        return result, 0
    try:
        write_atomically(path, new_text)
    except OSError as exc:
        return FileResult(path, error=f"{path}: error: cannot write the fixes: {exc.strerror or exc}"), 0
    return lint_file(path, cfg, text=new_text, **kw), n


def lint_paths(paths: Iterable[str], *, config: str | None = None, select=None, ignore=None,
               stack=None, today=None) -> Iterator[FileResult]:
    """Lint files and folders; yields one FileResult per posting (or per bad path).

    Raises ConfigError when a config cannot be used (the CLI turns that into exit 2).
    """
    finder = ConfigFinder(config)
    for path, error in discover(paths, finder):
        if error:
            yield FileResult(path, error=error)
            continue
        try:
            cfg = finder.for_path(Path(path))
        except ConfigError as exc:
            yield FileResult(path, error=f"{path}: error: config {exc}")
            continue
        if select:
            cfg.check_rule_names(select, "--select")
        if ignore:
            cfg.check_rule_names(ignore, "--ignore")
        yield lint_file(path, cfg, select=select, ignore=ignore, stack=stack, today=today)
