"""The key bar at the bottom: the screen's keys on one line, drawn by the bar itself.

Textual's Footer is a row of widgets, one per key, removed and mounted again whenever
the screen's bindings may have changed. When the keys shown do change (quick add
taking the keyboard shows Tab and Esc instead of the timeline's letters, and Enter
brings those back) that is a mount of eight widgets, their styles worked out, and a
layout of the whole screen, which then draws every widget again: 20 ms of CPU on the
big session, twice per quick-add line, and in the way of the first letters typed.
This bar is one widget of a fixed size: its keys changing draws one line."""

from __future__ import annotations

from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class _Shown(NamedTuple):
    key: str  # what a click on it presses
    display: str
    description: str
    enabled: bool


class KeyBar(Footer):
    """Looks as Textual's compact footer does: each key in the key colour, its words
    after a space, a space between keys, and the palette key on the right, set off by
    a thin line. (Keys do not light up under the mouse; a click presses them.)"""

    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--edge"}
    DEFAULT_CSS = """
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyBar > .key-bar--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    KeyBar > .key-bar--edge { color: $foreground 20%; }
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple[tuple[_Shown, ...], _Shown | None] | None = None
        self._update_due = False
        self._spans: list[tuple[int, int, _Shown]] = []  # where each key was drawn

    def compose(self) -> ComposeResult:
        yield from ()

    def _keys_shown(self, screen: Screen) -> tuple[tuple[_Shown, ...], _Shown | None]:
        """The keys to show now, and the palette key when it is shown."""
        app = screen.app
        keys: list[_Shown] = []
        palette = None
        seen_actions: set[str] = set()
        for key, (_, binding, enabled, _tooltip) in screen.active_bindings.items():
            shown = _Shown(key, app.get_key_display(binding), binding.description, enabled)
            if key == app.COMMAND_PALETTE_BINDING:
                palette = shown
            elif binding.show and binding.action not in seen_actions:
                # One key per action, as the footer shows them (its first key).
                seen_actions.add(binding.action)
                keys.append(shown)
        show_palette = self.show_command_palette and app.ENABLE_COMMAND_PALETTE
        return tuple(keys), palette if show_palette else None

    def bindings_changed(self, screen: Screen) -> None:
        # Said twice per focus change, once before the focus change's frame: looked at
        # once, after that frame.
        if not (screen.app.app_focus and self.is_attached and screen is self.screen) or self._update_due:
            return
        self._update_due = True
        self.call_after_refresh(self._update)

    def _update(self) -> None:
        self._update_due = False
        if not self.is_attached:
            return
        shown = self._keys_shown(self.screen)
        if shown != self._shown:
            self._shown = shown
            self.refresh()

    def watch_show_command_palette(self) -> None:
        self._shown = None
        self.refresh()

    def render(self) -> Text:
        if self._shown is None:
            self._shown = self._keys_shown(self.screen)
        keys, palette = self._shown
        width = self.size.width
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        base = self.rich_style

        def label(shown: _Shown) -> Text:
            words = Text.assemble((shown.display, key_style), *([(" " + shown.description, description_style)] if shown.description else []))
            words.stylize_before(base + (Style(dim=True) if not shown.enabled else Style()))
            return words

        # The palette key one cell in from the right edge, as the footer puts it.
        tail = Text.assemble(("▏", self.get_component_rich_style("key-bar--edge")), label(palette), " ") if palette else Text()
        line = Text()
        self._spans = []
        room = width - tail.cell_len
        for shown in keys:
            words = label(shown)
            gap = " " if line else ""
            if line.cell_len + len(gap) + words.cell_len > room:
                break
            line.append(gap)
            self._spans.append((line.cell_len, line.cell_len + words.cell_len, shown))
            line.append_text(words)
        if palette is not None:
            line.append(" " * max(0, room - line.cell_len))
            self._spans.append((line.cell_len + 1, line.cell_len + tail.cell_len - 1, palette))
            line.append_text(tail)
        return line

    def on_mouse_down(self, event: events.MouseDown) -> None:
        for start, end, shown in self._spans:
            if start <= event.x < end:
                if shown.enabled:
                    self.app.simulate_key(shown.key)
                else:
                    self.app.bell()
                return
