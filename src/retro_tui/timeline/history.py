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
        self._redo.append(self._take())
        self._put(self._undo.pop())
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        self._undo.append(self._take())
        self._put(self._redo.pop())
        return True
