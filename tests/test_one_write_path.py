"""Every command that changes a session file goes through the one locked, merging
write: a writer keeps adding quotes (a process of its own, confirming each once it is
saved) while `export`, `finalize`, `reopen` and `import-timeline` run as real commands;
every confirmed quote is in the file afterwards, and so is the command's own change.
Temporary files a killed save left are cleaned by the next writer."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
import traceback
from pathlib import Path

import pytest

from retro_tui import operations as ops
from retro_tui.model import Status, StepId
from retro_tui.store import SessionError, load, snapshot
from retro_tui.store.shared import SharedFile, update
from terminal import RETRO_TUI

DATA = Path(__file__).parent / "data"

def _write_quotes(path: Path, name: str, confirm_fd: int, pause: float) -> None:
    """A writer as `retro-tui quote` is, in a loop so that it writes many times during
    one command: read, add, write under the lock; say a quote once it is on disk; then
    wait `pause` seconds."""
    for i in range(100000):
        words = f"{name} {i}"
        try:
            update(path, lambda session, words=words: ops.add_quote(session, StepId.timeline, "Esther", words))
        except SessionError:
            # Final for a moment: refused, nothing added. A person tries again later;
            # trying again at once would hold the lock nearly all the time, and
            # `reopen` (which polls for it) could wait for seconds.
            time.sleep(0.01)
            continue
        os.write(confirm_fd, f"{words}\n".encode())
        time.sleep(pause)


class Writer:
    """The writer as a process of its own, forked from the test's: it has retro_tui
    loaded already, so it writes from its first moment, and starting it costs nothing."""

    def __init__(self, path: Path, name: str, pause: float = 0):
        read_fd, write_fd = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            os.close(read_fd)
            code = 1
            try:
                _write_quotes(path, name, write_fd, pause)
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(code)
        os.close(write_fd)
        self._said = os.fdopen(read_fd)
        self.confirmed: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self._said:
            self.confirmed.append(line.strip())

    def running(self) -> bool:
        return os.waitpid(self.pid, os.WNOHANG) == (0, 0)

    def wait_for(self, count: int) -> None:
        deadline = time.monotonic() + 60
        while len(self.confirmed) < count:
            assert self.running() and time.monotonic() < deadline
            time.sleep(0.02)

    def stop(self) -> list[str]:
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        self._reader.join(timeout=10)
        self._said.close()
        return list(self.confirmed)


def _during_writes(path: Path, *command: str, pause: float = 0.005) -> tuple[subprocess.CompletedProcess, list[str], int]:
    """Run a command while the writer writes, `pause` seconds between its writes; the
    command's result, what the writer confirmed, and how many it confirmed while the
    command ran. 5 ms: the lock is the writer's three quarters of the time, so the
    command's (which looks for it every 50 ms) mostly finds it taken and waits, and the
    writer saves 7 to 16 times during a `finalize` or an `import-timeline`. Spinning,
    it took the lock back at once each time and held it up for seconds: 30 to 370
    saves, and up to 6 s of CPU for one command."""
    writer = Writer(path, f"notulist-{command[0]}", pause)
    try:
        if load(path).session.status != Status.final:  # else it is refused until reopened
            writer.wait_for(1)
        before = len(writer.confirmed)
        done = subprocess.run([str(RETRO_TUI), *command], capture_output=True, text=True, timeout=120)
        during = len(writer.confirmed) - before
        if load(path).session.status != Status.final:
            writer.wait_for(len(writer.confirmed) + 1)  # and on after it
    finally:
        confirmed = writer.stop()
    return done, confirmed, during


def _all_kept(path: Path, confirmed: list[str]) -> None:
    kept = {q.text for q in load(path).quotes}
    assert [c for c in confirmed if c not in kept] == []


def test_export_keeps_what_another_writer_saved_while_it_rendered(example_copy, tmp_path):
    # Still in session: sharing the report starts the feedback week, a change to write.
    text = example_copy.read_text(encoding="utf-8")
    example_copy.write_text(text.replace('status = "report_draft"', 'status = "in_session"', 1), encoding="utf-8")
    assert load(example_copy).session.status == Status.in_session
    # The export reads the session, renders for a second or more, then writes the status
    # under the lock: saves made meanwhile are what it must keep. A save every 50 ms puts
    # dozens there (a run here: 25; spinning, 110 for twice the CPU).
    done, confirmed, during = _during_writes(
        example_copy, "export", str(example_copy), "--format", "all", "--out", str(tmp_path / "out"),
        "--accept-identifiers", pause=0.05)
    assert done.returncode == 0, done.stderr
    assert during >= 5  # the writer saved while the report was rendered
    _all_kept(example_copy, confirmed)
    assert load(example_copy).session.status == Status.report_draft  # the export's own change


def test_finalize_and_reopen_keep_what_another_writer_saved(example_copy):
    done, confirmed, _ = _during_writes(example_copy, "finalize", str(example_copy))
    assert done.returncode == 0, done.stderr
    _all_kept(example_copy, confirmed)
    assert load(example_copy).session.status == Status.final
    done, confirmed2, _ = _during_writes(example_copy, "reopen", str(example_copy), "--reason", "feedback van Esther")
    assert done.returncode == 0, done.stderr
    _all_kept(example_copy, confirmed + confirmed2)
    session = load(example_copy)
    assert session.session.status == Status.report_draft
    assert session.session.reopenings[-1].reason == "feedback van Esther"


def test_import_timeline_keeps_what_another_writer_saved(example_copy):
    events = len(load(example_copy).timeline.events)
    done, confirmed, _ = _during_writes(example_copy, "import-timeline", str(example_copy), str(DATA / "timeline" / "excel-nl.csv"))
    assert done.returncode == 0, done.stderr
    _all_kept(example_copy, confirmed)
    assert len(load(example_copy).timeline.events) > events


@pytest.mark.parametrize("writer", ["quote command", "app's save"])
def test_the_next_writer_cleans_what_a_killed_save_left(example_copy, writer, run_cli):
    left = [example_copy.parent / f".{example_copy.name}.k1ll3d.tmp",
            example_copy.parent / f".{example_copy.name}.bak.k1ll3d.tmp"]
    for temp in left:
        temp.write_text("half a session")
    other = example_copy.parent / ".other.toml.x.tmp"  # another session's: not ours to touch
    other.write_text("someone else's")
    if writer == "quote command":
        code, _, err = run_cli("quote", str(example_copy), "--speaker", "Esther", "nog één")
        assert code == 0, err
    else:
        session = load(example_copy)
        shared = SharedFile.opened(example_copy, session)
        session.timeline.notes += "\nnog een regel"
        shared.write(snapshot(session))
    assert [t for t in left if t.exists()] == []
    assert other.exists()
