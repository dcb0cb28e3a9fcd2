"""What a key on the timeline costs: nothing on its path that grows with the session or
with the screen when what it changes is small. Counted, not timed: how often the footer
is rebuilt, which lines of the view are drawn again, which events are laid out again."""

from __future__ import annotations

from apphelpers import burst, on_timeline, opened, visible_text
from retro_tui.ui.app import RetroApp
from retro_tui.ui.keys import localized
from retro_tui.ui.timeline_view import TimelineView


async def all_panes_built(pilot) -> None:
    """The other steps' panes are built a second apart after the load; one mounted
    while keys are measured lays the screen out for reasons of its own."""
    from apphelpers import until
    from retro_tui.ui.panes import StepPane

    app = pilot.app
    await until(pilot, lambda: len(app.screen.query(StepPane)) == len(app.screen.kind.step_ids))
    await pilot.pause()


def footer_text(app) -> str:
    return [line for line in visible_text(app).splitlines() if line.strip()][-1]


async def test_the_key_bar_is_drawn_again_only_when_its_keys_change(tmp_path, example_copy, monkeypatch):
    """Moving through the timeline leaves the key bar as it is; opening quick add shows
    its own keys and closing it brings the timeline's back, each one line drawn again:
    no widget mounted, nothing laid out (Textual's footer mounted a widget per key and
    laid out the whole screen each time its keys changed)."""
    from textual.screen import Screen

    from retro_tui.ui.footer import KeyBar

    drawn_bar: list[int] = []
    render = KeyBar.render
    monkeypatch.setattr(KeyBar, "render", lambda self: drawn_bar.append(1) or render(self))
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await on_timeline(pilot)
        await all_panes_built(pilot)
        bar = app.screen.query_one(KeyBar)
        before = footer_text(app)
        second = view.shown[view.shown.index(view.selected) + 1]
        laid_out: list[int] = []
        layout = Screen._refresh_layout
        monkeypatch.setattr(Screen, "_refresh_layout", lambda self, *a, **k: laid_out.append(1) or layout(self, *a, **k))
        drawn_bar.clear()
        await burst(pilot, "right", "right", "left", "+", "-", "z", "z")
        app.screen.refresh_bindings()  # what a step's own code does after a change
        await pilot.pause()
        assert drawn_bar == []
        assert footer_text(app) == before and "Cruciaal" in before
        assert view.selected is second  # the keys did reach the view
        await burst(pilot, "a")
        assert len(drawn_bar) == 1
        assert "Annuleren" in footer_text(app) and "Cruciaal" not in footer_text(app)
        await burst(pilot, "escape")
        assert len(drawn_bar) == 2
        assert footer_text(app) == before
        assert laid_out == [] and list(bar.children) == []


async def test_a_click_on_a_key_in_the_bar_presses_it(tmp_path, example_copy):
    from apphelpers import until
    from retro_tui.ui.footer import KeyBar

    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await on_timeline(pilot)
        bar = app.screen.query_one(KeyBar)

        def column_of(words: str) -> int:
            return bar.render().plain.index(words)

        await until(pilot, lambda: "c Cruciaal" in bar.render().plain)
        was = view.selected.crucial
        await pilot.click(KeyBar, offset=(column_of("c Cruciaal") + 3, 0))
        await until(pilot, lambda: view.selected.crucial is not was)
        await pilot.click(KeyBar, offset=(column_of("a Nieuw"), 0))
        await until(pilot, lambda: app.focused is app.screen.query_one("QuickAdd"))


def drawn(view) -> list:
    """Every line of the view as drawn now, from its caches."""
    return [view.render_line(y) for y in range(view.size.height)]


def drawn_afresh(view) -> list:
    """The same lines from a layout and paint made anew (what the caches must equal)."""
    view._cache.clear()
    view._strips.clear()
    view._styles = {}
    return drawn(view)


async def test_moving_the_cursor_draws_only_its_old_and_new_lines(tmp_path, example_copy, monkeypatch):
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await on_timeline(pilot)
        lines: list[int] = []
        render_line = TimelineView.render_line
        monkeypatch.setattr(TimelineView, "render_line", lambda self, y: lines.append(y) or render_line(self, y))
        for _ in range(4):
            before = view._line_of(view.placed_selected())
            lines.clear()
            await burst(pilot, "right")
            after = view._line_of(view.placed_selected())
            assert set(lines) == {before, after}
        assert drawn(view) == drawn_afresh(view)


