"""A disk cache of the built-in rule and vocabulary data, keyed by the content of the files.

Parsing about thirty YAML files is a large part of a one-file run. The parsed data is stored
with ``marshal`` under a key made from every file's bytes, jdlint's version and Python's, so an
edited rule or an upgrade is never served stale. A cache that cannot be read or written is
ignored: the cache only ever saves time. ``JDLINT_NO_CACHE=1`` turns it off;
``JDLINT_CACHE_DIR`` moves it.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable


def cache_dir() -> Path | None:
    if os.environ.get("JDLINT_NO_CACHE"):
        return None
    explicit = os.environ.get("JDLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "jdlint"


def content_key(files: list[Path], salt: str) -> str:
    h = hashlib.sha256(salt.encode())
    for f in files:
        h.update(f.name.encode() + b"\0")
        h.update(f.read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:32]


def cached(name: str, files: list[Path], build: Callable[[], Any]) -> Any:
    """``build()``'s result, from the cache when ``files`` are unchanged."""
    folder = cache_dir()
    if folder is None:
        return build()
    from ._version import __version__

    try:
        key = content_key(files, f"{__version__}|{sys.version_info[:2]}")
    except OSError:
        return build()
    path = folder / f"{name}-{key}.marshal"
    try:
        with open(path, "rb") as fh:
            return marshal.load(fh)
    except (OSError, EOFError, ValueError, TypeError):
        pass
    data = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            marshal.dump(data, fh)
        os.replace(tmp, path)
    except (OSError, ValueError):
        pass
    return data
