"""Word swaps that keep the text's shape: used by every rule with a safe fix."""
from __future__ import annotations


def adapt(replacement: str, match: str) -> str:
    """Keep the capital and the plural of what is replaced ("Rockstars" -> "Experts")."""
    if not replacement:
        return replacement
    low = match.lower()
    if low.endswith("s") and not low.endswith("ss") and not replacement.endswith("s"):
        replacement += "s"
    if match[:1].isupper():
        replacement = replacement[:1].upper() + replacement[1:]
    return replacement
