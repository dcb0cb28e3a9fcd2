"""Killed at any moment: a writer is stopped with SIGKILL again and again, while it
saves and while it types. The file always loads, every save it confirmed is in it, and
the next start gives back what was being typed and cleans up what was left behind.

Each kill is timed from the writer's own words, so a busy machine slows the writer and
the kills alike: the test proves the same on a loaded laptop as on an idle one. Half
the kills fall at a random point of a save cycle (typing, saving, clearing the
journal); the other half are aimed at the moment that matters most, the file being
replaced: the writer says when its save has the new text ready (SharedFile.write's
`render_text`), and the kill falls within as long as the rest of its last cycle took."""

from __future__ import annotations

import os
import random
import signal
import time

import pytest

from retro_tui import operations as ops
from retro_tui.model import StepId
from retro_tui.store import load, snapshot
from retro_tui.store.codec import render
from retro_tui.store.recovery import Draft, DraftJournal, journal_dir, recover
from retro_tui.store.shared import SharedFile, lock_path

ROUNDS = 80
# Where kills must have fallen at least (a run here: 62 of 80 while typing, 21 while the
# file was being replaced; before the kills were aimed, 100 rounds had 88 and 15).
TYPING, MID_SAVE = 25, 10
RENDERED = "rendered\n"  # the writer's word once a save's text is ready


def _writer(session, path, round_: int, confirm_fd: int) -> None:
    """The child: type, save, confirm, again, as the app does, until it is killed.
    (`session` is the file as last loaded by the parent, handed over by the fork.)"""
    shared = SharedFile.opened(path, session)
    journal = DraftJournal(path)

    def rendered(data: dict) -> str:
        text = render(data)
        os.write(confirm_fd, RENDERED.encode())  # the file is replaced next
        return text

    for i in range(10_000):
        words = f"ronde {round_} citaat {i}"
        journal.write([Draft("timeline", "Citaat", words)])  # being typed
        ops.add_quote(session, StepId.timeline, "Esther", words)
        session.timeline.notes += f"\nronde {round_} regel {i}"
        shared.write(snapshot(session), rendered)
        journal.write([])
        os.write(confirm_fd, (words + "\n").encode())


@pytest.mark.slow
def test_a_writer_killed_dozens_of_times_loses_nothing_it_confirmed(example_copy):
    rng = random.Random(6)
    confirmed: list[str] = []
    kills_while_typing = 0
    killed_mid_save = 0
    session = load(example_copy)
    round_ = -1

    def proven() -> bool:  # enough kills fell where they must (how many do depends on load)
        return kills_while_typing > TYPING and killed_mid_save > MID_SAVE

    # At least ROUNDS, on until proven (at most four times as many), and always ending
    # on a round that checks the next start's recovery.
    while round_ % 20 != 19 or round_ + 1 < ROUNDS or (not proven() and round_ + 1 < 4 * ROUNDS):
        round_ += 1
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the writer
            os.close(read_fd)
            try:
                _writer(session, example_copy, round_, write_fd)
            finally:
                os._exit(0)
        os.close(write_fd)
        with os.fdopen(read_fd) as said:
            # One save confirmed, timed; then the kill somewhere in the next cycle, or
            # aimed at the replacing of the file in the next save.
            start = time.monotonic()
            assert said.readline() == RENDERED
            ready = time.monotonic()
            words = [said.readline().rstrip("\n")]
            rest, cycle = time.monotonic() - ready, time.monotonic() - start
            if round_ % 2:
                assert said.readline() == RENDERED
                time.sleep(rng.uniform(0, rest))
            else:
                time.sleep(rng.uniform(0, 1.5 * cycle))
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            words += said.read().splitlines()
            confirmed += [line for line in words if line != RENDERED.rstrip("\n")]
        session = load(example_copy)  # always loads
        if list(example_copy.parent.glob(".*.tmp")):
            killed_mid_save += 1  # the next writer (or the next start) cleans it
        kept = {q.text for q in session.quotes}
        assert [c for c in confirmed if c not in kept] == []
        lines = set(session.timeline.notes.split("\n"))
        assert [c for c in confirmed if f"ronde {c.split()[1]} regel {c.split()[-1]}" not in lines] == []
        journals = list(journal_dir().glob("*.json"))
        if any(journal_dir().glob(f"*-{pid}.json")):  # this writer's words were being typed
            kills_while_typing += 1
        if round_ % 20 == 19:
            # The next start: the dead writer's drafts come back, nothing is left over.
            # (Each killed writer had its own journal: those of the last rounds are here.)
            stale = len(list(example_copy.parent.glob(".*.tmp")))  # killed mid-save
            found = recover(example_copy, lock_path)
            assert found.temp_files == stale
            typing = sorted(d.text for d in found.drafts)
            assert len(typing) == len(journals)
            assert all(text.startswith("ronde ") for text in typing)
            # Kept until the next writer has the drafts safe (as the app does).
            assert sorted(found.journals) == sorted(journals)
            found.discard()
            assert list(journal_dir().glob("*.json")) == []
            assert list(example_copy.parent.glob(".*.tmp")) == []
    assert kills_while_typing > TYPING
    assert killed_mid_save > MID_SAVE


