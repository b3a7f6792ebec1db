#!/usr/bin/env python3
"""jdlint's quality on text it was not tuned to: the figures the team watches.

    python bench/quality.py              # everything; writes bench/QUALITY.md
    python bench/quality.py --summary    # the headline table only (also written)

Measures, each against its target:

- the responsibility classifier on ``../shared/corpus/labels/responsibilities.yaml`` (real work
  items labelled blind): accuracy and macro-F1 over families, leaving out items labelled
  ``generic`` (an item with an ``alt`` counts as right with either), per-family precision,
  recall and F1, and how often a ``generic`` item is given a family;
- tool recognition on ``../shared/corpus/labels/tools.yaml``: recall and precision on
  (posting, tool), and how often the role (required / preferred / alternative / team-stack)
  is right (``bench/tool_quality.py`` has the details);
- every rule on the fixtures: precision and recall of its inline expectations;
- the default run on ``../shared/corpus/real``: findings per rule and info findings per posting.

The labels are a development set: these figures are for watching, not for tuning to the
labels' exact words (postings nobody here has seen measure the same things).
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "real"
LABELS = SHARED / "corpus" / "labels"

TARGETS = {
    "work accuracy": 0.85, "work macro-F1": 0.80,
    "tool recall": 0.90, "tool precision": 0.95, "tool role accuracy": 0.85,
    "info findings per posting": 3.0,
}


# -- the responsibility classifier ---------------------------------------------------------

def _posting_context(posting: Path, vocab, lines: list[int]) -> tuple[str | None, list[int] | None]:
    """What the linter reads a posting's items with: the family of its title, and the section
    (its heading's line) that holds each labelled line. (None, None) when the posting is not there."""
    from jdlint.document import Document
    from jdlint.domain import facts_for

    if not posting.is_file():
        return None, None
    doc = Document.parse(posting.read_text(encoding="utf-8"), str(posting), vocab)
    title = facts_for(doc, vocab).title
    starts = sorted(sec.line for sec in doc.sections)
    groups = [max((s for s in starts if s <= line), default=0) for line in lines]
    return (title.family if title is not None else None), groups


def work_quality(labels_path: Path, corpus: Path) -> dict:
    from jdlint.vocab import load_vocab

    vocab = load_vocab()
    items = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
    rows = []
    started = time.perf_counter()
    # Each posting's items are read together, as the linter reads a posting's work items: a
    # close call goes the way its title, its section and the rest of its work read.
    by_file: dict[str, list[dict]] = {}
    for it in items:
        by_file.setdefault(str(it.get("file", "")), []).append(it)
    for name, group in by_file.items():
        title_family, sections = (_posting_context(corpus / name, vocab, [int(it.get("line") or 0) for it in group])
                                  if name else (None, None))
        for it, v in zip(group, vocab.classify_items([it["text"] for it in group], title_family, sections)):
            rows.append((it, v.family, v.evidence))
    per_item_ms = (time.perf_counter() - started) * 1000 / max(len(items), 1)
    scored = [(it, fam) for it, fam, _w in rows if it["family"] != "generic"]
    right = 0
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    confusion: Counter = Counter()
    misses = []
    for it, fam in scored:
        gold = {it["family"]} | ({it["alt"]} if it.get("alt") else set())
        if fam in gold:
            right += 1
            tp[fam] += 1
        else:
            fn[it["family"]] += 1
            if fam is not None:
                fp[fam] += 1
            misses.append((it, fam))
        confusion[(it["family"], fam or "(none)")] += 1
    generic = [(it, fam) for it, fam, _w in rows if it["family"] == "generic"]
    generic_assigned = sum(1 for _it, fam in generic if fam is not None)
    families = sorted({it["family"] for it, _f in scored})
    per_family = {}
    f1s = []
    for f in families:
        p = tp[f] / (tp[f] + fp[f]) if tp[f] + fp[f] else 0.0
        r = tp[f] / (tp[f] + fn[f]) if tp[f] + fn[f] else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        n = sum(1 for it, _ in scored if it["family"] == f)
        per_family[f] = (n, p, r, f1)
        f1s.append(f1)
    return {
        "items": len(scored), "accuracy": right / len(scored) if scored else 0.0,
        "macro_f1": sum(f1s) / len(f1s) if f1s else 0.0, "per_family": per_family,
        "unclassified": sum(1 for _it, fam in scored if fam is None),
        "generic": len(generic), "generic_assigned": generic_assigned,
        "per_item_ms": per_item_ms, "misses": misses, "confusion": confusion,
    }


# -- tools -------------------------------------------------------------------------------------

def tool_quality(corpus: Path, labels_path: Path) -> dict:
    import tool_quality as tq

    gold, pred, _vocab = tq.evaluate(corpus, labels_path)
    both = set(gold) & set(pred)
    right = sum(1 for k in both if gold[k]["role"] == pred[k]["role"])
    by_role: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for k in both:
        by_role[gold[k]["role"]][1] += 1
        if gold[k]["role"] == pred[k]["role"]:
            by_role[gold[k]["role"]][0] += 1
    return {
        "labels": len(gold), "predicted": len(pred), "matched": len(both),
        "recall": len(both) / len(gold) if gold else 1.0,
        "precision": len(both) / len(pred) if pred else 1.0,
        "role_accuracy": right / len(both) if both else 1.0,
        "by_role": dict(by_role),
        "misses": sorted(set(gold) - set(pred)), "false_positives": sorted(set(pred) - set(gold)),
    }


# -- rules on the fixtures ----------------------------------------------------------------------

def fixture_quality() -> dict:
    from tests.conftest import FIXTURES, compare, parse_expectations

    from jdlint.engine import lint_paths
    from jdlint.registry import builtin_rules

    names = [r.name for r in builtin_rules()]
    default = [r.name for r in builtin_rules() if not r.opt_in]
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    for path in sorted(FIXTURES.glob("*/*.md")):
        text = path.read_text(encoding="utf-8")
        expected = parse_expectations(text)
        realistic = path.parent.name == "realistic"
        select = None if realistic else default + [path.parent.name]
        (result,) = list(lint_paths([str(path)], select=select, today=date(2026, 11, 23)))
        found = result.findings if realistic else [f for f in result.findings if f.rule == path.parent.name]
        missing, unexpected = compare(expected, found)
        for rule, _line in expected:
            tp[rule] += 1
        for rule, _line in missing:
            tp[rule] -= 1
            fn[rule] += 1
        for f in unexpected:
            fp[f.rule] += 1
    out = {}
    for n in names:
        p = tp[n] / (tp[n] + fp[n]) if tp[n] + fp[n] else 1.0
        r = tp[n] / (tp[n] + fn[n]) if tp[n] + fn[n] else 1.0
        out[n] = (tp[n], fp[n], fn[n], p, r)
    return out


# -- the default run on the real corpus -----------------------------------------------------------

def corpus_run(corpus: Path) -> dict:
    from jdlint.engine import lint_paths
    from jdlint.finding import Severity

    postings = [p for p in sorted(corpus.glob("*.md")) if p.name != "SOURCES.md"]
    by_rule: Counter = Counter()
    by_sev: Counter = Counter()
    errors = []
    # The corpus is ours and trusted; a copy of it may be laid out as symlinks.
    for result in lint_paths([str(p) for p in postings], follow_links=True):
        if result.error:
            errors.append(result.error)
            continue
        for f in result.findings:
            by_rule[(f.rule, str(f.severity))] += 1
            by_sev[f.severity] += 1
    n = len(postings)
    return {"postings": n, "by_rule": by_rule, "errors": errors,
            "info_per_posting": by_sev[Severity.INFO] / n if n else 0.0,
            "warnings_per_posting": by_sev[Severity.WARNING] / n if n else 0.0}


# -- role fit on postings written in other words --------------------------------------------

ROLE_FIT = ("title-scope-mismatch", "conflated-roles")


def rolefit_quality(folder: Path) -> dict | None:
    """Precision and recall of the role-fit rules on a folder of postings with a key.yaml."""
    from jdlint.engine import lint_paths

    key_path = folder / "key.yaml"
    if not key_path.is_file():
        return None
    key = {e["file"]: set(e.get("expect") or []) for e in yaml.safe_load(key_path.read_text(encoding="utf-8"))}
    got: dict[str, set] = {name: set() for name in key}
    for result in lint_paths([str(folder / name) for name in sorted(key)], select=list(ROLE_FIT)):
        got[Path(result.path).name] = {f.rule for f in result.findings}
    per_rule = {}
    for rule in ROLE_FIT:
        tp = sum(1 for n in key if rule in key[n] and rule in got[n])
        fp = sorted(n for n in key if rule not in key[n] and rule in got[n])
        fn = sorted(n for n in key if rule in key[n] and rule not in got[n])
        per_rule[rule] = (tp, fp, fn)
    return {"name": f"bench/{folder.name}", "postings": len(key), "per_rule": per_rule}


# -- the report --------------------------------------------------------------------------------

def _mark(value: float, target: float, higher_is_better: bool = True) -> str:
    ok = value >= target if higher_is_better else value <= target
    return "met" if ok else "**not met**"


def render(work: dict | None, tools: dict | None, fixtures: dict, corpus: dict | None, summary_only: bool,
           rolefits: list[dict] | None = None, unseen: list[dict] | None = None) -> str:
    out = ["# jdlint quality", "",
           f"Written by `python bench/quality.py` on {date.today().isoformat()}. The labels are a development "
           "set (`../shared/corpus/labels`): watch these figures, do not tune to the labels' words.", "",
           "| measure | value | target | |", "| --- | ---: | ---: | --- |"]
    if work:
        out.append(f"| responsibilities: accuracy ({work['items']} non-generic items) | {work['accuracy']:.3f} | "
                   f"{TARGETS['work accuracy']:.2f} | {_mark(work['accuracy'], TARGETS['work accuracy'])} |")
        out.append(f"| responsibilities: macro-F1 over families | {work['macro_f1']:.3f} | "
                   f"{TARGETS['work macro-F1']:.2f} | {_mark(work['macro_f1'], TARGETS['work macro-F1'])} |")
        out.append(f"| responsibilities: generic items given a family | {work['generic_assigned']}/{work['generic']} | | |")
        out.append(f"| responsibilities: time per item | {work['per_item_ms']:.3f} ms | 1 ms | "
                   f"{_mark(work['per_item_ms'], 1.0, False)} |")
    if tools:
        for key, label in (("recall", "tool recall"), ("precision", "tool precision"),
                           ("role_accuracy", "tool role accuracy")):
            out.append(f"| tools: {key.replace('_', ' ')} ({tools['labels']} labelled) | {tools[key]:.3f} | "
                       f"{TARGETS[label]:.2f} | {_mark(tools[key], TARGETS[label])} |")
    if corpus:
        out.append(f"| real corpus: info findings per posting ({corpus['postings']} postings) | "
                   f"{corpus['info_per_posting']:.2f} | {TARGETS['info findings per posting']:.0f} | "
                   f"{_mark(corpus['info_per_posting'], TARGETS['info findings per posting'], False)} |")
    for ws in unseen or []:
        out.append(f"| bench/{ws['name']} (written blind, {ws['items']} non-generic items): responsibilities accuracy / macro-F1 | "
                   f"{ws['accuracy']:.3f} / {ws['macro_f1']:.3f} | "
                   f"{TARGETS['work accuracy']:.2f} / {TARGETS['work macro-F1']:.2f} | "
                   f"{_mark(ws['accuracy'], TARGETS['work accuracy'])} / {_mark(ws['macro_f1'], TARGETS['work macro-F1'])} |")
    for rolefit in rolefits or []:
        for rule, (tp, fp, fn) in rolefit["per_rule"].items():
            p = tp / (tp + len(fp)) if tp + len(fp) else 1.0
            r = tp / (tp + len(fn)) if tp + len(fn) else 1.0
            out.append(f"| {rolefit['name']} ({rolefit['postings']} postings in other words): {rule} precision / recall | "
                       f"{p:.2f} / {r:.2f} | | |")
    worst = sorted(fixtures.items(), key=lambda x: min(x[1][3], x[1][4]))[:1]
    if worst:
        name, (_tp, _fp, _fn, p, r) = worst[0]
        out.append(f"| fixtures: lowest rule precision / recall | {name}: {p:.2f} / {r:.2f} | 1.00 | "
                   f"{_mark(min(p, r), 1.0)} |")
    if summary_only:
        return "\n".join(out) + "\n"
    if work:
        out += ["", "## Responsibilities, per family", "", "| family | items | precision | recall | F1 |",
                "| --- | ---: | ---: | ---: | ---: |"]
        for fam, (n, p, r, f1) in sorted(work["per_family"].items(), key=lambda x: -x[1][0]):
            out.append(f"| {fam} | {n} | {p:.2f} | {r:.2f} | {f1:.2f} |")
        out += ["", f"Unclassified (counted wrong): {work['unclassified']}.", "",
                "Most frequent confusions (label -> given):", ""]
        errs = [(k, v) for k, v in work["confusion"].most_common() if k[0] != k[1]]
        for (gold, given), n in errs[:12]:
            out.append(f"- {gold} -> {given}: {n}")
    if tools:
        out += ["", "## Tools", "",
                f"{tools['matched']} of {tools['labels']} labelled (posting, tool) pairs found; "
                f"{tools['predicted']} predicted. Role accuracy by labelled role:", ""]
        for role, (ok, n) in sorted(tools["by_role"].items()):
            out.append(f"- {role}: {ok}/{n}")
        out += ["", f"Misses ({len(tools['misses'])}): " + ", ".join(f"{p}: {t}" for p, t in tools["misses"][:30])]
        out += ["", f"False positives ({len(tools['false_positives'])}): "
                + ", ".join(f"{p}: {t}" for p, t in tools["false_positives"][:30])]
    for rolefit in rolefits or []:
        out += ["", f"## Role fit on {rolefit['name']}", ""]
        for rule, (tp, fp, fn) in rolefit["per_rule"].items():
            out.append(f"- {rule}: {tp} found; false positives: {', '.join(fp) or 'none'}; missed: {', '.join(fn) or 'none'}")
    out += ["", "## Rules on the fixtures", "", "| rule | expected found | unexpected | missed | precision | recall |",
            "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for name, (tp, fp, fn, p, r) in fixtures.items():
        out.append(f"| {name} | {tp} | {fp} | {fn} | {p:.2f} | {r:.2f} |")
    if corpus:
        out += ["", f"## The default run on the real corpus ({corpus['postings']} postings)", "",
                "| rule | severity | findings |", "| --- | --- | ---: |"]
        for (rule, sev), n in sorted(corpus["by_rule"].items(), key=lambda x: -x[1]):
            out.append(f"| {rule} | {sev} | {n} |")
        if corpus["errors"]:
            out += ["", "Errors:", ""] + [f"- {e}" for e in corpus["errors"]]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--summary", action="store_true", help="print and write only the headline table")
    ap.add_argument("--labels", default=str(LABELS), help="folder of responsibilities.yaml and tools.yaml")
    ap.add_argument("--corpus", default=str(CORPUS), help="folder of real postings")
    ap.add_argument("--out", default=str(REPO / "bench" / "QUALITY.md"))
    args = ap.parse_args(argv)
    labels, corpus_dir = Path(args.labels), Path(args.corpus)
    work = work_quality(labels / "responsibilities.yaml", corpus_dir) if (labels / "responsibilities.yaml").exists() else None
    tools = tool_quality(corpus_dir, labels / "tools.yaml") if (labels / "tools.yaml").exists() and corpus_dir.is_dir() else None
    fixtures = fixture_quality()
    corpus = corpus_run(corpus_dir) if corpus_dir.is_dir() else None
    if work is None or tools is None:
        print(f"note: labels or corpus not found under {labels} / {corpus_dir}; those figures are left out",
              file=sys.stderr)
    # Every bench/rolefit* folder with a key: postings written in other words by helpers who
    # never saw the code (the newer ones are unseen text until a change is tuned on them).
    rolefits = [r for d in sorted((REPO / "bench").glob("rolefit*")) if (r := rolefit_quality(d))]
    # bench/worktest*: postings with labelled work units, written blind (see their READMEs).
    unseen = [dict(work_quality(d / "labels.yaml", d), name=d.name)
              for d in sorted((REPO / "bench").glob("worktest*")) if (d / "labels.yaml").is_file()]
    text = render(work, tools, fixtures, corpus, args.summary, rolefits, unseen)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
