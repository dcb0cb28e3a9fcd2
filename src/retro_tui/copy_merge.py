"""Bringing back a travelling copy of a session (`session_copy.py`): the work done in it
on another laptop is read against the copy as it was sent (the base) and offered to the
facilitator.

Records are matched by id. What the copy added is kept; what it changed or removed is
listed for the facilitator to accept, each on its own; where the session here changed
the same thing since, the change is marked as a conflict, and accepting it keeps this
laptop's text aside in the session's conflicts. Nothing is overwritten unasked. The
session is written through the store's locked, merging write, like every command."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .model import Session

# Bookkeeping and the copy's own markings: never brought back.
SKIP = {("schema_version",), ("family", "family_names"), ("session", "updated"), ("session", "seconds_per_step"), ("session", "started"),
        ("session", "current_step"), ("session", "copy_of"), ("session", "id"), ("session", "status"),
        ("session", "finalized"), ("session", "reopenings"), ("session", "feedback_deadline"), ("privacy",),
        ("conflicts",)}
_ABSENT = None


@dataclass(frozen=True)
class Change:
    kind: Literal["add", "change", "remove", "conflict"]
    path: tuple  # keys of tables, ids of records
    here: Any  # the value in the session on this laptop (None when there is none)
    copy: Any  # the value in the copy (None for a removal)
    where: str  # the path for people: "timeline › Crisisplaatsing in één nacht › title"

    @property
    def key(self) -> str:
        return "/".join(str(p) for p in self.path)


@dataclass
class Plan:
    changes: list[Change]
    base_known: bool  # False: the copy as sent is not on this laptop; removals are not offered
    shared: set[str]  # the ids in the copy

    @property
    def additions(self) -> list[Change]:
        return [c for c in self.changes if c.kind == "add"]

    @property
    def to_accept(self) -> list[Change]:
        return [c for c in self.changes if c.kind != "add"]


class NotThisSession(Exception):
    """The copy came from another session (or is not a copy)."""


def _data(session: Session) -> dict:
    return session.model_dump(mode="python", by_alias=True)


def _travelling(session: Session, shared: set[str]) -> tuple[dict, dict[str, str]]:
    """The session's data with its ids as a copy has them, and the mapping. Ids in
    `shared` (records the copy added, already brought back) are the same on both sides."""
    from .session_copy import renamed, travel_ids

    data = _data(session)
    mapping = travel_ids(data) if data["session"].get("id") else {}
    mapping = {own: travel for own, travel in mapping.items() if own not in shared}
    return renamed(data, mapping), mapping


def _ids(data) -> set[str]:
    if isinstance(data, dict):
        found = {data["id"]} if isinstance(data.get("id"), str) else set()
        return found.union(*(_ids(v) for v in data.values()))
    if isinstance(data, list):
        return set().union(*(_ids(v) for v in data))
    return set()


def plan(here: Session, copy: Session, base: Session | None) -> Plan:
    from .session_copy import as_copy

    origin = copy.session.copy_of
    if origin is None or origin.session != here.session.id:
        raise NotThisSession()
    # This laptop's session as it would look in a copy made now: compared with the base,
    # it tells what changed here since the copy left.
    # Compared in the copy's ids; put back into this session's ids when applied.
    copied = _data(copy)
    shared = _ids(copied)
    local, _ = _travelling(as_copy(here), shared)
    base_data = _data(base) if base is not None else local
    changes: list[Change] = []
    _walk(base_data, copied, local, _travelling(here, shared)[0], (), (), changes, base is not None)
    return Plan(changes, base is not None, shared)


def _records(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) and "id" in v for v in value)


def _label(record: dict) -> str:
    for name in ("title", "text", "name", "pseudonym", "organisation", "person", "speaker"):
        text = record.get(name)
        if isinstance(text, str) and text.strip():
            text = " ".join(text.split())
            return text if len(text) <= 40 else text[:39] + "…"
    return str(record.get("id"))


def _walk(b, c, p, o, path: tuple, shown: tuple, out: list[Change], base_known: bool) -> None:
    if path in SKIP or c == b:
        return
    if isinstance(c, dict) and isinstance(b, dict):
        for key in dict.fromkeys([*b, *c]):
            _walk(b.get(key), c.get(key), (p or {}).get(key), (o or {}).get(key), (*path, key), (*shown, key),
                  out, base_known)
        return
    if _records(c) or _records(b):
        bi, ci = {r["id"]: r for r in b or []}, {r["id"]: r for r in c or []}
        pi, oi = {r["id"]: r for r in p or []}, {r["id"]: r for r in o or []}
        for ident, record in ci.items():
            # Named as the facilitator knows it here, not as the copy may have changed it.
            place, label = (*path, ident), (*shown, _label(oi.get(ident) or record))
            if ident not in bi and ident not in oi:
                out.append(Change("add", place, None, record, " › ".join(map(str, label))))
            elif ident not in oi:
                # Changed in the copy, removed here since: bringing it back is a choice.
                out.append(Change("conflict", place, None, record, " › ".join(map(str, label))))
            else:
                _walk(bi.get(ident, pi.get(ident)), record, pi.get(ident), oi[ident], place, label, out, base_known)
        if base_known:
            for ident in bi:
                if ident not in ci and ident in oi:
                    out.append(Change("remove" if pi.get(ident) == bi[ident] else "conflict", (*path, ident), oi[ident], None,
                                      " › ".join(map(str, (*shown, _label(oi[ident]))))))
        return
    if p == c:
        return  # the same change made on both laptops
    out.append(Change("change" if p == b else "conflict", path, o, _carried(b, o, c), " › ".join(map(str, shown))))


def _carried(b, o, c):
    """The copy's text as it would come in here. Lines the copy left as they were keep
    this laptop's words (with the names the copy does not have); only the lines changed
    in the copy come in. A text the copy rewrote where this one differs comes whole."""
    if not all(isinstance(v, str) for v in (b, o, c)):
        return c
    from .store.text_merge import merge_text

    merged, lost = merge_text(b, o, c)
    return c if lost is not None else merged


def _container(data: dict, path: tuple):
    """The table or record list that holds path[-1] (a full dump has every one)."""
    here: Any = data
    for step in path[:-1]:
        here = next(r for r in here if r.get("id") == step) if isinstance(here, list) else here[step]
    return here


def apply(here: Session, plan: Plan, changes: Iterable[Change], now) -> Session:
    """The session with these changes made; a conflict's text here is kept aside."""
    from .session_copy import renamed

    data, mapping = _travelling(here, plan.shared)
    kept = list(data.get("conflicts") or [])
    for change in changes:
        container = _container(data, change.path)
        last = change.path[-1]
        if isinstance(container, list):
            position = next((i for i, r in enumerate(container) if r.get("id") == last), None)
            if change.copy is None:
                if position is not None:
                    container.pop(position)
            elif position is None:
                container.append(change.copy)
            else:
                container[position] = change.copy
        else:
            container[last] = change.copy
        if change.kind == "conflict" and change.here not in (None, "", [], {}):
            kept.append({"at": now, "field": change.where, "text": _as_text(change.here)})
    data["conflicts"] = kept
    back = {travel: own for own, travel in mapping.items()}
    return Session.model_validate(renamed(data, back))


