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


STARTER = """\
# yaml-language-server: $schema=https://github.com/your-org/jdlint/raw/main/jdlint.schema.json
# jdlint configuration: https://github.com/your-org/jdlint#configuration
# Every key is optional. `jdlint --show-settings POSTING` prints what a posting gets.

# The tools your team uses (names or aliases from the tool catalog, any case). Until this
# list is filled in, tool-not-in-stack stays silent. A tool of your own goes under vocab:.
stack: []
# stack: [python, postgres, airflow, k8s]

# Which postings `jdlint` with no path lints (gitignore patterns), and which never to lint.
include: ["postings/**"]
exclude: ["drafts/"]

# Rules by name or code: off | info | warning | error, or a mapping with options.
# `jdlint --list-rules` lists them; `jdlint --explain RULE` says why each exists.
rules:
  wish-list:
    max_required: 8            # most required items in a requirements list
    max_tools_per_item: 4      # most tools one requirement may name
  # gendered-wording: off
  # unused-suppression: warning

# The company stage, for stage-mismatch: seed | series-a | scaleup | enterprise
# stage: series-a

# When a pay range is required: always | covered-locations | never
# require_salary: covered-locations

# Who is hiring, for the pay-transparency laws that depend on it.
# employer: {size: 120, type: private}

# Your own tools and words, added to the built-in vocabularies.
# vocab:
#   tools:
#     - {name: Frobnicator, aliases: [frob], category: internal}

# Folders of your team's own YAML rules (see examples/pack/ in the jdlint repository).
# packs: [jdlint-rules/]
"""


