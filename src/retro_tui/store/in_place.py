"""Bring another writer's version into the session the screen is showing, in place.

The screen's panes, forms and undo history hold the session and its records, so the
session object is kept and only what differs is replaced. A record whose values are
unchanged stays the very same object (a selection or an open form keeps pointing at
it); a changed record is replaced by a new object, never changed in place, because the
timeline's undo snapshots share the record objects."""

from __future__ import annotations

from pydantic import BaseModel


def refresh_in_place(old: BaseModel, new: BaseModel) -> set[str]:
    """Make `old` equal to `new`; returns the names of the fields that changed."""
    changed = set()
    for name in type(old).model_fields:
        before, after = getattr(old, name), getattr(new, name)
        if before == after:
            continue
        changed.add(name)
        if _records(before) and _records(after):
            kept = {r.id: r for r in before}
            # Slice assignment keeps the list itself: lookups through the session and
            # references to the list both see the new records.
            before[:] = [kept[r.id] if kept.get(r.id) == r else r for r in after]
        elif isinstance(before, BaseModel) and type(before) is type(after) and not hasattr(before, "id"):
            refresh_in_place(before, after)  # a step's table: keep it, change its fields
        else:
            setattr(old, name, after)
    return changed


def _records(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, BaseModel) and hasattr(v, "id") for v in value)
