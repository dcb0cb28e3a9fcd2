from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from retro_tui.cli import main
from retro_tui.i18n import set_language

# Hypothesis's per-example deadline is a timing assert: on a busy machine (or with
# the tests running in parallel) it fails tests that are right.
settings.register_profile("retro-tui", deadline=None)
settings.load_profile("retro-tui")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "sessions" / "example.toml"

MINIMAL = """\
schema_version = 1

[session]
title = "Test session"
language = "en"
status = "preparing"
created = 2026-01-01T10:00:00
updated = 2026-01-01T10:00:00

[[checkin.participants]]
id = "p-ann"
name = "Ann"

[[family.members]]
id = "fm-mother"
pseudonym = "Mother"

[[timeline.events]]
id = "ev-1"
date = "2019-03"
title = "Placement"
lane = "professionals"
people = ["fm-mother"]

[[insights.items]]
id = "in-1"
category = "stands_out"
text = "Everyone worked alone"
events = ["ev-1"]
tags = ["pattern.islands"]
"""


def pytest_collection_modifyitems(items) -> None:
    # The long stress tests first: in a parallel run (make test: pytest -n) a long test
    # that starts last keeps the whole run waiting for it alone.
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True)
def english() -> None:
    # The CLI sets the process-wide language; each test starts from English.
    set_language("en")


@pytest.fixture(autouse=True)
def private_state(tmp_path_factory, monkeypatch) -> Path:
    """Draft journals go to a folder of the test's own, never the user's; so do the
    user's home, settings and data folders, so tests run in parallel (pytest -n) and
    on a developer's own machine see nothing of each other or of the developer."""
    state = tmp_path_factory.mktemp("state")
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.delenv("RETRO_TUI_SESSIONS", raising=False)
    return state


@pytest.fixture
def run_cli(capsys):
    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def minimal_file(tmp_path: Path) -> Path:
    path = tmp_path / "minimal.toml"
    path.write_text(MINIMAL, encoding="utf-8")
    return path


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A copy of the example session to change freely; the bundled file stays as it is."""
    import shutil

    path = tmp_path / "example.toml"
    shutil.copy(EXAMPLE, path)
    return path


@pytest.fixture(params=["idle", "busy"])
def load(request):
    """Run a test as is, and again with two processes keeping the CPU busy, as on a
    laptop that is also projecting and on a call."""
    import subprocess
    import sys

    if request.param == "idle":
        yield request.param
        return
    hogs = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    try:
        yield request.param
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()
