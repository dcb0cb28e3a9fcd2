"""Sessions of the kinds after the retrospective, built from the model with real
content in every field, as a core team fills them: a prospective analysis, a core-team
meeting and an evaluation of the fictional Akkerman case. Each carries the copies a
follow-up file carries (participants, the family's names, the core team, the course,
the open actions), made from the example retrospective as a pre-fill would."""

from __future__ import annotations

import datetime as dt

from conftest import EXAMPLE
from retro_tui.model import Session, Status
from retro_tui.model.enums import ActionState, CourseState, KeptState, ReviewAbout, Sense
from retro_tui.model.followup import (
    Action, BackdropInsight, BackdropMoment, CarriedAction, CourseCheck, CourseItem, MemberCheckin, Review,
)
from retro_tui.model.fields import Remark
from retro_tui.store import load

COURSE = [
    "Brede analyse en perspectief voor het hele gezin",
    "De stem van Lotte en haar ouders is leidend: wekelijks contact",
    "We laten ons niet afleiden door crisis: we zijn rustig",
    "Geen gesloten setting",
]
NEXT_MEETING = dt.datetime(2026, 11, 3, 8, 30)


def _base(kind: str, title: str, day: dt.date) -> Session:
    """A follow-up of the example case: its people, names and declaration copied."""
    example = load(EXAMPLE)
    session = Session(schema_version=1, session=example.session.model_copy(update={
        "kind": kind, "title": title, "date": day, "status": Status.report_draft, "feedback_deadline": None,
        "current_step": "checkin", "seconds_per_step": {}, "started": None,
        "created": dt.datetime.combine(day, dt.time(8, 0)), "updated": dt.datetime.combine(day, dt.time(10, 0)),
    }))
    session.checkin.participants = [p.model_copy(update={"check_in": ""}) for p in example.checkin.participants]
    session.family.members = [m.model_copy(update={"nature": "", "joys": "", "strengths": "", "limits": "", "needs": ""})
                              for m in example.family.members]
    session.family.family_names = list(example.family.family_names)
    session.closing.core_team = list(example.closing.core_team)
    return session


def _course(session: Session) -> None:
    session.course.items = [CourseItem(id=f"k-{n}", text=text) for n, text in enumerate(COURSE, start=1)]


def prospective() -> Session:
    example = load(EXAMPLE)
    s = _base("prospective", "Prospectieve analyse", dt.date(2026, 10, 28))
    crucial = [e for e in example.timeline.events if e.crucial]
    s.backdrop.source = "2026-10-14-voorbeeld.toml"
    s.backdrop.moments = [BackdropMoment(id=e.id, when=e.date_label or e.date, title=e.title) for e in crucial[:3]]
    s.backdrop.insights = [BackdropInsight(id=i.id, category=i.category, text=i.text) for i in example.insights.items[:3]]
    s.undercurrent.pulls = [Remark(id="u-1", text="Bij elk incident schieten we in de actie en bellen we de manager in plaats van elkaar."),
                            Remark(id="u-2", text="We praten over Lotte in plaats van met haar.")]
    s.undercurrent.together = [Remark(id="t-1", text="We bellen elkaar eerst, ook als het schuurt.")]
    s.undercurrent.trust = [Remark(id="v-1", text="We gaan ervan uit dat ieder het beste wil voor Lotte en Sem.")]
    _course(s)
    c = s.closing
    c.assignment = "Binnen acht weken één gedragen perspectiefplan, samen met het gezin."
    c.content_and_process = "Het inhoudsteam maakt de analyse; het kernteam bewaakt het proces."
    c.content_team = ["ct-fatima", "ct-esther"]
    c.content_deadline = dt.date(2026, 12, 15)
    c.backing = example.closing.backing[:2]
    c.collaboration = "Besluiten nemen we samen in het kernteam, niet per mail."
    c.frequency = "Kernteam: wekelijks een uur, op dinsdag van 08.30 tot 09.30."
    c.meeting_dates = [dt.date(2026, 11, 3), dt.date(2026, 11, 10)]
    c.commitments = [example.closing.commitments[0].model_copy(update={"member": "ct-esther"}),
                     example.closing.commitments[1].model_copy(update={"member": "ct-gerard"})]
    s.step_notes = {"together": "Samen betekent: niemand beslist 's nachts alleen.",
                    "commitments": "Elk commitment heeft een drager in het kernteam."}
    return s


