"""One session file, several writers: the facilitator's app, notetakers, `retro-tui
quote`. Every write happens under an operating-system lock on a lock file beside the
session (filelock: flock on Unix, msvcrt on Windows; a dead process's lock is released
by the system, so it never blocks anyone). If the file changed since this writer last
wrote it, the other writer's changes are merged in first (`merge.py`), so no writer
overwrites another. See docs/writers.md."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import Session
from ..model.integrity import format_loc
from .atomic import write_atomic
from .codec import decode, loads, render, snapshot
from .errors import SessionError
from .merge import merge

if TYPE_CHECKING:
    from filelock import FileLock
from .private_dir import private_dir
from .render_process import HelperFailed
from .safe_read import digest_regular, read_regular

BOOKKEEPING = {("updated",), ("seconds_per_step",), ("started",), ("current_step",)}
LOCK_TIMEOUT = 30  # seconds; a save holds the lock for milliseconds
LOCK_MODE = 0o600  # a lock file others could open is a lock others could hold


def lock_path(path: Path) -> Path:
    """The lock file of a session, in a private folder of this user's, not beside the
    session: the sessions folder holds sessions only, and a failed command leaves it
    exactly as it was. (This user's writers on one machine share it, which is what
    locking is for; the folder is verified to be theirs alone, see private_dir.)"""
    name = hashlib.sha256(str(Path(path).resolve()).encode("utf-8")).hexdigest()[:32]
    return private_dir("locks") / f"{name}.lock"


def session_lock(path: Path, timeout: float = LOCK_TIMEOUT) -> FileLock:
    """The operating-system lock of a session, its file created owner-only."""
    # Imported at the first lock (9 ms, the first save's, in its worker thread), not
    # while a session opens, where nothing is locked yet.
    from filelock import FileLock

    return FileLock(str(lock_path(path)), timeout=timeout, mode=LOCK_MODE)


def file_stat(path: Path) -> tuple | None:
    """What tells a replaced file from the last one seen: a new inode at every write."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size, st.st_ino


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write_rendered(path: Path, rendered: str | bytes | Iterable[bytes]) -> str:
    """Replace the file with a rendered text (whole, or in pieces as they are made);
    the digest of what was written."""
    if isinstance(rendered, str):
        rendered = rendered.encode("utf-8")
    pieces = (rendered,) if isinstance(rendered, bytes) else rendered
    digest = hashlib.sha256()

    def hashed() -> Iterator[bytes]:
        for piece in pieces:
            digest.update(piece)
            yield piece

    try:
        replace_locked(path, hashed())
    finally:
        # A helper's stream left part-way (the disk was full) lets go of the helper now,
        # not when the error's traceback is let go.
        close = getattr(pieces, "close", None)
        if close is not None:
            close()
    return digest.hexdigest()


