"""Regenerate docs/editor.png: real Neovim, in a pseudo-terminal, with `jdlint server` attached
to a sample posting; the diagnostics show as signs, underlines and virtual text, and the hover
of the last line's finding (10+ years of LangChain) is open. The terminal screen is read back
with pyte (a terminal emulator in Python), written out as an HTML page of coloured monospace
spans and shot by headless Chromium.

Needs: nvim (0.7 or later), chromium, and pyte (`pip install pyte`) next to jdlint's server
extra. A developer tool: not part of jdlint's package or tests.

    python scripts/screenshot_editor.py [--out docs/editor.png]
"""
from __future__ import annotations

import argparse
import fcntl
import html
import os
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

COLS, ROWS = 110, 32
CELL_W, CELL_H, FONT_PX = 10, 20, 16  # pixels per terminal cell in the page Chromium shoots
DEFAULT_FG, DEFAULT_BG = "#d0d0d0", "#1c1c1c"
WAIT_FOR = "rockstar"  # text of a virtual-text diagnostic: on screen once the server has answered

SAMPLE = """\
# Data Scientist / ML Engineer / Data Engineer

We are looking for a rockstar to join our young team.
You will own our models from notebook to production.

## Responsibilities

- Build and ship machine learning models
- Own the data pipelines end to end

## Requirements

- Fluent English, native speaker preferred
- 10+ years of experience with LangChain
"""

CONFIG = "stack: [Python, PyTorch, LangChain]\n"

# vim.lsp.start_client + buf_attach_client: present since Neovim 0.5 (Debian 12 ships 0.7,
# which has no vim.lsp.start), as in tests/test_server_neovim.py.
INIT_LUA = r"""
vim.o.termguicolors = true
vim.o.background = "dark"
vim.cmd("colorscheme " .. os.getenv("JDLINT_COLORSCHEME"))
vim.o.number = true
vim.o.signcolumn = "yes"
vim.o.wrap = false
vim.o.laststatus = 2
vim.o.showmode = false
vim.o.ruler = true
vim.o.swapfile = false
vim.o.shortmess = vim.o.shortmess .. "IF"
vim.diagnostic.config({ virtual_text = true, signs = true, underline = true, severity_sort = true })
vim.cmd("highlight NormalFloat guifg=#e4e4e4 guibg=#262626")
vim.cmd("highlight FloatBorder guifg=#87afd7 guibg=#262626")
vim.cmd("highlight SignColumn guibg=NONE")
vim.lsp.handlers["textDocument/hover"] = vim.lsp.with(vim.lsp.handlers.hover,
  { border = "rounded", max_width = 104, max_height = 10 })
vim.keymap.set("n", "K", vim.lsp.buf.hover)

local client_id = vim.lsp.start_client({
  name = "jdlint",
  cmd = { os.getenv("JDLINT_PYTHON"), "-m", "jdlint", "server" },
  root_dir = os.getenv("JDLINT_ROOT"),
})
vim.api.nvim_create_autocmd("FileType", {
  pattern = "markdown",
  callback = function(args) vim.lsp.buf_attach_client(args.buf, client_id) end,
})
"""


def need(name: str, found: bool) -> None:
    if not found:
        print(f"screenshot_editor: needs {name}", file=sys.stderr)
        sys.exit(2)


def colour(value: str, default: str) -> str:
    """pyte keeps a colour as a name ("default", "red", ...) or six hex digits."""
    if value == "default":
        return default
    if len(value) == 6 and all(c in "0123456789abcdefABCDEF" for c in value):
        return "#" + value
    return NAMED.get(value, default)


NAMED = {"black": "#000000", "red": "#cd3131", "green": "#0dbc79", "brown": "#e5e510", "yellow": "#e5e510",
         "blue": "#2472c8", "magenta": "#bc3fbc", "cyan": "#11a8cd", "white": "#e5e5e5",
         "brightblack": "#666666", "brightred": "#f14c4c", "brightgreen": "#23d18b", "brightbrown": "#f5f543",
         "brightyellow": "#f5f543", "brightblue": "#3b8eea", "brightmagenta": "#d670d6", "brightcyan": "#29b8db",
         "brightwhite": "#ffffff"}


