"""Rules: YAML data over code kinds.

A rule file (``rules/*.yaml``) names a ``kind`` (a class in ``jdlint/checks``) and gives the
rule its id, name, severity, message, documentation and option defaults. The kind declares
which options exist and their types; the loader rejects unknown options, wrong types and
unknown kinds with the file and line, so a typo in a team's pack fails loudly.
"""
from __future__ import annotations

import copy
import string
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from . import yamlio
from .finding import Finding, Severity
from .names import did_you_mean, first_duplicate
from .patterns import MAX_SECONDS
from .resources import rules_dir

REQUIRED_KEYS = ("id", "name", "kind", "severity", "message", "why", "instead", "examples")
OPTIONAL_KEYS = ("options", "scope", "summary", "catches", "opt_in", "source", "evidence", "sources", "pack",
                 "supersedes")

# How strong the evidence behind a rule is, strongest first: a law or regulator's text, a field
# experiment on real postings, a peer-reviewed or lab study, a vendor's data (real but methods not
# public), practice (hiring guides, opinion). A rule backed only by practice never defaults to error.
EVIDENCE_GRADES = ("law", "field-experiment", "study", "vendor-data", "practice")
SOURCE_KEYS = ("title", "publisher", "year", "url", "note")


class RuleError(Exception):
    """A rule file that cannot be used: ``path:line: message``."""

    def __init__(self, path: str, line: int | None, message: str):
        super().__init__(f"{path}:{line or 1}: {message}")
        self.path, self.line, self.message = path, line, message


# Every message may say what was matched; the rest of its placeholders are the kind's FIELDS.
COMMON_FIELDS = ("match",)


class _Fields(dict):
    """The values a message is formatted with; a declared field a finding did not fill is empty."""

    def __missing__(self, key: str) -> str:
        return ""


def message_placeholders(template: str) -> list[str]:
    """The ``{name}`` placeholders of a message. Raises ValueError for anything but plain
    names: positional ``{0}``, attribute or index access (``{x.__class__}``, ``{x[0]}``),
    conversions (``{x!r}``) and format specs (``{x:>99999}``) are refused."""
    names = []
    for _text, name, spec, conv in string.Formatter().parse(template):
        if name is None:
            continue
        if not name.isidentifier():
            raise ValueError(f"placeholder {{{name}}} is not allowed: use a plain name such as {{match}}")
        if conv or spec:
            raise ValueError(f"placeholder {{{name}}} may not have a conversion or format spec")
        names.append(name)
    return names


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    kind: Any  # a checks.Kind instance
    severity: Severity
    message: Any  # str, or {variant: str}
    why: str
    instead: str
    summary: str
    options: dict = field(default_factory=dict)
    catches: str = ""  # a short example-led line for the README's rule table
    examples: dict = field(default_factory=dict)
    scope: str = "line"  # "file": a document-level finding (kept for any changed file by --diff-base)
    opt_in: bool = False
    source: str = ""
    file: str = ""
    evidence: str = ""  # one of EVIDENCE_GRADES; empty only for a pack rule that gives none
    sources: tuple = ()  # ({title, publisher, year, url[, note]}, ...)
    pack: str = ""  # a built-in pack the rule belongs to ("compliance"): on with `packs: [compliance]`
    # Rules whose finding on the same words this rule's finding replaces (age-proxy's legal
    # "digital native" finding says all that exclusionary-language's would, and more).
    supersedes: tuple[str, ...] = ()

    def with_settings(self, severity: Severity | None = None, options: dict | None = None) -> "Rule":
        opts = dict(self.options)
        if options:
            opts.update(options)
        return replace(self, severity=severity or self.severity, options=opts)

    def check(self, doc, ctx) -> Iterator[Finding]:
        return self.kind.check(doc, self, ctx)

    def format(self, variant: str | None = None, **fields: Any) -> str:
        template = self.message
        if isinstance(template, dict):
            template = template.get(variant or "default") or next(iter(template.values()))
        return str(template).format_map(_Fields(fields))

    def finding(self, doc, line: int, column: int, end_line: int | None = None,
                end_column: int | None = None, match: str = "", variant: str | None = None,
                help: str | None = None, replacement: str | None = None,
                severity_cap: Severity | None = None, **fields: Any) -> Finding:
        """The one place that stamps id, name, severity and the formatted message.

        ``severity_cap`` lowers the severity for this finding only (an unverified fact gives a
        warning, never an error); it never raises it."""
        severity = self.severity if severity_cap is None else min(self.severity, severity_cap)
        return Finding(
            path=doc.path, line=line, column=column,
            end_line=end_line if end_line is not None else line,
            end_column=end_column if end_column is not None else column + max(len(match), 1),
            code=self.id, rule=self.name, severity=severity,
            message=" ".join(self.format(variant, match=match, **fields).split()), match=match,
            help=help if help is not None else self.instead.strip().split("\n\n")[0].replace("\n", " "),
            replacement=replacement,
        )


