"""The store: session files read with tomllib, validated by the model, written atomically.

Names load on first use (PEP 562, by lazy_loader), so the app's first frame does not wait for pydantic.
"""

from typing import TYPE_CHECKING

import lazy_loader

_WHERE = {
    "atomic": ("OWNER_ONLY", "backup_path", "write_atomic"),
    "codec": ("dumps", "loads", "render", "snapshot"),
    "errors": ("Finding", "SessionError"),
    "files": (
        "Listing", "copy_example", "create", "example_arc_sources", "example_source", "list_sessions", "load",
        "load_read", "new_session", "now", "peek_case_code", "save",
    ),
    "folder": ("sessions_dir",),
    "peek": ("Peek", "peek"),
}
__getattr__, __dir__, __all__ = lazy_loader.attach(__name__, submod_attrs=_WHERE)

if TYPE_CHECKING:
    from .atomic import OWNER_ONLY, backup_path, write_atomic
    from .codec import dumps, loads, render, snapshot
    from .errors import Finding, SessionError
    from .files import (
        Listing, copy_example, create, example_arc_sources, example_source, list_sessions, load, load_read, new_session,
        now,
        peek_case_code, save,
    )
    from .folder import sessions_dir
    from .peek import Peek, peek
