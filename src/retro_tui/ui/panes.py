"""What each step captures: one pane per step, built from record tables and forms.

Panes only arrange; the lists they edit are the session model's own, and every change
bubbles up as `SessionChanged` for the screen to autosave.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Select, Static

from .. import operations as ops
from ..i18n import label, t
from ..method import Step, catalogue
from ..method import step as method_step
from ..model import (
    Backing,
    Commitment,
    CoreTeamMember,
    FamilyMember,
    Insight,
    InsightCategory,
    InsightLevel,
    Participant,
    ParticipantSide,
    Relation,
    RelationKind,
    Remark,
    Sense,
    SenseRating,
    Session,
    StepId,
)
from .family_map import FamilyMap
from .declaration import DeclarationPanel
from .edit_panel import EditPanel
from .field_spec import FieldSpec
from .guard import refused
from .keys import Key, localized
from .textual_words import choice
from .messages import SessionChanged
from .records import Column, RecordTable

if TYPE_CHECKING:
    from .session_screen import SessionScreen
    from .timeline_pane import TimelinePane
    from .timeline_view import TimelineView


def _enum_choices(enum):
    return lambda: [(label(member), member) for member in enum]


class StepPane(VerticalScroll, can_focus=False):
    """Base of the six panes: knows the session, rebuilds its tables on demand."""

    DEFAULT_CSS = """
    StepPane { padding: 0 1; }
    StepPane RecordTable { margin-bottom: 1; }
    StepPane #family-names { margin-bottom: 1; color: $text-muted; }
    """

    def __init__(self, session: Session, step: Step | StepId | str):
        """`step`: the method's step (a kind's); a retrospective's StepId as before."""
        if not isinstance(step, Step):
            step = method_step(step)
        super().__init__(id=f"pane-{step.id}")
        self.session = session
        self.step = step

    def focus_first(self) -> bool:
        """Put the keyboard where the step's work is: its first list or panel.

        False while the pane's own widgets are still being composed."""
        targets = self.query("DataTable, EditPanel")
        if not targets:
            return False
        # Set at once, not through Widget.focus (a queued callback): keys typed right
        # behind F6 are queued already and would go to the step left behind.
        self.screen.set_focus(targets.first())
        return True

    def others_saved(self) -> None:
        """Another writer's changes came in: show them, on the same records as before."""
        for table in self.query(RecordTable):
            table.reload()
        for family_map in self.query(FamilyMap):
            family_map.refresh_map()
        for panel in self.query(EditPanel):
            panel.show()

    def table(self, *args, **kwargs) -> RecordTable:
        return localized(RecordTable)(*args, **kwargs)

    def people_choices(self):
        return lambda: [(name, ident) for ident, name in ops.people(self.session)]

    def participant_choices(self):
        return lambda: [(p.name, p.id) for p in self.session.checkin.participants]


