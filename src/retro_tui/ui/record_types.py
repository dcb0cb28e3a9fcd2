"""The kinds of record a step lists, as its table shows them and its form edits them.

One entry per model class (model/followup.py, and the declaration's records the
sessions after the retrospective keep): its columns, its form's fields, how a new one
is made, and which field single keys set. A step's `records` path ("meeting.actions")
finds its entry by the class its list holds, so a new kind of session with the same
kinds of record needs no pane of its own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any, get_args

from pydantic import BaseModel

from .. import operations as ops
from ..i18n import label, t
from ..model import Session
from ..model.fields import Remark
from ..model.followup import (
    Action,
    BackdropInsight,
    BackdropMoment,
    CarriedAction,
    CourseCheck,
    CourseItem,
    MemberCheckin,
    Review,
)
from ..model.enums import ActionState, CourseState, KeptState, ReviewAbout
from ..model.session import Backing, Commitment
from .field_spec import FieldError, FieldSpec
from .records import Column


@dataclass(frozen=True)
class RecordType:
    columns: Callable[[Session], list[Column]]
    fields: Callable[[Session], list[FieldSpec]]
    # A new record with this id; None where the records are copies from an earlier
    # session (the backdrop), shown and never edited here.
    new: Callable[[Session, str], BaseModel] | None = None
    # Typed values into the model's (a spoken date into a day); ValueError says why not.
    normalise: Callable[[Session, dict[str, Any]], dict[str, Any]] | None = None
    # The field that single keys set (1, 2, 3: the enum's values in order).
    state: str | None = None
    # Removing is not offered: the rows stand for what the session looks back on.
    fixed: bool = False
    # The rows shown, from the list itself (one row per course item, say); a row for a
    # record not in the list yet is added to it when it is first answered.
    rows: Callable[[Session, list], list] | None = None
    # Removing a record that others refer to removes the references too (operations.py).
    remove: Callable[[Session, Any], None] | None = None
    # What an edit form is about where its fields do not show it (the course item).
    describe: Callable[[Session, Any], str] | None = None
    # What an empty list says, where `a` adds nothing (i18n key).
    empty: str = "records.empty"


def section_and_name(path: str) -> tuple[str, str]:
    section, _, name = path.partition(".")
    return section, name


def value_at(session: Session, path: str) -> Any:
    section, name = section_and_name(path)
    return getattr(getattr(session, section), name)


def list_class(path: str) -> type[BaseModel] | None:
    """The record class a list path holds ("course.items" -> CourseItem); None for a
    path that is not a list of records (a text, a date)."""
    section, name = section_and_name(path)
    model = Session.model_fields[section].annotation
    field = getattr(model, "model_fields", {}).get(name)
    if field is None:
        return None
    args = get_args(field.annotation)
    if len(args) == 1 and isinstance(args[0], type) and issubclass(args[0], BaseModel):
        return args[0]
    return None


# --- names of what records refer to, by id -----------------------------------------


def member_name(session: Session, ident: str | None) -> str:
    return next((m.name for m in session.closing.core_team if m.id == ident), ident or "")


def member_choices(session: Session):
    return lambda: [(m.name, m.id) for m in session.closing.core_team]


def course_text(session: Session, ident: str | None) -> str:
    items = session.course.items
    at = next((i for i, c in enumerate(items) if c.id == ident), None)
    return f"{at + 1}. {items[at].text}" if at is not None else (ident or "")


def enum_choices(enum: type[Enum]):
    return lambda: [(label(member), member) for member in enum]


def _state(value: Enum | None) -> str:
    return label(value) if value is not None else "–"


def _state_width(enum: type[Enum]) -> int:
    """Room for the longest answer in the language on screen ("niet nagekomen")."""
    return max(len(label(member)) for member in enum)


def _day(value: dt.date | None) -> str:
    # Day and month: a due date is weeks away, and the column stays narrow.
    return value.strftime("%d-%m") if value else ""


def planned_from(session: Session) -> dt.date:
    """The day a session's "next tuesday" counts from: its own date."""
    return session.session.date or dt.date.today()


