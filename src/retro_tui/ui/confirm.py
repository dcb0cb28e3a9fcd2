"""Questions that return their answer: yes/no, and keep editing/discard."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..i18n import t
from .keys import Key


class Confirm(ModalScreen[bool]):
    DEFAULT_CSS = """
    Confirm { align: center middle; }
    Confirm > Vertical { width: 60; max-width: 95%; height: auto; border: round $warning;
        background: $surface; padding: 1 2; }
    """
    KEYS = [
        Key("y,j,enter", "answer(True)", "key.yes"),
        Key("n,escape", "answer(False)", "key.no"),
    ]

    def __init__(self, question: str):
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question)
            yield Static(t("confirm.keys"), classes="dim")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class KeepOrDiscard(ModalScreen[bool]):
    """Asked before typed words are thrown away: True means discard them. Keeping is what
    Esc, Enter and letters typed on regardless do; discarding takes a key no one types
    by accident (ctrl+d) or the Discard button."""

    DEFAULT_CSS = """
    KeepOrDiscard { align: center middle; }
    KeepOrDiscard > Vertical { width: 60; max-width: 95%; height: auto; border: round $warning;
        background: $surface; padding: 1 2; }
    KeepOrDiscard Horizontal { height: auto; margin-top: 1; }
    KeepOrDiscard Button { margin-right: 2; }
    """
    KEYS = [
        Key("escape,k,b", "answer(False)", "discard.keep"),
        Key("ctrl+d", "answer(True)", "discard.discard"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("discard.question"))
            with Horizontal():
                yield Button(t("discard.keep"), id="keep", variant="primary")
                yield Button(t("discard.discard"), id="discard", variant="error")
            yield Static(t("discard.keys"), classes="dim")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "discard")

    def action_answer(self, discard: bool) -> None:
        self.dismiss(discard)


def unless_kept(node, has_changes: bool, discard) -> None:
    """Run `discard()` at once when nothing was typed; otherwise only if the user says so."""
    if not has_changes:
        discard()
        return
    from .keys import localized

    node.app.push_screen(localized(KeepOrDiscard)(), lambda yes: discard() if yes else None)
