"""The questions' literal prefilter (prefilter.py, literals.py): a question's cues searched one by
one, only where the words they need occur, give what their alternation gives."""
from __future__ import annotations

import string
from pathlib import Path

import pytest
import regex
from hypothesis import assume, example, given, strategies as st

from jdlint.document import Document
from jdlint.domain.questions import _CLAUSE_END, _sentences, _split
from jdlint.literals import required
from jdlint.prefilter import CueList, LiteralScanner, fold
from jdlint.vocab import load_vocab

ROOT = Path(__file__).resolve().parent.parent


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


def test_fold_covers_every_character_regex_matches_to_an_ascii_one():
    # every character that matches an ASCII character case-insensitively (simple case
    # folding, the regex module's default) folds to that character lower-cased
    universe = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    for a in string.printable:
        for m in regex.finditer(regex.escape(a), universe, regex.I):
            assert fold(m.group()) == a.lower(), (hex(ord(m.group())), a)
    # and a fold keeps every offset
    text = "İstanbul \u212aubernetes ſervice ﬁle ß"
    assert len(fold(text)) == len(text)


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
    folded = fold(sample)
    for one in required(pattern):
        assert any(s in folded for s in one), (pattern, sample, one)


# -- the search -----------------------------------------------------------------------------

def _postings() -> list[Path]:
    # the fixtures, and the real postings where ../shared is here
    real = ROOT.parent / "shared" / "corpus" / "real"
    return sorted((ROOT / "fixtures").rglob("*.md")) + sorted(p for p in real.glob("*.md") if p.name != "SOURCES.md")


MORE = [
    "You will be on-call one week in six, and you own the runbooks.",
    "You'll operate and extend our Kubernetes platform; we deploy many times a day.",
    "Work closely with data scientists and product managers, day-to-day.",
    "Success is measured by the reliability of the pipelines you build.",
    "By the end of your first 90 days you'll have shipped a feature to production.",
    "\u212aeep our data platform running and healthy.",  # the Kelvin sign is a "K" to regex
    "ſupport the ſervices you build; İn this role, you monitor latency.",  # a long s, a dotted I
    "Experience running on-call for large systems (we use Airflow and dbt).",
    "Build the first version of our platform from scratch, zero-to-one.",
    "Greenfield: stand up the infrastructure; the team is small and growing.",
    "Reduce p99 latency by 30% before Q3 2026.",
    "Our stack is Python, Go and Postgres; the team's tools include Terraform.",
    "ON-CALL ROTATION; INCIDENT RESPONSE; POST-MORTEMS",
    "Report to the VP of Engineering and mentor two junior engineers.",
    "",
    "a",
]


def _texts() -> list[str]:
    vocab = load_vocab()
    out = list(MORE)
    for path in _postings():
        doc = Document.parse(path.read_text(encoding="utf-8"), str(path), vocab=vocab)
        for block in doc.blocks:
            out.append(block.text)
    return out


def _key(m):
    return None if m is None else (m.start(), m.end(), m.group(0))


def _cue_lists():
    vocab = load_vocab()
    return [(q["id"], kind, q[kind]) for q in vocab.questions for kind in ("any_answer", "any_team_answer")
            if q[kind] is not None]


def test_the_builtin_cues_are_searched_one_by_one_with_the_alternations_flags():
    lists = _cue_lists()
    assert lists
    for qid, kind, cues in lists:
        assert cues.needs is not None, (qid, kind)
        assert sum(1 for n in cues.needs if n) >= len(cues.needs) - 1, (qid, kind)  # nearly all prefiltered
        for i in range(len(cues.sources)):
            assert cues.cue(i).flags == cues.alternation.flags, (qid, kind, i)


