#!/usr/bin/env python3
"""Tool recognition quality against hand labels.

    python bench/tool_quality.py [--corpus DIR] [--labels FILE] [-v]

Runs ``jdlint.toolmatch.tool_facts`` over every posting of the corpus (SOURCES.md skipped) and
compares the (posting, canonical tool) pairs with the labels: recall, precision, and, on the
pairs found by both, how often the role agrees. Prints misses and false positives per category
and a confusion table of roles.

Label conventions (shared/corpus/labels/README.md): techniques, practices, protocols and
standards are not tools, so mentions of catalog entries of kind ``technique`` are not counted
as predictions. The labels' canonical names may be spelled differently from the catalog's
("Postgres" vs "PostgreSQL", "Salt (SaltStack)"): both sides are normalised through the
catalog's names and aliases. That mapping is evaluation code, not catalog tuning.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from jdlint.document import Document  # noqa: E402
from jdlint.toolmatch import ROLES, tool_facts  # noqa: E402
from jdlint.vocab import load_vocab  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "real"
DEFAULT_LABELS = REPO.parent / "shared" / "corpus" / "labels" / "tools.yaml"


def canon(name: str, vocab) -> str:
    """A label's canonical name through the catalog: the name, then the name without a
    parenthesised part, then the parenthesised part ("Salt (SaltStack)")."""
    base = re.sub(r"\s*\([^)]*\)", "", name)
    words = base.split()
    tries = [name, base] + re.findall(r"\(([^)]*)\)", name)
    tries += [" ".join(words[:k]) for k in range(len(words) - 1, 0, -1)]  # "Sisense for Cloud Data Teams"
    for t in tries:
        tool = vocab.tool_by_name(t)
        if tool is not None:
            return tool.name
    return name


def evaluate(corpus: Path, labels_path: Path, vocab=None):
    vocab = vocab or load_vocab()
    labels = yaml.safe_load(labels_path.read_text(encoding="utf-8"))
    gold: dict[tuple[str, str], dict] = {}
    for post in labels:
        for t in post.get("tools") or []:
            gold[(post["file"], canon(t["canonical"], vocab))] = t
    pred: dict[tuple[str, str], dict] = {}
    for path in sorted(corpus.glob("*.md")):
        if path.name == "SOURCES.md":
            continue
        doc = Document.parse(path.read_text(encoding="utf-8"), str(path), vocab)
        strongest: dict[str, object] = {}
        for f in tool_facts(doc, vocab):
            if f.kind in ("technique", "protocol", "format"):
                continue
            cur = strongest.get(f.name)
            if cur is None or ROLES.index(f.role) < ROLES.index(cur.role):
                strongest[f.name] = f
        for name, f in strongest.items():
            pred[(path.name, name)] = {"role": f.role, "line": f.line, "surface": f.surface,
                                       "category": f.category, "reason": f.reason, "alts": f.alternatives}
    return gold, pred, vocab


def report(gold, pred, vocab, verbose=False, out=sys.stdout):
    both = set(gold) & set(pred)
    recall = len(both) / len(gold) if gold else 1.0
    precision = len(both) / len(pred) if pred else 1.0
    right = sum(1 for k in both if gold[k]["role"] == pred[k]["role"])
    role_acc = right / len(both) if both else 1.0
    print(f"labels {len(gold)}  predicted {len(pred)}  matched {len(both)}", file=out)
    print(f"recall {recall:.3f}  precision {precision:.3f}  role accuracy {role_acc:.3f} ({right}/{len(both)})", file=out)

    def cat_of(name):
        tool = vocab.tool_by_name(name)
        return tool.category if tool else "(not in catalog)"

    misses = defaultdict(list)
    for k in sorted(set(gold) - set(pred)):
        misses[cat_of(k[1])].append(f"{k[0]}:{gold[k]['line']} {gold[k]['name']!r}")
    fps = defaultdict(list)
    for k in sorted(set(pred) - set(gold)):
        fps[pred[k]["category"]].append(f"{k[0]}:{pred[k]['line']} {pred[k]['surface']!r} -> {k[1]}")
    print("\nmisses by category:", file=out)
    for cat, rows in sorted(misses.items(), key=lambda x: -len(x[1])):
        print(f"  {cat}: {len(rows)}", file=out)
        for r in rows if verbose else rows[:4]:
            print(f"      {r}", file=out)
    print("\nfalse positives by category:", file=out)
    for cat, rows in sorted(fps.items(), key=lambda x: -len(x[1])):
        print(f"  {cat}: {len(rows)}", file=out)
        for r in rows if verbose else rows[:4]:
            print(f"      {r}", file=out)
    conf = Counter((gold[k]["role"], pred[k]["role"]) for k in both)
    print("\nroles: rows = label, columns = predicted", file=out)
    print("  " + " " * 12 + "".join(f"{r[:10]:>11}" for r in ROLES), file=out)
    for g in ROLES:
        print("  " + f"{g:<12}" + "".join(f"{conf[(g, p)]:>11}" for p in ROLES), file=out)
    if verbose:
        print("\nrole errors:", file=out)
        for k in sorted(both):
            if gold[k]["role"] != pred[k]["role"]:
                print(f"  {k[0]}:{pred[k]['line']} {k[1]}: label {gold[k]['role']} "
                      f"(line {gold[k].get('role_line', gold[k]['line'])}), got {pred[k]['role']} [{pred[k]['reason']}]",
                      file=out)
    return recall, precision, role_acc


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--labels", default=str(DEFAULT_LABELS))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    gold, pred, vocab = evaluate(Path(args.corpus), Path(args.labels))
    report(gold, pred, vocab, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
