"""The JSON Schema of ``.jdlint.yaml``, built from what the loader accepts (``config.TOP_KEYS``,
the rules and their kinds' options, the vocabulary keys), so editors can validate and complete
a config. ``scripts/gen_config_schema.py`` writes it to ``jdlint.schema.json``; a test fails
when that file is stale, and the config tests validate every config they load against it.

Rule names of the team's packs cannot be known here: a name the schema does not list is
accepted with the generic setting shape (the loader still refuses an unknown rule).
"""
from __future__ import annotations

from typing import Any

SCHEMA_ID = "https://github.com/your-org/jdlint/raw/main/jdlint.schema.json"
_LEVELS = ["off", "on", "info", "warning", "error"]


def _option(typ: Any, default: Any, description: str, choices: Any) -> dict[str, Any]:
    out: dict[str, Any]
    if typ is int:
        out = {"type": "integer", "minimum": 0}
    elif typ is float:
        out = {"type": "number", "minimum": 0}
    elif typ is bool:
        out = {"type": "boolean"}
    elif typ is list:
        out = {"type": "array", "items": {"type": "string"}}
    elif typ is dict:
        out = {"type": "object", "additionalProperties": {"type": "string"}}
    else:
        out = {"type": "string"}
    if choices:
        out["enum"] = list(choices)
    out["description"] = description
    if default is not None and default != "" and default != [] and default != {}:
        out["default"] = default
    return out


def _rule_setting(rule: Any) -> dict[str, Any]:
    kind = rule.kind
    props: dict[str, Any] = {"severity": {"enum": _LEVELS + [True, False]}}
    for name, (typ, _default, description) in kind.OPTIONS.items():
        props[name] = _option(typ, rule.options.get(name, _default), description, kind.CHOICES.get(name))
    return {
        "description": f"{rule.id} {rule.name}: {rule.summary}",
        "anyOf": [
            {"enum": _LEVELS + [True, False]},
            {"type": "object", "properties": props, "additionalProperties": False},
        ],
    }


def config_schema() -> dict[str, Any]:
    from .config import TOP_KEYS
    from .employer import EMPLOYER_TYPES
    from .registry import builtin_rules
    from .vocab import SECTION_KINDS, VOCAB_KEYS, stage_names

    strings = {"type": "array", "items": {"type": "string"}}
    string_or_strings = {"anyOf": [{"type": "string"}, strings]}
    rules: dict[str, Any] = {}
    for rule in builtin_rules():
        setting = _rule_setting(rule)
        rules[rule.name] = setting
        rules[rule.id] = {"$ref": f"#/properties/rules/properties/{rule.name}"}
    vocab_props: dict[str, Any] = {}
    for key, (shape, need, _target) in VOCAB_KEYS.items():
        if shape == "patterns":
            vocab_props[key] = dict(strings, description="regular expressions added to the built-in list")
        elif shape == "kinds":
            vocab_props[key] = {"type": "object", "description": "section kind -> heading phrases",
                                "propertyNames": {"enum": list(SECTION_KINDS)}, "additionalProperties": strings}
        else:
            vocab_props[key] = {"type": "array", "items": {"type": "object", "required": [need],
                                                           "properties": {need: {"type": "string"}}}}
    props: dict[str, Any] = {
        "extends": dict(string_or_strings, description=TOP_KEYS["extends"]),
        "stack": {"anyOf": [{"type": "string"}, strings, {"type": "null"}], "description": TOP_KEYS["stack"]},
        "rules": {"type": ["object", "null"], "description": TOP_KEYS["rules"], "properties": rules,
                  "additionalProperties": {"description": "a rule of a team pack",
                                           "anyOf": [{"enum": _LEVELS + [True, False]}, {"type": "object"}]}},
        "include": dict(string_or_strings, description=TOP_KEYS["include"]),
        "exclude": dict(string_or_strings, description=TOP_KEYS["exclude"]),
        "packs": dict(string_or_strings, description=TOP_KEYS["packs"]),
        "vocab": {"type": "object", "description": TOP_KEYS["vocab"], "properties": vocab_props,
                  "additionalProperties": False},
        "stage": {"enum": list(stage_names()), "description": TOP_KEYS["stage"]},
        "require_salary": {"enum": ["always", "covered-locations", "never"], "description": TOP_KEYS["require_salary"]},
        "employer": {"type": "object", "description": TOP_KEYS["employer"], "additionalProperties": False,
                     "properties": {"size": {"type": "integer", "minimum": 0}, "type": {"enum": list(EMPLOYER_TYPES)}}},
        "compliance": {"type": "boolean", "description": TOP_KEYS["compliance"]},
    }
    assert set(props) == set(TOP_KEYS), "the schema must describe every top-level key"
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "jdlint configuration (.jdlint.yaml)",
        "type": ["object", "null"],
        "properties": props,
        "additionalProperties": False,
    }
