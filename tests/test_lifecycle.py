"""A report's life: a draft with a week of feedback, then final and read-only; making it
a draft again is deliberate and recorded in the file."""

from __future__ import annotations

import datetime as dt

from apphelpers import opened, visible_text
from retro_tui.lifecycle import days_left, start_draft
from retro_tui.model import Status, StepId
from retro_tui.store import load
from retro_tui.ui.app import RetroApp
from retro_tui.ui.keys import localized


def test_a_draft_gets_a_week_of_feedback():
    from conftest import EXAMPLE

    session = load(EXAMPLE)
    session.session.status = Status.in_session
    session.session.feedback_deadline = None
    today = dt.date(2026, 11, 23)
    assert start_draft(session, today) and session.session.feedback_deadline == dt.date(2026, 11, 30)
    assert days_left(session, today) == 7 and days_left(session, dt.date(2026, 12, 1)) == -1
    assert not start_draft(session, today)  # already a draft: the deadline stays


def test_finalize_makes_the_session_read_only_on_the_command_line(run_cli, example_copy, tmp_path):
    code, _, err = run_cli("finalize", str(example_copy))
    assert code == 0, err
    assert load(example_copy).session.status == Status.final
    before = example_copy.read_bytes()
    csv = tmp_path / "t.csv"
    csv.write_text("datum;baan;titel\n2019-03;gezin;Verhuizing\n", encoding="utf-8")
    code, _, err = run_cli("import-timeline", str(example_copy), str(csv))
    assert code == 2 and "reopen" in err
    assert example_copy.read_bytes() == before

    code, _, err = run_cli("reopen", str(example_copy), "--reason", "Moeder vroeg om een correctie")
    assert code == 0, err
    meta = load(example_copy).session
    assert meta.status == Status.report_draft and meta.finalized is None
    assert meta.reopenings[-1].reason == "Moeder vroeg om een correctie" and meta.reopenings[-1].finalized_before
    assert run_cli("reopen", str(example_copy), "--reason", "x")[0] == 2  # not final: nothing to reopen


async def test_a_final_session_opens_read_only_in_the_app(run_cli, example_copy, tmp_path):
    assert run_cli("finalize", str(example_copy))[0] == 0
    before = example_copy.read_bytes()
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        screen = app.screen
        count = len(screen.session.checkin.participants)
        await pilot.press("a")  # add a participant: refused, no form opens
        await pilot.pause()
        assert app.screen is screen and len(screen.session.checkin.participants) == count
        await pilot.press("f2")  # no quote capture either
        await pilot.pause()
        assert app.screen is screen
        screen.go_to(StepId.timeline)
        await pilot.pause()
        await pilot.press("c", "d")
        await pilot.pause()
        assert app.screen is screen
        assert "alleen lezen" in visible_text(app)
        await pilot.press("ctrl+q")
    assert example_copy.read_bytes() == before
