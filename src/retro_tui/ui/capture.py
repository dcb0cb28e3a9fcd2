"""Capture along the way, from any step: quotes, the pause, the perspective switch."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.coordinate import Coordinate
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import DataTable, Input, Label, Select, Static

from .. import operations as ops
from ..i18n import t
from ..method import facilitator_aids
from ..method import kind
from ..i18n import current_language
from ..model import Perspective, Quote, Session
from .confirm import Confirm, unless_kept
from .field_spec import FieldSpec
from .keys import Key, localized
from .quiet_focus import QuietFocusModal
from .textual_words import choice
from .records import Column, RecordTable


def speakers(session: Session) -> list[str]:
    """Who may be quoted, as the name box offers them: participants, then the family's
    pseudonyms and roles."""
    names = [p.name for p in session.checkin.participants]
    names += [m.pseudonym for m in session.family.members]
    return names + [m.role for m in session.family.members if m.role]


class SpeakerInput(Input):
    """The speaker box: Tab, like Enter, takes the offered name and goes on to the words."""

    KEYS = [Key("tab", "accept", "quote.key_accept", show=False, id="accept_speaker")]

    async def action_accept(self) -> None:
        # Asked here rather than shown: typed fast, the offered name may not be drawn yet.
        if self.suggester is not None and self.value:
            typed = self.value if self.suggester.case_sensitive else self.value.casefold()
            offered = await self.suggester.get_suggestion(typed)
            if offered and offered.casefold().startswith(self.value.casefold()):
                self.value = offered
                self.cursor_position = len(offered)
        self.screen.focus_next()


class QuoteCapture(QuietFocusModal[tuple[str, str] | None]):
    """Who said it, and the words; Enter keeps it. Small, so the room's screen stays put.
    Given a speaker and words it corrects a quote (F7, e)."""

    DEFAULT_CSS = """
    QuoteCapture { align: center bottom; background: $background 30%; }
    QuoteCapture > Vertical { width: 90%; max-width: 100; height: auto; border: round $accent;
        background: $surface; padding: 0 1; margin-bottom: 2; }
    """
    KEYS = [Key("escape", "cancel", "key.cancel", id="cancel")]

    def __init__(self, session: Session, speaker: str = "", words: str = "", *, values: dict | None = None):
        """`speaker`, `words`: a quote being corrected (F7); `values`: who and words as
        typed before the app stopped (ui/drafts.py)."""
        super().__init__()
        self.session = session
        self.editing = bool(words)
        self.given = values or {}
        self.start = (self.given.get("speaker", speaker), self.given.get("words", words))
        self.origin = {"quote": True}  # how to open it again after a stop

    def compose(self) -> ComposeResult:
        speaker, words = self.start
        with Vertical() as box:
            box.border_title = t("quote.edit_title" if self.editing else "quote.title")
            suggester = SuggestFromList(speakers(self.session), case_sensitive=False)
            # Words given back after a stop stay when the keyboard comes to them (no
            # select-all), and the keyboard goes on in the box typed in last.
            restored = bool(self.given)
            yield localized(SpeakerInput)(speaker, placeholder=t("quote.speaker"), id="speaker", suggester=suggester,
                                          select_on_focus=not restored)
            yield Input(words, placeholder=t("quote.words"), id="words", select_on_focus=not restored)

    def on_mount(self) -> None:
        if self.given.get("words"):
            self.set_focus(self.query_one("#words", Input))

    def draft(self) -> tuple[str, dict] | None:
        """Who and the words, while not kept yet (it opens empty); None if nothing."""
        found = self.query("#speaker, #words").results(Input)
        typed = {w.id or "": w.value for w in found} or dict(self.given)
        if not any(v.strip() for v in typed.values()):
            return None
        return ": ".join(v for v in (typed.get("speaker", ""), typed.get("words", "")) if v.strip()), typed

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "speaker":
            # Enter takes the offered completion, as the right arrow does.
            event.input.action_cursor_right()
            self.query_one("#words", Input).focus()
            return
        words = self.query_one("#words", Input).value.strip()
        if words:
            self.dismiss((self.query_one("#speaker", Input).value, words))
        else:
            self.action_cancel()

    def action_cancel(self) -> None:
        typed = (self.query_one("#speaker", Input).value, self.query_one("#words", Input).value)
        unless_kept(self, typed != self.start, lambda: self.dismiss(None))


class PauseScreen(QuietFocusModal[str | None]):
    """The stop button: a calm screen; the pause counts apart until it is ended."""

    DEFAULT_CSS = """
    PauseScreen { align: center middle; background: $background 60%; }
    PauseScreen > Vertical { width: 70; max-width: 95%; height: auto; border: round $primary;
        background: $surface; padding: 1 2; }
    PauseScreen .pause-title { text-style: bold; color: $primary; }
    """
    KEYS = [Key("escape", "end", "key.end_pause", id="end_pause")]

    def __init__(self, session: Session):
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("pause.title"), classes="pause-title")
            yield Static(facilitator_aids(current_language())["pause"])
            yield Label(t("pause.note"))
            yield Input(placeholder=t("pause.note_hint"), id="pause-note")
            yield Static(Text(t("pause.how_to_end"), style="dim"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_end()

    def action_end(self) -> None:
        self.dismiss(self.query_one("#pause-note", Input).value.strip())


class QuotesScreen(ModalScreen[None]):
    """All quotes, filterable by step; space marks one for the report, g for the
    programme chapter of a regional bundle, e corrects one, d removes one (asked first;
    u puts it back). A speaker who is neither a participant nor a family member stands
    out, so a typo in a name is seen and corrected."""

    DEFAULT_CSS = """
    QuotesScreen { align: center middle; }
    QuotesScreen > Vertical { width: 95%; height: 90%; border: round $accent; background: $surface; }
    QuotesScreen DataTable { height: 1fr; }
    QuotesScreen #unknown-legend { color: $warning; height: auto; display: none; }
    QuotesScreen.has-unknown #unknown-legend { display: block; }
    """
    KEYS = [
        Key("space", "mark", "key.mark_for_report", id="mark_for_report"),
        Key("g", "mark_programme", "key.mark_for_programme", id="mark_for_programme"),
        Key("e", "edit", "key.edit", id="edit"),
        Key("delete,d", "remove", "key.remove", id="remove"),
        Key("u", "undo_remove", "quotes.key_undo", show=False, id="undo_remove"),
        Key("escape", "close", "key.close", id="close"),
    ]

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.removed: list[tuple[int, Quote]] = []  # (place, quote), the last one on top

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = t("quotes.title")
            lang = current_language()
            steps = kind(self.session.session.kind).steps
            yield choice([(s.in_language(lang).short, s.id) for s in steps], prompt=t("quotes.all_steps"), id="step-filter")
            table: DataTable[str] = DataTable(cursor_type="row", zebra_stripes=True)
            # The words last and widest: they are what this list is for.
            for key, width in (("field.quote_marks", 2), ("field.time", 5), ("field.step", 10), ("field.speaker", 16), ("field.words", None)):
                table.add_column(t(key), width=width)
            yield table
            yield Static(t("quotes.unknown_legend"), id="unknown-legend")

    def on_mount(self) -> None:
        self.reload()
        self.query_one(DataTable).focus()

    def shown(self):
        step = self.query_one("#step-filter", Select).value
        return [q for q in self.session.quotes if step is Select.NULL or q.step == step]

    def reload(self, select: str | None = None) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        unknown = False
        for q in self.shown():
            if ops.speaker_known(self.session, q):
                speaker = Text(ops.short_name(self.session, q.speaker_id) if q.speaker_id else "")
            else:
                # A colour alone is lost on a projector: the mark says it too.
                speaker = Text(f"? {q.speaker}", style="bold yellow")
                unknown = True
            step = kind(self.session.session.kind).step(q.step).in_language(current_language()).short
            marks = ("★" if q.for_report else " ") + ("◆" if q.for_programme else "")
            table.add_row(marks.rstrip(), q.time.strftime("%H:%M"), step, speaker, q.text, key=q.id)
        self.set_class(unknown, "has-unknown")
        if select is not None:
            row = next((i for i, q in enumerate(self.shown()) if q.id == select), row)
        if table.row_count:
            table.move_cursor(row=max(0, min(row, table.row_count - 1)))

    def on_select_changed(self, event: Select.Changed) -> None:
        self.reload()

    def others_saved(self, fields: set[str]) -> None:
        self.reload()

    def _current(self):
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value
        return next((q for q in self.session.quotes if q.id == key), None)

    def _changed(self, select: str | None = None) -> None:
        self.reload(select)
        # Saved as it happens, not only when the list closes.
        for screen in self.app.screen_stack:
            if (autosave := getattr(screen, "autosave", None)) is not None:
                autosave.changed()

    def action_mark(self) -> None:
        self._toggle("for_report")

    def action_mark_programme(self) -> None:
        self._toggle("for_programme")

    def _toggle(self, flag: str) -> None:
        from .guard import refused

        quote = self._current()
        if quote is None or refused(self):
            return
        setattr(quote, flag, not getattr(quote, flag))
        self._changed(quote.id)

    def action_edit(self) -> None:
        from .guard import refused

        quote = self._current()
        if quote is None or refused(self):
            return
        speaker = ops.short_name(self.session, quote.speaker_id) if quote.speaker_id else quote.speaker

        def corrected(result: tuple[str, str] | None) -> None:
            if result is not None and ops.edit_quote(self.session, quote.id, *result) is not None:
                self._changed(quote.id)

        self.app.push_screen(localized(QuoteCapture)(self.session, speaker, quote.text), corrected)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_remove(self) -> None:
        from .guard import refused

        quote = self._current()
        if quote is None or refused(self):
            return

        def answered(yes: bool | None) -> None:
            taken = ops.remove_quote(self.session, quote.id) if yes else None
            if taken is not None:
                self.removed.append(taken)
                self._changed()
                self.notify(t("quotes.removed"), timeout=6)

        self.app.push_screen(localized(Confirm)(t("quotes.remove_question", words=quote.text[:60])), answered)

    def action_undo_remove(self) -> None:
        if not self.removed:
            return
        at, quote = self.removed.pop()
        ops.restore_quote(self.session, at, quote)
        self._changed(quote.id)

    def action_close(self) -> None:
        self.dismiss(None)


class PerspectivesScreen(ModalScreen[None]):
    """Work card 5: who takes whose place, their greatest dilemma or fear, their feeling."""

    DEFAULT_CSS = """
    PerspectivesScreen { align: center middle; }
    PerspectivesScreen > Vertical { width: 95%; height: 90%; border: round $accent; background: $surface; padding: 0 1; }
    """
    KEYS = [Key("escape", "close", "key.close", id="close")]

    def __init__(self, session: Session):
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        s = self.session
        aids = facilitator_aids(current_language())
        def people():
            return [(name, ident) for ident, name in ops.people(s)]

        def participants():
            return [(p.name, p.id) for p in s.checkin.participants]

        with Vertical() as box:
            box.border_title = t("perspectives.title")
            yield Static(aids["perspective_switch"])
            yield Static(Text(aids["perspective_question"], style="bold"))
            yield localized(RecordTable)(
                "perspectives.table",
                lambda: s.perspectives,
                [
                    Column("field.person", lambda v: ops.person_name(s, v.person_id) if v.person_id else v.person),
                    Column("field.taken_by", lambda v: ops.person_name(s, v.taken_by) if v.taken_by else ""),
                    Column("field.dilemma_or_fear", lambda v: v.dilemma_or_fear),
                    Column("field.feeling", lambda v: v.feeling),
                ],
                [
                    FieldSpec("person_id", "field.person", "choice", people),
                    FieldSpec("person", "field.person_label"),
                    FieldSpec("taken_by", "field.taken_by", "choice", participants),
                    FieldSpec("dilemma_or_fear", "field.dilemma_or_fear", "text"),
                    FieldSpec("feeling", "field.feeling", "text"),
                ],
                lambda: Perspective(id=ops.fresh_id(s, "ps")),
            )

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()

    def action_close(self) -> None:
        self.dismiss(None)
