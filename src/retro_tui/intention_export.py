"""The intention declaration alone, as a TOML file the core team can keep and share."""

from __future__ import annotations

from pathlib import Path

import tomli_w

from .model import Session
from .store import write_atomic
from .store.atomic import ensure_private_dir


def intention_data(session: Session) -> dict:
    meta = session.session
    head = {"session": meta.title, "case_code": meta.case_code, "date": meta.date, "language": meta.language}
    closing = session.closing.model_dump(mode="python", by_alias=True, exclude_defaults=True, exclude={"notes"})
    return {"intention": {k: v for k, v in head.items() if v not in (None, "")} | closing}


def export_intention(session: Session, source: Path, folder: Path) -> Path:
    """Pseudonymised, and named from the case code: the source file's name and the
    declaration's free text may both hold the family's name."""
    from .report.export import prepared
    from .report.file_names import file_name

    outgoing = prepared(session)
    ensure_private_dir(folder)
    target = folder / file_name(outgoing, "intention", "toml")
    text = tomli_w.dumps(intention_data(outgoing), multiline_strings=True)
    write_atomic(target, text.encode("utf-8"), keep_backup=False)
    return target
