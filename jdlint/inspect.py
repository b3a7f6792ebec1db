"""``jdlint inspect POSTING``: the facts jdlint read from one posting, and why.

The JSON shape (``--format json``) is documented in the README and stable: keys are only ever
added. Positions are 1-based; columns count characters.
"""
from __future__ import annotations

from typing import Any

from ._version import __version__
from .config import Config
from .document import Document
from .domain import facts_for
from .vocab import load_vocab

SCHEMA_VERSION = 1


def inspect_text(text: str, path: str, cfg: Config) -> dict[str, Any]:
    """The facts of one posting as plain data (what ``--format json`` prints)."""
    vocab = load_vocab(cfg.vocab, cfg.vocab_origins)
    doc = Document.parse(text, path, vocab=vocab)
    facts = facts_for(doc, vocab)
    t = facts.title
    title = None if t is None else {
        "text": t.text, "line": t.line, "column": t.column, "source": t.source,
        "roles": list(t.roles), "stacked": t.stacked, "family": t.family,
        "family_label": t.family_label, "junior_marker": t.junior_marker,
        "job_family_page": t.job_family_page,
    }
    sections = [{"line": s.line, "level": s.level, "title": s.title, "kind": s.kind,
                 "explicit": s.explicit_kind, "bold": s.bold} for s in doc.sections]
    work = [{"line": w.line, "text": w.text, "family": w.family,
             "family_label": vocab.family_label(w.family) if w.family else None,
             "evidence": list(w.evidence), "by_context": w.by_context, "score": round(w.score, 2)}
            for w in facts.work_items]
    tools = [{"tool": m.name, "category": m.category, "line": m.line, "column": m.column,
              "end_column": m.end_column, "surface": m.surface, "role": m.role,
              "alternatives": list(m.alternatives), "open_option": m.open_option or None,
              "reason": m.reason} for m in facts.tools.mentions]
    experience = [{"line": y.block.position(y.start)[0], "column": y.block.position(y.start)[1],
                   "text": y.text, "years": y.years, "tools": [s.tool.name for s in y.tools],
                   "about_experience": y.about_experience, "about_team": y.about_team}
                  for y in facts.experience]
    reqs = facts.requirements
    requirements = {
        "has_preferred": reqs.has_preferred,
        "lists": [{"line": b.section.line, "heading": b.section.title, "items": len(b.items),
                   "required": len(b.required),
                   "preferred": sum(1 for it in b.counted if it.preferred),
                   "required_items": [{"line": it.line, "text": it.text, "tools": reqs.tools_in_item(it)}
                                      for it in b.required]}
                  for b in reqs.blocks],
    }
    fp = facts.first_problem
    pay = facts.pay
    return {
        "schema": SCHEMA_VERSION,
        "jdlint_version": __version__,
        "path": path,
        "title": title,
        "sections": sections,
        "responsibilities": work,
        "tools": tools,
        "tool_roles": facts.tools.roles(),
        "experience": experience,
        "requirements": requirements,
        "first_problem": None if fp is None else {"how": fp.how, "line": fp.line, "text": fp.text},
        "pay": {"shown": pay.shown,
                "open_figure": None if pay.open_figure is None else
                {"line": pay.open_figure[0], "column": pay.open_figure[1], "text": pay.open_figure[2]}},
        "places": [{"line": p.line, "column": p.column, "text": p.text,
                    "jurisdiction": p.jurisdiction.get("label"), "law": p.jurisdiction.get("law"),
                    "in_force": p.jurisdiction.get("in_force")} for p in facts.places],
        "wording": {
            "coded": [{"line": w.line, "column": w.column, "word": w.word, "side": w.side}
                      for w in facts.coded_words],
            "exclusionary": [{"line": h.block.position(h.start)[0], "column": h.block.position(h.start)[1],
                              "text": h.text, "category": h.entry.get("category")}
                             for h in facts.exclusionary],
        },
        "questions": [{"id": q.id, "question": q.question, "answered_at": q.answered_at,
                       "evidence": q.evidence}
                      for q in facts.questions],
    }


