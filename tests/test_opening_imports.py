"""Opening a session imports only what its first frames need (issue 14): the record form
comes with the first form, the lock library with the first lock, which is the first
save's, in its worker thread. Each was several milliseconds of every opening."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import asyncio, shutil, sys, tempfile
from pathlib import Path
from retro_tui.ui.app import RetroApp
from retro_tui.ui.keys import localized

async def main():
    folder = Path(tempfile.mkdtemp())
    path = folder / "example.toml"
    shutil.copy(sys.argv[1], path)
    app = localized(RetroApp)(folder, path)
    async with app.run_test(size=(80, 24)) as pilot:
        # As tests/apphelpers.py's `opened`, which imports the form itself.
        while not app.screen.ready.is_set():
            await asyncio.sleep(0.01)
        await pilot.pause()
        print(" ".join(m for m in ("filelock", "retro_tui.ui.forms") if m in sys.modules))
        await pilot.press("e")  # a form, on the first step's list
        await pilot.pause()
        print(" ".join(m for m in ("filelock", "retro_tui.ui.forms") if m in sys.modules))
        await pilot.press("escape", "ctrl+q")

asyncio.run(main())
"""


def test_a_session_opens_without_the_form_and_the_lock_library(example_copy):
    from conftest import ROOT

    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(example_copy)], cwd=ROOT, capture_output=True, text=True, check=True, timeout=60
    ).stdout.splitlines()
    assert out[0] == "", f"imported while opening: {out[0]}"
    assert "retro_tui.ui.forms" in out[1]  # the control: the form does come when asked
