"""Findings are exactly the recorded ones on fixtures/ and ../shared/corpus/real.

tests/data/frozen/*.jsonl were written by ``scripts/freeze_findings.py`` (every built-in rule,
a fixed date and --stack, symlinks followed) before the speed work of issue 12, so any change
that is only meant to be faster proves here that it changed no finding, position, message or
fix. A change meant to change findings regenerates them (``python scripts/freeze_findings.py``)
and says why in its commit. The corpus case skips where ../shared is absent.
"""
from __future__ import annotations

import difflib
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("freeze_findings", ROOT / "scripts" / "freeze_findings.py")
freeze = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(freeze)


@pytest.mark.parametrize("name", ["fixtures", "real"])
def test_findings_are_the_frozen_ones(name):
    folder = freeze.corpora().get(name)
    if folder is None:
        pytest.skip("../shared/corpus/real is not here")
    want = (freeze.FROZEN / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    got = freeze.findings_lines(folder)
    if got != want:
        diff = "\n".join(list(difflib.unified_diff(want, got, "frozen", "now", lineterm="", n=0))[:40])
        pytest.fail(f"findings on {name} changed (regenerate with scripts/freeze_findings.py only if meant):\n{diff}")
