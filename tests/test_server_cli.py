"""`jdlint server` without the server extra installed: one line saying what to install."""
from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT


def test_server_without_the_extra_says_how_to_install_it():
    code = ("import sys; sys.modules['pygls'] = None; sys.modules['lsprotocol'] = None\n"
            "from jdlint.cli import main; main(['server'])")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "pip install 'jdlint[server]'" in proc.stderr, proc.stderr
