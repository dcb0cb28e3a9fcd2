"""Days ahead as a core team says them when it plans, counted from the meeting's day."""

from __future__ import annotations

import datetime as dt

import pytest

from retro_tui.days_ahead import parse_day_ahead
from retro_tui.i18n import set_language
from retro_tui.timeline.spoken_dates import WhenError

TUESDAY = dt.date(2026, 12, 8)


@pytest.mark.parametrize("said,meant", [
    ("dinsdag 15 december", dt.date(2026, 12, 15)),
    ("15 december", dt.date(2026, 12, 15)),
    ("15-12", dt.date(2026, 12, 15)),
    ("3 januari", dt.date(2027, 1, 3)),  # the next one, in the new year
    ("3-1", dt.date(2027, 1, 3)),
    ("15-12-2026", dt.date(2026, 12, 15)),
    ("1 december 2026", dt.date(2026, 12, 1)),  # a year said is kept, even when past
    ("morgen", dt.date(2026, 12, 9)),
    ("vrijdag", dt.date(2026, 12, 11)),
    ("dinsdag", dt.date(2026, 12, 15)),  # today is a tuesday: the next one
    ("volgende week dinsdag", dt.date(2026, 12, 15)),
    ("volgende week vrijdag", dt.date(2026, 12, 18)),
    ("Next week Friday", dt.date(2026, 12, 18)),
    ("wo 16-12", dt.date(2026, 12, 16)),
])
def test_a_day_as_said_is_the_day_meant(said, meant):
    assert parse_day_ahead(said, TUESDAY) == meant


@pytest.mark.parametrize("said,words", [
    ("woensdag 15 december", "15-12-2026 is een dinsdag"),
    ("volgende week", "welke dag?"),
    ("binnenkort", "geen datum"),
    ("31 februari", "bestaat niet"),
])
def test_a_day_that_is_not_one_says_why(said, words):
    set_language("nl")
    with pytest.raises(WhenError) as raised:
        parse_day_ahead(said, TUESDAY)
    assert words in raised.value.message()
