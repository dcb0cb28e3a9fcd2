"""Dates as people say them, and one typed line guessed into an event."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import EXAMPLE
from retro_tui.model import EventKind, Lane, TimelineEvent
from retro_tui.model.dates import parse_partial
from retro_tui.store import load
from retro_tui.timeline.guess import guess_event
from retro_tui.timeline.spoken_dates import When, WhenError, parse_when, split_when

SESSION = load(EXAMPLE)
F, P, K = Lane.family, Lane.professionals, EventKind


def event(date: str, title: str) -> TimelineEvent:
    return TimelineEvent(id=f"ev-{abs(hash(title)) % 10**6}", date=date, title=title, lane=Lane.family)


EVENTS = [
    event("2018-03", "Scheiding van de ouders"),
    event("2018-06", "Lotte krijgt buikpijn"),
    event("2019-02-11", "Aanmelding bij het wijkteam"),
    event("2021-05", "Besluit uithuisplaatsing Lotte"),
    event("2021-06", "Lotte placed with foster family"),
    event("2022-01", "The divorce is final"),
    event("2022-03", "Lotte breekt met haar vader"),
]


@pytest.mark.parametrize("said,date", [
    ("2019", "2019"), ("2019-03", "2019-03"), ("2019-03-14", "2019-03-14"), ("2019-3", "2019-03"),
    ("14-3-2019", "2019-03-14"), ("14/03/2019", "2019-03-14"), ("14.3.2019", "2019-03-14"), ("3-2019", "2019-03"),
    ("03/2019", "2019-03"), ("maart 2019", "2019-03"), ("mrt 2019", "2019-03"), ("mrt. 2019", "2019-03"),
    ("OKT 2021", "2021-10"), ("14 maart 2019", "2019-03-14"), ("1 mei 2020", "2020-05-01"),
    ("March 2019", "2019-03"), ("May 2020", "2020-05"), ("14 March 2019", "2019-03-14"),
    ("14th March 2019", "2019-03-14"), ("March 14, 2019", "2019-03-14"), ("the 2nd of June, 2020", "2020-06-02"),
    # A season or holiday sits at its middle month.
    ("voorjaar 2019", "2019-04"), ("Lente 2019", "2019-04"), ("spring 2019", "2019-04"),
    ("in het voorjaar van 2019", "2019-04"), ("zomer 2019", "2019-07"), ("summer 2019", "2019-07"),
    ("najaar 2019", "2019-10"), ("herfst 2019", "2019-10"), ("autumn 2019", "2019-10"), ("fall 2019", "2019-10"),
    ("winter 2019", "2019-01"), ("krokusvakantie 2021", "2021-02"), ("meivakantie 2021", "2021-05"),
    ("zomervakantie 2019", "2019-07"), ("summer holidays 2019", "2019-07"), ("herfstvakantie 2020", "2020-10"),
    ("kerstvakantie 2020", "2020-12"), ("Christmas 2020", "2020-12"),
    # A part of a year, of a period, of a month.
    ("begin 2019", "2019-02"), ("early 2019", "2019-02"), ("medio 2019", "2019-06"), ("mid 2019", "2019-06"),
    ("mid-2019", "2019-06"), ("eind 2019", "2019-11"), ("einde 2019", "2019-11"), ("late 2019", "2019-11"),
    ("end of 2019", "2019-11"), ("eind van 2019", "2019-11"), ("begin maart 2019", "2019-03"),
    ("early March 2019", "2019-03"), ("begin zomer 2019", "2019-06"), ("eind zomervakantie 2021", "2021-08"),
    ("late summer 2021", "2021-08"),
    # Before, after or around a period: the month just outside it; a plain date stays.
    ("na de zomer 2021", "2021-09"), ("voor de zomer 2021", "2021-05"), ("na de zomervakantie 2021", "2021-09"),
    ("kort na de kerstvakantie 2020", "2021-01"), ("vlak voor de kerst 2020", "2020-11"), ("na eind 2019", "2020-01"),
    ("rond de zomer van 2021", "2021-07"), ("after the summer holidays 2021", "2021-09"),
    ("before the summer 2021", "2021-05"), ("shortly after Christmas 2020", "2021-01"), ("na maart 2019", "2019-03"),
    ("rond 2019", "2019"), ("tijdens de meivakantie 2022", "2022-05"),
])
def test_spoken_dates_become_partial_iso_dates(said, date):
    when = parse_when(said)
    assert when.date == date
    assert when.label == ("" if said == date else said)


@pytest.mark.parametrize("said,key", [
    ("2019-02-30", "dates.impossible"), ("31-2-2019", "dates.impossible"), ("31-4-2019", "dates.impossible"),
    ("30 februari 2019", "dates.impossible"), ("29 februari 2019", "dates.impossible"),
    ("na 31-2-2019", "dates.impossible"), ("2019-13", "dates.no_month"), ("13/2019", "dates.no_month"),
    ("1850", "dates.too_early"), ("maart 1850", "dates.too_early"),
    ("maart", "dates.no_year"), ("14 maart", "dates.no_year"), ("voorjaar", "dates.no_year"),
    ("early March", "dates.no_year"), ("", "dates.not_a_date"), ("hallo", "dates.not_a_date"),
    ("12", "dates.not_a_date"), ("14 2019", "dates.not_a_date"), ("2019 maart 14", "dates.not_a_date"),
    ("na", "dates.not_a_date"),
])
def test_what_is_no_date_gets_a_clear_message(said, key):
    """An impossible date is said, never guessed around; a missing year is asked for."""
    with pytest.raises(WhenError) as caught:
        parse_when(said)
    assert caught.value.key == key
    assert said in caught.value.message()


def test_a_leap_day_exists():
    assert parse_when("29-2-2020").date == "2020-02-29"


@pytest.mark.parametrize("said,date", [
    ("na de scheiding", "2018-03"), ("Na de scheiding", "2018-03"), ("after the divorce", "2022-01"),
    ("voor de uithuisplaatsing", "2021-05"), ("before the placement", "2021-06"), ("rond de aanmelding", "2019-02-11"),
    ("around the divorce", "2022-01"), ("kort na de buikpijn", "2018-06"),
    ("tijdens de aanmelding bij het wijkteam", "2019-02-11"), ("na het scheiden", "2018-03"),
])
def test_a_reference_to_another_event_takes_its_date(said, date):
    assert parse_when(said, EVENTS) == When(date, said)


def test_relative_to_another_moment():
    divorce = next(e for e in SESSION.timeline.events if "uit elkaar" in e.title)
    assert parse_when("na Sandra en Ruben uit elkaar", SESSION.timeline.events).date == divorce.date
    with pytest.raises(WhenError):
        parse_when("na de verhuizing naar Mars", SESSION.timeline.events)
    assert parse_when("na de verhuizing naar Mars", SESSION.timeline.events, anchor="2020").date == "2020"


def test_labelled_dates_sort_as_a_person_expects():
    said = ["voorjaar 2019", "2018", "eind 2019", "maart 2019", "2019", "14-3-2019", "zomer 2019", "januari 2020",
            "na de zomer 2019", "kerstvakantie 2019"]
    ordered = sorted(said, key=lambda s: parse_partial(parse_when(s).date))
    assert ordered == ["2018", "2019", "maart 2019", "14-3-2019", "voorjaar 2019", "zomer 2019", "na de zomer 2019",
                       "eind 2019", "kerstvakantie 2019", "januari 2020"]


def test_the_example_sessions_own_labels_give_its_dates():
    """One season, one month: what the example stores is what the rules say."""
    labelled = [e for e in SESSION.timeline.events if e.date_label]
    assert labelled
    for e in labelled:
        assert parse_when(e.date_label, SESSION.timeline.events) == When(e.date, e.date_label)


@pytest.mark.parametrize("line,date,label,rest", [
    ("voorjaar 2019 moeder: ik voelde me niet gehoord", "2019-04", "voorjaar 2019",
     "moeder: ik voelde me niet gehoord"),
    ("2019-03 besluit uithuisplaatsing", "2019-03", "", "besluit uithuisplaatsing"),
    ("2019-03: besluit", "2019-03", "", "besluit"),
    ("2019 - besluit", "2019", "", "besluit"),
    ("14 maart 2019 school belt", "2019-03-14", "14 maart 2019", "school belt"),
    ("March 14, 2019, decision", "2019-03-14", "March 14, 2019", "decision"),
    ("late 2023 the court rules", "2023-11", "late 2023", "the court rules"),
    ("na de scheiding belt moeder de school", "2018-03", "na de scheiding", "belt moeder de school"),
    ("after the divorce Lotte moves", "2022-01", "after the divorce", "Lotte moves"),
    ("na de zomervakantie 2021 start de behandeling", "2021-09", "na de zomervakantie 2021", "start de behandeling"),
])
def test_a_line_splits_into_its_date_and_the_rest(line, date, label, rest):
    assert split_when(line, EVENTS) == (When(date, label), rest)


@pytest.mark.parametrize("line", [
    "besluit zonder datum",
    "na de verhuizing belt moeder",  # no such event: the words are the title
    "voor Lotte wordt een plek gezocht",  # "Lotte" is in too many titles to be a reference
    "voor vader is het te veel",  # "voor" is "for": a name alone is no reference
    "maart besluit",
])
def test_a_line_without_an_opening_date_is_left_alone(line):
    assert split_when(line, EVENTS, names={"vader", "moeder", "lotte"}) == (None, line)


def test_an_impossible_opening_date_is_said_not_made_the_title():
    with pytest.raises(WhenError) as caught:
        split_when("31-2-2019 besluit")
    assert caught.value.key == "dates.impossible"


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


# line, date, date label, kind, lane: what the facilitator sees added.
DUTCH = [
    ("2019-03 besluit uithuisplaatsing", "2019-03", "", K.decision, P),  # decision beats placement
    ('voorjaar 2019 moeder: "ik voelde me niet gehoord"', "2019-04", "voorjaar 2019", K.family_experience, F),
    ("2019-02-11 aanmelding bij het wijkteam", "2019-02-11", "", K.contact, P),
    ("najaar 2020 Veilig Thuis onderzoekt", "2020-10", "najaar 2020", K.decision, P),  # not "thuis"
    ("2018 ouders gaan uit elkaar", "2018", "", K.family_fact, F),
    ("2019 ouders besluiten te scheiden", "2019", "", K.family_fact, F),  # the family decides its own life
    ("zomer 2021 Lotte wil bij vader wonen", "2021-07", "zomer 2021", K.family_need, F),
    ("okt 2021 crisisopname Lotte", "2021-10", "okt 2021", K.placement, P),  # placement beats crisis
    ("eind 2019 rechter spreekt OTS uit", "2019-11", "eind 2019", K.decision, P),
    ("2020 huisarts verwijst naar GGZ", "2020", "", K.contact, P),
    ("14-3-2019 school belt moeder over Lotte", "2019-03-14", "14-3-2019", K.contact, P),  # professionals act
    ("2020-08-22 ruzie thuis, de buren bellen de politie", "2020-08-22", "", K.crisis, F),  # it happens at home
    ("begin 2022 Lotte breekt met haar vader", "2022-02", "begin 2022", K.family_fact, F),
    ("mrt 2023 Jeroen sluit af", "2023-03", "mrt 2023", K.decision, P),  # a participant
    ("dec 2024 Het Kompas belt moeder", "2024-12", "dec 2024", K.contact, P),  # an organisation
    ("school wil een gesprek", "", "", K.contact, P),  # the school's wish is not the family's
    ("Lotte: ik wil naar huis", "", "", K.family_need, F),  # a quote that opens with a wish
    ('najaar 2020 Lotte: "niemand vraagt wat ik wil"', "2020-10", "najaar 2020", K.family_experience, F),
    ("kerstvakantie 2020 ruzie thuis", "2020-12", "kerstvakantie 2020", K.crisis, F),
    ("na de zomervakantie 2021 start behandeling bij de GGZ", "2021-09", "na de zomervakantie 2021", K.decision, P),
    ("voor de zomer 2021 besluit tot OTS", "2021-05", "voor de zomer 2021", K.decision, P),
    ("begin zomer 2019 moeder verhuist", "2019-06", "begin zomer 2019", K.family_fact, F),
    ("Wijkteam sluit af: 'de GGZ is in beeld'", "", "", K.decision, P),  # not a quote of the wijkteam
    # Who a decision is about is no subject: the child named after the act.
    ("maart 2020 besluit uithuisplaatsing Lotte", "2020-03", "maart 2020", K.decision, P),
    ("mei 2023 besluit ondertoezichtstelling Sem", "2023-05", "mei 2023", K.decision, P),
    ("2018 ouders besluiten te scheiden", "2018", "", K.family_fact, F),  # the family's own act
]
ENGLISH = [
    ("March 2019 decision to place Lotte in care", "2019-03", "March 2019", K.decision, P),
    ('spring 2020 mother: "nobody listened"', "2020-04", "spring 2020", K.family_experience, F),
    ("14-3-2019 school calls the social work team", "2019-03-14", "14-3-2019", K.contact, P),
    ("2020-08-22 police called after a fight at home", "2020-08-22", "", K.crisis, F),
    ("autumn 2024 police arrest a neighbour", "2024-10", "autumn 2024", K.crisis, P),  # no family named
    ("2018 parents separate", "2018", "", K.family_fact, F),
    ("2021 Lotte wants to live with her father", "2021", "", K.family_need, F),
    ("early 2022 Lotte moves in with her grandmother", "2022-02", "early 2022", K.family_fact, F),
    ("14 March 2019 Esther visits the family", "2019-03-14", "14 March 2019", K.contact, P),
    ("late 2023 the court makes a supervision order", "2023-11", "late 2023", K.decision, P),
    ("end of 2019 Lotte runs away from home", "2019-11", "end of 2019", K.crisis, F),
    ("2024-01 Sandra: 'they wrote about us, not with us'", "2024-01", "", K.family_experience, F),
    ('mid 2020 GP: "I referred her twice"', "2020-06", "mid 2020", K.contact, P),  # a professional speaks
    ("after the summer holidays 2021 Lotte starts school", "2021-09", "after the summer holidays 2021",
     K.family_fact, F),
    ('shortly after Christmas 2020 mother: "I want Lotte home"', "2021-01", "shortly after Christmas 2020",
     K.family_need, F),
    ("early summer 2022 parents split up", "2022-06", "early summer 2022", K.family_fact, F),
]


@pytest.mark.parametrize("line,date,label,kind,lane", DUTCH + ENGLISH)
def test_one_line_becomes_an_event(line, date, label, kind, lane):
    guess = guess_event(line, SESSION)
    assert (guess.date, guess.date_label, guess.kind, guess.lane) == (date, label, kind, lane)
    assert guess.dated == bool(date)


def test_a_line_without_a_date_takes_the_selected_moment():
    guess = guess_event("gesprek met school", SESSION, anchor="2021-02")
    assert (guess.dated, guess.date, guess.kind, guess.lane) == (False, "2021-02", K.contact, P)


def test_a_line_may_open_with_an_event_of_the_session():
    letter = next(e for e in SESSION.timeline.events if e.title.startswith("Lottes brief"))
    guess = guess_event("na Lottes brief belt het RET", SESSION)
    assert (guess.date, guess.date_label, guess.title) == (letter.date, "na Lottes brief", "Belt het RET")
    for line in ("voor Lotte wordt een plek gezocht", "voor moeder is het te veel"):  # "for", not "before"
        assert not guess_event(line, SESSION).dated


@pytest.mark.parametrize("line,names", [
    ("2020 Lotte en Esther Vonk spreken af bij school", {"Lotte", "Esther Vonk"}),
    ('voorjaar 2019 moeder: "ik voelde me niet gehoord"', {"Sandra"}),  # by role
    ("2021 Lotte wants to live with her father", {"Lotte", "Ruben"}),  # a role in the other language
    ("2024 weekend bij oma Ria", {"oma Ria"}),
    ("2020 Lottes brief", {"Lotte"}),
    ("2019 Esther Vonk belt Anouk over Sem", {"Esther Vonk", "Anouk de Wit", "Sem"}),
    ("2019-03 besluit uithuisplaatsing", set()),
])
def test_named_people_are_linked(line, names):
    guess = guess_event(line, SESSION)
    found = {m.pseudonym for m in SESSION.family.members if m.id in guess.people}
    found |= {p.name for p in SESSION.checkin.participants if p.id in guess.people}
    assert found == names


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.sampled_from([None, "2020", "2019-03-14"]))
def test_any_line_is_a_guess_or_an_impossible_date(line, anchor):
    try:
        guess = guess_event(line, SESSION, anchor=anchor)
    except WhenError as error:
        assert error.key in ("dates.impossible", "dates.no_month")
        return
    if guess.dated:
        parse_partial(guess.date)
    else:
        assert guess.date == (anchor or "")
