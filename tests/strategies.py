"""Hypothesis strategies that build whole, consistent sessions (every reference resolves)."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from retro_tui.method import catalogue_ids
from retro_tui.model import (
    SCHEMA_VERSION,
    Backing,
    CheckinStep,
    Commitment,
    CoreTeamMember,
    EventKind,
    FamilyMember,
    FamilyStep,
    Insight,
    InsightCategory,
    InsightsStep,
    IntentionDeclaration,
    Lane,
    Language,
    Participant,
    Pause,
    Perspective,
    Quote,
    Relation,
    RelateStep,
    RelationKind,
    Remark,
    Sense,
    SenseRating,
    Session,
    SessionMeta,
    Status,
    StepId,
    TimelineEvent,
    TimelineStep,
)

# Any text a person might type or paste: accents, emoji, quotes, backslashes, tabs and
# newlines. Other control characters are refused by the model (test_hostile_files).
text = st.text(st.characters(exclude_categories=("Cs", "Cc"), include_characters="\n\t"), max_size=30)
name = text.filter(lambda s: s.strip() != "")
# Names, titles, roles: one line (no line or paragraph separator either).
line = st.text(st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"), include_characters="\t"), max_size=30)
line_name = line.filter(lambda s: s.strip() != "")
stamp = st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2099, 12, 31))
day = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31))
partial = st.one_of(
    st.integers(1990, 2099).map(str),
    st.builds(lambda d: d.strftime("%Y-%m"), day),
    st.builds(lambda d: d.isoformat(), day),
)


def ids(prefix: str, n: int) -> list[str]:
    return [f"{prefix}-{i}" for i in range(n)]


@st.composite
def sessions(draw) -> Session:
    participants = [
        Participant(id=i, name=draw(line_name), organisation=draw(line), role=draw(line), check_in=draw(text))
        for i in ids("p", draw(st.integers(0, 4)))
    ]
    members = [
        FamilyMember(
            id=i,
            pseudonym=draw(line_name),
            role=draw(line),
            age=draw(st.none() | st.integers(0, 120)),
            nature=draw(text),
            joys=draw(text),
            needs=draw(text),
        )
        for i in ids("fm", draw(st.integers(0, 4)))
    ]
    people = [p.id for p in participants] + [m.id for m in members]
    relations = []
    if len(people) >= 2:
        for i in ids("rel", draw(st.integers(0, 4))):
            a, b = draw(st.lists(st.sampled_from(people), min_size=2, max_size=2, unique=True))
            relations.append(Relation(id=i, source=a, target=b, kind=draw(st.sampled_from(RelationKind)), note=draw(text)))
    events = [
        TimelineEvent(
            id=i,
            date=draw(partial),
            date_label=draw(line),
            title=draw(line_name),
            kind=draw(st.sampled_from(EventKind)),
            lane=draw(st.sampled_from(Lane)),
            people=draw(st.lists(st.sampled_from(people), unique=True, max_size=3)) if people else [],
            what_happened=draw(text),
            emotions=draw(text),
            crucial=draw(st.booleans()),
        )
        for i in ids("ev", draw(st.integers(0, 5)))
    ]
    event_ids = [e.id for e in events]
    tags = sorted(catalogue_ids())
    insights = [
        Insight(
            id=i,
            category=draw(st.sampled_from(InsightCategory)),
            text=draw(name),
            events=draw(st.lists(st.sampled_from(event_ids), unique=True, max_size=3)) if event_ids else [],
            tags=draw(st.lists(st.sampled_from(tags), unique=True, max_size=3)),
        )
        for i in ids("in", draw(st.integers(0, 3)))
    ]
    participant_ids = [p.id for p in participants]
    senses = [
        SenseRating(id=i, participant=draw(st.none() | st.sampled_from(participant_ids)) if participant_ids else None, sense=draw(st.sampled_from(Sense)))
        for i in ids("sr", draw(st.integers(0, 3)))
    ]
    quotes = [
        Quote(
            id=i,
            time=draw(stamp),
            step=draw(st.sampled_from(StepId)),
            speaker_id=draw(st.none() | st.sampled_from(people)) if people else None,
            speaker=draw(line),
            text=draw(name),
            for_report=draw(st.booleans()),
        )
        for i in ids("q", draw(st.integers(0, 5)))
    ]
    pauses = []
    for i in ids("pa", draw(st.integers(0, 2))):
        start = draw(stamp)
        end = draw(st.none() | st.just(start + dt.timedelta(minutes=draw(st.integers(0, 30)))))
        pauses.append(Pause(id=i, started=start, ended=end, step=draw(st.sampled_from(StepId)), note=draw(text)))
    closing = IntentionDeclaration(
        notes=draw(text),
        core_team=[CoreTeamMember(id=i, name=draw(line_name), organisation=draw(line), role=draw(line)) for i in ids("ct", draw(st.integers(0, 3)))],
        assignment=draw(text),
        backing=[Backing(id=i, organisation=draw(line_name), needed=draw(text)) for i in ids("bk", draw(st.integers(0, 2)))],
        meeting_dates=draw(st.lists(day, max_size=3)),
        agenda=draw(st.lists(line_name, max_size=3)),
        commitments=[Commitment(id=i, name=draw(line_name), sentence=draw(text)) for i in ids("cm", draw(st.integers(0, 3)))],
    )
    perspectives = [
        Perspective(id=i, person_id=draw(st.sampled_from(people)) if people else None, person=draw(line), dilemma_or_fear=draw(text), feeling=draw(text))
        for i in ids("ps", draw(st.integers(0, 2)))
    ]
    created = draw(stamp)
    meta = SessionMeta(
        title=draw(line_name),
        case_code=draw(line),
        date=draw(st.none() | day),
        place=draw(line),
        language=draw(st.sampled_from(Language)),
        status=draw(st.sampled_from(Status)),
        feedback_deadline=draw(st.none() | day),
        created=created,
        updated=created,
    )
    return Session(
        schema_version=SCHEMA_VERSION,
        session=meta,
        checkin=CheckinStep(notes=draw(text), participants=participants),
        relate=RelateStep(
            notes=draw(text),
            group_sense=draw(st.none() | st.sampled_from(Sense)),
            senses=senses,
            observations=[Remark(id=i, text=draw(name)) for i in ids("ob", draw(st.integers(0, 2)))],
            agreements=[Remark(id=i, text=draw(name)) for i in ids("ag", draw(st.integers(0, 2)))],
        ),
        family=FamilyStep(notes=draw(text), members=members, relations=relations),
        timeline=TimelineStep(notes=draw(text), events=events),
        insights=InsightsStep(notes=draw(text), items=insights),
        closing=closing,
        quotes=quotes,
        pauses=pauses,
        perspectives=perspectives,
    )
