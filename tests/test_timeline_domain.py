"""The timeline's domain: filters, undo history and the layout on the time axis."""

from __future__ import annotations

import random

from conftest import EXAMPLE
from retro_tui import operations as ops
from retro_tui.model import EventKind, Lane, TimelineEvent
from retro_tui.store import dumps, load
from retro_tui.timeline.filters import Filter
from retro_tui.timeline.history import History
from retro_tui.timeline.layout import ZOOMS, lay_out, months


def event(date: str, lane=Lane.family, kind=EventKind.other, crucial=False, title="x", people=()):
    return TimelineEvent(id=f"ev-{random.randrange(16**6):06x}", date=date, title=title, lane=lane,
                         kind=kind, crucial=crucial, people=list(people))


def test_filters_combine_and_show_exactly_the_matching_events():
    session = load(EXAMPLE)
    events = session.timeline.events
    lotte = next(m.id for m in session.family.members if m.pseudonym == "Lotte")
    f = Filter(lane=Lane.family, crucial=True)
    assert f.apply(events) == [e for e in events if e.lane == Lane.family and e.crucial]
    f = Filter(person=lotte, kind=EventKind.crisis)
    assert f.apply(events) == [e for e in events if lotte in e.people and e.kind == EventKind.crisis]
    assert Filter().apply(events) == events and not Filter().active


def test_the_lane_and_kind_filters_cycle_back_to_all():
    f = Filter()
    lanes = []
    for _ in range(3):
        f = f.next_lane()
        lanes.append(f.lane)
    assert None not in lanes[:2] and lanes[-1] is None  # two lanes, then all again
    kinds = [EventKind.crisis, EventKind.decision]
    seen = []
    for _ in range(3):
        f = f.next_kind(kinds)
        seen.append(f.kind)
    assert seen == [EventKind.decision, EventKind.crisis, None]  # in the method's order


def test_undo_and_redo_restore_the_timeline_and_the_insight_links_exactly():
    session = load(EXAMPLE)
    before = dumps(session)
    history = History(session)
    linked = next(i for i in session.insights.items if i.events)
    gone = linked.events[0]
    history.record()
    ops.remove_event(session, gone)
    history.record()
    first = session.timeline.events[0]
    session.timeline.events[0] = first.model_copy(update={"crucial": not first.crucial})
    after = dumps(session)
    assert history.undo() and history.undo() and not history.undo()
    assert dumps(session) == before
    assert history.redo() and history.redo() and not history.redo()
    assert dumps(session) == after
    history.undo()
    history.record()  # a new change after an undo drops what could be redone
    assert not history.can_redo


def test_partial_dates_sort_and_sit_at_the_start_of_their_period():
    assert months("2019") == months("2019-01") < months("2019-03") < months("2019-03-14") < months("2020")


def test_the_whole_case_keeps_every_crucial_moment_in_a_crowd():
    rng = random.Random(7)
    events = [event(f"{rng.randrange(2012, 2024)}-{rng.randrange(1, 13):02d}", lane=rng.choice(list(Lane)))
              for _ in range(2000)]
    crucial = [event(f"{2012 + i // 2}-{(i * 5) % 12 + 1:02d}", lane=rng.choice(list(Lane)), crucial=True)
               for i in range(20)]
    shown = sorted(events + crucial, key=lambda e: e.sort_key)
    layout = lay_out(shown, shown, zoom=None, view_width=46, rows=3)
    placed = {id(p.event) for p in layout.placed}
    assert all(id(e) in placed for e in crucial)
    assert layout.width == 46  # the whole case on one screen
    assert sum(layout.overflow.values()) + len(layout.placed) == len(shown)  # none lost silently


def test_no_two_markers_share_a_cell_and_titles_show_when_zoomed_in():
    events = [event("2019-03", title="Besluit uithuisplaatsing"), event("2019-03", title="Gesprek"),
              event("2019-04", lane=Lane.professionals, title="Overleg")]
    for zoom in ZOOMS:
        layout = lay_out(events, events, zoom=zoom, view_width=60, rows=2)
        cells = [(p.event.lane, p.row, x) for p in layout.placed
                 for x in range(p.x, p.x + 1 + (len(p.label) + 1 if p.label else 0))]
        assert len(cells) == len(set(cells)), zoom
    wide = lay_out(events, events, zoom=8, view_width=60, rows=2)
    assert {p.label for p in wide.placed} == {"Besluit uithuisplaatsing", "Gesprek", "Overleg"}
    assert all(p.label == "" for p in lay_out(events, events, zoom=None, view_width=20, rows=2).placed)


def test_a_long_quiet_period_is_a_gap_on_the_axis():
    events = [event("2018-01"), event("2018-03"), event("2019-06"), event("2019-08")]
    layout = lay_out(events, events, zoom=1, view_width=60, rows=2)
    assert [g.months for g in layout.gaps] == [15]


def test_events_inserted_one_by_one_sit_where_they_would_in_a_layout_of_all():
    """A quick-add line is placed into the layout there is, looking at its neighbours
    only (not laying out, nor going through, thousands of events per line), and the
    result keeps every rule of a full layout: no two markers share a cell, the new one
    sits next to the axis at its month with its title, every event is placed or
    counted, in time order, and the quiet periods are those of all the months."""
    from retro_tui.timeline.layout import _gaps

    rng = random.Random(11)
    years = [2012, 2013, 2014, 2017, 2018, 2019, 2020, 2021]  # 2015 and 2016 quiet
    events = [event(f"{rng.choice(years)}-{rng.randrange(1, 13):02d}", lane=rng.choice(list(Lane)),
                    title=f"Gebeurtenis {i}") for i in range(400)]
    # The axis runs from January 2011 to the end of 2022; the first month with an event
    # is September 2011 and the last February 2022, so a line can bring a new first or
    # last month (and a quiet period at that end) as well as split one in between.
    events += [event("2011-09"), event("2022-02")]
    shown = sorted(events, key=lambda e: e.sort_key)
    for zoom in ZOOMS:
        layout = lay_out(shown, shown, zoom=zoom, view_width=80, rows=3)
        gaps_before = list(layout.gaps)
        added = []
        for i in range(60):
            new = event(f"{rng.choice([2011, 2015, 2022])}-{rng.randrange(1, 13):02d}",
                        lane=rng.choice(list(Lane)), title=f"Nieuw {i}")
            assert layout.insert(new)
            added.append(new)
            placed = layout.where(new)
            assert placed is not None and placed.row == 0 and placed.x == layout.x_at(new.date)
            assert placed.label or zoom is None or zoom < 2
            assert layout.gaps == _gaps(layout._points, layout._x_of)
        assert gaps_before and layout.gaps != gaps_before  # the quiet periods did change
        cells = [(p.event.lane, p.row, x) for p in layout.placed for x in range(p.x, p.x + 1 + (len(p.label) + 1 if p.label else 0))]
        assert len(cells) == len(set(cells)), zoom
        assert sum(layout.overflow.values()) + len(layout.placed) == len(shown) + len(added), zoom
        assert [p.event.sort_key for p in layout.placed] == sorted(p.event.sort_key for p in layout.placed)
