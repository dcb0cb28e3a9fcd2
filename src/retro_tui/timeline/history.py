"""Undo and redo for the timeline step.

Every change to the timeline replaces event objects rather than changing them in place,
so a snapshot is only a shallow copy of the list (cheap with thousands of events), plus
the insights' links to events, which removing an event also changes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class _Snapshot:
    events: tuple
    links: dict[str, tuple[str, ...]]


class History:
    def __init__(self, session, limit: int = 500):
        self.session = session
        self.limit = limit
        self._undo: list[_Snapshot] = []
        self._redo: list[_Snapshot] = []
        # What the last undo or redo changed, to say it: (what, event title), `what`
        # one of "added", "removed", "changed", "links" (the change undone or redone).
        self.last_change: tuple[str, str] | None = None

    def _take(self) -> _Snapshot:
        s = self.session
        return _Snapshot(tuple(s.timeline.events), {i.id: tuple(i.events) for i in s.insights.items})

    def _put(self, snap: _Snapshot) -> None:
        self.session.timeline.events = list(snap.events)
        for insight in self.session.insights.items:
            if insight.id in snap.links and tuple(insight.events) != snap.links[insight.id]:
                insight.events = list(snap.links[insight.id])

    def record(self) -> None:
        """Call before each change: the state to go back to."""
        self._undo.append(self._take())
        del self._undo[: -self.limit]
        self._redo.clear()

    def forget(self) -> None:
        self._undo.clear()
        self._redo.clear()

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> bool:
        if not self._undo:
            return False
        now = self._take()
        self._redo.append(now)
        self._put(self._undo.pop())
        self.last_change = _what_changed(self._take(), now)
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        self._undo.append(self._take())
        self._put(self._redo.pop())
        self.last_change = _what_changed(self._undo[-1], self._take())
        return True


def _what_changed(before: _Snapshot, after: _Snapshot) -> tuple[str, str]:
    """The change that leads from `before` to `after`, by its first event."""
    old = {e.id: e for e in before.events}
    new = {e.id: e for e in after.events}
    for event_id, event in new.items():
        if event_id not in old:
            return "added", event.title
    for event_id, event in old.items():
        if event_id not in new:
            return "removed", event.title
    for event_id, event in new.items():
        if old[event_id] is not event:
            return "changed", event.title
    return "links", ""
