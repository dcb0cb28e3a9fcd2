"""Each platform difference, simulated: Windows and macOS behaviour checked on Linux by
changing `sys.platform` and taking away what those systems lack."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from retro_tui import platform_calls
from retro_tui.store.atomic import write_atomic
from retro_tui.store.recovery import DraftJournal, Draft, recover
from retro_tui.store.shared import lock_path


def test_stop_signals_include_hangup_where_there_is_one():
    assert platform_calls.stop_signals() == (signal.SIGHUP, signal.SIGTERM)


def test_without_sighup_as_on_windows_only_sigterm_is_handled(monkeypatch):
    monkeypatch.delattr(signal, "SIGHUP")
    assert platform_calls.stop_signals() == (signal.SIGTERM,)


def test_app_module_imports_without_sighup(monkeypatch):
    # Windows has no SIGHUP: the app must still start (it read signal.SIGHUP on mount).
    monkeypatch.delattr(signal, "SIGHUP")
    code = (
        "import signal; del signal.SIGHUP\n"
        "from retro_tui.platform_calls import stop_signals\n"
        "import retro_tui.ui.app\n"
        "print([s.name for s in stop_signals()])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['SIGTERM']"


def test_on_windows_the_folder_is_not_opened_and_a_save_succeeds(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "win32")
    opened: list[object] = []
    real_open = os.open

    def windows_open(path, flags, *args):
        if Path(path).is_dir():
            opened.append(path)
            raise PermissionError(13, "Permission denied", str(path))  # what Windows says
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", windows_open)
    target = tmp_path / "s.toml"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert (tmp_path / "s.toml.bak").read_bytes() == b"one"
    assert opened == []


def test_on_linux_the_folder_is_flushed(monkeypatch, tmp_path):
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))
    platform_calls.fsync_folder(tmp_path)
    assert len(synced) == 1


def test_on_macos_a_save_asks_for_a_full_fsync(monkeypatch, tmp_path):
    import fcntl

    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(fcntl, "F_FULLFSYNC", 51, raising=False)  # macOS's number
    asked: list[int] = []
    monkeypatch.setattr(fcntl, "fcntl", lambda fd, cmd, *a: asked.append(cmd) or 0)
    plain: list[int] = []
    monkeypatch.setattr(os, "fsync", lambda fd: plain.append(fd))
    with open(tmp_path / "f", "wb") as handle:
        platform_calls.fsync_file(handle.fileno())
    assert asked == [51] and plain == []


def test_on_macos_a_file_system_that_refuses_full_fsync_gets_a_plain_one(monkeypatch, tmp_path):
    import fcntl

    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(fcntl, "F_FULLFSYNC", 51, raising=False)

    def refuse(fd, cmd, *a):
        raise OSError(45, "Operation not supported")

    monkeypatch.setattr(fcntl, "fcntl", refuse)
    plain: list[int] = []
    monkeypatch.setattr(os, "fsync", lambda fd: plain.append(fd))
    with open(tmp_path / "f", "wb") as handle:
        platform_calls.fsync_file(handle.fileno())
        assert plain == [handle.fileno()]


def test_on_linux_no_full_fsync_is_asked(monkeypatch, tmp_path):
    import fcntl

    monkeypatch.setattr(fcntl, "F_FULLFSYNC", 51, raising=False)
    asked: list[int] = []
    monkeypatch.setattr(fcntl, "fcntl", lambda fd, cmd, *a: asked.append(cmd) or 0)
    with open(tmp_path / "f", "wb") as handle:
        platform_calls.fsync_file(handle.fileno())
    assert asked == []


def test_owner_only_is_set_on_posix_and_left_to_the_profile_on_windows(monkeypatch, tmp_path):
    path = tmp_path / "f"
    path.write_text("x")
    path.chmod(0o644)
    platform_calls.restrict_to_owner(path, 0o600)
    assert path.stat().st_mode & 0o777 == 0o600
    path.chmod(0o644)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(os, "chmod", lambda *a: pytest.fail("chmod says nothing about readers on Windows"))
    platform_calls.restrict_to_owner(path, 0o600)


def test_a_live_process_is_alive_and_a_dead_one_is_not():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        assert platform_calls.process_alive(child.pid)
    finally:
        child.kill()
        child.wait()
    assert not platform_calls.process_alive(child.pid)


def test_a_zombie_is_not_alive():
    # Killed but not yet reaped by its parent: it writes no more.
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    child.kill()
    try:
        os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOWAIT)  # dead, not reaped
        assert not platform_calls.process_alive(child.pid)
    finally:
        child.wait()


def test_aliveness_is_asked_of_psutil_not_of_kill(monkeypatch):
    """os.kill(pid, 0) terminates the process on Windows: the answer must come from
    psutil, which asks each system its own way (here: told the process is gone)."""
    import psutil

    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        with monkeypatch.context() as patched:
            patched.setattr(psutil, "pid_exists", lambda pid: False)
            assert not platform_calls.process_alive(child.pid)
        assert platform_calls.process_alive(child.pid)
    finally:
        child.kill()
        child.wait()


def test_without_proc_the_boot_is_told_by_boot_time(monkeypatch):
    real_read = Path.read_text

    def no_proc(self, *a, **k):
        if str(self).startswith("/proc"):
            raise FileNotFoundError(str(self))
        return real_read(self, *a, **k)

    monkeypatch.setattr(Path, "read_text", no_proc)
    now = platform_calls.boot_id()
    assert now.startswith("boot-")
    assert platform_calls.same_boot(now)
    # The clock corrected by a few seconds is the same boot; a day earlier is not.
    seconds = int(now[5:])
    assert platform_calls.same_boot(f"boot-{seconds - 3}")
    assert not platform_calls.same_boot(f"boot-{seconds - 86400}")
    assert platform_calls.same_boot("")  # unknown: never take a live writer for dead


def test_drafts_of_a_dead_writer_come_back_without_proc(monkeypatch, tmp_path):
    """As on Windows and macOS: no /proc for the boot's id. (Whether the writer lives
    is psutil's to ask; on Linux it asks with os.kill, so that cannot be taken away here.)"""
    session = tmp_path / "s.toml"
    session.write_text("")
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    journal = DraftJournal(session)
    journal.path = journal.path.with_name(f"{journal.path.stem.rsplit('-', 1)[0]}-{child.pid}.json")
    journal.write([Draft("checkin", "notes", "words typed before the crash")])
    real_read = Path.read_text

    def no_proc(self, *a, **k):
        if str(self).startswith("/proc"):
            raise FileNotFoundError(str(self))
        return real_read(self, *a, **k)

    monkeypatch.setattr(Path, "read_text", no_proc)
    found = recover(session, lock_path)
    assert [d.text for d in found.drafts] == ["words typed before the crash"]


