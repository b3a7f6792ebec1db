"""A real editor: headless Neovim (Debian's `neovim`; `.ci/run` installs it) opens a posting
with `jdlint server` attached through its built-in LSP client, and the test reads back the
diagnostics Neovim holds."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CLEAN_BODY, ROOT

pytest.importorskip("pygls")
pytestmark = [pytest.mark.skipif(shutil.which("nvim") is None, reason="needs Neovim (apt-get install neovim)")]

# vim.lsp.start_client and buf_attach_client: in every Neovim since 0.5 (Debian 12 ships 0.7).
SCRIPT = r"""
local client_id = vim.lsp.start_client({
  name = "jdlint",
  cmd = { os.getenv("JDLINT_PYTHON"), "-m", "jdlint", "server" },
  root_dir = os.getenv("JDLINT_ROOT"),
})
vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("JDLINT_POSTING")))
vim.lsp.buf_attach_client(0, client_id)
vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local out = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local lsp = (d.user_data or {}).lsp or {}
  table.insert(out, string.format("%d:%d:%s:%s:%s", d.lnum, d.col, tostring(d.code or lsp.code),
                                  tostring(d.source or lsp.source), tostring(d.severity)))
end
vim.fn.writefile(out, os.getenv("JDLINT_OUT"))
vim.lsp.stop_client(client_id)
vim.cmd("qa!")
"""


def test_neovim_shows_the_diagnostics(tmp_path: Path):
    (tmp_path / ".jdlint.yaml").write_text("stack: [Python, Airflow]\n")
    posting = tmp_path / "post.md"
    posting.write_text("# Data Engineer / Analytics Engineer\n\n" + CLEAN_BODY + "\nWe want a rockstar.\n")
    script = tmp_path / "check.lua"
    script.write_text(SCRIPT)
    out = tmp_path / "diagnostics.txt"
    env = dict(os.environ, PYTHONPATH=str(ROOT), JDLINT_PYTHON=sys.executable, JDLINT_ROOT=str(tmp_path),
               JDLINT_POSTING=str(posting), JDLINT_OUT=str(out), HOME=str(tmp_path), XDG_STATE_HOME=str(tmp_path / "state"))
    proc = subprocess.run(["nvim", "--headless", "--clean", "-n", "-c", f"luafile {script}"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=90, stdin=subprocess.DEVNULL)
    assert out.exists(), (proc.returncode, proc.stdout, proc.stderr)
    lines = sorted(out.read_text().splitlines())
    # Neovim's severities: 1 error, 2 warning; positions 0-based.
    assert lines == ["0:2:stacked-title:jdlint:2", "4:10:exclusionary-language:jdlint:2"], lines  # both warnings
