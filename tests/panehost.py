"""A small host for the steps' panes of any kind of session, until the session screen
builds its tabs from the kind: every pane of the kind in a switcher, F5/F6 between
them, F1 for the help, and each change saved to the file as the session screen would.

Run by hand on a file to look at the panes in a terminal:
    .venv/bin/python tests/panehost.py FILE [STEP] [nl|en]
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Static

from retro_tui.method import kind
from retro_tui.model import Session
from retro_tui.store import load, save
from retro_tui.ui.keys import localized
from retro_tui.ui.messages import SessionChanged
from retro_tui.ui.panes import StepPane, pane_class
from retro_tui.ui.type_ahead import TypeAhead


class PaneHost(Screen):
    BINDINGS = [
        Binding("f5", "step(-1)", "◀", priority=True),
        Binding("f6", "step(1)", "▶", priority=True),
        Binding("f1", "help", "Help"),
    ]
    DEFAULT_CSS = """
    #body { height: 1fr; }
    #panes { width: 1fr; }
    #side { width: 38%; min-width: 28; max-width: 60; border-left: vkey $primary 30%; }
    """

    def __init__(self, session: Session, path: Path, step: str | None = None, steps: tuple = ()):
        """`steps`: a kind's steps made in a test; else those of the session's kind."""
        super().__init__()
        self.session = session
        self.path = path
        self.steps = steps or kind(session.session.kind).steps
        self.current = step or str(session.session.current_step)
        self.saves = 0

    def compose(self) -> ComposeResult:
        yield Static(self.session.session.title, id="title")
        with Horizontal(id="body"):
            with ContentSwitcher(id="panes", initial=f"pane-{self.current}"):
                for step in self.steps:
                    yield localized(pane_class(step))(self.session, step)
            # The session screen's side panel takes this room at 80 columns.
            yield Static("", id="side")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.call_after_refresh(self.pane().focus_first)

    def pane(self) -> StepPane:
        return self.query_one(f"#pane-{self.current}", StepPane)

    def go_to(self, step_id: str) -> None:
        self.current = step_id
        self.query_one(ContentSwitcher).current = f"pane-{step_id}"
        # At once, not after a refresh: keys typed right behind F6 belong to the new step.
        self.pane().focus_first()

    def action_step(self, delta: int) -> None:
        ids = [s.id for s in self.steps]
        self.go_to(ids[max(0, min(len(ids) - 1, ids.index(self.current) + delta))])

    def action_help(self) -> None:
        from retro_tui.ui.help import HelpScreen

        self.app.push_screen(localized(HelpScreen)(self, None))

    def on_session_changed(self, event: SessionChanged) -> None:
        save(self.session, self.path)
        self.saves += 1


class PaneApp(TypeAhead):
    """The app's own handling of keys typed ahead, as in the real app."""

    def __init__(self, path: Path, step: str | None = None, steps: tuple = ()):
        super().__init__()
        self.path = path
        self.step = step
        self.steps = steps

    def on_mount(self) -> None:
        self.push_screen(PaneHost(load(self.path), self.path, self.step, self.steps))


if __name__ == "__main__":
    from retro_tui.i18n import set_language

    set_language(sys.argv[3] if len(sys.argv) > 3 else "nl")
    PaneApp(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else None).run()
