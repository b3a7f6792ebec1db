#!/usr/bin/env python3
"""Build rules/vocab/tools.yaml from the shared technology catalog.

    python scripts/build_tool_catalog.py [path/to/tech-catalog.yaml] [--out rules/vocab/tools.yaml]

The shared catalog (``../shared/domain/tech-catalog.yaml`` next to the repository by default)
lists ~1,600 technologies with aliases, a category, an ``ambiguous`` flag with a free-text
``context`` hint, and first-release dates. This script turns it into the entry format jdlint's
loader reads (see the header it writes) and:

- keeps the facts of the hand-checked tools.yaml rows (dates with H/M confidence and their
  source keys) where they are better than the catalog's ``knowledge`` dates;
- decides per spelling how it may match: a spelling of an ambiguous entry that is an ordinary
  word ("Spark", "Pitch", "Word") or a short acronym is case-sensitive AND needs tech context;
  multi-word or marked spellings ("Apache Spark", "Microsoft Teams", "Golang") match anywhere;
- turns the ``context`` hint into per-tool cues: the words written right before / after the
  name in the hint's quoted examples ("in Go", "Helm charts") and the words it says may be
  "nearby" ("tidyverse, ggplot2, RStudio nearby");
- keeps every spelling owned by one tool (first owner wins; the hand-checked rows come first).

The generated YAML is committed: the runtime never reads the shared folder.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import re
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SRC = REPO.parent / "shared" / "domain" / "tech-catalog.yaml"
DEFAULT_OUT = REPO / "rules" / "vocab" / "tools.yaml"

# A spelling of an ambiguous entry needs context when it is one plain word or a short acronym.
_PLAIN_WORD = re.compile(r"^[A-Za-z][a-z]+$|^[A-Z]{1,3}$|^[A-Z][a-z]+[A-Z]?$")
# ... unless it carries a tech marker ("Golang", "MongoDB", "GraphQL").
_MARKED = re.compile(r"(?:lang|js|db|sql|ql)$", re.I)
# A short alias in mixed case whose lower case is likely a word ("ZeRO") keeps its case.
_MIXED_WORD = re.compile(r"^(?=[A-Za-z]{3,5}$)(?=.*[a-z])(?=.[a-z]*[A-Z])")
# Formats and protocols are not tools a team chooses (the labels' convention too).
NOT_TOOLS = {"JSON": "format", "XML": "format", "CSV": "format", "SAML": "protocol", "OAuth": "protocol",
             "SOAP": "protocol", "WebSockets": "protocol", "SSH": "protocol", "REST API": "technique",
             "OpenID Connect": "protocol", "LDAP": "protocol", "HTTP": "protocol", "gRPC": None}
_BRANDLIKE = re.compile(r"^(?:[A-Za-z]*\d[A-Za-z\d]*|[A-Z]{2,5}|[A-Z][a-z]+(?:[A-Z][a-z]*)+)$")
_VENDOR = re.compile(r"^(?:Amazon|AWS|Azure|Microsoft Azure|Google Cloud|Google|GCP|Microsoft|Oracle|IBM)\s+(.+)$")
# context_aliases kept: capitalised spellings of 4+ characters that are not everyday nouns of
# work ("Strategy", "Motion"); shorter ones ("AI", "PS", "CAD", "IAM") name other things far
# more often than the tool.
_CONTEXT_ALIAS_DROP = {"Strategy", "Reason", "Motion", "Play", "Compose", "Liquid", "Inventor", "Forge",
                       "Lightning", "Split", "Drone", "Torque", "Bob", "Sage", "Premiere", "containers",
                       "actions", "datasets", "outlines", "instructor", "kind", "transformers"}
_CONTEXT_ALIAS_KEEP_SHORT = {"TF", "YARN"}
# Words of a context hint that are not cues.
_HINT_STOP = {"a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "is", "are", "as",
              "also", "etc", "e", "g", "e.g", "lists", "list", "context", "nearby", "next", "only", "never",
              "match", "bare", "word", "ordinary", "common", "name", "names", "first", "surname", "it",
              "its", "when", "not", "other", "terms", "mentions", "written", "sits", "alone"}
_STOP_PHRASES_AFTER = {"(", "/", ","}


def _load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _old_rows() -> list[dict]:
    """The hand-checked rows (the tools.yaml of before this script, kept as a sidecar)."""
    side = REPO / "scripts" / "tools_checked.yaml"
    return yaml.safe_load(side.read_text(encoding="utf-8"))["tools"]


def _versions() -> dict[str, dict[str, str]]:
    """Major versions with their own release month (scripts/tool_versions.yaml), by tool name."""
    side = REPO / "scripts" / "tool_versions.yaml"
    return {str(k): {str(m): str(d) for m, d in v.items()}
            for k, v in yaml.safe_load(side.read_text(encoding="utf-8"))["versions"].items()}


def _ordinary() -> tuple[set[str], set[str]]:
    """Spellings that are ordinary words: (matched in their own case only, also needing tech
    context). See scripts/tools_ordinary.yaml."""
    data = yaml.safe_load((REPO / "scripts" / "tools_ordinary.yaml").read_text(encoding="utf-8"))
    return set(map(str, data.get("case_only") or [])), set(map(str, data.get("context") or []))


def _tokens(s: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9][A-Za-z0-9.+#-]*|/|\(|\)|,", s)


def _cues(entry: dict, spellings: set[str], catalog_names: set[str]) -> dict:
    """Cue words from the catalog's free-text context hint."""
    hint = entry.get("context") or ""
    positive = hint.split(";")[0]
    before, after, near = set(), set(), set()
    low = {s.lower() for s in spellings}
    for q in re.findall(r"'([^']+)'", positive):
        toks = _tokens(q)
        for i, t in enumerate(toks):
            if t.lower() not in low:
                continue
            if i > 0 and toks[i - 1] not in _STOP_PHRASES_AFTER and toks[i - 1].lower() not in catalog_names:
                w = toks[i - 1].lower()
                if len(w) > 1 and w not in {"the", "a", "an", "and", "or"}:
                    before.add(w)
            if i + 1 < len(toks) and toks[i + 1] not in _STOP_PHRASES_AFTER and toks[i + 1].lower() not in catalog_names:
                w = toks[i + 1].lower()
                if len(w) > 2 and w not in _HINT_STOP:
                    after.add(w.rstrip("s") if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w)
    # "tidyverse, ggplot2, RStudio nearby", "S3 context", "CI/CD lists"
    unquoted = re.sub(r"'[^']*'", " ", positive)
    unquoted = unquoted.split(":", 1)[1] if ":" in unquoted else ""
    for seg in re.split(r"[,;]", unquoted):
        seg = seg.strip()
        m = re.match(r"^(.*?)\s+(?:nearby|context|lists?|terms|work|mentions)\b", seg)
        if not m:
            continue
        for w in re.split(r"[\s/]+", m.group(1)):
            w = w.strip(".()").lower()
            if len(w) > 2 and w not in _HINT_STOP and w not in low and not w.endswith("-") and w not in {"next", "skills", "skill", "tool", "tools", "other", "catalog"}:
                near.add(w)
    # Negative examples: quoted phrases after the first ";" that contain the name with other
    # words ("'snowflake schema' is a modelling term") are read as that phrase, not the tool.
    negative = set()
    for q in re.findall(r"'([^']+)'", ";".join(hint.split(";")[1:])):
        toks = q.split()
        if len(toks) > 1 and any(t.lower() in low for t in toks):
            negative.add(q.lower())
    out = {}
    if negative:
        out["not"] = sorted(negative)
    if before:
        out["before"] = sorted(before)
    if after:
        out["after"] = sorted(after)
    if near:
        out["near"] = sorted(near)
    return out


