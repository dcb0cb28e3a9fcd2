"""The evaluation's own pane: side by side or opposite, asked again, with what the
group answered in the retrospective beside it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from ..i18n import label, t
from .panes import RelatePane


class RelateAgainPane(RelatePane):
    DEFAULT_CSS = """
    RelateAgainPane #earlier-sense { margin-bottom: 1; }
    """
    REMARKS = ()

    def beside_group(self) -> ComposeResult:
        yield Static(self._earlier(), id="earlier-sense")

    def _earlier(self) -> Text:
        # A copy of the retrospective's answer, not asked here: it is shown, not edited.
        earlier = self.session.evaluation.earlier_sense
        said = label(earlier) if earlier is not None else t("panes.earlier_unknown")
        return Text.assemble((t("panes.earlier_sense"), "bold"), " ", (said, "" if earlier else "dim italic"))

    def others_saved(self) -> None:
        super().others_saved()
        self.query_one("#earlier-sense", Static).update(self._earlier())
