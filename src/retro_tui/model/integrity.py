"""Checks that need the whole session: ids unique, references resolve, tags known.

Kept apart from the pydantic models so each problem can name its exact field path
(`timeline.events[3].people[1]`) and so a caller can list every problem at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from .session import Session

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    loc: Loc
    key: str  # i18n key under `problem.`
    params: dict[str, Any] = field(default_factory=dict)


def entities(session: Session) -> Iterator[tuple[Loc, str]]:
    """Every (location, id) in the session, in file order."""
    groups: list[tuple[Loc, Iterable[Any]]] = [
        (("checkin", "participants"), session.checkin.participants),
        (("relate", "senses"), session.relate.senses),
        (("relate", "observations"), session.relate.observations),
        (("relate", "agreements"), session.relate.agreements),
        (("family", "members"), session.family.members),
        (("family", "relations"), session.family.relations),
        (("timeline", "events"), session.timeline.events),
        (("insights", "items"), session.insights.items),
        (("closing", "core_team"), session.closing.core_team),
        (("closing", "backing"), session.closing.backing),
        (("closing", "commitments"), session.closing.commitments),
        (("backdrop", "moments"), session.backdrop.moments),
        (("backdrop", "insights"), session.backdrop.insights),
        (("undercurrent", "pulls"), session.undercurrent.pulls),
        (("undercurrent", "together"), session.undercurrent.together),
        (("undercurrent", "trust"), session.undercurrent.trust),
        (("course", "items"), session.course.items),
        (("meeting", "checkins"), session.meeting.checkins),
        (("meeting", "course_checks"), session.meeting.course_checks),
        (("meeting", "carried"), session.meeting.carried),
        (("meeting", "actions"), session.meeting.actions),
        (("evaluation", "reviews"), session.evaluation.reviews),
        (("evaluation", "changes"), session.evaluation.changes),
        (("quotes",), session.quotes),
        (("pauses",), session.pauses),
        (("perspectives",), session.perspectives),
    ]
    for prefix, items in groups:
        for index, item in enumerate(items):
            yield (*prefix, index), item.id


def find_problems(
    session: Session, known_tags: Iterable[str], kinds: Mapping[str, frozenset[str]] | None = None
) -> list[Problem]:
    """Every problem at once. `kinds` maps each kind of session to its step ids (from the
    method); without it the kind and the steps named in the file are not checked."""
    problems: list[Problem] = []
    seen: dict[str, Loc] = {}
    for loc, ident in entities(session):
        if ident in seen:
            problems.append(Problem((*loc, "id"), "duplicate_id", {"id": ident}))
        else:
            seen[ident] = loc

    participants = {p.id for p in session.checkin.participants}
    people = participants | {m.id for m in session.family.members}
    events = {e.id for e in session.timeline.events}
    tags = set(known_tags) | {entry.id for entry in session.catalogue}

    def check(loc: Loc, ref: str | None, allowed: set[str], what: str) -> None:
        if ref is not None and ref not in allowed:
            problems.append(Problem(loc, f"dangling_{what}", {"id": ref}))

    for i, sense in enumerate(session.relate.senses):
        check(("relate", "senses", i, "participant"), sense.participant, participants, "participant")
    for i, rel in enumerate(session.family.relations):
        check(("family", "relations", i, "from"), rel.source, people, "person")
        check(("family", "relations", i, "to"), rel.target, people, "person")
    for i, event in enumerate(session.timeline.events):
        for j, ref in enumerate(event.people):
            check(("timeline", "events", i, "people", j), ref, people, "person")
    for i, insight in enumerate(session.insights.items):
        for j, ref in enumerate(insight.events):
            check(("insights", "items", i, "events", j), ref, events, "event")
        for j, tag in enumerate(insight.tags):
            check(("insights", "items", i, "tags", j), tag, tags, "tag")
    for i, member in enumerate(session.closing.core_team):
        check(("closing", "core_team", i, "participant"), member.participant, participants, "participant")
    for i, quote in enumerate(session.quotes):
        check(("quotes", i, "speaker_id"), quote.speaker_id, people, "person")
    for i, view in enumerate(session.perspectives):
        check(("perspectives", i, "person_id"), view.person_id, people, "person")
        check(("perspectives", i, "taken_by"), view.taken_by, participants, "participant")
    _check_follow_up(session, check)
    if kinds is not None:
        problems += _kind_problems(session, kinds)
    return problems


def _check_follow_up(session: Session, check) -> None:
    members = {m.id for m in session.closing.core_team}
    course = {c.id for c in session.course.items}
    closing = session.closing
    for i, commitment in enumerate(closing.commitments):
        check(("closing", "commitments", i, "member"), commitment.member, members, "member")
    for j, ref in enumerate(closing.content_team):
        check(("closing", "content_team", j), ref, members, "member")
    meeting = session.meeting
    for i, seen in enumerate(meeting.checkins):
        check(("meeting", "checkins", i, "member"), seen.member, members, "member")
    for i, course_check in enumerate(meeting.course_checks):
        check(("meeting", "course_checks", i, "item"), course_check.item, course, "course_item")
    for name, actions in (("carried", meeting.carried), ("actions", meeting.actions)):
        for i, action in enumerate(actions):
            check(("meeting", name, i, "who"), action.who, members, "member")
            for j, ref in enumerate(action.helpers):
                check(("meeting", name, i, "helpers", j), ref, members, "member")


def _kind_problems(session: Session, kinds: Mapping[str, frozenset[str]]) -> list[Problem]:
    meta = session.session
    if meta.kind not in kinds:
        return [Problem(("session", "kind"), "unknown_kind", {"id": meta.kind, "known": ", ".join(kinds)})]
    steps = kinds[meta.kind]
    problems = []

    def check(loc: Loc, ref: str) -> None:
        if ref not in steps:
            problems.append(Problem(loc, "unknown_step", {"id": ref, "kind": meta.kind}))

    check(("session", "current_step"), meta.current_step)
    for ref in meta.seconds_per_step:
        check(("session", "seconds_per_step", ref), ref)
    for ref in session.step_notes:
        check(("step_notes", ref), ref)
    for j, ref in enumerate(meta.skipped_steps):
        check(("session", "skipped_steps", j), ref)
    for i, quote in enumerate(session.quotes):
        check(("quotes", i, "step"), quote.step)
    for i, pause in enumerate(session.pauses):
        check(("pauses", i, "step"), pause.step)
    return problems


def format_loc(loc: Loc) -> str:
    """`('timeline', 'events', 3, 'date')` -> `timeline.events[3].date`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
