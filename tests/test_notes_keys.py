"""ctrl+End goes to the end of long notes (End stops at the end of the wrapped screen
line) and ctrl+Home to their start, so a line is added at the end in one key."""

from __future__ import annotations

from apphelpers import burst, opened
from retro_tui.store import load
from retro_tui.ui.app import RetroApp
from retro_tui.ui.keys import localized

LONG = "\n".join(f"Round {i}: everyone says how they sit here today, at some length, " * 2 for i in range(40))


async def test_ctrl_end_and_ctrl_home_reach_both_ends_of_the_notes(tmp_path, minimal_file):
    app = localized(RetroApp)(tmp_path, minimal_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        notes = app.screen.query_one("#notes")
        notes.load_text(LONG)
        notes.focus()
        notes.move_cursor((3, 5))
        await pilot.pause()
        await pilot.press("ctrl+end")
        assert notes.cursor_location == notes.document.end
        await burst(pilot, "enter", "Agreed: we meet again")
        assert notes.text == LONG + "\nAgreed: we meet again"
        await pilot.press("ctrl+home")
        assert notes.cursor_location == (0, 0)
        await pilot.press("ctrl+q")
    assert load(minimal_file).checkin.notes.endswith("\nAgreed: we meet again")