def typed_day(values: dict, name: str, label_key: str, today: dt.date) -> dict:
    """A day ahead as people say it ("dinsdag 15 december", "volgende week dinsdag",
    "15-12-2026"), counted from `today`; empty is no day."""
    from ..days_ahead import parse_day_ahead
    from ..timeline.spoken_dates import WhenError

    value = values.get(name)
    if not isinstance(value, str):
        return values
    if not value.strip():
        return values | {name: None}
    try:
        return values | {name: parse_day_ahead(value, today)}
    except WhenError as error:
        raise FieldError(name, f"{t(label_key)}: {error.message()}") from None


_TIME = re.compile(r"^\s*(\d{1,2})\s*(?:[:.u]|uur)?\s*(\d{2})?\s*(?:uur)?\s*$", re.IGNORECASE)


def parse_time(text: str) -> dt.time:
    """A time of day as people write it in Dutch and English: 14:00, 14.30, 14u, 9 uur."""
    found = _TIME.match(text)
    if found is None:
        raise ValueError(text)
    return dt.time(int(found.group(1)), int(found.group(2) or 0))


def one_per(session: Session, records: list, refs: list[str], attr: str, prefix: str, make) -> list:
    """One row per referred-to thing (each course item, each core-team member): its
    record, else a new one whose id comes from what it refers to, so two writers who
    answer the same row at once make the same record (merged by id, not doubled).
    Records of things no longer there follow at the end."""
    by_ref = {getattr(r, attr): r for r in records}
    taken: set[str] | None = None
    rows = []
    for ref in refs:
        if ref in by_ref:
            rows.append(by_ref[ref])
            continue
        if taken is None:
            taken = ops.all_ids(session)
        ident, n = f"{prefix}-{ref}"[:64], 1
        while ident in taken:
            n += 1
            ident = f"{prefix}-{ref}"[:60] + f"-{n}"
        rows.append(make(ident, ref))
    known = set(refs)
    return rows + [r for r in records if getattr(r, attr) not in known]


# --- the entries ------------------------------------------------------------------

def _remarks() -> RecordType:
    return RecordType(
        columns=lambda s: [Column("panes.field.text", lambda r: r.text, 70)],
        fields=lambda s: [FieldSpec("text", "panes.field.text", "text", optional=False)],
        new=lambda s, ident: Remark.model_construct(id=ident, text=""),
    )


def _course_items() -> RecordType:
    def number(s: Session):
        return lambda c: str(next((i + 1 for i, x in enumerate(s.course.items) if x.id == c.id), ""))

    return RecordType(
        # The number is how the meetings name an item ("are we still on course on 2?").
        columns=lambda s: [Column("panes.field.number", number(s), 3), Column("panes.field.course", lambda c: c.text, 70)],
        fields=lambda s: [FieldSpec("text", "panes.field.course", "text", hint="panes.hint.course", optional=False)],
        new=lambda s, ident: CourseItem.model_construct(id=ident, text=""),
        remove=lambda s, item: ops.remove_course_item(s, item.id),
    )


def _moments() -> RecordType:
    return RecordType(
        columns=lambda s: [Column("panes.field.when", lambda m: m.when, 12), Column("panes.field.moment", lambda m: m.title, 60)],
        fields=lambda s: [],
        empty="panes.empty.backdrop",
    )


def _backdrop_insights() -> RecordType:
    return RecordType(
        columns=lambda s: [Column("field.category", lambda i: label(i.category), 14), Column("field.text", lambda i: i.text, 60)],
        fields=lambda s: [],
        empty="panes.empty.backdrop",
    )


