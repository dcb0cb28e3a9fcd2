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
from textual.app import App, ScreenStackError
from textual.message import Message
from textual.widgets import Input, TextArea

# A round whose marker is lost (its widget was removed, a form closed) is started again
# when a check this often finds it has not moved; it only bounds how long keys can
# wait, it orders nothing.
STALL = 0.3
# Focus that keeps moving on its own must not hold the keyboard for ever.
MOST_ROUNDS = 12
# A screen still settling the focus a key led to (`settling`) is asked this often, for
# two seconds at least: a pane composed on a busy machine.
SETTLING_POLL = 0.01
MOST_SETTLING_ROUNDS = 200


class KeyRound(Message):
    """The marker that follows a key; back at the app, the key ahead of it is done."""

    def __init__(self, serial: int):
        super().__init__()
        self.serial = serial


class TypeAhead(App):
    """The app's base: holds keys while an earlier one is in flight."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._held: deque[events.Key] = deque()
        self._in_flight = False
        self._round = 0
        self._rounds = 0
        self._round_state: tuple | None = None
        self._watched_round = -1
        self._settling_polls = 0  # times the screen was asked whether its focus has come
        self._typed_unconfirmed = False  # letters sent to a box that may still be queued

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
            else:
                await self._dispatch(event)
            return
        await super().on_event(event)

    async def _dispatch(self, key: events.Key) -> bool:
        """Send one key on; True when it needs a round before the next may go."""
        if self._typed_into_focus(key):
            # A letter for a text box ends in that box and moves nothing: it needs no
            # round of its own, and the box's queue keeps it ahead of keys behind it.
            await super().on_event(key)
            self._typed_unconfirmed = True
            return False
        self._in_flight = True
        self._rounds = 0
        self._settling_polls = 0
        if self._typed_unconfirmed:
            # A priority key (ctrl+s, F2) acts at once, not via the box: the letters
            # queued in the box go first, so a round flushes them before this key goes.
            self._held.appendleft(key)
        else:
            await super().on_event(key)
        self._start_round()
        return True

    def _typed_into_focus(self, key: events.Key) -> bool:
        try:
            focused = self.screen.focused
        except ScreenStackError:
            return False
        if not key.is_printable:
            return False
        return isinstance(focused, Input) or (isinstance(focused, TextArea) and not focused.read_only)

    def _state(self) -> tuple:
        screen = self.screen
        return screen, screen.focused, screen.is_mounted

    def _start_round(self) -> None:
        self._typed_unconfirmed = False  # its marker queues behind them
        self._round += 1
        self._rounds += 1
        self._round_state = self._state()
        target = self.screen.focused or self.screen
        if not target.post_message(KeyRound(self._round)):
            self.post_message(KeyRound(self._round))

    def on_mount(self) -> None:
        # Textual calls every class's own on_mount, so the app's runs as well.
        self.set_interval(STALL, self._check_stalled)

    async def _check_stalled(self) -> None:
        if self._in_flight and self._round == self._watched_round:
            # Its marker was lost with the widget it was sent to (or the machine is very
            # slow): ask again, and give up holding the keys after a while.
            if self._rounds < MOST_ROUNDS:
                self._start_round()
            else:
                await self._next()
        self._watched_round = self._round

    async def on_key_round(self, message: KeyRound) -> None:
        message.stop()
        if not self._in_flight or message.serial != self._round:
            return  # a marker overtaken by a newer round
        if not self.screen_stack:
            return  # the app is closing: no screen left for the keys held
        # The first round only proves the key was handled; what it set going (a deferred
        # focus, a new screen) is in the queues ahead of the second round's marker.
        if getattr(self.screen, "settling", False) and self._settling_polls < MOST_SETTLING_ROUNDS:
            # The screen says the focus this key leads to is still to come (a step's
            # pane being built): look again in a moment; a new round at once would
            # spend the rounds before the pane is whole. Once it is, the focus it gives
            # is itself deferred: the usual two rounds follow, counted afresh.
            self._settling_polls += 1
            self._rounds = 0
            self.set_timer(SETTLING_POLL, self._start_round)
            return
        unsettled = self._rounds < 2 or self._state() != self._round_state
        if unsettled and self._rounds < MOST_ROUNDS:
            self._start_round()
            return
        await self._next()

    async def _next(self) -> None:
        """The key in flight is done: let the held ones go, letters for a text box at
        once, up to the next key that needs a round of its own."""
        self._in_flight = False
        while self._held:
            if await self._dispatch(self._held.popleft()):
                return
