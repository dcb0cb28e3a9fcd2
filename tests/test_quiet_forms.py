"""Tab in a form draws again the field it leaves and the one it enters, not the whole
screen: Textual's `Screen.focused` repainted the form and the dimmed session under it on
every focus move (ui/quiet_focus.py). Counted, not timed; and what is on the screen after
Tab and shift+Tab is what was there before, so nothing that should change was left out."""

from __future__ import annotations

import pytest

from apphelpers import burst, on_timeline, opened, settle
from test_key_work import all_panes_built, asked_to_be_drawn
from retro_tui.ui.app import RetroApp
from retro_tui.ui.keys import localized


async def tab_there_and_back(pilot, monkeypatch) -> None:
    app = pilot.app
    screen = app.screen
    first = app.focused
    look = app.export_screenshot()
    asked = asked_to_be_drawn(monkeypatch)
    await burst(pilot, "tab")
    assert app.focused is not first and app.screen is screen  # the key did move the focus
    names = {name for name, _ in asked}
    # Neither the form nor the session dimmed under it is drawn again whole.
    assert not names & {type(below).__name__ for below in app.screen_stack}, asked
    # A field scrolled into view moves the scroll bars (the export screen's list is long).
    assert [name for name, layout in asked if layout and name != "ScrollBar"] == [], asked
    assert type(first).__name__ in names and type(app.focused).__name__ in names, asked
    await burst(pilot, "shift+tab")
    assert app.focused is first
    assert app.export_screenshot() == look
    monkeypatch.undo()


@pytest.mark.parametrize("opens", ["e", "f2", "f9", "p", "details"])
async def test_tab_in_a_form_draws_the_two_fields_not_the_screen(tmp_path, example_copy, monkeypatch, opens):
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_timeline(pilot)
        await all_panes_built(pilot)
        session = app.screen
        if opens == "details":  # no key of its own on the timeline
            session.action_details()
            await pilot.pause()
        else:
            await burst(pilot, opens)
        assert app.screen is not session and app.screen.is_modal
        # The form settled first (its fields drawn, its first field focused): what it
        # draws while it opens is not Tab's, and under load it ran into the count.
        await settle(pilot)
        await tab_there_and_back(pilot, monkeypatch)


async def test_tab_on_the_notetakers_screen_draws_the_two_boxes_not_the_screen(tmp_path, example_copy, monkeypatch):
    app = localized(RetroApp)(tmp_path, example_copy, notetaker=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await tab_there_and_back(pilot, monkeypatch)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_event_form_after_tab_and_back(snap_compare, tmp_path, monkeypatch, lang):
    """80x24: the moment's form over the dimmed timeline, the keyboard on the title after
    Tab, Tab and shift+Tab: that field marked, the date field as it was, the session
    under it unchanged."""
    import shutil

    from conftest import EXAMPLE
    from retro_tui.i18n import set_language
    from retro_tui.ui.session_screen import SessionScreen

    monkeypatch.setattr(SessionScreen, "clock_running", False)
    path = tmp_path / "example.toml"
    shutil.copy(EXAMPLE, path)
    set_language(lang)
    app = localized(RetroApp)(tmp_path, path, follow_session_language=False)

    async def run_before(pilot) -> None:
        await on_timeline(pilot)
        await all_panes_built(pilot)
        # Key by key: in a burst, where Textual's scrolling of the focused field into
        # view lands depends on the machine's load (the picture, not the focus, varies).
        await pilot.press("e", "tab", "tab", "shift+tab")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
