"""A wheel without its rules/ must fail loudly: build it, install it in a fresh venv and lint
a fixture from outside the repository."""
from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_ships_rules_and_lints_from_outside_the_repo(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
                   check=True, capture_output=True, text=True, timeout=300)
    (wheel,) = dist.glob("jdlint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "jdlint/_rules/JD101-stacked-title.yaml" in names
    assert "jdlint/_rules/vocab/tools.yaml" in names

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bindir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    py = bindir / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True,
                   text=True, timeout=600)
    work = tmp_path / "elsewhere"
    work.mkdir()
    posting = work / "posting.md"
    posting.write_text((ROOT / "fixtures" / "stacked-title" / "fire-slash.md").read_text())
    proc = subprocess.run([str(bindir / "jdlint"), "--no-color", "--fail-on", "warning", "posting.md"], cwd=work,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert "posting.md:1:3: warning stacked-title" in proc.stdout
    where = subprocess.run([str(py), "-c", "import jdlint, jdlint.resources as r; print(jdlint.__file__); print(r.rules_dir())"],
                           cwd=work, capture_output=True, text=True, check=True).stdout.split()
    assert str(env_dir) in where[0] and where[1].endswith("_rules")