def _as_text(value: Any) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items() if k != "id" and v not in ("", None, [], {}))
    return str(value)


def load_base(copy: Session) -> Session | None:
    from .session_copy import base_path
    from .store import SessionError, load

    origin = copy.session.copy_of
    try:
        return load(base_path(origin)) if origin else None
    except (SessionError, OSError):
        return None


def merge_copy(path: Path, copy_path: Path, choose: Callable[[Plan], Iterable[Change]]) -> tuple[Plan, list[Change]]:
    """Bring the copy back into the session at `path`: `choose` is shown the plan and
    returns the changes the facilitator accepts (additions are always kept). Written
    under the store's lock, against the session as it is on disk at that moment."""
    from .store import load, now
    from .store.shared import update

    copy = load(copy_path)
    base = load_base(copy)
    first = plan(load(path), copy, base)
    accepted = {c.key for c in choose(first)}
    done: list[Change] = []

    def bring_back(session: Session) -> None:
        # Planned again under the lock: another writer may have saved in between.
        fresh = plan(session, copy, base)
        chosen = [c for c in fresh.changes if c.kind == "add" or c.key in accepted]
        merged = apply(session, fresh, chosen, now())
        for name in type(session).model_fields:
            setattr(session, name, getattr(merged, name))
        done.extend(chosen)

    update(path, bring_back)
    return first, done
