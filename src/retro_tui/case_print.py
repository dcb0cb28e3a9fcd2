"""A case's state on a plain terminal (rich, no Textual): `retro-tui case CODE`."""

from __future__ import annotations

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from .case.describe import describe
from .case.state import CaseState
from .i18n import current_language, t
from .printable import printable


def print_case(state: CaseState, console: Console | None = None) -> None:
    console = console or Console()
    console.print(Text(printable(t("case.heading", code=state.case.code)), style="bold"))
    for section in describe(state, current_language()):
        console.print()
        console.print(Text(printable(section.title), style="bold"))
        for entry in section.lines:
            for line in entry.split("\n"):
                # A long line wraps under itself, not under the section's title.
                text = printable(line)
                indent = 2 + len(text) - len(text.lstrip(" "))
                console.print(Padding(Text(text.lstrip(" ")), (0, 0, 0, indent), expand=False))
