"""The notetaker's view (`retro-tui notetaker FILE`): a second person writes along on
a second terminal while the facilitator drives the session.

It follows the facilitator's step as it is saved, and never moves it; it has no clock.
The quote box is the fast path: a name (completed from the participants and the family's
pseudonyms and roles), the words, Enter. Below are the latest quotes, the step's notes
(the same notes the facilitator's side panel shows) and, on F3, a note to the pause.
The steps are the session's kind's (method/kinds/); saving, following, recovery and
saving on the way out are the session host's (ui/session_host.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static, TextArea

from .. import operations as ops
from ..i18n import t
from ..model import Session
from .capture import SpeakerInput, speakers
from .clashes import ClashNotice
from . import heap
from .footer import KeyBar
from .guard import refused
from .keys import PALETTE, Key, localized
from .live_text import take_in
from .quiet_focus import QuietFocusModal, QuietFocusScreen
from .notes_area import NotesArea
from .recent_quotes import RecentQuotes
from .session_host import SessionHost


class PauseNote(QuietFocusModal[str | None]):
    DEFAULT_CSS = """
    PauseNote { align: center middle; background: $background 50%; }
    PauseNote > Vertical { width: 70; max-width: 95%; height: auto; border: round $primary;
        background: $surface; padding: 0 1; }
    """
    KEYS = [Key("escape", "cancel", "key.cancel", id="cancel")]

    def __init__(self, note: str, heading: str):
        super().__init__()
        self.note, self.heading = note, heading
        self.opening = {"pause-note": note}  # what it opens with is no draft (ui/drafts.py)

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = t("notetaker.pause_note")
            yield Label(self.heading)
            yield Input(self.note, placeholder=t("pause.note_hint"), id="pause-note")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class NotetakerScreen(SessionHost, QuietFocusScreen):
    DEFAULT_CSS = """
    NotetakerScreen #title { height: 1; padding: 0 1; background: $panel; }
    NotetakerScreen #status { height: 1; padding: 0 1; color: $text-muted; }
    NotetakerScreen #quote-box { height: 3; border: round $accent; }
    NotetakerScreen #quote-box:focus-within { border: round $accent; background: $boost; }
    NotetakerScreen #speaker { width: 22; border: none; height: 1; }
    NotetakerScreen #words { width: 1fr; border: none; height: 1; }
    NotetakerScreen #latest { max-height: 9; }
    NotetakerScreen #step-notes { height: 1fr; min-height: 4; border: round $primary 40%; }
    NotetakerScreen #step-notes:focus { border: round $accent; }
    """
    KEYS = [
        PALETTE,
        Key("f2", "quote", "notetaker.key_quote", priority=True, id="quote"),
        Key("f3", "pause_note", "notetaker.key_pause_note", priority=True, id="pause_note"),
        Key("f5", "notes", "notetaker.key_notes", priority=True, id="notes"),
        Key("f7", "quotes", "key.quotes", priority=True, id="quotes"),
        Key("f4", "app.switch_language", "key.language", show=False, priority=True, id="language"),
        Key("ctrl+s", "save", "key.save", show=False, id="save"),
        Key("ctrl+t", "clash", "clash.key", show=False, priority=True, id="clash"),
        Key("f1", "app.help", "key.help", id="help"),
    ]

    NOTES_ID = "step-notes"

    def __init__(self, session: Session | None, path: Path):
        super().__init__()
        self.host(session, path)
        self.step: str | None = None  # the facilitator's step, as last saved
        self._began: tuple[str, dt.datetime] | None = None  # the step and time a quote's words began
        # What the boxes hold that is no draft (ui/drafts.py): the name kept for the
        # next quote after one is saved.
        self.opening: dict[str, str] = {}

    @property
    def current(self) -> str:
        return self.step or self.kind.step_ids[0]

    def compose(self) -> ComposeResult:
        yield Static(id="title")
        yield Static(id="status")
        with Horizontal(id="quote-box") as box:
            box.border_title = t("notetaker.quote_box")
            yield localized(SpeakerInput)(placeholder=t("notetaker.speaker"), id="speaker")
            yield Input(placeholder=t("quote.words"), id="words")
        yield RecentQuotes(None, 7, id="latest", hide_empty=False)
        yield ClashNotice(id="clash-notice")
        yield localized(NotesArea)(id="step-notes", soft_wrap=True, tab_behavior="focus")
        yield KeyBar()

    # The boxes show with the keyboard before the file is read: what is typed then
    # stays where it was typed (app.read_for reads beside them).
    TYPED_BEFORE_READ = True

    async def on_mount(self) -> None:
        if self.session is not None:
            await self._start()
        else:
            self.read_session()  # no first frame to wait for: the boxes show at once

    async def session_arrived(self) -> None:
        await self._start()

    async def _start(self) -> None:
        from ..lifecycle import is_read_only

        session = self._loaded()
        self.step = session.session.current_step
        await self.start_hosting()
        self.step = None  # show_others below shows the step and its notes
        speaker = self.query_one("#speaker", Input)
        speaker.suggester = SuggestFromList(speakers(session), case_sensitive=False)
        read_only = is_read_only(session)
        for widget in (speaker, self.query_one("#words", Input)):
            widget.disabled = read_only
        self.others_saved({"session"})
        words = self.query_one("#words", Input)
        # Words given back from a stop are what was being done: Enter keeps them.
        (self.query_one("#step-notes") if read_only else words if words.value else speaker).focus()
        self.set_interval(1, self.refresh_status)  # the pause's minutes
        self.ready.set()
        heap.settle()

    # --- following the facilitator ----------------------------------------------------

    def show_others(self, fields: set[str]) -> None:
        session = self._loaded()
        moved = session.session.current_step != self.step
        if moved:
            # (What was typed in the old step's notes went in before the merge: Follow
            # calls _flush_notes first. Flushing here would undo the others' lines.)
            self.step = session.session.current_step
        self.query_one("#title", Static).update(
            Text.assemble((session.session.title, "bold"), ("  ·  " + t("notetaker.role"), "dim")))
        notes = self.notes_box()
        notes.border_title = t("notetaker.notes_of", step=self.step_name())
        if moved:
            self.load_notes()
        else:
            take_in(notes, self.step_notes())
        if fields & {"checkin", "family"}:
            self.query_one("#speaker", Input).suggester = SuggestFromList(speakers(session), case_sensitive=False)
        self.query_one("#latest", RecentQuotes).show(session, None)
        self.query_one(ClashNotice).show(session, self.method_step)

    def refresh_status(self) -> None:
        from ..store import now

        if self.session is None or self.autosave is None:
            return
        text = Text()
        text.append(t("notetaker.following", step=self.step_name()), style="bold")
        pause = ops.open_pause(self.session)
        if pause is not None:
            minutes = int((now() - pause.started).total_seconds()) // 60
            text.append("  ·  " + t("notetaker.paused", since=pause.started.strftime("%H:%M"), minutes=minutes), style="cyan")
        text.append("  ·  ")
        saved = self.saved_state()
        text.append(saved, style="green" if saved == t("status.saved") else "yellow")
        try:
            self.query_one("#status", Static).update(text)
        except NoMatches:
            pass  # a save that ended as the screen closed: no line left to say it on

    # --- writing ------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        # A quote belongs to the step it was said in: the facilitator may move on while
        # its words are typed, and the step at Enter was then the next one.
        if event.input.id == "words":
            if not event.value:
                self._began = None
            elif self._began is None:
                self._began = (self.current, ops.now())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "speaker":
            event.input.action_cursor_right()  # Enter takes the offered completion
            self.query_one("#words", Input).focus()
        elif event.input.id == "words":
            self._keep_quote()

    def _keep_quote(self) -> None:
        if self.session is None or refused(self):
            return
        words_box = self.query_one("#words", Input)
        words = words_box.value.strip()
        if not words:
            return
        speaker = self.query_one("#speaker", Input)
        step, when = self._began or (self.current, None)
        ops.add_quote(self.session, step, speaker.value.strip(), words, when)
        self._saver().changed()
        words_box.value = ""
        # The same speaker often goes on: Enter keeps the name, typing replaces it.
        self.opening["speaker"] = speaker.value
        speaker.focus()
        speaker.select_all()
        self.query_one("#latest", RecentQuotes).show(self.session, None)

    def action_quote(self) -> None:
        self.query_one("#speaker", Input).focus()

    def action_notes(self) -> None:
        notes = self.query_one("#step-notes", TextArea)
        notes.focus()
        notes.move_cursor(notes.document.end)  # writing along adds at the end

    def action_pause_note(self) -> None:
        if self.session is None or refused(self):
            return
        session, autosave = self.session, self._saver()
        pause = ops.open_pause(session) or (session.pauses[-1] if session.pauses else None)
        if pause is None:
            self.notify(t("notetaker.no_pause"), timeout=3)
            return
        ident = pause.id
        heading = t("notetaker.pause_since", since=pause.started.strftime("%H:%M"))

        def noted(note: str | None) -> None:
            current = next((p for p in session.pauses if p.id == ident), None)
            if note is not None and current is not None and note != current.note:
                current.note = note  # by id: the facilitator may have ended it meanwhile
                autosave.changed()

        self.app.push_screen(localized(PauseNote)(pause.note, heading), noted)

    def reopen(self, restore: dict) -> bool:
        """The quote box's name or words as they were typed when the app stopped."""
        if (restore.get("origin") or {}).get("notes"):
            return self.reopen_notes(restore)
        box = (restore.get("origin") or {}).get("box")
        if box not in ("speaker", "words"):
            return False
        from .drafts import given_back

        field = self.query_one(f"#{box}", Input)
        given_back(field, (restore.get("values") or {}).get("text", ""))
        field.focus()
        return True
