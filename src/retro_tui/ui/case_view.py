"""A case in the app: its sessions in time order (Enter opens one), where it stands
(the same sections as `retro-tui case`, case/describe.py) and a key to start its next
session, pre-filled as `retro-tui new --kind --case` does (case/start.py)."""

from __future__ import annotations

from pathlib import Path

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ..i18n import current_language, t
from .keys import PALETTE, Key, localized


class CaseScreen(Screen):
    DEFAULT_CSS = """
    CaseScreen > Vertical { padding: 0 1; }
    CaseScreen #case-head { height: auto; text-style: bold; }
    CaseScreen #case-sessions { height: auto; max-height: 9; text-wrap: nowrap; text-overflow: ellipsis; }
    CaseScreen #case-state { height: 1fr; }
    """
    KEYS = [
        PALETTE,
        Key("n", "next_session", "case_view.key_new", id="case_next_session"),
        Key("r", "read", "case_view.key_refresh", id="case_read"),
        Key("escape,q", "close", "case_view.key_close", id="case_close"),
        Key("f1", "app.help", "key.help", id="help"),
    ]

    def __init__(self, folder: Path, code: str):
        super().__init__()
        self.folder = Path(folder)
        self.code = code
        self.state = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("case_view.title", code=self.code), id="case-head")
            sessions = OptionList(id="case-sessions")
            sessions.border_title = t("case_view.sessions")
            yield sessions
            with VerticalScroll(id="case-state"):
                yield Static(id="case-state-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#case-sessions", OptionList).focus()
        self.read()

    def on_screen_suspend(self) -> None:
        self.away = True

    def on_screen_resume(self) -> None:
        # Back from a session of the case (or a new one): read it as it is now.
        if getattr(self, "away", False):
            self.away = False
            self.read()

    def read(self) -> None:
        def read_in_thread() -> None:
            # Every session of the case is parsed: off the UI thread.
            from ..case.collect import CaseError, collect
            from ..case.state import case_state

            try:
                state = case_state(collect(self.folder, self.code))
            except CaseError as error:
                self.app.call_from_thread(self.failed, error.message())
                return
            self.app.call_from_thread(self.show, state)

        # Its own group: a newer read replaces an older one, never a session being started.
        self.run_worker(read_in_thread, thread=True, exclusive=True, group="case-read", exit_on_error=False)

    def failed(self, message: str) -> None:
        self.query_one("#case-state-text", Static).update(Text(message))

    def show(self, state) -> None:
        from ..case.describe import describe, session_line

        lang = current_language()
        self.state = state
        self.code = state.case.code
        options = self.query_one("#case-sessions", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options([
            Option(Text(session_line(item, lang)), id=str(item.path))
            for item in state.case.sessions
        ])
        options.highlighted = min(highlighted, options.option_count - 1) if highlighted is not None else 0
        sections = describe(state, lang)[1:]  # the sessions are the list above
        unreadable = [t("case.unreadable", file=p.name, reason=(r.strip().splitlines() or [""])[0])
                      for p, r in state.case.unreadable]
        parts: list = [Text(line, style="red") for line in unreadable]
        for section in sections:
            parts += [Text(section.title, style="bold"), *(Text("  " + line) for line in section.lines), Text("")]
        self.query_one("#case-state-text", Static).update(Group(*parts))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.open_session(Path(event.option.id), replace=False)  # type: ignore[attr-defined]

    def action_read(self) -> None:
        self.read()

    def action_next_session(self) -> None:
        def chosen(kind: str | None) -> None:
            if kind:
                self.start(kind)

        self.app.push_screen(localized(KindChoice)(self.code), chosen)

    def start(self, kind: str) -> None:
        def start_in_thread() -> None:
            from ..case.collect import CaseError
            from ..case.start import start_next
            from ..store import SessionError

            try:
                started = start_next(self.folder, self.code, kind)
            except (CaseError, SessionError) as error:
                self.app.call_from_thread(self.app.notify, error.message(), severity="error", timeout=8)
                return
            self.app.call_from_thread(self.started, started)

        self.run_worker(start_in_thread, thread=True, group="case-start", exit_on_error=False)

    def started(self, started) -> None:
        self.notify(started.said(current_language()), timeout=4)
        self.read()
        self.app.open_session(started.path, replace=False)  # type: ignore[attr-defined]

    def action_close(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.dismiss()
        else:
            self.app.exit()


class KindChoice(ModalScreen[str | None]):
    """Which session comes next: a prospective analysis, a meeting or an evaluation."""

    DEFAULT_CSS = """
    KindChoice { align: center middle; }
    KindChoice > Vertical { width: 90%; max-width: 90; height: auto; max-height: 90%; border: round $accent;
                            background: $surface; padding: 0 1; }
    KindChoice Static { height: auto; color: $text-muted; }
    KindChoice OptionList { height: auto; }
    """
    KEYS = [
        PALETTE,
        Key("escape", "cancel", "key.cancel", id="cancel"),
        Key("f1", "app.help", "key.help", id="help"),
    ]

    def __init__(self, code: str):
        super().__init__()
        self.code = code

    def compose(self) -> ComposeResult:
        from ..case import FOLLOW_UPS
        from ..method import kind

        lang = current_language()
        with Vertical() as box:
            box.border_title = t("case_view.choose_kind", code=self.code)
            yield Static(t("case_view.choose_hint"))
            yield OptionList(*(
                Option(Text.assemble((kind(k).in_language(lang).name, "bold"), "\n", kind(k).in_language(lang).about), id=k)
                for k in FOLLOW_UPS
            ))

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class CaseChoice(ModalScreen[str | None]):
    """The cases in the sessions folder: each case code with its number of sessions."""

    DEFAULT_CSS = """
    CaseChoice { align: center middle; }
    CaseChoice > Vertical { width: 90%; max-width: 90; height: auto; max-height: 90%; border: round $accent;
                            background: $surface; padding: 0 1; }
    CaseChoice OptionList { height: auto; max-height: 16; }
    """
    KEYS = [
        PALETTE,
        Key("escape", "cancel", "key.cancel", id="cancel"),
        Key("f1", "app.help", "key.help", id="help"),
    ]

    def __init__(self, cases: dict[str, int], folder: Path):
        super().__init__()
        self.cases = cases
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = t("case_view.choose_case")
            if self.cases:
                yield OptionList(*(Option(Text.assemble((code, "bold"), ("  " + t("case.sessions_count", count=count), "dim")), id=code)
                                   for code, count in self.cases.items()))
            else:
                yield Static(t("case_view.no_cases", folder=self.folder))

    def on_mount(self) -> None:
        for options in self.query(OptionList):
            options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


def cases_in(listings) -> dict[str, int]:
    from ..case.collect import cases_in as counted

    return counted(listings)
