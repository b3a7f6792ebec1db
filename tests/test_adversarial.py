"""No built-in pattern backtracks catastrophically.

Each vocabulary pattern runs on adversarial strings under the regex module's own time limit
(a limit it would only hit by backtracking exponentially, not a speed target), and whole
adversarial postings are linted in a subprocess that must finish: a hang guard. Speed itself
is measured in bench/.
"""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
import regex

from jdlint.domain.experience import YEARS
from jdlint.domain.pay import compiled as pay_patterns
from jdlint.vocab import load_vocab

pytestmark = pytest.mark.slow  # hang guards on large adversarial inputs

PIECES = ["a", " ", "-", "1", "$1,", "years ", "(", "experience with ", "data-", "you ", "**", "<!--", "`",
          "Senior ", "/", ", ", "lead the team of ", "5+ years of ", "within 30 ", "é"]
ADVERSARIAL = [p * (20000 // len(p)) + "!" for p in PIECES] + ["".join(PIECES) * 300]


def vocab_patterns():
    v = load_vocab()
    pats = [p for _name, p in v.patterns()] + [regex.compile(YEARS.pattern, regex.I)]
    c = pay_patterns(v)
    pats += list(c["ranges"]) + [c["single"], c["open_before"], c["open_after"], c["location_cues"],
                                 c["third_party"], c["first_party"], c["place_list"], c["org_of"],
                                 c["not_pay"], c["pay_words"]] + list(c["federal"])
    return pats


@pytest.mark.parametrize("pattern", vocab_patterns(), ids=lambda p: p.pattern[:40])
def test_vocabulary_pattern_does_not_backtrack(pattern):
    for text in ADVERSARIAL:
        try:
            pattern.search(text, timeout=5.0)
        except TimeoutError:
            pytest.fail(f"pattern {pattern.pattern!r} backtracks on {text[:20]!r}...")


def test_adversarial_postings_finish():
    script = textwrap.dedent(r'''
        from jdlint import lint_text
        cfg = {"stack": ["python"], "stage": "seed", "require_salary": "always",
               "rules": {"unused-suppression": "warning"}}
        pieces = %r
        docs = [
            "# Junior Data Engineer\n\n" + "".join(pieces) * 1500,                      # a ~200k-char line
            "# Data Engineer\n\n## Requirements\n\n" + "".join(f"- item {i} Python, Go/Rust\n" for i in range(20000)),
            "# Data Engineer\n\n" + "".join("  " * (i %% 40) + "- x\n" for i in range(5000)),      # deep nesting
            "# Data Engineer\n\n" + "".join(f"## Section {i}\n\ntext\n\n" for i in range(5000)),    # many sections
            "# Data Engineer\n\n" + "<!-- jdlint-disable wish-list -->\n" * 5000 + "- a\n" * 100,  # many directives
            "---\n" + "k: v\n" * 20000 + "---\n# T\n",                               # big front matter
            "# " + "Data Engineer / " * 2000 + "\n",                                  # huge stacked title
            "|" * 50000 + "\n" + "[" * 50000 + "\n" + "*" * 50000 + "\n",
        ]
        for d in docs:
            lint_text(d, cfg)
        print("ok")
    ''') % (PIECES,)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr[-2000:]
