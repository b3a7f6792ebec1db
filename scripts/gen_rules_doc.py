#!/usr/bin/env python3
"""Write docs/rules.md from rules/*.yaml. A test fails when the file is stale."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jdlint.docs import render_rules_markdown  # noqa: E402
from jdlint.registry import builtin_rules  # noqa: E402

if __name__ == "__main__":
    out = ROOT / "docs" / "rules.md"
    out.write_text(render_rules_markdown(builtin_rules()), encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")
