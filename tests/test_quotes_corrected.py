"""Quotes can be corrected: Tab takes the offered speaker as Enter does; F7 corrects a
quote's speaker and words and removes one (asked first, and u puts it back); a speaker
who is neither a participant nor a family member stands out in the list."""

from __future__ import annotations

from apphelpers import burst, opened, visible_text
from retro_tui.store import load
from retro_tui.ui.app import RetroApp
from retro_tui.ui.capture import QuotesScreen
from retro_tui.ui.confirm import Confirm
from retro_tui.ui.keys import localized


async def test_tab_takes_the_offered_speaker(tmp_path, minimal_file, load):
    app = localized(RetroApp)(tmp_path, minimal_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        # "Mot" is offered "Mother" (a family member); Tab takes it and goes to the words.
        await burst(pilot, "f2", "Mot", "tab", "nobody asked me", "enter")
        screen = app.screen
        assert [(q.speaker_id, q.speaker, q.text) for q in screen.session.quotes] == [
            ("fm-mother", "", "nobody asked me")
        ]
        await pilot.press("ctrl+q")


async def test_f7_corrects_removes_and_puts_back_a_quote(tmp_path, minimal_file):
    app = localized(RetroApp)(tmp_path, minimal_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        session_screen = app.screen
        await burst(pilot, "f2", "Anne", "tab", "we never met", "enter")
        await burst(pilot, "f2", "Ann", "enter", "second words", "enter")
        first, _second = session_screen.session.quotes
        assert first.speaker_id is None and first.speaker == "Anne"  # a typo: no one is called Anne

        await burst(pilot, "f7")
        quotes = app.screen
        assert isinstance(quotes, QuotesScreen)
        shown = visible_text(app)
        assert "? Anne" in shown and "not a participant or family member" in shown

        # Correct the first: a new speaker and new words.
        await burst(pilot, "e", "ctrl+u", "Ann", "tab", "ctrl+u", "we never sat at one table", "enter")
        assert app.screen is quotes
        assert (first.speaker_id, first.speaker, first.text) == ("p-ann", "", "we never sat at one table")
        assert "? Anne" not in visible_text(app)

        # Remove the second: asked first; 'n' keeps it, then 'y' removes it, u brings it back.
        await burst(pilot, "down", "d")
        assert isinstance(app.screen, Confirm)
        await burst(pilot, "n")
        assert len(session_screen.session.quotes) == 2
        await burst(pilot, "d", "y")
        assert [q.text for q in session_screen.session.quotes] == ["we never sat at one table"]
        await burst(pilot, "u")
        assert [q.text for q in session_screen.session.quotes] == ["we never sat at one table", "second words"]
        await burst(pilot, "d", "y", "escape")
        await pilot.press("ctrl+q")
    saved = load(minimal_file).quotes
    assert [(q.speaker_id, q.text) for q in saved] == [("p-ann", "we never sat at one table")]
