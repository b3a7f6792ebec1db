"""`jdlint serve` from the command line: without the serve extra, one line saying what to
install; a folder that is not one, or a port in use, is one line and exit 2."""
from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))


@pytest.mark.parametrize("missing", ["starlette", "uvicorn"])
def test_serve_without_the_extra_says_how_to_install_it(missing):
    proc = _run(f"import sys; sys.modules[{missing!r}] = None\nfrom jdlint.cli import main; main(['serve'])")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "pip install 'jdlint[serve]'" in proc.stderr, proc.stderr


def test_serve_needs_a_folder(tmp_path):
    pytest.importorskip("starlette")
    pytest.importorskip("uvicorn")
    proc = _run(f"from jdlint.cli import main; main(['serve', {str(tmp_path / 'nope')!r}])")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "not a folder" in proc.stderr, proc.stderr


def test_a_port_in_use_is_one_line():
    pytest.importorskip("starlette")
    pytest.importorskip("uvicorn")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        proc = _run(f"from jdlint.cli import main; main(['serve', '--port', '{port}'])")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "--port" in proc.stderr, proc.stderr
