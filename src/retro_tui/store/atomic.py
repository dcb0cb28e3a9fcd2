"""Atomic, owner-only file writes that never leave a half-written session behind.

The new bytes go to a temp file in the same folder, are flushed and fsynced, and then
replace the old file in one rename; the folder is fsynced so the rename itself survives
a power cut. The previous version is kept beside it as `<name>.bak`. Before anything is
written, `write_guard` decides where the bytes go (a link's target) and whether this
user should write there at all. When writing fails (a full disk), the message names
the file and says the previous version is intact, which it is: only a temp file was
touched, and it is removed."""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import tempfile
import warnings
from collections.abc import Iterable
from pathlib import Path

from ..platform_calls import fsync_file, fsync_folder, restrict_to_owner
from .errors import Finding, SessionError
from .write_guard import write_target

OWNER_ONLY = 0o600


class BackupSkipped(UserWarning):
    """The save succeeded, but `<name>.bak` could not be replaced (another user's file)."""


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _fsync_dir(folder: Path) -> None:
    fsync_folder(folder)


def _private_temp(path: Path, kind: str) -> tuple[int, Path]:
    # mkstemp: an unpredictable name, created exclusively (O_EXCL) and 0600, so a file
    # another user planted can neither block nor redirect the write.
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.{kind}", suffix=".tmp", dir=path.parent)
    return fd, Path(name)


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _keep_backup(path: Path) -> None:
    """Make `<name>.bak` the current version, atomically, before it is replaced; skip
    it with a warning when the folder will not let us (another user's `.bak`)."""
    tmp = _linked_copy(path)
    try:
        restrict_to_owner(tmp, OWNER_ONLY)
        os.replace(tmp, backup_path(path))
    except OSError as error:
        _unlink(tmp)
        warnings.warn(BackupSkipped(f"{backup_path(path)}: {error.strerror or error}"), stacklevel=3)


def _linked_copy(path: Path) -> Path:
    """The current version under a new, unpredictable name beside it.

    A hard link costs nothing and shares the old, complete inode (a copy would cost a
    second fsync per save). link() never overwrites and never follows a link at its
    target, so a name someone planted only makes us draw another."""
    for _ in range(100):
        tmp = path.with_name(f".{path.name}.bak.{secrets.token_hex(8)}.tmp")
        try:
            os.link(path, tmp, follow_symlinks=False)
            return tmp
        except FileExistsError:
            continue
        except OSError:
            break  # no hard links here (FAT sticks, some network shares): copy
    fd, tmp = _private_temp(path, "bak.")
    try:
        with os.fdopen(fd, "wb") as out, open(path, "rb") as current:
            shutil.copyfileobj(current, out)
            out.flush()
            fsync_file(out.fileno())
    except BaseException:
        _unlink(tmp)
        raise
    return tmp


def _write_failed(path: Path, error: OSError, existed: bool) -> SessionError:
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return SessionError(path, [Finding("disk_full" if existed else "disk_full_new")])
    key = "write_failed" if existed else "write_failed_new"
    return SessionError(path, [Finding(key, {"reason": error.strerror or str(error)})])


def write_atomic(
    path: Path, data: bytes | Iterable[bytes], *, keep_backup: bool = True, sync_folder: bool = True
) -> Path:
    """The file written: `path`, or the file a link there leads to. `sync_folder=False`:
    the caller writes several files and fsyncs each written file's folder once after
    the last (platform_calls.fsync_folder); each file's bytes are on disk before its
    rename all the same."""
    path = write_target(Path(path))
    folder = path.parent
    existed = path.is_file()
    tmp = None
    try:
        fd, tmp = _private_temp(path, "")
        with os.fdopen(fd, "wb") as handle:
            # Bytes, or the pieces of a text as they are made (the autosave's helper):
            # a reader that fails part-way leaves only the temp file, removed below.
            for piece in (data,) if isinstance(data, bytes) else data:
                handle.write(piece)
            handle.flush()
            fsync_file(handle.fileno())
        if keep_backup and existed:
            _keep_backup(path)
        os.replace(tmp, path)
    except OSError as error:
        if tmp is not None:
            _unlink(tmp)
        raise _write_failed(path, error, existed) from error
    except BaseException:
        if tmp is not None:
            _unlink(tmp)
        raise
    if sync_folder:
        _fsync_dir(folder)
    return path


def ensure_private_dir(folder: Path) -> None:
    """Create a folder for session files, readable by its owner only."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
