"""The built-in vocabulary files (``rules/vocab/*.yaml``) as plain data, read once per process.

Kept apart from ``vocab`` (which compiles the data) so that modules the compiled vocabulary
uses, such as the trained work-family model, can read the same data without importing it back.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from . import yamlio
from .resources import rules_dir

VOCAB_FILES = ("sections", "roles", "seniority", "first_problem", "tools", "inclusive", "pay", "questions", "stages")


def vocab_files() -> list[Path]:
    return [rules_dir() / "vocab" / f"{n}.yaml" for n in VOCAB_FILES]


def builtin_vocab_data() -> dict[str, Any]:
    """The files read afresh (for the data tests)."""
    base = rules_dir() / "vocab"
    return {name: yamlio.load_fast((base / f"{name}.yaml").read_text(encoding="utf-8")) for name in VOCAB_FILES}


@lru_cache(maxsize=1)
def builtin_data() -> dict[str, Any]:
    """The built-in vocabulary data, read once per process, from the content-keyed cache when
    it can (do not modify it)."""
    from .cache import cached

    return cached("vocab", vocab_files(), builtin_vocab_data)
