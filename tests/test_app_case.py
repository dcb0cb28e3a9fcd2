"""The case view: from the opening screen by keyboard, the case's sessions in order and
where it stands, Enter opening a session, and its next session started pre-filled;
keys typed in bursts, at 80×24, in Dutch and English."""

from __future__ import annotations

import datetime as dt

import pytest

from apphelpers import notices, post_keys, until, visible_text
from retro_tui.i18n import set_language
from retro_tui.store import copy_example, load
from retro_tui.ui.app import RetroApp
from retro_tui.ui.case_view import CaseScreen
from retro_tui.ui.help import HelpScreen
from retro_tui.ui.keys import localized

CODE = "VOORBEELD-FICTIEF-01"


async def case_read(pilot) -> CaseScreen:
    await until(pilot, lambda: isinstance(pilot.app.screen, CaseScreen) and pilot.app.screen.state is not None)
    return pilot.app.screen


WORDS = {
    "nl": ("Casus VOORBEELD-FICTIEF-01", "De intentieverklaring die geldt", "Overleg · Kernteamoverleg 2",
           "Volgende sessie", "Terug"),
    "en": ("Case VOORBEELD-FICTIEF-01", "The intention declaration in force", "Meeting · Kernteamoverleg 2",
           "Next session", "Back"),
}


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_from_the_opening_screen_to_a_case_and_into_one_of_its_sessions(tmp_path, lang):
    set_language(lang)
    first = copy_example(tmp_path / "sessions")
    app = localized(RetroApp)(tmp_path / "sessions")
    opened = []  # which file Enter opens (the session screen of each kind is the host's)
    app.open_session = lambda path, replace=True, session=None: opened.append(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        post_keys(app, "c", "enter")  # the case choice, then its first (and only) case
        screen = await case_read(pilot)
        assert screen.code == CODE
        shown = visible_text(app)
        heading, declaration, meeting, next_key, back_key = WORDS[lang]
        assert heading in shown and declaration in shown and meeting in shown
        assert next_key in shown and back_key in shown and "f1" in shown  # the footer
        assert [s.kind for s in screen.state.case.sessions] == [
            "retrospective", "prospective", "meeting", "meeting", "meeting", "evaluation"]
        post_keys(app, "f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert next_key in visible_text(app)
        post_keys(app, "escape", "down", "down", "down", "enter")  # the second meeting
        await until(pilot, lambda: bool(opened))
        assert [p.name for p in opened] == [f"2026-10-27-{CODE}-overleg-2.toml"]
    assert first.exists()


async def test_the_case_of_the_highlighted_session_and_its_next_meeting_prefilled(tmp_path):
    from retro_tui.ui.session_screen import SessionScreen

    set_language("nl")
    copy_example(tmp_path / "sessions")
    app = localized(RetroApp)(tmp_path / "sessions")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # New, example, case, then the newest session: its case, straight away.
        post_keys(app, "down", "down", "down", "c")
        screen = await case_read(pilot)
        post_keys(app, "n", "down", "enter")  # the next session: a meeting
        await until(pilot, lambda: isinstance(app.screen, SessionScreen))
        path = app.screen.path
        assert path.name == f"{dt.date.today().isoformat()}-{CODE}-overleg-4.toml"
        session = load(path)
        assert session.session.kind == "meeting"
        assert sorted(a.id for a in session.meeting.carried) == ["ac-oma", "ac-plan", "ac-sem-praten"]
        app.pop_screen()  # back from the new meeting: the case view reads the case again
        await until(pilot, lambda: app.screen is screen and len(screen.state.case.sessions) == 7)
        assert "Kernteamoverleg 4" in visible_text(app)


async def test_the_example_from_the_opening_screen_is_its_whole_case(tmp_path):
    set_language("en")
    app = localized(RetroApp)(tmp_path / "sessions")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        post_keys(app, "x")
        screen = await case_read(pilot)
        assert len(screen.state.case.sessions) == 6
        assert "Evaluation of" not in visible_text(app)  # below, at 80×24
        assert (len(screen.state.open_actions), screen.state.done_actions) == (3, 5)
        post_keys(app, "tab", "end")  # to the state, and down to its end by keyboard (it scrolls smoothly)
        await until(pilot, lambda: "Evaluation of 2026-11-24" in visible_text(app))
        assert "2026-11-10 08:30 · RET Lindeland, kamer 2" in visible_text(app)  # the next meeting, with its place
        post_keys(app, "escape")
        await until(pilot, lambda: not isinstance(app.screen, CaseScreen))
    assert not (tmp_path / "sessions").exists()  # the example went to the state folder


async def test_no_meeting_is_started_before_a_declaration_and_the_view_says_why(tmp_path):
    set_language("en")
    folder = tmp_path / "sessions"
    retro = load(copy_example(folder))
    for extra in folder.glob("2026-*.toml"):
        extra.unlink()
    [path] = folder.glob("*.toml")
    retro.session.skipped_steps = ["closing"]
    from retro_tui.store import save

    save(retro, path)
    app = localized(RetroApp)(folder)
    said = notices(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        post_keys(app, "c", "enter")
        screen = await case_read(pilot)
        post_keys(app, "n", "down", "enter")
        await until(pilot, lambda: any("no intention declaration" in message for message in said))
        assert app.screen is screen
        assert sorted(p.name for p in folder.glob("*.toml")) == [path.name]


async def test_the_palette_opens_a_case_and_starts_its_next_session(tmp_path):
    from retro_tui.ui.case_view import CaseChoice, KindChoice

    set_language("en")
    copy_example(tmp_path / "sessions")
    app = localized(RetroApp)(tmp_path / "sessions")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        post_keys(app, "ctrl+p", *"open a case", "enter")
        await until(pilot, lambda: isinstance(app.screen, CaseChoice))
        post_keys(app, "enter")
        await case_read(pilot)
        post_keys(app, "ctrl+p", *"start the next", "enter")
        await until(pilot, lambda: isinstance(app.screen, KindChoice))
        assert f"Start the next session of case {CODE}" in visible_text(app)
