"""The selected moment's details under the timeline, in a box of fixed size.

Its size never follows its text, so showing another event repaints this box alone
instead of laying out the whole screen on every arrow key. What does not fit ends in a
line that says where the rest is (the event form).

The text is rendered once per event and width, straight into the box's lines: handed to
Textual as a renderable it was rendered twice on every arrow key (once to see whether
it fits, once to draw it)."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text
from textual.strip import Strip
from textual.widget import Widget

from ..i18n import t


class EventDetails(Widget):
    DEFAULT_CSS = "EventDetails { height: 1fr; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._content: RenderableType = Text("")
        self._lines: list[Strip] = []
        self._drawn_for: tuple | None = None  # (width, style) of _lines
        self._cut: tuple[int, list[Strip]] | None = None  # _lines cut to a height, "more" last

    def show(self, content: RenderableType) -> None:
        self._content = content
        self._drawn_for = None
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn_for = None

    def _drawn(self) -> list[Strip]:
        """The lines for this width, drawn once; a box that only changes height (quick
        add opening below it) cuts them again."""
        width, height = self.content_size.width, self.content_size.height
        style = self.rich_style
        if self._drawn_for != (width, style):
            self._drawn_for = (width, style)
            self._lines = self._draw(width, style) if width > 0 else []
            self._cut = None
        if len(self._lines) <= height:
            return self._lines
        if self._cut is None or self._cut[0] != height:
            console = self.app.console
            more = Text(t("timeline.details_more"), style="dim italic", overflow="ellipsis", no_wrap=True)
            last = console.render_lines(more, console.options.update(width=width, height=None), style=style, pad=False)[0]
            lines = [*self._lines[: height - 1], Strip(last).extend_cell_length(width, style).simplify()]
            self._cut = (height, lines[:height])
        return self._cut[1]

    def _draw(self, width: int, style) -> list[Strip]:
        console = self.app.console
        lines = console.render_lines(self._content, console.options.update(width=width, height=None), style=style, pad=False)
        return [Strip(line).extend_cell_length(width, style).simplify() for line in lines]

    def render_line(self, y: int) -> Strip:
        lines = self._drawn()
        return lines[y] if y < len(lines) else Strip.blank(self.content_size.width, self.rich_style)
