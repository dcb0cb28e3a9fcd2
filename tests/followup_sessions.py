"""Sessions of the kinds after the retrospective, built from the model as a case would
have them: a core team of five with real-looking names, the course, open actions and
the family's names for masking (fictional, but the kind of names a real file holds)."""

from __future__ import annotations

import datetime as dt

from retro_tui.model import (
    Backing,
    Commitment,
    CoreTeamMember,
    FamilyMember,
    Participant,
    Session,
    SessionMeta,
)
from retro_tui.model.enums import InsightCategory, ReviewAbout, Sense
from retro_tui.model.fields import Remark
from retro_tui.model.followup import (
    Action,
    BackdropInsight,
    BackdropMoment,
    CarriedAction,
    CourseCheck,
    CourseItem,
    MemberCheckin,
    Review,
)

STAMP = dt.datetime(2026, 12, 8, 9, 0)

PEOPLE = [
    ("p-marieke", "Marieke de Vries", "Jeugdbescherming Noord", "jeugdbeschermer"),
    ("p-joost", "Joost Bakker", "Wijkteam Zuid", "ambulant hulpverlener"),
    ("p-fatima", "Fatima El Amrani", "Het Baken (school)", "intern begeleider"),
    ("p-pieter", "Pieter Jansen", "GGZ Jeugd Oost", "behandelaar"),
    ("p-sanne", "Sanne Visser", "Gemeente Groningen", "beleidsadviseur"),
    ("p-henk", "Henk Mulder", "Regionaal Expertiseteam", "regiocoördinator"),
]
CORE = [("ct-marieke", "p-marieke", "casusregisseur"), ("ct-joost", "p-joost", "procesvoorzitter"),
        ("ct-fatima", "p-fatima", "onderwijs"), ("ct-pieter", "p-pieter", "inhoud"),
        ("ct-sanne", "p-sanne", "regio")]


def _meta(kind: str, title: str, step: str) -> SessionMeta:
    return SessionMeta(title=title, case_code="GRN-2026-014", kind=kind, language="nl", status="in_session",
                       date=STAMP.date(), current_step=step, created=STAMP, updated=STAMP)


def _people(session: Session) -> None:
    session.checkin.participants = [Participant(id=i, name=n, organisation=o, role=r) for i, n, o, r in PEOPLE]
    session.family.members = [FamilyMember(id="fm-lotte", pseudonym="Dochter", aliases=["Lotte"], age=14)]
    session.family.family_names = ["Akkerman"]


def _core_team(session: Session) -> None:
    people = {i: (n, o) for i, n, o, _ in PEOPLE}
    session.closing.core_team = [
        CoreTeamMember(id=c, name=people[p][0], organisation=people[p][1], role=r, participant=p) for c, p, r in CORE
    ]


COURSE = [("ko-stem", "De stem van Lotte is leidend"), ("ko-een-plan", "Eén plan, geen plan B"),
          ("ko-samen", "Besluiten nemen we samen")]


def prospective(step: str = "checkin") -> Session:
    session = Session(schema_version=1, session=_meta("prospective", "Perspectieve analyse Akkerman", step))
    _people(session)
    session.backdrop.source = "2026-11-24-GRN-2026-014.toml"
    session.backdrop.moments = [
        BackdropMoment(id="ev-placement", when="maart 2019", title="Uithuisplaatsing Lotte na crisis"),
        BackdropMoment(id="ev-school", when="2021", title="Lotte van school gestuurd"),
    ]
    session.backdrop.insights = [
        BackdropInsight(id="in-islands", category=InsightCategory.stands_out,
                        text="Ieder werkte op een eigen eiland; niemand hield het overzicht"),
    ]
    return session


def meeting(step: str = "checkin") -> Session:
    session = Session(schema_version=1, session=_meta("meeting", "Kernteamoverleg 2 Akkerman", step))
    _people(session)
    _core_team(session)
    session.closing.content_team = ["ct-pieter", "ct-marieke"]
    session.closing.content_deadline = dt.date(2027, 1, 15)
    session.course.items = [CourseItem(id=i, text=t) for i, t in COURSE]
    # As `new --kind meeting` pre-fills: a row per member and per course item, the open actions.
    session.meeting.checkins = [MemberCheckin(id=f"mc-{c}", member=c) for c, _, _ in CORE[:4]]
    session.meeting.course_checks = [CourseCheck(id="cc-ko-stem", item="ko-stem")]
    session.meeting.carried = [
        CarriedAction(id="ac-gesprek", who="ct-joost", what="Gesprek met moeder Akkerman over de koers",
                      due=dt.date(2026, 12, 4), made=dt.date(2026, 12, 1), helpers=["ct-marieke"]),
        CarriedAction(id="ac-school", who="ct-fatima", what="Rooster Lotte afstemmen met Het Baken",
                      due=dt.date(2026, 12, 7), made=dt.date(2026, 12, 1)),
    ]
    return session


