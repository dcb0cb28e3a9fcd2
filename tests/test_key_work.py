"""What a key on the timeline costs: nothing on its path that grows with the session or
with the screen when what it changes is small. Counted, not timed: how often the footer
is rebuilt, which lines of the view are drawn again, which events are laid out again."""

from __future__ import annotations

from textual.widgets import Footer

from apphelpers import burst, opened, visible_text
from retro_tui.model import StepId
from retro_tui.ui.app import RetroApp
from retro_tui.ui.keys import localized
from retro_tui.ui.timeline_view import TimelineView


async def on_timeline(pilot) -> TimelineView:
    await opened(pilot)
    pilot.app.screen.go_to(StepId.timeline)
    await pilot.pause()
    view = pilot.app.screen.query_one("#pane-timeline TimelineView", TimelineView)
    assert pilot.app.focused is view
    return view


def footer_text(app) -> str:
    return [line for line in visible_text(app).splitlines() if line.strip()][-1]


async def test_the_footer_is_rebuilt_only_when_its_keys_change(tmp_path, example_copy, monkeypatch):
    """Moving through the timeline leaves the key bar as it is; opening quick add shows
    its own keys (one rebuild, not one per focus change and binding refresh), and
    closing it brings the timeline's keys back."""
    built = []
    compose = Footer.compose
    monkeypatch.setattr(Footer, "compose", lambda self: built.append(1) or compose(self))
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await on_timeline(pilot)
        before = footer_text(app)
        second = view.shown[view.shown.index(view.selected) + 1]
        built.clear()
        await burst(pilot, "right", "right", "left", "+", "-", "z", "z")
        app.screen.refresh_bindings()  # what a step's own code does after a change
        await pilot.pause()
        assert built == []
        assert footer_text(app) == before and "Cruciaal" in before
        assert view.selected is second  # the keys did reach the view
        await burst(pilot, "a")
        assert len(built) == 1
        assert "Annuleren" in footer_text(app) and "Cruciaal" not in footer_text(app)
        await burst(pilot, "escape")
        assert len(built) == 2
        assert footer_text(app) == before