class CheckinPane(StepPane):
    KEYS = [Key("r", "round", "key.round", id="round")]

    def on_mount(self) -> None:
        self._people = self._names()

    def _names(self) -> dict[str, tuple[str, str]]:
        return {p.id: (p.name, p.organisation) for p in self.session.checkin.participants}

    def on_session_changed(self, event: SessionChanged) -> None:
        # A participant renamed here is renamed in the core team's copy too (a
        # follow-up session carries one): typed once. Not stopped: the screen saves.
        ops.follow_participants(self.session, self._people)
        self._people = self._names()

    def others_saved(self) -> None:
        super().others_saved()
        self._people = self._names()

    def reopen(self, origin: dict, values: dict) -> bool:
        """The round's form as it was when the app stopped; the round goes on from there."""
        people = self.session.checkin.participants
        index = next((i for i, p in enumerate(people) if p.id == origin.get("record")), None)
        if index is None:
            return False
        self.action_round(index, values)
        return True

    def action_round(self, index: int = 0, values: dict | None = None) -> None:
        """The check-in round: each participant in turn, only their words to write."""
        if refused(self):
            return
        people = self.session.checkin.participants
        if index >= len(people):
            return
        person = people[index]
        spec = [FieldSpec("check_in", "field.check_in", "text", hint="hint.check_in")]
        title = t("checkin.round_title", name=person.name, number=index + 1, count=len(people))

        def done(result) -> None:
            if result is None:
                return  # Esc ends the round
            current = next((p for p in self.session.checkin.participants if p.id == person.id), person)
            current.check_in = result.check_in  # by id: others' changes may have come in
            self.query_one(RecordTable).reload(person.id)
            self.post_message(SessionChanged())
            self.action_round(index + 1)

        from .forms import RecordForm
        form = localized(RecordForm)(title, person, spec, values=values)
        form.origin = {"record": person.id}
        self.app.push_screen(form, done)

    def compose(self) -> ComposeResult:
        s = self.session
        yield self.table(
            "checkin.participants",
            lambda: s.checkin.participants,
            [
                # At 80 columns: whole names, how each takes part, the start of their
                # words; organisation and role, and what was cut, under the table.
                Column("field.name", lambda p: p.name, 18, keep=True),
                Column("field.organisation", lambda p: p.organisation, 22, spare=True),
                Column("field.role", lambda p: p.role, 22, spare=True),
                Column("field.side_short", lambda p: "" if p.side == ParticipantSide.professional else label(p.side), 12),
                Column("field.check_in", lambda p: p.check_in, 40),
            ],
            [
                FieldSpec("name", "field.name", optional=False),
                FieldSpec("organisation", "field.organisation"),
                FieldSpec("role", "field.role", hint="hint.role"),
                # Family and experts by experience are masked in the report like the family.
                FieldSpec("side", "field.side", "choice", _enum_choices(ParticipantSide), optional=False),
                FieldSpec("check_in", "field.check_in", "text", hint="hint.check_in"),
            ],
            lambda: Participant.model_construct(id=ops.fresh_id(s, "p"), name=""),
            on_remove=lambda p: ops.remove_person(s, p.id),
            id="participants",
        )


class RelatePane(StepPane):
    DEFAULT_CSS = """
    RelatePane #group-sense-row { height: auto; }
    /* Under its question, not beside it: at 80 columns the answer then fits whole. */
    RelatePane #group-sense { width: 1fr; max-width: 40; }
    """

    # The lists of remarks under the senses (the evaluation asks the senses alone again).
    REMARKS: tuple[str, ...] = ("observations", "agreements")

    def compose(self) -> ComposeResult:
        s = self.session
        # The group as a whole first: the question of this step is asked of the room.
        with Vertical(id="group-sense-row"):
            yield Static(t("relate.group_sense"), classes="records-title")
            yield choice(
                [(label(sense), sense) for sense in Sense],
                value=s.relate.group_sense if s.relate.group_sense else Select.NULL,
                prompt=t("relate.not_yet"),
                id="group-sense",
            )
        yield from self.beside_group()
        yield self.table(
            "relate.senses",
            lambda: s.relate.senses,
            [
                Column("field.who", lambda r: ops.short_name(s, r.participant) if r.participant else t("relate.group"), 18),
                Column("field.sense_short", lambda r: label(r.sense), 23),
                Column("field.note", lambda r: r.note, 40),
            ],
            [
                FieldSpec("participant", "field.who", "choice", self.participant_choices(), hint="relate.group"),
                FieldSpec("sense", "field.sense", "choice", _enum_choices(Sense), optional=False),
                FieldSpec("note", "field.note", "text"),
            ],
            lambda: SenseRating(id=ops.fresh_id(s, "sr"), sense=Sense.mixed),
            id="senses",
        )
        for name in self.REMARKS:
            yield self.table(
                f"relate.{name}",
                lambda name=name: getattr(s.relate, name),
                [Column("field.text", lambda r: r.text, 70)],
                [FieldSpec("text", "field.text", "text", optional=False)],
                lambda name=name: Remark.model_construct(id=ops.fresh_id(s, name[:2]), text=""),
                id=name,
            )

    def others_saved(self) -> None:
        super().others_saved()
        # The group's answer too, without it coming back as a change of this app's own.
        select = self.query_one("#group-sense", Select)
        sense = self.session.relate.group_sense
        with select.prevent(Select.Changed):
            select.value = sense if sense else Select.NULL

    def beside_group(self) -> ComposeResult:
        """What a pane built on this one shows under the group's answer."""
        yield from ()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "group-sense":
            value = None if event.value is Select.NULL else Sense(str(event.value))
            if value != self.session.relate.group_sense:
                if refused(self):
                    return
                self.session.relate.group_sense = value
                self.post_message(SessionChanged())


