"""A yes/no question that returns its answer (y / n, Enter / Esc)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ..i18n import t
from .keys import Key


class Confirm(ModalScreen[bool]):
    DEFAULT_CSS = """
    Confirm { align: center middle; }
    Confirm > Vertical { width: 60; max-width: 95%; height: auto; border: round $warning;
        background: $surface; padding: 1 2; }
    """
    KEYS = [
        Key("y,j,enter", "answer(True)", "key.yes", id="yes"),
        Key("n,escape", "answer(False)", "key.no", id="no"),
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
