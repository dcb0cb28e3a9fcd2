"""A panel that shows one part of the session as text and edits it in a form: Enter, e
or a click opens the form; a draft of that form, left by a stopped app, opens it again."""

from __future__ import annotations

from typing import ClassVar

from textual.widgets import Static

from ..i18n import t
from ..model import Session
from .keys import Key


class EditPanel(Static, can_focus=True):
    DEFAULT_CSS = """
    EditPanel { border: round $primary 50%; padding: 0 1; margin-bottom: 1; height: auto; }
    EditPanel:focus { border: round $accent; }
    """

    KEYS = [Key("enter,e", "edit", "key.edit", id="edit")]
    TITLE: ClassVar[str]  # the i18n key of the border's title

    def __init__(self, session: Session):
        super().__init__()
        self.session = session

    def on_mount(self) -> None:
        self.border_title = t(self.TITLE)
        self.show()

    def show(self) -> None:
        """Draw the session's part as it is now (also after another writer's changes)."""
        raise NotImplementedError

    def action_edit(self, values: dict | None = None) -> None:
        """Open the form, with `values` as typed before when a draft brings them back."""
        raise NotImplementedError

    def reopen(self, origin: dict, values: dict) -> bool:
        """The form as it was when the app stopped."""
        self.action_edit(values)
        return True

    def on_click(self) -> None:
        self.action_edit()
