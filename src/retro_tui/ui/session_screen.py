"""The facilitator's screen: the steps as tabs, the current step's pane, its guiding
questions and notes, and a status line. Everything a step shows comes from method data:
the session's kind (method/kinds/) names its steps, their order, questions, minutes,
where their notes live and which pane shows them. What it shares with the notetaker's
screen (saving, following, recovery) is the session host's (ui/session_host.py).

Opened on a file, the screen paints at once from a peek at the file (title, step,
language, the step's questions) and builds the current step's pane right after that first
frame, once the session is read and validated: the room sees the session straight away,
not a blank terminal while pydantic and the models are imported. The other steps' panes
are built a second apart after that, or at once when they are wanted first (F6, a
draft given back, a jump from another pane): a start pays for one pane, not seven.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.widget import AwaitMount
from textual.widgets import ContentSwitcher, Footer, Input, Static, Tab, Tabs
from rich.text import Text

from ..i18n import current_language, t
from ..method import RETROSPECTIVE
from .clashes import ClashNotice
from . import heap
from .footer import KeyBar
from .keys import PALETTE, Key, localized
from .messages import SessionChanged
from .notes_area import NotesArea
from .quiet_focus import QuietFocusScreen
from .recent_quotes import RecentQuotes
from .session_host import SessionHost
from .step_tabs import tab_labels

if TYPE_CHECKING:
    from ..model import Session
    from ..method import Step
    from ..store import Peek
    from .panes import StepPane


WIDE_FOOTER = 100  # columns from which the footer also shows the palette key
# The other steps' panes are built a second apart once the session is loaded (0.1 to
# 0.2 s of CPU each): the room is still looking at the first step then, and a key in
# the meantime builds the pane it wants at once. Right after the load they took the
# CPU from the keys typed first.
BUILD_NEXT_AFTER = 1.0
# How long a step's pane may take to build before it is shown as far as it got.
PANE_BUILT_WITHIN = 3.0


class SessionScreen(SessionHost, QuietFocusScreen):
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
        # Not in the footer: at 80 columns it would push F1 off it. F1 and the palette list it.
        Key("f10", "app.close_session", "key.close_session", show=False, priority=True, id="close_session"),
        Key("ctrl+s", "save", "key.save", show=False, id="save"),
        Key("ctrl+t", "clash", "clash.key", show=False, priority=True, id="clash"),
        # An optional step (the retrospective's closing, when a prospective analysis
        # follows) is passed over and taken up again with the same key.
        Key("ctrl+o", "skip(True)", "host.skip_step", priority=True, id="skip_step"),
        Key("ctrl+o", "skip(False)", "host.unskip_step", priority=True, id="unskip_step"),
        # Here, not only on the app, so the footer's label follows a language switch.
        Key("f1", "app.help", "key.help", id="help"),
    ]

    # Until the session is read and its panes built these do nothing, and the footer greys
    # their keys: the first frame shows the tabs before there is a session behind them.
    NEEDS_SESSION = frozenset(
        {"quote", "pause", "step", "quotes", "perspectives", "export", "save", "export_intention", "skip"}
    )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "skip":
            # Only on an optional step, and only the one of the pair that applies: the
            # footer shows "pass over" or "do it after all", never both.
            if self.session is None or not self.method_step.optional:
                return False
            if bool(parameters and parameters[0]) == (self.current in self.session.session.skipped_steps):
                return False
        if action in self.NEEDS_SESSION and not self.ready.is_set():
            return None
        return True

    def __init__(self, session: Session | None, path: Path, peeked: Peek | None = None):
        """Give the session, or a peek at the file to paint from while it is read."""
        super().__init__()
        self._mounting: dict[str, AwaitMount] = {}  # panes built on demand, still composing
        self._focus_waits = False  # the current pane's focus is still to come
        if session is None and peeked is None:
            raise ValueError("a session or a peek at its file is needed")
        self.host(session, path, peeked)

    # --- layout -------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        title = self.session.session.title if self.session else self._peeked().title
        here = self.current
        yield Static(Text(title, style="bold"), id="title")
        yield Tabs(
            *(Tab(label, id=f"tab-{s}") for s, label in zip(self.kind.step_ids, self._tab_labels(self.app.size.width))),
            active=f"tab-{here}",
        )
        yield Static(id="status")
        with Horizontal(id="body"):
            # Only the current step's pane at first; `_pane` builds any other the moment it
            # is wanted, so a fast step change never finds a blank pane or builds one twice.
            with ContentSwitcher(id="panes"):
                if self.session is not None:
                    yield from self._make_panes()
            with Vertical(id="side"):
                # Not a tab stop: tab goes from the step's lists straight to the notes.
                with VerticalScroll(id="guidance-box", can_focus=False):
                    yield Static(self.guidance(), id="guidance")
                # Hidden while the step has no quotes, so the questions keep the room.
                quotes = RecentQuotes(None, 3, id="recent-quotes")
                quotes.display = False
                yield quotes
                yield ClashNotice(id="clash-notice")
                notes = localized(NotesArea)(
                    self.step_notes() if self.session else "",
                    id="notes", soft_wrap=True, tab_behavior="focus", read_only=self.session is None,
                )
                notes.border_title = t("side.notes")
                yield notes
        # The palette key decided now, not at the first resize: the bar's keys changing
        # right after its first build rebuilt it a second time before the session was read.
        yield KeyBar(show_command_palette=self.app.size.width >= WIDE_FOOTER)

    def on_resize(self, event: events.Resize) -> None:
        # Below 100 columns the step's keys need the room, and F1 must stay whole: the
        # palette is still ctrl+p, which the help (F1) names.
        self.query_one(Footer).show_command_palette = event.size.width >= WIDE_FOOTER
        self._label_tabs(event.size.width)

    async def on_mount(self) -> None:
        if self.session is not None:
            await self._start()
        elif getattr(self.app, "painted", True):
            self.read_session()
        # else: the app calls read_session once its first frame is on the screen.

    async def session_arrived(self) -> None:
        await self.query_one("#panes", ContentSwitcher).mount_all(self._make_panes())
        self.load_notes()
        await self._start()

    async def _start(self) -> None:
        from ..store import now

        session = self._loaded()
        self.query_one("#panes", ContentSwitcher).current = f"pane-{self.current}"
        await self.start_hosting()
        if session.session.started is None:
            session.session.started = now()
        self.set_interval(1, self._tick)
        self.refresh_status()
        self._show_quotes()
        # Focused now when the pane is whole (it is, once mounted above): a frame later,
        # its keys arriving in the key bar rebuilt the bar a second time.
        self._focus_pane()
        self.ready.set()
        self.refresh_bindings()
        heap.settle()
        self.set_timer(BUILD_NEXT_AFTER, self._build_one_more)

    async def prepare_drafts(self, steps: set[str]) -> None:
        # A draft reopens a form inside its step's pane: that pane must be whole first.
        for step_id in self.kind.step_ids:
            if step_id in steps:
                await self.pane(step_id)

    def _pane(self, step_id: str) -> StepPane:
        """The step's pane, mounted now if it was not yet: in the switcher at once (so
        it can be shown), its insides composed before the next frame."""
        found = self.query(f"#pane-{step_id}")
        if found:
            return cast("StepPane", found.first())
        (pane,) = self._make_panes([self.kind.step(step_id)])
        self._mounting[step_id] = self.query_one("#panes", ContentSwitcher).mount(pane)
        return pane

    async def pane(self, step_id: str) -> StepPane:
        """The step's pane with everything in it composed and mounted."""
        pane = self._pane(step_id)
        # Kept until mounted: a second caller while the first still waits waits too.
        mounting = self._mounting.get(step_id)
        if mounting is not None and not pane.is_mounted:
            await mounting
        self._mounting.pop(step_id, None)
        return pane

    async def panes_built(self, within: float = PANE_BUILT_WITHIN) -> None:
        """Until the panes being built are mounted (bounded)."""
        async def mounted(mounting: AwaitMount) -> None:
            await mounting

        if self._mounting:
            try:
                await asyncio.wait_for(asyncio.gather(*map(mounted, list(self._mounting.values()))), within)
            except TimeoutError:
                pass

    def _built(self) -> list[StepPane]:
        return [cast("StepPane", p) for p in self.query_one("#panes", ContentSwitcher).children]

    async def _build_one_more(self) -> None:
        """The next step's pane not built yet, then the next a moment later: keys
        pressed meanwhile wait for one pane at most, never for all of them."""
        if not self.is_attached or getattr(self.app, "closing", False):
            return
        built = {str(p.id) for p in self._built()}
        order = self.kind.step_ids
        start = order.index(self.current)
        # The steps after this one first: F6 is the likeliest next key.
        missing = [s for s in [*order[start + 1 :], *order[:start]] if f"pane-{s}" not in built]
        if missing:
            await self.pane(missing[0])
        if len(missing) > 1:
            self.set_timer(BUILD_NEXT_AFTER, self._build_one_more)
        else:
            heap.settle_more()

    def reopen(self, restore: dict) -> bool:
        """Open again what was being typed in when the app stopped (ui/drafts.py):
        a record's form, the quote box or the quick-add line, with its words."""
        from .timeline_pane import TimelinePane

        origin, values = restore.get("origin") or {}, restore.get("values") or {}
        step_id = restore.get("step")
        if not isinstance(step_id, str) or step_id not in self.kind.step_ids:
            return False
        if origin.get("notes"):
            return self.reopen_notes(restore)
        if origin.get("quote"):
            self.action_quote(values)
            return True
        pane = self.query_one(f"#pane-{step_id}")  # built by `prepare_drafts`
        if origin.get("box") == "quick-add" and isinstance(pane, TimelinePane):
            self.go_to(step_id)
            from .drafts import given_back

            pane.action_open_quick_add()
            given_back(pane.query_one("#quick-add", Input), values.get("text", ""))
            return True
        if "box" in origin:
            return False
        target = list(pane.query(origin["node"])) if origin.get("node") else [pane]
        if not target or not hasattr(target[0], "reopen"):
            return False
        self.go_to(step_id)
        return target[0].reopen(origin, values)

    def _focus_pane(self, tries: int = 3) -> None:
        """Focus the current step's work; a pane still being built is waited for, then
        gets a moment to compose."""
        step_id = self.current
        if step_id in self._mounting:
            self._focus_waits = True
            self.call_later(self._focus_when_built, step_id)
            return
        panes = self.query(f"#pane-{step_id}")
        if panes and cast("StepPane", panes.first()).focus_first():
            self._focus_waits = False
            return
        self._focus_waits = bool(tries)
        if tries:
            self.call_after_refresh(self._focus_pane, tries - 1)

    async def _focus_when_built(self, step_id: str) -> None:
        try:
            await asyncio.wait_for(self.pane(step_id), PANE_BUILT_WITHIN)
        except TimeoutError:
            self._focus_waits = False  # keys typed meanwhile go where the focus is
            return
        if step_id == self.current:  # else a later step change focuses its own pane
            self._focus_pane()

    @property
    def settling(self) -> bool:
        """The focus a key led to is still to come (its step's pane is being built):
        keys typed behind it wait for it (ui/type_ahead.py). Two F6 presses and an `a`
        in one burst sent the `a` to the old step while the new pane was composed."""
        return self._focus_waits

    def _make_panes(self, steps: list[Step] | None = None) -> list:
        from .panes import pane_class

        # The pane made for a step, else the generic pane of its records (ui/panes.py).
        wanted = [self.method_step] if steps is None else steps
        panes = [localized(pane_class(step))(self._loaded(), step) for step in wanted]
        for pane in panes:
            # Mounted into a switcher that is already on the screen, a pane would show
            # (and take tab focus) unless hidden here; `_start` shows the current one.
            pane.display = False
        return panes

    # --- the model behind the current step ------------------------------------------

    @property
    def current(self) -> str:
        """The step's id (a retrospective's is its StepId, which equals the string)."""
        return self.session.session.current_step if self.session else self._peeked().step

    def _tab_labels(self, width: int) -> list[Text]:
        skipped = self.session.session.skipped_steps if self.session else ()
        return tab_labels(self.kind, self.current, skipped, current_language(), width)

    def _label_tabs(self, width: int | None = None) -> None:
        labels = self._tab_labels(self.app.size.width if width is None else width)
        for step_id, label in zip(self.kind.step_ids, labels):
            tab = self.query_one(f"#tab-{step_id}", Tab)
            if tab.label_text != label.plain:  # each new label lays the tabs out again
                tab.label = label

    # While the file is read the screen paints from a peek at it: the constructor
    # makes sure there is one when there is no session yet.
    def _peeked(self) -> Peek:
        assert self.peeked is not None
        return self.peeked

    # --- steps ------------------------------------------------------------------------

    def go_to(self, step_id: str) -> None:
        if step_id == self.current or not self.ready.is_set() or step_id not in self.kind.step_ids:
            return
        # The kind's own id: a retrospective's step is kept as its StepId.
        self._loaded().session.current_step = self.kind.step(step_id).id
        self._saver().changed()
        # A step change is a natural moment to be on disk, but a keypress must not wait
        # for a whole session to be rendered: the write goes to the worker once the new
        # step is on the screen (its snapshot and the worker's hold on the GIL made the
        # step's own frame wait).
        self._show_step(step_id)
        self.call_after_refresh(self._saver().save_soon)

    def _show_step(self, step_id: str, built: bool = False) -> None:
        if not built and not self._pane(step_id).is_mounted:
            # Shown whole once built: shown at once, it painted a frame of the empty
            # pane and then another of the pane composed (a sixth of F6's time).
            # The notes box is the screen's, not the pane's: it follows the step now. Left
            # on the old step's notes, a flush meanwhile (ctrl+q, another writer's save
            # taken in) wrote them over the new step's.
            self.load_notes()
            if not isinstance(self.focused, Tabs):
                self._focus_waits = True  # keys typed behind it wait for its focus (`settling`)
            self.call_later(self._show_when_built, step_id)
            return
        tabs = self.query_one(Tabs)
        # Our own change of tab must not come back as a "user picked a tab" event: queued
        # behind fast F6 presses, it would move the session back a step.
        with tabs.prevent(Tabs.TabActivated):
            tabs.active = f"tab-{step_id}"
        self._label_tabs()
        self._pane(step_id)
        self.query_one(ContentSwitcher).current = f"pane-{step_id}"
        self.query_one("#guidance", Static).update(self.guidance())
        if not built:  # else loaded when the step changed, and maybe typed in since
            self.load_notes()
        self.refresh_status()
        self.refresh_bindings()  # the optional step's key comes and goes
        self._show_quotes()
        if not isinstance(self.focused, Tabs):
            # At once when the pane is built: the old pane's hidden list losing the focus
            # a frame before the new one takes it rebuilt the key bar (and laid out the
            # whole screen) twice per step change.
            self._focus_pane()
        else:
            self._focus_waits = False  # the tabs keep the keyboard: no focus to wait for

    async def _show_when_built(self, step_id: str) -> None:
        # Nothing is painted while the pane is built: bounded, so that a mount that never
        # ends (the screen closed meanwhile) cannot leave the app unpainted.
        with self.app.batch_update():
            try:
                await asyncio.wait_for(self.pane(step_id), PANE_BUILT_WITHIN)
            except TimeoutError:
                pass  # shown as far as it got
            if step_id == self.current and self.is_attached:  # else a later step change shows its own
                self._show_step(step_id, built=True)

    def _show_skipped(self) -> None:
        """Which steps are passed over, in the tabs, the guidance, the status and the footer."""
        self._label_tabs()
        self.query_one("#guidance", Static).update(self.guidance())
        self.refresh_status()
        self.refresh_bindings()

    def _show_quotes(self) -> None:
        self.query_one("#recent-quotes", RecentQuotes).show(self._loaded(), self.current)
        # With the quotes: both follow the step and others' saves.
        self.query_one(ClashNotice).show(self._loaded(), self.method_step)

    # --- other writers ----------------------------------------------------------------

    def show_others(self, fields: set[str]) -> None:
        """Another writer's saved changes are in the session now: show them."""
        from .live_text import take_in

        # The people (and a follow-up's core team) appear in other steps' lists too.
        people = {"checkin", "family"} if self.kind.id == RETROSPECTIVE else {"checkin", "family", "closing"}
        # A pane not built yet will be built from the session as it is now.
        for pane in self._built():
            step = pane.step
            sections = {step.id, *(path.split(".", 1)[0] for path in step.records)}
            if fields & people or sections & fields:
                pane.others_saved()
        if self.query_one(ContentSwitcher).current != f"pane-{self.current}":
            self._show_step(self.current)  # another facilitator's app moved on
        elif "session" in fields:  # a step passed over (or not) in another app
            self._show_skipped()
        self.query_one("#title", Static).update(Text(self._loaded().session.title, style="bold"))
        take_in(self.notes_box(), self.step_notes())
        self._show_quotes()

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        if event.tab.id:
            self.go_to(event.tab.id.removeprefix("tab-"))

    async def add_in(self, step_id: str, table_id: str) -> None:
        """Go to a step and open the form for a new record in one of its lists."""
        from .records import RecordTable
        from .timeline_pane import TimelinePane

        pane = await self.pane(step_id)
        self.go_to(step_id)
        if isinstance(pane, TimelinePane):
            pane.action_open_quick_add()
        else:
            pane.query_one(f"#{table_id}", RecordTable).action_add()

    def action_step(self, delta: int) -> None:
        order = self.kind.step_ids
        index = max(0, min(len(order) - 1, order.index(self.current) + delta))
        self.go_to(order[index])

    def action_skip(self, skip: bool) -> None:
        """Pass the optional step over (its declaration follows in the prospective
        analysis), or take it up again; the tab, the status and the report say so."""
        skipped = self._loaded().session.skipped_steps
        if skip and self.current not in skipped:
            skipped.append(self.method_step.id)
        elif not skip and self.current in skipped:
            skipped.remove(self.current)
        else:
            return
        self._saver().changed()
        self._show_skipped()
        if skip:
            self.notify(t("host.skipped_closing"), timeout=4)

    # --- changes and saving -------------------------------------------------------------

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
        saved = self.saved_state(deadline=True)
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

    def action_perspectives(self) -> None:
        from .capture import PerspectivesScreen
        from .guard import refused

        if refused(self):  # a final report's session
            return
        self.app.push_screen(localized(PerspectivesScreen)(self._loaded()), lambda _: self._saver().changed())
