"""Rule documentation rendered from the rule YAML (``docs/rules.md``, ``--explain``)."""
from __future__ import annotations

import textwrap


def render_rules_markdown(rules) -> str:
    rules = sorted(rules, key=lambda r: r.id)
    out = ["# jdlint rules", "",
           "<!-- Generated from rules/*.yaml by scripts/gen_rules_doc.py; do not edit by hand. -->", "",
           "| code | name | severity | what it reports |", "| --- | --- | --- | --- |"]
    for r in rules:
        extra = " (opt-in)" if r.opt_in else ""
        out.append(f"| {r.id} | [`{r.name}`](#{r.id.lower()}-{r.name}) | {r.severity}{extra} | {r.summary} |")
    for r in rules:
        out += ["", f"## {r.id} {r.name}", "",
                f"Severity: **{r.severity}**{' (opt-in: enable it in the config)' if r.opt_in else ''}. "
                f"Kind: `{r.kind.name}`. Scope: {r.scope}.", "", r.summary, "",
                "### Why", "", r.why.strip(), "", "### Instead", "", r.instead.strip()]
        if r.kind.OPTIONS:
            out += ["", "### Options", "", "| option | default | meaning |", "| --- | --- | --- |"]
            for name, (_typ, default, doc) in r.kind.OPTIONS.items():
                out.append(f"| `{name}` | `{r.options.get(name, default)!r}` | {doc} |")
        for label, title in (("bad", "Reported"), ("good", "Not reported")):
            for ex in r.examples.get(label) or []:
                out += ["", f"### {title}", "", "```markdown", ex.rstrip(), "```"]
    return "\n".join(out) + "\n"


def explain_rule(rule) -> str:
    """What the rule checks, why, what to do instead, options and examples, from its YAML."""
    lines = [f"{rule.id} {rule.name} ({rule.severity}{', opt-in' if rule.opt_in else ''})", "",
             rule.summary, "", "Why:", textwrap.indent(rule.why.strip(), "  "), "",
             "Instead:", textwrap.indent(rule.instead.strip(), "  ")]
    if rule.kind.OPTIONS:
        lines += ["", "Options:"]
        for name, (_typ, default, doc) in rule.kind.OPTIONS.items():
            value = rule.options.get(name, default)
            lines.append(f"  {name} = {value!r}  ({doc})")
    for label in ("bad", "good"):
        examples = rule.examples.get(label) or []
        if examples:
            lines += ["", f"Example ({label}):", textwrap.indent(examples[0].rstrip(), "  ")]
    return "\n".join(lines)
