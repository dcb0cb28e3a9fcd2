"""The latest quotes, newest first, one line each: the facilitator sees the notetaker's
words come in, and the notetaker sees what was caught already."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from ..i18n import t

if TYPE_CHECKING:  # the screen paints before the models are imported
    from ..model import Session


class RecentQuotes(Static):
    DEFAULT_CSS = """
    RecentQuotes { height: auto; border: round $secondary 50%; padding: 0 1;
        text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, session: Session | None, count: int, *, id: str | None = None, hide_empty: bool = True):
        super().__init__(id=id)
        self.session = session
        self.count = count
        self.hide_empty = hide_empty
        self.step: str | None = None  # a step id of the session's kind

    def show(self, session: Session, step: str | None) -> None:
        """The quotes of one step (or of all steps: None)."""
        from .. import operations as ops

        self.session, self.step = session, step
        quotes = [q for q in session.quotes if step is None or q.step == step][-self.count:]
        self.border_title = t("side.quotes", count=sum(1 for q in session.quotes if step is None or q.step == step))
        self.display = bool(quotes) or not self.hide_empty
        lines = []
        for quote in reversed(quotes):
            who = ops.short_name(session, quote.speaker_id) if quote.speaker_id else quote.speaker
            lines.append(Text.assemble((quote.time.strftime("%H:%M "), "dim"), (f"{who}: " if who else "", "bold"), quote.text))
        shown = Text("\n").join(lines) if lines else Text(t("side.no_quotes"), style="dim italic")
        shown.no_wrap, shown.overflow = True, "ellipsis"  # one line a quote: the latest stay in view
        self.update(shown)
