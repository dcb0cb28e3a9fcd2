"""Where retro-tui keeps things on this computer, in the folders each platform gives
an application (platformdirs): never in whatever folder the terminal happens to be in.

| what | Linux | macOS | Windows |
|---|---|---|---|
| settings | ~/.config/retro-tui | ~/Library/Application Support/retro-tui | %LOCALAPPDATA%\\retro-tui |
| sessions | ~/.local/share/retro-tui/sessions | ~/Library/Application Support/retro-tui/sessions | %LOCALAPPDATA%\\retro-tui\\sessions |
| drafts, example copies | ~/.local/state/retro-tui | ~/Library/Application Support/retro-tui | %LOCALAPPDATA%\\retro-tui |

Sessions are not put in Documents on purpose: on managed Windows laptops Documents is
often synced to OneDrive, and a sync client can bring back an older copy of a session
(README, "Not guaranteed"). On Windows every one of these is inside the user's profile,
which only that user (and administrators) can read.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "retro-tui"
SESSIONS_ENV = "RETRO_TUI_SESSIONS"
CONFIG_ENV = "RETRO_TUI_SETTINGS"  # a settings file of one's own, e.g. for a second role


def _dirs() -> platformdirs.PlatformDirs:
    # No vendor folder on Windows: "retro-tui\retro-tui" helps nobody find their files.
    return platformdirs.PlatformDirs(APP, appauthor=False)


def settings_file() -> Path:
    if own := os.environ.get(CONFIG_ENV):
        return Path(own)
    return _dirs().user_config_path / "settings.toml"


def checkout_sessions() -> Path | None:
    """A clone of the project keeps its sessions in ./sessions (the example is there):
    started from the top of a checkout, that is the folder."""
    here = Path("sessions")
    if here.is_dir() and (here / "example.toml").is_file() and Path("pyproject.toml").is_file():
        return here
    return None


def platform_sessions() -> Path:
    return _dirs().user_data_path / "sessions"


def sessions_dir(option: str | os.PathLike[str] | None = None, configured: str | None = None) -> Path:
    """`--sessions-dir`, else $RETRO_TUI_SESSIONS, else the settings' folder, else
    ./sessions of a checkout, else the platform's folder for the user's data."""
    for chosen in (option, os.environ.get(SESSIONS_ENV), configured):
        if chosen:
            return Path(chosen).expanduser()
    return checkout_sessions() or platform_sessions()


def state_dir() -> Path:
    return _dirs().user_state_path


def drafts_dir() -> Path:
    return state_dir() / "drafts"


def examples_dir() -> Path:
    """Fresh copies of the example: to play with, not to keep (cleaned as new ones come)."""
    return state_dir() / "examples"
