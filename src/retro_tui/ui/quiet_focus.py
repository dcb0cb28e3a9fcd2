"""Screens whose focus moving draws again only what looks different.

Textual's `Screen.focused` is a reactive that repaints the whole screen whenever it
changes, on top of what the focus change itself redraws: the widget losing the focus
and the one getting it draw themselves again (`Widget._on_focus`/`_on_blur`), their
styles are worked out again for `:focus`, and the containers of a `:focus-within`
rule are restyled. On the timeline, `a` (the quick-add line taking the keyboard) and
its Enter (giving it back) each drew all 1,920 cells of an 80×24 screen where two
widgets changed: on the big session a quarter of `a`'s CPU before its frame (11.8 ms
to 8.5) and an eighth of Enter's (14.4 to 12.7).

The forms people type in (a modal over the dimmed session) did the same on every Tab:
the whole form and the dimmed session under it drawn again for two fields, half of a
Tab's CPU before its frame on the big session (record form 15.9 ms to 8.7, details
12.7 to 5.8, export 15.2 to 7.0)."""

from __future__ import annotations

from typing import TypeVar

from textual.reactive import Reactive
from textual.screen import ModalScreen, Screen
from textual.widget import Widget

Result = TypeVar("Result")


class QuietFocusScreen(Screen):
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)


class QuietFocusModal(ModalScreen[Result]):
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