def _kinds() -> dict[str, Any]:
    from .checks import KINDS

    return KINDS


def _check_type(value: Any, typ: Any) -> bool:
    if typ is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if typ is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if typ is list:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if typ is dict:
        return isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
    return isinstance(value, typ)


TYPE_NAMES = {int: "a whole number", float: "a number", str: "a string", bool: "true or false",
              list: "a list of strings", dict: "a mapping of strings to strings"}


def validate_options(kind: Any, options: Any, where: str, line: int | None,
                     container: Any = None) -> dict:
    """Check option names and types against the kind's schema; return a clean dict."""
    if options is None:
        return {}
    if not isinstance(options, dict):
        raise RuleError(where, line, "options must be a mapping of option name to value")
    out = {}
    for key, value in options.items():
        key_line = yamlio.line_of(options, key, line)
        if key not in kind.OPTIONS:
            hint = did_you_mean(str(key), kind.OPTIONS)
            known = ", ".join(sorted(kind.OPTIONS)) or "none"
            raise RuleError(where, key_line, f"unknown option {key!r} for a {kind.name} rule{hint} (options: {known})")
        typ = kind.OPTIONS[key][0]
        if not _check_type(value, typ):
            extra = "; quote words such as yes, no, on, off" if typ is list else ""
            raise RuleError(where, key_line, f"option {key!r} must be {TYPE_NAMES.get(typ, typ.__name__)}{extra}")
        if typ in (int, float) and value < 0 and not (key == "max" and value == -1):
            raise RuleError(where, key_line, f"option {key!r} must not be negative")
        if key == "timeout" and not 0 < value <= MAX_SECONDS:
            raise RuleError(where, key_line, f"option 'timeout' must be more than 0 and at most {MAX_SECONDS:g} seconds")
        choices = getattr(kind, "CHOICES", {}).get(key)
        if choices and value not in choices:
            raise RuleError(where, key_line, f"option {key!r} must be one of {', '.join(choices)}{did_you_mean(str(value), choices)}")
        if key in getattr(kind, "PATTERN_OPTIONS", ()):
            import regex

            for pat in ([value] if isinstance(value, str) else list(value)):
                try:
                    regex.compile(pat)
                except regex.error as exc:
                    raise RuleError(where, key_line, f"option {key!r}: invalid regular expression {pat!r}: {exc}") from None
        out[key] = copy.deepcopy(value)
    return out


# A rule file is a page of YAML; a pack file this large is a mistake or an attack.
MAX_RULE_BYTES = 1024 * 1024


def read_rule_file(path: Path) -> Any:
    """A rule file's YAML. Pack files come from the repository under review, so only a regular
    file of at most MAX_RULE_BYTES is read (a FIFO or a /dev/zero symlink is an error, not a
    hang)."""
    from .safeio import read_regular_file

    try:
        text = read_regular_file(path, MAX_RULE_BYTES).decode("utf-8")
        return yamlio.load(text)
    except yamlio.YamlError as exc:
        raise RuleError(str(path), exc.line, exc.message) from None
    except ValueError as exc:  # not a regular file, too large, not UTF-8
        reason = "not valid UTF-8" if isinstance(exc, UnicodeDecodeError) else str(exc)
        raise RuleError(str(path), None, f"cannot read rule file: {reason}") from None
    except OSError as exc:
        raise RuleError(str(path), None, f"cannot read rule file: {exc.strerror or exc}") from None


def load_rule_file(path: Path) -> Rule:
    return build_rule(read_rule_file(path), str(path))


