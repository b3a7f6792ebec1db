"""The ``jdlint`` command. Exit-code policy lives here and only here:

0  nothing at or above ``--fail-on``        1  findings at or above it
2  usage, config or unreadable input (the other files are still linted and reported)
"""
from __future__ import annotations

import os
import sys

import click

from . import __version__
from .finding import Severity

FAIL_ON = ("error", "warning", "info", "never")
FORMATS = ("auto", "text", "json", "github", "sarif")


def _split(values) -> list[str]:
    out: list[str] = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def _err(msg: str) -> None:
    click.echo(msg, err=True)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file instead of the nearest .jdlint.yaml.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="auto", show_default=True,
              help="Output on stdout. auto: github when GITHUB_ACTIONS=true, else text.")
@click.option("--sarif-file", type=click.Path(dir_okay=False), help="Also write SARIF 2.1.0 to this file.")
@click.option("--json-file", type=click.Path(dir_okay=False), help="Also write the findings as JSON to this file.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False), help="Also write a self-contained HTML report of every posting with its findings in place.")
@click.option("--summary", "summary_path", type=click.Path(dir_okay=False), help="Also append a markdown summary to this file (e.g. $GITHUB_STEP_SUMMARY).")
@click.option("--select", multiple=True, help="Run only these rules (names or codes, comma-separated).")
@click.option("--ignore", multiple=True, help="Do not run these rules (names or codes, comma-separated).")
@click.option("--stack", multiple=True, help="The team's tools (comma-separated); overrides the config's stack.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True, help="Lowest severity that makes the exit code 1.")
@click.option("--diff-base", metavar="REF", help="Report only findings on lines added or changed since this git revision.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Lint in this many processes (default: the number of CPUs; 1 for a single file). Output is the same as with --jobs 1.")
@click.option("--fix", is_flag=True, help="Apply the safe fixes (whole-word swaps) to the files, then report what is left.")
@click.option("--statistics", is_flag=True, help="After the findings, print a count per rule (text format).")
@click.option("--list-rules", is_flag=True, help="List the rules and exit.")
@click.option("--explain", metavar="RULE", help="Explain a rule (name or code) and exit.")
@click.option("--stdin-filename", metavar="PATH", help="Name (and config location) for text read from '-'.")
@click.option("--no-color", is_flag=True, help="Never colour the output.")
@click.version_option(__version__, "--version", prog_name="jdlint")
def main(**opts):
    """Lint job descriptions written in markdown.

    PATHS are files or folders (default: the current folder); folders are searched for
    *.md and *.markdown. Use '-' to read one posting from standard input.
    """
    try:
        code = _main(**opts)
    except KeyboardInterrupt:
        _err("jdlint: interrupted")
        code = 130
    except BrokenPipeError:
        # The reader went away (`jdlint ... | head`): stop quietly.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except OSError:
            pass
        code = 1
    sys.exit(code)


def _repo_base() -> str:
    """What SARIF URIs and annotation paths are relative to: the workspace or the git root."""
    ws = os.environ.get("GITHUB_WORKSPACE")
    if ws:
        return os.path.abspath(ws)
    here = os.path.abspath(".")
    probe = here
    while True:
        if os.path.exists(os.path.join(probe, ".git")):
            return probe
        parent = os.path.dirname(probe)
        if parent == probe:
            return here
        probe = parent


def _relpath_fn():
    base = _repo_base()

    def rel(path: str) -> str:
        if path in ("-", "<text>"):
            return path
        r = os.path.relpath(os.path.abspath(path), base)
        return r.replace(os.sep, "/")

    return rel


def _main(paths, config_path, fmt, sarif_file, json_file, report_path, summary_path, select, ignore, stack, fail_on, diff_base,
          jobs, fix, statistics, list_rules, explain, stdin_filename, no_color) -> int:
    from .config import Config, ConfigError, ConfigFinder, did_you_mean, load_config

    select_l, ignore_l, stack_l = _split(select), _split(ignore), _split(stack)
    try:
        base_cfg = load_config(config_path) if config_path else Config()
    except ConfigError as exc:
        _err(f"jdlint: error: {exc}")
        return 2

    if list_rules:
        for r in base_cfg.ruleset:
            flag = " (opt-in)" if r.opt_in else ""
            click.echo(f"{r.id:<7} {r.name:<28} {str(r.severity):<8} {r.summary}{flag}")
        return 0
    if explain:
        rule = base_cfg.ruleset.get(explain)
        if rule is None:
            _err(f"jdlint: error: unknown rule {explain!r}{did_you_mean(explain, base_cfg.ruleset.keys())}")
            return 2
        from .docs import explain_rule

        click.echo(explain_rule(rule))
        return 0

    known = set(base_cfg.ruleset.keys())
    if not config_path and (select_l or ignore_l):
        try:  # rules from packs of the config that applies here count as known too
            known |= set(ConfigFinder().for_path(os.path.join(os.getcwd(), "posting.md")).ruleset.keys())
        except ConfigError:
            pass  # reported when the files under it are linted
    for flag, names in (("--select", select_l), ("--ignore", ignore_l)):
        for n in names:
            if n not in known and n.lower() not in known:
                _err(f"jdlint: error: {flag}: unknown rule {n!r}{did_you_mean(n, sorted(known))}")
                return 2

    changed = None
    if diff_base:
        from .diff import DiffError, changed_lines

        try:
            changed = changed_lines(diff_base)
        except DiffError as exc:
            _err(f"jdlint: error: {exc}")
            return 2

    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"

    from .engine import discover, lint_file
    from .formatters.text import Tally, TextFormatter

    color = not no_color and fmt == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    text_fmt = TextFormatter(color=color)
    tally = Tally()
    # Text and JSON stream; the other outputs need every finding at the end.
    keep_all = fmt in ("github", "sarif") or bool(sarif_file or json_file or summary_path)
    all_findings = []
    report_postings: list = []  # (path, text or None, findings) for --report
    stdin_texts: dict = {}
    json_stream = None
    if fmt == "json":
        from .formatters.json import JsonStream

        json_stream = JsonStream(sys.stdout)
    files = 0
    had_error = False
    stack_arg = stack_l or None
    out = sys.stdout
    file_scoped = {r.name for r in base_cfg.ruleset if r.scope == "file"}

    try:
        finder = ConfigFinder(config_path)
    except ConfigError as exc:
        _err(f"jdlint: error: {exc}")
        return 2

    def handle(result) -> None:
        nonlocal files, had_error
        if result.error:
            had_error = True
            _err(result.error)
            return
        files += 1
        findings = result.findings
        if changed is not None:
            from .diff import keep

            findings = [f for f in findings if keep(f, changed, file_scoped)]
        for f in findings:
            tally.add(f)
            if fmt == "text":
                out.write(text_fmt.finding(f) + "\n")
            elif json_stream is not None:
                json_stream.write(f)
        if keep_all:
            all_findings.extend(findings)
        if report_path:
            report_postings.append((result.path, findings))

    for target in list(paths) or ["."]:
        if target == "-":
            name = stdin_filename or "-"
            try:
                cfg = finder.for_path(os.path.abspath(stdin_filename or "stdin.md"))
                text = sys.stdin.buffer.read().decode("utf-8")
            except ConfigError as exc:
                handle(_Result(name, f"jdlint: error: {exc}"))
                continue
            except UnicodeDecodeError as exc:
                handle(_Result(name, f"{name}: error: not valid UTF-8 (byte offset {exc.start})"))
                continue
            stdin_texts[name] = text
            handle(lint_file(name, cfg, select=select_l, ignore=ignore_l, stack=stack_arg, text=text))
            continue
        found = list(discover([target], finder))
        task = _Task(config_path, tuple(select_l), tuple(ignore_l), tuple(stack_l) if stack_l else None, fix)
        n_jobs = jobs if jobs is not None else (1 if len(found) < 2 else (os.cpu_count() or 1))
        for (path, error), outcome in zip(found, _run_tasks(task, found, n_jobs)):
            if error:
                handle(_Result(path, error))
                continue
            result, fixed = outcome
            if fixed:
                _err(f"{path}: fixed {fixed} finding{'s' if fixed != 1 else ''}")
            handle(result)

    if json_stream is not None:
        json_stream.close()
    elif fmt == "github":
        from .formatters.github import GithubFormatter

        rendered = GithubFormatter(_relpath_fn()).render(all_findings)
        if rendered:
            out.write(rendered + "\n")
        out.write(text_fmt.summary(tally, files) + "\n")
    elif fmt == "sarif":
        out.write(_sarif(base_cfg, all_findings) + "\n")
    else:
        if statistics and tally.total:
            for line in text_fmt.stats(tally):
                out.write(line + "\n")
        out.write(text_fmt.summary(tally, files) + "\n")
    out.flush()

    try:
        if sarif_file:
            _write(sarif_file, _sarif(base_cfg, all_findings) + "\n", append=False)
        if json_file:
            from .formatters.json import JsonFormatter

            _write(json_file, JsonFormatter().render(all_findings) + "\n", append=False)
        if summary_path:
            from .formatters.summary import SummaryFormatter

            _write(summary_path, SummaryFormatter().render(all_findings, files), append=True)
        if report_path:
            _write(report_path, _report(base_cfg, report_postings, stdin_texts, files), append=False)
    except OSError as exc:
        _err(f"jdlint: error: cannot write {exc.filename}: {exc.strerror}")
        return 2

    if had_error:
        return 2
    if fail_on == "never":
        return 0
    threshold = Severity.parse(fail_on)
    return 1 if tally.any_at_or_above(threshold) else 0


def _report(cfg, postings, stdin_texts, files) -> str:
    from .engine import read_posting
    from .formatters.report import ReportFormatter

    def text_of(path):
        if path in stdin_texts:
            return stdin_texts[path]
        try:
            return read_posting(path)
        except ValueError:
            return None  # findings are still listed, without the rendered text

    rows = [(path, text_of(path), findings) for path, findings in postings]
    return ReportFormatter(list(cfg.ruleset), __version__).render(rows, files)


def _sarif(cfg, findings) -> str:
    from .formatters.sarif import SarifFormatter

    return SarifFormatter(list(cfg.ruleset), __version__, _relpath_fn()).render(findings)


def _write(path: str, text: str, append: bool) -> None:
    """Write a report file; a new file is written to a temporary name and renamed into place."""
    if append:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(text)
        return
    tmp = f"{path}.jdlint-tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)


class _Task:
    """What every worker needs to lint one path the way the parent would."""

    def __init__(self, config_path, select, ignore, stack, fix):
        self.config_path, self.select, self.ignore, self.stack, self.fix = config_path, select, ignore, stack, fix

    def __call__(self, path: str):
        from .engine import fix_file, lint_file

        cfg = _worker_finder(self.config_path).for_path(path)
        kw = {"select": list(self.select) or None, "ignore": list(self.ignore) or None,
              "stack": list(self.stack) if self.stack else None}
        if self.fix:
            return fix_file(path, cfg, **kw)
        return lint_file(path, cfg, **kw), 0


_FINDERS: dict = {}


def _worker_finder(config_path):
    """One ConfigFinder per process (its caches survive from one file to the next)."""
    if config_path not in _FINDERS:
        from .config import ConfigFinder

        _FINDERS[config_path] = ConfigFinder(config_path)
    return _FINDERS[config_path]


def _run_tasks(task: _Task, found: list, jobs: int):
    """Results in the order of ``found`` (None for entries that are errors already)."""
    paths = [p for p, err in found if not err]
    pool = None
    if jobs <= 1 or len(paths) < 2:
        results = (task(p) for p in paths)
    else:
        import itertools
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
        # Lint the first posting here: the workers fork with every pattern already compiled.
        first = task(paths[0])
        paths_rest = paths[1:]
        pool = ProcessPoolExecutor(max_workers=min(jobs, len(paths_rest)), mp_context=ctx)
        chunk = max(1, min(64, len(paths_rest) // (jobs * 4) or 1))
        results = itertools.chain([first], pool.map(task, paths_rest, chunksize=chunk))
    it = iter(results)
    try:
        for _path, err in found:
            yield None if err else next(it)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


class _Result:
    def __init__(self, path: str, error: str):
        self.path, self.error, self.findings = path, error, []
