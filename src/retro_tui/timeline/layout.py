"""Where each event goes on the two-lane time axis: its column, its row in its lane,
whether its title fits beside it, the year and month ticks, and the quiet periods.

Pure arithmetic on the events, so the view only paints and the whole-case layout of
thousands of events can be measured and tested without a terminal."""

from __future__ import annotations

import bisect
import itertools
import math
from functools import cache
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model.dates import parse_partial
from ..model.enums import Lane

if TYPE_CHECKING:
    from ..model.session import TimelineEvent

# Columns per month; None is the whole case on one screen.
ZOOMS: tuple[float | None, ...] = (None, 1, 2, 4, 8)
MARGIN = 2
# A stretch this long without any event is shown as a gap: the method asks what
# happened then, and whether information is missing.
GAP_MONTHS = 6
LABEL_FROM = 2  # columns per month from which titles are written beside the markers
LABEL_MAX = 28


@cache
def months(date: str) -> float:
    """Months since year 0; an unknown month or day counts from the start of its period."""
    year, month, day = parse_partial(date)
    return year * 12 + (month - 1 if month else 0) + ((day - 1) / 31 if day else 0)


@dataclass(frozen=True)
class Placed:
    event: TimelineEvent
    x: int
    row: int  # 0 is next to the axis
    label: str  # the title beside the marker, shortened; "" when there is no room


@dataclass(frozen=True)
class Tick:
    x: int
    text: str
    year: bool


@dataclass(frozen=True)
class Gap:
    x0: int
    x1: int
    months: int


@dataclass
class Layout:
    per_month: float
    width: int  # columns of the whole axis, at least the view's width
    start: float = 0.0  # the month at the axis's first column (after the margin)
    placed: list[Placed] = field(default_factory=list)
    overflow: dict[tuple[Lane, int], int] = field(default_factory=dict)
    ticks: list[Tick] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    end: float = 0.0  # the month after the axis's last
    _index: dict[int, Placed] = field(default_factory=dict, repr=False)
    # What placing one more event needs without placing all again: the cells each lane
    # row has taken, and every event's month in order (the gaps follow from them).
    _taken: dict[Lane, list[bytearray]] = field(default_factory=dict, repr=False)
    _points: list[float] = field(default_factory=list, repr=False)

    def x_at(self, date: str) -> int:
        return MARGIN + int((months(date) - self.start) * self.per_month)

    def insert(self, event) -> bool:
        """One event more, pinned as `lay_out` pins the selected one: next to the axis
        with its title, the events in its way moved to another row or counted as more,
        without placing all the others again. False (and nothing changed) when the event
        falls outside the axis: then the axis itself changes and `lay_out` must run."""
        at = months(event.date)
        if not self._taken or not self.start <= at < self.end:
            return False
        rows, x = self._taken[event.lane], self.x_at(event.date)
        label = _shorten(event.title, LABEL_MAX) if self.per_month >= LABEL_FROM else ""
        end = x + _span(label)
        # Placed in time order, so in column order too: only those from a longest label
        # to the left up to this one's end can be in its way, not all of them.
        lo = bisect.bisect_left(self.placed, x - LABEL_MAX - 2, key=lambda p: p.x)
        hi = bisect.bisect_left(self.placed, end, lo=lo, key=lambda p: p.x)
        in_way = [p for p in self.placed[lo:hi]
                  if p.event.lane == event.lane and p.row == 0 and p.x < end and x < p.x + _span(p.label)]
        for placed in in_way:
            rows[0][placed.x : placed.x + _span(placed.label)] = bytes(_span(placed.label))
            self._remove(placed)
        rows[0][x:end] = b"\x01" * (end - x)
        self._add(Placed(event, x, 0, label))
        for placed in in_way:
            moved = _place(rows, placed.event, placed.x, self.per_month)
            if moved is None:
                key = (event.lane, placed.x)
                self.overflow[key] = self.overflow.get(key, 0) + 1
            else:
                self._add(moved)
        self._add_point(at)
        return True

    def _add_point(self, at: float) -> None:
        """One month more among the events': only the quiet period it falls in can
        change (split in two, or shortened), not the others."""
        i = bisect.bisect_right(self._points, at)
        before = self._points[i - 1] if i else None
        after = self._points[i] if i < len(self._points) else None
        self._points.insert(i, at)
        new = [Gap(self._x_of(a) + 1, self._x_of(b) - 1, round(b - a))
               for a, b in ((before, at), (at, after)) if a is not None and b is not None and b - a >= GAP_MONTHS]
        if before is not None and after is not None and after - before >= GAP_MONTHS:
            k = self.gaps.index(Gap(self._x_of(before) + 1, self._x_of(after) - 1, round(after - before)))
            self.gaps[k : k + 1] = new
        elif new:  # a new first or last month: its quiet period is at that end
            if before is None:
                self.gaps[0:0] = new
            else:
                self.gaps.extend(new)

    def _add(self, placed: Placed) -> None:
        # After the events of the same date, as a stable sort of the events puts it.
        where = bisect.bisect_right(self.placed, placed.event.sort_key, key=lambda p: p.event.sort_key)
        self.placed.insert(where, placed)
        if self._index:
            self._index[id(placed.event)] = placed

    def _remove(self, placed: Placed) -> None:
        # By identity: `==` would compare the events field by field.
        del self.placed[next(i for i, p in enumerate(self.placed) if p is placed)]
        self._index.pop(id(placed.event), None)

    def _x_of(self, value: float) -> int:
        return MARGIN + int((value - self.start) * self.per_month)

    def replace(self, old, new) -> Placed | None:
        """The same event in a new object (crucial marked, words changed), in its place;
        where it is now, if it is placed."""
        for i, placed in enumerate(self.placed):
            if placed.event is old:
                self.placed[i] = Placed(new, placed.x, placed.row, placed.label)
                if self._index:
                    del self._index[id(old)]
                    self._index[id(new)] = self.placed[i]
                return self.placed[i]
        return None

    def where(self, event) -> Placed | None:
        if not self._index or len(self._index) != len(self.placed):
            self._index = {id(p.event): p for p in self.placed}
        return self._index.get(id(event))