def build_rule(data: Any, where: str) -> Rule:
    """A Rule from a rule file's parsed data; errors name ``where`` and the line."""
    if not isinstance(data, dict):
        raise RuleError(where, 1, "a rule file must be a mapping")
    for key in REQUIRED_KEYS:
        if key not in data:
            raise RuleError(where, 1, f"missing required key {key!r}")
    for key in data:
        if key not in REQUIRED_KEYS and key not in OPTIONAL_KEYS:
            raise RuleError(where, yamlio.line_of(data, key), f"unknown key {key!r}{did_you_mean(str(key), REQUIRED_KEYS + OPTIONAL_KEYS)}")
    kinds = _kinds()
    kind_name = data["kind"]
    if kind_name not in kinds:
        raise RuleError(where, yamlio.line_of(data, "kind"), f"unknown kind {kind_name!r}{did_you_mean(str(kind_name), kinds)}")
    kind = kinds[kind_name]
    for key in ("id", "name", "why", "instead"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise RuleError(where, yamlio.line_of(data, key), f"{key!r} must be a non-empty string")
    msg = data["message"]
    if not (isinstance(msg, str) or (isinstance(msg, dict) and msg and all(isinstance(v, str) for v in msg.values()))):
        raise RuleError(where, yamlio.line_of(data, "message"), "'message' must be a string or a mapping of variant to string")
    allowed = COMMON_FIELDS + tuple(kind.FIELDS)
    for variant, template in (msg.items() if isinstance(msg, dict) else [(None, msg)]):
        mline = yamlio.line_of(msg, variant, yamlio.line_of(data, "message")) if variant else yamlio.line_of(data, "message")
        try:
            names = message_placeholders(template)
        except ValueError as exc:
            raise RuleError(where, mline, f"'message': {exc}") from None
        for name in names:
            if name not in allowed:
                raise RuleError(where, mline, f"'message': unknown placeholder {{{name}}} for a {kind.name} rule"
                                f"{did_you_mean(name, allowed)} (placeholders: {', '.join('{' + a + '}' for a in allowed)})")
    try:
        severity = Severity.parse(str(data["severity"]))
    except ValueError as exc:
        raise RuleError(where, yamlio.line_of(data, "severity"), str(exc)) from None
    defaults = {k: spec[1] for k, spec in kind.OPTIONS.items()}
    defaults.update(validate_options(kind, data.get("options"), where, yamlio.line_of(data, "options")))
    if str(data.get("scope", "line")) not in ("line", "file"):
        raise RuleError(where, yamlio.line_of(data, "scope"), "'scope' must be 'line' or 'file'")
    ex = data["examples"]
    if not isinstance(ex, dict) or not isinstance(ex.get("bad"), list) or not isinstance(ex.get("good"), list):
        raise RuleError(where, yamlio.line_of(data, "examples"), "'examples' needs 'bad' and 'good' lists")
    evidence, sources = validate_evidence(data, where, severity)
    summary = data.get("summary") or data["why"].strip().split(".")[0] + "."
    return Rule(
        id=str(data["id"]), name=str(data["name"]), kind=kind, severity=severity,
        message=yamlio.plain(msg), why=str(data["why"]).strip(), instead=str(data["instead"]).strip(),
        summary=str(summary).strip(), options=defaults, examples=yamlio.plain(ex),
        catches=str(data.get("catches") or summary).strip(),
        scope=str(data.get("scope", "line")), opt_in=bool(data.get("opt_in", False)),
        source=str(data.get("source", "")), file=where, evidence=evidence, sources=sources,
        pack=str(data.get("pack", "")), supersedes=_names(data, "supersedes", where),
    )


def _names(data: dict, key: str, where: str) -> tuple[str, ...]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleError(where, yamlio.line_of(data, key), f"'{key}' must be a list of rule names")
    return tuple(value)


def validate_evidence(data: dict, where: str, severity: Severity) -> tuple[str, tuple]:
    """The rule's ``evidence`` grade and ``sources``, checked; errors name the file and line.

    A pack rule may leave both out (it is then ungraded); a grade given must be a known one, every
    source needs a title, a publisher, a year and an http(s) URL, and a rule graded ``practice``
    may not default to ``error``."""
    evidence = data.get("evidence")
    if evidence is None:
        grade = ""
    else:
        grade = str(evidence).strip()
        if grade not in EVIDENCE_GRADES:
            raise RuleError(where, yamlio.line_of(data, "evidence"),
                            f"unknown evidence grade {evidence!r}{did_you_mean(grade, EVIDENCE_GRADES)} "
                            f"(grades: {', '.join(EVIDENCE_GRADES)})")
    raw = data.get("sources")
    sources = []
    if raw is not None:
        sline = yamlio.line_of(data, "sources")
        if not isinstance(raw, list) or not raw:
            raise RuleError(where, sline, "'sources' must be a non-empty list of {title, publisher, year, url}")
        for i, src in enumerate(raw):
            line = yamlio.line_of(raw, i, sline)
            if not isinstance(src, dict):
                raise RuleError(where, line, "each source must be a mapping with title, publisher, year and url")
            for key in src:
                if key not in SOURCE_KEYS:
                    raise RuleError(where, yamlio.line_of(src, key, line),
                                    f"unknown source key {key!r}{did_you_mean(str(key), SOURCE_KEYS)}")
            for key in ("title", "publisher", "url"):
                if not isinstance(src.get(key), str) or not src[key].strip():
                    raise RuleError(where, yamlio.line_of(src, key, line), f"source {key!r} must be a non-empty string")
            year = src.get("year")
            if not (isinstance(year, int) and not isinstance(year, bool) and 1900 <= year <= 2100):
                raise RuleError(where, yamlio.line_of(src, "year", line), "source 'year' must be a year such as 2011")
            if not str(src["url"]).startswith(("https://", "http://")):
                raise RuleError(where, yamlio.line_of(src, "url", line), "source 'url' must start with https:// or http://")
            sources.append({k: (src[k] if k == "year" else str(src[k]).strip()) for k in SOURCE_KEYS if k in src})
    if grade and not sources:
        raise RuleError(where, yamlio.line_of(data, "evidence"), "an 'evidence' grade needs 'sources'")
    if sources and not grade:
        raise RuleError(where, yamlio.line_of(data, "sources"), f"'sources' need an 'evidence' grade ({', '.join(EVIDENCE_GRADES)})")
    if grade == "practice" and severity is Severity.ERROR:
        raise RuleError(where, yamlio.line_of(data, "severity"),
                        "a rule backed only by practice may not default to 'error': use 'warning' or 'info' "
                        "(a team's config can still raise it), or cite stronger evidence")
    return grade, tuple(sources)


def load_rules_from(folder: Path) -> list[Rule]:
    return _check_unique([load_rule_file(p) for p in _rule_files(folder)])


def _rule_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))


