#!/usr/bin/env python3
"""Write jdlint.schema.json (the JSON Schema of .jdlint.yaml) from what the loader accepts.
A test fails when it is stale."""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jdlint.schema import config_schema  # noqa: E402

if __name__ == "__main__":
    out = ROOT / "jdlint.schema.json"
    out.write_text(json.dumps(config_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")
