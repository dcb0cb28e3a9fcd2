"""Starting the next session of a case: pre-filled (prefill.py), named neutrally from
the case code and the kind (store/files.py), written through the store's locked write.
The command line and the case view both start sessions here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..i18n import t
from ..model import Session
from .collect import collect
from .prefill import next_session
from .state import MEETING


@dataclass(frozen=True)
class Started:
    path: Path
    session: Session
    kind: str
    number: int | None  # the how-manieth meeting of the case

    def said(self, lang: str) -> str:
        from ..method import kind as kind_of

        name = kind_of(self.kind).in_language(lang).name
        code = self.session.session.case_code
        if self.number is None:
            return t("case.created_first", path=self.path, kind=name, code=code)
        return t("case.created", path=self.path, kind=name, number=self.number, code=code)


def start_next(folder: Path, code: str, kind: str, *, title: str = "", today: dt.date | None = None,
               change: Callable[[Session], None] | None = None) -> Started:
    """The next `kind` of case `code` in `folder`, on disk; CaseError says why not."""
    from ..store.files import file_stem, write_new

    case = collect(folder, code)
    session = next_session(case, kind, title=title, today=today)
    if change is not None:
        change(session)
    meta = session.session
    number = len(case.of_kind(MEETING)) + 1 if kind == MEETING else None
    assert meta.date is not None  # the prefill dates it today
    stem, first = file_stem(meta.date, meta.case_code, meta.language, kind, number)
    return Started(write_new(Path(folder), stem, session, first=first), session, kind, number)
