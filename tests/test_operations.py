"""Changes through the operations keep the session loadable: no dangling references."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import EXAMPLE
from retro_tui import operations as ops
from retro_tui.model import StepId
from retro_tui.store import dumps, load, loads


def reload(session):
    return loads(dumps(session), Path("x.toml"))


def _references(session, ident: str) -> dict[str, int]:
    """Where the session points at this person, counted per kind of reference."""
    return {
        "participant": sum(p.id == ident for p in session.checkin.participants),
        "member": sum(m.id == ident for m in session.family.members),
        "relation": sum(ident in (r.source, r.target) for r in session.family.relations),
        "sense": sum(s.participant == ident for s in session.relate.senses),
        "event": sum(ident in e.people for e in session.timeline.events),
        "quote": sum(q.speaker_id == ident for q in session.quotes),
        "perspective": sum(v.person_id == ident for v in session.perspectives),
        "taken_by": sum(v.taken_by == ident for v in session.perspectives),
        "core_team": sum(m.participant == ident for m in session.closing.core_team),
    }


@pytest.mark.parametrize(
    ("ident", "kinds"),
    [
        # A participant: on the map, a sense, in events, quoted, a perspective taken, core team.
        ("p-esther", {"participant", "relation", "sense", "event", "quote", "taken_by", "core_team"}),
        # A family member: in events, relations and a perspective row.
        ("fm-sandra", {"member", "relation", "event", "perspective"}),
    ],
)
def test_removing_a_person_scrubs_every_reference_but_keeps_their_words(ident, kinds):
    session = load(EXAMPLE)
    before = _references(session, ident)
    assert {kind for kind, count in before.items() if count} == kinds  # what this case covers
    name = ops.person_name(session, ident)
    quotes = [(q.id, q.text) for q in session.quotes if q.speaker_id == ident]
    views = [v.id for v in session.perspectives if v.person_id == ident]
    counts = (len(session.quotes), len(session.perspectives), len(session.timeline.events))
    ops.remove_person(session, ident)
    again = reload(session)  # would raise on a dangling reference
    assert not any(_references(again, ident).values())
    assert (len(again.quotes), len(again.perspectives), len(again.timeline.events)) == counts
    by_id = {q.id: q for q in again.quotes}
    for quote_id, text in quotes:  # their words stay, said by their name
        assert (by_id[quote_id].text, by_id[quote_id].speaker) == (text, name)
    for view in again.perspectives:
        if view.id in views:
            assert view.person == name


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
