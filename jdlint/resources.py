"""Where the built-in rule data lives, in a checkout and in an installed wheel."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


class MissingRulesError(RuntimeError):
    pass


@lru_cache(maxsize=1)
def rules_dir() -> Path:
    """The ``rules/`` folder: ``jdlint/_rules`` in a wheel, ``<checkout>/rules`` in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_rules", here.parent / "rules"):
        if (candidate / "vocab").is_dir():
            return candidate
    raise MissingRulesError(
        f"jdlint's rule data is missing (looked in {here / '_rules'} and {here.parent / 'rules'}); "
        "reinstall jdlint"
    )
