"""Saves are atomic and private: a killed writer leaves the old or the new file."""

from __future__ import annotations

import os
import random
import signal
import stat
import time

import pytest

from conftest import EXAMPLE
from retro_tui.model import Quote, StepId
from retro_tui.store import backup_path, dumps, files, load, save


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_saved_file_and_backup_are_owner_only(tmp_path):
    path = tmp_path / "s.toml"
    session = load(EXAMPLE)
    old_umask = os.umask(0o022)
    try:
        save(session, path)
        session.session.place = "elders"
        save(session, path)
    finally:
        os.umask(old_umask)
    assert mode(path) == 0o600
    assert mode(backup_path(path)) == 0o600


def test_previous_version_is_kept_as_backup(tmp_path):
    path = tmp_path / "s.toml"
    session = load(EXAMPLE)
    save(session, path)
    first = path.read_bytes()
    session.session.place = "Ergens anders"
    save(session, path)
    assert backup_path(path).read_bytes() == first
    assert load(path).session.place == "Ergens anders"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_hand_made_readable_file_becomes_private_on_save(tmp_path):
    path = tmp_path / "s.toml"
    path.write_bytes(EXAMPLE.read_bytes())
    os.chmod(path, 0o644)
    save(load(path), path)
    assert mode(path) == 0o600
    assert mode(backup_path(path)) == 0o600


def _save_in_turn(path, big, small, said: int) -> None:
    """The forked writer: save the two versions in turn until killed, saying when the
    file's write begins (b"w": its save's call of write_atomic, after the text is made)
    and when each save is done (b"b", b"s")."""
    write_atomic = files.write_atomic

    def said_writing(*args, **kwargs):
        os.write(said, b"w")
        return write_atomic(*args, **kwargs)

    files.write_atomic = said_writing  # in this forked writer only
    while True:
        save(big, path)
        os.write(said, b"b")
        save(small, path)
        os.write(said, b"s")


@pytest.mark.slow
def test_killing_the_writer_at_random_moments_never_breaks_the_file(tmp_path):
    """Fork a writer that saves two versions in turn, SIGKILL it at random, at least 40 times
    and until 8 kills fell mid-save.
    Each kill is timed from the writer's own words, so a busy machine cannot make it fall
    only before the first save: in half the rounds at a random point of a save cycle,
    in the other half aimed at the file being written, which the writer says it starts
    (the save's call of write_atomic, after the text is made); in 60 unaimed rounds
    8 to 12 kills fell mid-save, here 40 rounds have about as many."""
    path = tmp_path / "s.toml"
    small = load(EXAMPLE)
    big = small.model_copy(deep=True)
    for n in range(400):
        big.quotes.append(Quote(id=f"q-extra-{n}", time=small.session.created, step=StepId.timeline, speaker="moeder", text="woorden " * 20))
    versions = {dumps(small).encode(), dumps(big).encode()}
    save(small, path)
    rng = random.Random(20261123)
    seen, mid_save, rounds = set(), 0, 0
    writing = 0.0  # how long the writer's last measured write of the file took

    # At least 40 kills, and on until 8 of them fell in the middle of a save: how many
    # do depends on the machine's load, what the test must prove does not.
    while rounds < 40 or (mid_save < 8 and rounds < 400):
        rounds += 1
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the writer
            try:
                _save_in_turn(path, big, small, write_fd)
            finally:
                os._exit(0)
        os.close(write_fd)
        if rounds % 2 and writing:  # aimed at the write of the file in the first save
            assert os.read(read_fd, 1) == b"w"
            time.sleep(rng.uniform(0, 1.5 * writing))
        else:
            start = time.monotonic()
            saves = rng.randint(1, 2)
            for _ in range(saves):
                assert os.read(read_fd, 1) == b"w"
                began = time.monotonic()
                assert os.read(read_fd, 1) in (b"b", b"s")
                writing = time.monotonic() - began
            time.sleep(rng.uniform(0, 1.5 * (time.monotonic() - start) / saves))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read_fd)
        data = path.read_bytes()
        assert data in versions
        seen.add(data)
        load(path)  # and it is a valid session
        if backup_path(path).exists():
            assert backup_path(path).read_bytes() in versions
        left = list(tmp_path.glob(".*.tmp"))  # what a save killed half-way leaves behind
        mid_save += bool(left)
        for tmp in left:
            tmp.unlink()
    assert seen == versions  # kills after either save
    assert mid_save >= 8, rounds  # and many in the middle of one (a run here: 14 of 40)
