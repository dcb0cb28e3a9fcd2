"""One modal form for every kind of record: a participant, an event, a commitment...

Each pane describes its records as a list of `FieldSpec`s; the form builds the inputs,
and on save validates through the model, so an impossible date is a message in the
form, never a crash and never a broken file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any, cast

from pydantic import BaseModel, ValidationError
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Label, Select, SelectionList, Static, TextArea

from ..i18n import t
from .confirm import unless_kept
from .field_spec import FieldSpec
from .keys import Key
from .quiet_focus import QuietFocusModal
from .textual_words import choice
from ..store.codec import describe_validation

# A list longer than this gets a search box: the catalogues have some thirty entries.
SEARCH_FROM = 8


# The kinds of field whose words are typed (an Input or a TextArea), not picked.
TYPED = frozenset({"line", "text", "lines", "number"})


class RecordForm(QuietFocusModal[BaseModel | None]):
    """Edit one record; dismisses with the validated new record, or None when cancelled."""

    DEFAULT_CSS = """
    RecordForm { align: center middle; }
    RecordForm > Vertical {
        width: 90%; max-width: 100; height: 90%; border: round $accent; background: $surface;
        padding: 0 1;
    }
    RecordForm .form-title { text-style: bold; }
    RecordForm Label { margin-top: 1; color: $text-muted; }
    RecordForm TextArea { height: 4; }
    RecordForm SelectionList { height: auto; max-height: 8; }
    RecordForm #form-error { color: $error; height: auto; }
    RecordForm #form-buttons { height: 3; align-horizontal: right; }
    RecordForm Button { margin-left: 1; }
    """

    # The first field, not the scroll container: a facilitator types as soon as it opens.
    AUTO_FOCUS = "Input, TextArea, Select, Checkbox, SelectionList"

    KEYS = [
        Key("ctrl+s", "save", "key.save_form", priority=True, id="save_form"),
        Key("escape", "cancel", "key.cancel", id="cancel"),
    ]

    def __init__(
        self,
        title: str,
        record: BaseModel,
        specs: Sequence[FieldSpec],
        normalise: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
        *,
        values: dict[str, Any] | None = None,
        start_at: str | None = None,
    ):
        """`normalise` turns typed values into the model's (a spoken date into ISO); it
        raises ValueError with a message for the user when it cannot. `values`: fields
        as they were typed before the app stopped (ui/drafts.py), shown instead.
        `start_at`: the field that has the keyboard as the form opens, where not the
        first (words typed on after the key that opened it land there)."""
        super().__init__()
        self.form_title = title
        self.record = record
        self.specs = list(specs)
        self.normalise = normalise
        self._hidden_choices: dict[str, set] = {}
        # What each field shows as the form opens, taken now and not at the first
        # look of the draft keeper: a name typed in the first second is a draft too.
        self.opening = {spec.name: self._start(spec) for spec in self.specs}
        self.given = {k: v for k, v in (values or {}).items() if k in self.opening}
        if start_at is None and self.given:
            # Opened again after a stop: on the field typed in last (the last one whose
            # words differ from the record's), so what is typed next goes on from there.
            typed_in = [spec.name for spec in self.specs if spec.kind in TYPED
                        and self.given.get(spec.name, self.opening[spec.name]) != self.opening[spec.name]]
            start_at = typed_in[-1] if typed_in else None
        self.start_at = start_at
        # How to open this form again after a stop (set by the one who opens it):
        # a plain dict, kept in the draft journal.
        self.origin: dict[str, Any] | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.form_title, classes="form-title")
            with VerticalScroll():
                for spec in self.specs:
                    # A star marks what the form cannot be saved without.
                    yield Label(t(spec.label) + ("" if spec.optional else " *"))
                    widget = self._input(spec)
                    if isinstance(widget, SelectionList) and widget.option_count > SEARCH_FROM:
                        yield Input(placeholder=t("form.search"), id=f"search-{spec.name}", classes="search")
                    yield widget
            yield Static("", id="form-error")
            with Horizontal(id="form-buttons"):
                yield Button(t("form.cancel"), id="cancel")
                yield Button(t("form.save"), id="save", variant="primary")

    def on_mount(self) -> None:
        # Focusing the first field scrolls it into view, which hides its label above it:
        # the form opens at its top, so what the field asks for is read first; or, where
        # it opens further down, with that field's label at the top.
        scroll = self.query_one(VerticalScroll)
        if self.start_at is None:
            self.call_after_refresh(scroll.scroll_home, animate=False)
        else:
            field = self.query_one(f"#field-{self.start_at}")
            self.set_focus(field)  # over the first field, which Textual focused as it composed
            label = scroll.children[scroll.children.index(field) - 1]
            self.call_after_refresh(scroll.scroll_to_widget, label, animate=False, top=True)
        for spec in self.specs:
            if spec.kind == "lines" or (spec.kind == "text" and spec.name in self.given):
                # A new line under a list; words given back go on where they stopped.
                area = self.query_one(f"#field-{spec.name}", TextArea)
                area.move_cursor(area.document.end)
        self._opened_with = self._state()

    def _state(self) -> list[object]:
        """What every box holds now, as typed: compared with the start to see changes."""
        state: list[object] = []
        for widget in self.query("Input, TextArea, Select, Checkbox, SelectionList"):
            if isinstance(widget, TextArea):
                state.append(widget.text)
            elif isinstance(widget, SelectionList):
                state.append(sorted(map(str, widget.selected)))
            elif isinstance(widget, (Input, Select, Checkbox)):
                state.append(widget.value)
        return state + [sorted(map(str, v)) for v in self._hidden_choices.values()]

    @property
    def changed(self) -> bool:
        return self._state() != getattr(self, "_opened_with", None)

    def _fix(self, name: str | None, message: str) -> None:
        """Say what is wrong and put the cursor where it is; every typed value stays."""
        self.query_one("#form-error", Static).update(message)
        if name and (fields := self.query(f"#field-{name}")):
            fields.first().focus()

    def _start(self, spec: FieldSpec) -> Any:
        """A field's value from the record, as its widget holds it (plain data)."""
        value = getattr(self.record, spec.name)
        if spec.kind == "lines":
            # A new line under what is there: adding one more is what a list is opened for.
            return "".join(f"{v}\n" for v in value or [])
        if spec.kind == "text":
            return value or ""
        if spec.kind == "choice":
            return _plain(value)
        if spec.kind == "bool":
            return bool(value)
        if spec.kind == "many":
            return [_plain(v) for v in value or []]
        return "" if value is None else str(value)

    def _input(self, spec: FieldSpec):
        value = self.given.get(spec.name, self.opening[spec.name])
        wid = f"field-{spec.name}"
        hint = t(spec.hint) if spec.hint else ""
        if spec.kind in ("text", "lines"):
            area = TextArea(value, id=wid, soft_wrap=True, tab_behavior="focus")
            area.placeholder = hint
            return area
        if spec.kind == "choice":
            options = list(spec.choices() if spec.choices else [])
            known = {v for _, v in options}
            # Select refuses a value it has no option for; an unset field starts blank,
            # unless a value is required: then blank is no choice to offer, and the
            # first option is taken (there is nothing to take when there are no options).
            required = not spec.optional and bool(options)
            return choice(
                options,
                value=value if value in known else Select.NULL,
                id=wid,
                allow_blank=not required,
                prompt=t("form.choose"),
            )
        if spec.kind == "bool":
            return Checkbox(t(spec.label), bool(value), id=wid)
        if spec.kind == "many":
            chosen = set(value or [])
            entries = [(label, key, key in chosen) for label, key in (spec.choices() if spec.choices else [])]
            return SelectionList(*entries, id=wid)
        # Words given back after a stop are not all selected when the keyboard comes to
        # them (Textual's default), or the next letter typed replaced them all.
        return Input(value, placeholder=hint, id=wid, type="integer" if spec.kind == "number" else "text",
                     select_on_focus=spec.name not in self.given)

    def typed(self) -> dict[str, Any]:
        """Every field as it stands, as plain data; before the form is built, what it
        will show."""
        shown = {**self.opening, **self.given}
        for spec in self.specs:
            found = self.query(f"#field-{spec.name}")
            if not found:
                continue
            widget = found.first()
            if isinstance(widget, TextArea):
                shown[spec.name] = widget.text
            elif isinstance(widget, Select):
                shown[spec.name] = None if widget.value is Select.NULL else _plain(widget.value)
            elif isinstance(widget, Checkbox):
                shown[spec.name] = widget.value
            elif isinstance(widget, SelectionList):
                chosen = list(widget.selected) + sorted(self._hidden_choices.get(spec.name, ()))
                shown[spec.name] = [_plain(v) for v in chosen]
            else:
                shown[spec.name] = cast(Input, widget).value
        return shown

    def draft(self) -> tuple[str, dict[str, Any]] | None:
        """What was typed here and is not kept yet: readable lines (for the notes, if
        the form cannot be opened again) and every field; None when nothing changed."""
        shown = self.typed()
        changed = [s for s in self.specs if shown[s.name] != self.opening[s.name]]
        if not changed:
            return None
        lines = [f"{t(s.label)}: {shown[s.name]}" for s in changed
                 if isinstance(shown[s.name], str) and shown[s.name].strip()]
        return "\n".join(lines), shown

    def _values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for spec in self.specs:
            widget = self.query_one(f"#field-{spec.name}")
            if isinstance(widget, TextArea) and spec.kind == "lines":
                values[spec.name] = [line.strip() for line in widget.text.splitlines() if line.strip()]
            elif isinstance(widget, TextArea):
                values[spec.name] = widget.text
            elif isinstance(widget, Select):
                values[spec.name] = None if widget.value is Select.NULL else widget.value
            elif isinstance(widget, Checkbox):
                values[spec.name] = widget.value
            elif isinstance(widget, SelectionList):
                values[spec.name] = list(widget.selected) + sorted(self._hidden_choices.get(spec.name, ()))
            else:
                text = cast(Input, widget).value.strip()
                values[spec.name] = (int(text) if text else None) if spec.kind == "number" else text
        return values

    def on_input_changed(self, event: Input.Changed) -> None:
        """Filter a long choice list as the user types; choices already made are kept."""
        if not (event.input.id or "").startswith("search-"):
            return
        name = (event.input.id or "").removeprefix("search-")
        spec = next(s for s in self.specs if s.name == name)
        assert spec.choices is not None  # only a choice list has a search box
        widget = self.query_one(f"#field-{name}", SelectionList)
        chosen = set(widget.selected) | self._hidden_choices.get(name, set())
        words = event.value.casefold().split()
        shown = [(label, key) for label, key in spec.choices() if all(w in label.casefold() for w in words)]
        self._hidden_choices[name] = chosen - {key for _, key in shown}
        widget.clear_options()
        widget.add_options([(label, key, key in chosen) for label, key in shown])
        if widget.option_count:
            # On the first match, so Tab then space picks it: a refilled list has no
            # highlight of its own, and space would do nothing.
            widget.highlighted = 0

    def action_save(self) -> None:
        data = self.record.model_dump()
        data.update(self._values())
        if self.normalise is not None:
            try:
                data = self.normalise(data)
            except ValueError as error:
                self._fix(getattr(error, "field", None), str(error))
                return
        try:
            record = type(self.record).model_validate(data)
        except ValidationError as error:
            labels = {spec.name: t(spec.label) for spec in self.specs}
            lines, names = [], []
            for finding in describe_validation(error):
                name = (finding.field or "").split(".")[0].split("[")[0]
                names.append(name)
                lines.append(f"{labels.get(name, finding.field)}: {finding.text()}")
            # The first refused field that is in this form (a model-wide check names none).
            here = [n for n in names if n in labels]
            self._fix(here[0] if here else None, "\n".join(lines))
            return
        self.dismiss(record)

    def action_cancel(self) -> None:
        unless_kept(self, self.changed, lambda: self.dismiss(None))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_save() if event.button.id == "save" else self.action_cancel()


def _plain(value: Any) -> Any:
    """Enum members as their values: the draft journal is JSON."""
    return value.value if isinstance(value, Enum) else value