@click.command("init", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("path", required=False, default=".jdlint.yaml", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Overwrite the file if it exists.")
def init_command(path: str, force: bool) -> None:
    """Write a commented starter config (default: .jdlint.yaml here), with the stack left for
    the team to fill in."""
    from .safeio import write_output

    if os.path.lexists(path) and not force:
        _err(f"jdlint: error: {path} already exists; --force overwrites it", path)
        sys.exit(2)
    try:
        write_output(path, STARTER, append=False)
    except OSError as exc:
        _err(f"jdlint: error: cannot write {path}: {exc.strerror or exc}", path)
        sys.exit(2)
    click.echo(f"wrote {path}; fill in stack: with your team's tools, then run jdlint", err=True)
    sys.exit(0)


@click.command("server", context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--stdio", is_flag=True, help="Speak over standard input and output (the default and only transport; editors pass it).")
def server_command(stdio: bool) -> None:
    """Run the language server: editors show jdlint's findings, fixes and explanations while a
    posting is written (see the README for Neovim, Helix, Zed, Emacs and Sublime set-up)."""
    try:
        from .server import main as serve
    except ImportError as exc:
        _err(f"jdlint: error: `jdlint server` needs the server extra ({exc.name or exc}); install it with: pip install 'jdlint[server]'")
        sys.exit(2)
    serve()


@click.command("serve", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("folder", required=False, type=click.Path(file_okay=False))
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="The port on 127.0.0.1 (0: any free port).")
def serve_command(folder: str | None, port: int) -> None:
    """A page for recruiters on this computer: paste or type a posting (or open one of the
    markdown files in FOLDER) and see what to change highlighted as you type, with one-click
    safe fixes. Binds 127.0.0.1 only and stores nothing."""
    try:
        import uvicorn  # noqa: F401  (make_server imports it; checked here, before anything starts)

        from .serve import bind, make_server
    except ImportError as exc:
        _err(f"jdlint: error: `jdlint serve` needs the serve extra ({exc.name or exc}); install it with: pip install 'jdlint[serve]'")
        sys.exit(2)
    if folder is not None and not os.path.isdir(folder):
        _err(f"jdlint: error: {folder}: not a folder", folder)
        sys.exit(2)
    try:
        sock = bind(port)
    except OSError as exc:
        _err(f"jdlint: error: cannot listen on 127.0.0.1:{port}: {exc.strerror or exc} (try another --port)")
        sys.exit(2)
    from .safeio import escape_path

    url = f"http://127.0.0.1:{sock.getsockname()[1]}/"
    what = f"the postings in {escape_path(folder)}" if folder else "a posting pasted into the page"
    click.echo(f"jdlint serve: open {url} to check {what} (only this computer can reach it; Ctrl-C stops it)", err=True)
    server = make_server(sock, folder)
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    sys.exit(0)


# Words that, as the first argument, name a command rather than a path ("./inspect" is a path).
SUBCOMMANDS: dict[str, click.Command] = {"inspect": inspect_command, "init": init_command,
                                         "server": server_command, "serve": serve_command}


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
@click.option("--min-severity", type=click.Choice(("info", "warning", "error")), default="info", show_default=True,
              help="Report only findings at or above this severity (every output; the exit code follows what is reported).")
@click.option("-q", "--quiet", is_flag=True, help="Errors only: the same as --min-severity error.")
@click.option("--diff-base", metavar="REF", help="Report only findings on lines added or changed since this git revision.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Lint in this many processes (default: the number of CPUs; 1 for a single file). Output is the same as with --jobs 1.")
@click.option("--fix", is_flag=True, help="Apply the safe fixes (whole-word swaps) to the files, then report what is left. "
                                         "With '-', print the fixed posting on stdout and the findings on stderr.")
@click.option("--diff", "show_diff", is_flag=True, help="With --fix (implied): print the fixes as a unified diff and write nothing; exit 1 if there is something to fix.")
@click.option("--statistics", is_flag=True, help="After the findings, print a count per rule (text format).")
@click.option("--list-rules", is_flag=True, help="List the rules and exit.")
@click.option("--explain", metavar="RULE", help="Explain a rule (name or code) and exit.")
@click.option("--as-of", "as_of", metavar="DATE", help="Judge laws and tool ages as of this date (YYYY-MM-DD) instead of today, for a reproducible run.")
@click.option("--stdin-filename", metavar="PATH", help="Name (and config location) for text read from '-'.")
@click.option("--no-gitignore", is_flag=True, help="Also lint what .gitignore files ignore when walking folders (files named on the command line always are).")
@click.option("--no-color", is_flag=True, help="Never colour the output.")
@click.option("--follow-links", is_flag=True,
              help="Lint postings that are symlinks to files outside the tree under review (off: such a "
                   "link is an error, so a pull request cannot make jdlint publish a file from elsewhere).")
@click.option("--show-files", is_flag=True, help="Print the files that would be linted, one per line, and exit.")
@click.option("--show-settings", metavar="PATH", help="Print the settings one posting gets (its front matter included) and the files they come from, and exit.")
@click.version_option(__version__, "-V", "--version", prog_name="jdlint")
def main(**opts):
    """Lint job descriptions written in markdown.

    PATHS are files, folders or globs (default: what `include:` names, else postings/, else
    the current folder); folders are searched for *.md and *.markdown, skipping what
    .gitignore ignores. Use '-' to read one posting from standard input.

    \b
    Commands:
      jdlint inspect POSTING   what jdlint read from one posting, and why
      jdlint init              write a commented starter .jdlint.yaml
      jdlint server            the language server for editors (pip install 'jdlint[server]')
      jdlint serve [FOLDER]    a page for recruiters on this computer (pip install 'jdlint[serve]')

    \b
    Examples:
      jdlint postings/                          lint every posting under postings/
      jdlint --stack python,postgres -q .       only errors, with the team's tools
      jdlint --fix --diff postings/new.md       preview the safe word swaps
      jdlint --report report.html postings/     an HTML report for the people who write postings
      jdlint --show-settings postings/new.md    which config and stack a posting gets

    Rules: `jdlint --list-rules`, `jdlint --explain RULE`, and docs/rules.md in the repository.
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
    from .gitignore import git_root

    here = os.path.abspath(".")
    return git_root(here) or here


def _relpath_fn() -> Callable[[str], str]:
    base = _repo_base()

    def rel(path: str) -> str:
        if path in ("-", "<text>"):
            return path
        r = os.path.relpath(os.path.abspath(path), base)
        if r == ".." or r.startswith(".." + os.sep):
            return path  # outside the repository: as given
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
          show_diff: bool = False, no_gitignore: bool = False, min_severity: str = "info",
          quiet: bool = False, show_files: bool = False, show_settings: str | None = None,
          as_of: str | None = None) -> int:
    from .config import Config, ConfigError, load_config
    from .engine import lint_paths
    from .formatters import FORMATS as REPORTERS
    from .formatters import OUTPUTS, Reporter, Run, Settings
    from .engine import STDIN
    from .formatters.text import Tally

    select_l, ignore_l, stack_l = _split(select), _split(ignore), _split(stack)
    # An error that stops the run before any posting is linted (a bad --config, an unknown
    # --diff-base revision) still goes through the reporters, so the Action's annotations and
    # job summary say why the step failed instead of "No findings".
    fatal: str | None = None
    try:
        base_cfg = load_config(config_path) if config_path else _config_here()
    except ConfigError as exc:
        if list_rules or explain or config_path:
            fatal = f"jdlint: error: {exc}"
        if list_rules or explain:
            _err(f"jdlint: error: {exc}")
            return 2
        base_cfg = Config()  # without --config, the files under a broken config report it

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
            changed = changed_lines(diff_base) if fatal is None else None
        except DiffError as exc:
            fatal = f"jdlint: error: {exc}"

    if stdin_filename and not paths:
        paths = (STDIN,)  # --stdin-filename means the posting comes on standard input (as in ruff)
    if show_files:
        return _show_files(paths or _default_paths(config_path), config_path, not no_gitignore)
    if show_settings:
        return _show_settings(show_settings, config_path, stack_l)

    fix = fix or show_diff
    fix_stdin = fix and not show_diff and STDIN in paths
    if fix_stdin and len(paths) > 1:
        _err("jdlint: error: --fix with '-' prints the fixed posting on stdout, so '-' must be the only path")
        return 2

    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    out = _Stdout(sys.stdout)
    report_out = out
    if show_diff:
        fmt = "none"  # stdout carries the diff only
    elif fix_stdin:
        report_out = _Stdout(sys.stderr)  # stdout carries the fixed posting only
    color = fmt == "text" and _use_color(no_color, sys.stdout)
    settings = Settings(rules=list(base_cfg.ruleset), version=__version__, relpath=_relpath_fn(), color=color)
    stdout_reporter = REPORTERS[fmt](report_out, settings) if fmt != "none" else Reporter(None, settings)  # type: ignore[arg-type]  # _Stdout writes like a TextIO
    files_out: list[tuple[str, bool, Reporter]] = []
    for option, target in (("sarif_file", sarif_file), ("json_file", json_file),
                           ("summary", summary_path), ("report", report_path)):
        if target:
            cls, append = OUTPUTS[option]
            files_out.append((target, append, cls(None, settings)))
    reporters: list[Reporter] = [stdout_reporter] + [r for _t, _a, r in files_out]
    file_scoped = {r.name for r in base_cfg.ruleset if r.scope == "file"}
    floor = Severity.parse("error" if quiet else min_severity)
    run = Run(tally=Tally(), statistics=statistics)

    if not paths and fatal is None:
        paths = _default_paths(config_path)
    results = iter(()) if fatal else lint_paths(
        list(paths), config=config_path, gitignore=not no_gitignore, select=select_l, ignore=ignore_l, stack=stack_l or None, jobs=jobs,
        fix=fix, stdin_filename=stdin_filename, follow_links=follow_links, write_fixes=not show_diff, today=today)
    would_fix = 0
    try:
        for result in results:
            if result.error:
                run.errors.append(result.error)
                run.error_paths.append(result.path)
                _err(result.error, result.path)
                continue
            if show_diff:
                if result.fixed and result.original is not None and result.text is not None:
                    would_fix += result.fixed
                    out.write(_unified_diff(result.path, result.original, result.text))
            elif fix_stdin and result.stdin:
                out.write(result.text or "")
            if result.fixed and not show_diff:
                _err(f"{result.path}: fixed {result.fixed} finding{'s' if result.fixed != 1 else ''}", result.path)
            run.files += 1
            findings = result.findings
            if changed is not None:
                from .diff import keep

                findings = [f for f in findings if keep(f, changed, file_scoped)]
            if floor > Severity.INFO:
                findings = [f for f in findings if f.severity >= floor]
            for f in findings:
                run.tally.add(f)
            for reporter in reporters:
                reporter.file(result, findings)
    except ConfigError as exc:
        fatal = f"jdlint: error: {exc}"
    if fatal:
        _err(fatal)
        run.errors.append(fatal)
        run.error_paths.append(None)
        run.stopped = True

    if run.errors:
        run.exit_code = 2
    elif show_diff:
        run.exit_code = 1 if would_fix else 0
    elif fail_on == "never":
        run.exit_code = 0
    else:
        run.exit_code = 1 if run.tally.any_at_or_above(Severity.parse(fail_on)) else 0
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

    if show_diff:
        _err(f"Would fix {would_fix} finding{'s' if would_fix != 1 else ''}." if would_fix else "Nothing to fix.")
    return run.exit_code


def _show_files(paths: tuple[str, ...], config_path: str | None, gitignore: bool) -> int:
    from .config import ConfigError
    from .engine import list_files
    from .safeio import escape_path

    code = 0
    try:
        for path, error in list_files(paths, config=config_path, gitignore=gitignore):
            if error:
                _err(error, path)
                code = 2
            else:
                click.echo(escape_path(path))
    except ConfigError as exc:
        _err(f"jdlint: error: {exc}")
        return 2
    return code


def _show_settings(posting: str, config_path: str | None, stack: list[str]) -> int:
    """The settings ``posting`` gets, as YAML: the config files (most basic first), where each
    key was set, and the posting's front-matter ``jdlint:`` block on top."""
    from pathlib import Path

    import yaml

    from .config import ConfigError, ConfigFinder
    from .document import Document
    from .engine import STDIN, read_posting

    try:
        cfg = ConfigFinder(config_path).for_path(Path(os.path.abspath("stdin.md" if posting == STDIN else posting)))
    except ConfigError as exc:
        _err(f"jdlint: error: {exc}")
        return 2
    settings = None
    if posting != STDIN and os.path.isfile(posting):
        try:
            settings = cfg.for_document(Document.parse(read_posting(posting), posting), stack or None)
        except ValueError as exc:
            _err(f"{posting}: error: {exc}", posting)
            return 2
    rules = {}
    for rule in cfg.enabled_rules(disable=settings.disable if settings else ()):
        entry: dict[str, Any] = {"code": rule.id, "severity": str(rule.severity)}
        if rule.options:
            entry["options"] = dict(rule.options)
        rules[rule.name] = entry
    off = [r.name for r in cfg.ruleset if r.name not in rules]
    stack_now = settings.stack if settings else (stack or cfg.stack)
    stack_from = ("--stack" if stack else "front matter" if settings and settings.stack != cfg.stack
                  else cfg.origins.get("stack"))
    out = {
        "posting": posting,
        "config files": cfg.files or ["(none: the built-in defaults)"],
        "stack": stack_now,
        "stack from": stack_from or "(not set: tool-not-in-stack stays silent)",
        "include": cfg.include, "exclude": cfg.exclude, "packs": cfg.packs,
        "stage": settings.stage if settings else cfg.stage, "require_salary": cfg.require_salary,
        "employer": {"size": cfg.employer.size, "type": cfg.employer.type} if cfg.employer else None,
        "set in": dict(sorted(cfg.origins.items())),
        "rules": rules, "rules off": off,
    }
    if settings and settings.disable:
        out["disabled by front matter"] = list(settings.disable)
    click.echo(yaml.safe_dump(out, sort_keys=False, allow_unicode=True, default_flow_style=None, width=100), nl=False)
    return 0


def _config_here() -> Any:
    """The config that applies in the current folder (its packs' rules included), so
    ``--list-rules``, ``--explain`` and SARIF's rule list know the team's rules."""
    from pathlib import Path

    from .config import ConfigFinder

    return ConfigFinder().for_path(Path(os.path.abspath("posting.md")))


def _use_color(no_color: bool, stream: Any) -> bool:
    """Colour on a terminal; ``NO_COLOR`` set and non-empty (no-color.org) or ``--no-color``
    turns it off, ``FORCE_COLOR`` set and non-empty turns it on (CI logs)."""
    if no_color or os.environ.get("NO_COLOR", ""):
        return False
    if os.environ.get("FORCE_COLOR", ""):
        return True
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _default_paths(config_path: str | None) -> tuple[str, ...]:
    """What plain ``jdlint`` lints, said on stderr: the folders ``include:`` names (walked from
    the config's folder), else ``postings/`` when there is one, else the current folder."""
    from pathlib import Path

    from .config import ConfigError, ConfigFinder

    try:
        cfg = ConfigFinder(config_path).for_path(Path(os.path.abspath("posting.md")))
    except ConfigError:
        return (".",)  # the run reports the config error
    if cfg.include:
        base = os.path.relpath(cfg.base_dir) if cfg.path or config_path else "."
        _err(f"jdlint: no paths given; linting what include: names in {os.path.relpath(cfg.path) if cfg.path else 'the config'} "
             f"({', '.join(cfg.include)})")
        return (base,)
    if os.path.isdir("postings"):
        _err("jdlint: no paths given; linting postings/ (name paths, or set include: in .jdlint.yaml)")
        return ("postings",)
    _err("jdlint: no paths given and no postings/ folder; linting the current folder "
         "(name paths, or set include: in .jdlint.yaml)")
    return (".",)


def _unified_diff(path: str, before: str, after: str) -> str:
    """A ``git diff``-style unified diff of one posting's fixes (paths made safe to print)."""
    import difflib

    from .safeio import escape_path

    name = escape_path(path)
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=f"a/{name}", tofile=f"b/{name}")
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


def _write(path: str, text: str, append: bool) -> None:
    """Write an output file without following a symlink planted at its name (safeio)."""
    from .safeio import write_output

    write_output(path, text, append=append)
