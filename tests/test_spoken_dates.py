"""Dates as people say them, and one typed line guessed into an event."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import EXAMPLE
from retro_tui.model.dates import parse_partial
from retro_tui.store import load
from retro_tui.timeline.guess import guess_event
from retro_tui.timeline.spoken_dates import WhenError, parse_when, split_when


@pytest.mark.parametrize("said,date", [
    ("2019", "2019"), ("2019-03", "2019-03"), ("2019-03-14", "2019-03-14"), ("14-3-2019", "2019-03-14"),
    ("14/03/2019", "2019-03-14"), ("3-2019", "2019-03"), ("maart 2019", "2019-03"), ("mrt 2019", "2019-03"),
    ("14 maart 2019", "2019-03-14"), ("March 2019", "2019-03"), ("14 March 2019", "2019-03-14"),
    ("March 14, 2019", "2019-03-14"), ("voorjaar 2019", "2019-04"), ("spring 2019", "2019-04"),
    ("zomer 2019", "2019-07"), ("najaar 2019", "2019-10"), ("eind 2019", "2019-11"), ("end of 2019", "2019-11"),
    ("begin 2019", "2019-02"), ("medio 2019", "2019-06"), ("begin maart 2019", "2019-03"),
])
def test_spoken_dates_become_partial_iso_dates(said, date):
    when = parse_when(said)
    assert when.date == date
    assert when.label == ("" if said == date else said)


@pytest.mark.parametrize("said", ["2019-02-30", "31-4-2019", "2019-13", "1850", "30 februari 2019"])
def test_an_impossible_date_is_a_clear_message(said):
    with pytest.raises(WhenError) as caught:
        parse_when(said)
    assert said in caught.value.message()


def test_relative_to_another_moment():
    session = load(EXAMPLE)
    divorce = next(e for e in session.timeline.events if "uit elkaar" in e.title)
    assert parse_when("na Sandra en Ruben uit elkaar", session.timeline.events).date == divorce.date
    with pytest.raises(WhenError):
        parse_when("na de verhuizing naar Mars", session.timeline.events)
    assert parse_when("na de verhuizing naar Mars", session.timeline.events, anchor="2020").date == "2020"


def test_labelled_dates_sort_as_a_person_expects():
    said = ["voorjaar 2019", "2018", "eind 2019", "maart 2019", "2019", "14-3-2019", "zomer 2019", "januari 2020"]
    ordered = sorted(said, key=lambda s: parse_partial(parse_when(s).date))
    assert ordered == ["2018", "2019", "maart 2019", "14-3-2019", "voorjaar 2019", "zomer 2019", "eind 2019",
                       "januari 2020"]


def test_a_line_splits_into_its_date_and_the_rest():
    when, rest = split_when("voorjaar 2019 moeder: ik voelde me niet gehoord")
    assert (when.date, when.label, rest) == ("2019-04", "voorjaar 2019", "moeder: ik voelde me niet gehoord")
    assert split_when("besluit zonder datum") == (None, "besluit zonder datum")


@given(st.text(max_size=40))
def test_any_text_is_a_date_or_a_clear_message(text):
    try:
        when = parse_when(text)
    except WhenError as error:
        assert error.message()
    else:
        parse_partial(when.date)
    try:
        split_when(text)
    except WhenError:
        pass


def test_a_line_without_a_date_takes_the_selected_moment():
    session = load(EXAMPLE)
    guess = guess_event("gesprek met school", session, anchor="2021-02")
    assert (guess.dated, guess.date, guess.kind.value, guess.lane.value) == (False, "2021-02", "contact", "professionals")


def test_named_people_are_linked():
    session = load(EXAMPLE)
    guess = guess_event("2020 Lotte en Esther Vonk spreken af bij school", session)
    names = {m.pseudonym for m in session.family.members if m.id in guess.people}
    names |= {p.name for p in session.checkin.participants if p.id in guess.people}
    assert names == {"Lotte", "Esther Vonk"}
