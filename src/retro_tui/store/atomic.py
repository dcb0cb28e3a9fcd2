"""Atomic, owner-only file writes that never leave a half-written session behind.

The new bytes go to a temp file in the same folder, are flushed and fsynced, and then
replace the old file in one rename; the folder is fsynced so the rename itself survives
a power cut. The previous version is kept beside it as `<name>.bak`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from ..platform_calls import fsync_file, fsync_folder, restrict_to_owner

OWNER_ONLY = 0o600


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _fsync_dir(folder: Path) -> None:
    fsync_folder(folder)


def _keep_backup(path: Path) -> None:
    """Make `<name>.bak` the current version, atomically, before it is replaced."""
    folder = path.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.bak.", suffix=".tmp", dir=folder)
    os.close(fd)
    os.unlink(tmp)
    try:
        # A hard link costs nothing and shares the old, complete inode.
        os.link(path, tmp)
    except OSError:
        # Some file systems (FAT sticks, some network shares) have no hard links.
        shutil.copyfile(path, tmp)
    restrict_to_owner(Path(tmp), OWNER_ONLY)
    os.replace(tmp, backup_path(path))


def write_atomic(path: Path, data: bytes, *, keep_backup: bool = True) -> None:
    path = Path(path)
    folder = path.parent
    # mkstemp creates the file 0600: owner-only from the first byte.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            fsync_file(handle.fileno())
        if keep_backup and path.is_file():
            _keep_backup(path)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(folder)


def ensure_private_dir(folder: Path) -> None:
    """Create a folder for session files, readable by its owner only."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
