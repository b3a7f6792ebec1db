"""Reporters: what a run shows, as leaves over the same findings.

``FORMATS`` names what ``--format`` may print on stdout; ``OUTPUTS`` the extra files a run can
write (``--sarif-file``, ``--json-file``, ``--summary``, ``--report``). Every reporter has one
shape: ``file(result, findings)`` for each linted posting (findings already filtered by
``--diff-base``), then ``end(run)`` once; text and JSON stream, the others collect. Renderers
(``text``, ``json``, ``github``, ``sarif``, ``summary``, ``report``) never look anything up.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, TextIO

from ..finding import Finding, Severity


@dataclass
class Run:
    """What the whole run found, for reporters that speak about it as a whole."""

    files: int = 0
    tally: Any = None  # formatters.text.Tally
    errors: list[str] = field(default_factory=list)  # one line each, naming the file
    error_paths: list[str | None] = field(default_factory=list)  # the file of each error, if any
    statistics: bool = False
    stopped: bool = False  # an error stopped the run before or while postings were linted
    exit_code: int | None = None  # what the command will exit with (set before the reporters end)


@dataclass
class Settings:
    rules: list[Any]  # every known Rule (for SARIF and the report)
    version: str
    relpath: Callable[[str], str]
    color: bool = False


class Reporter:
    def __init__(self, out: TextIO | None, settings: Settings):
        self.out = out
        self.settings = settings

    def file(self, result: Any, findings: list[Finding]) -> None:
        """One posting's result and its findings."""

    def end(self, run: Run) -> str | None:
        """Finish; returns the text of a file output (None for stdout reporters)."""
        return None


def _errors(run: Run, settings: Settings) -> list[tuple[str | None, str]]:
    """The run's errors as (the path as the findings show it, or None for the run; message)."""
    return list(zip(run.error_paths, run.errors))


class TextReporter(Reporter):
    def __init__(self, out: TextIO, settings: Settings):
        from .text import TextFormatter

        super().__init__(out, settings)
        self.stream = out
        self.fmt = TextFormatter(color=settings.color)

    def file(self, result: Any, findings: list[Finding]) -> None:
        for f in findings:
            self.stream.write(self.fmt.finding(f) + "\n")

    def end(self, run: Run) -> str | None:
        if run.statistics and run.tally.total:
            for line in self.fmt.stats(run.tally):
                self.stream.write(line + "\n")
        self.stream.write(self.fmt.summary(run.tally, run.files, len(run.errors)) + "\n")
        return None


class JsonReporter(Reporter):
    def __init__(self, out: TextIO, settings: Settings):
        from .json import JsonStream

        super().__init__(out, settings)
        self.stream = JsonStream(out, settings.version)

    def file(self, result: Any, findings: list[Finding]) -> None:
        for f in findings:
            self.stream.write(f)

    def end(self, run: Run) -> str | None:
        self.stream.close(_errors(run, self.settings), run.files)
        return None


class _Collecting(Reporter):
    def __init__(self, out: TextIO | None, settings: Settings):
        super().__init__(out, settings)
        self.findings: list[Finding] = []

    def file(self, result: Any, findings: list[Finding]) -> None:
        self.findings.extend(findings)


class GithubReporter(_Collecting):
    def end(self, run: Run) -> str | None:
        from .github import GithubFormatter
        from .text import TextFormatter

        assert self.out is not None
        fmt = GithubFormatter(self.settings.relpath)
        for path, error in zip(run.error_paths, run.errors):
            self.out.write(fmt.error(path, error) + "\n")
        rendered = fmt.render(self.findings)
        if rendered:
            self.out.write(rendered + "\n")
        self.out.write(TextFormatter().summary(run.tally, run.files, len(run.errors)) + "\n")
        return None


class SarifReporter(_Collecting):
    def render(self) -> str:
        from .sarif import SarifFormatter

        return SarifFormatter(self.settings.rules, self.settings.version, self.settings.relpath).render(
            self.findings, self.run.exit_code, _errors(self.run, self.settings)) + "\n"

    def end(self, run: Run) -> str | None:
        self.run = run
        if self.out is None:
            return self.render()
        self.out.write(self.render())
        return None


class JsonFileReporter(_Collecting):
    def end(self, run: Run) -> str | None:
        from .json import JsonFormatter

        return JsonFormatter(self.settings.version).render(self.findings, _errors(run, self.settings), run.files) + "\n"


class SummaryReporter(_Collecting):
    def end(self, run: Run) -> str | None:
        from .summary import SummaryFormatter

        return SummaryFormatter(relpath=self.settings.relpath).render(self.findings, run.files, run.errors)


class HtmlReporter(Reporter):
    """The HTML report re-reads each posting at the end, so a large run keeps only findings."""

    def __init__(self, out: TextIO | None, settings: Settings):
        super().__init__(out, settings)
        self.postings: list[tuple[str, str | None, list[Finding]]] = []

    def file(self, result: Any, findings: list[Finding]) -> None:
        self.postings.append((result.path, result.text, findings))

    def end(self, run: Run) -> str | None:
        from ..engine import read_posting
        from .report import ReportFormatter

        def text_of(path: str, text: str | None) -> str | None:
            if text is not None:
                return text
            try:
                return read_posting(path)
            except ValueError:
                return None  # findings are still listed, without the rendered text

        rows = [(path, text_of(path, text), findings) for path, text, findings in self.postings]
        return ReportFormatter(self.settings.rules, self.settings.version).render(rows, run.files)


# --format NAME -> the reporter that prints on stdout
FORMATS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
    "sarif": SarifReporter,
}
# output option -> (the reporter that renders the file, whether the file is appended to)
OUTPUTS: dict[str, tuple[type[Reporter], bool]] = {
    "sarif_file": (SarifReporter, False),
    "json_file": (JsonFileReporter, False),
    "summary": (SummaryReporter, True),
    "report": (HtmlReporter, False),
}

__all__ = ["FORMATS", "OUTPUTS", "Reporter", "Run", "Settings", "Severity"]
