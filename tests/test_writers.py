"""Two writers, one session, nothing lost: real processes adding quotes through the
command line while the facilitator's app keeps changing and autosaving the same file."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap

import pytest

from apphelpers import opened
from retro_tui import operations as ops
from retro_tui.model import StepId
from retro_tui.store import dumps, load
from retro_tui.store.merge import merge
from retro_tui.ui import autosave
from retro_tui.ui.app import RetroApp
from retro_tui.ui.keys import localized

WRITER = textwrap.dedent("""
    import random, sys, time
    from retro_tui.cli import main
    path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    random.seed(name)
    for i in range(count):
        assert main(["quote", path, "--speaker", name, f"{name} zegt {i}"]) == 0
        time.sleep(random.random() * 0.03)
""")


def test_records_added_on_both_sides_all_stay_and_one_version_wins_visibly():
    base = {"notes": "a", "quotes": [{"id": "q1", "text": "x"}]}
    mine = {"notes": "mine", "quotes": [{"id": "q1", "text": "x"}, {"id": "q2", "text": "m"}]}
    theirs = {"notes": "theirs", "quotes": [{"id": "q1", "text": "x"}, {"id": "q3", "text": "t"}]}
    merged, conflicts = merge(base, mine, theirs)
    assert [q["id"] for q in merged["quotes"]] == ["q1", "q3", "q2"]
    assert merged["notes"] == "mine" and [(c.path, c.other) for c in conflicts] == [(("notes",), "theirs")]
    removed, _ = merge(base, {"notes": "a", "quotes": []}, theirs)
    assert [q["id"] for q in removed["quotes"]] == ["q3"]  # my removal holds, their addition stays


@pytest.mark.slow
async def test_an_app_and_three_command_line_writers_lose_nothing(example_copy, tmp_path, monkeypatch):
    monkeypatch.setattr(autosave, "DELAY_SECONDS", 0.05)  # save as often as possible: the worst case
    per_writer = 25
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(example_copy), f"notulist{n}", str(per_writer)],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for n in range(3)
    ]
    app = localized(RetroApp)(tmp_path, example_copy)
    mine = []
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(pilot)
        screen = app.screen
        while any(w.poll() is None for w in writers) or len(mine) < 20:
            quote = ops.add_quote(screen.session, StepId.timeline, "Esther", f"facilitator {len(mine)}")
            mine.append(quote.id)
            screen.session.timeline.notes = f"aantekening {len(mine)}"
            screen.autosave.changed()
            await asyncio.sleep(0.02)
        await pilot.press("ctrl+q")
    for w in writers:
        assert w.wait() == 0, w.stderr.read().decode()
    saved = load(example_copy)
    texts = [q.text for q in saved.quotes]
    for n in range(3):
        said = [t for t in texts if t.startswith(f"notulist{n} zegt")]
        assert sorted(said) == sorted(f"notulist{n} zegt {i}" for i in range(per_writer)), n
    ids = [q.id for q in saved.quotes]
    assert len(ids) == len(set(ids))
    assert set(mine) <= set(ids)
    assert saved.timeline.notes == f"aantekening {len(mine)}"
    dumps(saved)  # and it is a valid session to the end


def test_the_same_words_changed_by_two_writers_keep_both_in_the_file(example_copy):
    from retro_tui.store import snapshot
    from retro_tui.store.shared import SharedFile, update

    session = load(example_copy)
    shared = SharedFile.opened(example_copy, session)
    update(example_copy, lambda s: setattr(s.relate, "notes", "Notulist: de groep staat tegenover elkaar."))
    session.relate.notes = "Gespreksleider: de groep staat naast elkaar."
    session.session.updated = session.session.updated.replace(year=2030)  # bookkeeping: no conflict copy
    shared.write(snapshot(session))
    saved = load(example_copy)
    assert saved.relate.notes == "Gespreksleider: de groep staat naast elkaar."
    assert [(c.field, c.text) for c in saved.conflicts] == [("relate.notes", "Notulist: de groep staat tegenover elkaar.")]


def test_a_writer_killed_while_holding_the_lock_blocks_no_one(example_copy):
    import os
    import signal

    from retro_tui.store.shared import lock_path, update

    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from filelock import FileLock
        with FileLock({str(lock_path(example_copy))!r}):
            print("held", flush=True)
            time.sleep(60)
    """)], stdout=subprocess.PIPE)
    assert holder.stdout.readline().strip() == b"held"
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    # Free at once: taken without waiting at all, not after some timeout ran out.
    from filelock import FileLock

    with FileLock(str(lock_path(example_copy))).acquire(timeout=0):
        pass
    update(example_copy, lambda s: ops.add_quote(s, StepId.closing, "Esther", "Daar gaan we"))
    assert load(example_copy).quotes[-1].text == "Daar gaan we"


def test_two_people_writing_along_in_the_same_notes_keep_all_their_lines():
    from retro_tui.store.text_merge import merge_text

    # Both added lines at the end: all are kept, the one saved first first.
    assert merge_text("Start", "Start\nGespreksleider: stilte", "Start\nNotulist: Jeroen knikt") == \
        ("Start\nNotulist: Jeroen knikt\nGespreksleider: stilte", None)
    # A line just begun (Enter pressed, nothing typed yet) is not a change of a line.
    assert merge_text("Start", "Start\n", "Start\nNotulist") == ("Start\nNotulist\n", None)
    # Different lines changed: both changes hold.
    assert merge_text("a\nb\nc", "A\nb\nc", "a\nb\nC") == ("A\nb\nC", None)
    # The very same line changed by both: mine holds, theirs is handed back to keep aside.
    assert merge_text("a\nb", "a\nB1", "a\nB2") == ("a\nB1", "B2")


def test_notes_merge_by_line_and_a_clash_is_kept_aside():
    base = {"timeline": {"notes": "Start"}}
    merged, conflicts = merge(base, {"timeline": {"notes": "Start\nmijn"}}, {"timeline": {"notes": "Start\nhun"}})
    assert merged["timeline"]["notes"] == "Start\nhun\nmijn" and conflicts == []
    merged, conflicts = merge(base, {"timeline": {"notes": "Mijn start"}}, {"timeline": {"notes": "Hun start"}})
    assert merged["timeline"]["notes"] == "Mijn start"
    assert [(c.path, c.other) for c in conflicts] == [(("timeline", "notes"), "Hun start")]


async def test_a_quote_saved_while_the_app_opens_the_file_stays_after_the_apps_own_save(example_copy, tmp_path, monkeypatch):
    """A notetaker's `retro-tui quote` lands between the app's read of the file and the
    start of its autosave (the first step's pane is being built): the app must merge it
    in at its next save, not take the file as the version it read."""
    from retro_tui.store.shared import update
    from retro_tui.ui.session_screen import SessionScreen

    arrived = SessionScreen.session_arrived

    async def another_writer_first(self):
        update(example_copy, lambda s: ops.add_quote(s, StepId.checkin, "notulist", "Gezegd terwijl het opende"))
        await arrived(self)

    monkeypatch.setattr(SessionScreen, "session_arrived", another_writer_first)
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        screen = app.screen
        ops.add_quote(screen.session, StepId.checkin, "Esther", "Van de gespreksleider")
        screen.autosave.changed()
        await pilot.press("ctrl+q")
    texts = [q.text for q in load(example_copy).quotes]
    assert "Van de gespreksleider" in texts
    assert "Gezegd terwijl het opende" in texts, "the other writer's quote was overwritten"
