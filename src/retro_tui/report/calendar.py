"""The core team's meeting dates as a calendar file (.ics) to import into any agenda."""

from __future__ import annotations

import datetime as dt
import hashlib

from icalendar import Calendar, Event

from ..i18n import t
from ..model import Session
from .document import one_line


def calendar(session: Session) -> bytes:
    lang = session.session.language.value
    meta = session.session
    cal = Calendar()
    cal.add("prodid", "-//retro-tui//retrospective case analysis//NL")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", one_line(t("calendar.name", lang, title=meta.title)))
    agenda = "\n".join(f"- {item}" for item in session.closing.agenda)
    for number, day in enumerate(sorted(session.closing.meeting_dates), start=1):
        event = Event()
        # Stable ids: importing the file again updates the meetings instead of doubling them.
        seed = f"{meta.title}|{meta.created}|{day.isoformat()}"
        event.add("uid", hashlib.sha256(seed.encode()).hexdigest()[:32] + "@retro-tui")
        event.add("summary", one_line(t("calendar.summary", lang, number=number, title=meta.title)))
        event.add("dtstart", day)  # a date: the time is for the team to set
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("dtstamp", dt.datetime.now(dt.timezone.utc))
        if agenda:
            event.add("description", t("calendar.agenda", lang) + "\n" + agenda)
        cal.add_component(event)
    return cal.to_ical()
