"""Every call whose meaning differs between Linux, macOS and Windows, in one place.

The rest of retro-tui asks these questions and never looks at `sys.platform` itself, so
a new platform difference is fixed here and tested here (tests/test_platform_calls.py
simulates each platform by changing `sys.platform` and removing attributes).
"""

from __future__ import annotations

import functools
import os
import signal
import sys
from pathlib import Path


def is_windows() -> bool:
    return sys.platform == "win32"


def is_macos() -> bool:
    return sys.platform == "darwin"


def stop_signals(interrupt: bool = False) -> tuple[signal.Signals, ...]:
    """The signals that mean "stop now, save first": a closed terminal (SIGHUP, which
    Windows has not), a plain kill (SIGTERM) and, asked for, ctrl+c from outside (SIGINT)."""
    names = ("SIGHUP", "SIGTERM", "SIGINT") if interrupt else ("SIGHUP", "SIGTERM")
    return tuple(getattr(signal, name) for name in names if hasattr(signal, name))


def terminal_gone(fd: int) -> bool:
    """Has the terminal on `fd` hung up? A terminal whose other side closed without a
    SIGHUP reaching us (we are not its controlling process: started by a program that
    owns the terminal) reads as end-of-file for ever; Textual's input thread then
    spins on it (Textualize/textual PR #6690, open). `poll` sees the hang-up; Windows has no `poll` and sends no SIGHUP,
    and its console closes the process itself."""
    import select

    poll = getattr(select, "poll", None)
    if poll is None:
        return False
    watcher = poll()
    watcher.register(fd, select.POLLHUP)
    try:
        return any(event & (select.POLLHUP | select.POLLNVAL) for _, event in watcher.poll(0))
    except OSError:
        return True


def fsync_file(fd: int) -> None:
    """Flush a file's bytes to the disk itself. On macOS `fsync` only reaches the
    drive's cache; F_FULLFSYNC asks the drive to write it (some file systems, e.g. a
    network share, refuse it: then plain fsync is all there is)."""
    if is_macos():
        import fcntl

        full = getattr(fcntl, "F_FULLFSYNC", None)
        if full is not None:
            try:
                fcntl.fcntl(fd, full)
                return
            except OSError:
                pass
    os.fsync(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` survive a power cut. POSIX needs the folder itself
    flushed; Windows cannot open a folder as a file (os.open raises there) and NTFS
    journals the rename, so there is nothing to do."""
    if is_windows():
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def restrict_to_owner(path: Path, mode: int) -> None:
    """Owner-only permissions. On POSIX the mode bits are what keeps others out. On
    Windows `chmod` can only set the read-only flag and says nothing about who may
    read: privacy there comes from the user's profile folder, whose access list admits
    the user (and administrators) only, which is why every place retro-tui writes to by
    default is inside that profile (places.py)."""
    if is_windows():
        return
    os.chmod(path, mode)


def process_alive(pid: int) -> bool:
    """Whether a process with this number is running and can still write. `os.kill(pid,
    0)` would terminate the process on Windows and /proc exists only on Linux; psutil
    asks each system its own way. A zombie (killed, not yet reaped) writes no more."""
    if pid == os.getpid():
        return True
    import psutil

    if not psutil.pid_exists(pid):
        return False
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
    except psutil.Error:
        return True  # someone else's process we may not look at: it is running


BOOT_TIME_SLACK = 120  # seconds; macOS and Windows derive the boot time from the clock


def boot_id() -> str:
    """What tells this boot of the machine from the one before (a process number from
    before a restart is someone else's now). Linux has an id for it; elsewhere the
    boot time, which moves by a second or so when the clock is corrected."""
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        pass
    try:
        import psutil

        return f"boot-{int(psutil.boot_time())}"
    except Exception:  # no boot time known means no power cut can be told
        return ""


def same_boot(recorded: str, now: str | None = None) -> bool:
    """Whether `recorded` (an earlier `boot_id()`) is this boot. Unknown means yes: a
    live writer's journal must never be taken for a dead one's."""
    now = boot_id() if now is None else now
    if not recorded or not now or recorded == now:
        return True
    if recorded.startswith("boot-") and now.startswith("boot-"):
        try:
            return abs(int(recorded[5:]) - int(now[5:])) <= BOOT_TIME_SLACK
        except ValueError:
            return False
    return False


def user_tag() -> str:
    """A name for this user that can go into a folder name shared by all users (the
    temporary folder): the user id on POSIX, the login name on Windows."""
    if hasattr(os, "getuid"):
        return str(os.getuid())
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # getpass raises several kinds when it cannot tell
        return "user"


def give_back_freed_memory() -> None:
    """Return to the system what the C allocator holds free. rtoml's parse
    (store/strict_toml.py) builds its own tree on the C heap and frees it on return, a
    piece of a big session at a time; glibc keeps such memory in the reading thread's
    arena, resident, where the rest of the app never reuses it. `malloc_trim` is
    glibc's (Linux); musl, macOS and Windows lack it or need no help: nothing to do."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


# glibc's M_MMAP_THRESHOLD (malloc.h), and its default.
_M_MMAP_THRESHOLD = -3
_MMAP_THRESHOLD = 128 * 1024


@functools.cache
def big_blocks_from_the_system() -> None:
    """Blocks of 128 KB and more come straight from the system and go back to it when
    freed, as glibc does until the first such block is freed: then it raises the
    threshold to that block's size (up to 32 MB), and a big session's text, its
    parse's pieces and a save's pickle and TOML are carved from the arenas, where they
    stay resident once freed. Set before a session is read, the threshold stays
    (3 MB of the app's peak on the big session, bench/memory.py). Linux's glibc only."""
    if is_windows() or is_macos():
        return
    import ctypes

    try:
        mallopt = getattr(ctypes.CDLL(None), "mallopt", None)
    except OSError:
        return
    if mallopt is not None:
        mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)


@functools.cache
def _malloc_trim():
    if is_windows():
        return None
    import ctypes

    try:
        return getattr(ctypes.CDLL(None), "malloc_trim", None)
    except OSError:
        return None
