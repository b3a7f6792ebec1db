"""Who is hiring. Pay-transparency and other hiring laws reach only employers of a size and a
type (a city's law never binds a federal agency), so the config and a posting's front matter
may say: ``employer: {size: 40, type: private}``."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .names import did_you_mean

EMPLOYER_TYPES = ("private", "federal", "state", "municipal")


@dataclass(frozen=True)
class Employer:
    """Who is hiring: pay-transparency laws reach only employers of a size and a type."""

    size: int | None = None  # employees on the day of posting
    type: str | None = None  # one of EMPLOYER_TYPES


def parse_employer(value: Any) -> tuple[Employer | None, str | None, Any]:
    """(employer, error, the key the error is about) from a config or front-matter value."""
    if not isinstance(value, dict):
        return None, "must be a mapping such as {size: 40, type: private}", None
    for key in value:
        if key not in ("size", "type"):
            return None, f"unknown key {key!r}{did_you_mean(str(key), ('size', 'type'))} (known: size, type)", key
    size = value.get("size")
    if size is not None and (isinstance(size, bool) or not isinstance(size, int) or size < 0):
        return None, f"'size' must be a whole number of employees, not {size!r}", "size"
    etype = value.get("type")
    if etype is not None and etype not in EMPLOYER_TYPES:
        return None, f"'type' must be one of {', '.join(EMPLOYER_TYPES)}, not {etype!r}{did_you_mean(str(etype), EMPLOYER_TYPES)}", "type"
    return Employer(size, etype), None, None
