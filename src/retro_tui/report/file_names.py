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


def file_name(session: Session, kind: str, extension: str) -> str:
    return f"{stem(session)}-{t(f'files.{kind}', session.session.language.value)}.{extension}"
