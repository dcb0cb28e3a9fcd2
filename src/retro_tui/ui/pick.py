"""Pick one item from a list (a person to follow on the timeline): type to narrow it,
Enter to choose, Esc to leave it as it was."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ..i18n import t
from .keys import Key
from .quiet_focus import QuietFocusModal


class PickOne(QuietFocusModal[Any]):
    DEFAULT_CSS = """
    PickOne { align: center middle; }
    PickOne > Vertical { width: 60; max-width: 95%; height: auto; max-height: 90%;
        border: round $accent; background: $surface; padding: 0 1; }
    PickOne .pick-title { text-style: bold; }
    PickOne OptionList { height: auto; max-height: 14; }
    """
    AUTO_FOCUS = "Input"
    KEYS = [Key("escape", "cancel", "key.cancel", id="cancel"), Key("down", "to_list", "key.choose", show=False, id="to_list")]

    def __init__(self, title: str, options: Sequence[tuple[str, Any]]):
        super().__init__()
        self.title_text = title
        self.options = list(options)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, classes="pick-title")
            yield Input(placeholder=t("form.search"))
            yield OptionList(*self._options(""))

    def _options(self, words: str) -> list[Option]:
        wanted = words.casefold().split()
        found = [(i, text) for i, (text, _) in enumerate(self.options) if all(w in text.casefold() for w in wanted)]
        if wanted:
            # A name that starts with what was typed comes before one that only mentions it.
            found.sort(key=lambda item: not item[1].casefold().startswith(wanted[0]))
        return [Option(text, id=str(i)) for i, text in found]

    def on_input_changed(self, event: Input.Changed) -> None:
        listing = self.query_one(OptionList)
        listing.clear_options()
        listing.add_options(self._options(event.value))
        listing.highlighted = 0 if listing.option_count else None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        listing = self.query_one(OptionList)
        if listing.option_count:
            self._choose(listing.get_option_at_index(listing.highlighted or 0).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id)

    def _choose(self, option_id: str | None) -> None:
        if option_id is not None:
            self.dismiss(self.options[int(option_id)][1])

    def action_to_list(self) -> None:
        self.query_one(OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
