"""One session host for every screen a session is written from: the facilitator's
(ui/session_screen.py) and the notetaker's (ui/notetaker.py), for every kind of session.

What both need alike lives here once: reading the session in a thread after the first
frame, autosave, following other writers (ui/follow.py), recovery of a stopped writer's
drafts (ui/drafts.py, store/recovery.py), the step's notes wherever its kind keeps them
(step_notes.py), the saved state for the status line, and saving on the way out. A new
kind of session is a file of steps (method/kinds/); nothing here names a step."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from rich.console import Group
from rich.text import Text
from textual.css.query import NoMatches
from textual.message import Message
from textual.widgets import TextArea

from ..i18n import current_language, t
from ..method import RETROSPECTIVE, Kind, Step, kind
from ..step_notes import read_notes, write_notes
from . import heap
from .keys import localized

if TYPE_CHECKING:
    from textual.screen import Screen

    from ..model import Session
    from ..store import Peek
    from .app import RetroApp
    from .autosave import Autosave
    from .drafts import DraftKeeper
    from .follow import Follow


def guidance(step: Step, skipped: bool = False) -> Group:
    text = step.in_language(current_language())
    # The questions come first: they are what the facilitator asks the room, and on an
    # 80x24 screen they must be in view without scrolling.
    parts = [Text(text.title, style="bold")]
    if skipped:
        parts.append(Text(t("host.skipped_note", reason=t("host.skipped_closing")), style="italic yellow"))
    parts += [Text(f"• {q}") for q in text.questions]
    parts += [Text(""), Text(text.purpose, style="italic")]
    parts += [Text(f"› {p}", style="dim") for p in text.prompts]
    return Group(*parts)


if TYPE_CHECKING:
    _Screen = Screen  # what the host is mixed into, so its uses of the screen are checked
else:
    _Screen = object


class SessionHost(_Screen):
    """Mixed into a Screen, before it: `class SessionScreen(SessionHost, Screen)`.

    The screen says which box holds the step's notes (`NOTES_ID`) and which step it is
    at (`current`), and fills in `show_others` (another writer's saved changes) and
    `refresh_status`; it calls `host()` from its constructor and `start_hosting()` once
    it holds the session."""

    NOTES_ID: ClassVar[str] = "notes"

    session: Session | None
    path: Path
    peeked: Peek | None
    autosave: Autosave | None
    follow: Follow
    drafts: DraftKeeper
    ready: asyncio.Event
    shown_at: float | None  # when the session was shown, on Textual's message clock
    read_digest: str | None  # of the bytes the session was read from (`store.load_read`)

    def host(self, session: Session | None, path: Path, peeked: Peek | None = None) -> None:
        self.session = session
        self.path = path
        self.peeked = peeked
        self.autosave = None
        self.shown_at = None
        self.read_digest = None
        # Set once the session is read and hosted (tests wait on it).
        self.ready = asyncio.Event()

    # --- the kind of session and its step ---------------------------------------------

    @property
    def kind(self) -> Kind:
        """The session's kind of steps: from the file's peek until the session is read."""
        if self.session is not None:
            return kind(self.session.session.kind)
        return kind(self.peeked.kind if self.peeked is not None else RETROSPECTIVE)

    @property
    def current(self) -> str:
        raise NotImplementedError

    @property
    def method_step(self) -> Step:
        return self.kind.step(self.current)

    @property
    def notes_path(self) -> str:
        """Where the current step's notes live in the session (e.g. "step_notes.summary")."""
        return self.method_step.notes

    def step_notes(self) -> str:
        return read_notes(self._loaded(), self.notes_path)

    def guidance(self) -> Group:
        """The current step's questions, purpose and prompts (also F1's "this step")."""
        skipped = self.session is not None and self.current in self.session.session.skipped_steps
        return guidance(self.method_step, skipped)

    def step_name(self, step_id: str | None = None) -> str:
        """The step's short name, marked when it is passed over."""
        found = self.kind.step(self.current if step_id is None else step_id)
        name = found.in_language(current_language()).short
        if self.session is not None and found.id in self.session.session.skipped_steps:
            name += f" ({t('host.skipped')})"
        return name

    # The screen holds a session from `start_hosting` on: these say the caller relies on it.
    def _loaded(self) -> Session:
        assert self.session is not None, "used before the session was read"
        return self.session

    def _saver(self) -> Autosave:
        assert self.autosave is not None, "used before the session was read"
        return self.autosave

    # --- reading and starting -----------------------------------------------------------

    def read_session(self) -> None:
        # Once this screen's frame is out: the room sees the session's title and step
        # while pydantic is imported and the file parsed (ui/app.py, read_for).
        if self.session is None:
            cast("RetroApp", self.app).read_for(self, self.path, self._show_session)

    async def _show_session(self, session: Session) -> None:
        if getattr(self.app, "closing", False):
            return  # quit while it was being read: nothing to show or to save
        # Keys stamped before this moment were typed while it was read (ui/app.py).
        self.shown_at = Message().time
        self.session = session
        await self.session_arrived()

    async def session_arrived(self) -> None:
        """The session is read: build what shows it, then start hosting it."""
        raise NotImplementedError

    async def prepare_drafts(self, steps: set[str]) -> None:
        """Build what the drafts of these steps reopen into, before they are given back."""

    async def start_hosting(self) -> None:
        """Autosave, following others, and a stopped writer's drafts given back."""
        from ..lifecycle import is_read_only
        from ..store.recovery import recover
        from ..store.shared import lock_path
        from .autosave import Autosave
        from .drafts import DraftKeeper, give_back
        from .follow import Follow

        session = self._loaded()
        self.notes_box().read_only = is_read_only(session)
        self.autosave = Autosave(self.app, session, self.path, self.refresh_status, self.read_digest)
        self.follow = Follow(self, self.autosave, self._flush_notes, self.others_saved)
        self.drafts = DraftKeeper(self, self.path, lambda: self.current)
        found = recover(self.path, lock_path)
        await self.prepare_drafts({str(d.restore.get("step")) for d in found.drafts if d.restore})
        give_back(self, found)
        self.load_notes()  # given-back drafts may be in them now
        if found.journals:
            # The given-back notes in the file, the reopened boxes' words in this
            # writer's journal, before the dead writer's goes: a stop right now loses
            # nothing either.
            self.autosave.save_now()
            self.drafts.keep_now()
            found.discard()

    # --- the step's notes ---------------------------------------------------------------

    def notes_box(self) -> TextArea:
        return self.query_one(f"#{self.NOTES_ID}", TextArea)

    def load_notes(self) -> None:
        """The current step's notes into the box, as the session has them."""
        box = self.notes_box()
        with box.prevent(TextArea.Changed):
            box.load_text(self.step_notes())

    def _flush_notes(self) -> None:
        """The notes as typed this very moment belong to the session before others'
        changes are merged in (the text area's change message may still be queued), and
        so do the boxes typed straight into a text of the session (a meeting's summary)."""
        from .records_pane import TextBox

        box = self.notes_box()
        if not box.read_only and box.text != self.step_notes():
            write_notes(self._loaded(), self.notes_path, box.text)
            self._saver().changed()
        for typed in self.query(TextBox):
            if typed.keep():
                self._saver().changed()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id == self.NOTES_ID and self.autosave is not None:
            self._flush_notes()

    # --- other writers ------------------------------------------------------------------

    def others_saved(self, fields: set[str]) -> None:
        """Another writer's saved changes are in the session now: show them here and on
        any screen open above this one."""
        from .follow import take_in_texts

        take_in_texts(self)  # first: one failing widget must not leave a text stale
        self.show_others(fields)
        for screen in self.app.screen_stack:
            if screen is not self and hasattr(screen, "others_saved"):
                screen.others_saved(fields)
        self.refresh_status()

    def show_others(self, fields: set[str]) -> None:
        raise NotImplementedError

    def refresh_status(self) -> None:
        raise NotImplementedError

    def saved_state(self, deadline: bool = False) -> str:
        """Saved, unsaved, failed or read-only; with the days left to comment on a draft
        report when `deadline`."""
        from ..lifecycle import days_left, is_read_only
        from ..store import now

        session, saving = self._loaded(), self._saver()
        if is_read_only(session):
            return t("lifecycle.read_only")
        if saving.error:
            return t("status.save_failed", reason=saving.error)
        saved = t("status.unsaved") if saving.dirty else t("status.saved")
        left = days_left(session, now().date()) if deadline else None
        if left is not None:
            key = "lifecycle.past" if left < 0 else "lifecycle.last_day" if left == 0 else "lifecycle.days_left"
            saved += " · " + t(key, days=left)
        return saved

    # --- stopping -------------------------------------------------------------------------

    def reopen_notes(self, restore: dict) -> bool:
        """Notes journalled at a stop, merged into the notes as the file has them now."""
        from .drafts import give_back_notes

        if not give_back_notes(self._loaded(), restore):
            return False
        self._saver().changed()
        return True

    def on_unmount(self) -> None:
        # However the app ends (ctrl+q, a closed terminal, a language switch), what was
        # typed is written before this screen goes.
        self.keep_everything()
        heap.give_back()  # the session's objects back to the garbage collector (heap.py)
        if self.session is None:
            heap.release()  # closed before its reading came: the collector held for it

    def keep_everything(self) -> None:
        """The app stops: the notes as typed into the file, and what is typed in any
        form or box into the journal (removed when nothing is left there)."""
        if self.autosave is None:
            return
        try:
            self._flush_notes()
        except NoMatches:
            pass  # taken down already; every key in the notes was in the session
        self.drafts.finish(self.autosave.save_now)

    # --- actions both screens offer -------------------------------------------------------

    def action_save(self) -> None:
        if self.autosave is not None:
            self.autosave.save_now()
            self.refresh_status()

    def action_clash(self) -> None:
        from .clashes import settle

        if self.session is not None:
            settle(self, self.notes_box())

    def action_quotes(self) -> None:
        from .capture import QuotesScreen

        if self.session is not None:
            saver = self._saver()
            self.app.push_screen(localized(QuotesScreen)(self.session), lambda _: saver.changed())
