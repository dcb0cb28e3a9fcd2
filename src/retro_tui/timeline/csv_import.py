"""A first timeline from a spreadsheet: facilitators gather events from the case files
before the session and import them as CSV (Excel, LibreOffice, Google Sheets).

All or nothing: every row is read and checked first, and one bad row imports nothing,
so a half-imported timeline never has to be cleaned up by hand in front of the room.
Row numbers are those the spreadsheet shows: the header is row 1 and a cell with line
breaks stays one row, so rows are counted as CSV records, not as lines of the file.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..i18n import LANGUAGES, label, t
from ..model import EventKind, Lane, Session, TimelineEvent, new_id
from ..model.dates import PartialDateError, parse_partial
from ..operations import all_ids
from ..store.errors import Finding

# Header names as people type them, after _norm: Dutch, English and the model's own.
_COLUMNS = {
    "date": ("date", "datum"),
    "lane": ("lane", "baan", "laag", "kant"),
    "kind": ("kind", "soort", "type"),
    "title": ("title", "titel", "gebeurtenis"),
    "what_happened": ("description", "beschrijving", "omschrijving", "toelichting", "what happened"),
    "crucial": ("crucial", "cruciaal"),
    "date_label": ("date label", "datum label", "datum zoals gezegd"),
}
_HEADER = {alias: name for name, aliases in _COLUMNS.items() for alias in aliases}
_REQUIRED = ("date", "lane", "title")

_LANE_WORDS = {
    Lane.professionals: ("professional", "hulpverlening", "hulpverleners", "boven", "above"),
    Lane.family: ("familie", "onder", "below"),
}
_YES = {"ja", "j", "yes", "y", "x", "1", "true", "waar"}  # Dutch Excel writes WAAR/ONWAAR
_NO = {"", "nee", "n", "no", "0", "false", "onwaar"}

_ISO = re.compile(r"^\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?$")
_NUMERIC = re.compile(r"^(?:(\d{1,2})[-/.])?(\d{1,2})[-/.](\d{4})$")  # day first, as in Dutch


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[_-]", " ", text).lower().split())


@dataclass(frozen=True)
class RowProblem:
    """One thing wrong: an i18n key with its values, or a model check's own finding."""

    row: int | None  # as the spreadsheet shows it; None for the file as a whole
    key: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    finding: Finding | None = None

    def describe(self, lang: str | None = None) -> str:
        text = self.finding.describe(lang) if self.finding else t(self.key, lang=lang, **self.params)
        return text if self.row is None else t("csv.row", lang=lang, row=self.row, problem=text)


class CsvImportError(Exception):
    def __init__(self, path: Path, problems: list[RowProblem]):
        super().__init__(str(path))
        self.path = Path(path)
        self.problems = problems

    def message(self, lang: str | None = None) -> str:
        # Every problem, not the first few: the facilitator fixes them all in one go.
        if len(self.problems) == 1:
            return t("csv.failed_one", lang=lang, path=self.path, problem=self.problems[0].describe(lang))
        lines = [t("csv.failed", lang=lang, path=self.path, count=len(self.problems))]
        lines += [f"  - {p.describe(lang)}" for p in self.problems]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.message()


class _Bad(Exception):
    def __init__(self, key: str, **params: Any):
        super().__init__(key)
        self.key, self.params = key, params


# --- dates ----------------------------------------------------------------------------


def _spoken_dates():
    """The timeline's parser of dates as people say them, when it is there."""
    try:
        from .spoken_dates import WhenError, parse_when
    except ImportError:
        return None
    return parse_when, WhenError


def _numeric(text: str) -> str:
    m = _NUMERIC.match(text)
    if not m:
        raise _Bad("csv.date_unreadable", value=text)
    day, month, year = m.groups()
    return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")


def _partial(iso: str, text: str) -> str:
    try:
        parse_partial(iso)
    except PartialDateError:
        key = "csv.date_too_early" if iso[:4].isdigit() and int(iso[:4]) < 1900 else "csv.date_impossible"
        raise _Bad(key, value=text) from None
    return iso


def _parse_date(text: str) -> tuple[str, str]:
    """(partial ISO date, label) of a date cell; the label keeps words that are not ISO."""
    if _ISO.match(text):
        year, _, rest = text.partition("-")
        parts = [year, *(f"{int(p):02d}" for p in rest.split("-") if p)]
        return _partial("-".join(parts), text), ""
    spoken = _spoken_dates()
    if spoken is None:
        return _partial(_numeric(text), text), ""
    parse_when, when_error = spoken
    try:
        when = parse_when(text)
    except when_error:
        when = None
    if when is None or not when.date:
        raise _Bad("csv.date_impossible" if _NUMERIC.match(text) else "csv.date_unreadable", value=text)
    return _partial(when.date, text), when.label or ""


# --- values ---------------------------------------------------------------------------


@cache
def _lane_words() -> dict[str, Lane]:
    return _words(Lane, _LANE_WORDS)


@cache
def _kind_words() -> dict[str, EventKind]:
    return _words(EventKind, {})


def _words(enum: type[Enum], extra: dict) -> dict[str, Any]:
    words = {}
    for member in enum:
        names = [member.value, *(label(member, lang=lang) for lang in LANGUAGES), *extra.get(member, ())]
        words.update({_norm(name): member for name in names})
    return words


def _date(text: str) -> tuple[str, str]:
    if not text:
        raise _Bad("csv.date_missing")
    return _parse_date(text)


