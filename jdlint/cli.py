"""The ``jdlint`` command. Exit-code policy lives here and only here:

0  nothing at or above ``--fail-on``        1  findings at or above it
2  usage, config or unreadable input (the other files are still linted and reported)
"""
from __future__ import annotations

import os
import sys
from typing import Any, Callable, TextIO

import click

from ._version import __version__
from .finding import Severity
from .names import did_you_mean
from .safeio import error_line

FAIL_ON = ("error", "warning", "info", "never")
FORMATS = ("auto", "text", "json", "github", "sarif")  # auto and the names in formatters.FORMATS


def _split(values) -> list[str]:
    out: list[str] = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def _err(msg: str, path: str | None = None) -> None:
    """One line on stderr, made safe to print: a path (``path``, at the start) and any text
    from a posting or a config have their control characters and line breaks escaped, so a
    file name cannot forge a workflow command or drive the terminal (safeio.error_line)."""
    click.echo(error_line(path, msg), err=True)


@click.command("inspect", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("posting", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True,
              help="text for people; json (keys documented in the README) for tools.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file instead of the nearest .jdlint.yaml.")
def inspect_command(posting: str, fmt: str, config_path: str | None) -> None:
    """Print what jdlint read from one posting: its title and family, sections, each
    responsibility with its role family and the words that decided it, each tool with its
    role, the "N years" requirements, requirement lists, first-problem evidence, pay and places.

    POSTING is a file, or '-' for standard input.
    """
    sys.exit(_inspect(posting, fmt, config_path))


def _inspect(posting: str, fmt: str, config_path: str | None) -> int:
    import json
    from pathlib import Path

    from .config import ConfigError, ConfigFinder
    from .engine import STDIN, read_posting, read_stdin
    from .inspect import inspect_text, render_text

    try:
        finder = ConfigFinder(config_path)
        cfg = finder.for_path(Path(os.path.abspath("stdin.md" if posting == STDIN else posting)))
    except ConfigError as exc:
        _err(f"jdlint: error: {exc}")
        return 2
    try:
        text = read_stdin() if posting == STDIN else read_posting(posting)
    except ValueError as exc:
        _err(f"{posting}: error: {exc}", posting)
        return 2
    try:
        data = inspect_text(text, posting, cfg)
    except Exception as exc:  # pragma: no cover - a bug must still be one line
        _err(f"{posting}: error: jdlint could not read this posting ({type(exc).__name__}: {exc}); "
             "this is a bug in jdlint, please report it", posting)
        return 2
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(data), nl=False)
    return 0


# Words that, as the first argument, name a command rather than a path ("./inspect" is a path).
SUBCOMMANDS: dict[str, click.Command] = {"inspect": inspect_command}


class _Jdlint(click.Command):
    """``jdlint [PATHS]`` lints; ``jdlint inspect POSTING`` shows what jdlint read."""

    def main(self, args: Any = None, prog_name: str | None = None, **extra: Any) -> Any:  # type: ignore[override]
        argv = list(sys.argv[1:] if args is None else args)
        if argv and argv[0] in SUBCOMMANDS:
            name = f"{prog_name or 'jdlint'} {argv[0]}"
            return SUBCOMMANDS[argv[0]].main(argv[1:], prog_name=name, **extra)
        return super().main(argv, prog_name=prog_name, **extra)


@click.command(cls=_Jdlint, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=click.Path(readable=False))
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
@click.option("--as-of", "as_of", metavar="DATE", help="Judge laws and tool ages as of this date (YYYY-MM-DD) instead of today, for a reproducible run.")
@click.option("--stdin-filename", metavar="PATH", help="Name (and config location) for text read from '-'.")
@click.option("--no-color", is_flag=True, help="Never colour the output.")
@click.option("--follow-links", is_flag=True,
              help="Lint postings that are symlinks to files outside the tree under review (off: such a "
                   "link is an error, so a pull request cannot make jdlint publish a file from elsewhere).")
@click.version_option(__version__, "--version", prog_name="jdlint")
def main(**opts):
    """Lint job descriptions written in markdown.

    PATHS are files or folders (default: the current folder); folders are searched for
    *.md and *.markdown. Use '-' to read one posting from standard input.

    `jdlint inspect POSTING` prints what jdlint read from one posting.
    """
    try:
        code = _main(**opts)
    except KeyboardInterrupt:
        _err("jdlint: interrupted")
        code = 130
    except BrokenPipeError:
        # The reader went away (`jdlint ... | head`) outside the lint run: stop quietly.
        _silence_stdout()
        code = 1
    sys.exit(code)


