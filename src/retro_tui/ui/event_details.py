"""The selected moment's details under the timeline, in a box of fixed size.

Its size never follows its text, so showing another event repaints this box alone
instead of laying out the whole screen on every arrow key. What does not fit ends in a
line that says where the rest is (the event form)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual.widget import Widget

from ..i18n import t


class EventDetails(Widget):
    DEFAULT_CSS = "EventDetails { height: 1fr; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._content: RenderableType = Text("")

    def show(self, content: RenderableType) -> None:
        self._content = content
        self.refresh()

    def render(self) -> RenderableType:
        width, height = self.content_size.width, self.content_size.height
        if width <= 0 or height <= 0:
            return Text("")
        console = self.app.console
        lines = console.render_lines(self._content, console.options.update(width=width, height=None), pad=False)
        if len(lines) <= height:
            return self._content
        kept = [Text.assemble(*((s.text, s.style or "") for s in line)) for line in lines[: height - 1]]
        return Group(*kept, Text(t("timeline.details_more"), style="dim italic", overflow="ellipsis", no_wrap=True))
