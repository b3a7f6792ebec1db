#!/usr/bin/env python3
"""Record every finding jdlint gives on fixtures/ and ../shared/corpus/real, so a change meant
to make jdlint faster (or any refactor) can prove it changed no finding.

    python scripts/freeze_findings.py            # rewrite tests/data/frozen/*.jsonl
    python scripts/freeze_findings.py --check    # exit 1 and show the first differences

tests/test_frozen_findings.py compares against the same files. Regenerate them (and say why in
the commit) only when a change is *meant* to change findings: a rule's wording or meaning.

Each run uses every built-in rule (opt-in ones too), a fixed date and a fixed --stack, so every
rule and fact is exercised; config is discovered as in a real run; symlinks are followed.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FROZEN = ROOT / "tests" / "data" / "frozen"
REAL = ROOT.parent / "shared" / "corpus" / "real"
TODAY = date(2026, 12, 6)
STACK = ["python", "sql", "aws", "postgresql", "docker", "git"]


def corpora() -> dict[str, Path]:
    """name -> folder; the shared corpus only where it exists."""
    out = {"fixtures": ROOT / "fixtures"}
    if REAL.is_dir():
        out["real"] = REAL
    return out


def findings_lines(folder: Path) -> list[str]:
    """One JSON line per finding (every field, ``match`` and ``replacement`` too) or per error,
    paths relative to ``folder``, in jdlint's stable order."""
    sys.path.insert(0, str(ROOT))
    from jdlint.engine import lint_paths
    from jdlint.registry import builtin_rules

    names = [r.name for r in builtin_rules()]
    out = []
    for res in lint_paths([str(folder)], select=names, stack=STACK, today=TODAY, jobs=1, follow_links=True):
        rel = Path(res.path).relative_to(folder).as_posix()
        if res.error:
            out.append(json.dumps({"path": rel, "error": res.error.replace(str(folder), "<dir>")}, ensure_ascii=False))
        for f in res.findings:
            d = f.to_dict()
            d["path"] = rel
            d["match"] = f.match
            d["replacement"] = f.replacement
            out.append(json.dumps(d, ensure_ascii=False))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    bad = 0
    for name, folder in corpora().items():
        got = findings_lines(folder)
        target = FROZEN / f"{name}.jsonl"
        if args.check:
            want = target.read_text(encoding="utf-8").splitlines()
            if got != want:
                bad += 1
                import difflib

                sys.stdout.writelines(list(difflib.unified_diff(want, got, "frozen", "now", lineterm="\n", n=0))[:60])
                print()
            print(f"{name}: {len(got)} lines, {'same' if got == want else 'DIFFERENT'}")
        else:
            FROZEN.mkdir(parents=True, exist_ok=True)
            target.write_text("".join(line + "\n" for line in got), encoding="utf-8")
            print(f"{name}: {len(got)} lines -> {target.relative_to(ROOT)}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
