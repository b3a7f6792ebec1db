"""title-scope-mismatch and conflated-roles: what the responsibilities say the job is.

Each responsibility item (items in responsibilities and first-problem sections, nested ones
included) is classified into a role family by the responsibility keywords in
``roles.yaml`` (role-taxonomy.md): the family with the most matching keywords wins, and an item
that matches two families equally is left out. Items that match no family are left out too.
"""
from __future__ import annotations

from collections import Counter

from . import Kind
from .title_roles import _grammar, stacked_roles

_WORK_SECTIONS = ("responsibilities", "first_problem")


def classified_items(doc, vocab):
    """[(item, family, keywords)] for the responsibility items that classify (cached per posting)."""
    if "classified" in doc.cache:
        return doc.cache["classified"]
    out = doc.cache["classified"] = []
    for it in doc.items:
        if it.section.kind not in _WORK_SECTIONS or it.preferred:
            continue
        fam, kws = vocab.classify(it.text)
        if fam is not None:
            out.append((it, fam, kws))
    return out


def title_family(doc, vocab) -> str | None:
    t = doc.title
    if t is None or stacked_roles(t.text, vocab):
        return None  # no title, or a stacked one (stacked-title reports that)
    g = _grammar(vocab)
    key, _label = g.key(g.clean(t.text))
    return key if key in {f["id"] for f in vocab.families} else None


def _work_heading(doc):
    for sec in doc.sections:
        if sec.kind in _WORK_SECTIONS:
            return sec
    return None


def _where(doc):
    sec = _work_heading(doc)
    if sec is not None:
        return sec.line, sec.column, sec.end_column, sec.title
    return doc.anchor()


class TitleScopeKind(Kind):
    name = "title-scope"
    OPTIONS = {"min_items": (int, 3, "fewest classified responsibilities before the title is judged")}

    def check(self, doc, rule, ctx):
        vocab = ctx.vocab
        fam = title_family(doc, vocab)
        if fam is None or fam == "leadership":
            return  # no clear title, or a leader whose job is to oversee the work
        items = classified_items(doc, vocab)
        if len(items) < rule.options["min_items"]:
            return
        counts = Counter(f for _, f, _ in items)
        top, n = counts.most_common(1)[0]
        if top == fam or n <= counts.get(fam, 0) or n * 2 <= len(items):
            return
        if frozenset((top, fam)) in vocab.adjacent:
            return
        kws: list[str] = []
        for _, f, k in items:
            if f == top:
                kws += [x for x in k if x not in kws]
        t = doc.title
        yield rule.finding(doc, t.line, t.column, t.line, t.end_column, match=t.text,
                           title_family=vocab.family_label(fam), family=vocab.family_label(top),
                           count=n, total=len(items), keywords=", ".join(kws[:4]), title=t.text)


class RoleMixKind(Kind):
    name = "role-mix"
    OPTIONS = {
        "min_items": (int, 2, "items a family needs before it counts as part of the job"),
        "max_families": (int, 2, "most role families one posting may span"),
    }

    def check(self, doc, rule, ctx):
        vocab = ctx.vocab
        if title_family(doc, vocab) == "leadership":
            return  # a head of data oversees several kinds of work by design
        items = classified_items(doc, vocab)
        # Close families (data science and analysis, ML engineering and MLOps) are one job here.
        group_of = _groups(vocab)
        fams = [f for _, f, _ in items if f != "leadership"]  # managing is not a role mix
        counts = Counter(group_of.get(f, f) for f in fams)
        members: dict[str, list[str]] = {}
        for f in fams:
            members.setdefault(group_of.get(f, f), [])
            if f not in members[group_of.get(f, f)]:
                members[group_of.get(f, f)].append(f)

        def label(g: str) -> str:
            return " / ".join(vocab.family_label(f) for f in members[g])

        present = [g for g, n in counts.most_common() if n >= rule.options["min_items"]]
        line, col, end_col, match = _where(doc)
        if len(present) > rule.options["max_families"]:
            names = ", ".join(f"{label(g)} ({counts[g]})" for g in present)
            yield rule.finding(doc, line, col, line, end_col, match=match, variant="many",
                               count=len(present), families=names)
            return
        fam_counts = Counter(fams)
        for a, b, source in vocab.conflicts:
            if fam_counts[a] >= rule.options["min_items"] and fam_counts[b] >= rule.options["min_items"]:
                yield rule.finding(doc, line, col, line, end_col, match=match, variant="pair",
                                   families=f"{vocab.family_label(a)} ({fam_counts[a]}) and {vocab.family_label(b)} ({fam_counts[b]})",
                                   source=source)
                return


def _groups(vocab) -> dict[str, str]:
    """Family -> group id, joining adjacent families (transitively)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for pair in vocab.adjacent:
        a, b = sorted(pair)
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {f: find(f) for f in parent}
