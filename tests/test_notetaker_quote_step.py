"""A quote belongs to the step it was said in. The notetaker follows the facilitator's
step as it is saved; when the facilitator moved on while a quote's words were being
typed, the quote was kept under the step at Enter, the next one."""

from __future__ import annotations

import asyncio

from apphelpers import burst, opened, until
from retro_tui.store import load
from retro_tui.store.shared import update
from retro_tui.ui.app import RetroApp
from retro_tui.ui.keys import localized


async def test_a_quote_keeps_the_step_its_words_began_in(tmp_path, example_copy):
    app = localized(RetroApp)(tmp_path, example_copy, notetaker=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        screen = app.screen
        began = screen.current
        later = next(s for s in screen.kind.step_ids if s != began)
        await burst(pilot, "Esther", "enter", "we zagen het")
        # The facilitator moves on: their save, from another writer, taken in here.
        await asyncio.to_thread(update, example_copy, lambda s: setattr(s.session, "current_step", later))
        await until(pilot, lambda: screen.current == later, timeout=30)
        await burst(pilot, " te laat", "enter")
        # The next quote, begun after the move, is the new step's.
        await burst(pilot, "enter", "en nu", "enter")
        await pilot.press("ctrl+q")
    steps = {q.text: q.step for q in load(example_copy).quotes}
    assert steps["we zagen het te laat"] == began
    assert steps["en nu"] == later
