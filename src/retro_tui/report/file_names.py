"""Names of the files a session leaves behind: never from its title or its file name,
which may hold the family's name, but from the case code and the kind of document
("VOORBEELD-01-verslag.docx", "VOORBEELD-01-report.docx"), or from the date."""

from __future__ import annotations

from ..i18n import t
from ..model import Session
from ..store.files import safe_part


def stem(session: Session) -> str:
    meta = session.session
    if code := safe_part(meta.case_code):
        return code
    return meta.date.isoformat() if meta.date else t("files.neutral", meta.language.value)


def report_name(session: Session) -> str:
    """The document's own word: "verslag" for the analysis, and the kind's word with
    its day for the sessions after it, which a case holds several of
    ("overlegverslag-2026-11-24")."""
    from ..i18n import catalog

    meta = session.session
    lang = meta.language.value
    word = catalog(lang).get(f"files.report_{meta.kind}") or t("files.report", lang)
    if meta.kind == "retrospective":
        return word
    day = session.meeting.starts.date() if session.meeting.starts else meta.date
    return f"{word}-{day.isoformat()}" if day else word


def own_stem(session: Session) -> str:
    """What the files that go with a session start with: the case code, and after the
    retrospective its document's name too, so that a case's sessions in one folder
    never replace each other's files (the minutes' mail the analysis's)."""
    return stem(session) if session.session.kind == "retrospective" else f"{stem(session)}-{report_name(session)}"


def file_name(session: Session, kind: str, extension: str) -> str:
    return f"{own_stem(session)}-{t(f'files.{kind}', session.session.language.value)}.{extension}"
