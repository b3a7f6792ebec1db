"""The strings each cue needs (``prefilter.literal_sets``) are kept in the content-keyed cache so
a one-posting run does not parse every cue again. Each cue list is its own entry: when all the
lists shared one name, the cache's "newest few per name" pruning pushed most of them out on
every run, and each run parsed them again (about 0.2 s of a one-posting run)."""
from __future__ import annotations

import pytest

from jdlint import literals, prefilter

LISTS = {f"list_{i}": [rf"\bmigrat\w*\s+the\s+{w}\b", rf"\bby\s+the\s+end\s+of\s+{w}\b"]
         for i, w in enumerate(["ledger", "queue", "portal", "warehouse", "scheduler", "billing"])}


def test_every_cue_list_is_served_from_the_cache_on_the_next_run(private_cache, monkeypatch):
    first = {label: prefilter.literal_sets(src, 2, label) for label, src in LISTS.items()}
    parsed: list[str] = []
    real = literals.required

    def counting(source, flags):
        parsed.append(source)
        return real(source, flags)

    monkeypatch.setattr(literals, "required", counting)
    again = {label: prefilter.literal_sets(src, 2, label) for label, src in LISTS.items()}
    assert again == first
    assert parsed == []  # six lists, more than the cache keeps per name: none parsed again
    assert ["ledger"] in first["list_0"][0] and ["ledger"] in first["list_0"][1]


def test_a_label_cannot_reach_outside_the_cache_names(private_cache):
    with pytest.raises(ValueError):
        prefilter.literal_sets([r"\bx\b"], 2, "../evil")
