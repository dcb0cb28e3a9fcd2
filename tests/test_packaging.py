"""What a fresh clone and a built wheel carry: the licence, one version number, and
pinned versions for the tests (so a new Textual cannot change the snapshots)."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import zipfile
from importlib.metadata import version
from pathlib import Path

import retro_tui

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    """The normalised project name of a requirement ("Tomli_W>=1" -> "tomli-w")."""
    return re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement).group()).lower()


def test_one_version_number_everywhere():
    result = subprocess.run(
        [str(Path(sys.executable).with_name("retro-tui")), "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"retro-tui {retro_tui.__version__}"
    assert version("retro-tui") == retro_tui.__version__  # the installed metadata agrees
    assert "version" not in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def test_the_wheel_carries_the_licence_and_the_version(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
         "--disable-pip-version-check", "--wheel-dir", str(tmp_path), str(ROOT)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    [wheel] = tmp_path.glob("retro_tui-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        dist_info = f"retro_tui-{retro_tui.__version__}.dist-info"
        assert archive.read(f"{dist_info}/licenses/LICENSE") == (ROOT / "LICENSE").read_bytes()
        metadata = archive.read(f"{dist_info}/METADATA").decode()
    assert f"\nVersion: {retro_tui.__version__}\n" in metadata
    assert "\nLicense-Expression: MIT\n" in metadata
    assert "MIT License" in (ROOT / "LICENSE").read_text()
    assert "retro_tui/example.toml" in names  # `retro-tui example` works from the wheel
    # ...and gives the whole example case: the sessions after the retrospective too.
    arc = sorted(p.name for p in (ROOT / "src" / "retro_tui" / "example_arc").glob("*.toml"))
    assert arc and sorted(n.rsplit("/", 1)[1] for n in names if n.startswith("retro_tui/example_arc/")) == arc


def test_every_dependency_is_pinned_in_the_constraints():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]}
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line and not line.startswith((" ", "#")):
            requirement = line.split(";")[0].strip()
            assert "==" in requirement, line
            name, pinned = requirement.split("==")
            pins[_name(name)] = pinned
    assert sorted(wanted - pins.keys()) == []  # run `make lock` after changing pyproject.toml
    assert pins["textual"] == version("textual")  # the snapshots were made with this one
