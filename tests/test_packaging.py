"""The package as pip builds it: every module and every YAML file of the knowledge, and no setuptools warnings."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT

PACKAGES = ("bot", "intents", "knowledge", "handlers")
BETA = "ignore:Support for `[tool.setuptools]`:UserWarning"
"""Older setuptools call the pyproject table beta; that is not a problem of ours."""


def test_build_includes_every_module_and_yaml_quietly(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    for package in PACKAGES:
        shutil.copytree(ROOT / package, src / package, ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path / "out"
    build = [sys.executable, "-W", "error", "-W", BETA, "-c", "from setuptools import setup; setup()"]
    result = subprocess.run(
        [*build, "-q", "build_py", "--build-lib", str(out)], cwd=src, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "absent" not in result.stdout + result.stderr, result.stdout + result.stderr
    wanted = {
        p.relative_to(src) for package in PACKAGES for p in (src / package).rglob("*") if p.suffix in {".py", ".yaml"}
    }
    built = {p.relative_to(out) for p in out.rglob("*") if p.is_file()}
    assert wanted - built == set(), "missing from the package"
    assert Path("bot/dialogue/flows.py") in built and Path("knowledge/topics/zjtx.yaml") in built
