"""The whole session as pydantic models: what the file holds, in method order.

Field order here is the key order in the file, so the file reads like the session went.
Every list item carries a stable `id`; cross references are checked in `integrity.py`.
"""


import datetime as dt
from typing import Annotated, Self

from pydantic import AfterValidator, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from .dates import PartialDate, sort_key
from .enums import (
    EventKind,
    InsightCategory,
    InsightLevel,
    Lane,
    Language,
    ParticipantSide,
    RelationKind,
    Sense,
    Status,
    StepId,
)
from .fields import new_list, Entity, Line, Model, Name, NameLine, Prose, Remark, Stamp, TagId, Text
from .followup import Backdrop, CourseStep, EvaluationRecord, MeetingRecord, UndercurrentStep
from .ids import Id

# A step of the session's kind (`method/kinds/*.toml`): which steps a kind has is
# method data, checked against the kind in `integrity.py`, not a closed vocabulary.
_RETROSPECTIVE_STEPS: dict[str, StepId] = {step.value: step for step in StepId}


def _step_key(value: str) -> str:
    # The retrospective's steps read back as their StepId, as before kinds existed.
    return _RETROSPECTIVE_STEPS.get(value, value)


StepKey = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$"), AfterValidator(_step_key)]
KindId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]

SCHEMA_VERSION = 1


# --- session meta -------------------------------------------------------------------


class Reopening(Model):
    """A final report made a draft again: a deliberate act, kept in the file."""

    at: Stamp
    reason: Text = ""
    finalized_before: Stamp | None = None


class CopyOrigin(Model):
    """A copy made to travel (`retro-tui export --format session`): which session and
    which version of it, so bringing the copy back knows what was changed in it."""

    session: Id
    revision: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{8,64}$")]
    made: Stamp


class SessionMeta(Model):
    title: NameLine
    case_code: Line = ""
    learning_question: Text = ""  # the case's question the session set out to learn from
    date: dt.date | None = None
    place: Line = ""
    facilitator: Line = ""
    facilitator_organisation: Line = ""  # signs the report's e-mail with the name
    notetaker: Line = ""
    language: Language
    # retrospective, prospective, meeting or evaluation: which file of steps it follows.
    kind: KindId = "retrospective"
    status: Status
    feedback_deadline: dt.date | None = None
    finalized: Stamp | None = None
    reopenings: list[Reopening] = Field(default_factory=new_list)
    id: Id | None = None  # made when a copy first travels; a copy has its original's
    copy_of: CopyOrigin | None = None
    created: Stamp
    updated: Stamp
    # The clock of the session itself, so a restarted app carries on where it was.
    started: Stamp | None = None
    current_step: StepKey = StepId.checkin
    seconds_per_step: dict[StepKey, Annotated[int, Field(ge=0)]] = Field(default_factory=dict)
    # Optional steps passed over on purpose (the retrospective's closing, when a
    # prospective analysis follows and makes the declaration there).
    skipped_steps: list[StepKey] = Field(default_factory=new_list)


# --- step 1: check-in ---------------------------------------------------------------


class Participant(Entity):
    name: NameLine
    organisation: Line = ""
    role: Line = ""
    # Family and experts by experience are pseudonymised in the report; professionals not.
    side: ParticipantSide = ParticipantSide.professional
    check_in: Text = ""


class CheckinStep(Model):
    notes: Prose = ""
    participants: list[Participant] = Field(default_factory=new_list)


# --- step 2: how we relate ----------------------------------------------------------


class SenseRating(Entity):
    """Where one participant (or, without one, the group) stands: side by side or opposite."""

    participant: Id | None = None
    sense: Sense
    note: Text = ""


class RelateStep(Model):
    notes: Prose = ""
    group_sense: Sense | None = None
    senses: list[SenseRating] = Field(default_factory=new_list)
    observations: list[Remark] = Field(default_factory=new_list)
    agreements: list[Remark] = Field(default_factory=new_list)


# --- step 3: family portrait --------------------------------------------------------


class FamilyMember(Entity):
    pseudonym: NameLine
    role: Line = ""
    age: int | None = Field(default=None, ge=0, le=120)
    birth_year: int | None = Field(default=None, ge=1900, le=2100)
    nature: Text = ""
    joys: Text = ""
    strengths: Text = ""
    limits: Text = ""
    needs: Text = ""
    # Other names the member goes by (a real first name, a nickname): kept out of
    # exports like the pseudonym itself.
    aliases: list[Line] = Field(default_factory=new_list)


class Relation(Entity):
    source: Id = Field(alias="from")
    target: Id = Field(alias="to")
    kind: RelationKind
    note: Text = ""

    @model_validator(mode="after")
    def _not_to_self(self) -> Self:
        if self.source == self.target:
            raise PydanticCustomError("relation_to_self", "a relation needs two different people")
        return self


class FamilyStep(Model):
    notes: Prose = ""
    members: list[FamilyMember] = Field(default_factory=new_list)
    relations: list[Relation] = Field(default_factory=new_list)
    # Surnames of the family ("Akkerman", "van der Berg"), replaced in every export.
    family_names: list[Line] = Field(default_factory=new_list)


# --- step 4: timeline ---------------------------------------------------------------


class TimelineEvent(Entity):
    date: PartialDate
    date_label: Line = ""
    title: NameLine
    kind: EventKind = EventKind.other
    lane: Lane
    people: list[Id] = Field(default_factory=new_list)
    what_happened: Text = ""
    parents_dynamic: Text = ""
    effect_on_professionals: Text = ""
    next_step: Text = ""
    facts: Text = ""
    opinions: Text = ""
    assumptions: Text = ""
    emotions: Text = ""
    interpretations: Text = ""
    crucial: bool = False

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return sort_key(self.date)


