"""Compiled patterns stored between runs (jdlint.rxcache): used only when the file is ours and
signed with our key; anything else is ignored and the patterns are compiled as before."""
from __future__ import annotations

import json
import os

import pytest
import regex

from jdlint import rxcache

PATTERNS = [(r"(?<![-\w])(?:operat(?:e|es|ing(?! systems?\b)))(?P<x>\s+\w+)?", regex.I), (r"\bfoo\b|ba[rz]", 0)]
TEXT = "We operate systems, operating things; foo bar baz."


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    monkeypatch.setenv("JDLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("JDLINT_NO_CACHE", raising=False)

    def reset():
        monkeypatch.setattr(rxcache, "_programs", None)
        monkeypatch.setattr(rxcache, "_new", {})
        monkeypatch.setattr(rxcache, "_used", set())
        monkeypatch.setattr(rxcache, "_secret", None)

    reset()
    return tmp_path, reset


def _matches(rx):
    return [(m.span(), m.groups()) for m in rx.finditer(TEXT)]


def _store_and_reload(reset):
    first = [_matches(rxcache.compile(p, f)) for p, f in PATTERNS]
    rxcache._save()
    reset()
    return first


def test_stored_programs_match_as_compiled_ones(fresh):
    tmp, reset = fresh
    first = _store_and_reload(reset)
    assert rxcache._load().keys() == {f"{f}\0{p}" for p, f in PATTERNS}
    reset()
    again = [_matches(rxcache.compile(p, f)) for p, f in PATTERNS]
    assert again == first == [_matches(regex.compile(p, f)) for p, f in PATTERNS]
    assert not rxcache._new  # nothing compiled afresh
    key = tmp / "config" / "jdlint" / "cache.key"
    assert (os.stat(key).st_mode & 0o777) == 0o600 and (os.stat(key.parent).st_mode & 0o777) == 0o700


def test_a_cache_without_our_key_is_ignored(fresh):
    tmp, reset = fresh
    _store_and_reload(reset)
    key = tmp / "config" / "jdlint" / "cache.key"
    key.write_bytes(os.urandom(32))  # a cache restored from another machine or user
    assert rxcache._load() == {}
    reset()
    key.unlink()
    assert rxcache._load() == {}


def test_a_readable_key_others_can_write_is_not_used(fresh):
    tmp, reset = fresh
    _store_and_reload(reset)
    os.chmod(tmp / "config" / "jdlint" / "cache.key", 0o666)
    assert rxcache._load() == {}


def _swap_programs(tmp, field: int, code: str) -> None:
    """Put another program in every stored entry, keeping the cache file's own checksum right
    (only the HMAC, under a key outside the cache, can tell)."""
    import hashlib

    path = next((tmp / "cache").glob("regex-programs-*.json"))
    header, _, payload = path.read_bytes().partition(b"\n")
    data = json.loads(payload)
    for prog in data["programs"].values():
        prog[field] = code
    new = json.dumps(data).encode()
    magic, k, _digest = header.split(b" ")
    path.write_bytes(b"%s %s %s\n" % (magic, k, hashlib.sha256(new).hexdigest().encode()) + new)


def test_a_tampered_program_is_never_run(fresh):
    tmp, reset = fresh
    _store_and_reload(reset)
    _swap_programs(tmp, 2, "AAAA")  # another program, same shape
    assert rxcache._load() == {}  # the HMAC no longer fits
    reset()
    assert [_matches(rxcache.compile(p, f)) for p, f in PATTERNS] == [_matches(regex.compile(p, f)) for p, f in PATTERNS]


def test_a_program_for_another_pattern_is_compiled_afresh(fresh):
    _tmp, reset = fresh
    rx = regex.compile(r"abc", regex.I)
    prog = rxcache._as_json(rx)
    rxcache._programs = {f"{regex.I}\0xyz": prog}
    assert rxcache.compile("xyz", regex.I).pattern == "xyz"
    assert _matches(rxcache.compile("xyz", regex.I)) == []


def test_no_cache_means_no_files(fresh, monkeypatch):
    tmp, reset = fresh
    monkeypatch.setenv("JDLINT_NO_CACHE", "1")
    rxcache.compile(r"\bqq\b")
    rxcache._save()
    assert not (tmp / "cache").exists()


def test_the_stored_file_does_not_grow_with_every_config_ever_run(fresh, monkeypatch):
    # Runs with different configs each add their own patterns; past the bound the file keeps
    # only what the last run used, so a one-posting run never reads a file of every pattern seen.
    _tmp, reset = fresh
    monkeypatch.setattr(rxcache, "_MAX_PROGRAMS", 10)
    for run in range(4):
        for i in range(4):
            rxcache.compile(rf"\bconfig{run}word{i}\b")
        rxcache.compile(r"\bshared\b")  # a built-in pattern every run uses
        rxcache._save()
        reset()
    stored = rxcache._load()
    assert len(stored) <= 10
    assert "0\0\\bshared\\b" in stored and "0\0\\bconfig3word0\\b" in stored
    assert "0\0\\bconfig0word0\\b" not in stored


RE_PATTERNS = [(r"(?<![\w-])(?:operat(?:e|es|ing(?! systems?\b)))(?P<x>\s+\w+)?", 2), (r"^\s*[-*+]\s|caf\u00e9", 0)]


def test_re_patterns_are_stored_and_built_the_same(fresh):
    # jdlint's standard-library ``re`` patterns come back from the cache as the pattern
    # re.compile makes (== compares flags, pattern and program), and match the same.
    import re

    _tmp, reset = fresh
    first = [rxcache.re_compile(p, f) for p, f in RE_PATTERNS]
    rxcache._save()
    reset()
    assert {f"re\0{f}\0{p}" for p, f in RE_PATTERNS} <= rxcache._load().keys()
    reset()
    again = [rxcache.re_compile(p, f) for p, f in RE_PATTERNS]
    assert not rxcache._new  # nothing compiled afresh
    for (p, f), a, b in zip(RE_PATTERNS, first, again):
        assert a == b == re.compile(p, f)
        assert _matches(b) == _matches(re.compile(p, f))
        assert b.groupindex == re.compile(p, f).groupindex


def test_a_tampered_re_program_is_never_run(fresh):
    import re

    tmp, reset = fresh
    [rxcache.re_compile(p, f) for p, f in RE_PATTERNS]
    rxcache._save()
    reset()
    _swap_programs(tmp, 3, "AAAAAA==")  # another program, same shape
    assert rxcache._load() == {}  # the HMAC no longer fits
    reset()
    assert [rxcache.re_compile(p, f) for p, f in RE_PATTERNS] == [re.compile(p, f) for p, f in RE_PATTERNS]


def test_a_re_program_that_does_not_build_is_compiled_afresh(fresh):
    import re

    _tmp, reset = fresh
    rxcache._programs = {"re\x000\x00abc": ["re", "abc", 32, "AAAA", 0, {}, []]}
    assert rxcache.re_compile("abc") == re.compile("abc")