def _member_checkins() -> RecordType:
    return RecordType(
        columns=lambda s: [
            Column("panes.field.member", lambda c: member_name(s, c.member), 18, keep=True),
            Column("panes.field.saddle", lambda c: c.saddle, 22),
            Column("panes.field.chafes", lambda c: c.chafes, 18),
            Column("panes.field.needs", lambda c: c.needs, 18, spare=True),
        ],
        fields=lambda s: [
            # Whose row it is stays: one row per member, made from the core team.
            FieldSpec("saddle", "panes.field.saddle_question", "text", hint="panes.hint.saddle"),
            FieldSpec("chafes", "panes.field.chafes_question", "text"),
            FieldSpec("needs", "panes.field.needs_question", "text"),
        ],
        fixed=True,
        rows=lambda s, records: one_per(s, records, [m.id for m in s.closing.core_team], "member", "mc",
                                        lambda ident, ref: MemberCheckin(id=ident, member=ref)),
        describe=lambda s, c: member_name(s, c.member),
        empty="panes.empty.checkins",
    )


def _course_checks() -> RecordType:
    return RecordType(
        columns=lambda s: [
            Column("panes.field.course", lambda c: course_text(s, c.item), 30),
            Column("panes.field.course_state", lambda c: _state(c.state), _state_width(CourseState)),
            Column("panes.field.why", lambda c: c.why, 24, spare=True),
        ],
        fields=lambda s: [
            FieldSpec("state", "panes.field.course_state", "choice", enum_choices(CourseState)),
            FieldSpec("why", "panes.field.why", "text", hint="panes.hint.why"),
        ],
        state="state",
        fixed=True,
        rows=lambda s, records: one_per(s, records, [c.id for c in s.course.items], "item", "cc",
                                        lambda ident, ref: CourseCheck(id=ident, item=ref)),
        describe=lambda s, c: course_text(s, c.item),
        empty="panes.empty.course_checks",
    )


def _carried() -> RecordType:
    return RecordType(
        columns=lambda s: [
            Column("panes.field.who", lambda a: member_name(s, a.who), 10),
            Column("panes.field.what", lambda a: a.what, 26),
            Column("panes.field.due_short", lambda a: _day(a.due), 5),
            Column("panes.field.action_state", lambda a: _state(a.state), _state_width(ActionState)),
            Column("panes.field.in_the_way", lambda a: a.in_the_way, 24, spare=True),
        ],
        # What was agreed stays as agreed: the meeting looks back on it, critically.
        fields=lambda s: [
            FieldSpec("state", "panes.field.action_state", "choice", enum_choices(ActionState)),
            FieldSpec("in_the_way", "panes.field.in_the_way", "text", hint="panes.hint.in_the_way"),
        ],
        state="state",
        fixed=True,
        describe=lambda s, a: f"{member_name(s, a.who)}: {a.what}" if a.who else a.what,
        empty="panes.empty.carried",
    )


def _bearable(value: bool | None) -> str:
    return "" if value is None else t("panes.bearable.yes" if value else "panes.bearable.no")


def _actions() -> RecordType:
    def new(s: Session, ident: str) -> Action:
        return Action.model_construct(id=ident, what="", made=s.session.date)

    return RecordType(
        columns=lambda s: [
            Column("panes.field.who", lambda a: member_name(s, a.who), 10),
            Column("panes.field.what", lambda a: a.what, 26),
            Column("panes.field.due_short", lambda a: _day(a.due), 5),
            Column("panes.field.bearable_short", lambda a: _bearable(a.bearable), 4),
            Column("panes.field.helpers", lambda a: ", ".join(member_name(s, h) for h in a.helpers), 24, spare=True),
        ],
        fields=lambda s: [
            FieldSpec("who", "panes.field.who", "choice", member_choices(s)),
            FieldSpec("what", "panes.field.what_exactly", "text", hint="panes.hint.what", optional=False),
            FieldSpec("expected", "panes.field.expected", "text"),
            FieldSpec("due", "panes.field.due", hint="panes.hint.due"),
            FieldSpec("bearable", "panes.field.bearable", "choice",
                      lambda: [(t("panes.bearable.yes"), True), (t("panes.bearable.no"), False)]),
            FieldSpec("helpers", "panes.field.helpers", "many", member_choices(s)),
        ],
        new=new,
        normalise=lambda s, values: typed_day(values, "due", "panes.field.due", planned_from(s)),
    )


