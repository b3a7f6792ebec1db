"""Compiled ``regex`` patterns kept between runs, so a one-file run does not compile them again.

The ``regex`` module compiles in Python: the built-in vocabulary's patterns took most of a
one-posting run (issue 12). A compiled pattern is a program (a byte string and a few tables)
that ``regex`` itself stores when it pickles a pattern; this module keeps those programs as
JSON data in jdlint's cache (``jdlint.cache``: a private folder, files owned by the user, a
content key and a SHA-256 checked on load) and builds patterns from them with ``regex``'s own
unpickling constructor, which skips parsing. jdlint's own patterns for the standard library's
``re`` (``re_compile``) are kept the same way: ``re`` compiles in Python too, and its program (a
list of integers for ``_sre``) is stored only when the pattern built from it equals the one
``re.compile`` made.

A program is code for ``regex``'s matching engine, so a planted one must never be run. On top
of the cache's checks, the file carries an HMAC-SHA256 under a random key that lives outside
the cache folder (``$XDG_CONFIG_HOME/jdlint/cache.key`` or ``~/.config/jdlint/cache.key``,
created 0600 in a 0700 folder, read only when it is a regular file of the user's that nobody
else can write). A cache restored from elsewhere (a CI cache, a folder in a checkout) does not
carry that key: it is ignored and rebuilt. Any problem is a miss: patterns are compiled as
before. Each entry must also name the pattern and flags asked for, and the key salts include
jdlint's, Python's and ``regex``'s versions. ``JDLINT_NO_CACHE=1`` turns it off.
"""
from __future__ import annotations

import atexit
import base64
import hashlib
import hmac
import os
import stat
import sys
from pathlib import Path
from typing import Any

import regex

_programs: dict[str, list] | None = None  # "flags\0pattern" -> program, as loaded
_new: dict[str, list] = {}  # compiled in this process, to store at exit
_used: set[str] = set()  # stored programs this process built patterns from
# What one stored file may hold. Programs of every config a user (or a test suite) ever ran
# would pile up, and each process reads the whole file: a 6.7 MB file of 1,241 programs made a
# one-posting run take 0.55 s instead of 0.30 s. Past either bound the file starts again from
# this process's own programs.
_MAX_PROGRAMS = 600
_MAX_BYTES = 1_500_000
_secret: bytes | None = None
_KEY_BYTES = 32


def compile(pattern: str, flags: int = 0) -> Any:  # noqa: A001 - the regex module's name
    """``regex.compile(pattern, flags)``, from a stored program when there is one."""
    return _cached(f"{flags}\0{pattern}", lambda prog: _build(prog, pattern, flags),
                   lambda: regex.compile(pattern, flags), _as_json)


def re_compile(pattern: str, flags: int = 0) -> Any:
    """``re.compile(pattern, flags)``, from a stored program when there is one.

    The standard library's ``re`` compiles in Python too (a one-posting run spent about 40 ms
    on jdlint's own ``re`` patterns). Its program is a list of integers handed to ``_sre``;
    this stores it the way ``compile`` stores ``regex`` programs, and a program is stored only
    when the pattern built from it equals (``==`` compares flags, pattern and code) the one
    ``re.compile`` made, so a Python whose internals differ just compiles as before."""
    import re

    return _cached(f"re\0{flags}\0{pattern}", lambda prog: _build_re(prog, pattern),
                   lambda: re.compile(pattern, flags), lambda rx: _re_as_json(pattern, flags, rx))


def _cached(name: str, build: Any, make: Any, as_json: Any) -> Any:
    """The pattern built from the stored program ``name``, or ``make()``'s, whose program
    (``as_json``) is stored at exit."""
    global _programs
    if _programs is None:
        _programs = _load()
    prog = _programs.get(name)
    if prog is not None:
        try:
            rx = build(prog)
            _used.add(name)
            return rx
        except Exception:  # a stored program that does not fit: compile it afresh
            _programs.pop(name, None)
    rx = make()
    data = as_json(rx)
    if data is not None:
        if not _new:
            atexit.register(_save)
        _new[name] = data
    return rx


def _re_as_json(pattern: str, flags: int, rx: Any) -> list | None:
    try:
        from array import array

        from importlib import import_module

        try:
            _compiler, _parser = import_module("re._compiler"), import_module("re._parser")
        except ImportError:  # Python 3.10
            _compiler, _parser = import_module("sre_compile"), import_module("sre_parse")
        if not isinstance(pattern, str):
            return None
        p = _parser.parse(pattern, flags)
        code = _compiler._code(p, flags)
        groupindex = dict(p.state.groupdict)
        indexgroup = [None] * p.state.groups
        for k, i in groupindex.items():
            indexgroup[i] = k
        codes = array("I", code)
        if codes.itemsize != 4:
            return None
        prog = ["re", pattern, flags | p.state.flags, base64.b64encode(codes.tobytes()).decode("ascii"),
                p.state.groups - 1, groupindex, indexgroup]
        if _build_re(prog, pattern) != rx:
            return None  # this Python builds patterns another way: never stored
        return prog
    except Exception:
        return None


