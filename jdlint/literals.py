"""The strings any match of a pattern must contain: the words a prose cue needs (prefilter.py).

``required`` parses a pattern with the standard library's parser (``re._parser``; the
``regex`` syntax the vocabulary uses is mostly the same) and reads the tree: a run of
characters is a string; a concatenation needs what each of its parts needs (the most selective
few are kept); an alternation needs one of its branches' strings (nothing when a branch needs
nothing); a repeat needs its body's strings when it must match at least once; sets, classes,
anchors and lookarounds (zero-width) need nothing. Text and strings are compared lower-cased.

A wrong string would silently drop an answer, so the extraction only claims what the parse
proves: a pattern the standard library's parser does not read (``regex``-only syntax), or reads
in a way ``regex`` might not (literal braces, nested sets, verbose mode), needs nothing known
and is always searched.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any, Iterable, Sequence

import regex

# Strings shorter than this prefilter nothing.
MIN_LITERAL = 2
# Sets of strings kept per pattern, the most selective first (a match holds one of each set).
KEEP_SETS = 3


def _parser() -> Any:
    try:
        return import_module("re._parser")
    except ImportError:  # Python 3.10
        return import_module("sre_parse")


class _Unsure(Exception):
    """The parse says something the extraction will not vouch for."""


def required(pattern: str, flags: int = regex.I) -> list[frozenset[str]]:
    """Sets of lower-case strings such that any match of ``pattern`` contains, for each set, at
    least one of its strings (at most ``KEEP_SETS`` sets, the most selective). ``[]``: none
    known, the pattern must always be searched."""
    if flags & ~(regex.I | regex.U | regex.V0):
        return []
    P = _parser()
    try:
        tree = P.parse(pattern, 0)
        if tree.state.flags & P.SRE_FLAG_VERBOSE:
            return []
        return _Walk(P).seq(list(tree))
    except Exception:  # no parse, or nothing vouched for (_Unsure): always searched
        return []


def _score(s: frozenset[str]) -> tuple[int, int]:
    # the shortest string decides how often a set is hit; fewer strings break ties
    return (min(len(x) for x in s), -len(s))


def _minimal(strings: Iterable[str]) -> frozenset[str] | None:
    """The strings without those containing another (it is hit whenever they are)."""
    ss = sorted(set(strings), key=len)
    if not ss or len(ss[0]) < MIN_LITERAL:
        return None
    out: list[str] = []
    for s in ss:
        if not any(o in s for o in out):
            out.append(s)
    return frozenset(out)


def _best(sets: Iterable[frozenset[str]]) -> list[frozenset[str]]:
    """The most selective sets. A set of two-letter strings ("to", "in") is in most clauses:
    it is kept only when there is nothing better, as finding it costs more than it saves."""
    ranked = sorted(set(sets), key=lambda s: (_score(s), sorted(s)), reverse=True)
    return [s for i, s in enumerate(ranked[:KEEP_SETS]) if i == 0 or _score(s)[0] > MIN_LITERAL]


class _Walk:
    def __init__(self, P: Any):
        self.P = P
        self.repeats = {getattr(P, n) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(P, n)}
        self.atomic = getattr(P, "ATOMIC_GROUP", None)

    def _char(self, op: Any, av: Any) -> str | None:
        """The one character a node matches (lower-cased), if it is one ASCII character."""
        P = self.P
        if op == P.LITERAL:
            c = chr(av)
            if c in "{}":
                raise _Unsure  # ``regex`` reads braces re reads as text (fuzzy "{e<=1}")
            return c.lower() if c.isascii() else None
        if op == P.IN:
            if any(o == P.LITERAL and a == ord("[") for o, a in av):
                raise _Unsure  # a nested set or a POSIX class to ``regex``
            chars = {chr(a).lower() for o, a in av if o == P.LITERAL}
            if len(chars) == 1 and all(o == P.LITERAL for o, _ in av):
                c = chars.pop()
                return c if c.isascii() and c not in "{}" else None
        return None

    def _items(self, items: Sequence[Any]) -> Iterable[tuple[Any, Any]]:
        """The nodes of a concatenation, groups opened in place (a group joins as its parts do)."""
        for op, av in items:
            if op == self.P.SUBPATTERN:
                if av[1] & self.P.SRE_FLAG_VERBOSE:
                    raise _Unsure  # (?x:...): whitespace read as re reads it, not vouched for
                yield from self._items(list(av[-1]))
            elif self.atomic is not None and op == self.atomic:
                yield from self._items(list(av))
            else:
                yield op, av

    def seq(self, items: Sequence[Any]) -> list[frozenset[str]]:
        sets: list[frozenset[str]] = []
        run: list[str] = []

        def flush() -> None:
            if len(run) >= MIN_LITERAL:
                sets.append(frozenset(["".join(run)]))
            run.clear()

        for op, av in self._items(items):
            c = self._char(op, av)
            if c is not None:
                run.append(c)
                continue
            flush()
            sets.extend(self.node(op, av))
        flush()
        return _best(sets)

    def node(self, op: Any, av: Any) -> list[frozenset[str]]:
        P = self.P
        if op == P.BRANCH:
            union: list[str] = []
            for branch in av[1]:
                best = self.seq(list(branch))
                if not best:
                    return []  # a branch that needs nothing: the alternation needs nothing
                union.extend(best[0])
            one = _minimal(union)
            return [one] if one else []
        if op in self.repeats:
            lo, _hi, body = av
            return self.seq(list(body)) if lo >= 1 else []
        # lookarounds are zero-width; sets, classes, anchors, ``.``, references: nothing known
        return []
