"""A case's state on a plain terminal (rich, no Textual): `retro-tui case CODE`."""

from __future__ import annotations

from rich.console import Console
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
        for line in section.lines:
            console.print(Text("  " + printable(line)))