def evaluation(step: str = "checkin") -> Session:
    session = Session(schema_version=1, session=_meta("evaluation", "Evaluatie Akkerman", step))
    _people(session)
    _core_team(session)
    session.course.items = [CourseItem(id=i, text=t) for i, t in COURSE]
    session.closing.commitments = [Commitment(id="cm-course", name="Koers", member="ct-joost"),
                                   Commitment(id="cm-trust", name="Vertrouwen en waardering", member="ct-sanne")]
    session.closing.backing = [Backing(id="bk-gemeente", organisation="Gemeente Groningen", needed="Budget voor maatwerk")]
    session.evaluation.earlier_sense = Sense.mostly_opposite
    session.evaluation.reviews = [
        Review(id="rv-course", about=ReviewAbout.commitment, ref="cm-course", commitment="course", text="Koers"),
        Review(id="rv-trust", about=ReviewAbout.commitment, ref="cm-trust", commitment="trust",
               text="Vertrouwen en waardering"),
        Review(id="rv-stem", about=ReviewAbout.course, ref="ko-stem", text="De stem van Lotte is leidend"),
        Review(id="rv-gemeente", about=ReviewAbout.backing, ref="bk-gemeente", text="Gemeente Groningen"),
    ]
    session.evaluation.changes = [Remark(id="ch-1", text="Vaker bij Lotte zelf langs")]
    return session


def filled(kind: str, step: str) -> Session:
    """A session of `kind` as it looks halfway through: the pictures' busiest panes."""
    from retro_tui.model.enums import ActionState, CourseState, KeptState

    session = {"prospective": prospective, "meeting": meeting, "evaluation": evaluation}[kind](step)
    if kind == "prospective":
        _core_team(session)
        closing = session.closing
        closing.assignment = "Samen één plan voor Lotte, dat thuis en op school werkt."
        closing.content_and_process = "Pieter en Marieke doen de analyse; Joost bewaakt het proces."
        closing.content_team = ["ct-pieter", "ct-marieke"]
        closing.content_deadline = dt.date(2027, 1, 15)
        closing.frequency = "Elke dinsdag een uur"
        closing.meeting_dates = [dt.date(2026, 12, 15), dt.date(2026, 12, 22)]
        closing.backing = [Backing(id="bk-wijkteam", organisation="Wijkteam Zuid",
                                   needed="Ruimte om buiten kantoortijd bij het gezin te zijn")]
    if kind == "meeting":
        checks = session.meeting
        checks.course_checks = [CourseCheck(id="cc-ko-stem", item="ko-stem", state=CourseState.on_course),
                                CourseCheck(id="cc-ko-een-plan", item="ko-een-plan", state=CourseState.off_course,
                                            why="Moeder belde de rechter zelf")]
        checks.carried[0].state, checks.carried[0].in_the_way = ActionState.not_done, "Moeder was ziek"
        checks.carried[1].state = ActionState.done
        checks.actions = [Action(id="ac-plan", who="ct-pieter", what="Plan van aanpak schrijven met Lotte erbij",
                                 expected="Een plan op papier", due=dt.date(2026, 12, 15), bearable=True,
                                 helpers=["ct-marieke"], made=STAMP.date()),
                          Action(id="ac-rechter", who="ct-marieke", what="Rechter bijpraten over de koers",
                                 due=dt.date(2026, 12, 11), bearable=False, made=STAMP.date())]
        checks.next_starts = dt.datetime(2026, 12, 15, 14, 0)
        checks.next_place = "Wijkteam Zuid, kamer 2"
    if kind == "evaluation":
        for review, kept in zip(session.evaluation.reviews, (KeptState.kept, KeptState.not_kept, KeptState.partly)):
            review.kept = kept
        session.evaluation.reviews[1].in_the_way = "Angst sloop erin na de crisis in mei"
    return session