def test_prefiltered_search_finds_what_the_alternation_finds():
    vocab = load_vocab()
    scanner = vocab.question_scanner
    lists = _cue_lists()
    searched = found = 0
    for text in _texts():
        folded = fold(text)
        assert folded is not None and len(folded) == len(text)
        # the whole text, each sentence and each clause, as questions() reads them
        spans = [(0, len(text))]
        for s0, s1 in _sentences(text):
            spans.append((s0, s1))
            spans.extend(_split(_CLAUSE_END, text, s0, s1))
        for a, b in dict.fromkeys(spans):
            piece = text[a:b]
            mask = scanner.mask(folded, a, b)
            assert mask == scanner.mask(fold(piece))  # the block's fold is the piece's
            for qid, kind, cues in lists:
                want = _key(cues.alternation.search(piece))
                assert _key(cues.search(piece, mask)) == want, (qid, kind, piece)
                assert _key(cues.search(piece)) == want  # no mask: the alternation
                searched += 1
                found += want is not None
    assert searched > 10000 and found > 300  # the fixtures hold many answers, and many non-answers


def test_a_cue_list_that_cannot_be_split_is_searched_whole():
    scanner = LiteralScanner()
    sources = [r"(?s)alpha.beta", r"gamma"]  # an inline flag applies to the whole alternation
    cues = CueList(sources, regex.I, regex.compile, scanner, lambda s: [["alpha"]] if "alpha" in s else [])
    assert cues.needs is None
    text = "gamma alpha\nbeta"
    assert _key(cues.search(text, 0)) == _key(regex.compile("|".join(f"(?:{s})" for s in sources), regex.I).search(text))
    refs = CueList([r"(a)\1", r"(b)"], regex.I, regex.compile, scanner, lambda s: [])
    assert refs.needs is None


def test_without_a_scan_the_alternation_is_searched():
    scanner = LiteralScanner()  # no strings: no automaton
    assert scanner.mask("we deploy") == -1
    cues = CueList([r"deploy", r"we"], regex.I, regex.compile, scanner, lambda s: [])
    assert cues.needs == [0, 0]
    assert _key(cues.search("we deploy", scanner.mask("we deploy"))) == (0, 2, "we")
    assert scanner.mask(None) == -1  # a text whose fold changed its length


def test_equal_starts_go_to_the_earlier_cue_and_the_leftmost_start_wins():
    scanner = LiteralScanner()
    sources = [r"deploy\w*", r"deploy to prod", r"we deploy"]
    from jdlint.literals import required as req

    cues = CueList(sources, regex.I, regex.compile, scanner, lambda s: [sorted(x) for x in req(s)])
    alternation = regex.compile("|".join(f"(?:{s})" for s in sources), regex.I)
    for text in ("we deploy to prod", "deploy to prod", "Deploying", "nothing here", "WE DEPLOY"):
        assert _key(cues.search(text, scanner.mask(fold(text)))) == _key(alternation.search(text)), text


def test_vocab_patterns_list_the_alternations_and_each_cue():
    vocab = load_vocab()
    listed = {p.pattern for name, p in vocab.patterns() if name == "questions"}
    for _qid, _kind, cues in _cue_lists():
        assert cues.alternation.pattern in listed
        assert set(cues.sources) <= listed


# -- the other lists searched through the prefilter ---------------------------------------------

def _alternation_keys(sources, text):
    alternation = regex.compile("|".join(f"(?:{s})" for s in sources), regex.I)
    return [_key(m) for m in alternation.finditer(text)]


@given(st.lists(st.sampled_from([r"ab", r"abc", r"b\w", r"ca", r"a b", r"bca?", r"c+"]), min_size=1, max_size=5),
       st.text("abc ", max_size=30))
@example([r"ab", r"abc"], "abc abc")  # one start, two cues: the first in the list
@example([r"bca?", r"ab"], "abca")  # overlapping matches: the leftmost, then on from its end
def test_finditer_of_a_split_list_is_the_alternations(sources, text):
    from jdlint.literals import required as req

    scanner = LiteralScanner()
    cues = CueList(sources, regex.I, regex.compile, scanner, lambda s: [sorted(x) for x in req(s)])
    got = [_key(m) for m in cues.finditer(text, scanner.mask(fold(text)))]
    assert got == _alternation_keys(sources, text)