async def test_marking_a_moment_crucial_repaints_its_line_not_the_axis(tmp_path, example_copy, monkeypatch):
    """c changes one marker's colour: no event is laid out again, the axis is not
    painted again, one line is drawn, and what is drawn is what a fresh paint gives."""
    from retro_tui.ui import timeline_view

    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await on_timeline(pilot)
        await burst(pilot, "right", "right")
        laid_out: list[int] = []
        real = timeline_view.lay_out
        monkeypatch.setattr(timeline_view, "lay_out", lambda *a, **k: laid_out.append(1) or real(*a, **k))
        painted = view._cache[view._view_key][1]
        lines: list[int] = []
        render_line = TimelineView.render_line
        monkeypatch.setattr(TimelineView, "render_line", lambda self, y: lines.append(y) or render_line(self, y))
        was = view.selected.crucial
        await burst(pilot, "c")
        assert view.selected.crucial is not was
        assert laid_out == [] and view._cache[view._view_key][1] is painted
        assert set(lines) == {view._line_of(view.placed_selected())}
        monkeypatch.setattr(TimelineView, "render_line", render_line)
        assert drawn(view) == drawn_afresh(view)


async def test_a_loaded_session_is_left_out_of_full_collections_while_its_screen_lives(tmp_path, example_copy):
    """The collector's full passes walked every object of a big session (100 to 180 ms
    on whatever key came then): once loaded they are frozen. When the screen goes they
    are given back, so a closed session does not stay in memory."""
    import gc

    first = localized(RetroApp)(tmp_path, example_copy)
    async with first.run_test(size=(80, 24)) as pilot:
        view = await on_timeline(pilot)
        assert gc.get_freeze_count() >= len(view.session.timeline.events) * 10
        assert gc.isenabled()  # held off only while the session was read and built
    assert gc.get_freeze_count() == 0
    second = localized(RetroApp)(tmp_path, example_copy)
    async with second.run_test(size=(80, 24)) as pilot:
        await on_timeline(pilot)
        assert gc.get_freeze_count() > 0


async def test_the_panes_built_after_the_first_frame_are_left_out_of_full_collections_too(tmp_path, example_copy):
    """The other steps' panes are built one per idle moment after the session was
    frozen; their widgets live as long as the screen, and a full pass over them landed
    on a key (38 to 103 ms on a big session). Once the last is built they are frozen too."""
    import gc

    from apphelpers import until
    from retro_tui.ui.panes import StepPane

    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        steps = len(app.screen.kind.step_ids)
        await until(pilot, lambda: len(app.screen.query(StepPane)) == steps)
        await pilot.pause()
        await pilot.pause()
        tracked = {id(o) for o in gc.get_objects()}
        panes = list(app.screen.query(StepPane))
        assert len(panes) == steps
        assert [p.id for p in panes if id(p) in tracked] == []


async def test_a_quick_add_line_is_placed_without_laying_out_the_others(tmp_path, example_copy, monkeypatch):
    """Enter on a quick-add line places the one new event in the layout there is (a
    big timeline took a full layout of every event per line); what is drawn is what a
    fresh layout draws. A date before the axis's first year grows the axis: laid out."""
    from retro_tui.ui import timeline_view

    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await on_timeline(pilot)
        await burst(pilot, "z")  # close up, titles beside the markers
        laid_out: list[int] = []
        real = timeline_view.lay_out
        monkeypatch.setattr(timeline_view, "lay_out", lambda *a, **k: laid_out.append(1) or real(*a, **k))
        count = len(view.shown)
        await burst(pilot, "a", "2020-05 besluit tot overplaatsing", "enter")
        new = view.selected
        assert new.title == "Besluit tot overplaatsing" and len(view.shown) == count + 1
        assert view.shown == sorted(view.shown, key=lambda e: e.sort_key)
        assert laid_out == []
        placed = view.axis_layout.where(new)
        assert placed is not None and placed.x == view.axis_layout.x_at("2020-05") and placed.label
        assert "Besluit tot overplaatsing" in visible_text(app)
        assert drawn(view) == drawn_afresh(view)
        laid_out.clear()
        await burst(pilot, "a", "1990 grootvader overlijdt", "enter")
        assert view.selected.date == "1990" and laid_out
        assert "1990" in visible_text(app)


