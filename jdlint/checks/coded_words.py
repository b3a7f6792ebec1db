"""gendered-wording: masculine- and feminine-coded words (Gaucher, Friesen & Kay 2011).

Quiet by default: one finding per posting, on the title, when its wording leans masculine
(more than ``strong_difference`` different coded words apart and ``strong_ratio`` times as many), naming
the words. Only the trait forms of the study's stems count ("competitive", "dominant",
"supportive"; not the duty verbs "lead", "understand", "support"), and only in the posting's
own voice about the job: not in headings, the job title, equal-opportunity statements or
quotations (``domain.wording``). ``words: both`` (or ``masculine``, ``feminine``) adds one
finding per coded word; ``match: stems`` counts every prefix match, as the study's tool does.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Iterator

from .base import Context, Kind


def _listed(words: list[str], most: int = 6) -> str:
    counts = Counter(w.lower() for w in words)
    shown = [f"{w} x{n}" if n > 1 else w for w, n in counts.most_common(most)]
    more = len(counts) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


class CodedWordsKind(Kind):
    name = "coded-words"
    OPTIONS = {
        "words": (str, "none", "also report coded words one by one: none, both, masculine or feminine"),
        "match": (str, "forms", "forms: only the trait forms of the study's stems count; stems: every word a stem starts (as gender-decoder counts)"),
        "strong_difference": (int, 3, "masculine minus feminine words above which the posting leans masculine (gender-decoder's 'strongly' threshold)"),
        "strong_ratio": (float, 1.5, "and masculine words must outnumber feminine ones by this factor, so a long posting is not judged by a small difference"),
    }
    CHOICES = {"words": ("none", "both", "masculine", "feminine"), "match": ("forms", "stems")}
    FIELDS = ("word", "masculine", "feminine", "masculine_words", "feminine_words")

    def check(self, doc: Any, rule: Any, ctx: Context) -> Iterator[Any]:
        stems = rule.options["match"] == "stems"
        found = [w for w in ctx.facts.coded_words if w.where == "prose" and (stems or w.form)]
        which = rule.options["words"]
        if which != "none":
            for w in found:
                if which in ("both", w.side):
                    yield rule.finding(doc, w.line, w.column, w.line, w.end_column, match=w.word,
                                       variant=w.side, word=w.word)
        masc = [w.word for w in found if w.side == "masculine"]
        fem = [w.word for w in found if w.side == "feminine"]
        # Distinct words: a job-family page repeats one sentence per level ("Ship features
        # independently" four times), which says no more than saying it once.
        m, f_ = len({w.lower() for w in masc}), len({w.lower() for w in fem})
        strong = m - f_ > rule.options["strong_difference"] and m > rule.options["strong_ratio"] * f_
        if strong and doc.title is not None:
            t = doc.title
            yield rule.finding(doc, t.line, t.column, t.line, t.end_column, match=t.text,
                               variant="document", masculine=m, feminine=f_,
                               masculine_words=_listed(masc), feminine_words=f" ({_listed(fem)})" if fem else "")
