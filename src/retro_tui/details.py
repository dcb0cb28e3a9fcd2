"""The session's details: when and where, who facilitated (and from which organisation),
who took notes, the case code and the case's learning question. One place that reads
them as people type them, for `retro-tui new` and the details form alike."""

from __future__ import annotations

from dataclasses import dataclass, field

from .i18n import t
from .model import Session

# The name people use for a detail, and the session's field that holds it.
FIELDS = {
    "date": "date", "place": "place", "facilitator": "facilitator", "organisation": "facilitator_organisation",
    "notetaker": "notetaker", "case_code": "case_code", "learning_question": "learning_question",
}


@dataclass
class DetailsError(ValueError):
    key: str
    params: dict = field(default_factory=dict)

    def message(self) -> str:
        return t(self.key, **self.params)


def read_details(values: dict[str, str]) -> dict:
    """The values as the session's fields; the date as people type it ("14-10-2026",
    "14 oktober 2026"), an empty date clearing it. Raises DetailsError."""
    from .timeline.spoken_dates import WhenError, parse_day

    out: dict = {}
    for name, value in values.items():
        if name not in FIELDS:
            raise KeyError(name)
        value = value.strip()
        if name == "date" and value:
            try:
                out["date"] = parse_day(value)
            except WhenError as error:
                raise DetailsError(error.key, error.params) from None
        else:
            out[FIELDS[name]] = value or (None if name == "date" else "")
    return out


def apply_details(session: Session | None, values: dict[str, str]) -> None:
    """Check the values (and, given a session, set them)."""
    fields = read_details(values)
    if session is not None:
        for name, value in fields.items():
            setattr(session.session, name, value)
