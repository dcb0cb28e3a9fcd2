"""The facilitator's screen: the steps as tabs, the current step's pane, its guiding
questions and notes, and a status line. Everything a step shows comes from method data.

Opened on a file, the screen paints at once from a peek at the file (title, step,
language, the step's questions) and builds the steps' panes right after that first
frame, once the session is read and validated: the room sees the session straight away,
not a blank terminal while pydantic and the models are imported.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Input, Static, Tab, Tabs, TextArea
from rich.console import Group
from rich.text import Text

from ..i18n import current_language, t
from ..method import step
from ..model.enums import StepId
from .clashes import ClashNotice
from . import heap
from .footer import KeyBar
from .keys import PALETTE, Key, localized
from .messages import SessionChanged
from .notes_area import NotesArea
from .recent_quotes import RecentQuotes

if TYPE_CHECKING:
    from ..model import Session
    from ..store import Peek
    from .app import RetroApp
    from .autosave import Autosave
    from .panes import StepPane

STEP_ORDER = list(StepId)


def tab_label(index: int, step_id: StepId, current: StepId) -> str:
    here = STEP_ORDER.index(current)
    # No step numbers: six labels must fit 80 columns, and the order shows the number.
    mark = "✓" if index < here else ("●" if index == here else "○")
    return f"{mark} {step(step_id).in_language(current_language()).short}"


def guidance(step_id: StepId) -> Group:
    text = step(step_id).in_language(current_language())
    # The questions come first: they are what the facilitator asks the room, and on an
    # 80x24 screen they must be in view without scrolling.
    parts = [Text(text.title, style="bold")]
    parts += [Text(f"• {q}") for q in text.questions]
    parts += [Text(""), Text(text.purpose, style="italic")]
    parts += [Text(f"› {p}", style="dim") for p in text.prompts]
    return Group(*parts)


WIDE_FOOTER = 100  # columns from which the footer also shows the palette key


class SessionScreen(Screen):
    # Snapshot tests hold the clock still so the screen is the same on every run.
    clock_running = True
    CSS_PATH = Path(__file__).with_name("session.tcss")

    # Priority: TextArea binds F5-F7 itself, and the facilitator must be able to move
    # on from inside the notes. Only active while this screen is on top.
    KEYS = [
        PALETTE,
        Key("f2", "quote", "key.quote", priority=True, id="quote"),
        Key("f3", "pause", "key.pause", priority=True, id="pause"),
        Key("f5", "step(-1)", "key.prev_step", show=False, priority=True, id="prev_step"),
        Key("f6", "step(1)", "key.next_step", priority=True, id="next_step"),
        Key("f7", "quotes", "key.quotes", show=False, priority=True, id="quotes"),
        Key("f8", "perspectives", "key.perspectives", show=False, priority=True, id="perspectives"),
        Key("f4", "app.switch_language", "key.language", show=False, priority=True, id="language"),
        Key("f9", "export", "export_screen.key_open", show=False, priority=True, id="export"),
        Key("ctrl+s", "save", "key.save", show=False, id="save"),
        Key("ctrl+t", "clash", "clash.key", show=False, priority=True, id="clash"),
        # Here, not only on the app, so the footer's label follows a language switch.
        Key("f1", "app.help", "key.help", id="help"),
    ]

    # Until the session is read and its panes built these do nothing, and the footer greys
    # their keys: the first frame shows the tabs before there is a session behind them.
    NEEDS_SESSION = frozenset(
        {"quote", "pause", "step", "quotes", "perspectives", "export", "save", "export_intention"}
    )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.NEEDS_SESSION and not self.ready.is_set():
            return None
        return True

    def __init__(self, session: Session | None, path: Path, peeked: Peek | None = None):
        """Give the session, or a peek at the file to paint from while it is read."""
        super().__init__()
        if session is None and peeked is None:
            raise ValueError("a session or a peek at its file is needed")
        self.session = session
        self.path = path
        self.peeked = peeked
        self.autosave: Autosave | None = None
        # Set once the session is read and its panes are built (tests wait on it).
        self.ready = asyncio.Event()

    # --- layout -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        title = self.session.session.title if self.session else self._peeked().title
        here = self.current
        yield Static(Text(title, style="bold"), id="title")
        yield Tabs(
            *(Tab(tab_label(i, s, here), id=f"tab-{s.value}") for i, s in enumerate(STEP_ORDER)),
            active=f"tab-{here.value}",
        )
        yield Static(id="status")
        with Horizontal(id="body"):
            # All six panes are built at once: building them one by one on a step change
            # made fast step changes race the mounting (a blank pane, a doubled id).
            with ContentSwitcher(id="panes"):
                if self.session is not None:
                    yield from self._make_panes()
            with Vertical(id="side"):
                # Not a tab stop: tab goes from the step's lists straight to the notes.
                with VerticalScroll(id="guidance-box", can_focus=False):
                    yield Static(guidance(here), id="guidance")
                # Hidden while the step has no quotes, so the questions keep the room.
                quotes = RecentQuotes(None, 3, id="recent-quotes")
                quotes.display = False
                yield quotes
                yield ClashNotice(id="clash-notice")
                notes = localized(NotesArea)(
                    self._step_model().notes if self.session else "",
                    id="notes", soft_wrap=True, tab_behavior="focus", read_only=self.session is None,
                )
                notes.border_title = t("side.notes")
                yield notes
        yield KeyBar()

    def on_resize(self, event: events.Resize) -> None:
        # Below 100 columns the step's keys need the room, and F1 must stay whole: the
        # palette is still ctrl+p, which the help (F1) names.
        self.query_one(Footer).show_command_palette = event.size.width >= WIDE_FOOTER

    def on_mount(self) -> None:
        if self.session is not None:
            self._start()
        elif getattr(self.app, "painted", True):
            self.read_session()
        # else: the app calls read_session once its first frame is on the screen.

    def read_session(self) -> None:
        # In a thread, so the screen stays live while pydantic is imported and the file
        # is parsed (a big session takes a good half second to parse).
        if self.session is None:
            cast("RetroApp", self.app).read_for(self, self.path, self._show_session)

    async def _show_session(self, session: Session) -> None:
        if getattr(self.app, "closing", False):
            return  # quit while it was being read: nothing to show or to save
        self.session = session
        await self.query_one("#panes", ContentSwitcher).mount_all(self._make_panes())
        notes = self.query_one("#notes", TextArea)
        with notes.prevent(TextArea.Changed):
            notes.load_text(self._step_model().notes)
        self._start()

    def _start(self) -> None:
        from ..lifecycle import is_read_only
        from ..store import now
        from .autosave import Autosave
        from .follow import Follow

        session = self._loaded()
        self.query_one("#notes", TextArea).read_only = is_read_only(session)

        self.query_one("#panes", ContentSwitcher).current = f"pane-{self.current.value}"
        self.autosave = Autosave(self.app, session, self.path, self.refresh_status)
        self.follow = Follow(self, self.autosave, self._flush_notes, self.others_saved)
        self._recover()
        if session.session.started is None:
            session.session.started = now()
        self.set_interval(1, self._tick)
        self.refresh_status()
        self._show_quotes()
        self.call_after_refresh(self._focus_pane)
        self.ready.set()
        self.refresh_bindings()
        heap.settle()

    def _recover(self) -> None:
        """Drafts a crashed writer of this session left, and its half-written saves."""
        from ..store.recovery import recover
        from ..store.shared import lock_path
        from .drafts import DraftKeeper, give_back

        self.drafts = DraftKeeper(self, self.path, lambda: self.current)
        found = recover(self.path, lock_path)
        give_back(self, found)
        notes = self.query_one("#notes", TextArea)
        with notes.prevent(TextArea.Changed):  # given-back drafts may be in them now
            notes.load_text(self._step_model().notes)
        if found.journals:
            # The given-back notes in the file, the reopened forms' words in this
            # writer's journal, before the dead writer's goes: a stop right now loses
            # nothing either.
            self._saver().save_now()
            self.drafts.keep_now()
            found.discard()

    def reopen(self, restore: dict) -> bool:
        """Open again what was being typed in when the app stopped (ui/drafts.py):
        a record's form, the quote box or the quick-add line, with its words."""
        from .timeline_pane import TimelinePane

        origin, values = restore.get("origin") or {}, restore.get("values") or {}
        step_name = restore.get("step")
        if not isinstance(step_name, str) or step_name not in StepId._value2member_map_:
            return False
        step_id = StepId(step_name)
        if origin.get("notes"):
            from .drafts import give_back_notes

            if not give_back_notes(self._loaded(), restore):
                return False
            self._saver().changed()
            return True
        if origin.get("quote"):
            self.action_quote(values)
            return True
        pane = self.query_one(f"#pane-{step_id.value}")
        if origin.get("box") == "quick-add" and isinstance(pane, TimelinePane):
            self.go_to(step_id)
            pane.action_open_quick_add()
            pane.query_one("#quick-add", Input).value = values.get("text", "")
            return True
        if "box" in origin:
            return False
        target = list(pane.query(origin["node"])) if origin.get("node") else [pane]
        if not target or not hasattr(target[0], "reopen"):
            return False
        self.go_to(step_id)
        return target[0].reopen(origin, values)

    def _focus_pane(self, tries: int = 3) -> None:
        """Focus the current step's work; a pane still being mounted gets a moment."""
        panes = self.query(f"#pane-{self.current.value}")
        if panes and cast("StepPane", panes.first()).focus_first():
            return
        if tries:
            self.call_after_refresh(self._focus_pane, tries - 1)

    def on_unmount(self) -> None:
        # However the app ends (ctrl+q, a closed terminal, a language switch), what was
        # typed is written before this screen goes.
        self.keep_everything()
        heap.give_back()

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

    def _make_panes(self) -> list:
        from .panes import pane_class

        panes = [localized(pane_class(step_id))(self._loaded(), step_id) for step_id in STEP_ORDER]
        for pane in panes:
            # Mounted into a switcher that is already on the screen, a pane would show
            # (and take tab focus) unless hidden here; `_start` shows the current one.
            pane.display = False
        return panes

    # --- the model behind the current step ------------------------------------------

    @property
    def current(self) -> StepId:
        return StepId(self.session.session.current_step) if self.session else self._peeked().step

    def _step_model(self):
        return getattr(self.session, self.current.value)

    # The screen holds a session, or (while the file is read) a peek at it: the
    # constructor makes sure of one. These say which one the caller relies on.
    def _loaded(self) -> Session:
        assert self.session is not None, "used before the session was read"
        return self.session

    def _saver(self) -> Autosave:
        assert self.autosave is not None, "used before the session was read"
        return self.autosave

    def _peeked(self) -> Peek:
        assert self.peeked is not None
        return self.peeked

    # --- steps ------------------------------------------------------------------------

    def go_to(self, step_id: StepId) -> None:
        if step_id == self.current or not self.ready.is_set():
            return
        self._loaded().session.current_step = step_id
        self._saver().changed()
        # A step change is a natural moment to be on disk, but a keypress must not wait
        # for a whole session to be rendered: the write goes to the worker once the new
        # step is on the screen (its snapshot and the worker's hold on the GIL made the
        # step's own frame wait).
        self._show_step(step_id)
        self.call_after_refresh(self._saver().save_soon)

    def _show_step(self, step_id: StepId) -> None:
        tabs = self.query_one(Tabs)
        # Our own change of tab must not come back as a "user picked a tab" event: queued
        # behind fast F6 presses, it would move the session back a step.
        with tabs.prevent(Tabs.TabActivated):
            tabs.active = f"tab-{step_id.value}"
        for i, s in enumerate(STEP_ORDER):
            tab, label = self.query_one(f"#tab-{s.value}", Tab), tab_label(i, s, step_id)
            if tab.label_text != label:  # each new label lays the tabs out again
                tab.label = label
        self.query_one(ContentSwitcher).current = f"pane-{step_id.value}"
        self.query_one("#guidance", Static).update(guidance(step_id))
        notes = self.query_one("#notes", TextArea)
        with notes.prevent(TextArea.Changed):
            notes.load_text(self._step_model().notes)
        self.refresh_status()
        self._show_quotes()
        if not isinstance(self.focused, Tabs):
            self.call_after_refresh(self._focus_pane)

    def _show_quotes(self) -> None:
        self.query_one("#recent-quotes", RecentQuotes).show(self._loaded(), self.current)
        # With the quotes: both follow the step and others' saves.
        self.query_one(ClashNotice).show(self._loaded(), self.current)

    def action_clash(self) -> None:
        from .clashes import settle

        if self.session is not None:
            settle(self, self.query_one("#notes", TextArea))

    # --- other writers ----------------------------------------------------------------

    def _flush_notes(self) -> None:
        """The notes as typed this very moment belong to the session before others'
        changes are merged in (the text area's change message may still be queued)."""
        notes = self.query_one("#notes", TextArea)
        if not notes.read_only and notes.text != self._step_model().notes:
            self._step_model().notes = notes.text
            self._saver().changed()

    def others_saved(self, fields: set[str]) -> None:
        """Another writer's saved changes are in the session now: show them."""
        from .live_text import take_in

        people = bool(fields & {"checkin", "family"})
        for step_id in STEP_ORDER:
            if people or step_id.value in fields:
                cast("StepPane", self.query_one(f"#pane-{step_id.value}")).others_saved()
        if self.query_one(ContentSwitcher).current != f"pane-{self.current.value}":
            self._show_step(self.current)  # another facilitator's app moved on
        self.query_one("#title", Static).update(Text(self._loaded().session.title, style="bold"))
        take_in(self.query_one("#notes", TextArea), self._step_model().notes)
        self._show_quotes()
        for screen in self.app.screen_stack:
            if screen is not self and hasattr(screen, "others_saved"):
                screen.others_saved(fields)
        self.refresh_status()

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        if event.tab.id:
            self.go_to(StepId(event.tab.id.removeprefix("tab-")))

    def add_in(self, step_id: str, table_id: str) -> None:
        """Go to a step and open the form for a new record in one of its lists."""
        from .records import RecordTable
        from .timeline_pane import TimelinePane

        self.go_to(StepId(step_id))
        pane = self.query_one(f"#pane-{step_id}")
        if isinstance(pane, TimelinePane):
            pane.action_open_quick_add()
        else:
            pane.query_one(f"#{table_id}", RecordTable).action_add()

    def action_step(self, delta: int) -> None:
        index = max(0, min(len(STEP_ORDER) - 1, STEP_ORDER.index(self.current) + delta))
        self.go_to(STEP_ORDER[index])

    # --- changes and saving -------------------------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id == "notes":
            self._step_model().notes = event.text_area.text
            self._saver().changed()

    def on_session_changed(self, event: SessionChanged) -> None:
        self._saver().changed()

    def action_export_intention(self) -> None:
        from ..intention_export import export_intention

        target = export_intention(self._loaded(), self.path, self.path.parent / "exports")
        self.notify(t("cli.exported", path=target), timeout=6)

    def action_export(self) -> None:
        """The report, checked for identifiers, written for the user to share."""
        from ..lifecycle import start_draft
        from ..store import now
        from .export_screen import ExportScreen

        session, autosave = self._loaded(), self._saver()

        def done(written) -> None:
            autosave.changed()  # accepted findings are kept in the session
            if written:
                # The report shared (not the declaration alone, also a PDF): the week starts.
                declaration = t("files.intention", session.session.language.value)
                if any(p.suffix in (".md", ".html", ".docx", ".eml")
                       or (p.suffix == ".pdf" and not p.stem.endswith(declaration)) for p in written):
                    start_draft(session, now().date())
                    autosave.changed()
                self.notify(t("export_screen.written", count=len(written), folder=written[0].parent), timeout=8)
            self.refresh_status()

        self.app.push_screen(localized(ExportScreen)(self.session, self.path), done)

    def action_details(self) -> None:
        """The session's details: place, date, facilitator, notetaker, case code, question."""
        from ..lifecycle import is_read_only
        from .details_form import DetailsForm

        if self.session is None or is_read_only(self.session):
            return
        session, autosave = self.session, self._saver()

        def filled(fields: dict | None) -> None:
            if fields:
                for name, value in fields.items():
                    if name != "title" or value:
                        setattr(session.session, name, value)
                autosave.changed()
                self.notify(t("details.saved"), timeout=3)
                self.refresh_status()

        self.app.push_screen(localized(DetailsForm)(self.session), filled)

    def action_save(self) -> None:
        self._saver().save_now()
        self.refresh_status()

    def _tick(self) -> None:
        from .. import operations as ops

        from ..lifecycle import is_read_only

        session = self._loaded()
        if not self.clock_running or is_read_only(session):
            return
        if ops.open_pause(session) is None:
            spent = session.session.seconds_per_step
            spent[self.current] = spent.get(self.current, 0) + 1
            if spent[self.current] % 30 == 0:
                self._saver().changed()  # the clock itself is worth keeping now and then
        self.refresh_status()

    def refresh_status(self) -> None:
        from .. import operations as ops
        from ..store import now
        from .status import status_text

        if self.autosave is None or self.session is None:
            return
        from ..lifecycle import days_left, is_read_only

        if is_read_only(self.session):
            saved = t("lifecycle.read_only")
        elif self.autosave.error:
            saved = t("status.save_failed", reason=self.autosave.error)
        else:
            saved = t("status.unsaved") if self.autosave.dirty else t("status.saved")
            left = days_left(self.session, now().date())
            if left is not None:
                key = "lifecycle.past" if left < 0 else "lifecycle.last_day" if left == 0 else "lifecycle.days_left"
                saved += " · " + t(key, days=left)
        paused = ops.open_pause(self.session) is not None
        try:
            status = self.query_one("#status", Static)
        except NoMatches:
            return  # a save that ended as the screen closed: no line left to say it on
        # One line high whatever it says (session.tcss): every second and after every
        # change, so no layout pass of the whole screen.
        status.update(status_text(self.session, now(), saved, paused), layout=False)

    # --- capture ------------------------------------------------------------------

    def action_quote(self, values: dict | None = None) -> None:
        from .. import operations as ops
        from .capture import QuoteCapture
        from .guard import refused

        if refused(self):  # a final report's session
            return
        session, autosave = self._loaded(), self._saver()

        def captured(result: tuple[str, str] | None) -> None:
            if result:
                speaker, words = result
                ops.add_quote(session, self.current, speaker, words)
                autosave.changed()
                self._show_quotes()
                self.notify(t("quote.saved"), timeout=2)

        self.app.push_screen(localized(QuoteCapture)(session, values=values), captured)

    def action_pause(self) -> None:
        from .. import operations as ops
        from .capture import PauseScreen
        from .guard import refused

        if refused(self):  # a final report's session
            return
        session, autosave = self._loaded(), self._saver()
        ops.start_pause(session, self.current)
        autosave.changed()

        def ended(note: str | None) -> None:
            pause = ops.end_pause(session)
            if pause is not None and note:
                pause.note = note
            autosave.changed()

        self.app.push_screen(localized(PauseScreen)(session), ended)

    def action_quotes(self) -> None:
        from .capture import QuotesScreen

        self.app.push_screen(localized(QuotesScreen)(self._loaded()), lambda _: self._saver().changed())

    def action_perspectives(self) -> None:
        from .capture import PerspectivesScreen
        from .guard import refused

        if refused(self):  # a final report's session
            return
        self.app.push_screen(localized(PerspectivesScreen)(self._loaded()), lambda _: self._saver().changed())
