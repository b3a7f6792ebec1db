"""Configuration: discovery, ``extends``, merging and validation with file:line errors.

Order of precedence, lowest first: built-in rule defaults -> the ``extends`` chain -> the
nearest ``.jdlint.yaml`` / ``.jdlint.yml`` walking up from each linted file (or ``--config``)
-> the file's front matter ``jdlint:`` block -> command-line flags. Mappings merge key by key;
lists replace.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import regex

from . import yamlio
from .finding import Severity
from .employer import Employer, parse_employer
from .names import did_you_mean, first_duplicate
from .registry import RuleError, RuleSet, builtin_rules, load_rules_from, validate_options
from .toolmatch import valid_version
from .vocab import VOCAB_KEYS, VOCAB_PATTERN_FIELDS, stage_names

CONFIG_NAMES = (".jdlint.yaml", ".jdlint.yml")
TOP_KEYS = {
    "extends": "a path (or list of paths) to configs this one builds on",
    "stack": "the tools the team uses: a list of names or aliases",
    "rules": "rule name or code -> off | info | warning | error, or {severity, options...}",
    "include": "glob patterns of postings to lint when walking folders",
    "exclude": "glob patterns of files never to lint",
    "packs": "folders of extra YAML rules, or 'compliance' for the built-in compliance pack",
    "compliance": "true turns on the built-in compliance pack (the same as packs: [compliance])",
    "vocab": "additions to the built-in vocabularies",
    "stage": "the company stage: seed, series-a, scaleup or enterprise",
    "require_salary": "when a pay range is required: always, covered-locations or never",
    "employer": "who is hiring, for the laws that depend on it: {size: employees, type: private | federal | state | municipal}",
}
LEVELS = ("off", "info", "warning", "error")
BUILTIN_PACKS = ("compliance",)


class ConfigError(Exception):
    """A config that cannot be used. ``str()`` is ``path:line: message``."""

    def __init__(self, path: str, line: int | None, message: str):
        loc = f"{path}:{line}" if line else path
        super().__init__(f"{loc}: {message}")
        self.path, self.line, self.message = path, line, message


@dataclass
class RuleSetting:
    enabled: bool | None = None  # None: as the rule's default (on unless opt-in)
    severity: Severity | None = None
    options: dict = field(default_factory=dict)


@dataclass(frozen=True)
class PostingSettings:
    """The settings for one posting: the config with the posting's front-matter ``jdlint:``
    block applied (and ``--stack`` over both)."""

    stack: list[str] | None
    stage: str | None
    disable: tuple[str, ...]
    employer: Employer | None = None


@dataclass
class Config:
    path: str | None = None
    base_dir: Path = field(default_factory=Path.cwd)
    stack: list[str] | None = None
    rules: dict[str, RuleSetting] = field(default_factory=dict)
    include: list[str] | None = None
    exclude: list[str] = field(default_factory=list)
    packs: list[str] = field(default_factory=list)
    vocab: dict = field(default_factory=dict)
    vocab_origins: dict = field(default_factory=dict)  # "key\0pattern" -> "path:line"
    stage: str | None = None
    require_salary: str | None = None
    employer: Employer | None = None
    builtin_packs: set = field(default_factory=set)  # built-in packs turned on ("compliance")
    ruleset: RuleSet = field(default_factory=lambda: RuleSet(builtin_rules()))
    stack_from: str | None = None  # the file that set ``stack`` (for --show-settings and errors)
    stack_lines: Any = field(default=None, repr=False)  # (file, the YAML list, its line) for errors
    origins: dict = field(default_factory=dict)  # top key -> "path:line" of the file that set it last
    files: list = field(default_factory=list)  # the config files read, most basic (extends) first
    # enabled_rules' answers: the same for every posting of a run that disables nothing.
    _enabled: dict = field(default_factory=dict, repr=False, compare=False)

    def enabled_rules(self, select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
                      disable: Iterable[str] = ()) -> list:
        """Rules to run, with this config's severities and options applied. The answer is kept
        for the arguments and the settings it read (a config changed after a run is read again)."""
        select, ignore, disable = (tuple(select) if select is not None else None,
                                   tuple(ignore) if ignore is not None else None, tuple(disable))
        key = (select, ignore, disable, self.require_salary, tuple(sorted(self.builtin_packs)),
               id(self.ruleset), tuple((name, s.enabled, s.severity, repr(s.options))
                                       for name, s in self.rules.items()))
        rules = self._enabled.get(key)
        if rules is None:
            if len(self._enabled) > 64:
                self._enabled.clear()
            rules = self._enabled[key] = self._enabled_rules(select, ignore, disable)
        return list(rules)

    def _enabled_rules(self, select: Iterable[str] | None, ignore: Iterable[str] | None,
                       disable: Iterable[str]) -> list:
        # Names this config does not know (a pack rule selected for another folder) select nothing.
        selected = {r.name for r in (self.ruleset.get(s) for s in select) if r is not None} if select else None
        ignored = {r.name for r in (self.ruleset.get(s) for s in ignore or ()) if r is not None}
        disabled = {r.name for r in (self.ruleset.get(d) for d in disable) if r is not None}
        out = []
        for rule in self.ruleset:
            setting = self.rules.get(rule.name, RuleSetting())
            on = setting.enabled if setting.enabled is not None else (
                not rule.opt_in or bool(rule.pack and rule.pack in self.builtin_packs))
            if selected is not None:
                on = rule.name in selected
            if not on or rule.name in ignored or rule.name in disabled:
                continue
            options = setting.options
            if self.require_salary and "require_salary" in rule.kind.OPTIONS and "require_salary" not in options:
                options = dict(options, require_salary=self.require_salary)
            out.append(rule.with_settings(setting.severity, options))
        return out

    def for_document(self, doc: Any, stack: list[str] | None = None) -> PostingSettings:
        """This config as it applies to ``doc``: front matter over config, ``stack`` over both."""
        settings = doc.jdlint_settings
        raw_disable = settings.get("disable")
        disable = tuple(d for d in raw_disable if isinstance(d, str)) if isinstance(raw_disable, list) else ()
        file_stack = settings.get("stack") if isinstance(settings.get("stack"), list) else None
        file_stage = settings.get("stage") if isinstance(settings.get("stage"), str) else None
        effective = stack if stack is not None else (file_stack if file_stack is not None else self.stack)
        employer = self.employer
        if "employer" in settings:
            parsed, _error, _key = parse_employer(settings["employer"])
            if parsed is not None:  # an invalid block is a front-matter finding, and ignored
                employer = Employer(parsed.size if parsed.size is not None else (employer.size if employer else None),
                                    parsed.type or (employer.type if employer else None))
        return PostingSettings(effective, file_stage or self.stage, disable, employer)

    def check_rule_names(self, names: Iterable[str], what: str) -> None:
        for n in names:
            if self.ruleset.get(n) is None:
                raise ConfigError(what, None, f"unknown rule {n!r}{did_you_mean(n, self.ruleset.keys())}")

    def is_excluded(self, path: Path) -> bool:
        """Whether ``exclude`` (gitignore patterns, ``!`` to re-include) matches the path."""
        if not self.exclude:
            return False
        rel = _relative(path, self.base_dir)
        return _spec_match(rel, self.exclude)

    def is_included(self, path: Path) -> bool:
        """Whether ``include`` (gitignore patterns) matches the path; everything without one."""
        if not self.include:
            return True
        rel = _relative(path, self.base_dir)
        return _spec_match(rel, self.include)


def _relative(path: Path, base: Path) -> str:
    p = os.path.abspath(path)
    try:
        return Path(os.path.relpath(p, os.path.abspath(base))).as_posix()
    except ValueError:  # another drive on Windows
        return Path(p).as_posix()


# Globs are gitignore patterns (pathspec parses them: ``drafts/`` matches that folder at any
# depth, ``/x.md`` is anchored, ``[ab]``, ``**``, ``\\`` escapes, and ``!negation`` with the last
# matching pattern winning). The regular expressions pathspec builds backtrack badly under
# Python's ``re`` (``*a*a*a...*b`` against a long name never finishes, B4), so they are run by
# the ``regex`` module, which matched every pathological shape we tried (many ``*``, many
# ``**/``, 250-character names) in milliseconds, and under a time limit as a last resort: a
# glob that still takes longer is a config error, not a hang.
GLOB_TIMEOUT = 0.5
_NEVER = regex.compile(r"(?!)")


@lru_cache(maxsize=512)
def _glob_pattern(pattern: str) -> tuple[Any, bool | None]:
    """(compiled regex, include) for one gitignore line; include is None for a blank or
    comment line, False for a ``!negation``."""
    import pathspec.util

    factory = pathspec.util.lookup_pattern("gitignore")
    try:
        parsed = factory(pattern.strip())
    except Exception as exc:  # pathspec raises ValueError/GitWildMatchPatternError on bad globs
        raise ValueError(f"invalid glob {pattern!r}: {exc}") from None
    compiled: Any = getattr(parsed, "regex", None)
    if parsed.include is None or compiled is None:
        return _NEVER, None
    return regex.compile(compiled.pattern), parsed.include


def _glob_regex(pattern: str):
    """The compiled (``regex`` module) expression for one glob; ``.match(rel_path)``."""
    return _glob_pattern(pattern)[0]


def _glob_search(rx, rel_path: str, pattern: str) -> bool:
    try:
        return rx.match(rel_path, timeout=GLOB_TIMEOUT) is not None
    except TimeoutError:
        raise ConfigError("<config>", None, f"glob {pattern!r} took longer than {GLOB_TIMEOUT}s to match "
                          f"{rel_path!r}; simplify it") from None


def _spec_match(rel_path: str, patterns: Iterable[str]) -> bool:
    """gitignore semantics over a list of patterns: the last pattern that matches decides."""
    result = False
    for pat in patterns:
        try:
            rx, include = _glob_pattern(pat)
        except ValueError as exc:
            raise ConfigError("<config>", None, str(exc)) from None
        if include is None:
            continue
        if result != include and _glob_search(rx, rel_path, pat):
            result = include
    return result


def glob_match(rel_path: str, pattern: str) -> bool:
    """gitignore matching of one pattern: ``drafts/``, ``**/old-*.md``, ``*.tmp.md``,
    ``[ab].md``; a lone ``!negation`` matches nothing."""
    return _spec_match(rel_path, (pattern,))


# -- loading -----------------------------------------------------------------------------------

MAX_CONFIG_BYTES = 1024 * 1024  # a config is a screenful of YAML; this is generous


def _read_yaml(path: Path) -> Any:
    """A config file: a regular file (FIFOs, devices and ``/dev/zero`` are refused without
    blocking) of at most MAX_CONFIG_BYTES, as UTF-8 YAML. Raises ConfigError ``path: message``."""
    from . import safeio

    try:
        raw = safeio.read_regular_file(path, MAX_CONFIG_BYTES)
    except ValueError as exc:
        msg = str(exc)
        if msg in ("no such file", "is a broken symbolic link (its target does not exist)"):
            raise ConfigError(str(path), None, "config file not found") from None
        raise ConfigError(str(path), None, f"cannot read config: {msg}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ConfigError(str(path), line, f"cannot read config: not valid UTF-8 (byte 0x{raw[exc.start]:02x})") from None
    try:
        data = yamlio.load(text)
    except yamlio.YamlError as exc:
        raise ConfigError(str(path), exc.line, exc.message) from None
    if data is None:
        return yamlio.LineDict()
    if not isinstance(data, dict):
        raise ConfigError(str(path), getattr(data, "line", 1) or 1, "a config must be a mapping of keys to values")
    return data


def _chain(path: Path, seen: tuple[Path, ...] = ()) -> list[tuple[Path, dict]]:
    """The extends chain of ``path``, most basic first."""
    path = Path(os.path.abspath(path))
    if path in seen:
        cycle = " -> ".join(str(p) for p in seen + (path,))
        raise ConfigError(str(seen[-1]), None, f"extends cycle: {cycle}")
    data = _read_yaml(path)
    out: list[tuple[Path, dict]] = []
    ext = data.get("extends")
    if ext is not None:
        items = [ext] if isinstance(ext, str) else ext
        if not isinstance(items, list) or not all(isinstance(e, str) for e in items):
            raise ConfigError(str(path), yamlio.line_of(data, "extends"), "'extends' must be a path or a list of paths")
        for e in items:
            target = (path.parent / e) if not os.path.isabs(e) else Path(e)
            if "\x00" in e or not (target.exists() or target.is_symlink()):
                raise ConfigError(str(path), yamlio.line_of(data, "extends"), f"extends: no such file {e!r}")
            out.extend(_chain(target, seen + (path,)))
    out.append((path, data))
    return out


def _strings(value: Any, path: Path, data: dict, key: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise ConfigError(str(path), yamlio.line_of(data, key), f"{key!r} must be a list of strings")
    for i, v in enumerate(value):
        if not isinstance(v, str):
            raise ConfigError(str(path), yamlio.line_of(value, i, yamlio.line_of(data, key)),
                              f"{key!r} entries must be strings; {v!r} is not (quote it)")
    return list(value)


def load_config(path: str | os.PathLike | None = None, *, data: dict | None = None) -> Config:
    """Load a config file (with its ``extends`` chain), or build one from a mapping.

    ``load_config()`` with neither gives the built-in defaults.
    """
    if data is not None:
        return _build([(Path.cwd() / "<config>", _as_linedict(data))], Path.cwd(), None)
    if path is None:
        return Config()
    p = Path(path)
    chain = _chain(p)
    return _build(chain, Path(os.path.abspath(p)).parent, str(path))


def _as_linedict(data: Any) -> Any:
    if isinstance(data, dict) and not isinstance(data, yamlio.LineDict):
        out = yamlio.LineDict()
        for k, v in data.items():
            out[k] = _as_linedict(v)
        return out
    if isinstance(data, (list, tuple)) and not isinstance(data, yamlio.LineList):
        return yamlio.LineList(_as_linedict(v) for v in data)
    return data


def _build(chain: list[tuple[Path, dict]], base_dir: Path, shown_path: str | None) -> Config:
    # Packs first: they define rule names that `rules:` may refer to.
    packs: list[str] = []
    builtin_packs: set[str] = set()
    for path, data in chain:
        if "packs" in data:
            for pack in _strings(data["packs"], path, data, "packs"):
                if pack in BUILTIN_PACKS and not (path.parent / pack).is_dir():
                    builtin_packs.add(pack)
                    continue
                folder = (path.parent / pack).resolve()
                if not folder.is_dir():
                    raise ConfigError(str(path), yamlio.line_of(data, "packs"), f"packs: no such folder {pack!r}")
                packs.append(str(folder))
    rules = list(builtin_rules())
    for pack_dir in packs:
        try:
            rules.extend(load_rules_from(Path(pack_dir)))
        except RuleError as exc:
            raise ConfigError(exc.path, exc.line, exc.message) from None
    dup = first_duplicate(((r.id, r.name), r.file) for r in rules)
    if dup is not None:
        key, where, first = dup
        raise ConfigError(where, 1, f"rule id or name {key!r} is already used by {first}")
    ruleset = RuleSet(rules)
    cfg = Config(path=shown_path, base_dir=base_dir, ruleset=ruleset, packs=packs, builtin_packs=builtin_packs,
                 files=[str(p) for p, _d in chain if p.name != "<config>"])
    for path, data in chain:
        _merge_file(cfg, path, data)
    if cfg.stack:
        _check_stack(cfg)
    return cfg


def _check_stack(cfg: Config) -> None:
    """Every ``stack`` entry must be a tool the catalog (or this config's ``vocab: tools:``)
    knows: a typo would otherwise leave the real tool out of the stack, and every mention of
    it would be reported."""
    from .vocab import load_vocab

    where, raw, line = cfg.stack_lines or (cfg.path or "<config>", None, None)
    vocab = load_vocab(cfg.vocab, cfg.vocab_origins)
    for i, name in enumerate(cfg.stack or ()):
        if vocab.tool_by_name(name) is None:
            raise ConfigError(where, yamlio.line_of(raw, i, line),
                              f"unknown tool {name!r} in 'stack'{vocab.unknown_tool_hint(name)} "
                              "(a tool of the team's own goes under vocab: tools:)")


def _merge_file(cfg: Config, path: Path, data: dict) -> None:
    where = str(path)
    for key in data:
        if key not in TOP_KEYS:
            raise ConfigError(where, yamlio.line_of(data, key), f"unknown key {key!r}{did_you_mean(str(key), TOP_KEYS)} (known: {', '.join(sorted(TOP_KEYS))})")
    for key in data:
        cfg.origins[str(key)] = f"{where}:{yamlio.line_of(data, key) or 1}"
    if "stack" in data:
        cfg.stack = _strings(data["stack"], path, data, "stack") if data["stack"] is not None else None
        cfg.stack_from = where
        cfg.stack_lines = (where, data["stack"], yamlio.line_of(data, "stack"))
    if "include" in data:
        cfg.include = _strings(data["include"], path, data, "include")
    if "exclude" in data:
        cfg.exclude = _strings(data["exclude"], path, data, "exclude")
    if "vocab" in data:
        _merge_vocab(cfg, path, data)
    if "stage" in data:
        cfg.stage = _choice(data, "stage", stage_names(), where)
    if "compliance" in data:
        if not isinstance(data["compliance"], bool):
            raise ConfigError(where, yamlio.line_of(data, "compliance"), "'compliance' must be true or false")
        if data["compliance"]:
            cfg.builtin_packs.add("compliance")
        else:
            cfg.builtin_packs.discard("compliance")
    if "employer" in data:
        employer, error, key = parse_employer(data["employer"])
        if employer is None:
            line = yamlio.line_of(data["employer"], key, yamlio.line_of(data, "employer")) if key else yamlio.line_of(data, "employer")
            raise ConfigError(where, line, f"'employer': {error}")
        cfg.employer = employer
    if "require_salary" in data:
        cfg.require_salary = _choice(data, "require_salary", _salary_choices(cfg), where)
    if "rules" in data:
        rules = data["rules"]
        if rules is None:
            return
        if not isinstance(rules, dict):
            raise ConfigError(where, yamlio.line_of(data, "rules"), "'rules' must be a mapping of rule name to setting")
        for name, value in rules.items():
            line = yamlio.line_of(rules, name)
            rule = cfg.ruleset.get(str(name))
            if rule is None:
                raise ConfigError(where, line, f"unknown rule {name!r}{did_you_mean(str(name), cfg.ruleset.keys())}")
            setting = cfg.rules.setdefault(rule.name, RuleSetting())
            _apply_setting(setting, rule, value, where, line)


def _salary_choices(cfg: Config) -> tuple[str, ...]:
    """The values of the pay rule's ``require_salary`` option, as its kind declares them."""
    for rule in cfg.ruleset:
        choices = rule.kind.CHOICES.get("require_salary")
        if choices:
            return tuple(choices)
    return ()


def _choice(data: dict, key: str, choices, where: str) -> str:
    value = data[key]
    if not isinstance(value, str) or value not in choices:
        hint = did_you_mean(str(value), choices)
        raise ConfigError(where, yamlio.line_of(data, key), f"{key!r} must be one of {', '.join(choices)} (got {value!r}){hint}")
    return value


def _parse_level(value: Any, where: str, line: int | None) -> tuple[bool, Severity | None]:
    if value is False:
        return False, None
    if value is True:
        return True, None
    if isinstance(value, str) and value.strip().lower() in LEVELS + ("on",):
        v = value.strip().lower()
        if v == "off":
            return False, None
        if v == "on":
            return True, None
        return True, Severity.parse(v)
    raise ConfigError(where, line, f"a rule setting must be one of {', '.join(LEVELS)} (got {value!r})")


def _apply_setting(setting: RuleSetting, rule, value: Any, where: str, line: int | None) -> None:
    if isinstance(value, dict):
        opts = dict(value)
        if "severity" in opts:
            setting.enabled, setting.severity = _parse_level(opts.pop("severity"), where, yamlio.line_of(value, "severity", line))
        elif setting.enabled is None:
            setting.enabled = True
        sub = yamlio.LineDict(opts)
        sub.lines = {k: yamlio.line_of(value, k, line) or 1 for k in opts}
        try:
            setting.options.update(validate_options(rule.kind, sub, where, line))
        except RuleError as exc:
            raise ConfigError(where, exc.line, exc.message.replace(f"for a {rule.kind.name} rule", f"for rule {rule.name!r}")) from None
        return
    setting.enabled, sev = _parse_level(value, where, line)
    if sev is not None:
        setting.severity = sev


# The type of each known field of a vocab entry ("list": a list of strings).
_VOCAB_ENTRY_TYPES = {
    "tools": {"name": "str", "aliases": "list", "exact": "list", "context": "list", "category": "str",
              "source": "str", "first_release": "scalar", "confidence": "scalar", "versions": "versions"},
    "role_families": {"id": "str", "label": "str", "titles": "list", "posting_titles": "list", "keywords": "list", "source": "str"},
    "senior_scope": {"label": "str", "patterns": "list", "source": "str"},
    "exclusionary": {"pattern": "str", "category": "str", "replacement": "str", "fix": "bool", "sections": "list", "desk_only": "bool"},
}


def _merge_vocab(cfg: Config, path: Path, data: dict) -> None:
    from .vocab import SECTION_KINDS

    where = str(path)
    vocab = data["vocab"]
    vline = yamlio.line_of(data, "vocab")
    if not isinstance(vocab, dict):
        raise ConfigError(where, vline, "'vocab' must be a mapping")
    for key, value in vocab.items():
        line = yamlio.line_of(vocab, key, vline)
        if key not in VOCAB_KEYS:
            raise ConfigError(where, line, f"unknown vocab key {key!r}{did_you_mean(str(key), VOCAB_KEYS)}")
        shape, need, _target = VOCAB_KEYS[key]
        if shape == "patterns":
            pats = _strings(value, path, vocab, key)
            for i, p in enumerate(pats):
                pline = yamlio.line_of(value, i, line)
                _compile_check(p, where, pline)
                cfg.vocab_origins[f"{key}\0{p}"] = f"{where}:{pline or 1}"
            cfg.vocab.setdefault(key, []).extend(pats)
        elif shape == "kinds":
            if not isinstance(value, dict):
                raise ConfigError(where, line, "'vocab.sections' must map a section kind to a list of phrases")
            for kind, phrases in value.items():
                if kind not in SECTION_KINDS:
                    raise ConfigError(where, yamlio.line_of(value, kind, line), f"unknown section kind {kind!r}{did_you_mean(str(kind), SECTION_KINDS)}")
                cfg.vocab.setdefault("sections", {}).setdefault(kind, []).extend(_strings(phrases, path, value, kind))
        else:
            if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                raise ConfigError(where, line, f"'vocab.{key}' must be a list of mappings")
            for i, entry in enumerate(value):
                eline = yamlio.line_of(value, i, line)
                if not isinstance(entry.get(need), str):
                    raise ConfigError(where, eline, f"each 'vocab.{key}' entry needs a string {need!r}")
                for k, v in entry.items():
                    kline = yamlio.line_of(entry, k, eline)
                    want = _VOCAB_ENTRY_TYPES[key].get(k)
                    if want == "list" and not isinstance(v, list):
                        raise ConfigError(where, kline, f"'vocab.{key}' entry {k!r} must be a list of strings, not {yamlio.type_word(v)}")
                    if want == "str" and not isinstance(v, str):
                        raise ConfigError(where, kline, f"'vocab.{key}' entry {k!r} must be a string, not {yamlio.type_word(v)} (quote it)")
                    if want == "bool" and not isinstance(v, bool):
                        raise ConfigError(where, kline, f"'vocab.{key}' entry {k!r} must be true or false, not {yamlio.type_word(v)}")
                    if want == "versions" and not (isinstance(v, dict) and all(valid_version(m, d) for m, d in v.items())):
                        raise ConfigError(where, kline, f"'vocab.{key}' entry 'versions' must map a major version to the "
                                          f"year or year-month it came out ({{\"5\": \"2022-04\"}})")
                    if want == "scalar" and (v is not None and (isinstance(v, (list, dict, bool)))):
                        raise ConfigError(where, kline, f"'vocab.{key}' entry {k!r} must be a single value, not {yamlio.type_word(v)}")
                    if isinstance(v, list):
                        for j, s in enumerate(v):
                            if not isinstance(s, str):
                                raise ConfigError(where, yamlio.line_of(v, j, kline), f"'{k}' entries must be strings; {s!r} is not (quote it)")
                for fld in VOCAB_PATTERN_FIELDS.get(key, ()):
                    value_f = entry.get(fld, [])
                    for p in [value_f] if isinstance(value_f, str) else value_f:
                        _compile_check(p, where, eline)
                        cfg.vocab_origins[f"{key}\0{p}"] = f"{where}:{eline or 1}"
                if key == "exclusionary":
                    entry.setdefault("category", "team")
            cfg.vocab.setdefault(key, []).extend(yamlio.plain(value))


def _compile_check(pattern: str, where: str, line: int | None) -> None:
    try:
        regex.compile(pattern)
    except regex.error as exc:
        raise ConfigError(where, line, f"invalid regular expression {pattern!r}: {exc}") from None


# -- discovery ---------------------------------------------------------------------------------

class ConfigFinder:
    """Nearest config walking up from each file, cached per folder."""

    def __init__(self, explicit: str | None = None):
        self.explicit = load_config(explicit) if explicit else None
        self._dir_cache: dict[str, Config] = {}
        self._file_cache: dict[str, Config] = {}

    def for_path(self, path: Path) -> Config:
        if self.explicit is not None:
            return self.explicit
        folder = os.path.dirname(os.path.abspath(path))
        return self._for_dir(folder)

    def _for_dir(self, folder: str) -> Config:
        if folder in self._dir_cache:
            return self._dir_cache[folder]
        cfg = None
        for name in CONFIG_NAMES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                if candidate not in self._file_cache:
                    self._file_cache[candidate] = load_config(candidate)
                cfg = self._file_cache[candidate]
                break
        if cfg is None:
            parent = os.path.dirname(folder)
            cfg = self._for_dir(parent) if parent and parent != folder else Config()
        self._dir_cache[folder] = cfg
        return cfg


class ReloadingConfigFinder:
    """A ``ConfigFinder`` for long-running processes (``jdlint server``, ``jdlint serve``):
    the config of a path is re-read when a config file from its folder up, or a rule file of a
    pack it uses, has changed, by a cheap modification-time check on every call. Thread-safe."""

    def __init__(self) -> None:
        import threading

        self.lock = threading.Lock()  # guards the finder and the stamps
        self.finder = ConfigFinder()
        self.stamps: dict[str, tuple] = {}  # folder -> config modification stamp

    def reset(self) -> None:
        """Forget every loaded config (the next call reads them again)."""
        with self.lock:
            self.finder = ConfigFinder()
            self.stamps.clear()

    @staticmethod
    def stamp(folder: str, cfg: Config | None) -> tuple:
        """What a config change touches, cheaply: the config files from ``folder`` up, the files
        their ``extends:`` chain reads, and the rule files of the packs in use."""
        out: list[tuple[str, int, int]] = []
        probe = folder
        while True:
            for name in CONFIG_NAMES:
                p = os.path.join(probe, name)
                try:
                    st = os.stat(p)
                    out.append((p, st.st_mtime_ns, st.st_size))
                except OSError:
                    pass
            parent = os.path.dirname(probe)
            if not parent or parent == probe:
                break
            probe = parent
        for f in cfg.files if cfg is not None else ():
            # the files an ``extends:`` chain pulled in from elsewhere (a team's shared base)
            p = str(f)
            if not any(p == o[0] for o in out):
                try:
                    st = os.stat(p)
                    out.append((p, st.st_mtime_ns, st.st_size))
                except OSError:
                    out.append((p, -1, -1))
        for pack in cfg.packs if cfg is not None else ():
            try:
                for entry in sorted(os.scandir(pack), key=lambda e: e.name):
                    st = entry.stat()
                    out.append((entry.path, st.st_mtime_ns, st.st_size))
            except OSError:
                out.append((pack, -1, -1))
        return tuple(out)

    def for_path(self, path: str | os.PathLike) -> Config:
        """The config of the posting at ``path`` (raises ConfigError), re-read when changed."""
        folder = os.path.dirname(os.path.abspath(path))
        with self.lock:
            finder = self.finder
            previous = self.stamps.get(folder)
        try:
            cfg: Config | None = finder.for_path(Path(path))
        except ConfigError:
            cfg = None
        stamp = self.stamp(folder, cfg)
        if previous is not None and previous != stamp:
            self.reset()
            with self.lock:
                finder = self.finder
        with self.lock:
            self.stamps[folder] = stamp
        return finder.for_path(Path(path))
