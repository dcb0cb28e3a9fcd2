"""Changes to a session that keep it whole: ids fresh, references never dangling.

The app and the command line both change sessions only through these functions, so a
removed person or event can never leave a reference behind that breaks the next load.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterator
from typing import Any, TypeVar

from .model.integrity import entities
from .model import (
    Pause,
    Quote,
    Session,
    TimelineEvent,
    new_id,
)

T = TypeVar("T")


def all_ids(session: Session) -> set[str]:
    return {ident for _, ident in entities(session)}


def fresh_id(session: Session, prefix: str) -> str:
    return new_id(prefix, all_ids(session))


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _starts_with_name(text: str, name: str) -> bool:
    return re.match(rf"{re.escape(name.strip())}(?![^\W\d_])", text, re.IGNORECASE) is not None


def role_beside(member) -> str:
    """The role as said under or beside the name, without what repeats it: "Dochter"
    over "14", not over "dochter, 14"."""
    role, name = member.role.strip(), member.pseudonym.strip()
    return role[len(name):].lstrip(" ,") if _starts_with_name(role, name) else role


def member_label(member) -> str:
    """A member as pickers, headings and maps show them, each thing once and never
    brackets in brackets: "Lotte (dochter, 14)", "Lotte, meisje (14)", and once
    pseudonymised "Dochter, 14" or "Vader van dochter en zoon, 44" (the role that
    begins with the name is not said twice)."""
    name = member.pseudonym.strip()
    parts = [p.strip() for p in member.role.split(",") if p.strip()]
    age = [] if member.age is None or any(re.search(rf"(?<!\d){member.age}(?!\d)", p) for p in parts) \
        else [str(member.age)]
    if parts and _starts_with_name(parts[0], name):
        return ", ".join([name + parts[0][len(name):], *parts[1:], *age])
    detail = ", ".join([*parts, *age])
    if not detail:
        return name
    return f"{name}, {detail}" if "(" in detail else f"{name} ({detail})"


def people(session: Session) -> Iterator[tuple[str, str]]:
    """(id, display name) of everyone who can be referred to: participants, then family."""
    for p in session.checkin.participants:
        yield p.id, p.name
    for m in session.family.members:
        yield m.id, member_label(m)


def short_name(session: Session, ident: str | None) -> str:
    """A name that fits a table cell: the participant's name or the member's pseudonym."""
    for p in session.checkin.participants:
        if p.id == ident:
            return p.name
    for m in session.family.members:
        if m.id == ident:
            return m.pseudonym
    return ident or ""


def person_name(session: Session, ident: str | None) -> str:
    return dict(people(session)).get(ident or "", ident or "")


def move(items: list[Any], index: int, delta: int) -> int:
    """Move items[index] by delta places, clamped; return its new index."""
    target = max(0, min(len(items) - 1, index + delta))
    if items and target != index:
        items.insert(target, items.pop(index))
    return target


def remove_person(session: Session, ident: str) -> None:
    """Remove a participant or family member and every reference to them.

    Quotes and perspective rows are kept: their speaker becomes a free label, because
    what someone said must not vanish with the person's entry.
    """
    name = person_name(session, ident)
    session.checkin.participants = [p for p in session.checkin.participants if p.id != ident]
    session.family.members = [m for m in session.family.members if m.id != ident]
    session.family.relations = [r for r in session.family.relations if ident not in (r.source, r.target)]
    session.relate.senses = [s for s in session.relate.senses if s.participant != ident]
    for event in session.timeline.events:
        if ident in event.people:
            event.people = [p for p in event.people if p != ident]
    for quote in session.quotes:
        if quote.speaker_id == ident:
            quote.speaker_id, quote.speaker = None, quote.speaker or name
    for view in session.perspectives:
        if view.person_id == ident:
            view.person_id, view.person = None, view.person or name
        if view.taken_by == ident:
            view.taken_by = None
    for member in session.closing.core_team:
        if member.participant == ident:
            member.participant = None


def follow_participants(session: Session, before: dict[str, tuple[str, str]]) -> bool:
    """The core team's copies of a participant whose name or organisation was changed
    in the check-in since `before` ({id: (name, organisation)}) take the change: a name
    is typed once. Copies of participants not changed keep what they say (a shorter
    organisation, say). True when a copy changed."""
    changed = False
    now = {p.id: (p.name, p.organisation) for p in session.checkin.participants}
    for member in session.closing.core_team:
        ident = member.participant or ""
        if ident in now and ident in before and now[ident] != before[ident]:
            old_name, old_organisation = before[ident]
            name, organisation = now[ident]
            if member.name == old_name and name != old_name:
                member.name, changed = name, True
            if member.organisation == old_organisation and organisation != old_organisation:
                member.organisation, changed = organisation, True
    return changed


def remove_core_member(session: Session, ident: str) -> None:
    """Remove a core-team member and every reference to them: who holds a commitment,
    the content team, the meeting's check-ins, who does or helps with an action."""
    closing, meeting = session.closing, session.meeting
    closing.core_team = [m for m in closing.core_team if m.id != ident]
    closing.content_team = [m for m in closing.content_team if m != ident]
    for commitment in closing.commitments:
        if commitment.member == ident:
            commitment.member = None
    meeting.checkins = [c for c in meeting.checkins if c.member != ident]
    for action in [*meeting.carried, *meeting.actions]:
        if action.who == ident:
            action.who = None
        if ident in action.helpers:
            action.helpers = [h for h in action.helpers if h != ident]


