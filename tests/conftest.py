from __future__ import annotations

import re
from pathlib import Path

import os

import pytest
from hypothesis import HealthCheck, settings

# Hypothesis profiles: "default" runs in every test run; "nightly" is the long run for CI's
# nightly job: HYPOTHESIS_PROFILE=nightly pytest tests/test_fuzz.py
settings.register_profile("default", max_examples=120, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
#
# Sizing (2-core CI machine, measured 2026-12-06, one property at a time, database off):
#   property                                          examples  time    per example
#   test_never_raises_and_positions_lie_inside_the_file  500    18.7 s   37 ms
#                                                       3000   152.3 s   51 ms
#   test_deterministic_and_crlf_agnostic (4 lints each)  500    43.5 s   87 ms
#                                                       1500   214.3 s  143 ms
#   test_any_unicode_text                                500     9.1 s   18 ms
#                                                       3000    80.7 s   27 ms
# Per-example time grows with the run (Hypothesis tries larger postings as it goes), so
# allowing ~20% more growth: 8,000 examples x (61 + 172 + 32) ms = about 2,100 s (35 min) for
# the whole file, inside the hour with room for a slower or busier machine. The old 20,000
# would need about 90 min and never finished the first property within 15 min here.
# Verified: HYPOTHESIS_PROFILE=nightly pytest tests/test_fuzz.py (nice 5, other tests running
# on the second core) passed in 1,795 s (30 min): 506 s, 1,070 s and 220 s per property.
settings.register_profile("nightly", max_examples=8000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# The suite runs hundreds of configs and adversarial patterns: keep their cached rules and
# regex programs out of the user's own cache (a test that studies the cache sets its own).
if "JDLINT_CACHE_DIR" not in os.environ:
    import atexit
    import shutil
    import tempfile

    os.environ["JDLINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="jdlint-test-cache-")
    atexit.register(shutil.rmtree, os.environ["JDLINT_CACHE_DIR"], True)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

# A posting body that answers the five questions, so tests about one rule see only that rule.
CLEAN_BODY = ("Within 30 days you will have shipped the billing pipeline on our existing Airflow stack. "
              "You own deployment and monitoring of it, and you'll work closely with two analysts. "
              "Success is measured by data freshness.\n")

_EXPECT = re.compile(r"<!--\s*expect(?P<kind>-next-line|-file)?\s*:\s*(?P<rules>[^>]*?)\s*-->")


def parse_expectations(text: str) -> list[tuple[str, int | None]]:
    """(rule, line) pairs from inline expectations; line None for expect-file."""
    out: list[tuple[str, int | None]] = []
    for i, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        for m in _EXPECT.finditer(line):
            target = {None: i, "-next-line": i + 1, "-file": None}[m.group("kind")]
            for rule in m.group("rules").split(","):
                if rule.strip():
                    out.append((rule.strip(), target))
    return out


def compare(expected: list[tuple[str, int | None]], findings) -> tuple[list, list]:
    """(missing, unexpected): exact multiset match on (rule, line); expect-file matches any line."""
    remaining = list(findings)
    missing = []
    for rule, line in sorted(expected, key=lambda e: e[1] is None):
        for f in remaining:
            if f.rule == rule and (line is None or f.line == line):
                remaining.remove(f)
                break
        else:
            missing.append((rule, line if line is not None else "file"))
    return missing, remaining


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def private_cache(tmp_path, monkeypatch) -> Path:
    """A cache folder of the test's own (0700, as jdlint creates it), with the cache on."""
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("JDLINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("JDLINT_NO_CACHE", raising=False)
    return folder
