"""Opening a session does no screen's work twice: each rebuild of a part of the screen
before the session is read is a frame's style and layout pass that the session waits for."""

from __future__ import annotations

import pytest

from apphelpers import opened
from retro_tui.ui.app import RetroApp
from retro_tui.ui.footer import KeyBar
from retro_tui.ui.keys import localized


@pytest.mark.parametrize("width", [80, 120])
async def test_the_key_bar_is_built_once_with_its_keys_before_the_session_is_read(
    tmp_path, example_copy, monkeypatch, width
):
    held = []
    monkeypatch.setattr(RetroApp, "read_for", lambda self, screen, path, shown: held.append((screen, path, shown)))
    builds = []
    compose = KeyBar.compose

    def counted(bar):
        builds.append(bar.show_command_palette)
        return compose(bar)

    monkeypatch.setattr(KeyBar, "compose", counted)
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert held, "the session was read before its first frame"
        # Textual's footer composes empty until the screen's keys are known, then once
        # with them; a second build with them (the palette key decided after the first)
        # was a whole extra frame before the session could be shown.
        assert len(builds) == 2, builds
        assert set(builds) == {width >= 100}
        _screen, path, shown = held[0]
        from retro_tui.store import load

        await shown(load(path))
        await opened(pilot)
        # Once more when the session is there: its keys are no longer greyed.
        assert len(builds) == 3, builds