def meeting() -> Session:
    s = _base("meeting", "Kernteamoverleg 2", NEXT_MEETING.date() - dt.timedelta(days=7))
    s.session.facilitator = "Gerard Smit"
    _course(s)
    s.closing.content_deadline = dt.date(2026, 12, 15)
    m = s.meeting
    m.starts = dt.datetime(2026, 10, 27, 8, 30)
    m.checkins = [
        MemberCheckin(id="mc-1", member="ct-gerard", saddle="Zit goed in het zadel."),
        MemberCheckin(id="mc-2", member="ct-esther", saddle="Niet helemaal.", chafes="De rechter wil een rapport voor vrijdag.",
                      needs="Dat Fatima meeleest."),
    ]
    m.summary = "Lotte is deze week elke dag naar school geweest; het weekend bij oma Ria ging goed."
    m.progress = "Het inhoudsteam heeft de gesprekken met Sandra en Marco gehad; het gesprek met Sem volgt."
    m.course_checks = [CourseCheck(id="cc-1", item="k-1", state=CourseState.on_course, why="De analyse loopt volgens plan."),
                       CourseCheck(id="cc-2", item="k-2", state=CourseState.partly, why="Het contact met Lotte viel een week uit."),
                       CourseCheck(id="cc-3", item="k-3", state=CourseState.off_course, why="Na het incident van dinsdag belde de school de politie.")]
    m.carried = [
        CarriedAction(id="a-1", who="ct-esther", what="Lotte uitnodigen voor het inhoudsoverleg", due=dt.date(2026, 10, 27),
                      made=dt.date(2026, 10, 20), state=ActionState.done),
        CarriedAction(id="a-2", who="ct-fatima", what="Brief aan Lotte beantwoorden", due=dt.date(2026, 10, 24),
                      made=dt.date(2026, 10, 20), state=ActionState.not_done, in_the_way="De crisisdienst vroeg al haar tijd."),
    ]
    m.actions = [
        Action(id="a-4", who="ct-fatima", what="Brief aan Lotte beantwoorden", expected="Lotte weet dat haar brief gelezen is",
               due=dt.date(2026, 10, 31), bearable=True, helpers=["ct-esther"], made=dt.date(2026, 10, 20)),
        Action(id="a-3", who="ct-gerard", what="Gesprek met de school over het incident",
               expected="De school belt eerst Esther", due=dt.date(2026, 11, 2), bearable=False, helpers=["ct-esther", "ct-fatima"],
               made=dt.date(2026, 10, 27)),
    ]
    m.next_starts = NEXT_MEETING
    m.next_place = "RET-kantoor, kamer 2"
    s.step_notes = {"summary": "Oma Ria belde Esther zondag zelf op.", "next_steps": "Gerard vraagt de school mee te denken."}
    return s


def evaluation() -> Session:
    example = load(EXAMPLE)
    s = _base("evaluation", "Evaluatie na drie maanden", dt.date(2027, 1, 19))
    _course(s)
    s.closing.commitments = example.closing.commitments[:2]
    s.closing.backing = example.closing.backing[:2]
    first, second = s.closing.commitments
    s.evaluation.reviews = [
        Review(id="r-1", about=ReviewAbout.commitment, ref=first.id, commitment=first.name, kept=KeptState.kept),
        Review(id="r-2", about=ReviewAbout.commitment, ref=second.id, commitment=second.name, kept=KeptState.not_kept,
               in_the_way="Bij de crisis in december besliste de wachtdienst alleen."),
        Review(id="r-3", about=ReviewAbout.course, ref="k-4", kept=KeptState.partly,
               in_the_way="Een week in de crisisopvang, daarna weer terug."),
        Review(id="r-4", about=ReviewAbout.backing, ref=s.closing.backing[0].id, kept=KeptState.kept),
    ]
    s.evaluation.earlier_sense = Sense.mostly_opposite
    s.relate.group_sense = Sense.mostly_side_by_side
    s.evaluation.family_view = "Sandra zegt dat ze zich voor het eerst gehoord voelt; Lotte wil minder gesprekken."
    s.evaluation.changes = [Remark(id="ch-1", text="De wachtdienst belt voortaan de casusregisseur."),
                            Remark(id="ch-2", text="Het kernteam komt om de week bij elkaar in plaats van elke week.")]
    s.step_notes = {"family_view": "Marco was niet bij het gesprek."}
    return s


KINDS = {"prospective": prospective, "meeting": meeting, "evaluation": evaluation}
