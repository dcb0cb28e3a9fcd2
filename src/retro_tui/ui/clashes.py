"""When two writers changed the very same lines of a step's notes at once, one version
stays in the notes and the other is set aside (store/merge.py). Both apps say so right
above the notes, and ctrl+t (or a click on that line) shows both versions to keep both,
leave it, or take the other one. A clash is never only in the file."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..i18n import t
from .keys import Key


class ClashNotice(Static):
    """One line above the notes while this step's notes have a clash; else hidden."""

    DEFAULT_CSS = "ClashNotice { color: $warning; height: auto; display: none; }"

    def show(self, session, notes_path: str) -> None:
        from ..operations import notes_clashes  # not before the first frame: it needs the model

        found = notes_clashes(session, notes_path) if session is not None else []
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
    """Show the current step's first clash; apply the choice to the session and the
    notes box (`screen` is a session host: ui/session_host.py)."""
    from ..operations import notes_clashes, settle_notes_clash
    from .keys import localized
    from .live_text import take_in

    found = notes_clashes(screen.session, screen.notes_path) if screen.session is not None else []
    if not found:
        return
    clash = found[0]

    def chosen(choice: str | None) -> None:
        if choice is None or clash not in screen.session.conflicts:
            return  # closed, or settled in the other app meanwhile
        settle_notes_clash(screen.session, clash, choice)
        take_in(notes_box, screen.step_notes())
        screen.autosave.changed()
        screen.query_one(ClashNotice).show(screen.session, screen.notes_path)
        screen.notify(t("clash.settled"), timeout=3)

    screen.app.push_screen(localized(ClashScreen)(clash), chosen)