def to_html(screen) -> str:
    """One fixed-width span per cell, so box drawing and wide glyphs keep to the terminal's grid."""
    rows = []
    cursor = None if screen.cursor.hidden else (screen.cursor.x, screen.cursor.y)
    for y in range(screen.lines):
        line = screen.buffer[y]
        cells = []
        for x in range(screen.columns):
            ch = line[x]
            fg, bg = colour(ch.fg, DEFAULT_FG), colour(ch.bg, DEFAULT_BG)
            if ch.reverse != (cursor == (x, y)):  # the cursor: a block, as a terminal draws it
                fg, bg = bg, fg
            style = f"color:{fg};background:{bg}"
            if ch.bold:
                style += ";font-weight:bold"
            if ch.italics:
                style += ";font-style:italic"
            if ch.underscore:
                style += f";text-decoration:underline {fg}"
            if "\u2500" <= ch.data[:1] <= "\u257f":  # box drawing: stretched to the cell, so borders join
                style += f";transform:scaleY({CELL_H / FONT_PX:.2f})"
            cells.append(f'<span style="{style}">{html.escape(ch.data or " ")}</span>')
        rows.append(f'<div class="row">{"".join(cells)}</div>')
    return f"""<!doctype html><meta charset="utf-8"><style>
html, body {{ margin: 0; padding: 0; background: {DEFAULT_BG}; overflow: hidden; }}
.term {{ width: {COLS * CELL_W}px; height: {ROWS * CELL_H}px; }}
.row {{ height: {CELL_H}px; white-space: pre; font-size: {FONT_PX}px;
        font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; }}
.row span {{ display: inline-block; width: {CELL_W}px; height: {CELL_H}px; line-height: {CELL_H}px;
             text-align: center; overflow: visible; vertical-align: top; }}
</style><div class="term">{"".join(rows)}</div>"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="docs/editor.png")
    parser.add_argument("--colorscheme", default="desert", help="one that ships with Neovim (default: desert)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for the diagnostics")
    args = parser.parse_args()

    need("nvim (Neovim)", shutil.which("nvim") is not None)
    chromium = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
    need("chromium", chromium is not None)
    try:
        import pyte
    except ImportError:
        need("pyte (pip install pyte)", False)
    try:
        import pygls  # noqa: F401  (jdlint server's extra)
    except ImportError:
        need("jdlint's server extra (pip install 'jdlint[server]')", False)

    out = Path(args.out).resolve()
    repo = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory(prefix="jdlint-editor-") as tmp_name:
        tmp = Path(tmp_name)
        (tmp / ".jdlint.yaml").write_text(CONFIG, encoding="utf-8")
        (tmp / "data-scientist.md").write_text(SAMPLE, encoding="utf-8")
        (tmp / "init.lua").write_text(INIT_LUA, encoding="utf-8")
        env = dict(os.environ, TERM="xterm-256color", COLORTERM="truecolor", HOME=str(tmp),
                   XDG_CONFIG_HOME=str(tmp / "config"), XDG_DATA_HOME=str(tmp / "data"),
                   XDG_STATE_HOME=str(tmp / "state"), XDG_CACHE_HOME=str(tmp / "cache"),
                   PYTHONPATH=os.pathsep.join(filter(None, [str(repo), os.environ.get("PYTHONPATH")])),
                   JDLINT_PYTHON=sys.executable, JDLINT_ROOT=str(tmp), JDLINT_COLORSCHEME=args.colorscheme,
                   LANG=os.environ.get("LANG") or "C.UTF-8")

        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        screen = pyte.Screen(COLS, ROWS)
        # Answer the terminal queries Neovim sends (device attributes and the like).
        screen.write_process_input = lambda data: os.write(master, data.encode())
        stream = pyte.ByteStream(screen)
        proc = subprocess.Popen(["nvim", "-n", "-i", "NONE", "-u", str(tmp / "init.lua"), "data-scientist.md"],
                                cwd=tmp, env=env, stdin=slave, stdout=slave, stderr=slave, start_new_session=True)
        os.close(slave)

        def pump(seconds: float, until=None) -> bool:
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                ready, _, _ = select.select([master], [], [], 0.05)
                if ready:
                    try:
                        data = os.read(master, 65536)
                    except OSError:
                        return False
                    stream.feed(data)
                if until is not None and until():
                    return True
            return until is None

        def on_screen(text: str) -> bool:
            return any(text in line for line in screen.display)

        def keys(text: str, settle: float = 1.0) -> None:
            os.write(master, text.encode())
            pump(settle)

        try:
            if not pump(args.timeout, lambda: on_screen(WAIT_FOR) and on_screen("LangChain")):
                print("screenshot_editor: no diagnostics on screen after "
                      f"{args.timeout:.0f}s:\n" + "\n".join(screen.display), file=sys.stderr)
                return 1
            pump(1.5)  # let the rest of the diagnostics land
            # The cursor on the last line's finding (10+ years of LangChain) and its hover, which
            # opens below it, over the empty end of the buffer.
            keys("G$bK", 0.5)
            if not pump(args.timeout / 2, lambda: on_screen("impossible-experience")):
                print("screenshot_editor: the hover did not open; shooting without it", file=sys.stderr)
            pump(1.0)
            page = tmp / "screen.html"
            page.write_text(to_html(screen), encoding="utf-8")
        finally:
            try:
                os.write(master, b"\x1b:qa!\r")  # Neovim stops the server on the way out
                proc.wait(timeout=15)
            except (OSError, subprocess.TimeoutExpired):
                proc.terminate()
                proc.wait(timeout=5)
            try:  # anything of Neovim's still running (the server, if it lingered)
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            os.close(master)

        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                        f"--user-data-dir={tmp / 'profile'}", f"--window-size={COLS * CELL_W},{ROWS * CELL_H}",
                        f"--screenshot={out}", page.as_uri()], check=True, capture_output=True)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
