"""--fix: safe swaps only, atomic, idempotent, line endings and BOM kept; never writes otherwise."""
from __future__ import annotations

import os

from click.testing import CliRunner

from jdlint import lint_text
from jdlint.cli import main
from jdlint.engine import apply_fixes

POSTING = ("# Data Engineer\n\nWe need a Python Rockstar and two SQL ninjas, a strong culture fit.\n"
           "Ideal for a digital native. Native speakers preferred.\n")


def test_apply_fixes_swaps_only_safe_phrases():
    fixed, n = apply_fixes(POSTING, lint_text(POSTING))
    assert n == 4
    assert "a Python Expert and two SQL experts, a strong culture add." in fixed
    assert "digital native" in fixed  # no safe swap: reported, not rewritten
    assert "Fluent speakers preferred." in fixed


def test_fix_is_idempotent_and_keeps_crlf_and_bom(tmp_path):
    p = tmp_path / "a.md"
    p.write_bytes(("\ufeff" + POSTING.replace("\n", "\r\n")).encode("utf-8"))
    os.chmod(p, 0o640)
    r = CliRunner().invoke(main, ["--fix", "--no-color", str(p)])
    assert "fixed 4 findings" in r.output
    data = p.read_bytes().decode("utf-8")
    assert data.startswith("\ufeff# Data Engineer\r\n") and "\r\n" in data and "\n" not in data.replace("\r\n", "")
    assert "culture add" in data
    assert os.stat(p).st_mode & 0o777 == 0o640
    assert "digital native" in r.output  # what could not be fixed is still reported
    before = p.read_bytes()
    r2 = CliRunner().invoke(main, ["--fix", str(p)])
    assert "fixed" not in r2.output and p.read_bytes() == before
    assert not [f for f in os.listdir(tmp_path) if f.startswith(".jdlint-")]


def test_without_fix_files_are_never_written(tmp_path):
    p = tmp_path / "a.md"
    p.write_text(POSTING)
    mtime = os.stat(p).st_mtime_ns
    CliRunner().invoke(main, [str(p), "--format", "json"])
    assert p.read_text() == POSTING and os.stat(p).st_mtime_ns == mtime


def test_fix_skips_a_span_that_no_longer_matches():
    found = lint_text(POSTING)
    changed = POSTING.replace("Rockstar", "Rockstat")
    fixed, n = apply_fixes(changed, found)
    assert "Rockstat" in fixed and n == 3


def _fix(text: str) -> str:
    return apply_fixes(text, lint_text(text, select=["exclusionary-language"]))[0]


def test_fix_keeps_the_article_right_and_never_doubles_a_word():
    # Issue 13: "a rockstar ninja" became "a expert expert".
    assert _fix("We want a rockstar ninja.\n") == "We want an expert.\n"
    assert _fix("A Rockstar helps. An ninja too.\n") == "An Expert helps. An expert too.\n"
    assert _fix("We want a guru expert.\n") == "We want an expert.\n"
    assert _fix("We want an expert ninja.\n") == "We want an expert.\n"
    assert _fix("Our rockstars ship.\n") == "Our experts ship.\n"


def test_article_for_follows_the_sound_not_only_the_letter():
    from jdlint.wordfix import article_for

    assert [article_for(w) for w in ("expert", "engineer", "user", "unique", "hour", "one", "person")] == \
        ["an", "an", "a", "a", "an", "a", "a"]


def test_fix_diff_prints_a_unified_diff_and_writes_nothing(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("# Data Engineer\n\nWe want a rockstar ninja.\n")
    r = CliRunner().invoke(main, ["--fix", "--diff", "--select", "exclusionary-language", str(p)])
    assert r.exit_code == 1, r.output
    assert "-We want a rockstar ninja.\n+We want an expert.\n" in r.stdout
    assert r.stdout.startswith(f"--- a/{p}\n+++ b/{p}\n")
    assert "Would fix 2 findings." in r.stderr
    assert p.read_text() == "# Data Engineer\n\nWe want a rockstar ninja.\n"
    # --diff alone implies --fix; nothing left to fix exits 0 with an empty diff
    p.write_text("# Data Engineer\n\nWe want an expert.\n")
    r = CliRunner().invoke(main, ["--diff", str(p)])
    assert r.exit_code == 0 and r.stdout == "" and "Nothing to fix." in r.stderr


def test_fix_on_stdin_prints_the_fixed_posting(tmp_path):
    r = CliRunner().invoke(main, ["--fix", "--no-color", "--select", "exclusionary-language", "-"],
                           input="# Data Engineer\n\nWe want a rockstar and a digital native.\n")
    assert r.stdout == "# Data Engineer\n\nWe want an expert and a digital native.\n"
    assert "digital native" in r.stderr and "fixed 1 finding" in r.stderr  # what is left, on stderr
    r = CliRunner().invoke(main, ["--fix", "-", str(tmp_path)], input="x\n")
    assert r.exit_code == 2 and "'-' must be the only path" in r.stderr
