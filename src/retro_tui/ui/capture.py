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
from ..i18n import label, t
from ..method import facilitator_aids
from ..method import step as method_step
from ..i18n import current_language
from ..model import Perspective, Session, StepId
from .forms import FieldSpec
from .keys import Key, localized
from .records import Column, RecordTable


def speakers(session: Session) -> list[str]:
    """Who may be quoted, as the name box offers them: participants, then the family's
    pseudonyms and roles."""
    names = [p.name for p in session.checkin.participants]
    names += [m.pseudonym for m in session.family.members]
    return names + [m.role for m in session.family.members if m.role]


class QuoteCapture(ModalScreen[tuple[str, str] | None]):
    """Who said it, and the words; Enter keeps it. Small, so the room's screen stays put."""

    DEFAULT_CSS = """
    QuoteCapture { align: center bottom; background: $background 30%; }
    QuoteCapture > Vertical { width: 90%; max-width: 100; height: auto; border: round $accent;
        background: $surface; padding: 0 1; margin-bottom: 2; }
    """
    KEYS = [Key("escape", "cancel", "key.cancel")]

    def __init__(self, session: Session):
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = t("quote.title")
            suggester = SuggestFromList(speakers(self.session), case_sensitive=False)
            yield Input(placeholder=t("quote.speaker"), id="speaker", suggester=suggester)
            yield Input(placeholder=t("quote.words"), id="words")

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
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PauseScreen(ModalScreen[str | None]):
    """The stop button: a calm screen; the pause counts apart until it is ended."""

    DEFAULT_CSS = """
    PauseScreen { align: center middle; background: $background 60%; }
    PauseScreen > Vertical { width: 70; max-width: 95%; height: auto; border: round $primary;
        background: $surface; padding: 1 2; }
    PauseScreen .pause-title { text-style: bold; color: $primary; }
    """
    KEYS = [Key("escape", "end", "key.end_pause")]

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
    programme chapter of a regional bundle."""

    DEFAULT_CSS = """
    QuotesScreen { align: center middle; }
    QuotesScreen > Vertical { width: 95%; height: 90%; border: round $accent; background: $surface; }
    QuotesScreen DataTable { height: 1fr; }
    """
    KEYS = [
        Key("space", "mark", "key.mark_for_report"),
        Key("g", "mark_programme", "key.mark_for_programme"),
        Key("escape", "close", "key.close"),
    ]

    def __init__(self, session: Session):
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = t("quotes.title")
            yield Select([(label(s), s) for s in StepId], prompt=t("quotes.all_steps"), id="step-filter")
            table: DataTable[str] = DataTable(cursor_type="row", zebra_stripes=True)
            # The words last and widest: they are what this list is for.
            for key, width in (("field.quote_marks", 2), ("field.time", 5), ("field.step", 10), ("field.speaker", 16), ("field.words", None)):
                table.add_column(t(key), width=width)
            yield table

    def on_mount(self) -> None:
        self.reload()
        self.query_one(DataTable).focus()

    def shown(self):
        step = self.query_one("#step-filter", Select).value
        return [q for q in self.session.quotes if step is Select.NULL or q.step == step]

    def reload(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for q in self.shown():
            speaker = ops.short_name(self.session, q.speaker_id) if q.speaker_id else q.speaker
            step = method_step(q.step).in_language(current_language()).short
            marks = ("★" if q.for_report else " ") + ("◆" if q.for_programme else "")
            table.add_row(marks.rstrip(), q.time.strftime("%H:%M"), step, speaker, q.text, key=q.id)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def on_select_changed(self, event: Select.Changed) -> None:
        self.reload()

    def others_saved(self, fields: set[str]) -> None:
        self.reload()

    def action_mark(self) -> None:
        self._toggle("for_report")

    def action_mark_programme(self) -> None:
        self._toggle("for_programme")

    def _toggle(self, flag: str) -> None:
        from .guard import refused

        if refused(self):
            return
        table = self.query_one(DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value
        quote = next(q for q in self.session.quotes if q.id == key)
        setattr(quote, flag, not getattr(quote, flag))
        self.reload()

    def action_close(self) -> None:
        self.dismiss(None)


class PerspectivesScreen(ModalScreen[None]):
    """Work card 5: who takes whose place, their greatest dilemma or fear, their feeling."""

    DEFAULT_CSS = """
    PerspectivesScreen { align: center middle; }
    PerspectivesScreen > Vertical { width: 95%; height: 90%; border: round $accent; background: $surface; padding: 0 1; }
    """
    KEYS = [Key("escape", "close", "key.close")]

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
