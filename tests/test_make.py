"""`make` checks the Python before it makes anything, and says what to do."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OLD_PYTHONS = ("python3.10", "python3.9", "python3.8")

needs_make = pytest.mark.skipif(shutil.which("make") is None, reason="no make here")


def make(tmp_path: Path, python: str) -> subprocess.CompletedProcess:
    for name in ("Makefile", "pyproject.toml", "constraints.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    return subprocess.run(
        ["make", "demo", f"PYTHON={python}"], cwd=tmp_path, capture_output=True, text=True, stdin=subprocess.DEVNULL
    )


def runs(python: str) -> bool:
    """A Python that starts (a version manager's shim may be there and refuse)."""
    return subprocess.run([python, "-c", "pass"], capture_output=True).returncode == 0


@needs_make
def test_an_old_python_is_refused_before_anything_is_made(tmp_path):
    old = next((found for name in OLD_PYTHONS if (found := shutil.which(name)) and runs(found)), None)
    if old is None:
        pytest.skip("no Python older than 3.11 on this machine")
    result = make(tmp_path, old)
    assert result.returncode == 2
    assert "retro-tui needs Python 3.11 or newer" in result.stderr
    assert "PYTHON=python3.12 make demo" in result.stderr
    assert not (tmp_path / ".venv").exists()  # nothing half-built to trip over later


@needs_make
def test_a_python_that_is_not_there_is_said(tmp_path):
    result = make(tmp_path, "python-that-is-not-there")
    assert result.returncode == 2
    assert "there is no 'python-that-is-not-there' here" in result.stderr
    assert not (tmp_path / ".venv").exists()
