"""The next meeting of the core team: its day and time as people say them, and where."""

from __future__ import annotations

import datetime as dt

from rich.text import Text

from ..i18n import t
from ..model import Session
from ..model.fields import Line, Model
from .edit_panel import EditPanel
from .field_spec import FieldError, FieldSpec
from .guard import refused
from .keys import localized
from .messages import SessionChanged
from .record_types import parse_time, planned_from, typed_day


class NextMeeting(Model):
    """The form's view of `meeting.next_starts` and `next_place`: a day and a time
    typed apart, as they are said ("dinsdag" aside: "15-12-2026", "14:00")."""

    day: Line = ""
    time: Line = ""
    place: Line = ""


SPECS = [
    FieldSpec("day", "panes.field.next_day", hint="panes.hint.next_day"),
    FieldSpec("time", "panes.field.next_time", hint="panes.hint.next_time"),
    FieldSpec("place", "panes.field.next_place", hint="panes.hint.next_place"),
]


def typed_meeting(values: dict, today: dt.date) -> dict:
    """The day and the time checked as typed; kept as words until the form is saved."""
    day = typed_day(values, "day", "panes.field.next_day", today)["day"]
    time = values.get("time", "").strip()
    if day is None:
        if time:
            raise FieldError("day", t("panes.next_needs_day"))
        return values | {"day": "", "time": ""}
    if not time:
        raise FieldError("time", t("panes.next_needs_time"))
    try:
        at = parse_time(time)
    except ValueError:
        raise FieldError("time", t("panes.next_bad_time", text=time)) from None
    return values | {"day": day.isoformat(), "time": at.strftime("%H:%M")}


def suggested(session: Session) -> NextMeeting:
    """What the form offers before anything is set: the declaration's next meeting date
    after this meeting, else a week on, at this meeting's time and place. Only an
    offer: it is the session's once the form is saved."""
    this = session.meeting.starts
    day = this.date() if this else planned_from(session)
    planned = [d for d in session.closing.meeting_dates if d > day]
    next_day = min(planned) if planned else day + dt.timedelta(days=7)
    return NextMeeting(day=next_day.strftime("%d-%m-%Y"), time=this.strftime("%H:%M") if this else "",
                       place=session.meeting.next_place or session.session.place)


def written(starts: dt.datetime | None, lang: str) -> str:
    if starts is None:
        return ""
    from ..report.written_dates import written_day

    return f"{written_day(starts.date(), lang)} {starts.strftime('%H:%M')}"


class NextMeetingPanel(EditPanel):
    TITLE = "panes.next_meeting"

    def show(self) -> None:
        meeting = self.session.meeting
        if meeting.next_starts is None:
            self.update(Text(t("panes.next_not_yet"), style="dim italic"))
            return
        when = written(meeting.next_starts, self.session.session.language.value)
        self.update(" · ".join(part for part in (when, meeting.next_place) if part))

    def action_edit(self, values: dict | None = None) -> None:
        if refused(self):
            return
        meeting = self.session.meeting
        starts = meeting.next_starts
        record = suggested(self.session) if starts is None else NextMeeting(
            day=starts.strftime("%d-%m-%Y"), time=starts.strftime("%H:%M"), place=meeting.next_place)

        def edited(result) -> None:
            if result is None:
                return
            # The session's meeting now: another writer's merge may have replaced it.
            target = self.session.meeting
            target.next_starts = (
                dt.datetime.combine(dt.date.fromisoformat(result.day), dt.time.fromisoformat(result.time))
                if result.day else None
            )
            target.next_place = result.place
            self.show()
            self.post_message(SessionChanged())

        today = planned_from(self.session)
        from .forms import RecordForm
        form = localized(RecordForm)(t("panes.next_meeting"), record, SPECS,
                                     normalise=lambda typed: typed_meeting(typed, today), values=values)
        form.origin = {"node": "NextMeetingPanel"}
        self.app.push_screen(form, edited)
