"""The timeline editor driven by its keys: filters, zoom, undo and redo, following a
person from the family portrait, and linking insights to moments on the timeline."""

from __future__ import annotations

from textual import events

from apphelpers import on_timeline, opened, visible_text
from retro_tui.model import EventKind, Lane, StepId
from retro_tui.store import load
from retro_tui.timeline.layout import ZOOMS
from retro_tui.ui.app import RetroApp
from retro_tui.ui.keys import localized
from retro_tui.ui.timeline_view import GLYPH, TimelineView


def wheel(kind, view):
    # Pilot has no wheel: the terminal's event, as the driver would post it.
    return kind(view, 10, 3, 0, 0, 0, False, False, False, screen_x=10, screen_y=10)


def timeline_state(session) -> dict:
    """What the timeline step changes (the file's save time moves on regardless)."""
    return session.model_dump(include={"timeline", "insights"}, mode="json")


def in_time_order(session):
    return sorted(session.timeline.events, key=lambda e: e.sort_key)


async def test_filters_show_exactly_the_right_events(tmp_path, example_copy):
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await on_timeline(pilot)
        events = in_time_order(app.screen.session)
        ids = lambda shown: [e.id for e in shown]  # noqa: E731

        await pilot.press("l")
        assert ids(view.shown) == [e.id for e in events if e.lane == Lane.professionals]
        await pilot.press("l")
        assert ids(view.shown) == [e.id for e in events if e.lane == Lane.family]
        await pilot.press("asterisk")
        assert ids(view.shown) == [e.id for e in events if e.lane == Lane.family and e.crucial]
        assert view.shown  # the example has crucial moments on the family's side
        await pilot.press("0")
        assert ids(view.shown) == ids(events)

        await pilot.press("k")  # the first kind the method names that occurs: decisions
        assert ids(view.shown) == [e.id for e in events if e.kind == EventKind.decision]
        await pilot.press("0", "p")
        await pilot.pause()
        await pilot.press(*"Sem", "enter")
        await pilot.pause()
        sem = next(m.id for m in app.screen.session.family.members if m.pseudonym == "Sem")
        assert ids(view.shown) == [e.id for e in events if sem in e.people]
        assert 0 < len(view.shown) < len(events)
        assert "Sem" in str(app.screen.query_one("#timeline-state").render())
        await pilot.press("p", "enter")  # the first choice: everyone again
        await pilot.pause()
        assert ids(view.shown) == ids(events)


async def test_the_whole_case_shows_every_crucial_moment_of_the_example(tmp_path, example_copy):
    for size in ((80, 24), (160, 45)):
        app = localized(RetroApp)(tmp_path, example_copy)
        async with app.run_test(size=size) as pilot:
            view = await on_timeline(pilot)
            await pilot.press("z", "z")  # close up, then the whole case again
            assert ZOOMS[view.zoom] is None
            layout = view.axis_layout
            assert layout.width == view.size.width  # all of it on one screen
            crucial = [e for e in app.screen.session.timeline.events if e.crucial]
            assert len(crucial) == 6
            for event in crucial:
                placed = layout.where(event)
                assert placed is not None, event.title
                line = view._line_of(placed)
                cell = view.render_line(line).crop(placed.x, placed.x + 1).text
                assert cell == GLYPH[event.kind], (event.title, cell)


async def test_zoom_by_keys_and_mouse_wheel(tmp_path, example_copy):
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await on_timeline(pilot)
        assert view.zoom == 0
        await pilot.press("plus", "plus")
        assert view.zoom == 2 and view.axis_layout.width > view.size.width
        await pilot.press("minus")
        assert view.zoom == 1
        view.post_message(wheel(events.MouseScrollUp, view))  # up zooms in, like a map
        await pilot.pause()
        assert view.zoom == 2
        view.post_message(wheel(events.MouseScrollDown, view))
        view.post_message(wheel(events.MouseScrollDown, view))
        await pilot.pause()
        assert view.zoom == 0


async def test_moving_goes_through_time_across_both_lanes(tmp_path, example_copy):
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await on_timeline(pilot)
        events = in_time_order(app.screen.session)
        assert view.selected is events[0]
        await pilot.press("right", "right", "right")
        assert view.selected is events[3]
        await pilot.press("left")
        assert view.selected is events[2]
        await pilot.press("end")
        assert view.selected is events[-1]
        await pilot.press("home")
        assert view.selected is events[0]
        lane = view.selected.lane
        await pilot.press("up" if lane == Lane.family else "down")
        assert view.selected.lane != lane
        assert view.selected.title[:20] in visible_text(app)  # its details, below the view