async def test_the_details_are_drawn_once_per_event_and_stay_when_quick_add_opens(tmp_path, example_copy, monkeypatch):
    """The selected moment's text is drawn once per event (it was rendered twice per
    arrow key), ending in the line that says the rest is in the form; quick add opening
    in its own line below leaves the details as they are, neither cut nor drawn again."""
    from retro_tui.ui.event_details import EventDetails

    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_timeline(pilot)
        draws: list[int] = []
        draw = EventDetails._draw
        monkeypatch.setattr(EventDetails, "_draw", lambda self, *a: draws.append(1) or draw(self, *a))
        await burst(pilot, "right")
        assert len(draws) == 1
        details = app.screen.query_one(EventDetails)
        more = "meer in het formulier"
        shown = [details.render_line(y).text for y in range(details.content_size.height)]
        assert more in shown[-1], shown
        await burst(pilot, "a")
        assert app.screen.query_one("QuickAdd").has_focus
        assert [details.render_line(y).text for y in range(details.content_size.height)] == shown
        assert len(draws) == 1


async def test_a_key_shows_the_details_in_the_frame_of_its_cursor(tmp_path, example_copy):
    """The details of what → ← ↑ ↓ c select are in place when the key's handler returns,
    so the frame that moves the cursor shows them too. Left to the view's message they
    came a frame later: Textual draws the first frame after a key at once and the next
    one 17 to 33 ms on, and the details are what the key shows in words."""
    from retro_tui.ui.event_details import EventDetails
    from retro_tui.ui.timeline_pane import TimelinePane

    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await on_timeline(pilot)
        pane = app.screen.query_one(TimelinePane)
        details = app.screen.query_one(EventDetails)

        def says() -> str:
            return " ".join(details.render_line(y).text for y in range(details.content_size.height))

        for act in (lambda: pane.action_step(1), lambda: pane.action_step(-1), lambda: pane.action_lane("family"),
                    lambda: pane.action_lane("professionals"), pane.action_crucial, pane.action_crucial):
            act()  # no await: what the frame after this key will draw
            event = view.selected
            assert event.title[:20] in says()
            assert ("★" in says()) == event.crucial
            await pilot.pause()
            assert event.title[:20] in says()


async def test_focus_moving_away_and_back_draws_the_view_from_its_cache(tmp_path, example_copy, monkeypatch):
    """Textual draws every line of a widget again when its focus changes (quick add
    opening and closing): the view's lines come from its cache then, all but the
    cursor's, and they are what a fresh drawing gives after any key."""
    from rich.segment import Segment

    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await on_timeline(pilot)
        cut: list[int] = []
        real = Segment.__new__
        await burst(pilot, "z", "right", "c")
        before = drawn(view)
        monkeypatch.setattr(Segment, "__new__", lambda cls, *a, **k: cut.append(1) or real(cls, *a, **k))
        await burst(pilot, "a")
        line = view._line_of(view.placed_selected())
        assert cut and all(drawn_line == before_line for y, (drawn_line, before_line) in enumerate(zip(drawn(view), before)) if y != line)
        cut.clear()
        assert [view.render_line(y) for y in range(view.size.height) if y != line] == [s for y, s in enumerate(before) if y != line]
        assert cut == []  # every line but the cursor's from the cache
        await burst(pilot, "escape")
        for keys in (("right",), ("c",), ("+",), ("z",), ("a", "2019 school belt", "enter"), ("left", "c"), ("escape",)):
            await burst(pilot, *keys)
            cached = drawn(view)
            view._strips.clear()
            view._styles = {}
            assert cached == drawn(view), keys  # the lines as the layout there is draws them


async def test_an_idle_second_does_not_look_through_every_box_for_drafts(tmp_path, example_copy, monkeypatch):
    """The draft keeper's tick looks through every text box of every screen only when
    something can have been typed since its last look: another screen, another focus,
    other text where the focus is."""
    import json

    import retro_tui.ui.drafts
    from retro_tui.ui.drafts import DraftKeeper

    monkeypatch.setattr(retro_tui.ui.drafts, "SECONDS", 3600)  # only the ticks below
    looked: list[int] = []
    drafts = DraftKeeper.drafts
    monkeypatch.setattr(DraftKeeper, "drafts", lambda self: looked.append(1) or drafts(self))
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_timeline(pilot)
        keeper = app.screen.drafts
        keeper.keep()
        looked.clear()
        await burst(pilot, "right", "z", "z")
        keeper.keep()
        keeper.keep()
        assert looked == []
        await burst(pilot, "a", "2020 gesprek")
        keeper.keep()
        assert looked == [1]
        await app.workers.wait_for_complete()
        journal = json.loads(keeper.journal.path.read_text(encoding="utf-8"))["drafts"]
        assert [d["text"] for d in journal] == ["2020 gesprek"]
        keeper.keep()
        assert looked == [1]
        await burst(pilot, "e")
        keeper.keep()
        assert looked == [1, 1]


