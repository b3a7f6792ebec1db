#!/usr/bin/env python3
"""Write docs/rules.md and the README's rule table from rules/*.yaml. A test fails when
either is stale."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jdlint.docs import render_rules_markdown, replace_readme_table  # noqa: E402
from jdlint.registry import builtin_rules  # noqa: E402

if __name__ == "__main__":
    out = ROOT / "docs" / "rules.md"
    out.write_text(render_rules_markdown(builtin_rules()), encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")
    readme = ROOT / "README.md"
    readme.write_text(replace_readme_table(readme.read_text(encoding="utf-8"), builtin_rules()), encoding="utf-8")
    print("updated the rule table in README.md")
