"""Textual's own words (the command palette, its system commands, the theme search) in
the person's language, through Textual's public hooks: a palette subclass whose keys
carry our labels, its `placeholder`, and `App.get_system_commands`.

A drop-down's open list says "esc Dismiss menu" in the footer; `Choice` puts its own
escape key, in our words, in its place (a priority binding of an ancestor replaces a
plain one in the footer and handles the key first).

The palette's "No matches found" has no hook of its own: Textual adds it to the
palette's `CommandList` as the one option that is not a `Command`. The palette listens
to its own layout refreshes (the list grows by a line when it is added) and gives that
option our words, through `OptionList`'s public `replace_option_prompt_at_index`.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.align import Align
from rich.text import Text
from textual.app import App, SystemCommand
from textual.command import Command, CommandList, CommandPalette
from textual.screen import Screen
from textual.theme import ThemeProvider
from textual.widgets import Select

from ..i18n import t
from .keys import Key, localized


class Palette(CommandPalette):
    # The same keys and actions as Textual's, with our labels (a subclass's binding
    # for a key replaces the base class's).
    KEYS = [
        Key("ctrl+end,shift+end", "command_list('last')", "palette.last", show=False, id="palette_last"),
        Key("ctrl+home,shift+home", "command_list('first')", "palette.first", show=False, id="palette_first"),
        Key("down", "cursor_down", "palette.next", show=False, id="palette_next"),
        Key("escape", "escape", "palette.close", id="palette_close"),
        Key("pagedown", "command_list('page_down')", "palette.next_page", show=False, id="palette_next_page"),
        Key("pageup", "command_list('page_up')", "palette.previous_page", show=False, id="palette_previous_page"),
        Key("up", "command_list('cursor_up')", "palette.previous", show=False, id="palette_previous"),
    ]

    # Textual's "No matches found" is painted in the same turn it is added, before the
    # layout refresh tells us it is there: it stays transparent until it says our words.
    DEFAULT_CSS = """
    Palette CommandList > .option-list--option-disabled { color: transparent; }
    Palette.-nothing-found CommandList > .option-list--option-disabled { color: $text-disabled; }
    """

    def on_mount(self) -> None:
        self.screen_layout_refresh_signal.subscribe(self, self._say_nothing_found, immediate=True)

    def _say_nothing_found(self, _screen: Screen) -> None:
        found = self.query_one(CommandList)
        # Every hit is a `Command`; the one option that is not is the empty state.
        empty = found.option_count == 1 and not isinstance(found.get_option_at_index(0), Command)
        if empty:
            words = t("palette.no_matches")
            prompt = found.get_option_at_index(0).prompt
            # Only once: a new prompt refreshes the list, which would bring us back here.
            if not (isinstance(prompt, Align) and str(prompt.renderable) == words):
                # Textual's own look: centred, not bold, a line that cannot be chosen.
                found.replace_option_prompt_at_index(0, Align.center(Text(words, style="not bold")))
        self.set_class(empty, "-nothing-found")


class Choice(Select):
    """A drop-down whose open list closes with escape, said in the person's language."""

    KEYS = [Key("escape", "close_list", "palette.close_list", priority=True, id="close_list")]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close_list":
            return self.expanded  # closed, escape belongs to the form or the screen
        return True

    def action_close_list(self) -> None:
        self.expanded = False
        self.focus()


def choice(*args, **kwargs) -> Choice:
    return localized(Choice)(*args, **kwargs)


def open_palette(app: App) -> None:
    if app.use_command_palette and not CommandPalette.is_open(app):
        app.push_screen(localized(Palette)(placeholder=t("palette.search"), id="--command-palette"))


def open_theme_search(app: App) -> None:
    app.push_screen(localized(Palette)(providers=[ThemeProvider], placeholder=t("palette.search_themes")))


def quit_hint(app: App) -> None:
    """Textual's answer to ctrl+c (which copies rather than quits), in our words."""
    for active in app.active_bindings.values():
        if active.binding.action in ("quit", "app.quit"):
            app.notify(t("palette.quit_hint", key=app.get_key_display(active.binding)), title=t("palette.quit_hint_title"))
            return


def system_commands(app: App, screen: Screen) -> Iterable[SystemCommand]:
    """Textual's system commands in our words. No screenshot: it would write the
    family's case, unmasked, to the Downloads folder. No "Keys" panel: it lists
    Textual's widget keys in English; F1 shows the same keys in the person's words."""
    yield SystemCommand(t("palette.theme"), t("palette.theme_help"), app.action_change_theme)
    yield SystemCommand(t("palette.quit"), t("palette.quit_help"), app.action_quit)
    if screen.maximized is not None:
        yield SystemCommand(t("palette.minimize"), t("palette.minimize_help"), screen.action_minimize)
    elif screen.focused is not None and screen.focused.allow_maximize:
        yield SystemCommand(t("palette.maximize"), t("palette.maximize_help"), screen.action_maximize)
