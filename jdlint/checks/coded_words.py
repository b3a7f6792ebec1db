"""gendered-wording: masculine- and feminine-coded words (Gaucher, Friesen & Kay 2011).

The coded words come from ``domain.wording``. One finding per coded word, and one for the
posting when masculine words outnumber feminine ones by more than the study tool's "strong"
threshold.
"""
from __future__ import annotations

from typing import Any, Iterator

from .base import Context, Kind


class CodedWordsKind(Kind):
    name = "coded-words"
    OPTIONS = {
        "words": (str, "both", "which coded words to report one by one: both, masculine, feminine or none"),
        "strong_difference": (int, 3, "masculine minus feminine words above which the posting can be strongly masculine-coded (gender-decoder's threshold)"),
        "strong_ratio": (float, 1.5, "and masculine words must outnumber feminine ones by this factor, so a long posting is not judged by a small difference"),
    }
    CHOICES = {"words": ("both", "masculine", "feminine", "none")}
    FIELDS = ("word", "masculine", "feminine")

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:
        found = ctx.facts.coded_words
        which = rule.options["words"]
        for w in found:
            if which in ("both", w.side):
                yield rule.finding(doc, w.line, w.column, w.line, w.end_column, match=w.word,
                                   variant=w.side, word=w.word)
        m = sum(1 for w in found if w.side == "masculine")
        f_ = len(found) - m
        strong = m - f_ > rule.options["strong_difference"] and m > rule.options["strong_ratio"] * f_
        if strong and doc.title is not None:
            t = doc.title
            yield rule.finding(doc, t.line, t.column, t.line, t.end_column, match=t.text,
                               variant="document", masculine=m, feminine=f_)
