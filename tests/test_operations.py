"""Changes through the operations keep the session loadable: no dangling references."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import EXAMPLE
from retro_tui import operations as ops
from retro_tui.model import StepId
from retro_tui.store import dumps, load, loads


def reload(session):
    return loads(dumps(session), Path("x.toml"))


def test_removing_a_person_scrubs_every_reference_but_keeps_their_words():
    session = load(EXAMPLE)
    quoted = {q.speaker_id for q in session.quotes if q.speaker_id}
    ident = next(m.id for m in session.family.members if m.id in quoted or any(m.id in e.people for e in session.timeline.events))
    name = ops.person_name(session, ident)
    quotes_before = len(session.quotes)
    ops.remove_person(session, ident)
    again = reload(session)  # would raise on a dangling reference
    assert ident not in {m.id for m in again.family.members}
    assert len(again.quotes) == quotes_before
    assert all(q.speaker_id != ident for q in again.quotes)
    if ident in quoted:
        assert any(q.speaker == name for q in again.quotes)


def test_removing_an_event_unlinks_it_from_insights():
    session = load(EXAMPLE)
    linked = next(i.events[0] for i in session.insights.items if i.events)
    ops.remove_event(session, linked)
    again = reload(session)
    assert all(linked not in i.events for i in again.insights.items)


def test_quote_speaker_becomes_a_reference_when_it_names_someone():
    session = load(EXAMPLE)
    participant = session.checkin.participants[0]
    quote = ops.add_quote(session, StepId.family, participant.name.upper(), "Ik zie het nu anders.")
    assert (quote.speaker_id, quote.speaker) == (participant.id, "")
    free = ops.add_quote(session, StepId.timeline, "buurvrouw", "Niemand belde terug.")
    assert (free.speaker_id, free.speaker) == (None, "buurvrouw")
    assert reload(session).quotes[-1].text == "Niemand belde terug."


def test_a_pause_opens_once_and_ends_after_it_started():
    session = load(EXAMPLE)
    start = dt.datetime(2026, 11, 23, 10, 0)
    first = ops.start_pause(session, StepId.timeline, "even stil", when=start)
    assert ops.start_pause(session, StepId.timeline, when=start) is first
    ops.end_pause(session, when=start + dt.timedelta(minutes=4))
    assert first.ended - first.started == dt.timedelta(minutes=4)
    assert ops.open_pause(session) is None
    reload(session)


def test_move_keeps_items_within_bounds():
    items = ["a", "b", "c"]
    assert ops.move(items, 0, -1) == 0 and items == ["a", "b", "c"]
    assert ops.move(items, 0, 1) == 1 and items == ["b", "a", "c"]
    assert ops.move(items, 2, 5) == 2
