"""The next meeting: the form offers the declaration's next date (or a week on) at this
meeting's time and place, and `retro-tui case` says where the next meeting is."""

from __future__ import annotations

import datetime as dt

import pytest

from apphelpers import burst, opened
from host_sessions import session_of_kind
from retro_tui.i18n import set_language
from retro_tui.store import dumps, load


def _meeting(tmp_path, dates: list[dt.date]):
    session = session_of_kind("meeting", "nl", "next_steps")
    session.session.date = dt.date(2026, 12, 8)
    session.session.place = "Wijkcentrum De Brug"
    session.meeting.starts = dt.datetime(2026, 12, 8, 8, 30)
    session.closing.meeting_dates = dates
    path = tmp_path / "meeting.toml"
    path.write_text(dumps(session), encoding="utf-8")
    return path


@pytest.mark.parametrize(("dates", "offered"), [
    ([dt.date(2026, 12, 1), dt.date(2026, 12, 8), dt.date(2026, 12, 17)], "17-12-2026"),
    ([], "15-12-2026"),  # no dates in the declaration: a week on
])
async def test_the_next_meeting_form_offers_a_day_at_this_meetings_time_and_place(tmp_path, dates, offered):
    from retro_tui.ui.app import RetroApp
    from retro_tui.ui.forms import RecordForm
    from retro_tui.ui.keys import localized
    from retro_tui.ui.next_meeting import NextMeetingPanel

    set_language("nl")
    path = _meeting(tmp_path, dates)
    app = localized(RetroApp)(tmp_path, path)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        app.screen.query_one(NextMeetingPanel).focus()
        await burst(pilot, "enter")
        assert isinstance(app.screen, RecordForm)
        await burst(pilot, "ctrl+s")  # the offer taken as it is
        await pilot.pause()
        await pilot.press("ctrl+q")
    saved = load(path).meeting
    day = dt.datetime.strptime(offered, "%d-%m-%Y").date()
    assert (saved.next_starts, saved.next_place) == (dt.datetime.combine(day, dt.time(8, 30)), "Wijkcentrum De Brug")


def test_case_says_where_the_next_meeting_is(tmp_path):
    from retro_tui.case.describe import describe
    from retro_tui.case.state import case_state
    from test_case_cli import ARC, case_folder

    from retro_tui.case.collect import collect

    set_language("nl")
    folder = case_folder(tmp_path, *ARC[:3])
    state = case_state(collect(folder, "VOORBEELD-FICTIEF-01"), dt.date(2026, 10, 20))
    [lines] = [s.lines for s in describe(state, "nl", dt.date(2026, 10, 20)) if s.title == "Volgend overleg"]
    assert lines == ["2026-11-03 08:30 · RET Lindeland, kamer 2"]
