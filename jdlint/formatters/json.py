"""A JSON list of finding objects with exactly the Finding keys (``match`` excluded)."""
from __future__ import annotations

import json


class JsonFormatter:
    def render(self, findings: list) -> str:
        return json.dumps([f.to_dict() for f in findings], indent=2, ensure_ascii=False)
