"""File and terminal I/O that is safe on a tree jdlint does not trust.

Everything jdlint reads in CI (postings, their names, configs, packs, caches) may come from a
pull request, so these helpers never follow a planted symlink to write, never block on a FIFO
or read a device, never read more than a limit, and never print a control character that a
terminal or the GitHub runner would interpret.

Errors are raised as ``OSError`` (writes) or ``ValueError`` (reads) whose ``str()`` is one line
meant to follow ``path: error: ``.

Escapes: ``sanitize_terminal`` and ``escape_path`` replace every C0 control character (except
tab and, optionally, newline), DEL and every C1 control character with a visible Python-style
escape: ``\\x1b`` for ESC, ``\\r`` for CR, ``\\n`` for LF, ``\\u009b`` for CSI. A backslash is
left alone, so escaped text reads like a Python string literal without its quotes.
"""
from __future__ import annotations

import errno
import os
import secrets
import stat
from typing import IO, Callable

__all__ = ["write_output", "rewrite_in_place", "read_regular_file", "read_stream_limited",
           "sanitize_terminal", "escape_path", "error_line", "is_within", "tree_root"]


# -- writing -----------------------------------------------------------------------------------

def _no_follow() -> int:
    return getattr(os, "O_NOFOLLOW", 0)


def write_output(path: str | os.PathLike, text: str, append: bool = False, *, mode: int | None = None) -> None:
    """Write ``text`` (UTF-8) to ``path`` without ever following a symlink planted there.

    Replace mode: a temp file with a random name is created in the target's folder with
    ``O_CREAT|O_EXCL|O_NOFOLLOW`` (so nothing that already exists, symlink or not, is opened),
    written, and renamed over the target. Append mode (``--summary`` into
    ``$GITHUB_STEP_SUMMARY``) opens the target with ``O_APPEND|O_NOFOLLOW``.

    A target that is itself a symlink is refused (``OSError`` with a one-line reason); so is
    one that is not a regular file. The temp file is removed on any error (a full disk too).
    ``mode`` sets the permission bits of a replaced file (default 0o644 minus the umask).
    """
    path = os.fspath(path)
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        st = None
    if st is not None:
        if stat.S_ISLNK(st.st_mode):
            raise OSError(errno.ELOOP, f"refusing to write {escape_path(path)}: it is a symbolic link")
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, f"refusing to write {escape_path(path)}: it is not a regular file")
    data = text.encode("utf-8")
    if append:
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | _no_follow() | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(path, flags, 0o644)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise OSError(errno.ELOOP, f"refusing to write {escape_path(path)}: it is a symbolic link") from None
            raise
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise OSError(errno.EINVAL, f"refusing to write {escape_path(path)}: it is not a regular file")
            _write_all(fd, data)
        finally:
            os.close(fd)
        return
    folder = os.path.dirname(os.path.abspath(path))
    base = os.path.basename(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _no_follow() | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        tmp = os.path.join(folder, f".{base[:64]}.{secrets.token_hex(8)}.jdlint-tmp")
        try:
            fd = os.open(tmp, flags, 0o644)
            break
        except FileExistsError:
            continue
    else:  # pragma: no cover - 100 collisions of 64 random bits
        raise OSError(errno.EEXIST, f"cannot create a temporary file in {escape_path(folder)}")
    try:
        try:
            _write_all(fd, data)
            if mode is not None:
                os.fchmod(fd, mode)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def rewrite_in_place(path: str | os.PathLike, text: str) -> None:
    """Overwrite the content of the regular file ``path`` in place (same inode, so hard links
    keep sharing it), never following a symlink at ``path``. Not atomic."""
    path = os.fspath(path)
    data = text.encode("utf-8")
    fd = os.open(path, os.O_WRONLY | _no_follow() | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        _write_all(fd, data)
        os.ftruncate(fd, len(data))
    finally:
        os.close(fd)


# -- reading -----------------------------------------------------------------------------------

def tree_root(path: str | os.PathLike) -> str:
    """The tree a path under review belongs to, for confining symlinks: the current folder
    when the path (as written, links not resolved) lies inside it, else the path's own folder."""
    here = os.getcwd()
    absolute = os.path.abspath(path)
    if absolute == here or absolute.startswith(here.rstrip(os.sep) + os.sep):
        return here
    return os.path.dirname(absolute)


def is_within(path: str | os.PathLike, root: str | os.PathLike) -> bool:
    """Whether the fully resolved ``path`` lies inside the fully resolved ``root``."""
    real = os.path.realpath(path)
    top = os.path.realpath(root)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a directory"
    if stat.S_ISFIFO(mode):
        return "is a FIFO (named pipe), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def read_regular_file(path: str | os.PathLike, limit: int, follow_links: bool = False,
                      root: str | os.PathLike | None = None) -> bytes:
    """The bytes of ``path``, which must be a regular file of at most ``limit`` bytes.

    - FIFOs, devices, sockets and folders are refused (the file is opened with
      ``O_NONBLOCK`` and checked with ``fstat``, so a FIFO never blocks and nothing is read
      from a device such as ``/dev/zero``);
    - at most ``limit + 1`` bytes are read; more is refused even when ``stat`` lied;
    - a path whose resolved location is outside ``root`` (typically a symlink, in the file
      name or in a folder on the way, pointing out of the tree) is refused, unless
      ``follow_links``. With ``root=None`` nothing is confined (the caller trusts the name).

    Raises ``ValueError`` with a one-line reason.
    """
    path = os.fspath(path)
    if root is not None and not follow_links and not is_within(path, root):
        if is_within(os.path.abspath(path), root) or os.path.islink(path):
            raise ValueError("is a symbolic link to a file outside the tree under review (not followed)")
        raise ValueError("is outside the tree under review")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except IsADirectoryError:
        raise ValueError("is a directory") from None
    except PermissionError:
        raise ValueError("permission denied") from None
    except FileNotFoundError:
        if os.path.islink(path):
            raise ValueError("is a broken symbolic link (its target does not exist)") from None
        raise ValueError("no such file") from None
    except OSError as exc:
        raise ValueError(exc.strerror or str(exc)) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ValueError(_kind(st.st_mode))
        if st.st_size > limit:
            raise ValueError(f"too large ({_mb(st.st_size)}; the limit is {_mb(limit)})")
        return _read_limited(lambda n: os.read(fd, n), limit)
    except IsADirectoryError:
        raise ValueError("is a directory") from None
    except OSError as exc:
        raise ValueError(exc.strerror or str(exc)) from None
    finally:
        os.close(fd)


def _read_limited(read: Callable[[int], bytes], limit: int) -> bytes:
    """Call ``read(n)`` until it returns nothing, reading at most ``limit + 1`` bytes in all;
    ``ValueError`` when there is more than ``limit``."""
    chunks, total = [], 0
    while total <= limit:
        chunk = read(min(1 << 20, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > limit:
        raise ValueError(f"too large (over {_mb(limit)}, the limit)")
    return b"".join(chunks)


def read_stream_limited(stream: IO[bytes], limit: int) -> bytes:
    """At most ``limit`` bytes from a binary stream (stdin); ``ValueError`` if there is more."""
    return _read_limited(stream.read, limit)


# -- printing ----------------------------------------------------------------------------------

def _is_control(cp: int) -> bool:
    return cp < 0x20 or 0x7F <= cp <= 0x9F or cp in (0x2028, 0x2029)


def _escape_char(ch: str) -> str:
    cp = ord(ch)
    if ch == "\n":
        return "\\n"
    if ch == "\r":
        return "\\r"
    if ch == "\t":
        return "\\t"
    if cp <= 0xFF:
        return f"\\x{cp:02x}"
    return f"\\u{cp:04x}"


def sanitize_terminal(text: str, keep_newlines: bool = True, keep_tabs: bool = True) -> str:
    """``text`` with every control character (C0, DEL, C1, and the U+2028/U+2029 line
    separators) replaced by a visible escape such as ``\\x1b``. Newlines are kept unless
    ``keep_newlines=False`` (then they become ``\\n``, and ``\\r`` is always escaped); tabs
    are kept unless ``keep_tabs=False``."""
    if not any(_is_control(ord(c)) for c in text):
        return text
    out = []
    for ch in text:
        cp = ord(ch)
        if not _is_control(cp) or (ch == "\n" and keep_newlines) or (ch == "\t" and keep_tabs):
            out.append(ch)
        else:
            out.append(_escape_char(ch))
    return "".join(out)


def escape_path(path: str | os.PathLike) -> str:
    """A path fit to print on one line: newlines, CR, tabs and every other control character
    escaped (``\\n``, ``\\r``, ``\\x1b``), so a file name can neither start a new line (a
    forged ``::error`` workflow command) nor drive the terminal. A relative name that begins
    with ``:`` or ``#`` is shown as ``./name`` (the same file), so a line that begins with
    the path cannot be a workflow command either."""
    text = sanitize_terminal(os.fspath(path), keep_newlines=False, keep_tabs=False)
    if text.lstrip().startswith((":", "#")):
        # The runner strips leading blanks and reads "::cmd::" (and the old "##[cmd]") at the
        # start of any line; "./" names the same file and cannot start a command.
        text = "./" + text
    return text


def error_line(path: str | os.PathLike | None, line: str) -> str:
    """A ``path: error: ...`` (or ``path: fixed N``) line made safe to print on stderr: the
    leading path as ``escape_path`` shows it, the rest with control characters and line
    breaks escaped. A line that would still begin with ``::`` or ``##[`` (a workflow
    command) gets a ``jdlint: `` prefix."""
    if path is not None:
        raw = os.fspath(path)
        if line.startswith(raw):
            return escape_path(raw) + sanitize_terminal(line[len(raw):], keep_newlines=False)
    line = sanitize_terminal(line, keep_newlines=False)
    if line.lstrip().startswith(("::", "##[")):
        line = "jdlint: " + line
    return line
