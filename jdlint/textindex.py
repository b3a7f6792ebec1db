"""Fast matching of many fixed words or stems at word starts.

A regular expression with hundreds of alternatives ("compet|confident|courag|...") tries every
alternative at every word and costs as much as parsing the markdown. The same keys folded into
a trie ("co(?:mpet|nfident|urag)") let the engine reject a word after a letter or two: on the
real corpus this is about ten times faster.
"""
from __future__ import annotations

import re
from typing import Any

from .prefilter import automaton, fold
from .rxcache import re_compile

# The characters the trie pattern's lookarounds test, as cheap predicates on one character.
_WORD_BEFORE = re_compile(r"[A-Za-z0-9_'\u2019]").fullmatch
_WORD_AFTER = re_compile(r"[A-Za-z0-9_]").fullmatch
_STEM_TAIL = re_compile(r"[A-Za-z'\u2019]").fullmatch


def trie_pattern(keys) -> str:
    """An alternation of ``keys`` (lower case) as a trie; longer keys are preferred."""
    trie: dict = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


class PrefixIndex:
    """Keys matched case-insensitively at word starts, longest key first.

    ``whole_word``: the key must end at a word boundary (place names); otherwise it is a stem
    and the match runs to the end of the word ("compet" matches "competitive"). A word start
    after a hyphen counts ("data-driven" has a word "driven").
    """

    def __init__(self, keys, whole_word: bool):
        self.whole_word = whole_word
        self.keys = {k.lower() for k in keys}
        tail = r"(?![A-Za-z0-9_])" if whole_word else r"[A-Za-z'\u2019]*"
        start = r"(?<![A-Za-z0-9_'\u2019])"
        self._rx = re_compile(start + "(" + trie_pattern(sorted(self.keys)) + ")" + tail, re.I)

        self._automaton: Any = None
        self._built = False

    def _build(self) -> None:
        self._built = True
        self._automaton = automaton({k: len(k) for k in self.keys})

    def finditer(self, text: str):
        """(start, end, key) for each match, in order; matches do not overlap.

        One Aho-Corasick pass finds every key in the lower-cased text; a key counts where a
        word starts and (``whole_word``) ends, the longest at each start, and matches are taken
        left to right without overlapping, as the trie pattern's search would."""
        if not self._built:
            self._build()
        folded = fold(text) if self._automaton is not None else None
        if folded is None:
            for m in self._rx.finditer(text):
                yield m.start(), m.end(), fold(m.group(1)) or m.group(1).lower()
            return
        best: dict[int, int] = {}  # start -> end of the longest key that counts there
        for end, n in self._automaton.iter(folded):
            start, stop = end - n + 1, end + 1
            if start > 0 and _WORD_BEFORE(folded[start - 1]):
                continue
            if self.whole_word:
                if stop < len(folded) and _WORD_AFTER(folded[stop]):
                    continue
            if stop > best.get(start, -1):
                best[start] = stop
        last = 0
        for start in sorted(best):
            if start < last:
                continue
            stop = key_end = best[start]
            if not self.whole_word:  # a stem runs on to the end of its word
                while stop < len(folded) and _STEM_TAIL(folded[stop]):
                    stop += 1
            yield start, stop, folded[start:key_end]
            last = stop