def render_text(data: dict[str, Any]) -> str:
    """The same facts for a person to read."""
    out: list[str] = [f"{data['path']}"]
    t = data["title"]
    if t is None:
        out.append("title: (none found)")
    else:
        fam = t["family_label"] or "no known family"
        extra = f"; stacks {len(t['roles'])} roles: " + ", ".join(repr(r) for r in t["roles"]) if t["stacked"] else ""
        junior = f"; junior ({t['junior_marker']!r})" if t["junior_marker"] else ""
        junior += "; a job-family page" if t.get("job_family_page") else ""
        out.append(f"title: {t['text']!r} (line {t['line']}, from {t['source']}): {fam}{extra}{junior}")
    out.append("")
    out.append("sections:")
    for s in data["sections"] or [{"line": "-", "title": "(none)", "kind": "", "explicit": False, "level": 0}]:
        indent = "  " * max(int(s["level"]), 1) if isinstance(s["level"], (int, float)) else "  "
        how = "" if s["explicit"] else " (inherited)"
        out.append(f"{indent}{s['line']}: {s['title']} [{s['kind']}{how}]")
    out.append("")
    out.append("responsibilities (line: family <- deciding words):")
    if not data["responsibilities"]:
        out.append("  (no work items in responsibilities sections)")
    for w in data["responsibilities"]:
        fam = w["family"] or "unclear"
        why = f" <- {', '.join(w['evidence'])}" if w["evidence"] else ""
        if w["by_context"]:
            why += " (a close call; the title, its section and the rest of the posting's work decided it)"
        out.append(f"  {w['line']}: {fam}{why}: {_short(w['text'])}")
    out.append("")
    out.append("tools (line:column name [role]):")
    if not data["tools"]:
        out.append("  (none recognised)")
    for m in data["tools"]:
        opener = {"practice": "a practice", "any-tool": "any tool"}.get(m.get("open_option") or "")
        options = list(m["alternatives"]) + ([opener] if opener else [])
        alt = f" (or {', '.join(options)})" if options else ""
        surface = f" as {m['surface']!r}" if m["surface"] != m["tool"] else ""
        out.append(f"  {m['line']}:{m['column']} {m['tool']}{surface} [{m['role']}]{alt}")
    out.append("")
    out.append("experience:")
    if not data["experience"]:
        out.append("  (no 'N years' requirement)")
    for y in data["experience"]:
        tools = f" of {', '.join(y['tools'])}" if y["tools"] else ""
        out.append(f"  {y['line']}:{y['column']} {y['text']!r} = {y['years']} years{tools}")
    out.append("")
    req = data["requirements"]
    out.append(f"requirements (somewhere for nice-to-haves: {'yes' if req['has_preferred'] else 'no'}):")
    if not req["lists"]:
        out.append("  (no requirements list)")
    for b in req["lists"]:
        out.append(f"  {b['line']}: {b['heading']}: {b['required']} required, {b['preferred']} preferred, {b['items']} items in all")
    out.append("")
    fp = data["first_problem"]
    out.append("first problem: " + ("not stated" if fp is None else f"line {fp['line']} ({fp['how']}): {_short(fp['text'])}"))
    pay = data["pay"]
    shown = {"range": "a range or fixed figure", "open": "only an open-ended figure", None: "none"}[pay["shown"]]
    out.append(f"pay: {shown}")
    for p in data["places"]:
        out.append(f"  place {p['line']}:{p['column']} {p['text']!r}: {p['jurisdiction']} ({p['law']}, in force {p['in_force']})")
    coded = data["wording"]["coded"]
    masc = [w["word"] for w in coded if w["side"] == "masculine"]
    fem = [w["word"] for w in coded if w["side"] == "feminine"]
    out.append(f"coded words: {len(masc)} masculine, {len(fem)} feminine")
    for h in data["wording"]["exclusionary"]:
        out.append(f"  exclusionary {h['line']}:{h['column']} {h['text']!r} ({h['category']})")
    out.append("questions: " + "; ".join(
        f"{q['id']} {'answered at line ' + str(q['answered_at']) + ' (' + repr(q['evidence']) + ')' if q['answered_at'] else 'unanswered'}"
        for q in data["questions"]))
    return "\n".join(out) + "\n"


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "\u2026"