class TimelineStep(Model):
    notes: Prose = ""
    events: list[TimelineEvent] = Field(default_factory=new_list)


# --- step 5: insights ---------------------------------------------------------------


class Insight(Entity):
    category: InsightCategory
    text: Name
    events: list[Id] = Field(default_factory=new_list)
    tags: list[TagId] = Field(default_factory=new_list)
    # Unset in files from before levels existed; a bundle then places the insight by
    # the level of its tagged patterns.
    level: InsightLevel | None = None


class InsightsStep(Model):
    notes: Prose = ""
    items: list[Insight] = Field(default_factory=new_list)


# --- closing: the intention declaration ---------------------------------------------


class CoreTeamMember(Entity):
    name: NameLine
    organisation: Line = ""
    role: Line = ""
    participant: Id | None = None


class Backing(Entity):
    """The backing (rugdekking) a core-team member needs from their organisation."""

    organisation: NameLine
    needed: Text = ""


class Commitment(Entity):
    name: NameLine
    sentence: Text = ""
    # The core-team member who holds it (closing.core_team), picked, never typed twice.
    member: Id | None = None


class IntentionDeclaration(Model):
    notes: Prose = ""
    core_team: list[CoreTeamMember] = Field(default_factory=new_list)
    assignment: Text = ""
    content_and_process: Text = ""
    # The content team (core-team members among them) works on the analysis and the
    # plan, apart from the process, to a deadline it keeps.
    content_team: list[Id] = Field(default_factory=new_list)
    content_deadline: dt.date | None = None
    backing: list[Backing] = Field(default_factory=new_list)
    collaboration: Text = ""
    frequency: Text = ""
    meeting_dates: list[dt.date] = Field(default_factory=new_list)
    agenda: list[NameLine] = Field(default_factory=new_list)
    commitments: list[Commitment] = Field(default_factory=new_list)


# --- captured along the way ---------------------------------------------------------


class Quote(Entity):
    time: Stamp
    step: StepKey
    speaker_id: Id | None = None
    speaker: Line = ""
    text: Name
    for_report: bool = False
    # Marked for a regional bundle's chapter on how participants experienced the
    # analysis (seed 004 ch. 2): a different audience than this case's own report.
    for_programme: bool = False


class Pause(Entity):
    """A "stop button" moment: the group slows down on purpose."""

    started: Stamp
    ended: Stamp | None = None
    step: StepKey
    note: Text = ""

    @model_validator(mode="after")
    def _ends_after_start(self) -> Self:
        if self.ended is not None and self.ended < self.started:
            raise PydanticCustomError("pause_order", "a pause cannot end before it started")
        return self


class Perspective(Entity):
    """Work card 5: a participant speaks from the place of a person in the timeline."""

    person_id: Id | None = None
    person: Line = ""
    taken_by: Id | None = None
    dilemma_or_fear: Text = ""
    feeling: Text = ""


class CatalogueEntry(Model):
    """A session's own addition to the shipped catalogues, so insights can be tagged with it."""

    id: TagId
    nl: Line = ""
    en: Line = ""

    @model_validator(mode="after")
    def _has_a_label(self) -> Self:
        if not (self.nl or self.en):
            raise PydanticCustomError("catalogue_label", "a catalogue entry needs a Dutch or an English label")
        return self


class ConflictCopy(Model):
    """Two writers changed the same value at once: the other version, kept in sight."""

    at: Stamp
    field: Text
    text: Text
    # For notes: this writer's lines that were kept in place of `text`, so either or
    # both can be taken later (ui/clashes.py).
    kept: Text = ""


class PrivacyChoices(Model):
    # Identifier findings the user has looked at and accepted for export, by fingerprint.
    accepted: list[Text] = Field(default_factory=new_list)


class Session(Model):
    schema_version: int
    session: SessionMeta
    checkin: CheckinStep = Field(default_factory=CheckinStep)
    relate: RelateStep = Field(default_factory=RelateStep)
    family: FamilyStep = Field(default_factory=FamilyStep)
    timeline: TimelineStep = Field(default_factory=TimelineStep)
    insights: InsightsStep = Field(default_factory=InsightsStep)
    closing: IntentionDeclaration = Field(default_factory=IntentionDeclaration)
    # The sessions after the retrospective (model/followup.py); empty, and so absent
    # from the file, in a retrospective.
    backdrop: Backdrop = Field(default_factory=Backdrop)
    undercurrent: UndercurrentStep = Field(default_factory=UndercurrentStep)
    course: CourseStep = Field(default_factory=CourseStep)
    meeting: MeetingRecord = Field(default_factory=MeetingRecord)
    evaluation: EvaluationRecord = Field(default_factory=EvaluationRecord)
    # Notes of the steps without a section of their own (method/kinds: a step's `notes`).
    step_notes: dict[StepKey, Prose] = Field(default_factory=dict)
    quotes: list[Quote] = Field(default_factory=new_list)
    pauses: list[Pause] = Field(default_factory=new_list)
    perspectives: list[Perspective] = Field(default_factory=new_list)
    catalogue: list[CatalogueEntry] = Field(default_factory=new_list)
    privacy: PrivacyChoices = Field(default_factory=PrivacyChoices)
    conflicts: list[ConflictCopy] = Field(default_factory=new_list)

    @property
    def meta(self) -> SessionMeta:
        return self.session