def test_the_gendered_exemptions_and_statements_find_what_their_alternations_find():
    from jdlint.domain.wording import _coded_index

    vocab = load_vocab()
    _index, _side, exempt, _forms, statement, scanner = _coded_index(vocab)
    assert exempt.needs is not None and statement.needs is not None
    found = 0
    for text in _texts():
        mask = scanner.mask(fold(text))
        for cues in (exempt, statement):
            want = _alternation_keys(cues.sources, text)
            assert [_key(m) for m in cues.finditer(text, mask)] == want, text
            found += len(want)
    assert found > 100


@pytest.mark.parametrize("name", ["exclusionary", "first_problem_cues", "first_problem_standalone",
                                  "first_problem_about", "first_problem_deliverables",
                                  "first_problem_onboarding", "_preferred_markers", "preferred_leadins",
                                  "other_leadins", "trait_items", "duty_items", "condition_items",
                                  "apply_anyway"])
def test_a_pattern_the_filter_rules_out_never_matches(name):
    vocab = load_vocab()
    words = vocab.pattern_filter(name)
    patterns = [p["rx"] if isinstance(p, dict) else p for p in getattr(vocab, name)]
    ruled_out = matched = 0
    texts = _texts()
    for text in texts:
        for p, possible in zip(patterns, words.possible(fold(text))):
            if not possible:
                ruled_out += 1
                assert p.search(text) is None, (name, p.pattern, text)
            else:
                matched += p.search(text) is not None
    # the filter rules out most searches, and the fixtures still hold matches
    assert ruled_out > 0.5 * len(patterns) * len(texts)
    assert matched > 0


@pytest.mark.parametrize("name", ["_preferred_markers", "preferred_leadins", "other_leadins", "trait_items",
                                  "duty_items", "condition_items", "apply_anyway"])
def test_any_match_answers_as_every_pattern_searched_would(name):
    vocab = load_vocab()
    patterns = getattr(vocab, name)
    hits = 0
    for text in _texts():
        want = any(p.search(text) for p in patterns)
        assert vocab.any_match(name, text) == want, (name, text)
        hits += want
    assert hits > 0


# -- word-start indexes (textindex.PrefixIndex): one Aho-Corasick pass, as the trie pattern -----

def _regex_finditer(index, text):
    # the key as the index holds it: "ſupport" (a long s) is the stem "support"
    return [(m.start(), m.end(), fold(m.group(1)) or m.group(1).lower()) for m in index._rx.finditer(text)]


def _vocab_indexes():
    from jdlint.domain.pay import compiled
    from jdlint.domain.wording import _coded_index

    vocab = load_vocab()
    return [compiled(vocab)["names"], _coded_index(vocab)[0]]


def test_place_names_and_coded_stems_are_found_as_the_trie_pattern_finds_them():
    indexes = _vocab_indexes()
    found = 0
    for text in _texts():
        for index in indexes:
            got = list(index.finditer(text))
            assert got == _regex_finditer(index, text), text
            found += len(got)
    assert found > 300  # the fixtures alone hold several hundred (the real corpus, where present, more)


@given(st.text("NnEeWw YyOoRrKkCcAa-'\u2019\u212a\u0130._1", max_size=40))
@example("New Yorker in New York, new-york; newish")
@example("Competitive, confident and con-artist, data-driven competitor's")
def test_a_word_start_index_matches_its_trie_pattern_on_any_text(text):
    from jdlint.textindex import PrefixIndex

    for whole in (True, False):
        index = PrefixIndex(["new york", "new", "york", "ork", "con", "compet", "a", "k"], whole)
        assert list(index.finditer(text)) == _regex_finditer(index, text)