def _check_unique(rules: list[Rule]) -> list[Rule]:
    dup = first_duplicate(((r.id, r.name), r.file) for r in rules)
    if dup is not None:
        key, where, first = dup
        raise RuleError(where, 1, f"rule id or name {key!r} is already used by {first}")
    return rules


@lru_cache(maxsize=1)
def builtin_rules() -> tuple[Rule, ...]:
    """The built-in rules; their parsed YAML comes from the content-keyed cache when it can."""
    from .cache import cached

    files = _rule_files(rules_dir())
    raw = cached("rules", files, lambda: [(str(p), yamlio.plain(read_rule_file(p))) for p in files])
    return tuple(_check_unique([build_rule(data, where) for where, data in raw]))


class RuleSet:
    """All known rules (built-in plus packs), looked up by name or code."""

    def __init__(self, rules: list[Rule] | tuple[Rule, ...]):
        self.rules = list(rules)
        self._by_key: dict[str, Rule] = {}
        for r in self.rules:
            self._by_key[r.name] = r
            self._by_key[r.id] = r
            self._by_key[r.id.lower()] = r
            self._by_key.setdefault(r.name.lower(), r)

    def get(self, key: str) -> Rule | None:
        """The rule with this name or code, in any case ("Wish-List", "jd103")."""
        return self._by_key.get(key) or self._by_key.get(str(key).strip()) or self._by_key.get(str(key).strip().lower())

    def keys(self) -> list[str]:
        return [r.name for r in self.rules] + [r.id for r in self.rules]

    def __iter__(self):
        return iter(self.rules)
