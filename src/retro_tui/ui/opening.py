"""Without a file: the sessions in the folder, a new session, or the example."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ..i18n import label, t
from .keys import Key

if TYPE_CHECKING:
    from ..store import SessionError
    from .app import RetroApp


class OpeningScreen(Screen):
    DEFAULT_CSS = """
    OpeningScreen { align: center top; }
    OpeningScreen > Vertical { width: 100%; max-width: 110; padding: 1 2; }
    OpeningScreen OptionList { height: 1fr; }
    """
    KEYS = [
        Key("n", "app.new_session", "key.new_session"),
        Key("x", "app.open_example", "key.example"),
        Key("b", "app.open_bundle", "key.bundle", id="open_bundle"),
        Key("f1", "app.help", "key.help"),
    ]

    def __init__(self, folder: Path):
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        options: list[Option] = [
            Option(Text("＋ " + t("opening.new"), style="bold"), id="new"),
            Option(Text("◇ " + t("opening.example")), id="example"),
        ]
        from ..store import list_sessions

        for item in list_sessions(self.folder):
            if item.meta is None:
                text = Text.assemble(("   —        ", "dim"), (item.path.name, ""), ("  " + t("list.unreadable"), "red"))
            else:
                date = item.meta.date.isoformat() if item.meta.date else "—"
                text = Text.assemble((f"   {date}  ", "dim"), (item.meta.title, "bold"), (f"  {label(item.meta.status)}", "cyan"))
            options.append(Option(text, id=f"file:{item.path}"))
        with Vertical():
            yield Static(Text("retro-tui", style="bold"))
            yield Static(t("opening.intro", folder=self.folder))
            yield OptionList(*options)
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        ident = event.option.id or ""
        app = cast("RetroApp", self.app)
        if ident == "new":
            app.action_new_session()
        elif ident == "example":
            app.action_open_example()
        elif ident.startswith("file:"):
            app.open_session(Path(ident.removeprefix("file:")))


class LoadErrorScreen(Screen):
    """A file that cannot be opened: the same clear message as `retro-tui check`."""

    DEFAULT_CSS = """
    LoadErrorScreen { align: center middle; }
    LoadErrorScreen > Vertical { width: 90%; max-width: 110; height: auto; border: round $error; padding: 1 2; }
    """
    KEYS = [Key("escape,q", "app.quit", "key.quit")]

    def __init__(self, error: SessionError):
        super().__init__()
        self.error = error

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = t("load_error.title")
            yield Static(Text(self.error.message()))
            yield Static(Text(t("load_error.untouched"), style="dim"))
        yield Footer()
