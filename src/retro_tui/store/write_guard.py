"""Before writing: where the bytes really go, and whether this user should write there.

- A session reached through a symbolic link is written to the link's target (the link
  stays a link), but only a link of this user's own: in a shared folder another user's
  link could point anywhere.
- A folder others can write is refused unless it is sticky (like /tmp: then no one can
  remove or rename another's files) and the file there is this user's.
- A file the user made read-only (chmod 0400) is not overwritten behind their back.
"""

from __future__ import annotations

import os
import shlex
import stat
from pathlib import Path

from .errors import Finding, SessionError

_MAX_LINKS = 40  # as the kernel allows; more is a loop

try:  # Unix: owners and groups have names
    import grp
    import pwd

    UNIX_OWNERS = True
except ImportError:  # Windows: its folders are private by their access lists
    UNIX_OWNERS = False


def write_target(path: Path) -> Path:
    """The real file to write for `path`, after checking the folder and the file."""
    given = path = Path(path)
    for _ in range(_MAX_LINKS):
        try:
            link = os.lstat(path)
        except FileNotFoundError:
            break
        if not stat.S_ISLNK(link.st_mode):
            break
        if not _ours(link):  # every link on the way, not only the first
            raise SessionError(given, [Finding("link_not_ours", {"owner": _owner(link.st_uid)})])
        path = path.parent / os.readlink(path)
    else:
        raise SessionError(given, [Finding("not_a_file_to_write")])  # a loop of links
    path = Path(os.path.realpath(path))
    folder = path.parent
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    folder_info = os.stat(folder)
    shared = _open_to_others(folder_info)
    if shared and not folder_info.st_mode & stat.S_ISVTX:
        raise SessionError(path, [Finding("folder_open_to_others", {"folder": folder})])
    if info is not None:
        if not stat.S_ISREG(info.st_mode):
            raise SessionError(path, [Finding("not_a_file_to_write")])
        if shared and not _ours(info):
            raise SessionError(path, [Finding("file_not_ours", {"owner": _owner(info.st_uid)})])
        if not info.st_mode & stat.S_IWUSR:
            raise SessionError(path, [Finding("read_only", {"command": f"chmod u+w {shlex.quote(str(path))}"})])
    return path


def _ours(info: os.stat_result) -> bool:
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def _owner(uid: int) -> str:
    if not UNIX_OWNERS:
        return str(uid)
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def _open_to_others(folder: os.stat_result) -> bool:
    """Whether users other than this one can create or remove files in the folder."""
    if not UNIX_OWNERS:
        return False
    mode = folder.st_mode
    return bool(mode & stat.S_IWOTH) or (bool(mode & stat.S_IWGRP) and not _private_group(folder.st_gid))


def _private_group(gid: int) -> bool:
    """A group of this user alone (the user private group many systems give each
    account): a folder writable by it is writable by nobody else."""
    try:
        group = grp.getgrgid(gid)
        me = pwd.getpwuid(os.getuid())
    except KeyError:
        return False
    return group.gr_name == me.pw_name and set(group.gr_mem) <= {me.pw_name}
