"""The pane of a step that needs none of its own: each of the step's `records` paths
shown as what it is. A list of records is a table with its form (ui/record_types.py),
a text is a box typed straight into the session, the next meeting is a panel with a
form that takes dates as people say them."""

from __future__ import annotations

from enum import Enum
from typing import get_args

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import TextArea

from ..i18n import t
from ..lifecycle import is_read_only
from ..model import Session
from .keys import localized
from .live_text import take_in
from .messages import SessionChanged
from .next_meeting import NextMeetingPanel
from .notes_area import NotesArea
from .panes import StepPane
from .record_types import fresh, list_class, record_type, section_and_name, value_at
from .records import RecordTable
from .state_tables import STATE_TABLES


class TextBox(NotesArea):
    """A text of the session (the meeting's summary, the family's view), typed into
    the session itself like the notes: every key is in the model at once, so the
    autosave and every way out of the app (which saves the session) carry it, and
    nothing waits for a form to be closed. (A form's words are only the journal's
    until ctrl+s; these are the file's within the autosave's second and a half.)"""

    DEFAULT_CSS = """
    TextBox { height: auto; min-height: 6; max-height: 14; border: round $primary 40%; margin-bottom: 1; }
    TextBox:focus { border: round $accent; }
    """

    def __init__(self, session: Session, path: str):
        section, name = section_and_name(path)
        super().__init__(value_at(session, path), id=f"text-{section}-{name}", soft_wrap=True,
                         tab_behavior="focus", read_only=is_read_only(session), classes="in-session")
        self.session = session
        self.path = path
        self.border_title = t(f"panes.{path}")
        self.placeholder = t(f"panes.hint.{name}")

    def on_mount(self) -> None:
        # Typing goes on after what is there, as in the notes.
        self.move_cursor(self.document.end)

    def reopen(self, origin: dict, values: dict) -> bool:
        """The box as typed when the app stopped, before its last words reached the
        file: taken whole where the file still has what it was typed on, else added
        under what the file has now, so nobody's words go."""
        typed = values.get("text")
        if not isinstance(typed, str) or self.read_only:
            return False
        now = self.text
        whole = not now.strip() or all(line in typed for line in now.splitlines())
        self.load_text(typed if whole else f"{now.rstrip()}\n{typed}")
        self.move_cursor(self.document.end)
        return True

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()  # the screen's own handler is for its notes
        if self.keep():
            self.post_message(SessionChanged())

    def keep(self) -> bool:
        """The text as typed this moment into the session; whether that changed it. The
        host calls it before others' changes are merged in too, while this box's
        change message may still be queued (ui/session_host.py)."""
        section, name = section_and_name(self.path)
        model = getattr(self.session, section)
        if self.read_only or getattr(model, name) == self.text:
            return False
        setattr(model, name, self.text)
        return True

    def others_saved(self) -> None:
        take_in(self, value_at(self.session, self.path))


def state_enum(cls, field: str) -> type[Enum] | None:
    annotation = cls.model_fields[field].annotation
    return next((a for a in (annotation, *get_args(annotation)) if isinstance(a, type) and issubclass(a, Enum)), None)


def records_table(session: Session, path: str) -> RecordTable:
    """The table of a list path, with the columns, form and keys of its kind of record."""
    cls = list_class(path)
    kind = record_type(path)
    if cls is None or kind is None:
        raise KeyError(path)
    table_class = RecordTable
    if kind.state:
        table_class = STATE_TABLES[state_enum(cls, kind.state)]  # type: ignore[index]
    items = lambda: value_at(session, path)  # noqa: E731 - the section may be replaced by a merge
    new = (lambda: kind.new(session, fresh(session, path))) if kind.new else None  # type: ignore[misc]
    rows = (lambda records: kind.rows(session, records)) if kind.rows else None  # type: ignore[misc]
    remove = (lambda record: kind.remove(session, record)) if kind.remove else None  # type: ignore[misc]
    describe = (lambda record: kind.describe(session, record)) if kind.describe else None  # type: ignore[misc]
    normalise = (lambda values: kind.normalise(session, values)) if kind.normalise else None  # type: ignore[misc]
    section, name = section_and_name(path)
    return localized(table_class)(
        f"panes.{path}", items, kind.columns(session), kind.fields(session), new,
        ordered=rows, on_remove=remove, normalise=normalise, fixed=kind.fixed, describe=describe, empty=kind.empty,
        id=f"{section}-{name}",
    )


def record_widget(session: Session, path: str) -> Widget | None:
    """What shows one records path, or None where another path's widget shows it too."""
    if record_type(path) is not None:
        return records_table(session, path)
    section, name = section_and_name(path)
    field = type(getattr(session, section)).model_fields.get(name)
    if field is None:
        return None
    if field.annotation is str:
        return localized(TextBox)(session, path)
    if path == "meeting.next_starts":
        return localized(NextMeetingPanel)(session)
    return None


class RecordsPane(StepPane):
    def compose(self) -> ComposeResult:
        for path in self.step.records:
            widget = record_widget(self.session, path)
            if widget is not None:
                yield widget

    def focus_first(self) -> bool:
        targets = self.query("DataTable, TextBox, EditPanel")
        if not targets:
            return False
        targets.first().focus()
        return True

    def others_saved(self) -> None:
        super().others_saved()
        for box in self.query(TextBox):
            box.others_saved()

    def on_show(self) -> None:
        # The course items or the core team may have changed in another step.
        for table in self.query(RecordTable):
            table.reload()