def _extra_rows(catalog: list[dict]) -> list[dict]:
    """The repository's additions to the shared catalog (``scripts/tools_extra.yaml``, same
    entry format): technologies postings name that the shared catalog lacks. An entry whose
    name or an alias the shared catalog already has is left out (the shared entry wins)."""
    side = REPO / "scripts" / "tools_extra.yaml"
    if not side.is_file():
        return []
    known = {str(n).lower() for e in catalog for n in [e["name"]] + list(e.get("aliases") or [])}
    out = []
    for e in yaml.safe_load(side.read_text(encoding="utf-8")) or []:
        spellings = [str(n).lower() for n in [e["name"]] + list(e.get("aliases") or [])]
        if any(n in known for n in spellings):
            continue
        known.update(spellings)
        out.append(e)
    return out


def build(src: Path) -> tuple[str, dict]:
    shared = _load(src)
    extra = _extra_rows(shared)
    catalog = shared + extra
    old = _old_rows()
    index: dict[str, int] = {}
    for i, e in enumerate(catalog):
        for n in [e["name"]] + list(e.get("aliases") or []):
            index.setdefault(str(n).lower(), i)
    # A cloud service is also written without its vendor ("S3", "Lambda", "Data Factory").
    stripped: dict[int, list[str]] = {}
    for i, e in enumerate(catalog):
        if not e.get("parent"):
            continue
        for n in [e["name"]] + list(e.get("aliases") or []):
            m = _VENDOR.match(str(n))
            # only brand-like remainders: "S3", "EC2", "SQS", "DynamoDB"; not "Build", "DevOps"
            if m and m.group(1).lower() not in index and _BRANDLIKE.match(m.group(1)) \
                    and m.group(1).lower() not in ("devops", "mlops", "dataops", "ai", "ml", "bi"):
                index[m.group(1).lower()] = i
                stripped.setdefault(i, []).append(m.group(1))
    catalog_names = set(index)

    merged_old: dict[int, dict] = {}
    extra_old: list[dict] = []
    for row in old:
        i = index.get(str(row["name"]).lower())
        if i is None:
            extra_old.append(row)
        else:
            merged_old[i] = row

    ordinary_case, ordinary_context = _ordinary()
    owner: dict[str, str] = {}  # spelling key -> tool name; lower case for any-case spellings

    def claim(spelling: str, tool: str, case_sensitive: bool) -> bool:
        keys = [spelling] if case_sensitive else [spelling.lower()]
        # an any-case spelling also blocks the case-sensitive ones it covers, and vice versa
        lk = spelling.lower()
        for k, v in owner.items():
            if v != tool and k.lower() == lk:
                return False
        for k in keys:
            owner[k] = tool
        return True

    entries: list[dict] = []
    stats = {"context": 0, "kept_facts": 0}
    order = sorted(range(len(catalog)), key=lambda i: (i not in merged_old, i))
    for i in order:
        e = catalog[i]
        row = merged_old.get(i)
        name = str(e["name"])
        amb = bool(e.get("ambiguous"))
        spellings = [name] + [str(a) for a in e.get("aliases") or []]
        ctx_aliases = [str(a) for a in e.get("context_aliases") or []]
        old_exact = set(row.get("exact", [])) if row else set()
        old_context = set(row.get("context", [])) if row else set()
        if row:
            for a in [str(row["name"])] + [str(x) for x in row.get("aliases", [])]:
                # the catalog split lumped rows (S3 and EC2 are their own entries, not AWS)
                if index.get(a.lower(), i) != i:
                    continue
                if a not in spellings:
                    spellings.append(a)
            for a in sorted(old_exact | old_context):
                if index.get(a.lower(), i) != i:
                    continue
                if a not in spellings and a not in ctx_aliases:
                    ctx_aliases.append(a) if a in old_context else spellings.append(a)
        any_case, exact, context = [], [], []
        for s in stripped.get(i, []):
            if s not in spellings:
                spellings.append(s)
        vendorless = set(stripped.get(i, []))
        for s in spellings:
            if (s in vendorless or (e.get("parent") and s != name)) and _PLAIN_WORD.match(s) and not s.isupper():
                target = context  # "Lambda", "Glue", "Functions", "Comprehend"
            elif s in vendorless and " " in s:
                target = exact  # "Data Factory", "Cloud Run": capitalised only
            elif s != name and re.fullmatch(r"[A-Z]{2,3}", s) and s not in old_exact:
                target = context  # "GA", "ES", "PG": acronyms of many things
            elif " " in s and all(_PLAIN_WORD.match(w) for w in s.split()) and any(w[1:].islower() for w in s.split()):
                target = exact  # "Scale AI", not "large scale AI training"
            elif s in old_context:
                target = context
            elif s in old_exact:
                target = exact
            elif amb and _PLAIN_WORD.match(s) and not _MARKED.search(s):
                target = context
            elif len(s) <= 2 or (s != name and _MIXED_WORD.match(s)):
                target = exact
            else:
                target = any_case
            if s in ordinary_context:
                target = context  # "Kettle", "Unleash": capitalised and among tools only
            elif s in ordinary_case and target is any_case:
                target = exact  # "Windows", "REST": not "maintenance windows", "the rest"
            if "(" in s:  # "Oracle (company/suite)" is a label, not a spelling
                continue
            if claim(s, name, target is not any_case):
                target.append(s)
            # a guarded word written in lower case is also written capitalised ("Pandas")
            if target is context and s.islower() and claim(s.capitalize(), name, True):
                target.append(s.capitalize())
        for s in ctx_aliases:
            if index.get(s.lower(), i) != i:  # another entry's own name ("Racket", "Yarn")
                continue
            if " " in s:
                if claim(s, name, False):
                    any_case.append(s)
                continue
            if s in _CONTEXT_ALIAS_DROP and s not in old_context:
                continue
            if not (s[:1].isupper() and (len(s) >= 4 or s in _CONTEXT_ALIAS_KEEP_SHORT or s in old_context)):
                continue
            if s not in context and claim(s, name, True):
                context.append(s)
        stats["context"] += bool(context)
        # Facts: the hand-checked row when it is H/M; else the catalog's, R when from recall.
        if row and row.get("confidence") in ("H", "M") and row.get("first_release"):
            first, conf, source = str(row["first_release"]), row["confidence"], str(row.get("source", ""))
            stats["kept_facts"] += 1
        else:
            first = None if e.get("first_release") is None else str(e["first_release"])
            rs = str(e.get("release_source", ""))
            if rs == "knowledge" or not rs:
                conf, source = "R", "tech-catalog (knowledge, unverified)"
            else:
                conf = e.get("confidence") or "M"
                source = rs
        out = {"name": name, "category": str(e["category"])}
        kind = e.get("kind") or NOT_TOOLS.get(name) or (row and row.get("category") in ("technique", "model") and row["category"])
        if kind:
            out["kind"] = kind
        if e.get("parent"):
            out["parent"] = str(e["parent"])
        if name in LIBRARY_OF:
            out["library_of"] = LIBRARY_OF[name]
        out.update({"first_release": first, "confidence": conf if first else None, "source": source})
        primary = name if name in any_case else None
        out["aliases"] = [a for a in any_case if a != primary]
        if name not in any_case and name not in exact and name not in context:
            out["aliases"] = out["aliases"]  # name itself is only a label ("Trino / Presto")
            out["label_only"] = True
        if exact:
            out["exact"] = exact
        if context:
            out["context"] = context
            cues = _cues(e, set(spellings) | set(context), catalog_names)
            if cues:
                out["cues"] = cues
        entries.append(out)
    for row in extra_old:  # hand-checked rows the catalog lacks (LLMs, generative AI)
        out = {k: row[k] for k in ("name", "category") if k in row}
        if row.get("category") in ("technique", "model"):
            out["kind"] = row["category"]
        out.update({"first_release": row.get("first_release"), "confidence": row.get("confidence"),
                    "source": row.get("source", "")})
        out["aliases"] = [a for a in row.get("aliases", []) if claim(a, row["name"], False)]
        for key in ("exact", "context"):
            if row.get(key):
                out[key] = [a for a in row[key] if claim(a, row["name"], True)]
        claim(row["name"], row["name"], False)
        entries.append(out)
    versions = _versions()
    for out in entries:
        if out["name"] in versions:
            out["versions"] = versions.pop(out["name"])
    if versions:
        raise SystemExit(f"tool_versions.yaml names tools the catalog lacks: {sorted(versions)}")
    return _render(entries, len(shared), len(extra)), stats