def remove_course_item(session: Session, ident: str) -> None:
    """Remove a course item and the meeting's answers about it."""
    session.course.items = [c for c in session.course.items if c.id != ident]
    session.meeting.course_checks = [c for c in session.meeting.course_checks if c.item != ident]


def remove_event(session: Session, ident: str) -> None:
    session.timeline.events = [e for e in session.timeline.events if e.id != ident]
    for insight in session.insights.items:
        if ident in insight.events:
            insight.events = [e for e in insight.events if e != ident]


def events_in_order(session: Session) -> list[TimelineEvent]:
    # sorted() is stable: events on the same (partial) date keep the order they were added.
    return sorted(session.timeline.events, key=lambda e: e.sort_key)


def resolve_speaker(session: Session, speaker: str) -> tuple[str | None, str]:
    """A typed speaker becomes a reference when it names someone exactly, else a label."""
    wanted = speaker.strip().casefold()
    if not wanted:
        return None, ""
    for p in session.checkin.participants:
        if wanted in (p.id, p.name.casefold()):
            return p.id, ""
    for m in session.family.members:
        if wanted in (m.id, m.pseudonym.casefold(), m.role.casefold()):
            return m.id, ""
    return None, speaker.strip()


def add_quote(session: Session, step: str, speaker: str, text: str, when: dt.datetime | None = None) -> Quote:
    speaker_id, label = resolve_speaker(session, speaker)
    quote = Quote(
        id=fresh_id(session, "q"), time=when or now(), step=step,
        speaker_id=speaker_id, speaker=label, text=text,
    )
    session.quotes.append(quote)
    return quote


def edit_quote(session: Session, quote_id: str, speaker: str, text: str) -> Quote | None:
    """Correct who said it and the words; None when the quote is gone (another writer)."""
    quote = next((q for q in session.quotes if q.id == quote_id), None)
    if quote is not None:
        quote.speaker_id, quote.speaker = resolve_speaker(session, speaker)
        quote.text = text
    return quote


def remove_quote(session: Session, quote_id: str) -> tuple[int, Quote] | None:
    """Take a quote out; its place and the quote itself, to put it back with."""
    at = next((i for i, q in enumerate(session.quotes) if q.id == quote_id), None)
    return None if at is None else (at, session.quotes.pop(at))


def restore_quote(session: Session, at: int, quote: Quote) -> None:
    if all(q.id != quote.id for q in session.quotes):
        session.quotes.insert(min(at, len(session.quotes)), quote)


def speaker_known(session: Session, quote: Quote) -> bool:
    """Whether the quote names a participant or family member (or nobody at all)."""
    return quote.speaker_id is not None or not quote.speaker


def open_pause(session: Session) -> Pause | None:
    return next((p for p in reversed(session.pauses) if p.ended is None), None)


def start_pause(session: Session, step: str, note: str = "", when: dt.datetime | None = None) -> Pause:
    pause = open_pause(session)
    if pause is None:
        pause = Pause(id=fresh_id(session, "pa"), started=when or now(), step=step, note=note)
        session.pauses.append(pause)
    return pause


def end_pause(session: Session, when: dt.datetime | None = None) -> Pause | None:
    pause = open_pause(session)
    if pause is not None:
        pause.ended = max(when or now(), pause.started)
    return pause


def notes_clashes(session: Session, paths: Collection[str]) -> list:
    """The lines of texts written along (at `paths`, e.g. `checkin.notes`,
    `step_notes.summary`, `meeting.summary`) that two writers changed at once, set aside."""
    return [c for c in session.conflicts if c.field in paths]


def settle_notes_clash(session: Session, clash, choice: str) -> None:
    """Take `both`, `kept` (as it is) or `other` (the lines set aside) for a clash in
    a step's notes or another text written along; the clash is settled then."""
    from .step_notes import read_notes, write_notes

    notes = read_notes(session, clash.field)
    if choice in ("both", "other"):
        lines = f"{clash.kept}\n{clash.text}" if choice == "both" and clash.kept else clash.text
        if clash.kept and clash.kept in notes:
            notes = notes.replace(clash.kept, lines, 1)
        else:  # edited since: the other lines go at the end rather than nowhere
            notes = "\n".join(part for part in (notes.rstrip("\n"), clash.text) if part)
        write_notes(session, clash.field, notes)
    session.conflicts[:] = [c for c in session.conflicts if c != clash]