def _shorten(text: str, room: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= room else text[: max(0, room - 1)] + "…"


def lay_out(
    events: Sequence,
    shown: Sequence,
    *,
    zoom: float | None,
    view_width: int,
    rows: int,
    month_names: Sequence[str] = (),
    pinned=None,
) -> Layout:
    """`events` set the axis (all of the case, so a filter does not move it); `shown` are
    the events to place, in time order; `pinned` (the selected one) is never crowded out."""
    if not events:
        return Layout(per_month=1.0, width=view_width)
    at = {id(e): months(e.date) for e in events}
    first_year = int(min(at.values()) // 12)
    start = first_year * 12.0
    end = (int(max(at.values()) // 12) + 1) * 12.0  # to the end of the last year
    span = end - start
    per_month = zoom if zoom is not None else max(0.05, (view_width - 2 * MARGIN - 1) / span)
    width = max(view_width, MARGIN * 2 + math.ceil(span * per_month) + 1)

    layout = Layout(per_month=per_month, width=width, start=start, end=end)
    x_of = layout._x_of
    layout.ticks = _ticks(first_year, int(end // 12), per_month, x_of, month_names)
    layout._points = sorted(at.values())
    layout.gaps = _gaps(layout._points, x_of)

    taken = {lane: [bytearray(width + LABEL_MAX + 2) for _ in range(rows)] for lane in Lane}
    layout._taken = taken
    # Crucial moments are placed first, so when a lane is crowded they are the ones kept.
    for event in sorted(shown, key=lambda e: (e is not pinned, not e.crucial)):
        x = x_of(at[id(event)])
        placed = _place(taken[event.lane], event, x, per_month)
        if placed is None:
            key = (event.lane, x)
            layout.overflow[key] = layout.overflow.get(key, 0) + 1
            continue
        layout.placed.append(placed)
    order = {id(e): i for i, e in enumerate(shown)}
    layout.placed.sort(key=lambda p: order[id(p.event)])
    return layout


def _span(label: str) -> int:
    """The cells a marker takes: itself, and a space and its title when it has one."""
    return 2 + len(label) if label else 1


def _place(rows: list[bytearray], event, x: int, per_month: float) -> Placed | None:
    """The event in the first lane row with room: with its title where that fits."""
    label = _shorten(event.title, LABEL_MAX) if per_month >= LABEL_FROM else ""
    spot = _fit(rows, x, _span(label)) if label else None
    if spot is None:
        label = ""
        spot = _fit(rows, x, 1)
    return None if spot is None else Placed(event, x, spot, label)


def _fit(rows: list[bytearray], x: int, length: int) -> int | None:
    for number, row in enumerate(rows):
        if not any(row[x : x + length]):
            row[x : x + length] = b"\x01" * length
            return number
    return None


def _ticks(first_year: int, last_year: int, per_month: float, x_of, month_names) -> list[Tick]:
    ticks: list[Tick] = []
    per_year = per_month * 12
    # Every year when "2019 " fits, else every second or fifth year.
    step = 1 if per_year >= 5 else 2 if per_year * 2 >= 5 else 5
    for year in range(first_year, last_year + 1):
        if (year - first_year) % step == 0:
            ticks.append(Tick(x_of(year * 12.0), str(year), True))
        if per_month >= 3 and month_names and year < last_year:
            room = int(per_month) - 1
            for month in range(1, 12):  # January is the year's own tick; names[0] is unused
                ticks.append(Tick(x_of(year * 12.0 + month), month_names[month + 1][:room], False))
    return ticks


def _gaps(points: list[float], x_of) -> list[Gap]:
    gaps = []
    for before, after in itertools.pairwise(points):
        if after - before >= GAP_MONTHS:
            gaps.append(Gap(x_of(before) + 1, x_of(after) - 1, round(after - before)))
    return gaps
