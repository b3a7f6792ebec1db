"""gendered-wording: masculine- and feminine-coded words (Gaucher, Friesen & Kay 2011).

Words are matched as prefixes of the study's stems (as gender-decoder does), in prose only:
headings and bold heading lines are not wording ("Responsibilities"), and ordinary AI/ML/data
vocabulary the stems would catch ("analytics", "decision trees", "objective function", "lead
time") is exempt through ``inclusive.yaml``. One finding per coded word, and one for the
posting when masculine words outnumber feminine ones by more than the study tool's "strong"
threshold.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..textindex import PrefixIndex
from . import Kind


@lru_cache(maxsize=8)
def _patterns(vocab):
    """The coded stems as a prefix index (a word start after a hyphen counts, so "data-driven"
    is split as gender-decoder splits it), and one pattern for all exemptions."""
    g = vocab.inclusive["gendered"]
    side = {s.lower(): "masculine" for s in g["masculine"]}
    side.update({s.lower(): "feminine" for s in g["feminine"]})
    exempt = regex.compile("|".join(f"(?:{p.pattern})" for p in vocab.gender_exempt), regex.I)
    return PrefixIndex(side, whole_word=False), side, exempt


def coded_words(doc, vocab):
    """[(line, col, end_col, word, 'masculine'|'feminine')] in document order."""
    index, side, exempt_rx = _patterns(vocab)
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
        out.append((line, col, col + len(word), word, side[stem]))
    return out


class CodedWordsKind(Kind):
    name = "coded-words"
    OPTIONS = {
        "words": (str, "both", "which coded words to report one by one: both, masculine, feminine or none"),
        "strong_difference": (int, 3, "masculine minus feminine words above which the posting can be strongly masculine-coded (gender-decoder's threshold)"),
        "strong_ratio": (float, 1.5, "and masculine words must outnumber feminine ones by this factor, so a long posting is not judged by a small difference"),
    }
    CHOICES = {"words": ("both", "masculine", "feminine", "none")}

    def check(self, doc, rule, ctx):
        found = coded_words(doc, ctx.vocab)
        which = rule.options["words"]
        for line, col, end_col, word, side in found:
            if which in ("both", side):
                yield rule.finding(doc, line, col, line, end_col, match=word, variant=side, word=word)
        m = sum(1 for f in found if f[4] == "masculine")
        f_ = len(found) - m
        strong = m - f_ > rule.options["strong_difference"] and m > rule.options["strong_ratio"] * f_
        if strong and doc.title is not None:
            t = doc.title
            yield rule.finding(doc, t.line, t.column, t.line, t.end_column, match=t.text,
                               variant="document", masculine=m, feminine=f_)
