"""The closed vocabularies of the method. Values are what the session file holds;
their Dutch and English labels live in the locale files (`enum.<Class>.<value>`)."""

from enum import StrEnum


class Language(StrEnum):
    nl = "nl"
    en = "en"


class Status(StrEnum):
    preparing = "preparing"
    in_session = "in_session"
    report_draft = "report_draft"
    final = "final"


class StepId(StrEnum):
    checkin = "checkin"
    relate = "relate"
    family = "family"
    timeline = "timeline"
    insights = "insights"
    closing = "closing"


class Sense(StrEnum):
    """Do we stand side by side or opposite each other? A five-point scale."""

    side_by_side = "side_by_side"
    mostly_side_by_side = "mostly_side_by_side"
    mixed = "mixed"
    mostly_opposite = "mostly_opposite"
    opposite = "opposite"


class RelationKind(StrEnum):
    parent_of = "parent_of"
    partners = "partners"
    separated = "separated"
    close = "close"
    distant = "distant"
    conflict = "conflict"
    cut_off = "cut_off"
    care = "care"


class EventKind(StrEnum):
    decision = "decision"
    contact = "contact"
    family_fact = "family_fact"
    family_need = "family_need"
    family_experience = "family_experience"
    crisis = "crisis"
    placement = "placement"
    other = "other"


class Lane(StrEnum):
    """Work card 3: professionals above the line, the family below it."""

    professionals = "professionals"
    family = "family"


class ParticipantSide(StrEnum):
    """Who a participant is there as: a professional keeps their name in the report; a
    family member or an expert by experience is pseudonymised like the family."""

    professional = "professional"
    family = "family"
    expert_by_experience = "expert_by_experience"


class InsightCategory(StrEnum):
    stands_out = "stands_out"
    crucial_moments = "crucial_moments"
    hindsight = "hindsight"
    asks_of_us = "asks_of_us"
    conditions = "conditions"


class CatalogueKind(StrEnum):
    pattern = "pattern"
    limiting = "limiting"
    helpful = "helpful"
    element = "element"
    commitment = "commitment"  # towards the family, seed 004 ch. 4


class InsightLevel(StrEnum):
    """Where an insight sits, in the order the regional report (seed 004, ch. 3) groups
    what it found: the family, our own work, the collaboration, the organisations."""

    family_system = "family_system"
    own_work = "own_work"
    collaboration = "collaboration"
    organisations = "organisations"


class CourseState(StrEnum):
    """The core team's weekly question of each course item: are we still on course?"""

    on_course = "on_course"
    partly = "partly"
    off_course = "off_course"


class ActionState(StrEnum):
    """An action carried over from the previous meeting, looked at critically."""

    done = "done"
    partly = "partly"
    not_done = "not_done"


class KeptState(StrEnum):
    """The evaluation's question of a commitment, course item or backing: kept?"""

    kept = "kept"
    partly = "partly"
    not_kept = "not_kept"


class ReviewAbout(StrEnum):
    """What an evaluation looks back on: the declaration's three kinds of promise."""

    commitment = "commitment"
    course = "course"
    backing = "backing"
