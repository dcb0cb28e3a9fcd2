"""The session's details (place, date, facilitator and organisation, notetaker, case
code, learning question) can be entered: with `retro-tui new` options, in the form for a
new session on the opening screen, and for an open session from its status line and the
palette. Dates are taken as people type them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Input, Static

from apphelpers import opened, palette_offers, visible_text
from retro_tui.store import load
from retro_tui.ui.app import RetroApp
from retro_tui.ui.details_form import DetailsForm
from retro_tui.ui.keys import localized
from retro_tui.ui.session_screen import SessionScreen


def test_new_takes_the_details_as_options(run_cli, tmp_path):
    code, _out, err = run_cli("new", "Casus Noord", "--sessions-dir", str(tmp_path), "--date", "14-10-2026",
                             "--place", "Buurthuis De Wilg", "--facilitator", "Ingrid Maas",
                             "--organisation", "Leerhuis Jeugd", "--notetaker", "Tom Verbeek",
                             "--case-code", "NRD-07", "--learning-question", "Waarom bleef vader buiten beeld?")
    assert code == 0, err
    (path,) = tmp_path.glob("*.toml")
    meta = load(path).session
    assert (meta.title, meta.date, meta.place, meta.facilitator, meta.facilitator_organisation, meta.notetaker,
            meta.case_code, meta.learning_question) == (
        "Casus Noord", dt.date(2026, 10, 14), "Buurthuis De Wilg", "Ingrid Maas", "Leerhuis Jeugd", "Tom Verbeek",
        "NRD-07", "Waarom bleef vader buiten beeld?")


def test_new_refuses_a_date_that_is_not_a_day_and_writes_nothing(run_cli, tmp_path):
    code, _, err = run_cli("new", "X", "--sessions-dir", str(tmp_path), "--date", "maart 2026")
    assert code == 2 and "maart 2026" in err
    assert not list(tmp_path.glob("*.toml"))


async def test_a_new_session_starts_from_its_details_by_keyboard(tmp_path: Path):
    folder = tmp_path / "sessions"
    app = localized(RetroApp)(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, DetailsForm)
        # Typed in one burst, as a person types: title, date, place, facilitator, organisation.
        await pilot.press(*"Casus Zuid", "tab", *"5 januari 2027", "tab", *"Gemeentehuis", "tab",
                          *"Ingrid Maas", "tab", *"Leerhuis", "enter")
        await opened(pilot)
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+q")
    (path,) = folder.glob("*.toml")
    meta = load(path).session
    assert (meta.title, meta.date, meta.place, meta.facilitator, meta.facilitator_organisation) == (
        "Casus Zuid", dt.date(2027, 1, 5), "Gemeentehuis", "Ingrid Maas", "Leerhuis")


async def _open_details_from_the_status_line(pilot, app) -> None:
    status = app.screen.query_one("#status", Static)
    plain = str(status.render())
    column = plain.index("✎") + status.content_region.x - status.region.x
    await pilot.click(status, offset=(column, 0))
    await pilot.pause()


async def test_the_open_sessions_details_from_the_status_line_and_the_palette(example_copy, tmp_path):
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await _open_details_from_the_status_line(pilot, app)
        form = app.screen
        assert isinstance(form, DetailsForm)
        assert form.query_one("#detail-date", Input).value == "14 oktober 2026"  # as people write it
        form.query_one("#detail-place", Input).focus()
        await pilot.press("ctrl+a", "ctrl+k", *"Wijkcentrum Oost", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)

        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Sessiegegevens")
        await palette_offers(pilot, "Sessiegegevens")
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, DetailsForm)
        form.query_one("#detail-date", Input).focus()
        await pilot.press("ctrl+a", "ctrl+k", *"maart 2026", "ctrl+s")
        await pilot.pause()
        assert app.screen is form and "maart 2026" in visible_text(app)  # not a day: says why, stays
        await pilot.press("ctrl+a", "ctrl+k", *"15-10-2026", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+q")
    meta = load(example_copy).session
    assert meta.place == "Wijkcentrum Oost" and meta.date == dt.date(2026, 10, 15)
