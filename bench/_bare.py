"""The baseline for the benches: a bare Textual app started as a console command, with
a label (for first paint) or one TextArea (for keys). Run as `python bench/_bare.py
[label|textarea]`."""

import sys

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Label, TextArea


class Bare(App):
    def compose(self) -> ComposeResult:
        yield Header()
        if sys.argv[1:] == ["textarea"]:
            yield TextArea()
        else:
            yield Label("bare-app-ready")
        yield Footer()


if __name__ == "__main__":
    Bare().run()
