"""The key bar at the bottom, rebuilt only when the keys it shows change.

Textual's Footer removes and mounts all its keys again whenever the screen says its
bindings may have changed: on every focus change, and on every `refresh_bindings`. On a
session screen that is a style pass and a layout of twenty keys, twice when quick add
opens, while what the bar shows is often the same as before."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyBar(Footer):
    """Footer's compact look, written as this bar's own rules instead of its `compact`
    switch: with the switch on, every key mounted sets a class on itself and has its
    styles worked out a second time."""

    DEFAULT_CSS = """
    KeyBar {
        FooterLabel { margin: 0; }
        FooterKey { margin-right: 1; }
        FooterKey.-grouped { margin: 0 1; }
        FooterKey.-command-palette { padding-right: 0; }
        FooterKey .footer-key--key { padding: 0; }
        FooterKey .footer-key--description { padding: 0 0 0 1; }
        KeyGroup { margin: 0 1 0 0; padding-left: 1; }
        KeyGroup FooterKey.-grouped { margin: 0; }
    }
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple | None = None

    def _keys_shown(self, screen: Screen) -> tuple:
        """What `Footer.compose` draws from: each shown key, its words and state."""
        app = screen.app
        keys = tuple(
            (key, binding.action, app.get_key_display(binding), binding.description, enabled, tooltip)
            for key, (_, binding, enabled, tooltip) in screen.active_bindings.items()
            if binding.show or key == app.COMMAND_PALETTE_BINDING
        )
        return keys, self.show_command_palette, self.compact

    def bindings_changed(self, screen: Screen) -> None:
        if not (screen.app.app_focus and self.is_attached and screen is self.screen):
            super().bindings_changed(screen)  # it only notes that the bindings are ready
            return
        shown = self._keys_shown(screen)
        if shown == self._shown:
            return
        self._shown = shown
        super().bindings_changed(screen)
