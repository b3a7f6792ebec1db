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


@pytest.mark.slow
def test_sdist_carries_its_tests_fixtures_and_license_and_they_run(tmp_path):
    # Issue 13: 9 test modules failed to collect from the sdist (no fixtures/, examples/,
    # action.yml), there was no LICENSE, and the license table form stops building in 2027.
    import os
    import tarfile

    import shutil

    # Build from a copy: setuptools writes jdlint.egg-info into the tree it builds.
    tree = tmp_path / "tree"
    shutil.copytree(ROOT, tree, ignore=shutil.ignore_patterns(".git", ".venv*", "build", "dist", "*.egg-info",
                                                              "__pycache__", ".pytest_cache", ".hypothesis"))
    dist = tmp_path / "dist"
    proc = subprocess.run([sys.executable, "-m", "build", "--sdist", "-o", str(dist), str(tree)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "deprecated" not in (proc.stdout + proc.stderr).lower()
    (sdist,) = dist.glob("jdlint-*.tar.gz")
    with tarfile.open(sdist) as tar:
        tar.extractall(tmp_path / "src", filter="data")
    (src,) = (tmp_path / "src").iterdir()
    for name in ("LICENSE", "action.yml", "jdlint.schema.json", ".pre-commit-hooks.yaml", "docs/rules.md",
                 "fixtures/realistic", "examples/pack", "tests/conftest.py", "tests/data"):
        assert (src / name).exists(), name
    meta = (src / "PKG-INFO").read_text()
    assert "License-Expression: MIT" in meta and "Programming Language :: Python :: 3.13" in meta
    assert "Project-URL: Source" in meta and "Requires-Python: >=3.10" in meta
    env = dict(os.environ, PYTHONPATH=str(src))
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "not slow",
                           "tests/test_fixtures.py", "tests/test_cli.py", "tests/test_config.py", "tests/test_packs.py"],
                          cwd=src, env=env, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    collect = subprocess.run([sys.executable, "-m", "pytest", "-q", "--collect-only", "-p", "no:cacheprovider"],
                             cwd=src, env=env, capture_output=True, text=True, timeout=600)
    import re

    last = collect.stdout.strip().splitlines()[-1]
    assert collect.returncode == 0 and not re.search(r"\d+ errors?\b", last), collect.stdout[-3000:]