def _silence_stdout() -> None:
    """Point stdout at /dev/null once its reader has gone, so Python's final flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


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


def _relpath_fn() -> Callable[[str], str]:
    base = _repo_base()

    def rel(path: str) -> str:
        if path in ("-", "<text>"):
            return path
        r = os.path.relpath(os.path.abspath(path), base)
        return r.replace(os.sep, "/")

    return rel


class _Stdout:
    """stdout that survives its reader going away (``jdlint ... | head``): the run goes on,
    so the side outputs (SARIF, report, summary) are still written."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.broken = False

    def write(self, text: str) -> None:
        if self.broken:
            return
        try:
            self.stream.write(text)
        except BrokenPipeError:
            self._detach()

    def flush(self) -> None:
        if self.broken:
            return
        try:
            self.stream.flush()
        except BrokenPipeError:
            self._detach()

    def _detach(self) -> None:
        self.broken = True
        _silence_stdout()


def _main(paths: tuple[str, ...], config_path: str | None, fmt: str, sarif_file: str | None,
          json_file: str | None, report_path: str | None, summary_path: str | None,
          select: tuple[str, ...], ignore: tuple[str, ...], stack: tuple[str, ...], fail_on: str,
          diff_base: str | None, jobs: int | None, fix: bool, statistics: bool, list_rules: bool,
          explain: str | None, stdin_filename: str | None, no_color: bool, follow_links: bool = False,
          as_of: str | None = None) -> int:
    from .config import Config, ConfigError, load_config
    from .engine import lint_paths
    from .formatters import FORMATS as REPORTERS
    from .formatters import OUTPUTS, Reporter, Run, Settings
    from .formatters.text import Tally

    select_l, ignore_l, stack_l = _split(select), _split(ignore), _split(stack)
    try:
        base_cfg = load_config(config_path) if config_path else Config()
    except ConfigError as exc:
        _err(f"jdlint: error: {exc}")
        return 2

    today = None
    if as_of:
        from datetime import date

        try:
            today = date.fromisoformat(as_of)
        except ValueError:
            _err(f"jdlint: error: --as-of: {as_of!r} is not a date (YYYY-MM-DD)")
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
    out = _Stdout(sys.stdout)
    color = not no_color and fmt == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    settings = Settings(rules=list(base_cfg.ruleset), version=__version__, relpath=_relpath_fn(), color=color)
    stdout_reporter = REPORTERS[fmt](out, settings)  # type: ignore[arg-type]  # _Stdout writes like a TextIO
    files_out: list[tuple[str, bool, Reporter]] = []
    for option, target in (("sarif_file", sarif_file), ("json_file", json_file),
                           ("summary", summary_path), ("report", report_path)):
        if target:
            cls, append = OUTPUTS[option]
            files_out.append((target, append, cls(None, settings)))
    reporters: list[Reporter] = [stdout_reporter] + [r for _t, _a, r in files_out]
    file_scoped = {r.name for r in base_cfg.ruleset if r.scope == "file"}
    run = Run(tally=Tally(), statistics=statistics)

    results = lint_paths(list(paths), config=config_path, select=select_l, ignore=ignore_l,
                         stack=stack_l or None, jobs=jobs, fix=fix, stdin_filename=stdin_filename,
                         follow_links=follow_links, today=today)
    try:
        for result in results:
            if result.error:
                run.errors.append(result.error)
                _err(result.error, result.path)
                continue
            if result.fixed:
                _err(f"{result.path}: fixed {result.fixed} finding{'s' if result.fixed != 1 else ''}", result.path)
            run.files += 1
            findings = result.findings
            if changed is not None:
                from .diff import keep

                findings = [f for f in findings if keep(f, changed, file_scoped)]
            for f in findings:
                run.tally.add(f)
            for reporter in reporters:
                reporter.file(result, findings)
    except ConfigError as exc:
        _err(f"jdlint: error: {exc}")
        return 2

    stdout_reporter.end(run)
    out.flush()
    try:
        for target, append, reporter in files_out:
            _write(target, reporter.end(run) or "", append=append)
    except OSError as exc:
        target = exc.filename if exc.filename else ""
        _err(f"jdlint: error: cannot write {target}: {exc.strerror}" if target
             else f"jdlint: error: {exc.strerror or exc}")
        return 2

    if run.errors:
        return 2
    if fail_on == "never":
        return 0
    return 1 if run.tally.any_at_or_above(Severity.parse(fail_on)) else 0


def _write(path: str, text: str, append: bool) -> None:
    """Write an output file without following a symlink planted at its name (safeio)."""
    from .safeio import write_output

    write_output(path, text, append=append)
