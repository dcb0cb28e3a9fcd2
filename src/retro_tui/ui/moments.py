"""Step 5 links insights to moments on the timeline itself: the whole case zoomed out,
the crucial moments standing out, space to link or unlink the selected moment."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ..i18n import label, t
from .keys import Key, localized
from .timeline_view import GLYPH, TimelineView


class MomentPicker(ModalScreen[list[str] | None]):
    DEFAULT_CSS = """
    MomentPicker { align: center middle; }
    MomentPicker > Vertical { width: 95%; height: 90%; border: round $accent; background: $surface;
        padding: 0 1; }
    MomentPicker .picker-title { text-style: bold; }
    MomentPicker TimelineView { height: 1fr; }
    MomentPicker #moment { height: 3; }
    MomentPicker .picker-keys { color: $text-muted; height: auto; }
    """
    KEYS = [
        Key("space", "toggle", "moments.key_toggle"),
        Key("asterisk", "crucial_only", "timeline.key_crucial_only"),
        Key("left", "step(-1)", "timeline.key_previous", show=False),
        Key("right", "step(1)", "timeline.key_next", show=False),
        Key("up", "lane('professionals')", "timeline.key_up", show=False),
        Key("down", "lane('family')", "timeline.key_down", show=False),
        Key("plus,equals_sign", "zoom(1)", "timeline.key_zoom_in", show=False),
        Key("minus", "zoom(-1)", "timeline.key_zoom_out", show=False),
        Key("enter,ctrl+s", "done", "key.save_form", priority=True),
        Key("escape", "cancel", "key.cancel"),
    ]

    def __init__(self, session, linked: list[str], what: str):
        super().__init__()
        self.session = session
        self.linked = list(linked)
        self.first_linked = list(linked)
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("moments.title", what=self.what), classes="picker-title")
            view = localized(TimelineView)(self.session)
            view.mark(self.linked)
            yield view
            yield Static(id="moment")
            yield Static(t("moments.keys"), classes="picker-keys")

    def on_mount(self) -> None:
        view = self.query_one(TimelineView)
        # Crucial moments first: they are what step 5 looks back on.
        crucial = [e for e in view.shown if e.crucial]
        if crucial:
            view.select(crucial[0])
        view.focus()

    @property
    def view(self) -> TimelineView:
        return self.query_one(TimelineView)

    def on_timeline_view_selected(self, message: TimelineView.Selected) -> None:
        event = message.event
        if event is None:
            self.query_one("#moment", Static).update("")
            return
        mark = "✓ " if event.id in self.linked else "  "
        self.query_one("#moment", Static).update(Text.assemble(
            (mark, "bold green"), ("★ " if event.crucial else "", "bold yellow"),
            f"{GLYPH[event.kind]} {event.date_label or event.date}  ", (event.title, "bold"),
            (f"  · {label(event.kind)} · {label(event.lane)}", "dim"),
        ))

    def action_toggle(self) -> None:  # type: ignore[override]  # Textual's own toggle(attribute) is not used here
        event = self.view.selected
        if event is None:
            return
        if event.id in self.linked:
            self.linked.remove(event.id)
        else:
            self.linked.append(event.id)
        self.view.mark(self.linked)
        self.on_timeline_view_selected(TimelineView.Selected(self.view, event))

    def action_crucial_only(self) -> None:
        view = self.view
        view.filter = replace(view.filter, crucial=not view.filter.crucial)
        view.reload()

    def action_step(self, delta: int) -> None:
        self.view.step(delta)

    def action_lane(self, lane: str) -> None:
        from ..model.enums import Lane

        self.view.other_lane(Lane(lane))

    def action_zoom(self, delta: int) -> None:
        self.view.set_zoom(self.view.zoom + delta)

    def action_done(self) -> None:
        self.dismiss(self.linked)

    def action_cancel(self) -> None:
        from .confirm import unless_kept

        unless_kept(self, self.linked != self.first_linked, lambda: self.dismiss(None))