def test_user_tag_without_getuid_as_on_windows(monkeypatch):
    assert platform_calls.user_tag() == str(os.getuid())
    monkeypatch.delattr(os, "getuid")
    monkeypatch.setenv("USERNAME", "facilitator")
    monkeypatch.setenv("LOGNAME", "facilitator")
    assert platform_calls.user_tag() == "facilitator"


def test_a_terminal_hung_up_is_seen_and_one_still_there_is_not():
    import os

    from retro_tui.platform_calls import terminal_gone

    master, slave = os.openpty()
    try:
        assert not terminal_gone(slave)
        os.close(master)
        assert terminal_gone(slave)
    finally:
        os.close(slave)


def test_without_poll_as_on_windows_a_terminal_is_never_taken_for_gone(monkeypatch):
    import os
    import select

    from retro_tui.platform_calls import terminal_gone

    monkeypatch.delattr(select, "poll")
    master, slave = os.openpty()
    os.close(master)
    try:
        assert not terminal_gone(slave)
    finally:
        os.close(slave)


def test_freed_memory_is_given_back_where_glibc_offers_it_and_skipped_elsewhere(monkeypatch):
    platform_calls._malloc_trim.cache_clear()
    try:
        if sys.platform == "linux" and os.path.exists("/lib/x86_64-linux-gnu/libc.so.6"):
            assert platform_calls._malloc_trim() is not None  # glibc: the call is there
        platform_calls.give_back_freed_memory()  # and harmless
        platform_calls._malloc_trim.cache_clear()
        monkeypatch.setattr(sys, "platform", "win32")
        assert platform_calls._malloc_trim() is None
        platform_calls.give_back_freed_memory()
    finally:
        platform_calls._malloc_trim.cache_clear()


BLOCKS = """
import ctypes, sys
from retro_tui import platform_calls

class Info(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost".split()]

libc = ctypes.CDLL(None)
libc.mallinfo2.restype = Info
if sys.argv[1] == "set":
    platform_calls.big_blocks_from_the_system()
text = "x" * (4 << 20)
del text  # glibc raises its threshold to this block's size, unless it was set
again = "y" * (2 << 20)
print(libc.mallinfo2().hblkhd >= len(again))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator")
def test_a_big_block_freed_leaves_the_next_one_straight_from_the_system():
    """A big session's text, freed, no longer makes the next big blocks arena memory
    that stays resident once they are freed too."""
    import ctypes

    if not hasattr(ctypes.CDLL(None), "mallinfo2"):
        pytest.skip("glibc before 2.33")

    def mapped(how: str) -> str:
        run = subprocess.run([sys.executable, "-c", BLOCKS, how], check=True, capture_output=True, text=True)
        return run.stdout.strip()

    assert mapped("unset") == "False"  # glibc's own way: what the call changes
    assert mapped("set") == "True"
