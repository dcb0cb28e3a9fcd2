"""Where sessions are kept. Apart from `files`, so the app can be started on a folder
without importing pydantic and the models before its first frame."""

from __future__ import annotations

import os
from pathlib import Path

SESSIONS_ENV = "RETRO_TUI_SESSIONS"


def sessions_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """`--sessions-dir`, else $RETRO_TUI_SESSIONS, else ./sessions."""
    if option:
        return Path(option)
    if env := os.environ.get(SESSIONS_ENV):
        return Path(env)
    return Path("sessions")
