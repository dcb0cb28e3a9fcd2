"""Which events the timeline shows: one lane, one kind, the crucial moments, or the
moments one person was involved in. Filters combine; an empty filter shows all."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..model.enums import EventKind, Lane


@dataclass(frozen=True)
class Filter:
    lane: Lane | None = None
    kind: EventKind | None = None
    crucial: bool = False
    person: str | None = None  # a participant's or family member's id

    @property
    def active(self) -> bool:
        return self != Filter()

    def matches(self, event) -> bool:
        return (
            (self.lane is None or event.lane == self.lane)
            and (self.kind is None or event.kind == self.kind)
            and (not self.crucial or event.crucial)
            and (self.person is None or self.person in event.people)
        )

    def apply(self, events: Iterable) -> list:
        return [e for e in events if self.matches(e)]

    def next_lane(self) -> Filter:
        """All lanes, then professionals, then family, then all again."""
        order = [None, Lane.professionals, Lane.family]
        return replace(self, lane=order[(order.index(self.lane) + 1) % len(order)])

    def next_kind(self, present: Iterable[EventKind] = tuple(EventKind)) -> Filter:
        """Through the kinds that occur, then back to all kinds."""
        kinds = [k for k in EventKind if k in set(present)]
        order: list[EventKind | None] = [None, *kinds]
        here = order.index(self.kind) if self.kind in order else 0
        return replace(self, kind=order[(here + 1) % len(order)])
