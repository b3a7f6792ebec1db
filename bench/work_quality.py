#!/usr/bin/env python3
"""How well the work-family classifier (jdlint.workfamily) labels work items.

    python bench/work_quality.py [--test FILE] [--holdout FILE] [--model FILE] [--cv K] [--summary]

Figures, each on items NOT labelled ``generic``: accuracy (an item with an ``alt`` is right with
either family; an item the classifier leaves unclassified is wrong), macro-F1 over the families
present, per-family precision/recall/F1; plus how many ``generic`` items get a family (fewer is
better), a confusion table and the 30 worst misses (most confident wrong answers).

Sets:
- the test set: ``/work/shared/corpus/labels/responsibilities.yaml`` by default (real postings;
  never trained on);
- the hold-out: ``tests/data/work-items-holdout.yaml`` (written in deliberately different
  wording; never trained on);
- the training data, by k-fold cross-validation (each item predicted by a model trained without
  it), for ``data/work-items/ai-work-items.yaml`` and for all of ``data/work-items/`` — these are
  the only honest training-set figures; the shipped model scores near 100% on its own data.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from jdlint import workfamily as wf  # noqa: E402

SHORT = {"data-scientist": "DS", "data-analyst": "DA", "analytics-engineer": "AnE", "data-engineer": "DE",
         "ml-engineer": "MLE", "mlops": "MLOp", "ai-engineer": "AIE", "researcher": "Res", "research-engineer": "ReE",
         "software-engineer": "SWE", "sre-devops": "SRE", "security": "Sec", "product-manager": "PM",
         "leadership": "Lead", "designer": "Des", "other-specialist": "Oth", "generic": "Gen"}
DEFAULT_TEST = Path("/work/shared/corpus/labels/responsibilities.yaml")
DEFAULT_HOLDOUT = ROOT / "tests" / "data" / "work-items-holdout.yaml"


def load(path: Path) -> list[dict]:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [e for e in doc if isinstance(e, dict) and isinstance(e.get("text"), str) and e.get("family")]


def score(items: list[dict], preds: list[wf.Classification]) -> dict:
    fam_items = [(it, p) for it, p in zip(items, preds) if it["family"] != wf.GENERIC]
    right = 0
    gold_eff, pred_l = [], []
    for it, p in fam_items:
        ok = p.family is not None and p.family in (it["family"], it.get("alt"))
        right += ok
        gold_eff.append(p.family if ok else it["family"])
        pred_l.append(p.family)
    fams = sorted(set(gold_eff))
    per = {}
    for f in fams:
        tp = sum(1 for g, q in zip(gold_eff, pred_l) if g == f and q == f)
        fp = sum(1 for g, q in zip(gold_eff, pred_l) if g != f and q == f)
        fn = sum(1 for g, q in zip(gold_eff, pred_l) if g == f and q != f)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        per[f] = {"support": tp + fn, "precision": pr, "recall": rc, "f1": f1}
    gen = [(it, p) for it, p in zip(items, preds) if it["family"] == wf.GENERIC]
    gen_assigned = [(it, p) for it, p in gen if p.family is not None]
    confusion = Counter((g, q or "-") for g, q in zip(gold_eff, pred_l))
    misses = sorted(((it, p) for it, p in fam_items if not (p.family and p.family in (it["family"], it.get("alt")))),
                    key=lambda ip: -ip[1].score)
    return {
        "n": len(fam_items), "accuracy": right / max(1, len(fam_items)),
        "macro_f1": sum(v["f1"] for v in per.values()) / max(1, len(per)),
        "abstained": sum(1 for _, p in fam_items if p.family is None),
        "per_family": per, "generic_n": len(gen), "generic_assigned": len(gen_assigned),
        "generic_assigned_alt_ok": sum(1 for it, p in gen_assigned if p.family == it.get("alt")),
        "confusion": confusion, "misses": misses, "generic_examples": gen_assigned,
    }


def line(name: str, s: dict) -> str:
    g = f"generic given a family {s['generic_assigned']}/{s['generic_n']}" if s["generic_n"] else "no generic items"
    return (f"{name:<34} n={s['n']:<5} accuracy {s['accuracy']:.3f}  macro-F1 {s['macro_f1']:.3f}  "
            f"abstained {s['abstained']}  {g}")


def report(name: str, s: dict, worst: int = 30) -> None:
    print(f"\n## {name}\n")
    print(line(name, s))
    print(f"\n{'family':<20}{'support':>8}{'prec':>7}{'recall':>8}{'F1':>7}")
    for f, v in sorted(s["per_family"].items(), key=lambda kv: -kv[1]["support"]):
        print(f"{f:<20}{v['support']:>8}{v['precision']:>7.2f}{v['recall']:>8.2f}{v['f1']:>7.2f}")
    fams = sorted({g for g, _ in s["confusion"]} | {q for _, q in s["confusion"] if q != "-"})
    short = {f: SHORT.get(f, f[:4]) for f in fams}
    print("\nconfusion (rows: gold, alt-adjusted; columns: predicted; '-' = abstained)")
    print(" " * 20 + "".join(f"{short[f]:>5}" for f in fams) + f"{'-':>5}")
    for g in fams:
        print(f"{g:<20}" + "".join(f"{s['confusion'].get((g, q), 0) or '.':>5}" for q in fams + ["-"]))
    if worst:
        print(f"\n{min(worst, len(s['misses']))} worst misses (gold[/alt] -> predicted, score, evidence)")
        for it, p in s["misses"][:worst]:
            gold = it["family"] + (f"/{it['alt']}" if it.get("alt") else "")
            print(f"  {gold} -> {p.family or '(none: ' + str(p.top) + ')'} {p.score:.2f} {list(p.evidence)}: {it['text'][:150]}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--test", type=Path, default=DEFAULT_TEST)
    ap.add_argument("--holdout", type=Path, default=DEFAULT_HOLDOUT)
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--data", type=Path, default=ROOT / "data" / "work-items")
    ap.add_argument("--cv", type=int, default=5, help="folds for the training-data figures (0: skip)")
    ap.add_argument("--summary", action="store_true", help="one line per set")
    ap.add_argument("--worst", type=int, default=30)
    args = ap.parse_args(argv)
    model = wf.load_model(str(args.model) if args.model else None)

    results = []
    for name, path in (("test: responsibilities.yaml", args.test), ("hold-out: written, not trained", args.holdout)):
        if path and path.exists():
            items = load(path)
            t0 = time.perf_counter()
            preds = [model.classify(it["text"]) for it in items]
            ms = (time.perf_counter() - t0) * 1000 / max(1, len(items))
            results.append((name, score(items, preds), ms))
    if args.cv > 1:
        import train_work_model as tw

        files = tw.data_files(args.data)
        everything = tw.load_items(files, warn=False)
        ai = [it for it in everything if it["source"] == "ai-work-items.yaml"]
        for name, items in ((f"cv{args.cv}: ai-work-items", ai), (f"cv{args.cv}: all training data", everything)):
            if not items:
                continue
            raw = tw.cross_val_predictions(everything if items is everything else items, args.cv)
            preds = [wf.Classification(p.top if (p.top != wf.GENERIC and p.score >= model.min_prob) else None,
                                       p.score, p.evidence, p.runner_up, p.margin, p.top) for p in raw]
            results.append((name, score(items, preds), None))
    if args.summary:
        for name, s, ms in results:
            print(line(name, s) + (f"  {ms:.2f} ms/item" if ms else ""))
        return 0
    for name, s, ms in results:
        report(name, s, args.worst)
        if ms:
            print(f"\n{ms:.3f} ms per item")
    return 0


if __name__ == "__main__":
    sys.exit(main())
