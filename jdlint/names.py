"""Did-you-mean hints and the one duplicate-name check, shared by config, registry and kinds."""
from __future__ import annotations

import difflib
from typing import Iterable


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``"; did you mean 'x'?"`` for the closest choice, or ``""``."""
    close = difflib.get_close_matches(word, [str(c) for c in choices], n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def first_duplicate(items: Iterable[tuple[Iterable[str], str]]) -> tuple[str, str, str] | None:
    """For (keys, where) pairs, the first key used from two different places:
    (key, where it is used again, where it was first used); None when all are unique."""
    seen: dict[str, str] = {}
    for keys, where in items:
        for key in keys:
            if key in seen and seen[key] != where:
                return key, where, seen[key]
            seen[key] = where
    return None
