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
    drawn = []
    render = KeyBar.render

    def counted(bar):
        shown = render(bar)
        drawn.append((bar._shown, str(shown)))
        return shown

    monkeypatch.setattr(KeyBar, "render", counted)
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert held, "the session was read before its first frame"
        # The bar draws the screen's keys in its first frame, and once: keys worked out
        # again (the palette key decided after the first) were a whole extra frame
        # before the session could be shown.
        assert len({keys for keys, _ in drawn}) == 1, drawn
        keys, palette = drawn[0][0]
        assert keys and (palette is not None) == (width >= 100)
        _screen, path, shown = held[0]
        from retro_tui.store import load

        await shown(load(path))
        await opened(pilot)
        # Once more when the session is there: its keys are no longer greyed.
        assert len({keys for keys, _ in drawn}) == 2, drawn
        assert all(key.enabled for key in drawn[-1][0][0])
        assert not all(key.enabled for key in drawn[0][0][0])

@pytest.fixture
def collector_as_the_command_leaves_it():
    """What `retro-tui` does before it imports the app: the collector held (cli._app)."""
    import gc

    from retro_tui import cli
    from retro_tui.ui import app

    assert cli._app() is app.run
    assert not gc.isenabled()
    yield
    gc.enable()  # whatever the test left, the next test has its collector


@pytest.mark.usefixtures("collector_as_the_command_leaves_it")
async def test_the_collector_held_for_the_start_is_settled_with_the_session(tmp_path, example_copy, monkeypatch):
    """No collection walks the imports, the first frame or the reading; once the session
    is built its objects are frozen and the collector runs again."""
    import gc

    from retro_tui.ui.app import RetroApp as App

    at_first_frame = []
    ready = App.on_ready
    monkeypatch.setattr(App, "on_ready", lambda app: at_first_frame.append(gc.isenabled()) or ready(app))
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        assert at_first_frame == [False]
        assert gc.isenabled() and gc.get_freeze_count() > 0


@pytest.mark.usefixtures("collector_as_the_command_leaves_it")
@pytest.mark.parametrize("start", ["opening", "unreadable"])
async def test_the_collector_held_for_the_start_comes_back_where_no_session_is_read(tmp_path, start):
    """The opening screen and a file that cannot be read settle no session: the first
    frame gives the collector back, or the app would never collect again."""
    import gc

    path = None
    if start == "unreadable":
        path = tmp_path / "broken.toml"
        path.write_text("[session\n", encoding="utf-8")
    app = localized(RetroApp)(tmp_path, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert gc.isenabled()
