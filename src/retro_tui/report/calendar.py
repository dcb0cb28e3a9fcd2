"""The core team's meeting dates as a calendar file (.ics) to import into any agenda.

When the declaration says at what time the core team meets ("op dinsdag van 08.30 tot
09.30"), the meetings are at that time in Dutch time (Europe/Amsterdam, with its
VTIMEZONE so every agenda places them right in summer and winter); otherwise they are
all-day entries, for the team to give a time."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from ..i18n import t
from ..model import Session
from .document import one_line

ZONE = ZoneInfo("Europe/Amsterdam")  # youth care in the Netherlands: the method's own time zone
_CLOCK = r"(\d{1,2})[.:h](\d{2})"
_RANGE = re.compile(rf"{_CLOCK}\s*(?:-|–|—|tot|to|until|till)\s*{_CLOCK}", re.IGNORECASE)
_CORE = re.compile(r"kernteam|core team", re.IGNORECASE)


def meeting_time(text: str) -> tuple[dt.time, dt.time] | None:
    """The core team's meeting hours in the declaration's words, if it gives them: the
    range in the sentence about the core team, else the first range."""
    sentences = re.split(r"(?<=[.;])\s+", text)
    ordered = [s for s in sentences if _CORE.search(s)] + [s for s in sentences if not _CORE.search(s)]
    for sentence in ordered:
        match = _RANGE.search(sentence)
        if match:
            h1, m1, h2, m2 = (int(x) for x in match.groups())
            try:
                start, end = dt.time(h1, m1), dt.time(h2, m2)
            except ValueError:
                continue
            if end > start:
                return start, end
    return None


def calendar(session: Session) -> bytes:
    lang = session.session.language.value
    meta = session.session
    cal = Calendar()
    cal.add("prodid", "-//retro-tui//retrospective case analysis//NL")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", one_line(t("calendar.name", lang, title=meta.title)))
    agenda = "\n".join(f"- {item}" for item in session.closing.agenda)
    hours = meeting_time(session.closing.frequency)
    for number, day in enumerate(sorted(session.closing.meeting_dates), start=1):
        event = Event()
        # Stable ids: importing the file again updates the meetings instead of doubling them.
        seed = f"{meta.title}|{meta.created}|{day.isoformat()}"
        event.add("uid", hashlib.sha256(seed.encode()).hexdigest()[:32] + "@retro-tui")
        event.add("summary", one_line(t("calendar.summary", lang, number=number, title=meta.title)))
        if hours:
            event.add("dtstart", dt.datetime.combine(day, hours[0], tzinfo=ZONE))
            event.add("dtend", dt.datetime.combine(day, hours[1], tzinfo=ZONE))
        else:
            event.add("dtstart", day)  # a date: the time is for the team to set
            event.add("dtend", day + dt.timedelta(days=1))
        event.add("dtstamp", dt.datetime.now(dt.UTC))
        if agenda:
            event.add("description", t("calendar.agenda", lang) + "\n" + agenda)
        cal.add_component(event)
    if hours and session.closing.meeting_dates:
        # The zone's rules for the years of these meetings only, not since 1970.
        first, last = min(session.closing.meeting_dates), max(session.closing.meeting_dates)
        cal.add_missing_timezones(first_date=dt.date(first.year, 1, 1), last_date=dt.date(last.year + 1, 12, 31))
    return cal.to_ical()


def next_meeting(session: Session) -> bytes:
    """The next core-team meeting the minutes agreed, at its local time (Dutch time,
    with the zone's rules), as long as the kind says a meeting lasts, with the place and
    the standing agenda (the meeting kind's steps) for the invitation."""
    from ..method import kind

    lang = session.session.language.value
    meta = session.session
    starts = session.meeting.next_starts
    if starts is None:
        raise ValueError("the minutes set no next meeting")
    meeting = kind(meta.kind)
    cal = Calendar()
    cal.add("prodid", "-//retro-tui//core team meeting//NL")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", one_line(t("calendar.name", lang, title=meta.title)))
    event = Event()
    # Stable per meeting: minutes exported again update the invitation, not double it.
    seed = f"{meta.title}|{meta.created}|next|{starts.isoformat()}"
    event.add("uid", hashlib.sha256(seed.encode()).hexdigest()[:32] + "@retro-tui")
    event.add("summary", one_line(t("calendar.next.summary", lang, title=meta.title)))
    begin = starts.replace(tzinfo=ZONE)
    event.add("dtstart", begin)
    event.add("dtend", begin + dt.timedelta(minutes=meeting.minutes))
    event.add("dtstamp", dt.datetime.now(dt.UTC))
    if session.meeting.next_place:
        event.add("location", one_line(session.meeting.next_place))
    agenda = "\n".join(f"- {s.in_language(lang).title}" for s in meeting.steps)
    event.add("description", t("calendar.agenda", lang) + "\n" + agenda)
    cal.add_component(event)
    cal.add_missing_timezones(first_date=dt.date(starts.year, 1, 1), last_date=dt.date(starts.year + 1, 12, 31))
    return cal.to_ical()