class SharedFile:
    def __init__(self, path: Path, base: dict[str, Any], digest: str | None = None):
        """`base`: this writer's own snapshot as last read or written; `digest`: the
        SHA-256 of the file's bytes then."""
        self.path = Path(path)
        self.base = base
        # What the file holds after our last write: ours merged with the others'. The
        # app keeps showing its own data, so the others' changes are merged from here
        # again at every write, or the next write would drop them.
        self.on_disk = base
        self.digest = digest
        self.written: tuple[Any, ...] | None = None  # the file's stat right after this writer's last write
        # A write merged others' changes into the file that this writer's session does
        # not have yet: the screen should take them in (`adopt`).
        self.unadopted = False

    @classmethod
    def opened(cls, path: Path, session: Session, data: dict[str, Any] | None = None,
               digest: str | None = None) -> SharedFile:
        """`session` as just read from `path`; `data`, its snapshot if taken already
        (the autosave's, whose records' dumped forms the next snapshots share);
        `digest`, that of the bytes it was read from (`store.load_read`). Without it the
        file is taken as it is now: right only if no one can have written it since."""
        if digest is None:
            try:
                digest = digest_regular(Path(path))
            except SessionError:
                digest = None
        return cls(path, snapshot(session) if data is None else data, digest)

    def write(self, data: dict[str, Any], render_text: Callable[[dict], str | bytes | Iterable[bytes]] = render) -> None:
        """Write this writer's snapshot; merge first if someone else wrote since."""
        with session_lock(self.path):
            # By its digest first, a chunk at a time: a big session's file is read
            # whole only when someone else wrote it (issue 14).
            try:
                digest = digest_regular(self.path)
            except SessionError as error:
                if error.first.key != "not_found":
                    raise
                digest = None
            if digest is None or self.digest is None or digest == self.digest:
                theirs = self.on_disk
            else:
                theirs = snapshot(loads(decode(read_regular(self.path), self.path), self.path))
            merged = self._merged(data, theirs)
            out = data if merged is None else snapshot(merged)
            try:
                digest = _write_rendered(self.path, render_text(out))
            except HelperFailed:
                digest = _write_rendered(self.path, render(out))
            self.written = file_stat(self.path)  # so a follower need not read it back
            self.base, self.on_disk, self.digest = data, out, digest
            self.unadopted = self.unadopted or merged is not None

    def changed_on_disk(self) -> tuple[dict[str, Any], str | None] | None:
        """Others' version, if the file is not what this writer last wrote or took in.

        Safe off the UI thread (the read needs no lock: files are replaced whole)."""
        try:
            if digest_regular(self.path) == self.digest:
                return (self.on_disk, self.digest) if self.unadopted else None
            disk = read_regular(self.path)  # read whole only when it is someone else's
        except SessionError as error:
            if error.first.key != "not_found":
                raise
            return None
        return snapshot(loads(decode(disk, self.path), self.path)), _digest(disk)

    def adopt(self, mine: dict[str, Any], theirs: dict[str, Any], digest: str | None) -> Session | None:
        """Take others' version in: the session to show, or None if there is nothing new.

        Only while none of this writer's writes is under way: `base` is what the
        session on the screen derives from, and from here on that is `theirs`."""
        merged = self._merged(mine, theirs)
        self.base = self.on_disk = theirs
        self.digest, self.unadopted = digest, False
        return merged

    def _merged(self, mine: dict[str, Any], theirs: dict[str, Any]) -> Session | None:
        """The three-way merge as a valid session; None when nobody else wrote."""
        if theirs is self.base or theirs == self.base:
            return None  # nobody else wrote: the common case, no merging needed
        merged, conflicts = merge(self.base, mine, theirs)
        # Clock and step bookkeeping is nobody's words: the latest writer's simply holds.
        conflicts = [c for c in conflicts if c.path[:1] != ("session",) or c.path[1:2] not in BOOKKEEPING]
        if conflicts:
            now = dt.datetime.now().replace(microsecond=0)
            kept = list(merged.get("conflicts", []))
            for c in conflicts:
                copy = {"at": now, "field": format_loc(c.path), "text": _as_text(c.other)}
                if c.lines:
                    copy["kept"] = c.kept  # the lines it lost to, to take either or both
                kept.append(copy)
            merged["conflicts"] = kept
        # Through the model again: what is written is always a valid session.
        return Session.model_validate(merged)


def _as_text(value: Any) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items() if k != "id" and v not in ("", None, [], {}))
    return str(value)


def replace_locked(path: Path, text: bytes | Iterable[bytes]) -> None:
    """The one place a session file is replaced, by every writer: the caller holds the
    session's lock, so whatever temporary file lies beside it was left by a killed
    save and goes first; then the atomic write."""
    from .recovery import clean_temp_files

    clean_temp_files(path)
    write_atomic(path, text)


def update(path: Path, change: Callable[[Session], None], *, lifecycle: bool = False) -> Session:
    """Read, change and write a session under the lock: every command that changes a
    session file does it this way (`quote`, `import-timeline`, `finalize`, `reopen`,
    `export`'s feedback week). Read under the lock, so what others saved is in it."""
    from .codec import dumps
    from .errors import Finding, SessionError
    from .files import load

    from ..model import Status

    with session_lock(Path(path)):
        session = load(path)
        change(session)
        if session.session.status == Status.final and not lifecycle:
            raise SessionError(Path(path), [Finding("final_read_only")])
        replace_locked(Path(path), dumps(session).encode("utf-8"))
    return session
