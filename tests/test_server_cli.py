"""`jdlint server` without the server extra installed: one line saying what to install."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def test_server_without_the_extra_says_how_to_install_it():
    code = ("import sys; sys.modules['pygls'] = None; sys.modules['lsprotocol'] = None\n"
            "from jdlint.cli import main; main(['server'])")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "pip install 'jdlint[server]'" in proc.stderr, proc.stderr


def test_the_zed_extension_registers_jdlint_server_for_markdown():
    tomllib = pytest.importorskip("tomllib")
    root = ROOT / "editors" / "zed"
    ext = tomllib.loads((root / "extension.toml").read_text(encoding="utf-8"))
    assert ext["schema_version"] == 1 and ext["language_servers"]["jdlint"]["languages"] == ["Markdown"]
    cargo = tomllib.loads((root / "Cargo.toml").read_text(encoding="utf-8"))
    assert cargo["lib"]["crate-type"] == ["cdylib"] and "zed_extension_api" in cargo["dependencies"]
    src = (root / "src" / "lib.rs").read_text(encoding="utf-8")
    assert 'which("jdlint")' in src and 'vec!["server".to_string()]' in src
