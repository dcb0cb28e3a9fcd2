"""Keys typed ahead land where the typist meant them, in order, at any load.

Textual routes each key to the widget focused at the moment the app handles the key,
but what a key *does* (Tab moving focus, `a` opening a form or showing the quick-add
line, F2 opening the quote box) happens later: the key first travels up from the
focused widget before its binding runs, `Widget.focus()` is deferred with `call_later`,
and a pushed screen composes and focuses its first field in its own task. A burst of
keys is routed long before any of that, so `Marieke<Tab>moeder` became one name.

So the app lets one key at a time through: the keys behind it wait until the key has
been fully handled and the focus it leads to has settled. To learn that, a marker
message follows the key along the same path (focused widget, its parents, the screen,
the app); message queues are first in, first out, so when the marker comes back the key
ahead of it is done. Rounds repeat until a round ends with the same screen and focus it
started with, which also lets a deferred focus or a new screen's first field happen.
"""

from __future__ import annotations

from collections import deque

from textual import events
from textual.message import Message

# A round whose marker is lost (its widget was removed, a form closed) is started again
# after this long; it only bounds how long keys can wait, it orders nothing.
STALL = 0.3
# Focus that keeps moving on its own must not hold the keyboard for ever.
MOST_ROUNDS = 12


class KeyRound(Message):
    """The marker that follows a key; back at the app, the key ahead of it is done."""

    def __init__(self, serial: int):
        super().__init__()
        self.serial = serial


class TypeAhead:
    """Mixed into the App, before `App`: holds keys while an earlier one is in flight."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._held: deque[events.Key] = deque()
        self._in_flight = False
        self._round = 0
        self._rounds = 0
        self._round_state: tuple | None = None

    @property
    def keys_waiting(self) -> bool:
        """A key is being handled or waits: tests settle on this going False."""
        return self._in_flight

    def _bypasses(self, key: str) -> bool:
        # Keys the app binds with priority itself (quit) never wait behind a stuck key.
        return any(b.priority and key in b.key.split(",") for b in getattr(type(self), "BINDINGS", []))

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded and not self._bypasses(event.key):
            if self._in_flight:
                self._held.append(event)
                return
            await self._let_through(event)
            return
        await super().on_event(event)

    async def _let_through(self, key: events.Key) -> None:
        self._in_flight = True
        self._rounds = 0
        await super().on_event(key)
        self._start_round()

    def _state(self) -> tuple:
        screen = self.screen
        return screen, screen.focused, screen.is_mounted

    def _start_round(self) -> None:
        self._round += 1
        self._rounds += 1
        self._round_state = self._state()
        target = self.screen.focused or self.screen
        if not target.post_message(KeyRound(self._round)):
            self.post_message(KeyRound(self._round))
        serial = self._round
        self.set_timer(STALL, lambda: self._stalled(serial))

    def _stalled(self, serial: int) -> None:
        if self._in_flight and serial == self._round:
            self._start_round()

    async def on_key_round(self, message: KeyRound) -> None:
        message.stop()
        if not self._in_flight or message.serial != self._round:
            return  # a marker overtaken by a newer round
        # The first round only proves the key was handled; what it set going (a deferred
        # focus, a new screen) is in the queues ahead of the second round's marker.
        unsettled = self._rounds < 2 or self._state() != self._round_state
        if unsettled and self._rounds < MOST_ROUNDS:
            self._start_round()
            return
        if self._held:
            await self._let_through(self._held.popleft())
        else:
            self._in_flight = False
