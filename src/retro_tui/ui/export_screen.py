"""The export screen: choose the formats, keep pseudonymising on (or switch it off on
purpose), see every possible identifier with where it is, fix or accept each, then
write the files. Nothing is sent: the files are for the user's own secure mail."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, SelectionList, Static

from ..i18n import t
from ..report.export import FORMATS, ExportIncomplete, IdentifiersFound, check, export, prepared
from .keys import Key

DEFAULT = ("md", "html", "docx", "eml", "ics", "intention")


class ExportScreen(ModalScreen[list[Path] | None]):
    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical { width: 90%; max-width: 110; height: 90%; border: round $accent;
        background: $surface; padding: 0 1; }
    ExportScreen .export-title { text-style: bold; }
    ExportScreen SelectionList { height: auto; max-height: 8; }
    ExportScreen #findings { height: 1fr; min-height: 3; border: round $warning 50%; }
    ExportScreen #pseudonymise { border: none; height: 1; padding: 0; }
    ExportScreen #findings-state { height: auto; }
    ExportScreen #export-buttons { height: 3; align-horizontal: right; }
    ExportScreen Button { margin-left: 1; }
    """
    KEYS = [
        Key("ctrl+s", "export", "export_screen.key_export", priority=True),
        Key("ctrl+a", "accept", "export_screen.key_accept"),
        Key("escape", "cancel", "key.cancel"),
    ]

    def __init__(self, session, path: Path):
        super().__init__()
        self.session = session
        self.path = path
        self.folder = path.parent / "exports"

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("export_screen.title"), classes="export-title")
            yield SelectionList(*((t(f"export_screen.format_{f}"), f, f in DEFAULT) for f in FORMATS), id="formats")
            yield Checkbox(t("export_screen.pseudonymise"), True, id="pseudonymise")
            yield Static(id="findings-state")
            yield SelectionList(id="findings")
            yield Static(t("export_screen.where", folder=self.folder), classes="dim")
            with Horizontal(id="export-buttons"):
                yield Button(t("form.cancel"), id="cancel")
                yield Button(t("export_screen.export"), id="export", variant="primary")

    def on_mount(self) -> None:
        self.refresh_findings()

    @property
    def pseudonymise(self) -> bool:
        return self.query_one("#pseudonymise", Checkbox).value

    def refresh_findings(self) -> None:
        """The identifiers in what would be written now, with their place."""
        formats = set(self.query_one("#formats", SelectionList).selected) or set(FORMATS)
        self.findings = check(prepared(self.session, self.pseudonymise), formats)
        listing = self.query_one("#findings", SelectionList)
        listing.clear_options()
        listing.add_options([
            (Text.assemble((t(f"export.kind_{f.kind}"), "bold"), f" '{f.text}'  ", (f.where, "dim")), f.fingerprint)
            for f in self.findings
        ])
        if listing.option_count:
            listing.highlighted = 0  # space ticks at once, without first moving
        state = self.query_one("#findings-state", Static)
        if self.findings:
            state.update(Text(t("export_screen.found", count=len(self.findings)), style="bold yellow"))
        else:
            state.update(Text(t("export_screen.clean"), style="green"))
        self.query_one("#export", Button).disabled = bool(self.findings)

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self.refresh_findings()

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        if event.selection_list.id == "formats":
            self.refresh_findings()

    def action_accept(self) -> None:
        """The ticked findings are accepted on purpose, and remembered in the session."""
        chosen = list(self.query_one("#findings", SelectionList).selected)
        if not chosen:
            self.notify(t("export_screen.tick_first"), timeout=3)
            return
        accepted = self.session.privacy.accepted
        accepted.extend(fp for fp in chosen if fp not in accepted)
        self.refresh_findings()

    def action_export(self) -> None:
        formats = set(self.query_one("#formats", SelectionList).selected)
        if not formats:
            self.notify(t("export_screen.no_format"), severity="warning")
            return
        try:
            written = export(self.session, self.path, self.folder, formats, pseudonymise=self.pseudonymise)
        except IdentifiersFound:
            self.refresh_findings()
            return
        except ExportIncomplete as incomplete:
            for kind, error in incomplete.failed.items():
                reason = str(error) or type(error).__name__
                self.app.notify(t("export.format_failed", path=self.path, format=kind, reason=reason), severity="error")
            written = incomplete.written
        self.dismiss(written)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_export() if event.button.id == "export" else self.action_cancel()