async def test_undo_and_redo_restore_exactly(tmp_path, example_copy):
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_timeline(pilot)
        session = app.screen.session
        original = timeline_state(session)
        await pilot.press("right", "c")  # mark crucial
        await pilot.press("ctrl+d")  # duplicate
        await pilot.press("d", "y")  # remove the copy, asked first
        await pilot.pause()
        await pilot.press("end", "d", "y")  # and the last event, linked from insights
        await pilot.pause()
        changed = timeline_state(session)
        assert changed != original and len(session.timeline.events) == 38
        await pilot.press("u", "u", "u", "u")
        await pilot.pause()
        assert timeline_state(session) == original
        await pilot.press("u")  # nothing more to undo: nothing changes
        assert timeline_state(session) == original
        await pilot.press("ctrl+y", "ctrl+y", "ctrl+y", "ctrl+y")
        await pilot.pause()
        assert timeline_state(session) == changed
        await pilot.press("ctrl+q")
    assert timeline_state(load(example_copy)) == changed


async def test_a_family_member_leads_to_their_moments(tmp_path, example_copy):
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        screen = app.screen
        screen.go_to(StepId.family)
        await pilot.pause()
        await pilot.press("down", "t")  # Ruben, the second member
        await pilot.pause()
        assert screen.current == StepId.timeline
        view = screen.query_one("#pane-timeline TimelineView", TimelineView)
        ruben = next(m.id for m in screen.session.family.members if m.pseudonym == "Ruben")
        assert view.filter.person == ruben
        assert [e.id for e in view.shown] == [e.id for e in in_time_order(screen.session) if ruben in e.people]


async def test_insight_moments_are_linked_on_the_timeline(tmp_path, example_copy):
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        screen = app.screen
        screen.go_to(StepId.insights)
        await pilot.pause()
        insight = screen.session.insights.items[0]
        before = list(insight.events)
        await pilot.press("m")
        await pilot.pause()
        picker = app.screen
        first_crucial = picker.query_one(TimelineView).selected
        assert first_crucial.crucial  # crucial moments first
        await pilot.press("space")  # link it (or unlink, if it was)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+q")
    saved = next(i for i in load(example_copy).insights.items if i.id == insight.id)
    assert set(saved.events) == set(before) ^ {first_crucial.id}


async def test_a_spoken_date_label_follows_its_date_or_is_cleared(tmp_path, example_copy):
    from apphelpers import fill

    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await on_timeline(pilot)
        events = in_time_order(app.screen.session)
        target = next(e for e in events if e.date_label == "voorjaar 2020")
        while view.selected.id != target.id:
            await pilot.press("right")

        def current():
            return next(e for e in app.screen.session.timeline.events if e.id == target.id)

        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, date="2020-02")  # a new date, the label left alone: it goes
        assert (current().date, current().date_label) == ("2020-02", "")
        assert "voorjaar 2020" not in visible_text(app)

        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, date="najaar 2021")  # said in words: the words are the label
        assert (current().date, current().date_label) == ("2021-10", "najaar 2021")

        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, date="2019-05", date_label="rond de verhuizing")  # a label typed anew stays
        assert (current().date, current().date_label) == ("2019-05", "rond de verhuizing")

        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, title="Zelfde datum, andere titel")  # the date untouched: so is its label
        assert current().date_label == "rond de verhuizing"


async def test_arrow_keys_find_the_selected_event_without_comparing_events(tmp_path, example_copy, monkeypatch):
    """→ after c (the event replaced by a marked copy) and after an undo: the selection
    is found by identity, not by comparing every event field by field (pydantic's ==,
    thousands of times per key on a big session)."""
    from retro_tui.model import TimelineEvent

    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await on_timeline(pilot)
        compared = []
        equal = TimelineEvent.__eq__
        monkeypatch.setattr(TimelineEvent, "__eq__", lambda a, b: compared.append(1) or equal(a, b))
        await pilot.press("right", "right", "c", "right", "u", "right", "left")
        await pilot.pause()
        events = in_time_order(app.screen.session)
        assert view.selected is events[3] and not events[2].crucial
        assert compared == []


async def test_the_timeline_is_laid_out_only_once_it_is_on_screen(tmp_path, example_copy, monkeypatch):
    """Opening a session on another step (and moving on with F6) lays out no event for
    the timeline's or the insights' hidden views: with 2,000 events each took a while
    at start, at a made-up size. Shown, the view lays out at its own size."""
    from retro_tui.ui import timeline_view

    widths = []
    real = timeline_view.lay_out
    monkeypatch.setattr(timeline_view, "lay_out", lambda *a, **k: widths.append(k["view_width"]) or real(*a, **k))
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.press("f6")
        await pilot.pause()
        assert widths == []
        view = await on_timeline(pilot)
        await pilot.press("z")  # close up: the selected moment is scrolled into view
        await pilot.pause()
        assert widths and set(widths) == {view.size.width}
        placed = view.placed_selected()
        assert view.first_column <= placed.x < view.first_column + view.size.width
