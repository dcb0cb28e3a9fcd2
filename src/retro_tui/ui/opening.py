"""Without a file: the sessions in the folder, a new session, a case, or the example."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from ..printable import printable
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ..i18n import label, t
from .keys import PALETTE, Key, localized

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
        PALETTE,
        Key("n", "app.new_session", "key.new_session", id="new_session"),
        Key("x", "example", "key.example", id="open_example"),
        Key("c", "case", "case_view.key_case", id="open_case"),
        Key("b", "app.open_bundle", "key.bundle", id="open_bundle"),
        Key("f1", "app.help", "key.help", id="help"),
    ]

    def __init__(self, folder: Path):
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        text: Text | Table
        options: list[Option] = [
            Option(Text("＋ " + t("opening.new"), style="bold"), id="new"),
            Option(Text("◇ " + t("opening.example")), id="example"),
            Option(Text(t("case_view.opening_item")), id="case"),
        ]
        from ..store import list_sessions

        self.listings = list_sessions(self.folder)
        for item in self.listings:
            if item.meta is None:
                text = Text.assemble(("   —        ", "dim"), (item.path.name, ""), ("  " + t("list.unreadable"), "red"))
            else:
                date = item.meta.date.isoformat() if item.meta.date else "—"
                # One line each: a long title gives way (with an ellipsis), the status stays.
                text = Table.grid(padding=(0, 2), expand=True)
                text.add_column(no_wrap=True)
                text.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
                text.add_column(no_wrap=True)
                text.add_row(Text(f" {date}", "dim"), Text(item.meta.title, "bold"), Text(label(item.meta.status), "cyan"))
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
            self.action_example()
        elif ident == "case":
            self.action_case()
        elif ident.startswith("file:"):
            app.open_session(Path(ident.removeprefix("file:")))


    def action_example(self) -> None:
        """A fresh copy of the whole example case, shown as the case it is."""
        from ..store import copy_example, peek_case_code

        path = copy_example()
        self.open_case(path.parent, peek_case_code(path))

    def action_case(self) -> None:
        """The case of the highlighted session, else a choice of the folder's cases."""
        from .case_view import CaseChoice, cases_in

        options = self.query_one(OptionList)
        option = options.highlighted_option
        ident = option.id if option else ""
        if ident and ident.startswith("file:"):
            path = Path(ident.removeprefix("file:"))
            meta = next((i.meta for i in self.listings if i.path == path and i.meta), None)
            if meta and meta.case_code.strip():
                self.open_case(self.folder, meta.case_code)
                return

        def chosen(code: str | None) -> None:
            if code:
                self.open_case(self.folder, code)

        self.app.push_screen(localized(CaseChoice)(cases_in(self.listings), self.folder), chosen)

    def open_case(self, folder: Path, code: str) -> None:
        from .case_view import CaseScreen

        self.app.push_screen(localized(CaseScreen)(folder, code))


# Problems with the file itself, not with what it says (store/errors.py keys).
NOT_ITS_WORDS = frozenset({"not_found", "is_directory", "no_permission", "unreadable"})


class LoadErrorScreen(Screen):
    """A file that cannot be opened: the same clear message as `retro-tui check`."""

    DEFAULT_CSS = """
    LoadErrorScreen { align: center middle; }
    LoadErrorScreen > Vertical { width: 90%; max-width: 110; height: auto; border: round $error; padding: 1 2; }
    """
    KEYS = [PALETTE, Key("escape,q", "app.quit", "key.quit", id="quit")]

    def __init__(self, error: SessionError):
        super().__init__()
        self.error = error

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            # The file's name where it is always whole: the message under it starts with
            # the full path, which a deep folder folds across lines.
            box.border_title = Text(t("load_error.title", name=printable(self.error.path.name)))
            yield Static(Text(self.error.message()))
            # "Fix it in a text editor" is for what a file says, not for a file that is
            # not there, is a folder, or may not be read.
            if self.error.first.key not in NOT_ITS_WORDS:
                yield Static(Text(t("load_error.untouched"), style="dim"))
        yield Footer()
