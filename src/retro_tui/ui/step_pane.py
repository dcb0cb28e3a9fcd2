"""The pane a step of any kind shows, as the session screen asks for it.

`pane_class(step)` (ui/panes.py) names the pane made for a step, or the generic pane of
its records. Where it has none for a step yet, the step is written in its notes: a pane
that says so and hands the keyboard to the notes box."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..i18n import t
from .keys import localized

if TYPE_CHECKING:
    from textual.widget import Widget

    from ..method import Step
    from ..model import Session


class NotesOnlyPane(VerticalScroll, can_focus=False):
    DEFAULT_CSS = "NotesOnlyPane { padding: 0 1; color: $text-muted; }"

    def __init__(self, session: Session, step: Step):
        super().__init__(id=f"pane-{step.id}")
        self.session = session
        self.step = step.id

    def compose(self) -> ComposeResult:
        yield Static(t("host.no_pane"))

    def focus_first(self) -> bool:
        notes = self.screen.query("#notes")
        if notes:
            notes.first().focus()
        return True

    def others_saved(self) -> None:
        pass  # it shows nothing of the session


def make_pane(session: Session, step: Step) -> Widget:
    from . import panes

    # Typed loosely while ui/panes.py moves from a StepId to the method's Step.
    pane_class: Any = panes.pane_class
    try:
        cls = pane_class(step)
    except (KeyError, TypeError):
        # Until every kind's panes are in, pane_class knows the retrospective's panes
        # by their StepId only.
        from ..model.enums import StepId

        if step.pane == step.id and step.pane in StepId._value2member_map_:
            return localized(pane_class(StepId(step.pane)))(session, StepId(step.pane))
        return NotesOnlyPane(session, step)
    return localized(cls)(session, step)
