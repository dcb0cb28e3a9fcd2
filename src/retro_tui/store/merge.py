"""Three-way merge of a session's plain data, for two writers on one file.

Each writer knows the version it last read or wrote (the base), its own current data
(mine) and what is on disk now (theirs). Whatever only one side changed is taken from
that side; lists of records are merged by id, so quotes added on both sides all stay,
and a record removed on one side is removed. When both sides changed the very same
value differently, mine wins and theirs is returned as a conflict, for the caller to
keep visibly: nothing is dropped silently. The texts people type into together (the
model marks them `Prose`: a step's notes, a meeting's summary) are merged line by line."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, get_args

from pydantic import BaseModel

from ..model import Session
from ..model.fields import WRITTEN_ALONG
from .text_merge import merge_lines


@dataclass(frozen=True)
class Conflict:
    path: tuple
    kept: Any  # the value that was written
    other: Any  # the other writer's value, kept aside
    # Lines of a text written along: `kept` holds only the lines `other` lost to.
    lines: bool = False


_MISSING = object()


def merge(base: Any, mine: Any, theirs: Any, path: tuple = ()) -> tuple[Any, list[Conflict]]:
    if _same(mine, base):
        return theirs, []
    if _same(theirs, base) or _same(mine, theirs):
        return mine, []
    if isinstance(mine, dict) and isinstance(theirs, dict):
        return _merge_tables(base if isinstance(base, dict) else {}, mine, theirs, path)
    if _records(mine) and _records(theirs):
        return _merge_records(base if _records(base) else [], mine, theirs, path)
    if written_along(path) and _text(mine) and _text(theirs) and _text(base):
        # Where two people write along, their lines are merged, not one text picked.
        merged, clashes = merge_lines(*(("" if v is _MISSING else v) for v in (base, mine, theirs)))
        return merged, [Conflict(path, kept, lost, lines=True) for kept, lost in clashes]
    # The same value changed on both sides: mine is written, theirs kept aside (an
    # edit against a removal keeps the edit; there is nothing to keep of a removal).
    return mine, ([] if theirs is _MISSING else [Conflict(path, mine, theirs)])


def written_along(path: tuple) -> bool:
    """Whether `path` in a session's plain data is a text the model marks as written
    along (`Prose`); "*" in the model's paths stands for any key of a table."""
    return any(len(found) == len(path) and all(f in ("*", p) for f, p in zip(found, path))
               for found in _written_along_paths())


@cache
def _written_along_paths() -> tuple[tuple[str, ...], ...]:
    # Read from the model, so a text box added to a record is merged by line as soon
    # as its field is typed `Prose`, with no list here to keep up to date.
    return tuple(_prose_in(Session))


def _prose_in(model: type[BaseModel], at: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if WRITTEN_ALONG in field.metadata:
            found.append((*at, name))
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            found += _prose_in(annotation, (*at, name))
        elif getattr(annotation, "__origin__", None) is dict and WRITTEN_ALONG in _metadata(get_args(annotation)[1]):
            found.append((*at, name, "*"))  # step_notes.<step>: each key its own text
    return found


def _metadata(annotation: Any) -> tuple:
    return getattr(annotation, "__metadata__", ())


def _text(value: Any) -> bool:
    return isinstance(value, str) or value is _MISSING  # empty notes are left out of a snapshot


def _same(a: Any, b: Any) -> bool:
    return a is b or a == b


def _records(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, dict) and "id" in v for v in value)


def _merge_tables(base: dict, mine: dict, theirs: dict, path: tuple) -> tuple[dict, list[Conflict]]:
    merged, conflicts = {}, []
    for key in list(dict.fromkeys([*theirs, *mine])):
        b, m, t = base.get(key, _MISSING), mine.get(key, _MISSING), theirs.get(key, _MISSING)
        value, found = merge(b, m, t, (*path, key))
        conflicts += found
        if value is not _MISSING:
            merged[key] = value
    return merged, conflicts


def _merge_records(base: list, mine: list, theirs: list, path: tuple) -> tuple[list, list[Conflict]]:
    b = {r["id"]: r for r in base}
    m = {r["id"]: r for r in mine}
    t = {r["id"]: r for r in theirs}
    merged, conflicts = [], []
    # Their order first, then what only I added, in my order.
    for ident in [*t, *(i for i in m if i not in t)]:
        value, found = merge(b.get(ident, _MISSING), m.get(ident, _MISSING), t.get(ident, _MISSING),
                             (*path, ident))
        conflicts += found
        if value is not _MISSING:
            merged.append(value)
    return merged, conflicts