class FamilyPane(StepPane):
    KEYS = [
        Key("t", "follow", "family.key_follow", id="follow"),
        Key("n", "family_names", "family.key_names", id="family_names"),
    ]

    def _names_line(self) -> str:
        names = [n for n in self.session.family.family_names if n.strip()]
        return t("family.names", names=", ".join(names)) if names else t("family.names_none")

    def action_family_names(self) -> None:
        """The family's surnames: every export replaces them, wherever they are typed."""
        if refused(self):
            return
        spec = [FieldSpec("family_names", "field.family_names", "lines", hint="hint.family_names")]

        def done(result) -> None:
            if result is None:
                return
            self.session.family.family_names = result.family_names
            self.query_one("#family-names", Static).update(self._names_line())
            self.post_message(SessionChanged())

        from .forms import RecordForm
        form = localized(RecordForm)(t("family.names_title"), self.session.family, spec)
        self.app.push_screen(form, done)

    def others_saved(self) -> None:
        super().others_saved()
        self.query_one("#family-names", Static).update(self._names_line())

    async def action_follow(self) -> None:
        """The moments on the timeline that the selected family member was part of."""
        member = self.query_one("#members", RecordTable).current()
        if member is not None:
            screen = cast("SessionScreen", self.screen)
            timeline = await screen.pane(StepId.timeline)  # built whole before it filters
            screen.go_to(StepId.timeline)
            cast("TimelinePane", timeline).follow(member.id)

    def compose(self) -> ComposeResult:
        s = self.session
        yield self.table(
            "family.members",
            lambda: s.family.members,
            [
                Column("field.pseudonym", lambda m: m.pseudonym, 14),
                # Beside the pseudonym, so other names are in view at 80 columns too.
                Column("field.aliases_short", lambda m: ", ".join(m.aliases), 12),
                Column("field.family_role", lambda m: m.role, 22),
                Column("field.age", lambda m: "" if m.age is None else str(m.age), 4),
                Column("field.nature", lambda m: m.nature, 24),
            ],
            # Nature and joys come before limits: the method turns the room to the person first.
            [
                FieldSpec("pseudonym", "field.pseudonym", hint="hint.pseudonym", optional=False),
                FieldSpec("aliases", "field.aliases", "lines", hint="hint.aliases"),
                FieldSpec("role", "field.family_role", hint="hint.family_role"),
                FieldSpec("age", "field.age", "number"),
                FieldSpec("nature", "field.nature", "text", hint="hint.nature"),
                FieldSpec("joys", "field.joys", "text", hint="hint.joys"),
                FieldSpec("strengths", "field.strengths", "text"),
                FieldSpec("needs", "field.needs", "text", hint="hint.needs"),
                FieldSpec("limits", "field.limits", "text"),
            ],
            lambda: FamilyMember.model_construct(id=ops.fresh_id(s, "fm"), pseudonym=""),
            on_remove=lambda m: ops.remove_person(s, m.id),
            id="members",
        )
        # Under the members, where it is in view when the step opens on their list.
        yield Static(self._names_line(), id="family-names")
        yield self.table(
            "family.relations",
            lambda: s.family.relations,
            [
                Column("field.from", lambda r: ops.short_name(s, r.source), 16),
                Column("field.kind", lambda r: label(r.kind), 12),
                Column("field.to", lambda r: ops.short_name(s, r.target), 16),
                Column("field.note", lambda r: r.note, 30),
            ],
            [
                FieldSpec("source", "field.from", "choice", self.people_choices(), optional=False),
                FieldSpec("kind", "field.kind", "choice", _enum_choices(RelationKind), optional=False),
                FieldSpec("target", "field.to", "choice", self.people_choices(), optional=False),
                FieldSpec("note", "field.note", "text"),
            ],
            self._new_relation,
            id="relations",
        )
        yield Static(t("family.map"), classes="records-title")
        yield FamilyMap(s)

    def _new_relation(self) -> Relation:
        return Relation.model_construct(
            id=ops.fresh_id(self.session, "rel"), source=None, target=None, kind=RelationKind.close  # type: ignore[arg-type]  # blank until the form is filled in
        )

    def on_session_changed(self, event: SessionChanged) -> None:
        # A renamed or removed member shows in the relations and the map at once.
        self.query_one(FamilyMap).refresh_map()
        self.query_one("#relations", RecordTable).reload()


