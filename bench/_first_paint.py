"""Child process for bench/startup.py: start an app headless and exit at its first frame.

Both apps exit on Textual's Ready event, which is sent once the first frame has been
drawn. For retro-tui the harness also checks that this frame shows the session.
"""

import sys


def bare() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Label

    class Bare(App):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Label("retro-tui")
            yield Footer()

        def on_ready(self) -> None:
            self.exit()

    Bare().run(headless=True, size=(100, 30))


def session(path: str) -> None:
    """Exit at the first frame, or with --filled once the steps' lists are built too."""
    from pathlib import Path

    from retro_tui.ui.app import RetroApp
    from retro_tui.ui.keys import localized

    check = "--check" in sys.argv
    filled = "--filled" in sys.argv
    shown: list[str] = []

    class Timed(localized(RetroApp)):
        def on_ready(self) -> None:
            if filled:
                super().on_ready()
                self.set_interval(0.001, self._when_filled)
                return
            if check:  # not in timed runs: a screenshot costs time of its own
                shown.append(self.export_screenshot())
            self.exit()

        def _when_filled(self) -> None:
            if self.screen.ready.is_set() and not self.closing:
                self.closing = True
                self.call_after_refresh(self._painted)  # on the screen, not only built

        def _painted(self) -> None:
            if check:
                shown.append(self.export_screenshot())
            self.exit()

    Timed(Path(path).parent, Path(path)).run(headless=True, size=(100, 30))
    # The title and the questions on the first frame; a participant once filled.
    expected = "Vonk" if filled else "Akkerman"
    if check and expected not in shown[0]:
        raise SystemExit(f"the frame did not show {expected!r}")


if __name__ == "__main__":
    bare() if sys.argv[1] == "bare" else session(sys.argv[2])
