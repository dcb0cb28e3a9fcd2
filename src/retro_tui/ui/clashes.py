"""When two writers changed the very same lines of a text they write along in (a step's
notes, a meeting's summary: the model's `Prose`) at once, one version stays in the text
and the other is set aside (store/merge.py). Both apps say so right above the notes
while the step shows such a text, and ctrl+t (or a click on that line) shows both
versions to keep both, leave it, or take the other one. A clash is never only in the
file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..i18n import t
from .keys import Key

if TYPE_CHECKING:
    from ..method import Step


def step_texts(step: Step) -> tuple[str, ...]:
    """Where the step's texts written along live: its notes, and the texts among its
    records that are typed straight into the session (a meeting's summary)."""
    from ..store.merge import written_along  # not before the first frame: it needs the model

    return (step.notes, *(path for path in step.records if written_along(tuple(path.split(".")))))


class ClashNotice(Static):
    """One line above the notes while this step's notes or texts have a clash; else hidden."""

    DEFAULT_CSS = "ClashNotice { color: $warning; height: auto; display: none; }"

    def show(self, session, step: Step) -> None:
        from ..operations import notes_clashes  # not before the first frame: it needs the model

        found = notes_clashes(session, step_texts(step)) if session is not None else []
        self.display = bool(found)
        if found:
            self.update(t("clash.notice", count=len(found)))

    async def on_click(self) -> None:
        await self.run_action("screen.clash")


class ClashScreen(ModalScreen[str | None]):
    """Both versions of the clashing lines; dismisses with `both`, `kept` or `other`."""

    DEFAULT_CSS = """
    ClashScreen { align: center middle; }
    ClashScreen > Vertical { width: 80; max-width: 95%; height: auto; max-height: 90%;
        border: round $warning; background: $surface; padding: 0 1; }
    ClashScreen .clash-title { text-style: bold; }
    ClashScreen .clash-label { color: $text-muted; margin-top: 1; }
    ClashScreen #clash-buttons { height: auto; margin-top: 1; }
    ClashScreen Button { margin-right: 1; }
    """
    KEYS = [
        Key("1", "choose('both')", "clash.both", id="clash_both"),
        Key("2", "choose('kept')", "clash.keep", id="clash_keep"),
        Key("3", "choose('other')", "clash.take_other", id="clash_take_other"),
        Key("escape", "choose(None)", "key.close", id="close"),
    ]

    def __init__(self, clash):
        super().__init__()
        self.clash = clash

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("clash.title"), classes="clash-title")
            yield Static(t("clash.kept"), classes="clash-label")
            yield Static(self.clash.kept or "—", markup=False)
            yield Static(t("clash.other"), classes="clash-label")
            yield Static(self.clash.text, markup=False)
            with Horizontal(id="clash-buttons"):
                yield Button(t("clash.both", id="clash_both"), id="both", variant="primary")
                yield Button(t("clash.keep", id="clash_keep"), id="kept")
                yield Button(t("clash.take_other", id="clash_take_other"), id="other")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)


def settle(screen, notes_box) -> None:
    """Show the current step's first clash; apply the choice to the session and to the
    box that shows that text (`screen` is a session host: ui/session_host.py)."""
    from ..operations import notes_clashes, settle_notes_clash
    from ..step_notes import read_notes
    from .keys import localized
    from .live_text import take_in

    step = screen.method_step
    found = notes_clashes(screen.session, step_texts(step)) if screen.session is not None else []
    if not found:
        return
    clash = found[0]

    def chosen(choice: str | None) -> None:
        if choice is None or clash not in screen.session.conflicts:
            return  # closed, or settled in the other app meanwhile
        settle_notes_clash(screen.session, clash, choice)
        text = read_notes(screen.session, clash.field)
        # A text of the session has its own box (ui/records_pane.py's TextBox, class
        # in-session), which knows its path.
        boxes = [notes_box] if clash.field == step.notes else [
            box for box in screen.query(".in-session") if getattr(box, "path", None) == clash.field]
        for box in boxes:
            take_in(box, text)
        screen.autosave.changed()
        screen.query_one(ClashNotice).show(screen.session, step)
        screen.notify(t("clash.settled"), timeout=3)

    screen.app.push_screen(localized(ClashScreen)(clash), chosen)
