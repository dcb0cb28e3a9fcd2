"""A widget that fails while another writer's save is shown: the session has taken the
others' changes in, so every text box must have them too (or typing on writes them
away), and the person must be told, in their language, not only the log."""

from __future__ import annotations

import pytest

from apphelpers import burst, opened
from host_sessions import write_session
from retro_tui.i18n import set_language, t
from retro_tui.step_notes import write_notes
from retro_tui.store import load
from line_writers import Writer


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_a_failing_table_leaves_no_text_stale_and_says_so(tmp_path, monkeypatch, lang):
    from textual.widgets import TextArea

    from retro_tui.ui.app import RetroApp
    from retro_tui.ui.keys import localized
    from retro_tui.ui.records import RecordTable

    set_language(lang)
    file = write_session(tmp_path, "meeting", lang=lang, step="checkin")
    app = localized(RetroApp)(tmp_path, file)
    told = []
    async with app.run_test(size=(80, 24)) as pilot:
        monkeypatch.setattr(app, "notify", lambda message, **kw: told.append((message, kw.get("severity"))))
        await opened(pilot)
        await burst(pilot, "f6")  # the check-in's table is built now, and refreshed later
        box = app.screen.query_one("#text-meeting-summary", TextArea)
        notes = app.screen.notes_box()
        await burst(pilot, "Een rustige week.")
        await pilot.press("ctrl+s")

        def broken(self) -> None:
            raise RuntimeError("a table that cannot be filled")

        monkeypatch.setattr(RecordTable, "reload", broken)
        other = Writer(file, "meeting.summary")
        other.take_in()
        write_notes(other.session, "meeting.summary", other.text + "\nNotulist: oma belt de school")
        write_notes(other.session, app.screen.notes_path, "Notulist: Sem was moe")
        write_notes(other.session, "checkin.notes", "Notulist: iedereen zit lekker")  # its table refreshes
        other.save()
        for _ in range(100):  # the app looks at the file twice a second
            if "Notulist" in box.text and told:
                break
            await pilot.pause(0.05)
        assert box.text == "Een rustige week.\nNotulist: oma belt de school"
        assert notes.text == "Notulist: Sem was moe"
        assert told == [(t("follow.not_shown"), "error")]
        await burst(pilot, "ctrl+end", "enter", "Sem praat met Henk.")
        await pilot.press("ctrl+s")
        await pilot.press("ctrl+q")
    saved = load(file)
    assert saved.meeting.summary == "Een rustige week.\nNotulist: oma belt de school\nSem praat met Henk."
