"""What the sessions after the retrospective record: the prospective analysis, the core
team's weekly meeting (the flywheel, seed 004) and the evaluation.

Each follow-up file is whole on its own: it carries copies of what it looks back on
(the core team, the course, the open actions, the family's names for masking) with the
same ids as in the session they came from, so a case can join them by id while each
file still reads, exports and pseudonymises alone.
"""


import datetime as dt

from pydantic import Field

from .enums import ActionState, CourseState, InsightCategory, KeptState, ReviewAbout, Sense
from .fields import new_list, Entity, Line, Model, Name, Prose, Remark, Stamp, Text
from .ids import Id


# --- prospective analysis -----------------------------------------------------------


class UndercurrentStep(Model):
    """What pulls us off course and away from each other, and how we still do
    "samen" and "vertrouwen" when it chafes."""

    notes: Prose = ""
    pulls: list[Remark] = Field(default_factory=new_list)
    together: list[Remark] = Field(default_factory=new_list)
    trust: list[Remark] = Field(default_factory=new_list)


class CourseItem(Entity):
    """One line of the agreed course ("De stem van het kind is leidend")."""

    text: Name


class CourseStep(Model):
    notes: Prose = ""
    items: list[CourseItem] = Field(default_factory=new_list)


class BackdropMoment(Entity):
    when: Line = ""
    title: Line = ""


class BackdropInsight(Entity):
    category: InsightCategory
    text: Text = ""


class Backdrop(Model):
    """The retrospective's crucial moments and insights, copied read-only when the
    prospective analysis was started: what the group looks forward from."""

    source: Line = ""  # the retrospective's file name
    moments: list[BackdropMoment] = Field(default_factory=new_list)
    insights: list[BackdropInsight] = Field(default_factory=new_list)


# --- the core team's weekly meeting -------------------------------------------------


class MemberCheckin(Entity):
    """ "Zit je lekker in het zadel, en zo niet: wat wringt, wat heb je nodig?" """

    member: Id | None = None  # a core-team member (closing.core_team)
    saddle: Text = ""
    chafes: Text = ""
    needs: Text = ""


class CourseCheck(Entity):
    item: Id  # a course item (course.items)
    state: CourseState | None = None
    why: Text = ""


class Action(Entity):
    """Who does what, with what result, by when; is it bearable, and who helps."""

    who: Id | None = None  # a core-team member
    what: Name
    expected: Text = ""
    due: dt.date | None = None
    bearable: bool | None = None
    helpers: list[Id] = Field(default_factory=new_list)
    made: dt.date | None = None  # the meeting that agreed it


class CarriedAction(Action):
    """An open action from the previous meeting, with the same id, looked back on."""

    state: ActionState | None = None
    in_the_way: Text = ""


class MeetingRecord(Model):
    starts: Stamp | None = None
    checkins: list[MemberCheckin] = Field(default_factory=new_list)
    summary: Prose = ""
    progress: Prose = ""
    course_checks: list[CourseCheck] = Field(default_factory=new_list)
    carried: list[CarriedAction] = Field(default_factory=new_list)
    actions: list[Action] = Field(default_factory=new_list)
    next_starts: Stamp | None = None
    next_place: Line = ""


# --- the evaluation -----------------------------------------------------------------


class Review(Entity):
    """Kept? What got in the way? For one commitment, course item or backing."""

    about: ReviewAbout
    ref: Id | None = None  # the commitment, course item or backing it looks back on
    commitment: Line = ""  # the catalogue id or the name, as bundles count them
    text: Line = ""
    kept: KeptState | None = None
    in_the_way: Text = ""


class EvaluationRecord(Model):
    reviews: list[Review] = Field(default_factory=new_list)
    # The retrospective's answer, shown beside the one asked again (relate.group_sense).
    earlier_sense: Sense | None = None
    family_view: Prose = ""
    changes: list[Remark] = Field(default_factory=new_list)

    @property
    def commitments(self) -> list[Review]:
        return [r for r in self.reviews if r.about == ReviewAbout.commitment]
