"""The sessions of one case, read from the sessions folder in time order.

Only each file's [session] table is read to find the case's files (store/files.py
peeks it); only those files are then read whole. A file that does not load is named
with its reason and left out; it never stops the case from being shown."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import t
from ..method import RETROSPECTIVE
from ..model import Session


class CaseError(Exception):
    """The case cannot be shown or carried on: one message, for a person."""

    def __init__(self, message: str):
        super().__init__(message)
        self.text = message

    def message(self) -> str:
        return self.text


@dataclass(frozen=True)
class CaseSession:
    path: Path
    session: Session

    @property
    def kind(self) -> str:
        return self.session.session.kind

    @property
    def day(self) -> dt.date:
        meta = self.session.session
        return meta.date or meta.created.date()


@dataclass
class Case:
    code: str
    folder: Path
    sessions: list[CaseSession] = field(default_factory=list)  # in time order
    unreadable: list[tuple[Path, str]] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[CaseSession]:
        return [s for s in self.sessions if s.kind == kind]

    def latest(self, kind: str) -> CaseSession | None:
        found = self.of_kind(kind)
        return found[-1] if found else None

    @property
    def retrospective(self) -> CaseSession | None:
        # The first: a case starts with its retrospective analysis.
        found = self.of_kind(RETROSPECTIVE)
        return found[0] if found else None


def same_code(a: str, b: str) -> bool:
    """Case codes as people type them: `voorbeeld-01 ` is VOORBEELD-01."""
    return a.strip().casefold() == b.strip().casefold()


def cases_in(listings) -> dict[str, int]:
    """The case codes in a folder's listing (spelled as first found), each with its
    number of sessions, in alphabetical order."""
    found: dict[str, int] = {}
    for item in listings:
        code = item.meta.case_code.strip() if item.meta else ""
        if code:
            known = next((c for c in found if same_code(c, code)), code)
            found[known] = found.get(known, 0) + 1
    return dict(sorted(found.items(), key=lambda kv: kv[0].casefold()))


def _order(item: CaseSession) -> tuple[dt.date, dt.datetime, str]:
    # By date, then by when the file was made: two sessions on one day keep their order.
    return item.day, item.session.session.created, item.path.name


def collect(folder: Path, code: str) -> Case:
    """The case `code` in `folder`; CaseError when the folder is no folder or holds no
    session of that case (naming the case codes it does hold)."""
    from ..store import SessionError, list_sessions, load

    folder = Path(folder)
    if not folder.is_dir():
        raise CaseError(t("case.no_folder", folder=folder))
    if not code.strip():
        raise CaseError(t("case.no_code"))
    listings = list_sessions(folder)
    case = Case(code.strip(), folder)
    for item in listings:
        if item.meta is None:
            reason = item.error.message() if item.error else ""
            case.unreadable.append((item.path, reason))
        elif same_code(item.meta.case_code, code):
            try:
                case.sessions.append(CaseSession(item.path, load(item.path)))
            except SessionError as error:  # the head read, the rest did not
                case.unreadable.append((item.path, error.message()))
    if not case.sessions:
        codes = sorted({i.meta.case_code for i in listings if i.meta and i.meta.case_code.strip()}, key=str.casefold)
        known = ", ".join(codes) if codes else t("case.none_known")
        raise CaseError(t("case.unknown_code", code=code.strip(), folder=folder, known=known))
    case.sessions.sort(key=_order)
    case.code = case.sessions[0].session.session.case_code.strip()
    return case


def example_copy_holding(code: str) -> Path | None:
    """The newest copy of the example (`retro-tui example` puts its copies among the
    state files, not in the sessions folder) that holds case `code`; None when none does."""
    from ..places import examples_dir
    from ..store import list_sessions

    base = examples_dir()
    if not base.is_dir() or not code.strip():
        return None
    copies = sorted((p for p in base.iterdir() if p.is_dir()), key=lambda p: p.name, reverse=True)
    for folder in copies:  # named by the time they were made: the newest first
        if any(i.meta is not None and i.meta.case_code.strip() == code.strip() for i in list_sessions(folder)):
            return folder
    return None