class InsightsPane(StepPane):
    DEFAULT_CSS = """
    InsightsPane #backdrop { height: 8; margin-bottom: 1; }
    """
    KEYS = [Key("m", "moments", "moments.key_link", id="moments")]

    def compose(self) -> ComposeResult:
        from .timeline_view import TimelineView

        s = self.session
        # The whole case zoomed out behind the insights: step 5 looks back at the line,
        # and the moments the selected insight links to are marked on it.
        backdrop = localized(TimelineView)(s, id="backdrop")
        backdrop.can_focus = False
        yield backdrop

        def event_choices():
            # Crucial moments first: they are what step 5 looks back on.
            events = sorted(ops.events_in_order(s), key=lambda e: not e.crucial)
            return [(f"{'★ ' if e.crucial else ''}{e.date_label or e.date} {e.title}", e.id) for e in events]

        def tag_choices():
            from ..i18n import current_language

            lang = current_language()
            own = [(f"{e.nl or e.en}", e.id) for e in s.catalogue]
            return [(f"{label(item.kind)}: {item.label[lang]}", item.id) for item in catalogue()] + own

        yield self.table(
            "insights.items",
            lambda: s.insights.items,
            [
                Column("field.category", lambda i: label(i.category), 22),
                Column("field.text", lambda i: i.text, 40),
                Column("field.events_count", lambda i: str(len(i.events)), 3),
                Column("field.tags_count", lambda i: str(len(i.tags)), 3),
            ],
            [
                FieldSpec("category", "field.category", "choice", _enum_choices(InsightCategory), optional=False),
                FieldSpec("text", "field.text", "text", optional=False),
                FieldSpec("level", "field.level", "choice", _enum_choices(InsightLevel)),
                FieldSpec("events", "field.events", "many", event_choices),
                FieldSpec("tags", "field.tags", "many", tag_choices),
            ],
            lambda: Insight.model_construct(id=ops.fresh_id(s, "in"), category=InsightCategory.stands_out, text=""),
            id="insights",
        )

    def _insight(self) -> Insight | None:
        return self.query_one("#insights", RecordTable).current()

    def on_data_table_row_highlighted(self, event) -> None:
        self._show_links()

    def on_session_changed(self, event: SessionChanged) -> None:
        self._show_links()

    def others_saved(self) -> None:
        super().others_saved()
        self.on_show()

    def on_show(self) -> None:
        # Events may have changed in the timeline step since this pane was last seen.
        cast("TimelineView", self.query_one("#backdrop")).reload()
        self._show_links()

    def _show_links(self) -> None:
        insight = self._insight()
        cast("TimelineView", self.query_one("#backdrop")).mark(insight.events if insight else [])

    def action_moments(self) -> None:
        """Link the selected insight to moments, picked on the timeline itself."""
        if refused(self):
            return
        from .moments import MomentPicker

        insight = self._insight()
        if insight is None:
            return

        def picked(ids: list[str] | None) -> None:
            if ids is not None and ids != insight.events:
                current = next((i for i in self.session.insights.items if i.id == insight.id), insight)
                current.events = ids  # by id: others' changes may have come in
                self.query_one("#insights", RecordTable).reload(insight.id)
                self.post_message(SessionChanged())

        self.app.push_screen(localized(MomentPicker)(self.session, insight.events, insight.text[:60]), picked)


