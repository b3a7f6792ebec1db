"""A disk cache of the built-in rule and vocabulary data, keyed by the content of the files.

Parsing about thirty YAML files is a large part of a one-file run. The parsed data is stored
as JSON under a key made from every file's bytes, jdlint's version and Python's, so an edited
rule or an upgrade is never served stale. ``JDLINT_NO_CACHE=1`` turns it off;
``JDLINT_CACHE_DIR`` moves it.

The cache only ever saves time, and it must never change what jdlint reports, even when
someone else planted it (a shared CI cache, a folder in the checkout):

- the folder must be a real folder (not a symlink) owned by the current user and not
  writable by group or others; it is created 0700. Otherwise no cache is used;
- a file is read only if it is a regular file owned by the current user, not writable by
  group or others, and under a size limit; it is JSON (data only), and its header holds the
  content key and the SHA-256 of the payload, both checked before the payload is used;
- the folder is never relative (so never inside the tree under review): with ``HOME`` unset
  and no passwd entry, it is ``<tempdir>/jdlint-cache-<uid>``;
- any error while reading is a miss; any error while writing is ignored, and the temp file is
  removed (a full disk leaves nothing behind).
"""
from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable

MAGIC = b"jdlint-cache/2"
MAX_CACHE_BYTES = 64 * 1024 * 1024
# Entries kept per name: every edit of a rule pack, a config's vocabulary or an upgrade makes a
# new key, and the old entries are never read again; keeping the newest few (two checkouts on
# different versions, a config being edited) stops the folder from growing without end.
KEEP_PER_NAME = 3


def _uid() -> int | None:
    return os.getuid() if hasattr(os, "getuid") else None


def _home() -> str | None:
    home = os.environ.get("HOME")
    if home and os.path.isabs(home):
        return home
    uid = _uid()
    if uid is None:
        home = os.path.expanduser("~")
        return home if os.path.isabs(home) else None
    try:
        import pwd

        home = pwd.getpwuid(uid).pw_dir
    except (ImportError, KeyError):
        return None
    return home if home and os.path.isabs(home) else None


def cache_dir() -> Path | None:
    if os.environ.get("JDLINT_NO_CACHE"):
        return None
    explicit = os.environ.get("JDLINT_CACHE_DIR")
    if explicit:
        return Path(explicit) if os.path.isabs(explicit) else None
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):  # the spec says to ignore a relative one
        return Path(xdg) / "jdlint"
    home = _home()
    if home is not None:
        return Path(home) / ".cache" / "jdlint"
    return Path(tempfile.gettempdir()) / f"jdlint-cache-{_uid() if _uid() is not None else 'user'}"


def _private(st: os.stat_result) -> bool:
    uid = _uid()
    return (uid is None or st.st_uid == uid) and not (st.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def _usable_folder(folder: Path, create: bool) -> bool:
    """Whether ``folder`` is a real folder of ours that nobody else can write to."""
    try:
        if create:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.lstat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and _private(st)


def content_key(files: list[Path], salt: str) -> str:
    h = hashlib.sha256(salt.encode())
    for f in files:
        h.update(f.name.encode() + b"\0")
        h.update(f.read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:32]


def _plain_json(value: Any) -> Any:
    """``value`` as JSON would give it back (tuples as lists), to check it round-trips."""
    if isinstance(value, (list, tuple)):
        return [_plain_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain_json(v) for k, v in value.items()}
    return value


def _encode(key: str, data: Any) -> bytes | None:
    try:
        payload = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")
        if json.loads(payload) != _plain_json(data):
            return None  # not plain JSON data (dates, int keys, ...): do not cache it
    except (TypeError, ValueError, RecursionError):
        return None
    digest = hashlib.sha256(payload).hexdigest()
    return b"%s %s %s\n" % (MAGIC, key.encode(), digest.encode()) + payload


def _load(path: Path, key: str) -> tuple[bool, Any]:
    """(hit, data). Any problem at all is a miss."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return False, None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or not _private(st) or st.st_size > MAX_CACHE_BYTES:
            return False, None
        with os.fdopen(os.dup(fd), "rb") as fh:
            raw = fh.read(MAX_CACHE_BYTES + 1)
        header, sep, payload = raw.partition(b"\n")
        parts = header.split(b" ")
        if not sep or len(parts) != 3 or parts[0] != MAGIC or parts[1] != key.encode():
            return False, None
        if hashlib.sha256(payload).hexdigest().encode() != parts[2]:
            return False, None
        return True, json.loads(payload)
    except Exception:  # a cache can only ever be a miss
        return False, None
    finally:
        os.close(fd)


def _store(folder: Path, path: Path, name: str, blob: bytes) -> None:
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.replace(tmp, path)
        tmp = None
    except Exception:
        pass
    else:
        _prune(folder, name, keep=path.name)
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _prune(folder: Path, name: str, keep: str) -> None:
    """Remove all but the newest ``KEEP_PER_NAME`` entries called ``name`` (``keep``, just
    written, always stays). Only regular files of ours with the cache's own names are touched."""
    import re

    entry = re.compile(re.escape(name) + r"-[0-9a-f]{16,64}\.json")
    uid = _uid()
    found: list[tuple[float, str]] = []
    try:
        with os.scandir(folder) as it:
            for de in it:
                if de.name == keep or not entry.fullmatch(de.name):
                    continue
                try:
                    st = de.stat(follow_symlinks=False)
                except OSError:
                    continue
                if stat.S_ISREG(st.st_mode) and (uid is None or st.st_uid == uid):
                    found.append((st.st_mtime, de.name))
    except OSError:
        return
    found.sort(reverse=True)
    for _mtime, old in found[KEEP_PER_NAME - 1:]:
        try:
            os.unlink(folder / old)
        except OSError:
            pass


def cached(name: str, files: list[Path], build: Callable[[], Any], salt: str = "") -> Any:
    """``build()``'s result, from the cache when ``files`` (and ``salt``, for inputs that are
    not files) are unchanged (as JSON data: a tuple comes back as a list)."""
    folder = cache_dir()
    if folder is None:
        return build()
    from ._version import __version__

    try:
        key = content_key(files, f"{__version__}|{sys.version_info[:2]}|{salt}")
    except OSError:
        return build()
    path = folder / f"{name}-{key}.json"
    if _usable_folder(folder, create=False):
        hit, data = _load(path, key)
        if hit:
            return data
    data = build()
    if _usable_folder(folder, create=True):
        blob = _encode(key, data)
        if blob is not None:
            _store(folder, path, name, blob)
    return data
