"""The autosave's snapshot re-dumps only what changed (store/snapshots.py); after any
edits, in any order, it must be exactly the full dump: same data, same key order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLE
from retro_tui.model import Session
from retro_tui.store import load, snapshot
from retro_tui.store.in_place import refresh_in_place
from retro_tui.store.snapshots import Snapshots, _layout
from strategies import line_name, sessions

ARC = sorted((Path(__file__).resolve().parents[1] / "src" / "retro_tui" / "example_arc").glob("*.toml"))


def same(taken: dict, full: dict) -> None:
    assert taken == full
    assert repr(taken) == repr(full)  # key order too: the file is written in it


def record_lists(session: Session) -> list[list]:
    found = []
    for spot in _layout(Session).spots:
        owner = session
        for name in spot.path[:-1]:
            owner = getattr(owner, name)
        found.append(getattr(owner, spot.path[-1]))
    return [records for records in found if records]


def text_field(record) -> str | None:
    for name in ("text", "title", "name", "pseudonym", "what", "organisation"):
        if name in type(record).model_fields and isinstance(getattr(record, name), str):
            return name
    return None


# One edit: (what, which list, which record, a word). Each is something the app does:
# assigning a field (a form, quick add), adding or removing a record, replacing one
# with a new object (a form's result, another writer's version), a list changed in
# place, the notes typed, the clock.
edits = st.lists(
    st.tuples(
        st.sampled_from(["set", "add", "remove", "replace", "people", "notes", "clock", "crucial", "take"]),
        st.integers(0, 1000), st.integers(0, 10_000), line_name,
    ),
    max_size=25,
)


def apply(session: Session, edit: tuple, other: Session) -> None:
    what, which, index, word = edit
    lists = record_lists(session)
    records = lists[which % len(lists)] if lists else []
    record = records[index % len(records)] if records else None
    if what == "set" and record is not None and (name := text_field(record)):
        setattr(record, name, word)
    elif what == "add" and record is not None:
        records.append(record.model_copy(update={"id": f"{record.id}-{index}"}))
    elif what == "remove" and record is not None:
        records.remove(record)
    elif what == "replace" and record is not None and (name := text_field(record)):
        records[records.index(record)] = record.model_copy(update={name: word})
    elif what == "people" and session.timeline.events:
        event = session.timeline.events[index % len(session.timeline.events)]
        event.people.append(word)  # in place: no assignment to see
    elif what == "notes":
        session.checkin.notes += word
    elif what == "clock":
        session.session.updated = dt.datetime(2026, 11, 30, 12, 0) + dt.timedelta(seconds=index)
    elif what == "crucial" and session.timeline.events:
        event = session.timeline.events[index % len(session.timeline.events)]
        event.crucial = not event.crucial
    elif what == "take":
        refresh_in_place(session, other)  # another writer's version taken in


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(session=sessions(), other=sessions(), steps=st.lists(edits, min_size=1, max_size=4))
def test_equals_a_full_dump_after_random_edits(session, other, steps):
    snapshots = Snapshots()
    same(snapshots.take(session), snapshot(session))
    for batch in steps:  # a batch: the edits between two autosaves
        for edit in batch:
            apply(session, edit, other)
        same(snapshots.take(session), snapshot(session))


@settings(max_examples=15, deadline=None)
@given(steps=st.lists(edits, min_size=1, max_size=3), which=st.sampled_from([EXAMPLE, *ARC]))
def test_equals_a_full_dump_on_the_example_sessions(steps, which):
    session, other = load(which), load(EXAMPLE)
    snapshots = Snapshots()
    same(snapshots.take(session), snapshot(session))
    for batch in steps:
        for edit in batch:
            apply(session, edit, other)
        same(snapshots.take(session), snapshot(session))


def test_two_writers_in_one_process_each_see_every_change():
    """Two snapshotters (a facilitator's and a notetaker's autosave in one test
    process): one taking its snapshot must not hide a change from the other."""
    first, second = load(EXAMPLE), load(EXAMPLE)
    a, b = Snapshots(), Snapshots()
    a.take(first), b.take(first)
    first.quotes[0].text = "eerst"
    a.take(first)
    same(b.take(first), snapshot(first))
    assert b.take(first)["quotes"][0]["text"] == "eerst"
    same(a.take(second), snapshot(second))


def test_unchanged_records_are_not_dumped_again():
    """What makes it cheap: a record nobody touched keeps its dumped dict."""
    session = load(EXAMPLE)
    snapshots = Snapshots()
    before = snapshots.take(session)
    session.quotes[0].text = "anders"
    after = snapshots.take(session)
    assert after["quotes"][0] is not before["quotes"][0]
    assert all(x is y for x, y in zip(after["quotes"][1:], before["quotes"][1:]))
    assert after["timeline"]["events"][0] is before["timeline"]["events"][0]


async def test_autosave_writes_what_was_typed_and_syncs_only_off_the_ui_thread(example_copy, tmp_path, monkeypatch):
    """Notes typed in a burst, a quote changed in place and the session's clock: the
    autosave's incremental snapshot puts all of it in the file, and every fsync of the
    save (file and folder) and of the draft journal happens on a worker thread."""
    import asyncio
    import os
    import threading

    import retro_tui.ui.autosave
    from apphelpers import opened
    from retro_tui.ui.app import RetroApp
    from retro_tui.ui.keys import localized

    monkeypatch.setattr(retro_tui.ui.autosave, "DELAY_SECONDS", 0.05)
    synced_on: list[threading.Thread] = []
    fsync = os.fsync

    def watched(fd):
        synced_on.append(threading.current_thread())
        return fsync(fd)

    monkeypatch.setattr(os, "fsync", watched)
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        screen = app.screen
        screen.notes_box().focus()
        await pilot.press(*"burst of keys")  # no pause between the keys
        screen.session.quotes[0].text = "in place veranderd"
        screen.autosave.changed()
        screen.drafts.keep()
        for _ in range(200):  # until the autosave's worker has written it
            await asyncio.sleep(0.02)
            if not screen.autosave.dirty and not screen.autosave.pending:
                break
        await app.workers.wait_for_complete()
        assert not screen.autosave.dirty
        on_disk, shown = snapshot(load(example_copy)), snapshot(screen.session)
        # The step clock keeps ticking in memory between saves: all but it is the same.
        for data in (on_disk, shown):
            data["session"].pop("seconds_per_step", None), data["session"].pop("updated", None)
        same(on_disk, shown)
        on_disk = load(example_copy)
        assert "burst of keys" in on_disk.model_dump_json()
        assert on_disk.quotes[0].text == "in place veranderd"
        assert synced_on, "nothing was synced: the save did not happen"
        assert threading.main_thread() not in synced_on
        await pilot.press("ctrl+q")


def test_a_record_changed_while_out_of_the_session_comes_back_as_changed():
    """Removed, assigned to while out (undo keeps the object), put back: its dumped
    form from before it left must not be used (hypothesis found this one)."""
    session = load(EXAMPLE)
    snapshots = Snapshots()
    quote = session.quotes[0]
    snapshots.take(session)
    session.quotes.remove(quote)
    quote.text = "veranderd buiten de sessie"
    snapshots.take(session)
    session.quotes.insert(0, quote)
    same(snapshots.take(session), snapshot(session))