class ClosingPane(StepPane):
    def compose(self) -> ComposeResult:
        s = self.session
        c = s.closing
        yield self.table(
            "closing.core_team",
            lambda: c.core_team,
            [
                Column("field.name", lambda m: m.name, 18, keep=True),
                Column("field.organisation", lambda m: m.organisation),
                Column("field.role", lambda m: m.role),
            ],
            [
                FieldSpec("name", "field.name", optional=False),
                FieldSpec("organisation", "field.organisation"),
                FieldSpec("role", "field.core_role", hint="hint.core_role"),
                FieldSpec("participant", "field.participant", "choice", self.participant_choices()),
            ],
            lambda: CoreTeamMember.model_construct(id=ops.fresh_id(s, "ct"), name=""),
            id="core_team",
        )
        yield localized(DeclarationPanel)(s)
        yield self.table(
            "closing.backing",
            lambda: c.backing,
            [Column("field.organisation", lambda b: b.organisation), Column("field.needed", lambda b: b.needed, 50)],
            [FieldSpec("organisation", "field.organisation", optional=False), FieldSpec("needed", "field.needed", "text")],
            lambda: Backing.model_construct(id=ops.fresh_id(s, "bk"), organisation=""),
            id="backing",
        )
        yield self.table(
            "closing.commitments",
            lambda: c.commitments,
            [Column("field.name", lambda m: m.name), Column("field.sentence", lambda m: m.sentence, 50)],
            [FieldSpec("name", "field.name", optional=False), FieldSpec("sentence", "field.sentence", "text")],
            lambda: Commitment.model_construct(id=ops.fresh_id(s, "cm"), name=""),
            id="commitments",
        )


# The panes made for a step, by the name a kind's file gives (`pane`): the module they
# live in and their class. Only the module of a pane being built is imported, so opening
# a session on its check-in does not import the timeline's drawing, nor a follow-up's panes.
MADE = {
    "checkin": (".panes", "CheckinPane"),
    "relate": (".panes", "RelatePane"),
    "family": (".panes", "FamilyPane"),
    "timeline": (".timeline_pane", "TimelinePane"),
    "insights": (".panes", "InsightsPane"),
    "closing": (".panes", "ClosingPane"),
    "backdrop": (".panes_prospective", "BackdropPane"),
    "core_team": (".panes_prospective", "CoreTeamPane"),
    "commitments": (".panes_prospective", "CommitmentsPane"),
    "meeting_checkin": (".panes_meeting", "MeetingCheckinPane"),
    "progress": (".panes_meeting", "ProgressPane"),
    "relate_again": (".panes_evaluation", "RelateAgainPane"),
}


def pane_class(step: Step | StepId) -> type[StepPane]:
    """The pane a step names (`pane` in its kind's file), else the generic pane that
    lists the step's records. A bare StepId is the retrospective's step of that name."""
    from importlib import import_module

    if not isinstance(step, Step):
        step = method_step(step)
    module, name = MADE.get(step.pane or "", (".records_pane", "RecordsPane"))
    return getattr(import_module(module, __package__), name)
