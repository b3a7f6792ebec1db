"""One time limit for every pattern a user supplies (team packs and config ``vocab:``).

Patterns from a repository may come from an attacker's pull request, and a pattern such as
``(a|aa)+$`` backtracks for minutes. Every user-supplied pattern therefore runs through this
module with a deadline for the whole posting (not per block or per call); matches are collected
inside the deadline and findings are built after it, so a cheap pattern with many matches is
never reported as slow. A pattern over its limit raises :class:`PatternTimeout`, which names the
rule or vocabulary entry and the file it came from; the engine turns that into a one-line error
for the posting.
"""
from __future__ import annotations

import time
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

DEFAULT_SECONDS = 1.0
# The most a pack may ask for: a posting must never hold a run for longer than this per rule.
MAX_SECONDS = 10.0


class PatternTimeout(Exception):
    """A user-supplied pattern ran past its limit on one posting."""

    def __init__(self, what: str, pattern: str, seconds: float):
        super().__init__(f"{what}: pattern {pattern!r} took longer than {seconds:g}s on this posting")
        self.what, self.pattern, self.seconds = what, pattern, seconds


class Deadline:
    """A time budget shared by every match of one owner (a rule, or the vocabulary) on one posting."""

    def __init__(self, seconds: float, what: str):
        self.seconds = min(max(float(seconds), 0.001), MAX_SECONDS)
        self.what = what
        self.end = time.monotonic() + self.seconds

    def remaining(self, pattern: str) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise PatternTimeout(self.what, pattern, self.seconds)
        return left


@lru_cache(maxsize=1024)
def compile_pattern(pattern: str, flags: int = regex.I) -> Any:
    return regex.compile(pattern, flags)


def find_all(rx: Any, text: str, deadline: Deadline, pattern: str | None = None) -> list[Any]:
    """Every match of ``rx`` in ``text``, collected within ``deadline``."""
    label = pattern if pattern is not None else rx.pattern
    try:
        return list(rx.finditer(text, timeout=deadline.remaining(label)))
    except TimeoutError:
        raise PatternTimeout(deadline.what, label, deadline.seconds) from None


def search(rx: Any, text: str, deadline: Deadline, pattern: str | None = None) -> Any:
    """The first match of ``rx`` in ``text`` (or None), within ``deadline``."""
    label = pattern if pattern is not None else rx.pattern
    try:
        return rx.search(text, timeout=deadline.remaining(label))
    except TimeoutError:
        raise PatternTimeout(deadline.what, label, deadline.seconds) from None


# The vocabulary's deadline for the posting being linted. The engine opens one per posting
# (``posting_deadline``); outside a lint run (a direct call into the domain layer) each call
# gets a fresh budget of the default length.
_VOCAB_DEADLINE: ContextVar[Deadline | None] = ContextVar("jdlint_vocab_deadline", default=None)


class posting_deadline:
    """``with posting_deadline(): ...`` gives vocabulary patterns one budget for a posting."""

    def __init__(self, seconds: float = DEFAULT_SECONDS):
        self.seconds = seconds
        self._token: Any = None

    def __enter__(self) -> Deadline:
        deadline = Deadline(self.seconds, "vocabulary")
        self._token = _VOCAB_DEADLINE.set(deadline)
        return deadline

    def __exit__(self, *exc: object) -> None:
        _VOCAB_DEADLINE.reset(self._token)


@dataclass(frozen=True)
class VocabPattern:
    """A compiled vocabulary pattern that knows where it came from. Built-in patterns run
    without a limit (they are ours and tested); patterns added by a config's ``vocab:`` run
    under the posting's vocabulary deadline and name their entry and file when they time out."""

    pattern: str
    rx: Any
    origin: str | None = None  # "vocab 'first_problem_cues' (path:line)" for user patterns

    def _deadline(self) -> Deadline:
        current = _VOCAB_DEADLINE.get()
        if current is None:
            return Deadline(DEFAULT_SECONDS, "vocabulary")
        return current

    def _what(self) -> str:
        return self.origin or "vocabulary"

    def _limited(self, run: Any) -> Any:
        """``run(timeout)`` under the posting's budget; a timeout names this entry and its file,
        also when the budget was spent before this pattern started (the posting's other
        patterns used it)."""
        deadline = self._deadline()
        try:
            return run(deadline.remaining(self.pattern))
        except (TimeoutError, PatternTimeout):
            raise PatternTimeout(self._what(), self.pattern, deadline.seconds) from None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        end = len(text) if endpos is None else endpos
        if self.origin is None:
            return self.rx.search(text, pos, end)
        return self._limited(lambda timeout: self.rx.search(text, pos, end, timeout=timeout))

    def match(self, text: str, pos: int = 0) -> Any:
        if self.origin is None:
            return self.rx.match(text, pos)
        return self._limited(lambda timeout: self.rx.match(text, pos, timeout=timeout))

    def finditer(self, text: str) -> list[Any]:
        if self.origin is None:
            return list(self.rx.finditer(text))
        return self._limited(lambda timeout: list(self.rx.finditer(text, timeout=timeout)))
