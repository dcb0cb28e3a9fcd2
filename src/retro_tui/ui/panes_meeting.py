"""The core team's meeting's own panes: the check-in round of its members, and the
progress of the analysis against the content team's deadline."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.widgets import Static

from ..i18n import t
from ..model import Session
from .declaration import content_team_line
from .guard import refused
from .keys import Key, localized
from .messages import SessionChanged
from .records import RecordTable
from .records_pane import RecordsPane
from .record_types import member_name


class MeetingCheckinPane(RecordsPane):
    """One row per core-team member; `r` goes round them all, as the check-in goes."""

    KEYS = [Key("r", "round", "key.round", id="round")]

    def _table(self) -> RecordTable:
        return self.query_one("#meeting-checkins", RecordTable)

    def reopen(self, origin: dict, values: dict) -> bool:
        """The round's form as it was when the app stopped; the round goes on from there."""
        rows = self._table().rows()
        index = next((i for i, r in enumerate(rows) if r.id == origin.get("record")), None)
        if index is None:
            return False
        self.action_round(index, values)
        return True

    def action_round(self, index: int = 0, values: dict | None = None) -> None:
        if refused(self):
            return
        table = self._table()
        rows = table.rows()
        if index >= len(rows):
            return
        row = rows[index]
        name = member_name(self.session, row.member)
        title = t("checkin.round_title", name=name, number=index + 1, count=len(rows))

        def done(result) -> None:
            if result is None:
                return  # Esc ends the round
            items = self.session.meeting.checkins
            at = next((i for i, r in enumerate(items) if r.id == row.id), None)
            if at is None:
                items.append(result)
            else:
                items[at] = result  # by id: others' changes may have come in
            table.reload(row.id)
            self.post_message(SessionChanged())
            self.action_round(index + 1)

        from .forms import RecordForm
        form = localized(RecordForm)(title, row, table.specs, values=values)
        form.origin = {"record": row.id}
        self.app.push_screen(form, done)


def days_left(session: Session, today: dt.date) -> int | None:
    deadline = session.closing.content_deadline
    return None if deadline is None else (deadline - today).days


class ProgressPane(RecordsPane):
    """The analysis's progress, with the content team and its deadline in view."""

    DEFAULT_CSS = """
    ProgressPane #deadline { margin-bottom: 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(self._deadline(), id="deadline")
        yield from super().compose()

    def _deadline(self) -> str:
        team = content_team_line(self.session)
        # Counted from the meeting's own day, so its minutes say what was so then.
        left = days_left(self.session, self.session.session.date or dt.date.today())
        if left is None:
            return t("panes.no_deadline", team=team) if team else t("panes.no_content_team")
        key = "panes.days_past" if left < 0 else "panes.deadline_today" if left == 0 else "panes.days_left"
        return t("panes.content_team_line", team=team) + " · " + t(key, days=abs(left))

    def others_saved(self) -> None:
        super().others_saved()
        self.query_one("#deadline", Static).update(self._deadline())
