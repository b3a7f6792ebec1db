"""Formatters: findings in, text out. They never look anything up."""
from __future__ import annotations

FORMATS = ("text", "json")


def get_formatter(name: str):
    if name == "json":
        from .json import JsonFormatter

        return JsonFormatter()
    from .text import TextFormatter

    return TextFormatter()
