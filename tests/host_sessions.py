"""Session files of every kind, built from the model as a test needs them (making one
with `retro-tui new --kind` is the command line's business, not the screens')."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from retro_tui.model import CoreTeamMember, Participant, Session, SessionMeta
from retro_tui.store import dumps

NOW = dt.datetime(2026, 12, 8, 9, 0)
TITLES = {
    "retrospective": "Casus Jansen",
    "prospective": "Casus Jansen: perspectieve analyse",
    "meeting": "Kernteamoverleg Jansen 1",
    "evaluation": "Evaluatie casus Jansen",
}
# Real-looking names: what a screen shows of them is what a user would see.
PEOPLE = [("p-1", "Marieke de Vries", "Wijkteam Oost"), ("p-2", "Ahmed Yilmaz", "Jeugdbescherming"),
          ("p-3", "Sanne Bakker", "GGZ Jeugd")]


def session_of_kind(kind_id: str, lang: str = "en", step: str | None = None) -> Session:
    meta = SessionMeta(title=TITLES[kind_id], language=lang, status="in_session", kind=kind_id,
                       case_code="JAN-01", created=NOW, updated=NOW)
    if step is not None:
        meta.current_step = step
    session = Session(schema_version=1, session=meta)
    session.checkin.participants = [Participant(id=i, name=n, organisation=o) for i, n, o in PEOPLE]
    if kind_id != "retrospective":
        # A follow-up carries its own copy of the core team (same ids), to read alone.
        session.closing.core_team = [CoreTeamMember(id=f"ct-{i}", name=n, organisation=o, participant=i)
                                     for i, n, o in PEOPLE]
    return session


def write_session(folder: Path, kind_id: str, lang: str = "en", step: str | None = None) -> Path:
    path = folder / f"{kind_id}.toml"
    path.write_text(dumps(session_of_kind(kind_id, lang, step)), encoding="utf-8")
    return path