def _build_re(prog: list, pattern: str) -> Any:
    import _sre  # type: ignore[import-not-found]  # CPython's engine, without stubs
    from array import array

    tag, pat, fl, code, groups, groupindex, indexgroup = prog
    if tag != "re" or pat != pattern or not isinstance(fl, int) or not isinstance(groups, int):
        raise ValueError("not this pattern")
    if not isinstance(groupindex, dict) or not isinstance(indexgroup, list):
        raise ValueError("bad program")
    codes = array("I")
    codes.frombytes(base64.b64decode(code, validate=True))
    rx = _sre.compile(pat, fl, codes.tolist(), groups, groupindex, tuple(indexgroup))
    if rx.pattern != pattern:
        raise ValueError("not this pattern")
    return rx


def _as_json(rx: Any) -> list | None:
    try:
        (pat, fl, code, groupindex, indexgroup, named_lists, named_list_indexes,
         req_offset, req_chars, req_flags, group_count) = rx._pickled_data
    except Exception:
        return None
    if named_lists or named_list_indexes or not isinstance(code, bytes):
        return None  # \L<name> lists hold sets: compiled each time
    return [pat, fl, base64.b64encode(code).decode("ascii"), groupindex,
            {str(k): v for k, v in indexgroup.items()}, req_offset, list(req_chars), req_flags, group_count]


def _build(prog: list, pattern: str, flags: int) -> Any:
    pat, fl, code, groupindex, indexgroup, req_offset, req_chars, req_flags, group_count = prog
    if pat != pattern or not isinstance(fl, int) or not isinstance(groupindex, dict) or not isinstance(indexgroup, dict):
        raise ValueError("not this pattern")
    if not all(isinstance(v, int) for v in (req_offset, req_flags, group_count)) or not all(isinstance(c, int) for c in req_chars):
        raise ValueError("bad program")
    from regex import _regex

    build: Any = _regex.compile  # type: ignore[attr-defined]
    rx = build(pat, fl, base64.b64decode(code, validate=True), groupindex,
                        {int(k): v for k, v in indexgroup.items()}, {}, [], req_offset, tuple(req_chars),
                        req_flags, group_count)
    if rx.pattern != pattern:
        raise ValueError("not this pattern")
    return rx


# -- storage -----------------------------------------------------------------------------------

def _salt() -> str:
    from ._version import __version__

    return f"regex-programs|{__version__}|{sys.version_info[:3]}|{getattr(regex, '__version__', '?')}"


def _key_path() -> Path | None:
    from .cache import _home

    xdg = os.environ.get("XDG_CONFIG_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "jdlint" / "cache.key"
    home = _home()
    return Path(home) / ".config" / "jdlint" / "cache.key" if home else None


def _read_key(path: Path) -> bytes | None:
    from .cache import _private

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or not _private(st) or st.st_mode & 0o077 or st.st_size != _KEY_BYTES:
            return None
        folder = os.lstat(path.parent)
        if not stat.S_ISDIR(folder.st_mode) or not _private(folder):
            return None
        data = os.read(fd, _KEY_BYTES + 1)
        return data if len(data) == _KEY_BYTES else None
    except OSError:
        return None
    finally:
        os.close(fd)


def _secret_key(create: bool) -> bytes | None:
    """The HMAC key (made on first store). None: no program is read or written."""
    global _secret
    if _secret is not None:
        return _secret
    path = _key_path()
    if path is None:
        return None
    key = _read_key(path)
    if key is None and create and not path.exists() and not os.path.islink(path):
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(os.urandom(_KEY_BYTES))
        except OSError:
            return None
        key = _read_key(path)
    _secret = key
    return key


def _file() -> tuple[Path, str] | None:
    from .cache import cache_dir

    folder = cache_dir()
    if folder is None:
        return None
    key = hashlib.sha256(_salt().encode()).hexdigest()[:32]
    return folder / f"regex-programs-{key}.json", key


def _load() -> dict[str, list]:
    try:
        where = _file()
        secret = _secret_key(create=False) if where else None
        if where is None or secret is None:
            return {}
        from .cache import _load as load_json, _usable_folder

        path, key = where
        if not _usable_folder(path.parent, create=False):
            return {}
        hit, data = load_json(path, key)
        if not hit or not isinstance(data, dict) or not isinstance(data.get("programs"), dict):
            return {}
        programs = data["programs"]
        mac = hmac.new(secret, _canonical(programs), hashlib.sha256).hexdigest()
        if not isinstance(data.get("hmac"), str) or not hmac.compare_digest(mac, data["hmac"]):
            return {}
        return {k: v for k, v in programs.items() if isinstance(k, str) and isinstance(v, list) and len(v) in (7, 9)}
    except Exception:
        return {}


def _canonical(programs: dict) -> bytes:
    import json

    return json.dumps(programs, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _save() -> None:
    """Store the programs compiled in this process with those already stored."""
    try:
        if not _new:
            return
        where = _file()
        if where is None:
            return
        secret = _secret_key(create=True)
        if secret is None:
            return
        from .cache import _encode, _store, _usable_folder

        path, key = where
        if not _usable_folder(path.parent, create=True):
            return
        programs = dict(_programs or {})
        programs.update(_new)
        canonical = _canonical(programs)
        if len(programs) > _MAX_PROGRAMS or len(canonical) > _MAX_BYTES:
            # the patterns of many configs: keep what this process used, rather than grow
            programs = {k: v for k, v in (_programs or {}).items() if k in _used}
            programs.update(_new)
            canonical = _canonical(programs)
        blob = _encode(key, {"programs": programs, "hmac": hmac.new(secret, canonical, hashlib.sha256).hexdigest()})
        if blob is not None:
            _store(path.parent, path, "regex-programs", blob)
        _new.clear()
    except Exception:
        pass