def _reviews() -> RecordType:
    return RecordType(
        columns=lambda s: [
            Column("panes.field.about", lambda r: label(r.about), _state_width(ReviewAbout)),
            Column("panes.field.review_text", lambda r: r.text, 28),
            Column("panes.field.kept", lambda r: _state(r.kept), _state_width(KeptState)),
            Column("panes.field.in_the_way", lambda r: r.in_the_way, 24, spare=True),
        ],
        fields=lambda s: [
            FieldSpec("about", "panes.field.about", "choice", enum_choices(ReviewAbout), optional=False),
            FieldSpec("text", "panes.field.review_text"),
            FieldSpec("kept", "panes.field.kept", "choice", enum_choices(KeptState)),
            FieldSpec("in_the_way", "panes.field.in_the_way", "text", hint="panes.hint.in_the_way"),
        ],
        new=lambda s, ident: Review(id=ident, about=ReviewAbout.commitment),
        state="kept",
    )


def _commitments() -> RecordType:
    return RecordType(
        columns=lambda s: [
            Column("field.name", lambda c: c.name, 18),
            Column("panes.field.holder", lambda c: member_name(s, c.member), 18, keep=True),
            Column("field.sentence", lambda c: c.sentence, 40),
        ],
        fields=lambda s: [
            FieldSpec("name", "field.name", optional=False),
            FieldSpec("sentence", "field.sentence", "text"),
            FieldSpec("member", "panes.field.holder", "choice", member_choices(s)),
        ],
        new=lambda s, ident: Commitment.model_construct(id=ident, name=""),
    )


def _backing() -> RecordType:
    def organisations(s: Session):
        # The core team's organisations: each member's backing comes from their own.
        return lambda: [(o, o) for o in dict.fromkeys(m.organisation for m in s.closing.core_team if m.organisation)]

    return RecordType(
        columns=lambda s: [Column("field.organisation", lambda b: b.organisation, 22), Column("field.needed", lambda b: b.needed, 50)],
        fields=lambda s: [
            FieldSpec("organisation", "field.organisation", "choice", organisations(s), optional=False),
            FieldSpec("needed", "field.needed", "text"),
        ],
        new=lambda s, ident: Backing.model_construct(id=ident, organisation=""),
    )


TYPES: dict[type[BaseModel], RecordType] = {
    Remark: _remarks(),
    CourseItem: _course_items(),
    BackdropMoment: _moments(),
    BackdropInsight: _backdrop_insights(),
    MemberCheckin: _member_checkins(),
    CourseCheck: _course_checks(),
    CarriedAction: _carried(),
    Action: _actions(),
    Review: _reviews(),
    Commitment: _commitments(),
    Backing: _backing(),
}

# Readable id prefixes ("pu-3f9a1c" for a pull); any other list takes its name's start.
PREFIXES = {"undercurrent.pulls": "pu", "undercurrent.together": "tg", "undercurrent.trust": "tr",
            "course.items": "ko", "meeting.actions": "ac", "meeting.checkins": "mc",
            "meeting.course_checks": "cc", "evaluation.reviews": "rv", "evaluation.changes": "ch",
            "closing.commitments": "cm", "closing.backing": "bk"}


def record_type(path: str) -> RecordType | None:
    cls = list_class(path)
    return TYPES.get(cls) if cls is not None else None


def fresh(session: Session, path: str) -> str:
    return ops.fresh_id(session, PREFIXES.get(path, section_and_name(path)[1][:2]))
