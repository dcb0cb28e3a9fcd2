"""The store: session files read with tomllib, validated by the model, written atomically."""

from .atomic import OWNER_ONLY, backup_path, write_atomic
from .codec import dumps, loads, render, snapshot
from .errors import Finding, SessionError
from .files import (
    Listing,
    copy_example,
    create,
    example_source,
    list_sessions,
    load,
    new_session,
    now,
    save,
    sessions_dir,
)

__all__ = [name for name in dir() if not name.startswith("_")]
