"""The export screen: choose the formats, keep pseudonymising on (or switch it off on
purpose), choose in the open what goes in (how many quotes exist and how many are
marked: all, the marked ones or none; check-in words only when ticked), see every
possible identifier with where it is, fix or accept each, then write the files. Nothing
is sent: the files are for the user's own secure mail."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.worker import Worker, WorkerState
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Checkbox, RadioButton, RadioSet, SelectionList, Static

from ..i18n import t
from ..report.document import QUOTE_CHOICES, Choices
from ..report.export import ExportIncomplete, IdentifiersFound, check, export, formats_for, prepared
from ..store.errors import SessionError
from .keys import Key
from .quiet_focus import QuietFocusModal

DEFAULT = ("md", "html", "docx", "pdf", "eml", "ics", "intention")


class ExportScreen(QuietFocusModal[list[Path] | None]):
    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    ExportScreen > Vertical { width: 90%; max-width: 110; height: 90%; border: round $accent;
        background: $surface; padding: 0 1; }
    ExportScreen .export-title { text-style: bold; }
    ExportScreen SelectionList { height: auto; max-height: 8; }
    ExportScreen #export-body { height: 1fr; }
    ExportScreen #findings { height: auto; min-height: 3; border: round $warning 50%; }
    ExportScreen #pseudonymise, ExportScreen #checkin-words { border: none; height: 1; padding: 0; }
    ExportScreen .export-hint { color: $text-muted; padding-left: 4; }
    ExportScreen #quotes { layout: horizontal; height: auto; border: none; padding: 0; }
    ExportScreen #quotes RadioButton { width: auto; margin-right: 2; }
    ExportScreen #findings-state { height: auto; }
    ExportScreen #export-buttons { height: 3; align-horizontal: right; }
    ExportScreen Button { margin-left: 1; }
    """
    KEYS = [
        Key("ctrl+s", "export", "export_screen.key_export", priority=True, id="export_write"),
        Key("ctrl+a", "accept", "export_screen.key_accept", id="accept_identifiers"),
        Key("escape", "cancel", "key.cancel", id="cancel"),
    ]

    def __init__(self, session, path: Path):
        super().__init__()
        self.session = session
        self.path = path
        self.folder = path.parent / "exports"

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("export_screen.title"), classes="export-title")
            # The choices scroll; the buttons stay in sight on an 80x24 terminal.
            with VerticalScroll(id="export-body", can_focus=False):
                # Only what the session's kind makes: minutes have no declaration.
                yield SelectionList(*((self._format_label(f), f, f in DEFAULT) for f in self.formats), id="formats")
                # A checkbox's label does not wrap: the short name there, what it does below.
                yield Checkbox(t("export_screen.pseudonymise"), True, id="pseudonymise")
                yield Static(t("export_screen.pseudonymise_hint"), classes="export-hint")
                quotes = self.session.quotes
                total, marked = len(quotes), sum(q.for_report for q in quotes)
                yield Static(t("export_screen.quotes_count", total=total, marked=marked), id="quotes-count")
                with RadioSet(id="quotes"):
                    for choice in ("all", "marked", "none"):
                        yield RadioButton(t(f"export_screen.quotes_{choice}", total=total, marked=marked),
                                          id=f"quotes-{choice}")
                # Offered only where someone's check-in words were noted (minutes note
                # a check-in per member, in the document anyway).
                words = Checkbox(t("export_screen.checkin_words"), False, id="checkin-words")
                words.display = any(p.check_in.strip() for p in self.session.checkin.participants)
                yield words
                yield Static(id="findings-state")
                yield SelectionList(id="findings")
                yield Static(t("export_screen.where", folder=self.folder), classes="dim")
            with Horizontal(id="export-buttons"):
                yield Button(t("form.cancel"), id="cancel")
                yield Button(t("export_screen.export"), id="export", variant="primary")

    @property
    def formats(self) -> tuple[str, ...]:
        return formats_for(self.session)

    def _format_label(self, kind: str) -> str:
        """The words for a kind that makes no declaration where they differ: the
        minutes' calendar file holds the next meeting, their mail no declaration."""
        declares = "intention" in self.formats
        return t(f"export_screen.format_{kind}_kind" if kind in ("ics", "eml") and not declares
                 else f"export_screen.format_{kind}")

    def on_mount(self) -> None:
        # Pressed once mounted, so the keyboard's highlight starts on the default too.
        default = Choices.default(self.session).quotes
        self.query_one(f"#quotes-{default}", RadioButton).value = True
        self.refresh_findings()

    @property
    def pseudonymise(self) -> bool:
        return self.query_one("#pseudonymise", Checkbox).value

    @property
    def choices(self) -> Choices:
        pressed = self.query_one("#quotes", RadioSet).pressed_button
        chosen = Choices.default(self.session).quotes
        for quotes in QUOTE_CHOICES:
            if pressed is not None and pressed.id == f"quotes-{quotes}":
                chosen = quotes
        return Choices(quotes=chosen, checkin_words=self.query_one("#checkin-words", Checkbox).value)

    def refresh_findings(self) -> None:
        """The identifiers in what would be written now, with their place."""
        formats = set(self.query_one("#formats", SelectionList).selected) or set(self.formats)
        self.findings = check(prepared(self.session, self.pseudonymise), formats, self.choices)
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

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self.refresh_findings()  # quotes left out may hold what the check found

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        if event.selection_list.id == "formats":
            self.refresh_findings()

    def action_accept(self) -> None:
        """The ticked findings are accepted on purpose, and remembered in the session."""
        # A tick typed just before (space, then ctrl+a at once) reaches the list as a
        # message still in its queue: accept after it, not before it.
        self.query_one("#findings", SelectionList).call_later(self._accept)

    def _accept(self) -> None:
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
        if self.query_one("#export", Button).disabled:
            return  # findings to accept first, or already writing
        self.query_one("#export", Button).disabled = True
        self.query_one("#findings-state", Static).update(Text(t("export_screen.writing"), style="bold"))
        # Written off the UI thread (Word, PDF and the pictures take seconds), from a copy
        # taken now: the session clock and other writers' saves go on meanwhile.
        self._write(self.session.model_copy(deep=True), formats, self.pseudonymise, self.choices)

    @work(thread=True, exclusive=True, name="export")
    def _write(self, session, formats: set[str], pseudonymise: bool, choices: Choices) -> list[Path] | None:
        try:
            return export(session, self.path, self.folder, formats, pseudonymise=pseudonymise, choices=choices)
        except IdentifiersFound:
            self.app.call_from_thread(self.refresh_findings)
        except ExportIncomplete as incomplete:
            # What could be made is written; each format that could not is named.
            for kind, error in incomplete.failed.items():
                reason = str(error) or type(error).__name__
                message = t("export.format_failed", path=self.path, format=kind, reason=reason)
                self.app.call_from_thread(self.app.notify, message, severity="error")
            return incomplete.written or None
        except SessionError as error:  # a write refused: a read-only file, a shared folder, a full disk
            self.app.call_from_thread(self._refused, error.message())
        except OSError as error:
            self.app.call_from_thread(self._failed, error)
        return None

    def _refused(self, message: str) -> None:
        self.notify(message, severity="error")
        self.refresh_findings()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # Closed once the worker is done, so it is not cancelled while it finishes.
        if event.worker.name == "export" and event.state == WorkerState.SUCCESS and event.worker.result:
            self.dismiss(event.worker.result)

    def _failed(self, error: OSError) -> None:
        self.notify(t("error.os", reason=error.strerror or str(error), path=error.filename or ""), severity="error")
        self.refresh_findings()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_export() if event.button.id == "export" else self.action_cancel()
