"""The questions a posting should answer (seed 004) and whether it answers them.

The first (what problem first) is the first-problem fact. The others are answered when any of
their cues in ``questions.yaml`` matches the posting's prose outside benefits and process
sections (headings included: a section "How we measure success" answers the last one). A
tool the posting names as the team's stack answers whether there is a stack to inherit.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    families: tuple[str, ...]  # the role families it is asked of ((): every posting)
    answered_at: int | None  # the line of the first cue that answers it, or None


def questions(doc: Any, vocab: Any, tools: Any = None) -> list[Question]:
    text, position = doc.joined(frozenset(("benefits", "process")))
    out = []
    for q in vocab.questions:
        line = None
        for rx in q["rx"]:
            m = rx.search(text)
            if m:
                line = position(m.start())[0]
                break
        if line is None and q["id"] == "stack" and tools is not None:
            # A tool named as what the team uses ("we run Airflow", "our stack is ...") says
            # there is a stack to inherit.
            line = next((m.line for m in tools.mentions if m.role == "team-stack"), None)
        out.append(Question(q["id"], q["question"], tuple(q.get("families") or ()), line))
    return out
