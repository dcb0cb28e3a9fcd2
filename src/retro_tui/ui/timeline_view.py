"""The two-lane timeline of work card 3: professionals above the line, the family below,
each event a marker for its kind, crucial moments standing out, quiet periods marked.

Drawn with the Line API: the layout is computed once per change (`timeline.layout`) and
each screen line is cut from it, so thousands of events cost one pass, not one widget
each. Moving the selection only repaints."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.dom import NoScreen
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from ..i18n import label, t
from ..model.enums import EventKind, Lane
from ..timeline.filters import Filter
from ..timeline.layout import ZOOMS, Layout, Placed, lay_out

GLYPH = {
    EventKind.decision: "◆",
    EventKind.contact: "●",
    EventKind.crisis: "▲",
    EventKind.placement: "■",
    EventKind.family_fact: "○",
    EventKind.family_need: "◇",
    EventKind.family_experience: "◎",
    EventKind.other: "•",
}


@dataclass
class _Painted:
    """The whole axis as characters and style names, one list per screen line."""

    chars: list[list[str]]
    styles: list[list[str]]


class TimelineView(Widget, can_focus=True):
    COMPONENT_CLASSES = {
        "timeline--axis", "timeline--tick", "timeline--gap", "timeline--professionals",
        "timeline--family", "timeline--crucial", "timeline--selected", "timeline--label",
        "timeline--more", "timeline--marked", "timeline--cursor",
    }
    DEFAULT_CSS = """
    TimelineView { height: 1fr; min-height: 8; }
    TimelineView > .timeline--axis { color: $foreground 50%; }
    TimelineView > .timeline--tick { color: $foreground 70%; }
    TimelineView > .timeline--gap { color: $warning; }
    TimelineView > .timeline--professionals { color: $primary-lighten-2; }
    TimelineView > .timeline--family { color: $success; }
    TimelineView > .timeline--crucial { color: $warning; text-style: bold; }
    TimelineView > .timeline--selected { background: $foreground 25%; text-style: bold; }
    TimelineView > .timeline--cursor { background: $accent; color: $text; text-style: bold; }
    TimelineView > .timeline--label { color: $foreground 80%; }
    TimelineView > .timeline--more { color: $text-muted; }
    TimelineView > .timeline--marked { background: $secondary 60%; color: $text; text-style: bold; }
    """

    zoom: reactive[int] = reactive(0)

    class Selected(Message):
        def __init__(self, view: TimelineView, event) -> None:
            super().__init__()
            self.view = view
            self.event = event

    def __init__(self, session, *, id: str | None = None):
        super().__init__(id=id)
        self.session = session
        self.filter = Filter()
        self.selected = None  # the selected TimelineEvent
        self.first_column = 0  # first axis column on the screen
        self.marked: set[str] = set()  # ids drawn as chosen (the moments an insight links)
        self._shown: list = []
        # Where each shown event is, by identity: `list.index` compares pydantic models
        # field by field, thousands of them on every arrow key.
        self._position: dict[int, int] | None = None
        # Layouts and their paint per (width, lane rows, zoom) of the current events: a
        # view that changes height (quick add opening) or zoom and back costs nothing.
        self._cache: dict[tuple, tuple[Layout, _Painted | None]] = {}
        # Each style name's Rich style, until the CSS says the styles changed (focus,
        # theme): looked up per character run, they were most of a line's drawing.
        self._styles: dict[str, Style] = {}
        self._styles_seen: tuple | None = None  # what _styles were made from
        self._styles_stale = True
        # Each drawn line but the cursor's, for the paint, column and width it was cut
        # from: Textual draws every line of a widget again when its focus changes
        # (quick add opening and closing), and they are the same lines.
        self._strips: dict[int, Strip] = {}
        self._strips_for: tuple | None = None
        self._strips_painted: _Painted | None = None
        self.reload()

    # --- data ---------------------------------------------------------------------

    def reload(self, select=None) -> None:
        """The events changed (or the filter): recompute, keep or move the selection."""
        from ..operations import events_in_order

        self._shown = self.filter.apply(events_in_order(self.session))
        self._position = None
        wanted = select or self.selected
        by_id = {e.id: e for e in self._shown}
        if wanted is not None and wanted.id in by_id:
            self.selected = by_id[wanted.id]
        elif self._shown:
            # The nearest in time to what was selected, else the first.
            self.selected = self._nearest(wanted) if wanted is not None else self._shown[0]
        else:
            self.selected = None
        self._cache.clear()
        self.refresh()
        self.post_message(self.Selected(self, self.selected))

    def _nearest(self, event):
        key = event.sort_key
        return min(self._shown, key=lambda e: abs(_ordinal(e.sort_key) - _ordinal(key)))

    def _index_of(self, event) -> int | None:
        if self._position is None:
            self._position = {id(e): i for i, e in enumerate(self._shown)}
        return self._position.get(id(event))

    @property
    def shown(self) -> list:
        return self._shown

    @property
    def _view_key(self) -> tuple:
        return (self.size.width or 80, self.lane_rows, self.zoom)

    @property
    def axis_layout(self) -> Layout:
        key = self._view_key
        if key not in self._cache:
            if len(self._cache) >= 8:
                self._cache.pop(next(iter(self._cache)))
            width, rows, zoom = key
            self._cache[key] = (
                lay_out(
                    self.session.timeline.events,
                    self._shown,
                    zoom=ZOOMS[zoom],
                    view_width=width,
                    rows=rows,
                    month_names=t("timeline.months").split(),
                    pinned=self.selected,
                ),
                None,
            )
        return self._cache[key][0]

    def replaced(self, old, new) -> None:
        """One event replaced by an equal one but for its crucial mark or words: the
        layout keeps its place and only the paint is redone, instead of laying out every
        event again. Anything that can move it goes through `reload`."""
        if (old.date, old.lane, old.kind, old.title) != (new.date, new.lane, new.kind, new.title):
            self.reload(new)
            return
        at = self._index_of(old)
        if at is None or not self.filter.matches(new):
            self.reload(new)
            return
        self._shown[at] = new
        self._position = None
        line = None
        for key, (layout, painted) in self._cache.items():
            placed = layout.replace(old, new)
            if placed is not None:
                if painted is not None:
                    # Only its marker's colour can differ: the one cell, not the whole axis.
                    painted.styles[self._line_of(placed, key[1])][placed.x] = self._marker_style(new)
                if key == self._view_key:
                    line = self._line_of(placed)
        if self.selected is old:
            self.selected = new
        if line is not None:
            self._strips.pop(line, None)  # its paint changed in place
        self._refresh_lines(self._selected_line(), *([] if line is None else [line]))
        self.post_message(self.Selected(self, self.selected))

    def added(self, event) -> None:
        """One new event, selected: placed into the layouts there are, instead of laying
        out every event again (a quick-add line on a big timeline). Anything else, or
        an event the axis must grow for, goes through `reload`."""
        if not self.filter.matches(event):
            self.reload(event)
            return
        for layout, _ in self._cache.values():
            if not layout.insert(event):
                self.reload(event)
                return
        self._shown.insert(bisect.bisect_right(self._shown, event.sort_key, key=lambda e: e.sort_key), event)
        self._position = None
        before, column = self._selected_line(), self.first_column
        drawn = self._cache.get(self._view_key, (None, None))[1]
        self._cache = {key: (layout, None) for key, (layout, _) in self._cache.items()}
        self.selected = event
        self._scroll_to_selected()
        if drawn is not None and self.first_column == column and self.size.width:
            # Painted again (cheap), drawn again only where the paint changed: the new
            # marker's line and the lines of any it moved, not the whole view.
            self._refresh_lines(before, self._selected_line(), *self._changed_lines(drawn, self._paint()))
        else:
            self.refresh()
        self.post_message(self.Selected(self, event))

    def _changed_lines(self, old: _Painted, new: _Painted) -> list[int | None]:
        """The screen lines that differ between two paints, at the current column."""
        if len(old.chars) != len(new.chars):
            return [None]
        cut = slice(self.first_column, self.first_column + self.size.width)
        return [y for y in range(len(new.chars))
                if old.chars[y][cut] != new.chars[y][cut] or old.styles[y][cut] != new.styles[y][cut]]

    def placed_selected(self) -> Placed | None:
        """Where the selected event is drawn. Crowded out of its lane, it is drawn anyway,
        on the row next to the axis (without laying out thousands of events again)."""
        if self.selected is None:
            return None
        layout = self.axis_layout
        return layout.where(self.selected) or Placed(self.selected, layout.x_at(self.selected.date), 0, "")

    @property
    def lane_rows(self) -> int:
        return max(1, ((self.size.height or 10) - 2) // 2)

    # --- moving -------------------------------------------------------------------

    def _selected_line(self) -> int | None:
        placed = self.placed_selected() if self.size.width else None
        return None if placed is None else self._line_of(placed)

    def _refresh_lines(self, *lines: int | None) -> None:
        """Draw these lines again, or all of them when one is not known."""
        width = self.size.width
        if not width or None in lines:
            self.refresh()
        else:
            self.refresh(*(Region(0, y, width, 1) for y in set(lines) if y is not None))

    def mark(self, ids) -> None:
        self.marked = set(ids)
        self._cache = {key: (layout, None) for key, (layout, _) in self._cache.items()}
        self.refresh()

    def select(self, event) -> None:
        if event is None or event is self.selected:
            return
        before, column = self._selected_line(), self.first_column
        self.selected = event
        self._scroll_to_selected()
        if self.first_column == column:
            # The axis stays put: only the lines of the old and the new cursor change.
            self._refresh_lines(before, self._selected_line())
        self.post_message(self.Selected(self, event))

    def step(self, delta: int) -> None:
        """Previous or next event in time order, across both lanes."""
        if not self._shown:
            return
        here = self._index_of(self.selected)
        here = -1 if here is None else here
        self.select(self._shown[max(0, min(len(self._shown) - 1, here + delta))])

    def other_lane(self, lane: Lane) -> None:
        """The event in the given lane nearest in time to the selected one."""
        there = [e for e in self._shown if e.lane == lane]
        if there and self.selected is not None:
            key = _ordinal(self.selected.sort_key)
            self.select(min(there, key=lambda e: abs(_ordinal(e.sort_key) - key)))

    def set_zoom(self, level: int) -> None:
        self.zoom = max(0, min(len(ZOOMS) - 1, level))

    def watch_zoom(self) -> None:
        # Scrolled before the frame, not after it: after, the key's frame showed the
        # axis at the old column and a second frame drew every line again.
        self._scroll_to_selected()
        self.refresh()

    def _scroll_to_selected(self) -> None:
        width = self.size.width
        if not width:
            # Not on the screen (another step's pane, or on mount): a layout of every
            # event for no size is waste. on_resize scrolls once it has a size.
            return
        layout = self.axis_layout
        placed = self.placed_selected()
        column = self.first_column
        if placed is None or layout.width <= width:
            self.first_column = 0
        elif not self.first_column + 1 <= placed.x <= self.first_column + width - 1 - len(placed.label):
            self.first_column = max(0, min(layout.width - width, placed.x - width // 3))
        if self.first_column != column:
            self.refresh()

    def on_resize(self) -> None:
        self._scroll_to_selected()

    # --- painting -----------------------------------------------------------------

    def _paint(self) -> _Painted:
        layout = self.axis_layout
        key = self._view_key
        painted = self._cache[key][1]
        if painted is not None:
            return painted
        rows = self.lane_rows
        height = 2 * rows + 2
        width = layout.width + 40
        chars = [[" "] * width for _ in range(height)]
        styles = [[""] * width for _ in range(height)]

        def put(line: int, x: int, text: str, style: str) -> None:
            for i, ch in enumerate(text):
                if 0 <= x + i < width:
                    chars[line][x + i] = ch
                    styles[line][x + i] = style

        axis, ticks = rows, rows + 1
        put(axis, 0, "─" * layout.width, "timeline--axis")
        for gap in layout.gaps:
            put(axis, gap.x0, "┄" * max(0, gap.x1 - gap.x0 + 1), "timeline--gap")
        taken = [False] * width
        for tick in layout.ticks:
            if tick.year:
                put(axis, tick.x, "┼", "timeline--axis")
            elif chars[axis][tick.x] == "─":
                put(axis, tick.x, "┴", "timeline--axis")
            if not any(taken[tick.x : tick.x + len(tick.text) + 1]):
                put(ticks, tick.x, tick.text, "timeline--tick")
                taken[tick.x : tick.x + len(tick.text) + 1] = [True] * (len(tick.text) + 1)
        for gap in layout.gaps:
            text = "?" + t("timeline.gap_months", months=gap.months)
            middle = (gap.x0 + gap.x1 - len(text)) // 2
            if gap.x1 - gap.x0 >= len(text) and not any(taken[max(0, middle - 1) : middle + len(text) + 1]):
                put(ticks, middle, text, "timeline--gap")
        for placed in layout.placed:
            event = placed.event
            line = rows - 1 - placed.row if event.lane == Lane.professionals else ticks + 1 + placed.row
            put(line, placed.x, GLYPH[event.kind], self._marker_style(event))
            if placed.label:
                put(line, placed.x + 1, " " + placed.label, "timeline--label")
        for (lane, x), count in layout.overflow.items():
            line = 0 if lane == Lane.professionals else height - 1
            if chars[line][x] == " ":
                put(line, x, "+" if count < 10 else "⁺", "timeline--more")
        painted = _Painted(chars, styles)
        self._cache[key] = (layout, painted)
        return painted

    def _marker_style(self, event) -> str:
        if event.id in self.marked:
            return "timeline--marked"
        return "timeline--crucial" if event.crucial else f"timeline--{event.lane.value}"

    def notify_style_update(self) -> None:
        # Textual says so on every focus change too, when nothing the view draws with
        # changed: looked at again before the next line is drawn (`_check_styles`).
        super().notify_style_update()
        self._styles_stale = True

    def _check_styles(self) -> None:
        seen = (self.rich_style, *(self.get_component_rich_style(name, partial=True) for name in sorted(self.COMPONENT_CLASSES)))
        if seen != self._styles_seen:
            self._styles_seen = seen
            self._styles = {}
            self._strips.clear()
        self._styles_stale = False

    def focus(self, scroll_visible: bool = True) -> TimelineView:
        # Textual's focus() draws the whole view at once, before the focus even moves;
        # what looks different then is the cursor's line, which on_focus draws (a quick
        # add's Enter or Esc gives the keyboard back this way). The move itself is as
        # Textual's: deferred, so keys typed behind it still find it done in order.
        def move() -> None:
            try:
                self.screen.set_focus(self, scroll_visible=scroll_visible)
            except NoScreen:
                pass  # taken off the screen in the meantime

        self.app.call_later(move)
        return self

    def on_focus(self, event: events.Focus) -> None:
        # The cursor's look follows focus in code (timeline--cursor), not by a `:focus`
        # rule: a rule would change the view's component styles on every focus change
        # (quick add opening and closing), and Textual then draws every line again.
        # Textual's own handler, after this one, draws the whole view again as well
        # (4.9 KB to the terminal for `a`, where one line changed): it is kept from
        # running, and what else it does is done here.
        event.prevent_default()
        self.has_focus = True
        if self.parent is not None:
            self.parent.post_message(events.DescendantFocus(self))
        self._refresh_lines(self._selected_line())

    def watch_has_focus(self, has_focus: bool) -> None:
        # No rule styles the view by `:focus` (above), so its styles are the same either
        # way: Textual's own watcher worked them out again, for the view and each of its
        # eleven component classes, and the view then every style it draws with
        # (`_check_styles`), on `a` and on Enter of quick add: a sixth of those keys' work.
        pass

    def on_blur(self, event: events.Blur) -> None:
        event.prevent_default()  # as on_focus
        self.has_focus = False
        if self.parent is not None:
            self.parent.post_message(events.DescendantBlur(self))
        self._refresh_lines(self._selected_line())

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            base = self._styles.get("") or self._styles.setdefault("", self.rich_style)
            style = self._styles[name] = base + self.get_component_rich_style(name, partial=True) if name else base
        return style

    def _line_of(self, placed, rows: int | None = None) -> int:
        rows = self.lane_rows if rows is None else rows
        return rows - 1 - placed.row if placed.event.lane == Lane.professionals else rows + 2 + placed.row

    def render_line(self, y: int) -> Strip:
        if self._styles_stale:
            self._check_styles()
        painted = self._paint()
        width = self.size.width
        base = self._style("")
        if y >= len(painted.chars):
            return Strip.blank(width, base)
        # A view that cannot take the keyboard (the insights' backdrop) has no cursor.
        placed = self.placed_selected() if self.can_focus else None
        cursor_here = placed is not None and self._line_of(placed) == y
        cut_from = (id(painted), self.first_column, width)
        if cut_from != self._strips_for:
            old = self._strips_painted
            if old is not None and self._strips_for is not None and self._strips_for[1:] == cut_from[1:]:
                # Painted anew at the same column (an event added): the lines whose
                # paint did not change stay as they were drawn.
                for line in self._changed_lines(old, painted):
                    if line is None:
                        self._strips.clear()
                        break
                    self._strips.pop(line, None)
            else:
                self._strips.clear()
            self._strips_for, self._strips_painted = cut_from, painted
        if not cursor_here and y in self._strips:
            return self._strips[y]
        chars = painted.chars[y][self.first_column : self.first_column + width]
        styles = list(painted.styles[y][self.first_column : self.first_column + width])
        rows = self.lane_rows
        if y in (0, 2 * rows + 1):
            # Which side is which, in the corner, wherever no marker is drawn there.
            lane = Lane.professionals if y == 0 else Lane.family
            name = ("▲ " if y == 0 else "▼ ") + label(lane)
            if len(name) < width and not "".join(chars[: len(name) + 1]).strip():
                chars = list(name) + list(chars[len(name):])
                styles[: len(name)] = ["timeline--more"] * len(name)
        if placed is not None and cursor_here:
            start = placed.x - self.first_column
            if 0 <= start < width and self.axis_layout.where(placed.event) is None:
                chars[start] = GLYPH[placed.event.kind]  # drawn over whatever crowded it out
            cursor = "timeline--cursor" if self.has_focus else "timeline--selected"
            for i in range(max(0, start), min(width, start + 1 + (1 + len(placed.label) if placed.label else 0))):
                styles[i] = cursor
        segments = []
        run_start = 0
        for i in range(1, len(chars) + 1):
            if i == len(chars) or styles[i] != styles[run_start]:
                segments.append(Segment("".join(chars[run_start:i]), self._style(styles[run_start])))
                run_start = i
        strip = Strip(segments, len(chars)).extend_cell_length(width, base)
        if not cursor_here:
            self._strips[y] = strip
        return strip

    # --- mouse --------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        x = event.x + self.first_column
        hits = [p for p in self.axis_layout.placed if self._line_of(p) == event.y and p.x <= x <= p.x + len(p.label) + 1]
        if hits:
            self.select(min(hits, key=lambda p: abs(p.x - x)).event)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.set_zoom(self.zoom + 1)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.set_zoom(self.zoom - 1)


def _ordinal(key: tuple[int, int, int]) -> int:
    year, month, day = key
    return year * 372 + max(month - 1, 0) * 31 + max(day - 1, 0)
