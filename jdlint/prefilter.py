"""Search a list of prose cues as their alternation would, but only the cues whose words occur.

A question's cues (``questions.yaml``) were searched as one alternation ``(?:c1)|(?:c2)|...``
of 2-4 KB, and the ``regex`` engine tried every cue at every character of every clause: a
fifth of a large run. Most cues cannot match most clauses: each needs some words ("on-call",
"deploy", "with "). Each cue's pattern is parsed once into the strings any match of it must
contain (``literals.required``, kept in jdlint's cache); one Aho-Corasick pass over a clause
(``LiteralScanner``) says which of them it holds, and only the cues whose strings are there
(and the cues with none known) are searched, each on its own (``CueList``).

The answer is the alternation's: its leftmost match and, of the cues matching there, the first
in the list.
"""
from __future__ import annotations

import re
from functools import cached_property
from typing import Any, Callable

import regex

# Text is compared lower-cased. These characters match an ASCII letter case-insensitively in
# ``regex`` (simple case folding) but do not lower-case to it; U+0130 is also the one character
# whose ``lower()`` is two characters long. Mapped first, ``fold`` keeps every offset.
_FOLD = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))

# Flags under which cues may be searched one by one: under any other (POSIX leftmost-longest,
# reverse, fuzzy best match, full case folding, version 1 scoping, verbose) their alternation
# is searched as it is.
_PLAIN_FLAGS = regex.I | regex.U | regex.A | regex.M | regex.S | regex.V0
# Neither are cues with an inline flag (``(?s)`` in one cue applies to the whole alternation)
# or a group reference or call (numbered groups shift when cues are joined).
_NOT_SPLIT = re.compile(r"\\[1-9gk]|\(\?(?:P[=>]|[&(]|[\w^+-]*\))")


def fold(text: str) -> str | None:
    """``text`` lower-cased as the literals are, one character for one (None if some character
    of a later Unicode lower-cases to two: then every cue is searched)."""
    if not text.isascii():
        for c, r in _FOLD:
            if c in text:
                text = text.replace(c, r)
    folded = text.lower()
    return folded if len(folded) == len(text) else None


def literal_sets(sources: list[str], flags: int, label: str = "") -> list[list[list[str]]]:
    """``literals.required`` of each pattern, as lists. Parsing the cues takes longer than a
    one-posting run can spare (about 20 ms), so the answer is kept in jdlint's content-keyed
    cache, keyed by the patterns and the code of ``literals``.

    ``label`` names the list (``first_problem_cues``, ``questions`` ...): each list is its own
    cache entry. The cache keeps the newest few entries per name, so lists sharing one name
    pushed each other out and a run rebuilt most of them (about 0.2 s of a one-posting run)."""
    import hashlib
    from pathlib import Path

    from .cache import cached

    def build() -> list[list[list[str]]]:
        from .literals import required

        return [[sorted(x) for x in required(s, flags)] for s in sources]

    salt = hashlib.sha256("\0".join([str(flags), *sources]).encode("utf-8")).hexdigest()
    if not re.fullmatch(r"[a-z0-9_]{0,40}", label):
        raise ValueError(f"literal_sets: bad label {label!r}")
    name = f"literals-{label}" if label else "literals"
    data = cached(name, [Path(__file__).with_name("literals.py")], build, salt=salt)
    ok = isinstance(data, list) and len(data) == len(sources) and all(
        isinstance(sets, list) and all(isinstance(x, list) and all(isinstance(c, str) for c in x) for x in sets)
        for sets in data)
    return data if ok else build()


def automaton(words: dict[str, Any]) -> Any:
    """A ``pyahocorasick`` automaton of ``words`` (each found with its value), or None when
    there are no words or no ``pyahocorasick``."""
    try:
        import ahocorasick  # type: ignore[import-not-found]  # a C extension without stubs
    except ImportError:  # pragma: no cover - the dependency has wheels for every platform we support
        return None
    if not words:
        return None
    a = ahocorasick.Automaton()
    for word, value in words.items():
        a.add_word(word, value)
    a.make_automaton()
    return a


