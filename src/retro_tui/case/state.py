"""Where a case stands: the declaration in force, the course with its latest "on
course?" answers, the actions still open, the next meeting and the evaluation's results.

Actions are joined by id across meetings: a meeting carries the previous meeting's open
actions over with the same ids, and an action stays open until a later meeting marks
its carried copy done."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..model import Session
from ..model.enums import ActionState, CourseState, KeptState, ReviewAbout, Sense
from ..model.followup import Action, CarriedAction, CourseItem, Review
from ..model.session import CoreTeamMember, IntentionDeclaration
from .collect import Case, CaseSession

PROSPECTIVE, MEETING, EVALUATION = "prospective", "meeting", "evaluation"


@dataclass(frozen=True)
class CourseLine:
    item: CourseItem
    state: CourseState | None = None  # the latest meeting's answer that gave one
    why: str = ""
    checked: dt.date | None = None  # that meeting's date


@dataclass(frozen=True)
class OpenAction:
    action: Action  # the latest copy: the meeting that agreed it, or the last that carried it
    who: str  # the core-team member's name, "" when nobody holds it
    state: ActionState | None = None  # partly or not done, as a later meeting found it
    in_the_way: str = ""


@dataclass(frozen=True)
class EvaluationResult:
    source: CaseSession
    reviews: tuple[Review, ...]
    sense_now: Sense | None
    sense_before: Sense | None
    changes: tuple[str, ...]

    def tally(self, about: ReviewAbout) -> dict[KeptState | None, int]:
        counts: dict[KeptState | None, int] = {}
        for review in self.reviews:
            if review.about == about:
                counts[review.kept] = counts.get(review.kept, 0) + 1
        return counts


@dataclass
class CaseState:
    case: Case
    declaration: IntentionDeclaration | None = None
    declaration_source: CaseSession | None = None
    core_team: list[CoreTeamMember] = field(default_factory=list)
    course: list[CourseLine] = field(default_factory=list)
    open_actions: list[OpenAction] = field(default_factory=list)
    done_actions: int = 0
    next_meeting: dt.datetime | dt.date | None = None
    next_place: str = ""  # where, when the latest meeting set it
    evaluation: EvaluationResult | None = None

    @property
    def meetings(self) -> list[CaseSession]:
        return self.case.of_kind(MEETING)


def _has_declaration(closing: IntentionDeclaration) -> bool:
    return bool(closing.core_team or closing.commitments or closing.assignment.strip())


def declaration_in_force(case: Case) -> tuple[IntentionDeclaration | None, CaseSession | None]:
    """The latest prospective analysis's declaration, else the retrospective's closing
    (unless it was passed over, to be made in the prospective analysis)."""
    for item in reversed(case.of_kind(PROSPECTIVE)):
        if _has_declaration(item.session.closing):
            return item.session.closing, item
    retro = case.retrospective
    if retro and "closing" not in retro.session.session.skipped_steps and _has_declaration(retro.session.closing):
        return retro.session.closing, retro
    return None, None


def _course(case: Case) -> list[CourseLine]:
    """The course as last agreed (the latest session that holds it: the prospective
    analysis, or a meeting's copy), each item with the latest answer given to it."""
    items: list[CourseItem] = []
    for item in case.sessions:
        if item.session.course.items:
            items = list(item.session.course.items)
    lines = []
    for course_item in items:
        line = CourseLine(course_item)
        for meeting in case.of_kind(MEETING):
            for check in meeting.session.meeting.course_checks:
                if check.item == course_item.id and check.state is not None:
                    line = CourseLine(course_item, check.state, check.why, meeting.day)
        lines.append(line)
    return lines


def _actions(case: Case, names: dict[str, str]) -> tuple[list[OpenAction], int]:
    open_: dict[str, Action] = {}
    done: set[str] = set()
    for meeting in case.of_kind(MEETING):
        record = meeting.session.meeting
        for carried in record.carried:
            if carried.state == ActionState.done:
                open_.pop(carried.id, None)
                done.add(carried.id)
            elif carried.id not in done:
                open_[carried.id] = carried
        for action in record.actions:
            if action.id not in done:
                open_[action.id] = action.model_copy(update={"made": action.made or meeting.day})
    out = []
    for action in open_.values():
        state = action.state if isinstance(action, CarriedAction) else None
        in_the_way = action.in_the_way if isinstance(action, CarriedAction) else ""
        out.append(OpenAction(action, names.get(action.who or "", ""), state, in_the_way))
    # By person, then by due date: what each member has to do, the most urgent first.
    out.sort(key=lambda a: (a.who == "", a.who.casefold(), a.action.due or dt.date.max, a.action.what.casefold()))
    return out, len(done)


def next_meeting_date(declaration: IntentionDeclaration | None, today: dt.date) -> dt.date | None:
    """The declaration's first meeting date from today on: a meeting later today is
    still the next one."""
    if declaration is None:
        return None
    return min((d for d in declaration.meeting_dates if d >= today), default=None)


def _evaluation(case: Case) -> EvaluationResult | None:
    latest = case.latest(EVALUATION)
    if latest is None:
        return None
    session: Session = latest.session
    record = session.evaluation
    retro = case.retrospective
    before = record.earlier_sense or (retro.session.relate.group_sense if retro else None)
    return EvaluationResult(latest, tuple(record.reviews), session.relate.group_sense, before,
                            tuple(c.text for c in record.changes))


def case_state(case: Case, today: dt.date | None = None) -> CaseState:
    today = today or dt.date.today()
    declaration, source = declaration_in_force(case)
    state = CaseState(case, declaration, source)
    state.core_team = list(declaration.core_team) if declaration else []
    names: dict[str, str] = {}
    for item in case.sessions:  # the latest spelling of each member's name
        names |= {m.id: m.name for m in item.session.closing.core_team}
    state.course = _course(case)
    state.open_actions, state.done_actions = _actions(case, names)
    latest = case.latest(MEETING)
    if latest and latest.session.meeting.next_starts:
        state.next_meeting = latest.session.meeting.next_starts
        state.next_place = latest.session.meeting.next_place.strip()
    else:
        state.next_meeting = next_meeting_date(declaration, today)
    state.evaluation = _evaluation(case)
    return state
