"""What arrives as a screen closes breaks nothing: a save that ends after the status
line is gone (its state comes back from the save's thread) has nowhere to be said.
Found by the whole suite on a very busy machine, where the app ended on NoMatches."""

from __future__ import annotations

import pytest

from apphelpers import opened
from retro_tui.ui.app import RetroApp
from retro_tui.ui.keys import localized


@pytest.mark.parametrize("notetaker", [False, True], ids=["facilitator", "notetaker"])
async def test_a_save_that_ends_after_the_status_line_is_gone_breaks_nothing(tmp_path, example_copy, notetaker):
    app = localized(RetroApp)(tmp_path, example_copy, notetaker=notetaker)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        screen = app.screen
        await screen.query_one("#status").remove()  # as when the screen is taken down
        screen.refresh_status()  # what the save's thread asks for when it is done
        await pilot.pause()
        assert app.is_running and app.screen is screen
