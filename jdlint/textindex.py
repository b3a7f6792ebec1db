"""Fast matching of many fixed words or stems at word starts.

A regular expression with hundreds of alternatives ("compet|confident|courag|...") tries every
alternative at every word and costs as much as parsing the markdown. The same keys folded into
a trie ("co(?:mpet|nfident|urag)") let the engine reject a word after a letter or two: on the
real corpus this is about ten times faster.
"""
from __future__ import annotations

import re
from .rxcache import re_compile


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

    def finditer(self, text: str):
        """(start, end, key) for each match, in order; matches do not overlap."""
        for m in self._rx.finditer(text):
            yield m.start(), m.end(), m.group(1).lower()
