"""Two people, one session, live: what the notetaker keeps shows on the facilitator's
screen while the facilitator is typing in a form, and that typing is not touched."""

from __future__ import annotations

import time

from textual.widgets import Input

from apphelpers import opened, visible_text
from retro_tui.store import load
from retro_tui.ui.app import RetroApp
from retro_tui.ui.forms import RecordForm
from retro_tui.ui.keys import localized
from retro_tui.ui.recent_quotes import RecentQuotes


async def test_a_notetakers_quote_shows_in_the_facilitators_panel_while_a_form_is_typed_in(example_copy, tmp_path):
    facilitator = localized(RetroApp)(tmp_path, example_copy)
    notetaker = localized(RetroApp)(tmp_path, example_copy, notetaker=True)
    async with facilitator.run_test(size=(100, 30)) as f, notetaker.run_test(size=(80, 24)) as n:
        await opened(f)
        await opened(n)
        assert "Gespreksleider is bij: Inchecken" in visible_text(notetaker)
        # The facilitator opens Esther's row in the check-in list and starts typing.
        await f.press("e")
        await f.pause()
        form = facilitator.screen
        assert isinstance(form, RecordForm)
        field = form.query_one("#field-organisation", Input)
        field.focus()
        field.value = ""
        typed = "Lindeland Oost"
        await f.press(*typed[:5])
        # Meanwhile the notetaker keeps a quote: a name (completed), the words, Enter.
        await n.press(*"Jer", "enter")
        notetaker.screen.query_one("#words", Input).value = "We zagen het allemaal, niemand zei iets."
        await n.press("enter")
        keys = iter(typed[5:])

        def seen() -> bool:
            panel = facilitator.screen_stack[-2]  # the session screen, under the form
            quotes = panel.query_one("#recent-quotes", RecentQuotes)
            return quotes.display and "niemand zei iets" in str(quotes.render())

        # (How soon is measured elsewhere, not asserted here: a busy machine is slow.
        # The limit only stops a test that would otherwise wait for ever.)
        start = time.monotonic()
        while not seen():
            assert time.monotonic() - start < 60, "the notetaker's quote never showed"
            key = next(keys, None)
            if key is not None:
                await f.press(key)  # the facilitator goes on typing meanwhile
            await n.pause(0.02)
            await f.pause(0.05)
        await f.press(*keys)
        # The form's text is exactly what was typed, cursor at its end: undisturbed.
        assert field.value == typed and field.cursor_position == len(typed)
        assert facilitator.screen is form
        await f.press("ctrl+s")
        await f.pause()
        session = facilitator.screen.session
        assert [q.text for q in session.quotes if q.speaker_id == "p-jeroen"][-1] == "We zagen het allemaal, niemand zei iets."
        await f.press("ctrl+q")
        await n.press("ctrl+q")
    saved = load(example_copy)
    assert saved.checkin.participants[0].organisation == typed
    assert sum(q.text == "We zagen het allemaal, niemand zei iets." for q in saved.quotes) == 1
