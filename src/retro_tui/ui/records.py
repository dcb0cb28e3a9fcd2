"""A list of records in a step: a DataTable with add, edit, remove and reorder.

The table is virtualised (DataTable draws only visible rows), so a long list of quotes
or events costs nothing to show. The list it edits belongs to the session model; after
every change the table posts `SessionChanged` so the screen can autosave.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from rich.text import Text
from textual.app import ComposeResult
from textual.coordinate import Coordinate
from textual.widget import Widget
from textual.widgets import DataTable, Static

from ..i18n import t
from .keys import Key, localized
from ..operations import move
from .confirm import Confirm
from .field_spec import FieldSpec
from .guard import refused
from .messages import SessionChanged


@dataclass(frozen=True)
class Column:
    label: str  # i18n key
    value: Callable[[Any], str]  # the table's own kind of record
    width: int | None = None
    # Shown only where every column fits whole (a wide terminal): at 80 columns the
    # record's main words get the room, and the form shows the rest.
    spare: bool = False
    # Gives way last when the columns must narrow: a participant's name says who a row
    # is, and "Esthe…" does not.
    keep: bool = False


def _fit(text: str, width: int | None) -> str:
    """One line that fits its column, with … where it was cut."""
    line = text.replace("\n", " ")
    if width is None or len(line) <= width:
        return line
    return line[: width - 1] + "…"


HEADING_KEPT = 8


def fit_widths(
    wanted: Sequence[int | None], least: Sequence[int], room: int | None, free: int = 24,
    kept: Sequence[bool] = (),
) -> Sequence[int | None]:
    """Column widths that fit in `room`: a column without a width of its own wants
    `free`; the widest give way first (a `kept` one only after all others), none below
    its heading or `HEADING_KEPT` characters of it (the rest of a long heading is cut
    with "…")."""
    if room is None:
        return wanted
    widths = [w or free for w in wanted]
    floor = [max(4, min(low, w, HEADING_KEPT)) for low, w in zip(least, widths)]
    keeps = [i < len(kept) and kept[i] for i in range(len(widths))]
    while sum(widths) > room:
        widest = max(range(len(widths)), key=lambda i: (widths[i] - floor[i] > 0, not keeps[i], widths[i]))
        if widths[widest] <= floor[widest]:
            break  # narrower than every heading: the table scrolls sideways
        widths[widest] -= 1
    return widths


class RecordTable(Widget, can_focus=False):
    DEFAULT_CSS = """
    RecordTable { height: auto; max-height: 16; min-height: 4; }
    RecordTable > .records-title { text-style: bold; color: $accent; }
    RecordTable > DataTable { height: auto; max-height: 14; overflow-x: hidden; }
    RecordTable > .records-empty { color: $text-muted; padding-left: 1; }
    /* A rule on the table itself: Textual restyles a subtree on focus changes only
       below a node that has a :focus-within rule of its own. */
    RecordTable.-details:focus-within { max-height: 20; }
    /* One line per column, cut with "…": the form (Enter) has every word. Only under
       the table with the keyboard: a step of three tables grows by one block, not three. */
    RecordTable > .records-details {
        display: none; color: $text-muted; padding: 0 1; margin-top: 1; height: auto;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    RecordTable:focus-within > .records-details.-something-cut { display: block; }
    """

    KEYS = [
        Key("a,insert", "add", "key.add", id="add"),
        Key("e", "edit", "key.edit", show=False, id="edit"),
        # In the help, not the footer: at 80 columns the footer must keep room for F1.
        Key("delete,d", "remove", "key.remove", show=False, id="remove"),
        Key("ctrl+up", "move(-1)", "key.move_up", show=False, id="move_up"),
        Key("ctrl+down", "move(1)", "key.move_down", show=False, id="move_down"),
    ]

    def __init__(
        self,
        title: str,
        items: Callable[[], list],
        columns: Sequence[Column],
        specs: Sequence[FieldSpec],
        new: Callable[[], BaseModel] | None,
        *,
        on_remove: Callable[[BaseModel], None] | None = None,
        ordered: Callable[[list], list] | None = None,
        normalise: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
        fixed: bool = False,
        describe: Callable[[Any], str] | None = None,
        empty: str = "records.empty",
        details: bool = True,
        id: str | None = None,
    ):
        """`new` None: a list copied from an earlier session, shown, never edited
        (no specs either) or only edited (specs). `ordered` may also give rows for
        records not in the list yet (one row per course item, say): such a row is
        added to the list when it is first saved. `fixed`: rows are not removed here.
        `describe`: what an edit form is about, where its fields do not say it (the
        course item a check answers). `empty`: what an empty list says (i18n key).
        `details`: under the table while it has the keyboard, the highlighted row's
        columns that the width hid or cut (at 80 columns the main words get the room,
        the rest is read here)."""
        super().__init__(id=id, classes="-details" if details else None)
        self.details = details
        self.title = title
        self.items = items
        self.columns = list(columns)
        self.specs = list(specs)
        self.new = new
        self.on_remove = on_remove
        self.ordered = ordered  # a sort order (timeline by date) disables manual reordering
        self.normalise = normalise
        self.fixed = fixed
        self.describe = describe
        self.empty = empty

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # What a list cannot do is not offered in the footer or the help at all.
        if action == "add":
            return self.new is not None
        if action == "edit":
            return bool(self.specs)
        if action == "remove":
            return not self.fixed and self.new is not None
        if action == "move":
            return self.ordered is None and self.new is not None
        return True

    def compose(self) -> ComposeResult:
        yield Static(t(self.title), classes="records-title")
        table: DataTable[str] = DataTable(cursor_type="row", zebra_stripes=True)
        self._add_columns(table)
        yield table
        yield Static(t(self.empty), classes="records-empty")
        if self.details:
            yield Static(classes="records-details")

    def _add_columns(self, table: DataTable) -> None:
        # The rows are filled to these columns until the next layout: while the step is
        # hidden the table has no width, and the columns it would show then (all of
        # them) are more than it has, which another writer's save coming in would hit.
        self._laid_out = list(zip(self.shown, self.widths))
        for column, width in self._laid_out:
            table.add_column(_fit(t(column.label), width), width=width)

    @staticmethod
    def _wanted(columns: Sequence[Column]) -> list[int | None]:
        # A heading is never cut mid-word: the column grows to hold it in either language.
        return [c.width and max(c.width, len(t(c.label))) for c in columns]

    @property
    def shown(self) -> list[Column]:
        """The columns on screen: the spare ones only while every column fits whole,
        the last spare one given up first."""
        shown = list(self.columns)
        while any(c.spare for c in shown):
            room = self._room(len(shown))
            if room is None or sum(w or 24 for w in self._wanted(shown)) <= room:
                break
            shown.remove(next(c for c in reversed(shown) if c.spare))
        return shown

    @property
    def widths(self) -> Sequence[int | None]:
        shown = self.shown
        return fit_widths(
            self._wanted(shown), [len(t(c.label)) for c in shown], self._room(len(shown)), kept=[c.keep for c in shown]
        )

    def _room(self, count: int) -> int | None:
        """The share of the table's width of `count` columns: less each cell's padding
        and the scrollbar. None until the table is laid out."""
        if not self.size.width:
            return None
        return self.size.width - 2 * count - 2

    def on_resize(self) -> None:
        # Narrower than the columns want (80 columns, the side panel beside it): the
        # widest give way, so the last column stays on screen and cut text shows "…".
        # (No sideways scrollbar, so the table's height does not change when they do.)
        if self._laid_out_for != self.size.width:
            self._laid_out_for = self.size.width
            table = self.table
            table.clear(columns=True)
            self._add_columns(table)
            self.reload()

    _laid_out_for: int | None = None
    _laid_out: list[tuple[Column, int | None]]

    def on_mount(self) -> None:
        self.reload()

    @property
    def table(self) -> DataTable:
        return self.query_one(DataTable)

    def rows(self) -> list:
        items = self.items()
        return self.ordered(items) if self.ordered else items

    def reload(self, select: str | None = None) -> None:
        table = self.table
        old_row = table.cursor_row
        if select is None and table.row_count:
            # Stay on the same record, not the same row: another writer's additions
            # may come in above it.
            select = table.coordinate_to_cell_key(Coordinate(old_row, 0)).row_key.value
        table.clear()
        for record in self.rows():
            cells = (_fit(column.value(record), width) for column, width in self._laid_out)
            table.add_row(*cells, key=record.id)
        self.query_one(".records-empty").display = table.row_count == 0
        if table.row_count:
            row = old_row
            if select is not None:
                row = next((i for i, r in enumerate(self.rows()) if r.id == select), old_row)
            table.move_cursor(row=max(0, min(row, table.row_count - 1)))
        self._show_details()

    def _show_details(self) -> None:
        if not self.details:
            return
        record = self.current()
        laid_out = dict(self._laid_out)
        lines = []
        for column in self.columns if record is not None else ():
            value = column.value(record).strip().replace("\n", " ")
            heading = t(column.label)
            # "Natuur: wie is deze persoon?" is a heading that asks already.
            heading += " " if heading.endswith(("?", ":")) else ": "
            if column in laid_out:
                width = laid_out[column]
                # A cut cell, where the line under the table shows more of it than the
                # cell does (a table of one wide column would only repeat it).
                if width is None or len(value) <= width or self.size.width - 2 - len(heading) <= width:
                    continue
            if value:
                lines.append(Text.assemble((heading, "bold"), value))
        details = self.query_one(".records-details", Static)
        details.update(Text("\n").join(lines))
        details.set_class(bool(lines), "-something-cut")

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_details()  # not stopped: a pane may follow the highlighted row too

    def current(self) -> Any | None:
        table = self.table
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value
        found = next((r for r in self.items() if r.id == key), None)
        if found is None and self.ordered is not None:
            found = next((r for r in self.rows() if r.id == key), None)  # a row not in the list yet
        return found

    def _changed(self, select: str | None = None) -> None:
        self.reload(select)
        self.post_message(SessionChanged())

    def action_add(self, values: dict | None = None) -> None:
        if self.new is None or refused(self):
            return
        record = self.new()

        def added(result: Any | None) -> None:
            if result is not None:
                self.items().append(result)
                self._changed(result.id)

        from .forms import RecordForm
        form = localized(RecordForm)(form_title(self.title, adding=True), record, self.specs, self.normalise, values=values)
        form.origin = {"node": f"#{self.id}", "record": None}
        self.app.push_screen(form, added)

    def reopen(self, origin: dict, values: dict) -> bool:
        """The form that was open when the app stopped, with what was typed in it."""
        if origin.get("record") is None:
            self.action_add(values)
            return True
        # A row may stand for a record not in the list yet (one per course item).
        record = next((r for r in self.rows() if r.id == origin["record"]), None)
        if record is None:
            return False  # removed since: the words go to the notes instead
        self.action_edit(values, record)
        return True

    def action_edit(self, values: dict | None = None, record: Any | None = None) -> None:
        if not self.specs or refused(self):
            return
        record = record or self.current()
        if record is None:
            return self.action_add(values)

        def edited(result: Any | None) -> None:
            if result is not None:
                # By id: another writer's changes may have replaced the list meanwhile.
                items = self.items()
                at = next((i for i, r in enumerate(items) if r.id == record.id), None)
                if at is None:
                    items.append(result)  # removed by someone else while edited here: kept
                else:
                    items[at] = result
                self._changed(result.id)

        title = form_title(self.title, adding=False)
        if self.describe is not None:
            title += f" — {self.describe(record)}"
        from .forms import RecordForm
        form = localized(RecordForm)(title, record, self.specs, self.normalise, values=values)
        form.origin = {"node": f"#{self.id}", "record": record.id}
        self.app.push_screen(form, edited)

    def action_remove(self) -> None:
        if self.fixed or self.new is None or refused(self):
            return
        record = self.current()
        if record is None or all(r.id != record.id for r in self.items()):
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            if self.on_remove:
                self.on_remove(record)
            else:
                self.items().remove(record)
            self._changed()

        what = self.columns[0].value(record) if self.columns else record.id
        self.app.push_screen(localized(Confirm)(t("records.remove_question", what=what)), answered)

    def action_move(self, delta: int) -> None:
        if refused(self):
            return
        record = self.current()
        if record is None or self.ordered or self.new is None:
            return
        items = self.items()
        move(items, items.index(record), delta)
        self._changed(record.id)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()


def form_title(list_key: str, adding: bool) -> str:
    """"Nieuwe actie", "Deelnemer bewerken": one record, named as one, from the list's
    own key under form.adding / form.editing; a list without one says "Nieuw: <list>"."""
    from ..i18n import catalog, current_language

    own = catalog(current_language()).get(f"form.{'adding' if adding else 'editing'}.{list_key}")
    return own or t("form.new" if adding else "form.edit", what=t(list_key))
