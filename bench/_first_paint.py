"""Child process for bench/startup.py: start an app headless, exit once it has painted."""

import sys


async def exit_when_painted(pilot) -> None:
    await pilot.pause()  # waits until the app is idle: the first screen is composed and drawn
    pilot.app.exit()


def bare() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Label

    class Bare(App):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Label("retro-tui")
            yield Footer()

    Bare().run(headless=True, size=(100, 30), auto_pilot=exit_when_painted)


def session(path: str) -> None:
    from pathlib import Path

    from retro_tui.ui.app import RetroApp
    from retro_tui.ui.keys import localized

    app = localized(RetroApp)(Path(path).parent, Path(path))
    app.run(headless=True, size=(100, 30), auto_pilot=exit_when_painted)


if __name__ == "__main__":
    bare() if sys.argv[1] == "bare" else session(sys.argv[2])
