"""Every piece of free text in a session, with where it is: the one walk that both
pseudonymising and the identifier check use, so neither misses a field the other sees.
Ids, references, enum values and dates are not text and are left alone."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from enum import Enum
from typing import TypeVar

from pydantic import BaseModel

# Fields that hold ids or references, or machine values: never rewritten, never scanned.
M = TypeVar("M", bound=BaseModel)

NOT_TEXT = {
    "id", "speaker_id", "person_id", "participant", "source", "target", "taken_by", "people", "events",
    "tags", "accepted", "date", "schema_version", "language", "status", "current_step", "step", "kind",
    "lane", "category", "sense", "group_sense", "session", "revision",
    # The follow-up sessions' references to core-team members, course items, reviews' targets.
    "member", "item", "who", "helpers", "ref", "content_team",
}


# Named like a reference elsewhere, yet free text here: the backdrop's `source` is the
# retrospective's file name, which may hold the family's name (a relation's is an id).
TEXT_DESPITE_NAME = {("Backdrop", "source")}


def _skipped(model: BaseModel, name: str, value) -> bool:
    return (name in NOT_TEXT and not _holds_models(value)
            and (type(model).__name__, name) not in TEXT_DESPITE_NAME)


def texts(model: BaseModel, loc: tuple = (), owner: BaseModel | None = None) -> Iterator[tuple[tuple, str, BaseModel]]:
    """(path, text, the entity it belongs to) for every free-text string."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        if _skipped(model, name, value):
            continue
        here = (*loc, name)
        yield from _walk(value, here, model if hasattr(model, "id") else owner or model)


def _holds_models(value) -> bool:
    """`timeline.events` holds events; `insight.events` holds ids. The name alone can't tell."""
    return isinstance(value, BaseModel) or (isinstance(value, list) and any(isinstance(v, BaseModel) for v in value))


def _walk(value, loc: tuple, owner) -> Iterator[tuple[tuple, str, BaseModel]]:
    if isinstance(value, Enum) or value is None:
        return
    if isinstance(value, str):
        if value:
            yield loc, value, owner
    elif isinstance(value, BaseModel):
        yield from texts(value, loc, owner)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _walk(item, (*loc, i), owner)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, (*loc, key), owner)


def rewrite(model: M, change: Callable[[str], str]) -> M:
    """A copy with `change` applied to every free-text string. Built while walking, not
    deep-copied first (for a big session that copy took longer than the rewriting): each
    model and container is new, so the copy shares nothing that can change with the
    original; only values that cannot change (strings, numbers, dates, enums) are shared."""
    return _rewritten(model, change)


def _rewritten(model: M, change: Callable[[str], str]) -> M:
    updates = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        new = _copied(value) if _skipped(model, name, value) else _changed(value, change)
        if new is not value:
            updates[name] = new
    # model_copy's update sets values without validating them again (they were valid,
    # and a pseudonym is text like any other); it works on frozen models too.
    return model.model_copy(update=updates)


def _changed(value, change):
    if isinstance(value, Enum) or value is None:
        return value
    if isinstance(value, str):
        return change(value)
    if isinstance(value, BaseModel):
        return _rewritten(value, change)
    if isinstance(value, list):
        return [_changed(item, change) for item in value]
    if isinstance(value, dict):
        return {key: _changed(item, change) for key, item in value.items()}
    return value


def _copied(value):
    """A field left as it is (ids, references), in containers of its own."""
    if isinstance(value, BaseModel):
        return value.model_copy(deep=True)
    if isinstance(value, list):
        return [_copied(item) for item in value]
    if isinstance(value, dict):
        return {key: _copied(item) for key, item in value.items()}
    return value
