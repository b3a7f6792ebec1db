"""gendered-wording: masculine- and feminine-coded words (Gaucher, Friesen & Kay 2011).

Words are matched as prefixes of the study's stems (as gender-decoder does), in prose only:
headings and bold heading lines are not wording ("Responsibilities"), and ordinary AI/ML/data
vocabulary the stems would catch ("analytics", "decision trees", "objective function", "lead
time") is exempt through ``inclusive.yaml``. One finding per coded word, and one for the
posting when masculine words outnumber feminine ones by more than the study tool's "strong"
threshold.
"""
from __future__ import annotations

import regex

from . import Kind

_WORD = regex.compile(r"[A-Za-z][A-Za-z'\u2019-]*")


def coded_words(doc, vocab):
    """[(line, col, end_col, word, 'masculine'|'feminine')] in document order."""
    g = vocab.inclusive["gendered"]
    masc, fem = tuple(g["masculine"]), tuple(g["feminine"])
    heading_lines = {s.line for s in doc.sections}
    out = []
    for block in doc.blocks:
        if block.kind == "heading":
            continue
        text = block.text
        exempt = [(m.start(), m.end()) for rx in vocab.gender_exempt for m in rx.finditer(text)]
        for m in _WORD.finditer(text):
            parts = [(m.start(), m.group(0))]
            low = m.group(0).lower()
            if "-" in low and not low.startswith(tuple(s for s in masc + fem if "-" in s)):
                parts, off = [], m.start()
                for piece in m.group(0).split("-"):
                    parts.append((off, piece))
                    off += len(piece) + 1
            for start, word in parts:
                w = word.lower().strip("'\u2019")
                if not w:
                    continue
                side = "masculine" if w.startswith(masc) else "feminine" if w.startswith(fem) else None
                if side is None or any(a <= start < b for a, b in exempt):
                    continue
                line, col = block.position(start)
                if line in heading_lines:
                    continue  # a bold heading line ("**Role Responsibilities**") is not wording
                out.append((line, col, col + len(word), word, side))
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
