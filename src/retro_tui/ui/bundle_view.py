"""The bundle in the app: the catalogue items named across the cases, as bars by the
number of cases, and from an item the cases' insights behind it. The same gathering
and counting as `retro-tui bundle` (bundle/run.py, bundle/counts.py); this only shows."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ..i18n import current_language, label, t
from ..model import CatalogueKind, InsightLevel
from .keys import Key, localized

BAR = 14
EIGHTHS = " ▏▎▍▌▋▊▉"
KINDS = (None, *CatalogueKind)  # None: every kind


def bar(value: int, most: int, width: int = BAR) -> str:
    """A horizontal bar in eighths of a cell, so small differences still show."""
    eighths = round(width * 8 * value / most) if most else 0
    full, part = divmod(eighths, 8)
    return ("█" * full + (EIGHTHS[part] if part else "")).ljust(width)


class BundleScreen(Screen):
    DEFAULT_CSS = """
    BundleScreen > Vertical { padding: 0 1; }
    BundleScreen #bundle-head { height: auto; color: $text-muted; }
    BundleScreen OptionList { height: 1fr; }
    """
    KEYS = [
        Key("k", "kind", "bundle_view.key_kind", id="bundle_kind"),
        Key("a", "all", "bundle_view.key_all", id="bundle_all"),
        Key("escape,q", "close", "bundle_view.key_close", id="bundle_close"),
        Key("f1", "app.help", "key.help"),
    ]

    def __init__(self, paths: list[Path], include_all: bool = False):
        super().__init__()
        self.paths = paths
        self.include_all = include_all
        self.kind = 0  # index into KINDS
        self.gathered = None
        self.counts: dict = {}

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = t("bundle_view.title")
            yield Static(t("bundle_view.reading"), id="bundle-head")
            yield OptionList(id="bundle-items")
        yield Footer()

    def on_mount(self) -> None:
        self.read()

    def read(self) -> None:
        lang = current_language()
        include_all = self.include_all

        def gather_in_thread() -> None:
            # Parsing a folder of sessions can take seconds the first time: off the UI thread.
            from ..bundle.counts import item_counts
            from ..bundle.run import gather

            import sqlite3

            try:
                gathered = gather(self.paths, lang, include_all=include_all)
            except (OSError, sqlite3.Error) as error:  # the data folder cannot be written, a full disk
                self.app.call_from_thread(self.failed, error)
                return
            counts = item_counts(gathered.cases)
            self.app.call_from_thread(self.show, gathered, counts)

        self.run_worker(gather_in_thread, thread=True, exit_on_error=False, exclusive=True)

    def failed(self, error: Exception) -> None:
        reason = getattr(error, "strerror", None) or str(error)
        self.query_one("#bundle-head", Static).update(t("error.os", reason=reason, path=getattr(error, "filename", "") or ""))

    def show(self, gathered, counts) -> None:
        self.gathered, self.counts = gathered, counts
        self.refill()

    def refill(self) -> None:
        from ..bundle.build import item_label
        from ..bundle.counts import ranked

        lang = current_language()
        kind = KINDS[self.kind]
        prefixes = [k.value for k in CatalogueKind] if kind is None else [kind.value]
        items = sorted((c for p in prefixes for c in ranked(self.counts, p)),
                       key=lambda c: (-len(c.cases), -len(c.insights), c.id))
        most = max((len(c.cases) for c in items), default=0)
        cases = len(self.gathered.cases) if self.gathered else 0
        left: dict[str, int] = self.gathered.left_out if self.gathered else {}
        head = t("bundle_view.head", cases=cases, kind=label(kind) if kind else t("bundle_view.every_kind"),
                 not_final=left.get("not_final", 0), unreadable=left.get("unreadable", 0))
        self.query_one("#bundle-head", Static).update(head)
        options = self.query_one("#bundle-items", OptionList)
        highlighted = options.highlighted_option.id if options.highlighted_option else None
        options.clear_options()
        options.add_options([Option(self._line(c, most, lang, item_label), id=c.id) for c in items])
        if not items:
            options.add_option(Option(t("bundle_view.empty"), disabled=True))
        elif highlighted and highlighted in {c.id for c in items}:
            options.highlighted = options.get_option_index(highlighted)
        else:
            options.highlighted = 0
        options.focus()

    @staticmethod
    def _line(count, most: int, lang: str, item_label) -> Text:
        line = Text.assemble((bar(len(count.cases), most), "bold cyan"), (f" {len(count.cases):>4} ", "bold"),
                             (f"{len(count.insights):>4}  ", "dim"), item_label(count.id, lang))
        # One line per item: a long name is cut, not wrapped, so the bars stay a column.
        line.no_wrap, line.overflow = True, "ellipsis"
        return line

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.open_item(event.option.id)

    def open_item(self, item_id: str | None) -> None:
        if item_id and item_id in self.counts:
            self.app.push_screen(localized(EvidenceScreen)(self.counts[item_id]))

    def action_kind(self) -> None:
        self.kind = (self.kind + 1) % len(KINDS)
        self.refill()

    def action_all(self) -> None:
        self.include_all = not self.include_all
        self.notify(t("bundle_view.all_on" if self.include_all else "bundle_view.all_off"), timeout=2)
        self.read()

    def action_close(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.dismiss()
        else:
            self.app.exit()


class EvidenceScreen(ModalScreen[None]):
    """One catalogue item: the cases' insights that named it, by case and level."""

    DEFAULT_CSS = """
    EvidenceScreen { align: center middle; }
    EvidenceScreen > Vertical { width: 95%; height: 90%; border: round $accent; background: $surface; padding: 0 1; }
    EvidenceScreen #evidence-head { height: auto; color: $text-muted; }
    EvidenceScreen OptionList { height: 1fr; }
    """
    KEYS = [
        Key("escape,q,left", "close", "bundle_view.key_back"),
        Key("f1", "app.help", "key.help"),
    ]

    def __init__(self, count):
        super().__init__()
        self.count = count

    def compose(self) -> ComposeResult:
        from ..bundle.build import item_label

        lang = current_language()
        with Vertical() as box:
            box.border_title = item_label(self.count.id, lang)
            yield Static(t("bundle_view.evidence_head", cases=len(self.count.cases), insights=len(self.count.insights)),
                         id="evidence-head")
            options = []
            for letter, insight in self.count.insights:
                level = label(InsightLevel(insight.level)) if insight.level else t("bundle_view.no_level")
                options.append(Option(Text.assemble((t("bundle.case", letter=letter), "bold"), (f" · {level}\n", "dim"),
                                                    insight.text)))
            yield OptionList(*options)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def action_close(self) -> None:
        self.dismiss(None)
