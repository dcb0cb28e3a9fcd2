"""Following other writers: what a notetaker (or `retro-tui quote`) saves shows on this
screen within a second, without touching what is being typed here.

Twice a second the file is looked at (a stat, nearly free). When it changed, it is read
and parsed in a thread; back on the UI thread the others' version is merged three ways
with this screen's session, in place (`Autosave.adopt`). That step is skipped while one
of this screen's own writes is under way, or when one happened during the read: a write
and a take-in must never interleave, or a snapshot taken before the take-in would be
written as if it came after it, and would undo the others' additions."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.screen import Screen

from ..store.errors import SessionError
from ..store.shared import file_stat as _stat
from .autosave import Autosave

SECONDS = 0.5
STUCK_SECONDS = 10  # a read that never came back must not stop the following


class Follow:
    def __init__(self, screen: Screen, autosave: Autosave, before: Callable[[], None],
                 after: Callable[[set[str]], None]):
        """`before`: put what widgets hold but the session not yet into the session;
        `after`: show the changed fields."""
        self.screen = screen
        self.autosave = autosave
        self.before = before
        self.after = after
        self._seen = _stat(autosave.path)
        self._reading = 0.0
        screen.set_interval(SECONDS, self.poll)

    def poll(self) -> None:
        saving = self.autosave
        if self._reading and time.monotonic() - self._reading < STUCK_SECONDS:
            return
        if saving.pending:
            return
        seen = _stat(saving.path)
        if seen in (self._seen, saving.shared.written) and not saving.shared.unadopted:
            return  # unchanged, or just as this screen wrote it
        self._reading = time.monotonic()  # when the read began (0: none under way)
        saved = saving.saved_revision  # a write of ours from here on makes the read stale
        self.screen.run_worker(lambda: self._read(saved, seen), thread=True, group="follow", exit_on_error=False)

    def _read(self, saved: int, seen: tuple | None) -> None:
        found: tuple[dict, str | None] | SessionError | None
        try:
            found = self.autosave.shared.changed_on_disk()
        except SessionError as error:
            found = error
        except Exception:  # unreadable just now (a disk hiccup): try again next time
            found = None
        try:
            self.screen.app.call_from_thread(self._arrived, saved, seen, found)
        except RuntimeError:
            pass  # the app is closing

    def _arrived(self, saved: int, seen: tuple | None, found) -> None:
        self._reading = 0
        saving = self.autosave
        if saving.pending or saving.saved_revision != saved:
            return  # our own write came in between: look again at the next tick
        self._seen = seen
        if isinstance(found, SessionError):
            # Someone broke the file by hand: say so; our next write says it again.
            saving.error = found.message()
            saving.on_state()
            return
        if found is None:
            return
        try:
            self.before()
            changed = saving.adopt(*found)
            if changed:
                self.after(changed)
        except Exception as error:
            # The session holds the others' changes; a widget left showing the old ones
            # could write them away. The person must know, not only the log.
            from ..i18n import t

            self.screen.app.log.error("showing other writers' changes failed:", repr(error))
            self.screen.notify(t("follow.not_shown"), severity="error", timeout=15)


def take_in_texts(screen) -> None:
    """Others' lines into every box typed straight into the session (the notes, a
    meeting's summary) before anything else is refreshed: a box left stale by a failure
    elsewhere would write its old text over theirs at the next save."""
    from textual.css.query import NoMatches

    from .drafts import IN_SESSION_CLASS
    from .live_text import take_in

    for box in screen.query(f".{IN_SESSION_CLASS}"):
        box.others_saved()
    try:
        take_in(screen.notes_box(), screen.step_notes())
    except NoMatches:
        pass  # its steps not built yet