async def test_the_collector_is_held_off_while_a_session_is_read_and_back_when_it_is_refused(tmp_path, monkeypatch):
    """While the file is read and validated no full collection walks it; a file that
    is refused gives the collector back, or the app would never collect again."""
    import gc

    from retro_tui.store import files

    enabled_while_reading: list[bool] = []
    load = files.load_read
    monkeypatch.setattr("retro_tui.store.load_read", lambda path: enabled_while_reading.append(gc.isenabled()) or load(path))
    broken = tmp_path / "broken.toml"
    broken.write_text('[session]\ntitle = "x"\nlanguage = "nl"\n[[timeline.events]]\nid = 3\n', encoding="utf-8")
    app = localized(RetroApp)(tmp_path, broken)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        assert enabled_while_reading == [False]
        assert gc.isenabled()


def test_an_event_added_where_the_lane_is_full_is_pinned_like_the_selected_one():
    """The added event is the selected one: as a full layout pins it, it sits next to
    the axis with its title, and what was in its way moves to another row or is
    counted as more. Nothing overlaps, nothing is lost."""
    from retro_tui.model import EventKind, Lane, TimelineEvent
    from retro_tui.timeline.layout import LABEL_FROM, lay_out

    def event(n: int, date: str) -> TimelineEvent:
        return TimelineEvent(id=f"ev-{n}", date=date, title=f"Moment nummer {n}", lane=Lane.family, kind=EventKind.other)

    events = sorted((event(n, f"2019-0{1 + n % 3}") for n in range(12)), key=lambda e: e.sort_key)
    layout = lay_out(events, events, zoom=LABEL_FROM * 2, view_width=80, rows=2)
    assert layout.overflow  # the lane is full
    new = event(99, "2019-02")
    events.append(new)
    assert layout.insert(new)
    placed = layout.where(new)
    assert placed is not None and placed.row == 0 and placed.label == new.title
    assert placed.x == layout.x_at("2019-02")
    cells = set()
    for p in layout.placed:
        span = {(p.row, x) for x in range(p.x, p.x + (2 + len(p.label) if p.label else 1))}
        assert not cells & span, p
        cells |= span
    assert len(layout.placed) + sum(layout.overflow.values()) == len(events)
    assert [p.event for p in layout.placed] == sorted((p.event for p in layout.placed), key=lambda e: e.sort_key)


async def test_the_view_looks_the_same_with_the_keyboard_or_without(tmp_path, example_copy):
    """The view leaves out Textual's restyle on a focus change (TimelineView.watch_has_focus):
    no rule styles it by `:focus`, its cursor follows focus in code. Were such a rule
    added, the styles worked out with the keyboard elsewhere would differ here."""
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await on_timeline(pilot)

        def looks() -> tuple:
            app.update_styles(view)  # what Textual's own watcher does on a focus change
            return (view.rich_style, *(view.get_component_rich_style(name, partial=True) for name in sorted(view.COMPONENT_CLASSES)))

        with_keyboard = looks()
        await burst(pilot, "a")
        assert not view.has_focus
        assert looks() == with_keyboard


def asked_to_be_drawn(monkeypatch) -> list[tuple[str, bool]]:
    """Each widget that asks Textual to draw it again from now on (`refresh`, which a
    whole-screen repaint is too: the screen's own), and whether it asks for a layout.
    The status line is left out: its clock and saved state change on their own. So is
    the top screen asked to draw regions of a screen under it (Textual forwards what
    changed below a modal that way, the session's status line among it, whenever its
    timer falls inside the keys): that is no repaint of the top screen, which is
    `refresh()` with no regions."""
    from textual.screen import Screen
    from textual.widget import Widget

    asked: list[tuple[str, bool]] = []
    real = Widget.refresh

    def refresh(self, *regions, **kwargs):
        if self.id != "status" and not (isinstance(self, Screen) and regions):
            asked.append((type(self).__name__, bool(kwargs.get("layout") or kwargs.get("recompose"))))
        return real(self, *regions, **kwargs)

    monkeypatch.setattr(Widget, "refresh", refresh)
    return asked


