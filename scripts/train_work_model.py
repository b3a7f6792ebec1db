#!/usr/bin/env python3
"""Train the work-family model (rules/vocab/work_model.json) from data/work-items/*.yaml.

    python scripts/train_work_model.py [--data DIR] [--out FILE] [--cv K]

A multinomial logistic regression over ``jdlint.workfamily.features``, trained full-batch with
Adam in numpy (a development dependency only: inference is pure Python). Deterministic: fixed
seed, fixed item order, fixed iteration count; re-running the script reproduces the file byte for
byte. Items with an ``alt`` family train towards both (soft target). Classes are weighted by
1/sqrt(frequency) so the small families are not drowned by the large ones. The abstain threshold
is chosen by k-fold cross-validation on the training data (never on the test set).

Training data format: a YAML list of {text, family, alt?} mappings (other keys ignored).
Malformed entries (no text, unknown family) are skipped with a warning.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jdlint import workfamily as wf  # noqa: E402

FAMILIES = ["data-scientist", "data-analyst", "analytics-engineer", "data-engineer", "ml-engineer",
            "mlops", "ai-engineer", "researcher", "research-engineer", "software-engineer",
            "sre-devops", "security", "product-manager", "leadership", "designer",
            "other-specialist", "generic"]

HYPER = {"l2": 1e-5, "epochs": 300, "lr": 0.2, "alt_weight": 0.35, "min_count": 3,
         "prune": 0.3, "round": 1, "seed": 13, "class_power": 1.0, "scale": "sqrt"}
# How far the rest of a posting's work moves a close call (``WorkModel.classify_many``): a
# family's logit gains CONTEXT_WEIGHT times its share of the other items' work, and
# SECTION_WEIGHT times its share of the work of the other items in the same section, so a
# posting made all of one family adds at most three logits to it. That settles items whose own
# words leave two families within about e^3 (20x) of each other and leaves clear items alone;
# the section counts twice the page because a job-family page's levels and specialties (a
# "Data Governance" director, an "Infrastructure" specialty) differ from the page as a whole.
CONTEXT_WEIGHT = 1.0
SECTION_WEIGHT = 2.0
# How far the posting's title moves every item towards its family: two logits (e^2, about 7x),
# enough for "analyse the data to help users decide" to read as data science under a Data
# Scientist title, too little to hide statistical modelling under a Data Engineer title. The
# role-fit rules never read it: they compare the title with what the work says on its own.
TITLE_WEIGHT = 2.0
# The title settles close calls, it does not overturn clear ones: an item whose own words give
# another family TITLE_CLEAR_PROB or more feels TITLE_CLEAR_SHARE of the title's pull ("Develop
# data governance policies" at 0.8 other-specialist stays governance under a Data Executive
# title). Chosen with the work-item sets: dev labels 0.825 -> 0.827, worktest 0.903 -> 0.903, no
# role-fit change on the five rolefit sets.
# The same share applies to the rest of the posting's pull (CONTEXT_WEIGHT, SECTION_WEIGHT) on
# such an item: six pipeline duties around one penetration test leave it a sure security duty.
TITLE_CLEAR_PROB = 0.8
TITLE_CLEAR_SHARE = 0.5
# A sentence of a posting whose own words lean only a little towards "true of any job"
# ("Unblock colleagues in other departments who need data" under a Data Analyst title) is the
# hire's work as the title reads it: under a title with a family, the generic reading loses
# TITLE_GENERIC logits (e, about 2.7x). Only the titled reading feels it; the role-fit rules
# compare the title with the work read without it (they consult the titled reading only for
# duties it is sure of). Chosen with the work-item sets at one round logit (stop 31's training
# data): dev labels 0.839 -> 0.852 (generic-labelled sentences given a family 226 -> 277 of 352:
# the price, since the dev score leaves them out), worktest 0.899 -> 0.903, worktest2 unchanged
# at 0.841. On the blind sets it added one conflated-roles finding judged wrong
# (bench/rolefit2/posting-18, a Business Analyst doing IT support, where the rule read the
# title's one analysis duty) and reworded two; since 20b2ae5 the title's side of a pair needs a
# duty whose own words read as it, and that finding is gone (rolefit2 precision back to 1.00).
TITLE_GENERIC = 1.0


def data_files(data_dir: Path) -> list[Path]:
    return sorted(data_dir.glob("*.yaml"))


def load_items(files: list[Path], warn=True) -> list[dict]:
    items = []
    for f in files:
        try:
            doc = yaml.safe_load(f.read_text(encoding="utf-8"))
        except yaml.YAMLError as e:
            if warn:
                print(f"warning: {f.name}: not valid YAML, skipped: {e}", file=sys.stderr)
            continue
        if not isinstance(doc, list):
            if warn:
                print(f"warning: {f.name}: not a list, skipped", file=sys.stderr)
            continue
        for n, e in enumerate(doc):
            ok = (isinstance(e, dict) and isinstance(e.get("text"), str) and e["text"].strip()
                  and e.get("family") in FAMILIES and (e.get("alt") is None or e.get("alt") in FAMILIES))
            if not ok:
                if warn:
                    print(f"warning: {f.name}: entry {n} malformed, skipped: {str(e)[:80]}", file=sys.stderr)
                continue
            items.append({"text": e["text"].strip(), "family": e["family"], "alt": e.get("alt"),
                          "source": f.name})
    return items


def vectorise(items, vocab=None, min_count=2, scale="sqrt", drop=()):
    feats = [sorted({f.name for f in wf.features(it["text"]) if not f.name.startswith(tuple(drop))}) for it in items]
    if vocab is None:
        counts: dict[str, int] = {}
        for fs in feats:
            for f in fs:
                counts[f] = counts.get(f, 0) + 1
        keep = sorted(f for f, c in counts.items()
                      if c >= min_count or f.startswith(("c:", "tool:", "first:", "shape:", "len:")) or f == "bias")
        vocab = {f: i for i, f in enumerate(keep)}
    rows, cols, vals = [], [], []
    for r, fs in enumerate(feats):
        x = 1.0 / np.sqrt(max(1, len(fs))) if scale == "sqrt" else 1.0
        for f in fs:
            if f in vocab:
                rows.append(r)
                cols.append(vocab[f])
                vals.append(1.0 if f == "bias" else x)
    return (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64),
            np.array(vals, dtype=np.float64)), vocab


def targets(items, hyper):
    Y = np.zeros((len(items), len(FAMILIES)))
    for r, it in enumerate(items):
        a = it.get("alt")
        if a and a != it["family"]:
            Y[r, FAMILIES.index(it["family"])] = 1 - hyper["alt_weight"]
            Y[r, FAMILIES.index(a)] = hyper["alt_weight"]
        else:
            Y[r, FAMILIES.index(it["family"])] = 1.0
    counts = np.bincount([FAMILIES.index(it["family"]) for it in items], minlength=len(FAMILIES)).astype(float)
    cw = np.where(counts > 0, (counts.sum() / np.maximum(counts, 1) / len(FAMILIES)) ** hyper["class_power"], 0.0)
    sw = np.array([cw[FAMILIES.index(it["family"])] for it in items])
    return Y, sw / sw.mean()


def fit(X, n_rows, n_feats, Y, sw, hyper, l2vec=None):
    rows, cols, vals = X
    l2 = hyper["l2"] if l2vec is None else l2vec[:, None]
    rng = np.random.default_rng(hyper["seed"])
    W = rng.normal(0, 1e-3, size=(n_feats, Y.shape[1]))
    m = np.zeros_like(W)
    v = np.zeros_like(W)
    b1, b2, eps = 0.9, 0.999, 1e-8
    for t in range(1, hyper["epochs"] + 1):
        S = np.zeros((n_rows, Y.shape[1]))
        np.add.at(S, rows, W[cols] * vals[:, None])
        S -= S.max(axis=1, keepdims=True)
        P = np.exp(S)
        P /= P.sum(axis=1, keepdims=True)
        G = (P - Y) * sw[:, None] / n_rows
        grad = np.zeros_like(W)
        np.add.at(grad, cols, G[rows] * vals[:, None])
        grad += l2 * W
        m = b1 * m + (1 - b1) * grad
        v = b2 * v + (1 - b2) * grad * grad
        W -= hyper["lr"] * (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + eps)
    return W


def train(items, hyper=HYPER):
    X, vocab = vectorise(items, min_count=hyper["min_count"], scale=hyper["scale"], drop=hyper.get("drop", ()))
    Y, sw = targets(items, hyper)
    # Concept, tool, keyword and verb-object features generalise to new wording better than
    # single words and bigrams: words pay `word_l2` times the L2 penalty.
    mult = hyper.get("word_l2", 1.0)
    l2vec = np.array([hyper["l2"] * (mult if f.startswith(("w:", "b:", "vo:", "lead:", "o:")) else 1.0)
                      for f in sorted(vocab, key=vocab.get)])
    W = fit(X, len(items), len(vocab), Y, sw, hyper, l2vec)
    weights = {}
    for f, i in vocab.items():
        # Keyed by the family's index in "families" (a third of the size of the names).
        row = {str(k): round(float(W[i, k]), hyper["round"]) for k in range(len(FAMILIES))
               if abs(W[i, k]) >= hyper["prune"]}
        if row:
            weights[f] = row
    return weights


def model_data(weights, min_prob=0.0, min_margin=0.0, meta=None, scale="sqrt", context_weight=CONTEXT_WEIGHT,
               title_weight=TITLE_WEIGHT, section_weight=SECTION_WEIGHT, title_clear_prob=TITLE_CLEAR_PROB,
               title_clear_share=TITLE_CLEAR_SHARE, title_generic=TITLE_GENERIC):
    return {"families": FAMILIES, "weights": weights, "min_prob": min_prob, "min_margin": min_margin,
            "scale": scale, "context_weight": context_weight, "title_weight": title_weight,
            "section_weight": section_weight, "title_clear_prob": title_clear_prob,
            "title_clear_share": title_clear_share, "title_generic": title_generic,
            "feature_version": wf.FEATURE_VERSION, **(meta or {})}


def folds(items, k):
    """Deterministic k folds by a hash of the text (identical texts share a fold)."""
    out = [[] for _ in range(k)]
    for i, it in enumerate(items):
        h = int(hashlib.sha256(it["text"].encode()).hexdigest()[:8], 16)
        out[h % k].append(i)
    return out


def cross_val_predictions(items, k=5, hyper=HYPER):
    """[(item, Classification-without-threshold)] for every item, each predicted by a model that
    never saw it."""
    preds = [None] * len(items)
    for fold in folds(items, k):
        held = set(fold)
        train_items = [it for i, it in enumerate(items) if i not in held]
        m = wf.WorkModel(model_data(train(train_items, hyper), scale=hyper["scale"]))
        for i in fold:
            preds[i] = m.classify(items[i]["text"])
    return preds


def choose_threshold(items, preds):
    """The abstain threshold (winner probability) that maximises cross-validated accuracy on
    family items (abstaining counts as wrong) plus the share of generic items left out, weighted
    by how many generic items there are."""
    best = (-1.0, 0.0)
    for th in [x / 100 for x in range(0, 51, 2)]:
        right = n = gen_ok = gen_n = 0
        for it, p in zip(items, preds):
            fam = p.top if (p.top != wf.GENERIC and p.score >= th) else None
            if it["family"] == wf.GENERIC:
                gen_n += 1
                gen_ok += fam is None
            else:
                n += 1
                right += fam is not None and fam in (it["family"], it.get("alt"))
        score = right / max(1, n) + 0.3 * gen_ok / max(1, gen_n)
        if score > best[0] + 1e-9:
            best = (score, th)
    return best[1]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT / "data" / "work-items")
    ap.add_argument("--out", type=Path, default=ROOT / "rules" / "vocab" / "work_model.json")
    ap.add_argument("--cv", type=int, default=5, help="folds for choosing the abstain threshold (0: none)")
    args = ap.parse_args(argv)
    files = data_files(args.data)
    items = load_items(files)
    if not items:
        sys.exit("no training items")
    min_prob = 0.0
    if args.cv > 1:
        min_prob = choose_threshold(items, cross_val_predictions(items, args.cv))
    weights = train(items)
    counts = {}
    for it in items:
        counts[it["family"]] = counts.get(it["family"], 0) + 1
    meta = {"training_digest": wf.data_digest(files), "feature_digest": wf.feature_digest(),
            "training_files": [f.name for f in files],
            "training_items": len(items), "training_counts": dict(sorted(counts.items())),
            "hyper": HYPER}
    data = model_data(weights, min_prob=min_prob, meta=meta, scale=HYPER["scale"])
    args.out.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(items)} items, {len(weights)} features kept, min_prob {min_prob}, "
          f"{args.out.stat().st_size // 1024} KB -> {args.out}")


if __name__ == "__main__":
    main()
