"""The autosave's snapshot of a session, re-dumped only where it changed.

A full `model_dump` of a big session (5,000 quotes, 2,000 events) takes 10 to 17 ms,
and the autosave takes it on the UI thread, where a key waits for it. Nearly all of
that is the lists of records, and between two saves almost none of their records
change. So each record's dumped form is kept, and a snapshot dumps again only:

- the records assigned to since the last snapshot (`Model.__setattr__` notes each
  assignment, model/fields.py), and records it has not seen (added, or replaced by a
  new object, as a form's result and another writer's version are);
- a record whose list (an event's `people`) no longer equals its dumped list: lists
  are changed by putting a new one in place, but an `append` in place is caught too;
- everything outside those lists (the session's meta, notes, small tables), which
  pydantic dumps as ever: a few hundred values.

Records whose fields hold other models are left to pydantic whole: assignments to
their parts are not traced to them. The result equals `codec.snapshot` exactly, key
order included (tests/test_snapshots.py checks it after random edits); its dicts are
shared between snapshots, so nobody may change a snapshot in place (nobody does: the
merge and the renderers build new ones)."""

from __future__ import annotations

import functools
import types
import typing
from operator import attrgetter
from typing import Any

from pydantic import BaseModel

from ..model import Session
from ..model import fields as model_fields
from ..model.fields import Entity

# Beyond this many noted assignments the notes are dropped and every cache with them.
_FORGET_AFTER = 100_000
_forgotten_at = 0  # the tick at which the notes were last dropped
_EMPTY: list = []  # what a dumped record without a (default) empty list stands for



def _dump(model: BaseModel, exclude: dict[str, Any] | None = None) -> dict[str, Any]:
    """As `codec.snapshot` dumps (the same options, or the result would differ)."""
    return model.model_dump(mode="python", by_alias=True, exclude_defaults=True, exclude=exclude)


