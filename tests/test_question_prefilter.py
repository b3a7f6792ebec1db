"""The strings a pattern's every match must contain (literals.py), for the questions' prefilter."""
from __future__ import annotations

import pytest
import regex
from hypothesis import assume, given, strategies as st

from jdlint.literals import required


def _sets(pattern: str) -> list[set[str]]:
    return [set(s) for s in required(pattern)]


# -- the extraction -------------------------------------------------------------------------

def test_a_concatenation_needs_its_parts_strings():
    sets = _sets(r"(?:foo|bar)baz")
    assert sets and all(s in ({"baz"}, {"foo", "bar"}) for s in sets)


def test_nothing_is_needed_where_a_match_can_do_without():
    assert required(r"a*b") == []  # "b" alone: one letter prefilters nothing
    assert required(r"(?:abc)?") == []
    assert required(r"(?:abc|)d") == []  # a branch that needs nothing
    assert _sets(r"(?:abc)?def") == [{"def"}]
    assert _sets(r"(?:ab){2,}") == [{"ab"}]


def test_an_alternation_needs_one_of_its_branches_strings():
    sets = _sets(r"(?:on[- ]?call|pager\w*)")
    assert len(sets) == 1
    one = sets[0]
    # one string of the set in each branch's every match
    for text in ("on-call", "oncall", "on call", "pager", "pagerduty"):
        assert any(s in text for s in one), text


def test_lookarounds_classes_and_anchors_need_nothing():
    assert _sets(r"(?<=abc)def") == [{"def"}]
    assert _sets(r"(?<![-\w])xyz(?!uvw)") == [{"xyz"}]
    assert required(r"\b[a-z]+\d\b") == []


def test_strings_are_lower_case_and_ascii():
    assert _sets(r"FOO") == [{"foo"}]
    assert _sets(r"(?-i:ABC)") == [{"abc"}]  # case-sensitive: still found in the lower-cased text
    for sets in (_sets(r"résumé"), _sets(r"café bar")):
        assert all(s.isascii() and s == s.lower() for one in sets for s in one)


@pytest.mark.filterwarnings("ignore::FutureWarning")  # re's "possible nested set"
@pytest.mark.parametrize("pattern", [
    r"\p{L}abc",  # regex-only syntax: the standard parser does not read it
    r"(?:abc){e<=1}",  # fuzzy matching: re would read the braces as text
    r"[[:alpha:]]abc",  # a POSIX class: re would read a set and a "]"
    r"(?x) a b c",  # verbose: not vouched for
    r"(?:abc",  # no parse at all
])
def test_patterns_it_cannot_vouch_for_need_nothing(pattern):
    assert required(pattern) == []


# A pattern built with a string it matches: any match must hold one string of each set.
_ALPHA = "abcAB -"


@st.composite
def _pattern(draw, depth=0):
    kinds = ["lit", "class", "word"] + (["cat", "alt", "opt", "rep", "group", "cs"] if depth < 3 else [])
    kind = draw(st.sampled_from(kinds))
    if kind == "lit":
        t = draw(st.text(_ALPHA, min_size=1, max_size=4))
        sample = "".join(c.swapcase() if draw(st.booleans()) else c for c in t)
        return regex.escape(t), sample
    if kind == "class":
        chars = draw(st.sets(st.sampled_from("abc- "), min_size=1, max_size=3))
        return "[" + "".join(sorted(chars)).replace("-", r"\-") + "]", draw(st.sampled_from(sorted(chars)))
    if kind == "word":
        return r"\w", draw(st.sampled_from("aZ9_"))
    if kind == "cat":
        parts = draw(st.lists(_pattern(depth + 1), min_size=2, max_size=4))
        return "".join(p for p, _ in parts), "".join(s for _, s in parts)
    if kind == "alt":
        parts = draw(st.lists(_pattern(depth + 1), min_size=2, max_size=3))
        pick = draw(st.integers(0, len(parts) - 1))
        return "(?:" + "|".join(p for p, _ in parts) + ")", parts[pick][1]
    if kind == "opt":
        p, s = draw(_pattern(depth + 1))
        return f"(?:{p})?", s if draw(st.booleans()) else ""
    if kind == "rep":
        p, s = draw(_pattern(depth + 1))
        lo = draw(st.integers(0, 2))
        hi = lo + draw(st.integers(0, 2))
        return f"(?:{p}){{{lo},{hi}}}", s * draw(st.integers(lo, hi))
    if kind == "group":
        p, s = draw(_pattern(depth + 1))
        return f"({p})", s
    p, s = draw(_pattern(depth + 1))  # "cs": case-sensitive in a case-insensitive pattern
    return f"(?-i:{p})", s


@given(_pattern())
def test_every_match_holds_one_string_of_each_set(case):
    pattern, sample = case
    m = regex.fullmatch(pattern, sample, regex.I)
    assume(m is not None)
    folded = sample.lower()
    for one in required(pattern):
        assert any(s in folded for s in one), (pattern, sample, one)