def test_the_app_gives_back_what_a_killed_notetaker_was_typing(example_copy, tmp_path):
    import asyncio

    from apphelpers import opened
    from retro_tui.ui.app import RetroApp
    from retro_tui.ui.keys import localized

    journal = DraftJournal(example_copy)
    journal.path = journal.path.with_name(journal.path.name.replace(f"-{os.getpid()}", "-999999999"))
    journal.write([Draft("family", "Citaat · Wie zei het", "Lotte: ik wil gewoon thuis wonen")])
    (example_copy.parent / f".{example_copy.name}.abc123.tmp").write_text("half")

    async def run():
        app = localized(RetroApp)(tmp_path, example_copy, notetaker=True)
        async with app.run_test(size=(100, 30)) as pilot:
            await opened(pilot)
            await pilot.pause()
            messages = [n.message for n in app._notifications]
            await pilot.press("ctrl+q")
        return messages

    messages = asyncio.run(run())
    assert any("Hersteld na een onverwacht einde" in m and "Gezin" in m for m in messages), messages
    notes = load(example_copy).family.notes
    assert notes.endswith("Lotte: ik wil gewoon thuis wonen")
    assert "[Hersteld na een onverwacht einde" in notes.split("\n")[-2]
    assert not journal.path.exists()
    assert list(example_copy.parent.glob(".*.tmp")) == []


def test_a_journal_from_before_a_restart_of_the_machine_is_given_back(example_copy):
    """After a power cut the dead writer's process number may belong to another process."""
    import json

    journal = DraftJournal(example_copy)
    journal.path = journal.path.with_name(journal.path.name.replace(f"-{os.getpid()}", f"-{os.getppid()}"))
    journal.write([Draft("relate", "Citaat", "Wij zijn er nog")])
    data = json.loads(journal.path.read_text())
    assert recover(example_copy, lock_path).drafts == []  # its writer runs: left alone
    data["boot"] = "a-boot-before-the-power-cut"
    journal.path.write_text(json.dumps(data))
    assert [d.text for d in recover(example_copy, lock_path).drafts] == ["Wij zijn er nog"]


def test_lock_files_of_sessions_not_written_for_a_day_go_once_an_hour(example_copy, tmp_path):
    """The locks folder gets a lock for every session opened; a day after its last
    write a lock goes, looked for at the first open of each hour, not at every open."""
    from retro_tui.store.recovery import CLEAN_LOCKS_EVERY, CLEANED_MARKER, STALE_LOCK_SECONDS

    folder = lock_path(example_copy).parent
    day_old = time.time() - STALE_LOCK_SECONDS - 60
    stale, fresh = folder / "stale.lock", folder / "fresh.lock"
    for lock in (stale, fresh):
        lock.touch()
    os.utime(stale, (day_old, day_old))
    assert recover(example_copy, lock_path).lock_files == 1
    assert not stale.exists() and fresh.exists()
    # Within the hour the folder is not looked through again: a lock gone stale since stays.
    os.utime(fresh, (day_old, day_old))
    assert recover(example_copy, lock_path).lock_files == 0 and fresh.exists()
    hour_ago = time.time() - CLEAN_LOCKS_EVERY - 1
    os.utime(folder / CLEANED_MARKER, (hour_ago, hour_ago))
    assert recover(example_copy, lock_path).lock_files == 1 and not fresh.exists()
    assert (folder / CLEANED_MARKER).stat().st_mode & 0o077 == 0
