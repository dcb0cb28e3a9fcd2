"""The pseudonymised copy is built while walking the session, not deep-copied first:
the original must come out untouched and share nothing that can change with the copy."""

from __future__ import annotations

from pydantic import BaseModel

from conftest import EXAMPLE
from retro_tui.report.export import prepared
from retro_tui.store import load


def _containers(value, seen: dict[int, object]) -> None:
    """Every model, list and dict reachable from `value`, by identity."""
    if isinstance(value, BaseModel):
        seen[id(value)] = value
        for name in type(value).model_fields:
            _containers(getattr(value, name), seen)
    elif isinstance(value, (list, dict)):
        seen[id(value)] = value
        for item in value.values() if isinstance(value, dict) else value:
            _containers(item, seen)


def test_the_copy_leaves_the_original_as_it_was_and_shares_no_container():
    session = load(EXAMPLE)
    before = session.model_dump(mode="json")
    outgoing = prepared(session)
    assert outgoing.model_dump(mode="json") != before  # names were replaced
    assert session.model_dump(mode="json") == before
    original: dict[int, object] = {}
    copy: dict[int, object] = {}
    _containers(session, original)
    _containers(outgoing, copy)
    assert len(copy) == len(original)
    assert set(original).isdisjoint(copy)
    # A list of ids in the copy changed afterwards leaves the original's alone.
    outgoing.insights.items[0].events.append("ev-new")
    assert session.model_dump(mode="json") == before
