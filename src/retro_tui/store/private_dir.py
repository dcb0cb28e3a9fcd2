"""Folders of this user's own, for what no other user may touch: locks, drafts.

The folder comes from platformdirs: the runtime folder ($XDG_RUNTIME_DIR, which the
login manager made 0700 for this user alone) when there is one, else the state folder
under the home folder. Never a fixed name in /tmp, which anyone can create first.
Whatever the folder, it is created 0700 and checked before use: a real folder (not a
link), owned by this user, that no one else can enter."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import platformdirs

from .errors import Finding, SessionError

APP = "retro-tui"


def _base() -> Path:
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and hasattr(os, "getuid"):
        # platformdirs checks $XDG_RUNTIME_DIR (ours, 0700, not a link) and falls back
        # to a name in /tmp when it fails; that fallback is exactly what we avoid.
        chosen = platformdirs.user_runtime_path(APP)
        if chosen.is_relative_to(runtime):
            return chosen
    return platformdirs.user_state_path(APP)


def private_dir(*parts: str, lasting: bool = False) -> Path:
    """`<runtime or state folder>/retro-tui/<parts>`, created 0700 and verified ours.

    `lasting`: what must survive a restart (drafts) goes to the state folder; the
    runtime folder is emptied at logout, which suits locks."""
    folder = (platformdirs.user_state_path(APP) if lasting else _base()).joinpath(*parts)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    verify_private(folder)
    return folder


def verify_private(folder: Path) -> None:
    """Refuse a folder another user could have made, entered or redirected."""
    info = os.lstat(folder)
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise SessionError(folder, [Finding("private_dir_not_folder")])
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise SessionError(folder, [Finding("private_dir_not_ours", {"owner": info.st_uid})])
    if stat.S_IMODE(info.st_mode) & 0o077:
        # Ours but open to others (made by hand, or by an old version): close it.
        os.chmod(folder, 0o700)