class Snapshots:
    """One per writer of a session (the autosave's)."""

    def __init__(self) -> None:
        # Per list of records: the records as of the last snapshot and their dumped
        # forms, position by position. Holding the records keeps their ids from being
        # taken by new objects while their dumped forms are kept; records gone from
        # the session are let go with the next snapshot. No index by id between
        # snapshots: for the big session's 7,223 records that was two dicts of 280 KB
        # each (issue 14); one is built for a snapshot only where a list changed.
        self._last: dict[tuple[str, ...], tuple[list[BaseModel], list[dict[str, Any]]]] = {}
        self._as_of = 0
        # Per list: its last dumped records and, for each list-valued field, their lists.
        self._columns: dict[tuple[str, ...], tuple[list, dict[str, list]]] = {}

    def take(self, session: Session) -> dict[str, Any]:
        """Equal to `session.model_dump(mode="python", by_alias=True, exclude_defaults=True)`."""
        global _forgotten_at
        as_of = model_fields.tick()
        if _forgotten_at > self._as_of:
            self._last, self._columns = {}, {}
        # A copy (one C call, atomic under the GIL): a worker thread assigning to a
        # model of its own (an export's pseudonymised copy) must not break the loop.
        # Also a record out of the session now: assigned to while out (undo keeps it),
        # it may come back, and its dumped form is old (found by hypothesis); it is
        # dumped anew then, as a record not in its list at the last snapshot.
        changed = {i for i, t in model_fields.touched.copy().items() if t > self._as_of}
        layout = _layout(type(session))
        data = self._again(session, layout, changed) if self._last else self._first(session, layout)
        self._as_of = as_of
        if len(model_fields.touched) > _FORGET_AFTER:
            model_fields.touched.clear()
            _forgotten_at = model_fields.tick()
        return data

    def _again(self, session: Session, layout: _Layout, changed: set[int]) -> dict[str, Any]:
        data = _dump(session, layout.exclude)
        for spot in layout.spots:
            records = _records_at(session, spot)
            if not records:
                self._last.pop(spot.path, None)
                continue  # the default: left out, as pydantic leaves it out
            out = self._records(records, spot, changed)
            self._last[spot.path] = (list(records), out)
            _put(data, spot, out)
        return data

    def _first(self, session: Session, layout: _Layout) -> dict[str, Any]:
        """With nothing kept yet (as the autosave starts, while the session opens):
        one dump of the whole, whose lists hold each record's dumped form. A dump per
        record took twice as long (26 against 13 ms for the big session)."""
        data = _dump(session)
        for spot in layout.spots:
            records = _records_at(session, spot)
            if not records:
                continue  # the default: left out of the dump
            found: Any = data
            for key in spot.keys:
                found = found[key]
            self._last[spot.path] = (list(records), found)
            if spot.lists:
                self._columns[spot.path] = (found, {alias: [d.get(alias, _EMPTY) for d in found] for _, alias in spot.lists})
        return data

    def _records(self, records: list, spot: _Spot, changed: set[int]) -> list[dict[str, Any]]:
        ids = list(map(id, records))
        last = self._last.get(spot.path)
        if last is not None and list(map(id, last[0])) == ids:
            if changed.isdisjoint(ids):
                out = list(last[1])  # the same records, none assigned to: the common case
            else:
                out = [_dump(r) if i in changed else d for i, r, d in zip(ids, records, last[1])]
        else:  # added, removed or moved: by id
            kept = {} if last is None else dict(zip(map(id, last[0]), last[1]))
            out = [
                _dump(r) if i in changed or i not in kept else kept[i]
                for i, r in zip(ids, records)
            ]
        if spot.lists:
            out = self._lists_checked(records, spot, out)
        return out

    def _lists_checked(self, records: list, spot: _Spot, out: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """`out`, with the records whose lists changed in place dumped again."""
        last = self._columns.get(spot.path)
        if last is not None and last[0] == out:  # the same dumped records (by identity first)
            columns = last[1]
        else:
            columns = {alias: [d.get(alias, _EMPTY) for d in out] for _, alias in spot.lists}
        for name, alias in spot.lists:
            if list(map(attrgetter(name), records)) != columns[alias]:
                out = [
                    _dump(r) if getattr(r, name) != d.get(alias, _EMPTY) else d
                    for r, d in zip(records, out)
                ]
                columns = {alias: [d.get(alias, _EMPTY) for d in out] for _, alias in spot.lists}
        self._columns[spot.path] = (out, columns)
        return out


class _Spot(typing.NamedTuple):
    """A list of records, its field names (`path`) and its keys in the dump (`keys`);
    the record's list-valued fields (name, key); the keys of the list's owner in model
    order, to put the list back where pydantic has it."""

    path: tuple[str, ...]
    keys: tuple[str, ...]
    lists: tuple[tuple[str, str], ...]
    order: tuple[str, ...]


class _Layout(typing.NamedTuple):
    spots: tuple[_Spot, ...]
    exclude: dict[str, Any]


@functools.cache
def _layout(model: type[BaseModel]) -> _Layout:
    """Where the cached lists are: the session's own, and its sections' (one level down)."""
    spots: list[_Spot] = []
    exclude: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        key = info.alias or name
        record = _flat_record(info.annotation)
        if record is not None:
            spots.append(_Spot((name,), (key,), _list_fields(record), _keys(model)))
            exclude[name] = True
            continue
        section = info.annotation
        if isinstance(section, type) and issubclass(section, BaseModel):
            for inner, inner_info in section.model_fields.items():
                record = _flat_record(inner_info.annotation)
                if record is not None:
                    path, keys = (name, inner), (key, inner_info.alias or inner)
                    spots.append(_Spot(path, keys, _list_fields(record), _keys(section)))
                    exclude.setdefault(name, {})[inner] = True
    return _Layout(tuple(spots), exclude)


def _keys(model: type[BaseModel]) -> tuple[str, ...]:
    return tuple(info.alias or name for name, info in model.model_fields.items())


def _flat_record(annotation: Any) -> type[BaseModel] | None:
    """The record type of `list[Record]`, when no field of Record holds a model."""
    if typing.get_origin(annotation) is not list:
        return None
    (item,) = typing.get_args(annotation)
    if not (isinstance(item, type) and issubclass(item, Entity)):
        return None
    if any(_holds_model(info.annotation) for info in item.model_fields.values()):
        return None
    return item


def _holds_model(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_model(arg) for arg in typing.get_args(annotation))


def _list_fields(record: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    return tuple(
        (name, info.alias or name)
        for name, info in record.model_fields.items()
        if _is_list(info.annotation)
    )


def _is_list(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin is list:
        return True
    if origin in (typing.Union, types.UnionType):
        return any(_is_list(arg) for arg in typing.get_args(annotation))
    return False


def _records_at(session: Session, spot: _Spot) -> list:
    owner: Any = session
    for name in spot.path[:-1]:
        owner = getattr(owner, name)
    return getattr(owner, spot.path[-1])


def _put(data: dict[str, Any], spot: _Spot, out: list[dict[str, Any]]) -> None:
    """The list into the dump at its place, its owner's keys in model order."""
    owner = data
    for key in spot.keys[:-1]:
        owner = owner.setdefault(key, {})
    owner[spot.keys[-1]] = out
    ordered = {k: owner[k] for k in spot.order if k in owner}
    owner.clear()
    owner.update(ordered)
