"""The next session of a case, pre-filled from what the case already holds, so nobody
types the core team, the course or the open actions twice.

Each follow-up file is whole on its own (model/followup.py): it carries copies, with
the same ids, of the participants (without their check-in words, which were said in
the room they were said in), the core team, the course, the open actions and the
family's names for masking, so it reads, exports and pseudonymises alone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..i18n import current_language, t
from ..method import catalogue, kind as kind_of
from ..model import Session
from ..model.enums import CatalogueKind, ReviewAbout, Status
from ..model.followup import (
    Backdrop, BackdropInsight, BackdropMoment, CarriedAction, CourseCheck, CourseStep, MemberCheckin, Review,
)
from ..model.ids import new_id
from ..model.session import FamilyMember, FamilyStep, IntentionDeclaration, Participant
from . import FOLLOW_UPS
from .collect import Case, CaseError
from .describe import in_sentence
from .state import EVALUATION, MEETING, PROSPECTIVE, case_state

assert FOLLOW_UPS == (PROSPECTIVE, MEETING, EVALUATION)


def _participants(source: Session) -> list[Participant]:
    return [p.model_copy(update={"check_in": ""}) for p in source.checkin.participants]


def _family_names(source: Session) -> FamilyStep:
    """Only what masking needs: who is who (pseudonym, role) and the names they go by."""
    members = [FamilyMember(id=m.id, pseudonym=m.pseudonym, role=m.role, aliases=list(m.aliases))
               for m in source.family.members]
    return FamilyStep(members=members, family_names=list(source.family.family_names))


def _latest_with(case: Case, has) -> Session | None:
    for item in reversed(case.sessions):
        if has(item.session):
            return item.session
    return None


def _commitment_key(name: str) -> str:
    """As bundles count commitments: the catalogue id when the name is a catalogue
    commitment's (in either language), else the commitment's own name."""
    for item in catalogue():
        if item.kind == CatalogueKind.commitment and name.casefold() in {v.casefold() for v in item.label.values()}:
            return item.id
    return name


def _meeting_start(state, today: dt.date) -> dt.datetime | None:
    from ..report.calendar import meeting_time

    latest = state.case.latest(MEETING)
    if latest and latest.session.meeting.next_starts:
        return latest.session.meeting.next_starts
    declaration = state.declaration
    day = min((d for d in declaration.meeting_dates if d >= today), default=None) if declaration else None
    hours = meeting_time(declaration.frequency) if declaration else None
    if day is None or hours is None:
        return None  # a time made up would go into the calendar file as the meeting's
    return dt.datetime.combine(day, hours[0])


def next_session(case: Case, kind: str, *, title: str = "", today: dt.date | None = None) -> Session:
    """The case's next session of `kind`, not yet written; CaseError when the case is
    not there yet (no retrospective; a meeting or evaluation before a declaration)."""
    from ..store import new_session

    today = today or dt.date.today()
    if kind not in FOLLOW_UPS:
        raise CaseError(t("case.not_a_follow_up", kind=kind, kinds=", ".join(FOLLOW_UPS)))
    retro = case.retrospective
    if retro is None:
        raise CaseError(t("case.no_retrospective", code=case.code))
    state = case_state(case, today)
    if kind != PROSPECTIVE and state.declaration is None:
        raise CaseError(t("case.no_declaration", code=case.code, kind=in_sentence(kind_of(kind).in_language(current_language()).name)))
    base = retro.session
    meta = base.session
    latest = case.sessions[-1].session
    session = new_session(title or _title(case, kind, meta.language), meta.language)
    new = session.session
    new.kind, new.case_code, new.date, new.status = kind, meta.case_code, today, Status.preparing
    new.current_step = kind_of(kind).steps[0].id
    for name in ("facilitator", "facilitator_organisation", "place", "learning_question"):
        setattr(new, name, getattr(latest.session, name) or getattr(meta, name))
    session.checkin.participants = _participants(_latest_with(case, lambda s: bool(s.checkin.participants)) or base)
    session.family = _family_names(base)
    if kind == PROSPECTIVE:
        _prospective(session, retro.path, base)
    else:
        _declaration_copy(session, state)
        (_meeting if kind == MEETING else _evaluation)(session, state, today)
    return session


def _title(case: Case, kind: str, language) -> str:
    name = kind_of(kind).in_language(str(language)).name
    if kind == MEETING:
        name = f"{name} {len(case.of_kind(MEETING)) + 1}"
    return f"{name}: {case.retrospective.session.session.title}" if case.retrospective else name


def _prospective(session: Session, source: Path, base: Session) -> None:
    crucial = sorted((e for e in base.timeline.events if e.crucial), key=lambda e: e.sort_key)
    session.backdrop = Backdrop(
        source=source.name,
        moments=[BackdropMoment(id=e.id, when=e.date_label or str(e.date), title=e.title) for e in crucial],
        insights=[BackdropInsight(id=i.id, category=i.category, text=i.text) for i in base.insights.items],
    )
    if base.closing.core_team or base.closing.commitments or base.closing.assignment.strip():
        # The retrospective's closing as a start; the prospective analysis makes it whole.
        session.closing = base.closing.model_copy(deep=True, update={"notes": ""})


def _declaration_copy(session: Session, state) -> None:
    declaration: IntentionDeclaration = state.declaration
    session.closing = declaration.model_copy(deep=True, update={"notes": ""})
    course = [line.item for line in state.course]
    session.course = CourseStep(items=[c.model_copy() for c in course])


def _meeting(session: Session, state, today: dt.date) -> None:
    members = session.closing.core_team
    record = session.meeting
    taken: set[str] = set()

    def fresh(prefix: str) -> str:
        ident = new_id(prefix, taken)
        taken.add(ident)
        return ident

    record.starts = _meeting_start(state, today)
    record.checkins = [MemberCheckin(id=fresh("mc"), member=m.id) for m in members]
    record.course_checks = [CourseCheck(id=fresh("cc"), item=c.id) for c in session.course.items]
    # The open actions with their own ids, to be looked at again: done, partly, not done.
    record.carried = [
        CarriedAction(**open_action.action.model_dump(include=set(CarriedAction.model_fields) - {"state", "in_the_way"}))
        for open_action in state.open_actions
    ]
    # Actions held by a member no longer in the core team are still carried, held by nobody.
    known = {m.id for m in members}
    for action in record.carried:
        if action.who not in known:
            action.who = None
        action.helpers = [h for h in action.helpers if h in known]


def _evaluation(session: Session, state, today: dt.date) -> None:
    closing = session.closing
    taken: set[str] = set()

    def fresh() -> str:
        ident = new_id("rv", taken)
        taken.add(ident)
        return ident

    reviews = [Review(id=fresh(), about=ReviewAbout.commitment, ref=c.id, commitment=_commitment_key(c.name), text=c.name)
               for c in closing.commitments]
    reviews += [Review(id=fresh(), about=ReviewAbout.course, ref=c.id, text=" ".join(c.text.split()))
                for c in session.course.items]
    reviews += [Review(id=fresh(), about=ReviewAbout.backing, ref=b.id, text=b.organisation) for b in closing.backing]
    session.evaluation.reviews = reviews
    retro = state.case.retrospective
    session.evaluation.earlier_sense = retro.session.relate.group_sense if retro else None