# A language's everyday libraries: named with the language ("Python (pandas, NumPy)"), they are
# part of knowing it, so wish-list's tool soup counts them with it. Only the libraries anyone
# who writes the language for data work uses daily; frameworks that are skills of their own
# (PyTorch, Django, scikit-learn, Shiny) are not here.
LIBRARY_OF = {"pandas": "Python", "NumPy": "Python", "SciPy": "Python", "Matplotlib": "Python",
              "Seaborn": "Python", "Jupyter": "Python", "Pydantic": "Python",
              "Tidyverse": "R", "ggplot2": "R", "data.table": "R"}


HEADER = """\
# Tool catalog: the technologies job postings name, their spellings and first public release.
#
# GENERATED by scripts/build_tool_catalog.py on {date} from
#   ../shared/domain/tech-catalog.yaml ({n_src} entries, compiled Dec 2026; sources: GitHub
#   linguist languages.yml, CNCF landscape.yml, Stack Overflow Developer Survey write-ups as a
#   checklist, the compiler's knowledge) and the hand-checked rows of
#   ../shared/domain/tool-release-dates.md (compiled Nov 2026), whose dates, H/M confidence and
#   source keys are kept where the catalog only has a `knowledge` date; then the repository's
#   additions in scripts/tools_extra.yaml ({n_extra} entries: recognition only, never dated).
# Edit the shared catalog (or scripts/tools_checked.yaml, scripts/tools_extra.yaml,
# scripts/tools_ordinary.yaml) and re-run
# the script; do not edit here.
#
# Fields:
#   name          canonical name; category (see tech-catalog.md); kind: technique | model when the
#                 entry is an idea or a model, not a stack tool; parent: the product family;
#                 library_of: the language whose everyday library it is
#   first_release YYYY or YYYY-MM, earliest public availability
#   confidence    H primary record | M secondary sources | R recall, unchecked (catalog rows with
#                 release_source: knowledge): rules that judge dates only warn for R rows
#   source        source keys of tool-release-dates.md, a URL, or "tech-catalog (knowledge, unverified)"
#   versions      major version -> YYYY-MM it became available (scripts/tool_versions.yaml,
#                 unverified): "10 years of Unreal Engine 5" is measured from UE5's date
# How names match (jdlint/toolmatch.py):
#   name, aliases any case, whole word ("label_only: true": the name is a label, only aliases match)
#   exact         exactly this case, whole word
#   context       exactly this case AND only in tech context: listed next to another tool, after
#                 "experience with", "written in", ..., before "jobs", "cluster", ..., or near the
#                 tool's own cues
#   cues          per-tool context from the catalog's hint: words right before (before) or after
#                 (after) the name, or anywhere in the same sentence (near)
tools:
"""


class _Quoted(str):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_Quoted, lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", str(v), style='"'))


def _render(entries: list[dict], n_src: int, n_extra: int) -> str:
    lines = [HEADER.format(date=_dt.date.today().isoformat(), n_src=n_src, n_extra=n_extra)]
    for e in entries:
        if e.get("first_release") is not None:
            e["first_release"] = _Quoted(e["first_release"])
        lines.append("  - " + yaml.dump(e, Dumper=_Dumper, default_flow_style=True, sort_keys=False, width=10**6,
                                         allow_unicode=True).strip() + "\n")
    return "".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("catalog", nargs="?", default=str(DEFAULT_SRC))
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    args = ap.parse_args(argv)
    text, stats = build(Path(args.catalog))
    Path(args.out).write_text(text, encoding="utf-8")
    n = text.count("\n  - ")
    print(f"wrote {args.out}: {n} tools, {stats['context']} with context-guarded spellings, "
          f"{stats['kept_facts']} hand-checked dates kept", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
