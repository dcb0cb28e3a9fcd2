"""What the case view looks like at 80×24, in Dutch and English. Update on purpose with
`pytest --snapshot-update`."""

from __future__ import annotations

import asyncio
import shutil

import pytest

from conftest import EXAMPLE
from retro_tui.store.files import example_arc_sources
from retro_tui.i18n import set_language
from retro_tui.ui.app import RetroApp
from retro_tui.ui.case_view import CaseScreen
from retro_tui.ui.keys import localized


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_case_view(snap_compare, tmp_path, lang):
    folder = tmp_path / "sessions"
    folder.mkdir()
    for source in (EXAMPLE, *example_arc_sources()):
        shutil.copy(source, folder / source.name)
    set_language(lang)
    app = localized(RetroApp)(folder)

    async def run_before(pilot) -> None:
        await pilot.press("c", "enter")

        async def read() -> None:
            while not (isinstance(pilot.app.screen, CaseScreen) and pilot.app.screen.state is not None):
                await asyncio.sleep(0.02)

        await asyncio.wait_for(read(), timeout=120)  # a guard against hanging, not a measurement
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
