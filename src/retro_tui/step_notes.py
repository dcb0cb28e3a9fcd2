"""Where a step's notes live in a session: its kind's file of steps says so (a step's
`notes`: a section's own `notes`, or `step_notes.<step id>` for a step without a section
of its own). Everything that reads or writes a step's notes goes through here, so the
facilitator's box, the notetaker's box, the drafts and the clashes agree on the place."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Session

STEP_NOTES = "step_notes"


def read_notes(session: Session, path: str) -> str:
    section, name = path.split(".", 1)
    if section == STEP_NOTES:
        return session.step_notes.get(name, "")
    return getattr(getattr(session, section), name)


def write_notes(session: Session, path: str, text: str) -> None:
    section, name = path.split(".", 1)
    if section != STEP_NOTES:
        setattr(getattr(session, section), name, text)
    elif text:
        session.step_notes[name] = text
    else:
        # Empty notes are no entry: the file stays as it was before anything was typed.
        session.step_notes.pop(name, None)


def notes_on_disk(data: dict, path: str) -> str:
    """The same notes in a session's plain data (a snapshot, the file as last read)."""
    section, name = path.split(".", 1)
    return (data.get(section) or {}).get(name, "") or ""
