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


def print_cases(folder, listings, console: Console | None = None) -> None:
    """The case codes in a sessions folder, each with its number of sessions."""
    from .case.collect import cases_in

    console = console or Console()
    found = cases_in(listings)
    if not found:
        console.print(Text(printable(t("case.none_in", folder=folder))))
        return
    console.print(Text(printable(t("case.cases_in", folder=folder)), style="bold"))
    for code, count in found.items():
        console.print(Text(printable(f"  {code}  ") + t("case.sessions_count", count=count)))