async def test_quick_add_taking_and_giving_back_the_keyboard_draws_only_what_changed(tmp_path, example_copy, monkeypatch):
    """`a` moves the keyboard from the view to the quick-add line, Esc and Enter move it
    back. Textual repainted the whole screen on each focus change (its `focused` is a
    reactive that repaints): the tabs, the questions, the notes, the status line, all
    drawn again for a line that changed colour, and the key bar laid the screen out
    again. Now the line, the view it leaves and the key bar ask to be drawn, no layout;
    Enter's moment adds its details, the count above the view and its notice."""
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await on_timeline(pilot)
        await all_panes_built(pilot)
        asked = asked_to_be_drawn(monkeypatch)
        await burst(pilot, "a")
        assert app.focused is app.screen.query_one("QuickAdd")
        assert {name for name, _ in asked} == {"QuickAdd", "TimelineView", "KeyBar"}, asked
        assert not any(layout for _, layout in asked), asked
        asked.clear()
        await burst(pilot, "escape")
        assert app.focused is view
        assert {name for name, _ in asked} == {"QuickAdd", "TimelineView", "KeyBar"}, asked
        assert not any(layout for _, layout in asked), asked
        await burst(pilot, "a")
        asked.clear()
        await burst(pilot, "2019-04 besluit tot hulp", "enter")
        assert app.focused is view and view.selected.title == "Besluit tot hulp"
        names = {name for name, layout in asked if not layout}
        assert {"QuickAdd", "TimelineView", "KeyBar", "EventDetails"} <= names, asked
        assert names <= {"QuickAdd", "TimelineView", "KeyBar", "EventDetails", "Static", "Toast", "ToastRack", "ToastHolder"}, asked
        assert "SessionScreen" not in {name for name, _ in asked}


async def test_the_view_giving_and_taking_the_keyboard_draws_the_cursors_line_only(tmp_path, example_copy, monkeypatch):
    """Textual draws a widget whole when it is given the keyboard (`focus()`) and when
    it gains or loses it; on the timeline only the cursor's line looks different, so
    `a` and the quick add's Enter wrote all the view's rows to the terminal (4.9 KB for
    `a` on the big session) for one. The view draws that line, and does the rest of
    what Textual's own handlers do: has_focus follows, and the pane hears of it
    (DescendantFocus/DescendantBlur), as from any other widget."""
    from textual import events
    from textual.geometry import Region

    from retro_tui.ui.timeline_pane import TimelinePane

    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await on_timeline(pilot)
        await all_panes_built(pilot)
        pane = app.screen.query_one(TimelinePane)
        heard: list[type] = []
        real_post = pane.post_message
        monkeypatch.setattr(pane, "post_message", lambda m: heard.append(type(m)) or real_post(m))
        regions: list[tuple[Region, ...]] = []
        real = TimelineView.refresh
        monkeypatch.setattr(TimelineView, "refresh", lambda self, *r, **k: regions.append(r) or real(self, *r, **k))
        cursor = Region(0, view._line_of(view.placed_selected()), view.size.width, 1)
        await burst(pilot, "a")
        assert not view.has_focus and app.focused is not view
        assert regions and all(r == (cursor,) for r in regions), regions
        assert events.DescendantBlur in heard and events.DescendantFocus in heard  # the view's, the line's
        regions.clear(), heard.clear()
        await burst(pilot, "escape")
        assert view.has_focus and app.focused is view
        assert regions and all(r == (cursor,) for r in regions), regions
        assert events.DescendantFocus in heard
        assert drawn(view) == drawn_afresh(view)
        # Enter's new moment, on the date in view, is drawn where the paint changed, not
        # the whole view (a date the axis must grow for, or scroll to, draws it whole).
        await burst(pilot, "a", f"{view.selected.date} notitie")
        regions.clear()
        await burst(pilot, "enter")
        assert view.has_focus and view.selected.title.casefold() == "notitie"
        assert regions and () not in regions, regions
        assert drawn(view) == drawn_afresh(view)


async def test_the_quick_add_line_is_tinted_while_open_without_a_restyle(tmp_path, example_copy):
    """Open, the line has the accent's tint, set in code (QuickAdd.watch_has_focus):
    the stylesheet gives the line the same rules with the keyboard or without, so
    Textual's restyle on each focus change can be left out. Were a `:focus` rule to
    style it again, the rules worked out with the keyboard would differ here."""
    from retro_tui.ui.timeline_pane import QuickAdd

    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_timeline(pilot)
        box = app.screen.query_one(QuickAdd)

        def rules() -> list:
            app.update_styles(box)  # what Textual's own watcher does on a focus change
            return [box.styles.base.get_rules(), *(box.get_component_styles(name).base.get_rules() for name in sorted(box.COMPONENT_CLASSES))]

        closed_look, closed_rules = box.rich_style, rules()
        await burst(pilot, "a")
        assert box.has_focus
        assert box.rich_style.bgcolor != closed_look.bgcolor  # tinted: open
        assert rules() == closed_rules
        await burst(pilot, "escape")
        assert not box.has_focus and box.rich_style == closed_look
