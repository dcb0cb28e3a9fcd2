"""The text parts of the intention declaration, shown as read and edited in one form."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel
from rich.console import Group
from rich.text import Text

from ..i18n import t
from ..model import Session
from ..reflow import reflow
from .edit_panel import EditPanel
from .field_spec import FieldSpec
from .guard import refused
from .keys import localized
from .messages import SessionChanged

TEXT_FIELDS = ("assignment", "content_and_process", "collaboration", "frequency", "meeting_dates", "agenda")

SPECS = [
    FieldSpec("assignment", "field.assignment", "text", hint="hint.assignment"),
    FieldSpec("content_and_process", "field.content_and_process", "text", hint="hint.content_and_process"),
    FieldSpec("collaboration", "field.collaboration", "text"),
    FieldSpec("frequency", "field.frequency", hint="hint.frequency"),
    FieldSpec("meeting_dates", "field.meeting_dates", "lines", hint="hint.meeting_dates"),
    FieldSpec("agenda", "field.agenda", "lines"),
]


def _written(day, session: Session) -> str:
    from ..report.written_dates import written_day

    return written_day(day, session.session.language.value)


def team_specs(session: Session) -> list[FieldSpec]:
    """The declaration with its content team: core-team members picked, and their deadline."""
    members = lambda: [(m.name, m.id) for m in session.closing.core_team]  # noqa: E731
    team = [
        FieldSpec("content_team", "panes.field.content_team", "many", members),
        FieldSpec("content_deadline", "panes.field.content_deadline", hint="panes.hint.content_deadline"),
    ]
    return SPECS[:2] + team + SPECS[2:]


def typed_team_dates(values: dict, session: Session) -> dict:
    from .record_types import planned_from, typed_day

    return typed_day(typed_dates(values), "content_deadline", "panes.field.content_deadline", planned_from(session))


def content_team_line(session: Session) -> str:
    c = session.closing
    names = [next((m.name for m in c.core_team if m.id == ident), ident) for ident in c.content_team]
    parts = [", ".join(names) if names else ""]
    if c.content_deadline:
        parts.append(t("panes.deadline", day=_written(c.content_deadline, session)))
    return " · ".join(p for p in parts if p)


def typed_dates(values: dict) -> dict:
    """Meeting dates as people type them, one a line ("8-12-2026", "5 januari 2027",
    "2026-12-08"), as the timeline takes them; a line that is not a day says which."""
    from ..timeline.spoken_dates import WhenError, parse_day

    days = []
    for line in values.get("meeting_dates") or []:
        if not isinstance(line, str):
            days.append(line)
            continue
        try:
            days.append(parse_day(line))
        except WhenError as error:
            raise ValueError(f"{t('field.meeting_dates')}: {error.message()}") from None
    return values | {"meeting_dates": sorted(set(days))}


class DeclarationPanel(EditPanel):
    TITLE = "closing.declaration"

    def __init__(self, session: Session, team: bool = False):
        """`team`: with the content team and its deadline (the prospective analysis)."""
        super().__init__(session)
        self.team = team

    def show(self) -> None:
        c = self.session.closing
        parts = []
        for name in TEXT_FIELDS:
            value = getattr(c, name)
            if isinstance(value, list):
                value = ", ".join(_written(v, self.session) for v in sorted(value)) if name == "meeting_dates" \
                    else "\n".join(f"• {v}" for v in value)
            parts.append(Text(t(f"field.{name}"), style="bold"))
            parts.append(Text(reflow(value) if value else t("closing.not_yet"), style="" if value else "dim italic"))
            if name == "content_and_process" and self.team:
                team = content_team_line(self.session)
                parts.append(Text(t("panes.field.content_team"), style="bold"))
                parts.append(Text(team or t("closing.not_yet"), style="" if team else "dim italic"))
        self.update(Group(*parts))

    def action_edit(self, values: dict | None = None) -> None:
        if refused(self):
            return
        closing = self.session.closing

        def edited(result: BaseModel | None) -> None:  # the form gives back an IntentionDeclaration
            if result is not None:
                for name in TEXT_FIELDS + (("content_team", "content_deadline") if self.team else ()):
                    # The session's closing now: another writer's merge may have replaced it.
                    setattr(self.session.closing, name, getattr(result, name))
                self.show()
                self.post_message(SessionChanged())

        specs: list[FieldSpec] = SPECS
        normalise: Callable[[dict], dict] = typed_dates
        if self.team:
            specs, normalise = team_specs(self.session), lambda typed: typed_team_dates(typed, self.session)
        from .forms import RecordForm
        form = localized(RecordForm)(t("closing.declaration"), closing, specs, normalise=normalise, values=values)
        form.origin = {"node": "DeclarationPanel"}
        self.app.push_screen(form, edited)