class LiteralScanner:
    """The required strings of many cues, found in one pass (``pyahocorasick``). Each required
    set of each cue has a bit; a string's value is the bits of the sets it is in, and a
    clause's mask the bits of the strings it holds."""

    def __init__(self) -> None:
        self._bits: dict[str, int] = {}
        self._sets: dict[frozenset[str], int] = {}
        self._automaton: Any = None
        self._built = False

    def need(self, sets: list[frozenset[str]] | list[list[str]]) -> int:
        """The bits a clause must hold for a cue with these required sets (0: none)."""
        need = 0
        for strings in sets:
            key = frozenset(strings)
            bit = self._sets.get(key)
            if bit is None:  # a set of a cue in two lists (a team answer) has one bit
                bit = self._sets[key] = 1 << len(self._sets)
                for lit in key:
                    self._bits[lit] = self._bits.get(lit, 0) | bit
                self._built = False
            need |= bit
        return need

    def _build(self) -> None:
        self._built = True
        self._automaton = automaton(self._bits)

    def mask(self, folded: str | None, a: int = 0, b: int | None = None) -> int:
        """The bits of the strings in ``folded[a:b]`` (``fold`` of the text); -1 (every bit)
        when there is no scan (no text, no ``pyahocorasick``)."""
        if not self._built:
            self._build()
        automaton = self._automaton
        if folded is None or automaton is None:
            return -1
        m = 0
        for _end, bits in automaton.iter(folded, a, len(folded) if b is None else b):
            m |= bits
        return m


class PatternFilter:
    """Which patterns of a list can match a text: the strings each needs
    (``literals.required``), all found in one pass (``LiteralScanner``). A pattern with none
    known can always match."""

    def __init__(self, sources: list[str], flags: int = regex.I, label: str = ""):
        self.scanner = LiteralScanner()
        self.needs = [self.scanner.need(sets) for sets in literal_sets(sources, flags, label)]

    def possible(self, folded: str | None, a: int = 0, b: int | None = None) -> list[bool]:
        """For each pattern, whether ``folded[a:b]`` (``fold`` of the text) holds what it
        needs (every pattern: True when ``folded`` is None)."""
        mask = self.scanner.mask(folded, a, b)
        return [mask & need == need for need in self.needs]

    def select(self, items: list[Any], folded: str | None) -> list[Any]:
        """The items (one per pattern, in the list's order) whose pattern can match the text
        ``folded`` was folded from."""
        return [item for item, ok in zip(items, self.possible(folded)) if ok]


class CueList:
    """Cues searched as ``(?:c1)|(?:c2)|...`` is: the leftmost match, the first cue there.

    ``search(text, mask)`` searches only the cues whose required sets all have a bit in
    ``mask`` (``LiteralScanner.mask`` of the same text), each compiled when first searched; a
    mask of -1 searches the alternation itself."""

    def __init__(self, sources: list[str], flags: int, compiler: Callable[[str, int], Any],
                 scanner: LiteralScanner | None, literals: Callable[[str], list[Any]]):
        self.sources = sources
        self.flags = flags
        self._compile = compiler
        self._cues: list[Any] = [None] * len(sources)
        # The bits each cue needs (0: none known), or None: always the alternation.
        self.needs: list[int] | None = None
        if scanner is not None and not flags & ~_PLAIN_FLAGS and not any(_NOT_SPLIT.search(s) for s in sources):
            self.needs = [scanner.need(literals(s)) for s in sources]

    @cached_property
    def alternation(self) -> Any:
        return self._compile("|".join(f"(?:{s})" for s in self.sources), self.flags)

    def cue(self, i: int) -> Any:
        rx = self._cues[i]
        if rx is None:
            rx = self._cues[i] = self._compile(self.sources[i], self.flags)
        return rx

    def cues(self) -> list[Any]:
        """Each cue compiled, when they are searched one by one (else none)."""
        return [self.cue(i) for i in range(len(self.sources))] if self.needs is not None else []

    def finditer(self, text: str, mask: int = -1) -> list[Any]:
        """The alternation's ``finditer``: its matches left to right, none overlapping, each
        the leftmost from where the last ended and, of the cues matching there, the first.
        Each cue's next match is searched again only once the last match passed its start."""
        needs = self.needs
        if needs is None or mask == -1:
            return list(self.alternation.finditer(text))
        live = [i for i, need in enumerate(needs) if mask & need == need]
        ahead: dict[int, Any] = {}
        out: list[Any] = []
        pos = 0
        while live and pos <= len(text):
            best = None
            for i in list(live):
                m = ahead.get(i)
                if m is None or m.start() < pos:
                    m = ahead[i] = self.cue(i).search(text, pos)
                    if m is None:  # no match left for this cue
                        live.remove(i)
                        continue
                if best is None or m.start() < best.start():
                    best = m
            if best is None:
                break
            out.append(best)
            pos = best.end() if best.end() > best.start() else best.end() + 1
        return out

    def search(self, text: str, mask: int = -1) -> Any:
        needs = self.needs
        if needs is None or mask == -1:
            return self.alternation.search(text)
        best = None
        for i, need in enumerate(needs):
            if mask & need != need:
                continue
            rx = self._cues[i]
            m = (rx if rx is not None else self.cue(i)).search(text)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
                if m.start() == 0:
                    break
        return best