def _title(text: str) -> str:
    if not text:
        raise _Bad("csv.title_missing")
    return text


def _lane(text: str) -> Lane:
    if not text:
        raise _Bad("csv.lane_missing")
    lane = _lane_words().get(_norm(text))
    if lane is None:
        raise _Bad("csv.lane_unknown", value=text)
    return lane


def _kind(text: str) -> EventKind:
    if not text:
        return EventKind.other
    kind = _kind_words().get(_norm(text))
    if kind is None:
        raise _Bad("csv.kind_unknown", value=text, expected=", ".join(label(k) for k in EventKind))
    return kind


def _crucial(text: str) -> bool:
    value = text.lower()
    if value in _YES or value in _NO:
        return value in _YES
    raise _Bad("csv.crucial_unknown", value=text)


_PARSERS = {"date": _date, "lane": _lane, "kind": _kind, "title": _title, "crucial": _crucial}


# --- the file -------------------------------------------------------------------------


def _text(path: Path) -> str:
    from ..store.errors import SessionError
    from ..store.safe_read import read_regular

    try:
        # As a session file is read: a FIFO or a device named .csv must not hang or
        # fill the memory, and what it is instead is said.
        raw = read_regular(path)
    except SessionError as error:
        raise CsvImportError(path, [RowProblem(None, finding=f) for f in error.findings]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise CsvImportError(path, [RowProblem(None, "csv.not_utf8", {"line": line})]) from None
    text = text.removeprefix("\ufeff")  # Excel's "CSV UTF-8" starts with a byte-order mark
    if not text.strip():
        raise CsvImportError(path, [RowProblem(None, "csv.empty")])
    return text


def _records(text: str) -> list[list[str]]:
    # Dutch Excel separates with ";", as "," is its decimal mark; the header tells which.
    header = text.split("\n", 1)[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _columns(header: list[str]) -> tuple[list[str | None], list[RowProblem]]:
    names = [_norm(cell) for cell in header]
    if not any(name in _HEADER for name in names):
        return [], [RowProblem(None, "csv.no_header")]
    problems = []
    unknown = [cell.strip() for cell, name in zip(header, names) if name and name not in _HEADER]
    if unknown:
        problems.append(RowProblem(None, "csv.unknown_columns", {"columns": ", ".join(unknown)}))
    fields = [_HEADER.get(name) for name in names]
    doubled = sorted({f for f in fields if f and fields.count(f) > 1})
    for name in doubled:
        cells = [cell.strip() for cell, f in zip(header, fields) if f == name]
        problems.append(RowProblem(None, "csv.duplicate_column", {"columns": ", ".join(cells)}))
    missing = [t(f"csv.column_{name}") for name in _REQUIRED if name not in fields]
    if missing:
        problems.append(RowProblem(None, "csv.missing_columns", {"columns": ", ".join(missing)}))
    return fields, problems


def _row(number: int, record: list[str], fields: list[str | None], ident: str) -> TimelineEvent | list[RowProblem]:
    cells: dict[str, str] = {}
    for index, cell in enumerate(record):
        name = fields[index] if index < len(fields) else None
        if name:
            cells[name] = cell.strip()
        elif cell.strip():
            # A value under no header would be lost without a word.
            return [RowProblem(number, "csv.stray_cell", {"value": cell.strip()[:40]})]
    data: dict[str, Any] = {"id": ident, "what_happened": cells.get("what_happened", "")}
    problems = []
    # Every value is checked, so one pass names everything wrong in the row.
    for name, parse in _PARSERS.items():
        try:
            data[name] = parse(cells.get(name, ""))
        except _Bad as bad:
            problems.append(RowProblem(number, bad.key, bad.params))
    if problems:
        return problems
    data["date"], said = data["date"]
    data["date_label"] = cells.get("date_label") or said
    try:
        return TimelineEvent.model_validate(data)
    except ValidationError as error:
        from ..store.codec import describe_validation

        return [RowProblem(number, finding=f) for f in describe_validation(error)]


def read_events(path: Path, session: Session) -> list[TimelineEvent]:
    """The events of a CSV file, with ids new to `session`; CsvImportError names every bad row."""
    path = Path(path)
    try:
        records = _records(_text(path))
    except csv.Error as error:
        raise CsvImportError(path, [RowProblem(None, "csv.unreadable", {"reason": str(error)})]) from None
    fields, problems = _columns(records[0])
    if problems:
        raise CsvImportError(path, problems)
    # fresh_id looks at the session only; the batch's own ids must not collide either.
    taken = all_ids(session)
    events = []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue
        ident = new_id("ev", taken)
        result = _row(number, record, fields, ident)
        if isinstance(result, list):
            problems += result
        else:
            taken.add(ident)
            events.append(result)
    if problems:
        raise CsvImportError(path, problems)
    if not events:
        raise CsvImportError(path, [RowProblem(None, "csv.no_rows")])
    return events


def import_timeline(session_path: Path, csv_path: Path) -> int:
    """Append the CSV's events to the session file; return how many. Nothing on error."""
    from ..store import now
    from ..store.shared import update

    added: list = []

    def add(session) -> None:
        # Read under the lock, against the file as it is now: another writer (the app,
        # a notetaker) may have saved a moment ago, and nothing of theirs may be lost.
        added[:] = read_events(csv_path, session)
        session.timeline.events.extend(added)
        session.session.updated = now()

    update(session_path, add)
    return len(added)
