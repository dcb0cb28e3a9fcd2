"""A copy of a session that may travel by e-mail: to a notetaker without a shared
terminal, a co-facilitator who adds notes at home.

The copy is pseudonymised like the report (every name a family member goes by becomes
their role, the family's surnames a neutral word, the other names cleared), checked for
direct identifiers, and records which session and which version of it it was made from.
Record ids are renamed too ("fm-lotte" would tell a name): each becomes its prefix and a
digest of the session's id and the record's, so the way back can compute them again.
What was sent is kept on this laptop (in the user's state folder, readable by the user
only) as the base against which the copy's changes are read when it comes back
(`copy_merge.py`)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .model import Session
from .model.ids import new_id
from .model.session import CopyOrigin
from .store import dumps, now, write_atomic
from .store.atomic import ensure_private_dir
from .store.safe_read import read_regular


def copies_dir() -> Path:
    """Where the copies as sent are kept: $XDG_STATE_HOME/retro-tui/copies."""
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "retro-tui" / "copies"


def base_path(origin: CopyOrigin) -> Path:
    return copies_dir() / f"{origin.session}-{origin.revision}.toml"


def revision(path: Path) -> str:
    """A version of a session file: the digest of its bytes."""
    return hashlib.sha256(read_regular(Path(path))).hexdigest()[:16]


def ensure_id(path: Path) -> str:
    """The session's own id, made and saved (through the locked write) the first time."""
    from .store.shared import update

    made: list[str] = []

    def give_id(session: Session) -> None:
        if not session.session.id:
            session.session.id = new_id("s")
        made.append(session.session.id)

    update(path, give_id)
    return made[0]


class CopyOfCopy(Exception):
    def __init__(self, path: Path):
        super().__init__(str(path))
        self.path = path


# Fields that hold a record's id or refer to one (by alias, as in the file).
ID_FIELDS = {"id", "speaker_id", "person_id", "participant", "from", "to", "taken_by", "people", "events", "tags",
             # The sessions after the retrospective refer to core-team members, course
             # items and what a review looks back on.
             "member", "item", "who", "helpers", "ref", "content_team"}


def travel_ids(data: dict) -> dict[str, str]:
    """Each record id in a session's data and the id it has in a travelling copy."""
    session_id = data["session"]["id"]
    found: dict[str, str] = {}

    def walk(value, top: bool = False) -> None:
        if isinstance(value, dict):
            ident = value.get("id")
            if isinstance(ident, str) and not top:
                digest = hashlib.sha256(f"{session_id}|{ident}".encode()).hexdigest()[:8]
                found[ident] = f"{ident.split('-')[0][:12]}-{digest}"
            for key, item in value.items():
                walk(item, top=key == "session" and top)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for key, value in data.items():
        walk(value, top=key == "session")
    return found


def renamed(value, mapping: dict[str, str], key: str = ""):
    """The data with every id and reference in `mapping` replaced."""
    if isinstance(value, dict):
        return {k: renamed(v, mapping, k) for k, v in value.items()}
    if isinstance(value, list):
        return [renamed(v, mapping, key) for v in value]
    if key in ID_FIELDS and isinstance(value, str):
        return mapping.get(value, value)
    return value


def as_copy(session: Session) -> Session:
    """The session's contents as a copy carries them (its own ids still)."""
    from .report.export import prepared

    copy = prepared(session, pseudonymise=True)
    for member in copy.family.members:
        member.aliases = []  # already replaced by the role everywhere; a list of roles says nothing
    copy.family.family_names = []
    copy.conflicts = []  # kept-aside texts of this laptop's writers are not the copy's business
    return copy


def make_copy(session: Session, path: Path, version: str | None = None) -> Session:
    """The pseudonymised copy of `session` (as read from `path`), recording its origin."""
    copy = as_copy(session)
    copy.session.copy_of = CopyOrigin(session=session.session.id, revision=version or revision(path), made=now())
    data = copy.model_dump(mode="python", by_alias=True)
    # The session's own id is in [session], not a record's: travel_ids leaves it be.
    return Session.model_validate(renamed(data, travel_ids(data)))


def export_copy(path: Path, folder: Path, *, accept_identifiers: bool = False) -> Path:
    """Write the travelling copy of the session at `path` into `folder`; raises
    report.export.IdentifiersFound before writing anything when the copy holds
    identifiers the user has not accepted."""
    from .report.export import IdentifiersFound, prepared
    from .report.identifier_scan import unaccepted
    from .store import load
    from .store.codec import decode, loads

    if not load(path).session.id:
        ensure_id(path)  # saved in the original: the copy's way home
    data = read_regular(Path(path))  # one read: the copy and its revision from the same bytes
    session = loads(decode(data, path), path)
    if session.session.copy_of is not None:
        # A copy of a copy would lose its way back; copies are made from the original.
        raise CopyOfCopy(path)
    # Checked before the ids are renamed: acceptances are remembered by where they are.
    findings = unaccepted(prepared(session, pseudonymise=True))
    if findings and not accept_identifiers:
        raise IdentifiersFound(findings)
    copy = make_copy(session, path, hashlib.sha256(data).hexdigest()[:16])
    origin = copy.session.copy_of
    assert origin is not None  # make_copy records it
    text = dumps(copy).encode("utf-8")
    ensure_private_dir(copies_dir())
    write_atomic(base_path(origin), text, keep_backup=False)
    ensure_private_dir(folder)
    # Named as the report is, never after the session's file: "gezin-bakker.toml" is
    # how people name a session, and this file goes by e-mail.
    from .report.file_names import file_name

    target = folder / file_name(copy, "copy", "toml")
    write_atomic(target, text, keep_backup=False)
    return target
