"""After a crash, a killed terminal or a power cut: what can be given back, and what
was left behind.

- **Drafts.** What is being typed but not yet kept (a quote's words, a form, the
  quick-add line) is not in the session yet. Each app writes it, about once a second,
  to a small journal of its own in the user's state folder (owner-only, written
  atomically). A journal whose writer is no longer running was left by a crash; on the
  next start its drafts are handed back and the journal is removed.
- **Half-written saves.** A writer killed while saving leaves its temporary file
  beside the session (the session itself is whole: files are replaced by a rename).
  Under the session's lock no one is saving, so any such file is left over.
- **Locks.** A dead writer's lock holds nothing (the system drops it with the process);
  its empty lock file is removed once it has been unused for a day.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..places import drafts_dir
from ..platform_calls import boot_id, process_alive, same_boot
from .atomic import ensure_private_dir, write_atomic
from .errors import SessionError
from .private_dir import verify_private

STALE_LOCK_SECONDS = 24 * 3600
CLEAN_LOCKS_EVERY = 3600
CLEANED_MARKER = ".cleaned"  # its time: when the locks folder was last looked through


def journal_dir() -> Path:
    return drafts_dir()


def _key(path: Path) -> str:
    return hashlib.sha256(str(Path(path).resolve()).encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Draft:
    step: str  # the step the session was in while it was typed
    where: str  # what was being filled in, in the writer's language
    text: str
    # How to put it back where it was typed (ui/drafts.py): the form or box and every
    # field as typed; None when the words can only go to the notes.
    restore: dict | None = None


@dataclass
class Recovered:
    drafts: list[Draft] = field(default_factory=list)
    when: dt.datetime | None = None  # the last the dead writer wrote its journal
    temp_files: int = 0
    lock_files: int = 0
    journals: list[Path] = field(default_factory=list)  # the dead writers' journals

    def __bool__(self) -> bool:
        return bool(self.drafts or self.temp_files)

    def discard(self) -> None:
        """The drafts are safe elsewhere now (in the session file, or in this writer's
        own journal): the dead writers' journals can go."""
        for journal in self.journals:
            journal.unlink(missing_ok=True)
        self.journals = []


class DraftJournal:
    """This writer's journal for one session (one file per running writer).

    Safe to call from any thread: writes are one at a time, and a write handed over
    later than another never loses to it (`write(..., order)`)."""

    def __init__(self, session_path: Path):
        self.session_path = Path(session_path)
        self.path = journal_dir() / f"{_key(self.session_path)}-{os.getpid()}.json"
        self._last: list[Draft] | None = None
        self._lock = threading.Lock()
        self._order = 0  # the newest handed-over write that was done

    def write(self, drafts: list[Draft], order: int | None = None) -> None:
        """Write the drafts (none: remove the journal). `order`: when this write was
        asked for; an older one that comes late is dropped."""
        with self._lock:
            if order is not None:
                if order < self._order:
                    return
                self._order = order
            self._write(drafts)

    def _write(self, drafts: list[Draft]) -> None:
        if drafts == self._last:
            return
        if not drafts:
            self._remove()
        else:
            ensure_private_dir(self.path.parent)
            # The journal holds words as typed, names and all: never into a folder
            # another user made or redirected.
            try:
                verify_private(self.path.parent)
            except SessionError as refused:
                raise PermissionError(refused.message()) from None
            data = {
                "session": str(self.session_path.resolve()),
                "pid": os.getpid(),
                "boot": _boot(),
                "at": dt.datetime.now().replace(microsecond=0).isoformat(),
                "drafts": [d.__dict__ for d in drafts],
            }
            text = json.dumps(data, ensure_ascii=False, default=str)
            write_atomic(self.path, text.encode("utf-8"), keep_backup=False)
        self._last = list(drafts)

    def close(self) -> None:
        """Nothing is being typed (or the app ends normally): nothing to give back."""
        with self._lock:
            self._remove()

    def _remove(self) -> None:
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        self._last = []


def _boot() -> str:
    """This boot of the machine; a journal from an earlier boot is a power cut's."""
    return boot_id()


def _alive(pid: int, boot: str = "") -> bool:
    if pid == os.getpid():
        return True
    if not same_boot(boot):
        return False  # the machine was restarted since: that number is someone else's now
    return process_alive(pid)


def recover(session_path: Path, lock_for) -> Recovered:
    """The drafts of dead writers of this session, and clean what they left.

    Their journals stay until the caller has the drafts safe (`Recovered.discard`): a
    stop during the next start must not lose them either. `lock_for(path)` is the
    session's lock file (store/shared.py)."""
    session_path = Path(session_path)
    found = Recovered()
    folder = journal_dir()
    for journal in sorted(folder.glob(f"{_key(session_path)}-*.json")) if folder.is_dir() else []:
        try:
            pid = int(journal.stem.rsplit("-", 1)[1])
        except ValueError:
            continue
        try:
            data = json.loads(journal.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if _alive(pid, data.get("boot", "")):
            continue  # a notetaker or facilitator that is still writing
        try:
            found.drafts += [Draft(**d) for d in data.get("drafts", [])]
            found.when = max(filter(None, [found.when, dt.datetime.fromisoformat(data["at"])]))
        except (OSError, ValueError, TypeError, KeyError):
            pass  # a journal that does not read has nothing to give back
        found.journals.append(journal)
    if _temp_files(session_path):  # mostly none: then no lock (nor its import) is needed
        from filelock import FileLock, Timeout

        try:
            with FileLock(str(lock_for(session_path)), timeout=5, mode=0o600):
                found.temp_files = clean_temp_files(session_path)
        except Timeout:
            pass  # someone is saving right now; their temporary file is not left over
    found.lock_files = _clean_locks(Path(lock_for(session_path)).parent)
    return found


def _temp_files(session_path: Path) -> list[Path]:
    return list(Path(session_path).parent.glob(f".{Path(session_path).name}.*.tmp"))


def clean_temp_files(session_path: Path) -> int:
    """Temporary files a killed save of this session left beside it. Only under the
    session's lock: then nobody is saving, so every such file is left over."""
    cleaned = 0
    for temp in _temp_files(session_path):
        try:
            if temp.lstat().st_uid != os.getuid():
                continue  # in a shared folder: another user's file, not our leftover
            temp.unlink()
        except OSError:
            continue
        cleaned += 1
    return cleaned


def _clean_locks(folder: Path) -> int:
    """Lock files of sessions not written for a day. Looked for at most once an hour:
    the folder keeps a lock for every session opened that day, and a scan at every
    open took 7 ms of opening a session once a thousand were there."""
    marker = folder / CLEANED_MARKER
    now = time.time()
    try:
        if marker.stat().st_mtime > now - CLEAN_LOCKS_EVERY:
            return 0
    except OSError:
        pass  # never cleaned yet
    try:
        marker.touch(mode=0o600)
        os.utime(marker, (now, now))
    except OSError:
        pass  # then the next open looks again
    old = now - STALE_LOCK_SECONDS
    stale = []
    for lock in folder.glob("*.lock"):
        try:
            if lock.stat().st_mtime <= old:
                stale.append(lock)
        except OSError:
            pass
    if not stale:
        return 0
    from filelock import FileLock, Timeout  # imported only when there is a lock to remove

    cleaned = 0
    for lock in stale:
        try:
            # Removed while held, so no writer can be holding it at that moment.
            with FileLock(str(lock), timeout=0, mode=0o600):
                lock.unlink()
            cleaned += 1
        except (OSError, Timeout):
            pass
    return cleaned
