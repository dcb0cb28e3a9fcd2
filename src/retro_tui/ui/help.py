"""F1: the keys that work right now (read from the live bindings, never typed twice),
the kind of session, the current step's guidance and the facilitator's aids from work
card 1."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ..i18n import current_language, t
from ..method import facilitator_aids
from .keys import Key


def keys_table(screen: Screen) -> Table:
    table = Table(show_header=False, box=None, padding=(0, 2))
    seen = set()
    for _key, active in screen.active_bindings.items():
        binding = active.binding
        # Only our own keys: they are declared as KEYS, each with its label's i18n key,
        # said in the language of now. The binding's own words are those of the
        # language its class was made in: the app's, after F4, the one it started in.
        ours = {k.action: k.label for k in getattr(type(active.node), "KEYS", [])}
        if binding.action not in ours:
            continue
        said = t(ours[binding.action])
        if (binding.action, said) in seen:
            continue
        seen.add((binding.action, said))
        table.add_row(Text(screen.app.get_key_display(binding), style="bold cyan"), said)
    return table


def aids_text() -> Group:
    aids = facilitator_aids(current_language())
    parts = [Text(t("help.helping_questions"), style="bold")]
    parts += [Text(f"• {q}") for q in aids["helping_questions"]]
    parts += [Text(""), Text(t("help.values"), style="bold")]
    parts += [Text(f"• {v}") for v in aids["values"]]
    parts += [Text(""), Text(t("help.parallel_patterns"), style="bold"), Text(aids["parallel_patterns"])]
    parts += [Text(""), Text(t("help.perspective_switch"), style="bold"), Text(aids["perspective_switch"])]
    return Group(*parts)


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 95%; max-width: 110; height: 90%; border: round $accent;
        background: $surface; padding: 0 1; }
    HelpScreen .help-heading { text-style: bold; color: $accent; margin-top: 1; }
    """
    KEYS = [Key("escape,f1,q", "close", "key.close", id="close")]

    def __init__(self, below: Screen, guidance: Group | None):
        super().__init__()
        self.below = below
        self.guidance = guidance

    def compose(self) -> ComposeResult:
        with VerticalScroll() as box:
            box.border_title = t("help.title")
            yield Static(t("help.keys"), classes="help-heading")
            yield Static(keys_table(self.below))
            yield Static(t("help.palette"), classes="help-heading")
            kind = getattr(self.below, "kind", None)  # a session host's kind of session
            if kind is not None:
                about = kind.in_language(current_language())
                yield Static(about.name, classes="help-heading")
                yield Static(about.about)
            if self.guidance is not None:
                yield Static(t("help.this_step"), classes="help-heading")
                yield Static(self.guidance)
            yield Static(t("help.aids"), classes="help-heading")
            yield Static(aids_text())

    def action_close(self) -> None:
        self.dismiss(None)
