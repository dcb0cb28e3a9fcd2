"""Step 4: the timeline editor. The two-lane view, the selected moment's details below
it, and a one-line quick add, so a facilitator can note an event while someone talks.

Every change goes through `_change`, which records the state for undo first and replaces
event objects rather than editing them, so undo is exact."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from pydantic import ValidationError
from rich.cells import cell_len
from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual import events
from textual.containers import Vertical
from textual.geometry import Size
from textual.widgets import Input, Static

from .. import operations as ops
from ..i18n import label, t
from ..method import Step
from ..model import EventKind, Lane, Session, StepId, TimelineEvent
from ..reflow import reflow
from ..timeline.filters import Filter
from ..timeline.history import History
from ..timeline.layout import ZOOMS
from .confirm import Confirm, unless_kept
from .field_spec import FieldError, FieldSpec
from .guard import refused
from .keys import Key, localized
from .messages import SessionChanged
from .panes import StepPane, _enum_choices
from .pick import PickOne
from .event_details import EventDetails
from .timeline_view import GLYPH, TimelineView

TEXT_FIELDS = (
    "what_happened", "parents_dynamic", "effect_on_professionals", "next_step",
    "facts", "opinions", "assumptions", "emotions", "interpretations",
)


def event_specs(pane: StepPane) -> list[FieldSpec]:
    return [
        FieldSpec("date", "field.date", hint="hint.date", optional=False),
        FieldSpec("date_label", "field.date_label", hint="hint.date_label"),
        FieldSpec("title", "field.title", optional=False),
        FieldSpec("kind", "field.kind", "choice", _enum_choices(EventKind), optional=False),
        FieldSpec("lane", "field.lane", "choice", _enum_choices(Lane), optional=False),
        FieldSpec("crucial", "field.crucial", "bool"),
        FieldSpec("people", "field.people", "many", pane.people_choices()),
        *(FieldSpec(name, f"field.{name}", "text") for name in TEXT_FIELDS),
    ]


class QuickAdd(Input, can_focus=False):
    """One line becomes an event: Enter adds it as guessed, Tab refines it in the form.

    Always on the screen, one line high at the foot of the details, and open while it
    has the keyboard: showing and hiding it made Textual lay out the whole screen on
    `a` and again on Enter, most of what those keys cost. Closed, it cannot be reached
    with Tab and says which key opens it."""

    @property
    def draft_label(self) -> str:
        """Its name where words typed in it are given back (ui/drafts.py), not its hint."""
        return t("timeline.quick_line")

    @property
    def content_width(self) -> int:
        # At least as wide as the box: Input's own width follows the words, and each
        # change of it (a key typed, the line cleared on Enter) lays out the whole
        # screen. A line that fits changes nothing; a longer one scrolls as before.
        return max(self.content_size.width, cell_len(self.value) + 1)

    def on_resize(self) -> None:
        # Laid out before it had a width, its scroll area was one cell wide: made as
        # wide as the box now, not on the first key typed into it.
        self.virtual_size = Size(self.content_width, 1)

    def watch_has_focus(self, has_focus: bool) -> None:
        # Open, the line is tinted with the accent colour: set here, not by a `:focus`
        # rule. For any such rule Textual works out the styles of an Input and its four
        # component classes again on every focus change, 1.2 ms of the 6.5 before the
        # frame of `a` (and of Enter). The pane's CSS cancels Input's own `:focus`
        # rules, so the line's styles are the same with the keyboard or without.
        self.styles.background = f"{self.app.theme_variables['accent']} 25%" if has_focus else None

    KEYS = [
        Key("tab", "refine", "timeline.key_refine", priority=True, id="quick_add_refine"),
        Key("escape", "close", "key.cancel", id="close"),
    ]

    def action_refine(self) -> None:
        self.screen.query_one(TimelinePane).quick_add(self.value, refine=True)

    def action_close(self) -> None:
        unless_kept(self, bool(self.value.strip()), self.screen.query_one(TimelinePane).close_quick_add)


class TimelinePane(StepPane):
    DEFAULT_CSS = """
    TimelinePane { overflow-y: hidden; }
    TimelinePane #timeline-state { height: 1; color: $text-muted; }
    TimelinePane TimelineView { height: 2fr; max-height: 16; }
    TimelinePane #below { height: 1fr; min-height: 3; }
    TimelinePane #details { border-top: solid $primary 30%; }
    TimelinePane QuickAdd { dock: bottom; height: 1; border: none; padding: 0 1; background-tint: 0%; }
    /* Input's own :focus rules cancelled: open, the line's tint is set in code. */
    TimelinePane QuickAdd:focus { border: none; background-tint: 0%; }
    TimelinePane #quick-error { dock: bottom; height: auto; color: $warning; display: none; }
    """

    KEYS = [
        Key("a,insert", "open_quick_add", "key.add", id="add_event"),
        Key("e,enter", "edit", "key.edit", show=False, id="edit"),
        Key("c", "crucial", "key.crucial", id="crucial"),
        Key("plus,equals_sign", "zoom(1)", "timeline.key_zoom_in", id="zoom_in"),
        Key("minus", "zoom(-1)", "timeline.key_zoom_out", show=False, id="zoom_out"),
        Key("z", "whole_case", "timeline.key_whole", show=False, id="whole_case"),
        Key("delete,d", "remove", "key.remove", show=False, id="remove"),
        Key("ctrl+d", "duplicate", "timeline.key_duplicate", show=False, id="duplicate"),
        Key("u,ctrl+z", "undo", "timeline.key_undo", show=False, id="undo"),
        Key("ctrl+y,U", "redo", "timeline.key_redo", show=False, id="redo"),
        Key("l", "filter_lane", "timeline.key_lane", show=False, id="filter_lane"),
        Key("k", "filter_kind", "timeline.key_kind", show=False, id="filter_kind"),
        Key("asterisk", "filter_crucial", "timeline.key_crucial_only", show=False, id="filter_crucial"),
        Key("p", "filter_person", "timeline.key_person", show=False, id="filter_person"),
        Key("0", "clear_filter", "timeline.key_all", show=False, id="clear_filter"),
        Key("left", "step(-1)", "timeline.key_previous", show=False, id="previous_event"),
        Key("right", "step(1)", "timeline.key_next", show=False, id="next_event"),
        Key("up", "lane('professionals')", "timeline.key_up", show=False, id="lane_professionals"),
        Key("down", "lane('family')", "timeline.key_down", show=False, id="lane_family"),
        Key("home", "step(-100000)", "timeline.key_first", show=False, id="first_event"),
        Key("end", "step(100000)", "timeline.key_last", show=False, id="last_event"),
    ]

    def __init__(self, session: Session, step: Step | StepId | str):
        super().__init__(session, step)
        self.history = History(session)
        self._details_for: object = None  # the event whose details a key just showed
        # What quick add said of the event it added, shown above that event's details
        # while it stays selected (see quick_add).
        self._said: tuple[object, str] | None = None
        # The id the line being typed will get, found while it is typed: a fresh id
        # looks through every id of the session (3 ms on a big one, on Enter's frame).
        # Only while the box has had the keyboard throughout: nothing else adds ids then
        # but another writer, whose changes drop it.
        self._line_id: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="timeline-state")
        yield localized(TimelineView)(self.session, id="timeline-view")
        # The quick add lives in the details' room, never the view's: a view that
        # changed height would lay out and paint thousands of events again.
        with Vertical(id="below"):
            yield localized(EventDetails)(id="details")
            yield localized(QuickAdd)(placeholder=t("timeline.quick_closed"), id="quick-add")
            yield Static(id="quick-error")

    def on_mount(self) -> None:
        self.show_state()

    def focus_first(self) -> bool:
        views = self.query(TimelineView)
        if not views:
            return False
        lines = self.query(QuickAdd)
        if lines and lines.first().can_focus and lines.first().value:
            # An open line with words in it (given back after a crash) is the work.
            lines.first().focus()
            return True
        views.first().focus()
        return True

    @property
    def view(self) -> TimelineView:
        return self.query_one(TimelineView)

    # --- what is shown ------------------------------------------------------------

    def show_state(self) -> None:
        view = self.view
        zoom = ZOOMS[view.zoom]
        parts = [t("timeline.zoom_whole") if zoom is None else t("timeline.zoom_level", level=view.zoom)]
        f = view.filter
        if f.lane:
            parts.append(label(f.lane))
        if f.kind:
            parts.append(f"{GLYPH[f.kind]} {label(f.kind)}")
        if f.crucial:
            parts.append(t("timeline.only_crucial"))
        if f.person:
            parts.append(t("timeline.with_person", name=ops.short_name(self.session, f.person)))
        total = len(self.session.timeline.events)
        count = t("timeline.count", shown=len(view.shown), total=total) if f.active else t("timeline.count_all", total=total)
        # One line high whatever it says: no layout pass for the whole screen.
        self.query_one("#timeline-state", Static).update(Text(" · ".join([*parts, count])), layout=False)

    def on_timeline_view_selected(self, message: TimelineView.Selected) -> None:
        if message.event is self._details_for and message.event is not None:
            self._details_for = None  # shown by the key already; a later reload shows it anew
            return
        self._details_for = None
        self.query_one(EventDetails).show(self._details(message.event))

    def _show_selected(self) -> None:
        """The details of what a key selected, in the same frame as the cursor. Left to
        the view's Selected message they came a frame later: Textual draws the first
        frame after a key at once and the next one 17 to 33 ms on, and the details are
        what the key shows in words."""
        event = self.view.selected
        if event is not None and event is not self._details_for:
            self._details_for = event
            self.query_one(EventDetails).show(self._details(event))

    def _details(self, event) -> Group | Text:
        if event is None:
            empty = "timeline.none_shown" if self.session.timeline.events else "timeline.empty"
            return Text(t(empty), style="dim italic")
        when = event.date + (f" ({event.date_label})" if event.date_label else "")
        said = [Text(self._said[1], style="italic")] if self._said is not None and self._said[0] is event else []
        if not said:
            self._said = None  # another event shown: what was said of the added one is done
        head = Text.assemble(
            ("★ " if event.crucial else "", "bold yellow"),
            (f"{GLYPH[event.kind]} {when}  ", "bold"),
            (event.title, "bold"),
        )
        facts = f"{label(event.kind)} · {label(event.lane)}"
        if event.people:
            facts += " · " + ", ".join(ops.short_name(self.session, p) for p in event.people)
        # The title first, then what was said of it: a small box cuts from the foot.
        parts = [head, *said, Text(facts, style="dim")]
        for name in TEXT_FIELDS:
            value = getattr(event, name)
            if value:
                parts.append(Text.assemble((t(f"field.{name}") + ": ", "italic"), reflow(value)))
        return Group(*parts)

    def others_saved(self) -> None:
        # Undo goes back over this screen's own changes only: a snapshot from before
        # another writer's events came in would take them out again.
        self.history.forget()
        self._line_id = None
        self.refresh_view()

    def refresh_view(self, select=None) -> None:
        self.view.reload(select)
        self.show_state()

    # --- changes ------------------------------------------------------------------

    def _change(self, apply, select=None, replaced=None, added=None) -> None:
        """`replaced` (old, new) says the change only replaced one event by an equal one
        but for its mark: the view then keeps its layout (see TimelineView.replaced).
        `added` says it only added that event: the view places it among the others."""
        if refused(self):
            return
        self.history.record()
        apply()
        if replaced is not None:
            self.view.replaced(*replaced)
            self.show_state()
        elif added is not None:
            self.view.added(added)
            self.show_state()
        else:
            self.refresh_view(select)
        self._show_selected()
        self.post_message(SessionChanged())

    def _replace(self, old: TimelineEvent, new: TimelineEvent) -> None:
        # By id: another writer's changes may have replaced the list meanwhile.
        events = self.session.timeline.events
        at = next((i for i, e in enumerate(events) if e.id == old.id), None)
        if at is None:
            events.append(new)
        else:
            events[at] = new

    def action_open_quick_add(self) -> None:
        if refused(self):
            return
        box = self.query_one(QuickAdd)
        if box.has_focus:
            return
        # No clearing here: closing empties the line, so words in it now were given
        # back after a crash (ui/drafts.py) and are the typist's.
        box.placeholder = t("timeline.quick_hint")
        box.can_focus = True
        box.focus()
        self.call_after_refresh(self._ready_guessing)

    def _ready_guessing(self) -> None:
        """The guessing's word lists and patterns are made once the box is on the
        screen, while the line is typed, instead of on its Enter (the first line's
        Enter took 30 ms more for them)."""
        from ..timeline.guess import guess_event
        from ..timeline.spoken_dates import WhenError

        try:
            guess_event("2019 " + t("timeline.event"), self.session)
        except WhenError:
            pass
        if self.query_one(QuickAdd).has_focus:
            self._line_id = ops.fresh_id(self.session, "ev")

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if isinstance(event.widget, QuickAdd):
            self._line_id = None

    def close_quick_add(self) -> None:
        box = self.query_one(QuickAdd)
        box.value = ""  # closed, it holds no words (nor a draft to keep)
        box.placeholder = t("timeline.quick_closed")
        box.can_focus = False
        # Shown by its own display, not a class on the pane: a class would apply the
        # CSS of the whole pane again. Hidden only when shown: the first display set,
        # even to what the CSS says, lays out the whole screen.
        error = self.query_one("#quick-error", Static)
        if error.display:
            error.update("")
            error.display = False
        self.view.focus()

    def on_input_submitted(self, message: Input.Submitted) -> None:
        if message.input.id == "quick-add":
            message.stop()
            self.quick_add(message.value)

    def quick_add(self, line: str, refine: bool = False) -> None:
        """Add the event the line describes; with refine, or without a date, open the form."""
        anchor = self.view.selected.date if self.view.selected is not None else None
        if not line.strip():
            if refine:
                self.close_quick_add()
                self._open_form(self._blank(anchor), new=True)
            return
        from ..timeline.guess import guess_event
        from ..timeline.spoken_dates import WhenError

        try:
            guess = guess_event(line, self.session, anchor=anchor)
        except WhenError as error:  # "2019-02-30 ...": a date, but not a real one
            shown = self.query_one("#quick-error", Static)
            shown.update(error.message())
            shown.display = True
            return  # the line stays in the box, to be corrected
        ident, self._line_id = self._line_id, None
        record = self._blank(anchor, ident).model_copy(update={
            "date": guess.date, "date_label": guess.date_label, "title": guess.title,
            "kind": guess.kind, "lane": guess.lane, "people": list(guess.people),
        })
        self.close_quick_add()
        # Where words typed on after the key go: the date if the line gave none (and no
        # moment is selected to date it by), else the story, not over the guessed date.
        start_at = "what_happened" if record.date else "date"
        try:
            # Through the model's own checks: what is added is what a saved file can hold.
            record = TimelineEvent.model_validate(record.model_dump())
        except ValidationError:
            refine = True
        if refine:
            self._open_form(record, new=True, start_at=start_at)
            return
        when = guess.date_label or guess.date
        said = "timeline.added" if guess.dated else "timeline.added_near"
        # Said in the new event's details, under its title, in Enter's own frame, just
        # above the line it was typed in, and kept while the event is selected. A toast
        # came a frame later and laid out the whole screen twice as it was mounted (on
        # the big session 15 ms of CPU after Enter's 11), which landed on the next key.
        self._said = (record, t(said, when=when))
        self._change(lambda: self.session.timeline.events.append(record), added=record)

    def _blank(self, date: str | None, ident: str | None = None) -> TimelineEvent:
        return TimelineEvent.model_construct(
            id=ident or ops.fresh_id(self.session, "ev"), date=date or "", date_label="", title="",
            kind=EventKind.other, lane=Lane.professionals, people=[], crucial=False,
            **{name: "" for name in TEXT_FIELDS},  # type: ignore[arg-type]  # a blank form, valid once filled in
        )

    def reopen(self, origin: dict, values: dict) -> bool:
        """The event's form as it was when the app stopped."""
        if origin.get("record") is None:
            self._open_form(self._blank(None), new=True, values=values)
            return True
        event = next((e for e in self.session.timeline.events if e.id == origin["record"]), None)
        if event is None:
            return False  # removed since: the words go to the notes instead
        self._open_form(event, new=False, values=values)
        return True

    def _open_form(self, record: TimelineEvent, new: bool, values: dict | None = None,
                   start_at: str | None = None) -> None:
        title = t("form.new" if new else "form.edit", what=t("timeline.event"))

        def saved(result: Any | None) -> None:  # the form gives back a TimelineEvent
            if result is None:
                return
            if new:
                self._change(lambda: self.session.timeline.events.append(result), added=result)
            else:
                self._change(lambda: self._replace(record, result), select=result)

        from .forms import RecordForm
        form = localized(RecordForm)(title, record, event_specs(self),
                                     normalise=lambda values: self._spoken_date(values, record), values=values,
                                     start_at=start_at)
        form.origin = {"record": None if new else record.id}
        self.app.push_screen(form, saved)

    def _spoken_date(self, values: dict, before: TimelineEvent) -> dict:
        """The date field takes dates as people say them ("maart 2019", "14-3-2019",
        "voorjaar 2019", "na de scheiding"); the words are kept as the date's label.

        A label belongs to its date: when the date changes and the label was left as it
        was, the label follows the new words, or is cleared for a date typed as ISO (or
        the screen would say "2020-02 (voorjaar 2021)"). A label typed anew stays."""
        typed = (values.get("date") or "").strip()
        label_now = (values.get("date_label") or "").strip()
        label_kept = label_now == (before.date_label or "").strip()
        if not typed or re.fullmatch(r"\d{4}(-\d{1,2}(-\d{1,2})?)?", typed):
            if typed != before.date and label_kept:
                return values | {"date_label": ""}
            return values  # ISO already, or empty: the model says what is wrong, if anything
        try:
            from ..timeline.spoken_dates import WhenError, parse_when
        except ImportError:
            return values  # the model's own message then
        others = [e for e in self.session.timeline.events if e.id != values.get("id")]
        try:
            when = parse_when(typed, others)
        except WhenError as error:
            raise FieldError("date", f"{t('field.date')}: {error.message()}") from None
        return values | {"date": when.date, "date_label": when.label if label_kept else label_now}

    def action_edit(self) -> None:
        if refused(self):
            return
        event = self.view.selected
        if event is None:
            self.action_open_quick_add()
        else:
            self._open_form(event, new=False)

    def action_crucial(self) -> None:
        event = self.view.selected
        if event is not None:
            marked = event.model_copy(update={"crucial": not event.crucial})
            self._change(lambda: self._replace(event, marked), replaced=(event, marked))

    def action_duplicate(self) -> None:
        event = self.view.selected
        if event is not None:
            copy = event.model_copy(update={"id": ops.fresh_id(self.session, "ev")}, deep=True)
            events = self.session.timeline.events
            at = next((i for i, e in enumerate(events) if e.id == event.id), len(events) - 1)
            self._change(lambda: events.insert(at + 1, copy), select=copy)

    def action_remove(self) -> None:
        if refused(self):
            return
        event = self.view.selected
        if event is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._change(lambda: ops.remove_event(self.session, event.id), select=event)

        self.app.push_screen(localized(Confirm)(t("records.remove_question", what=event.title)), answered)

    def action_undo(self) -> None:
        self._history_step(self.history.undo(), "timeline.undone", "timeline.nothing_to_undo")

    def action_redo(self) -> None:
        self._history_step(self.history.redo(), "timeline.redone", "timeline.nothing_to_redo")

    def _history_step(self, done: bool, said: str, nothing: str) -> None:
        if done:
            self.refresh_view()
            self.post_message(SessionChanged())
        if done and self.history.last_change:
            # Say what came undone: "Ongedaan gemaakt: toevoegen van 'Besluit …'".
            what, title = self.history.last_change
            said = t(said, change=t(f"timeline.change_{what}", title=title))
            self.app.notify(said, timeout=4)
            return
        self.app.notify(t(said if done else nothing), timeout=2)

    # --- moving, zoom and filters ---------------------------------------------------

    def action_step(self, delta: int) -> None:
        self.view.step(delta)
        self._show_selected()

    def action_lane(self, lane: str) -> None:
        self.view.other_lane(Lane(lane))
        self._show_selected()

    def action_zoom(self, delta: int) -> None:
        self.view.set_zoom(self.view.zoom + delta)
        self.show_state()

    def action_whole_case(self) -> None:
        """Between the whole case and the closest zoom: one key from detail to overview."""
        self.view.set_zoom(len(ZOOMS) - 1 if self.view.zoom == 0 else 0)
        self.show_state()

    def set_filter(self, new: Filter) -> None:
        self.view.filter = new
        self.refresh_view()

    def action_filter_lane(self) -> None:
        self.set_filter(self.view.filter.next_lane())

    def action_filter_kind(self) -> None:
        present = {e.kind for e in self.session.timeline.events}
        self.set_filter(self.view.filter.next_kind(present))

    def action_filter_crucial(self) -> None:
        self.set_filter(replace(self.view.filter, crucial=not self.view.filter.crucial))

    def action_clear_filter(self) -> None:
        self.set_filter(Filter())

    def action_filter_person(self) -> None:
        # "" is everyone again; None is Esc, which leaves the filter as it was.
        options = [(t("timeline.everyone"), ""), *((name, ident) for ident, name in ops.people(self.session))]

        def chosen(person: str | None) -> None:
            if person is not None:
                self.follow(person or None)

        self.app.push_screen(localized(PickOne)(t("timeline.pick_person"), options), chosen)

    def follow(self, person: str | None) -> None:
        """Show the moments one person was involved in (None: everyone again)."""
        self.set_filter(replace(self.view.filter, person=person))
