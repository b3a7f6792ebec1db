"""Wording: masculine- and feminine-coded words, and exclusionary phrases.

Coded words are matched as prefixes of the Gaucher, Friesen & Kay (2011) stems (as
gender-decoder does), in prose only: headings and bold heading lines are not wording, and
ordinary AI/ML/data vocabulary the stems would catch ("analytics", "decision trees") is exempt
through ``inclusive.yaml``. Exclusionary phrases come from the same file; a phrase in Title
Case in mid-sentence is a name ("the Pathways Recent Graduates program"), not wording.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from ..textindex import PrefixIndex


@dataclass(frozen=True)
class CodedWord:
    line: int
    column: int
    end_column: int
    word: str
    side: str  # "masculine" or "feminine"


@dataclass(frozen=True)
class PhraseHit:
    entry: dict  # the inclusive.yaml entry (pattern, category, replacement, fix)
    block: Any
    start: int
    end: int
    text: str


@lru_cache(maxsize=8)
def _coded_index(vocab: Any) -> tuple[PrefixIndex, dict[str, str], Any]:
    """The coded stems as a prefix index (a word start after a hyphen counts, so "data-driven"
    is split as gender-decoder splits it), and one pattern for all exemptions."""
    g = vocab.inclusive["gendered"]
    side = {s.lower(): "masculine" for s in g["masculine"]}
    side.update({s.lower(): "feminine" for s in g["feminine"]})
    exempt = regex.compile("|".join(f"(?:{p.pattern})" for p in vocab.gender_exempt), regex.I)
    return PrefixIndex(side, whole_word=False), side, exempt


def coded_words(doc: Any, vocab: Any) -> list[CodedWord]:
    """Coded words in document order."""
    index, side, exempt_rx = _coded_index(vocab)
    heading_lines = {s.line for s in doc.sections}
    text, position = doc.joined(skip_headings=True)
    exempt = [(e.start(), e.end()) for e in exempt_rx.finditer(text)]
    out = []
    k = 0
    for start, end, stem in index.finditer(text):
        while k < len(exempt) and exempt[k][1] <= start:
            k += 1
        if k < len(exempt) and exempt[k][0] <= start:
            continue
        line, col = position(start)
        if line in heading_lines:
            continue  # a bold heading line ("**Role Responsibilities**") is not wording
        word = text[start:end].rstrip("'\u2019")
        out.append(CodedWord(line, col, col + len(word), word, side[stem]))
    return out


def _proper_name(text: str, start: int, matched: str) -> bool:
    """A phrase in Title Case in mid-sentence is a name ("the Pathways Recent Graduates
    program", "Python Guru Award"), not wording about the candidate."""
    words = matched.replace("-", " ").split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    before = text[max(0, start - 200):start].rstrip()
    return bool(before) and before[-1] not in ".!?:\n" and not before.endswith(("-", "*", "#"))


def exclusionary_phrases(doc: Any, vocab: Any) -> list[PhraseHit]:
    """Exclusionary phrases, block by block, entry by entry (names in Title Case left out)."""
    out = []
    for block in doc.blocks:
        for entry in vocab.exclusionary:
            for m in entry["rx"].finditer(block.text):
                if _proper_name(block.text, m.start(), m.group(0)):
                    continue
                out.append(PhraseHit(entry, block, m.start(), m.end(), m.group(0)))
    return out
