"""F10 closes a session and goes back to where it was opened from, everything kept as
at the way out: the notes in the file, an open form's words in the draft journal. Keys
are posted in one burst, the close right behind the words."""

from __future__ import annotations

import json

import pytest

from apphelpers import opened, palette_offers, post_keys, until, visible_text
from retro_tui.i18n import set_language, t
from retro_tui.store import copy_example, load
from retro_tui.store.recovery import journal_dir
from retro_tui.ui.app import RetroApp
from retro_tui.ui.forms import RecordForm
from retro_tui.ui.help import HelpScreen
from retro_tui.ui.keys import localized
from retro_tui.ui.opening import OpeningScreen
from retro_tui.ui.session_screen import SessionScreen
from test_app_case import case_read


def _journalled() -> list[dict]:
    return [d for j in journal_dir().glob("*.json") for d in json.loads(j.read_text(encoding="utf-8"))["drafts"]]


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_f10_from_a_session_opened_in_the_case_view_goes_back_to_it_with_the_notes_saved(tmp_path, lang):
    set_language(lang)
    copy_example(tmp_path / "sessions")
    app = localized(RetroApp)(tmp_path / "sessions")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        post_keys(app, "c", "enter")
        case = await case_read(pilot)
        post_keys(app, "down", "down", "down", "enter")  # the second meeting
        await until(pilot, lambda: isinstance(app.screen, SessionScreen) and app.screen.ready.is_set())
        session = app.screen
        path = session.path
        post_keys(app, "f1")  # the help lists it
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert t("key.close_session") in visible_text(app)
        post_keys(app, "escape")
        await until(pilot, lambda: app.screen is session)
        session.notes_box().focus()
        post_keys(app, *"zadelpijn")
        await until(pilot, lambda: "zadelpijn" in session.notes_box().text)
        post_keys(app, *"zadel", "f10")
        await until(pilot, lambda: app.screen is case)
        # The words typed right before the key, too.
        assert "zadelpijnzadel" in json.dumps(load(path).model_dump(mode="json"))
        assert session not in app.screen_stack
        post_keys(app, "down", "enter")  # the next session, without a restart
        await until(pilot, lambda: isinstance(app.screen, SessionScreen) and app.screen.ready.is_set())
        assert app.screen.path != path


async def test_f10_with_a_form_open_journals_its_words_and_goes_to_the_opening_screen(example_copy, tmp_path):
    from test_drafts import _on_step

    set_language("nl")
    path = _on_step(example_copy, "family")
    app = localized(RetroApp)(tmp_path, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        post_keys(app, "a", *"Zwaantje")
        await until(pilot, lambda: isinstance(app.screen, RecordForm) and "Zwaantje" in visible_text(app))
        post_keys(app, "f10")
        await until(pilot, lambda: isinstance(app.screen, OpeningScreen))
        assert [d["restore"]["values"]["pseudonym"] for d in _journalled()] == ["Zwaantje"]
        assert app.is_running  # closed the session, not the app


async def test_f10_from_a_session_opened_on_the_opening_screen_goes_back_there(tmp_path):
    set_language("en")
    first = copy_example(tmp_path / "sessions")
    app = localized(RetroApp)(tmp_path / "sessions")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        post_keys(app, "down", "down", "down", "enter")  # the newest session of the list
        await until(pilot, lambda: isinstance(app.screen, SessionScreen) and app.screen.ready.is_set())
        post_keys(app, "f10")
        await until(pilot, lambda: isinstance(app.screen, OpeningScreen))
        post_keys(app, "f10")  # no session: the key does nothing
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen) and app.is_running
        post_keys(app, "f1")  # and the help does not offer it here
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert t("key.close_session") not in visible_text(app)
    assert first.exists()


async def test_the_palette_offers_closing_the_session(example_copy, tmp_path):
    set_language("nl")
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        post_keys(app, "ctrl+p", *"Sessie sluiten")
        await palette_offers(pilot, "Sessie sluiten")  # its own input shows the words at once: wait for the hit
        post_keys(app, "enter")
        await until(pilot, lambda: isinstance(app.screen, OpeningScreen))
