"""Autosave: nothing typed is lost for more than a couple of seconds.

A change starts a short timer (not restarted by further typing, so continuous typing
still saves). On the UI thread we only take a plain-data snapshot, in which only what
changed since the last one is dumped anew (store/snapshots.py); rendering TOML and the
atomic write run in a worker thread, one at a time, newest snapshot wins; the worker
has the TOML rendered in a helper process, so a big session's save does not take the
GIL from the keystrokes (measured in bench/timeline.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from textual.app import App
from textual.timer import Timer

from ..lifecycle import is_read_only
from ..model import Session
from ..store import now, render
from ..store.errors import SessionError
from ..store.in_place import refresh_in_place
from ..store.shared import SharedFile
from ..store.snapshots import Snapshots
from ..store.render_process import stream_elsewhere

DELAY_SECONDS = 1.5


class Autosave:
    def __init__(self, app: App, session: Session, path: Path, on_state: Callable[[], None],
                 read_digest: str | None = None):
        self.app = app
        self.session = session
        self.path = path
        self.revision = 0
        self.saved_revision = 0
        self.error: str | None = None
        self._timer: Timer | None = None
        self._write_lock = threading.Lock()
        # The screen takes others' changes in only between its own writes (follow.py).
        self.handed = 0  # the newest revision handed to a writer thread
        self.done = 0  # the newest revision whose write is over (or was outdated)
        self.on_state = on_state
        # Others may write this file too (a notetaker, `retro-tui quote`): every write
        # takes the file's lock and merges their changes in rather than overwrite them.
        self.snapshots = Snapshots()
        self.shared = SharedFile.opened(path, session, self.snapshot(), read_digest)

    def snapshot(self) -> dict:
        """The session as plain data (UI thread only): what changed since the last one
        is dumped anew, the rest was dumped already."""
        return self.snapshots.take(self.session)

    @property
    def dirty(self) -> bool:
        return self.saved_revision < self.revision

    def changed(self) -> None:
        if is_read_only(self.session):
            return  # a final report's session is never written by the app
        self.session.session.updated = now()
        self.revision += 1
        if self._timer is None:
            self._timer = self.app.set_timer(DELAY_SECONDS, self.save_soon)
        self.on_state()

    def save_soon(self) -> None:
        """Snapshot now, write in the background."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = None
        if not self.dirty:
            return
        revision, data = self.revision, self.snapshot()
        self.handed = max(self.handed, revision)
        self.app.run_worker(lambda: self._write(revision, data), thread=True, group="autosave")

    def save_now(self) -> None:
        """Write on this thread (quitting, changing step): the file is current on return."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.dirty:
            self._write(self.revision, self.snapshot(), notify=False)

    @property
    def pending(self) -> bool:
        """A snapshot was handed to a writer thread and its write is not over yet.

        By revision, not by counting workers: a worker that never ran is covered by
        the next one's newer revision."""
        return self.handed > self.done

    def adopt(self, theirs: dict, digest: str | None) -> set[str]:
        """Take another writer's saved changes into the session on the screen; returns
        the session's fields that changed. Only on the UI thread, with no write pending."""
        merged = self.shared.adopt(self.snapshot(), theirs, digest)
        if merged is None:
            return set()
        changed = refresh_in_place(self.session, merged)
        if self.snapshot() != theirs:
            # Unsaved changes of ours (or a kept-aside copy of a clash) are not in the
            # file yet: write them on the usual schedule.
            self.revision += 1
            if self._timer is None:
                self._timer = self.app.set_timer(DELAY_SECONDS, self.save_soon)
        return changed

    def _write(self, revision: int, data: dict, notify: bool = True) -> None:
        with self._write_lock:
            try:
                if revision > self.saved_revision:  # else a newer snapshot was written already
                    self.shared.write(data, stream_elsewhere if notify else render)
                    self.saved_revision, self.error = revision, None
            except OSError as error:
                self.error = error.strerror or str(error)
            except SessionError as error:  # changed on disk into something unreadable
                self.error = error.message()
            finally:
                self.done = max(self.done, revision)
        if notify:
            self.app.call_from_thread(self.on_state)
