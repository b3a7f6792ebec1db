"""The Python API that job boards and ATS vendors call."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import jdlint
from jdlint import Finding, Severity, lint_text
from jdlint.engine import read_posting

POSTING = ("---\ntitle: Junior ML Engineer\n---\n\n## Responsibilities\n\n- Mentor other engineers\n"
           "- Build services in Go\n")


def test_lint_text_with_a_mapping_config():
    found = [f for f in lint_text(POSTING, {"stack": ["python"]}, path="board/123") if f.rule != "unanswered-questions"]
    assert [(f.rule, f.line) for f in found] == [
        ("missing-first-problem", 2), ("junior-title-senior-scope", 7), ("tool-not-in-stack", 8)]
    assert all(isinstance(f, Finding) and f.path == "board/123" for f in found)
    assert found[1].severity is Severity.WARNING and found[1].help


def test_findings_are_sorted_frozen_and_serialisable():
    found = lint_text(POSTING)
    assert found == sorted(found)
    import dataclasses

    with pytest.raises(dataclasses.FrozenInstanceError):
        found[0].line = 5  # type: ignore[misc]
    assert set(found[0].to_dict()) == {"path", "line", "column", "end_line", "end_column", "code", "rule",
                                       "severity", "message", "help"}


def test_lint_text_is_deterministic_across_threads():
    texts = [POSTING, "# Data Engineer / Data Scientist\n", "# Analyst\n\n- SQL\n"] * 20
    serial = [lint_text(t) for t in texts]
    with ThreadPoolExecutor(4) as pool:
        parallel = list(pool.map(lint_text, texts))
    assert serial == parallel


def test_config_is_validated_for_api_callers():
    with pytest.raises(jdlint.config.ConfigError, match="unknown rule 'stacked-titel'"):
        lint_text(POSTING, {"rules": {"stacked-titel": "off"}})


def test_read_posting_errors_are_one_line(monkeypatch, tmp_path):
    p = tmp_path / "a.md"
    p.write_text("x")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    import jdlint.safeio

    monkeypatch.setattr(jdlint.safeio.os, "open", denied)  # postings are read with os.open
    with pytest.raises(ValueError, match="^permission denied$"):
        read_posting(str(p))


@pytest.mark.slow
def test_the_public_api_is_typed_for_a_strict_mypy_user():
    """A user's ``mypy --strict`` script sees list[Finding], not Any (py.typed ships, the lazy
    imports are visible to type checkers)."""
    import re
    import shutil
    import subprocess
    import sys

    if shutil.which("mypy") is None and subprocess.run([sys.executable, "-m", "mypy", "--version"],
                                                        capture_output=True).returncode != 0:
        pytest.skip("mypy is not installed (pip install -e '.[test]')")
    script = Path(__file__).parent / "data" / "typed_client.py"
    proc = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(script)],
                          capture_output=True, text=True, cwd=Path(__file__).parent.parent)
    assert re.search(r'Revealed type is "(builtins\.)?list\[jdlint\.finding\.Finding\]"', proc.stdout), proc.stdout
    # Only the user's script is judged: from a source checkout mypy also reads jdlint's own
    # modules under --strict (an installed package's are not reported).
    errors = [ln for ln in proc.stdout.splitlines() if ": error:" in ln and ln.startswith("tests")]
    assert not errors, errors
    assert (Path(jdlint.__file__).parent / "py.typed").exists()


def test_a_lint_can_be_cancelled_between_rules():
    from jdlint.config import Config
    from jdlint.document import Document
    from jdlint.engine import LintCancelled, lint_document
    from jdlint.vocab import load_vocab

    vocab = load_vocab()
    doc = Document.parse("# Data Scientist / ML Engineer\n\nWe want a rockstar.\n", "x.md", vocab=vocab)
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2  # a newer version arrived after two rules

    with pytest.raises(LintCancelled):
        lint_document(doc, Config(), vocab, cancelled=cancelled)
    assert len(asked) == 3
    assert lint_document(doc, Config(), vocab, cancelled=lambda: False)  # not stale: the findings


def test_a_config_changed_between_calls_is_read_again():
    # enabled_rules keeps its answer between postings; a caller that changes the config
    # object between two calls gets the new settings, not the kept ones
    from jdlint.config import Config, RuleSetting

    text = ("# Data Engineer\n\n## Requirements\n\n"
            + "".join(f"- Experience with tool number {i} in production\n" for i in range(16)))
    cfg = Config()
    assert any(f.rule == "wish-list" for f in lint_text(text, cfg))
    cfg.rules["wish-list"] = RuleSetting(severity=Severity.ERROR)
    assert {f.severity for f in lint_text(text, cfg) if f.rule == "wish-list"} == {Severity.ERROR}
    cfg.rules["wish-list"].options.update(max_required=50, max_without_preferred=50)  # changed in place
    assert not any(f.rule == "wish-list" for f in lint_text(text, cfg))
    cfg.rules["wish-list"] = RuleSetting(enabled=False)
    assert not any(f.rule == "wish-list" for f in lint_text(text, cfg))


def test_default_config_calls_do_not_leak_settings_into_each_other():
    # lint_text(text) shares one default config between calls; a call with select, ignore or
    # a config of its own must not change what the next default call reports
    text = ("# Data Engineer\n\n## Requirements\n\n"
            + "".join(f"- Experience with tool number {i} in production\n" for i in range(16)))
    before = lint_text(text)
    assert any(f.rule == "wish-list" for f in before)
    assert {f.rule for f in lint_text(text, select=["wish-list"])} == {"wish-list"}
    assert not any(f.rule == "wish-list" for f in lint_text(text, ignore=["wish-list"]))
    assert not any(f.rule == "wish-list" for f in lint_text(text, {"rules": {"wish-list": "off"}}))
    assert lint_text(text) == before
