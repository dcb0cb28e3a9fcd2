"""The app: wires the screens together and owns nothing but the open session."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

from textual.app import App

from ..i18n import current_language, set_language, t
from ..model import Session
from ..store import SessionError, copy_example, create, load
from .commands import SessionCommands
from .help import HelpScreen
from .keys import Key, localized
from .opening import LoadErrorScreen, OpeningScreen, TitlePrompt
from .session_screen import SessionScreen, guidance


class RetroApp(App):
    TITLE = "retro-tui"
    COMMANDS = App.COMMANDS | {SessionCommands}
    KEYS = [
        Key("f1", "help", "key.help", show=False, id="help"),
        Key("ctrl+q", "quit", "key.quit", show=False, priority=True, id="quit"),
    ]

    def __init__(
        self,
        folder: Path,
        path: Path | None = None,
        follow_session_language: bool = True,
        session: Session | None = None,
    ):
        super().__init__()
        self.folder = folder
        self.start_path = path
        self.start_session = session  # already loaded by the command line: not read twice
        self.follow_session_language = follow_session_language

    def on_mount(self) -> None:
        for sig in (signal.SIGHUP, signal.SIGTERM):
            # A closed terminal or a kill: save what is typed, then stop.
            try:
                asyncio.get_running_loop().add_signal_handler(sig, self.exit)
            except (NotImplementedError, RuntimeError, ValueError):
                pass  # not the main thread (tests) or no such signal here
        if self.start_path is not None:
            self.open_session(self.start_path, replace=False, session=self.start_session)
        else:
            self.push_screen(localized(OpeningScreen)(self.folder))

    def open_session(self, path: Path, replace: bool = True, session: Session | None = None) -> None:
        if session is None:
            try:
                session = load(path)
            except SessionError as error:
                self.push_screen(localized(LoadErrorScreen)(error))
                return
        if self.follow_session_language:
            set_language(session.session.language)
        screen = localized(SessionScreen)(session, path)
        if replace and len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def action_new_session(self) -> None:
        def titled(title: str | None) -> None:
            if title is not None:
                path, _ = create(self.folder, title, current_language())
                self.open_session(path)

        self.push_screen(localized(TitlePrompt)(), titled)

    def action_open_example(self) -> None:
        self.open_session(copy_example(self.folder))

    def action_help(self) -> None:
        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        step = guidance(screen.current) if isinstance(screen, SessionScreen) else None
        self.push_screen(localized(HelpScreen)(screen, step))

    def action_switch_language(self) -> None:
        set_language("en" if current_language() == "nl" else "nl")
        screen = self.screen
        if isinstance(screen, SessionScreen):
            # The old screen saves as it goes (SessionScreen.on_unmount).
            self.switch_screen(localized(SessionScreen)(screen.session, screen.path))
        elif isinstance(screen, OpeningScreen):
            self.switch_screen(localized(OpeningScreen)(self.folder))
        self.notify(t("language.switched"), timeout=2)



def run(
    folder: Path,
    path: Path | None = None,
    follow_session_language: bool = True,
    session: Session | None = None,
) -> None:
    localized(RetroApp)(folder, path, follow_session_language, session).run()
