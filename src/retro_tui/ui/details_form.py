"""The session's details in one form: title, date (as people type it), place, the
facilitator and their organisation, the notetaker, the case code and the case's
learning question. Opened for a new session from the opening screen, and for the open
session from its status line and the palette. Enter in any field or ctrl+s saves;
a date that is not a day says why and nothing is saved."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, Static

from ..details import FIELDS, DetailsError, read_details
from ..i18n import t
from ..model import Session
from .keys import Key
from .quiet_focus import QuietFocusModal

ORDER = ("title", *FIELDS)


class DetailsForm(QuietFocusModal[dict | None]):
    """Dismissed with the session's fields to set ({"title": ..., "place": ...}), or None."""

    DEFAULT_CSS = """
    DetailsForm { align: center middle; }
    DetailsForm > Vertical { width: 80; max-width: 96%; height: auto; max-height: 95%; border: round $accent;
        background: $surface; padding: 0 1; }
    DetailsForm VerticalScroll { height: auto; max-height: 1fr; }
    DetailsForm Label { color: $text-muted; }
    DetailsForm Input { margin-bottom: 0; background: $boost; }
    DetailsForm #details-error { color: $error; height: auto; }
    """
    KEYS = [
        Key("ctrl+s", "save", "details.save", priority=True, id="save_form"),
        Key("escape", "cancel", "key.cancel", id="cancel"),
    ]

    def __init__(self, session: Session | None = None, title: str = ""):
        super().__init__()
        meta = session.session if session is not None else None
        self.values = {"title": meta.title if meta else title}
        for name, field in FIELDS.items():
            value = getattr(meta, field) if meta else None
            self.values[name] = value.isoformat() if name == "date" and value else (value or "")
        if meta and meta.date:
            from ..report.build import _date

            self.values["date"] = _date(meta.date, meta.language.value)  # as people write it

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = t("details.title")
            box.border_subtitle = t("details.how_to_save")
            with VerticalScroll():
                for name in ORDER:
                    yield Label(t(f"details.label_{name}"))
                    yield Input(self.values[name], id=f"detail-{name}", compact=True)
            yield Static(id="details-error")

    def on_mount(self) -> None:
        self.query_one("#detail-title", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        typed = {name: self.query_one(f"#detail-{name}", Input).value for name in ORDER}
        title = typed.pop("title").strip()
        try:
            fields = read_details(typed)
        except DetailsError as error:
            self.query_one("#details-error", Static).update(Text(error.message()))
            self.query_one("#detail-date", Input).focus()
            return
        if title:
            fields["title"] = title
        elif not self.values["title"]:
            fields["title"] = ""  # a new session without a title gets the default one
        self.dismiss(fields)

    def action_cancel(self) -> None:
        self.dismiss(None)
