"""The store: session files read with tomllib, validated by the model, written atomically.

Names load on first use (PEP 562), so the app's first frame does not wait for pydantic.
"""

from importlib import import_module
from typing import TYPE_CHECKING

_WHERE = {
    "atomic": ("OWNER_ONLY", "backup_path", "write_atomic"),
    "codec": ("dumps", "loads", "render", "snapshot"),
    "errors": ("Finding", "SessionError"),
    "files": (
        "Listing", "copy_example", "create", "example_arc_sources", "example_source", "list_sessions", "load",
        "new_session", "now", "peek_case_code", "save",
    ),
    "folder": ("sessions_dir",),
    "peek": ("Peek", "peek"),
}
_MODULE = {name: module for module, names in _WHERE.items() for name in names}
__all__ = sorted(_MODULE)


def __getattr__(name: str):
    if name not in _MODULE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{_MODULE[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:
    from .atomic import OWNER_ONLY, backup_path, write_atomic
    from .codec import dumps, loads, render, snapshot
    from .errors import Finding, SessionError
    from .files import (
        Listing, copy_example, create, example_arc_sources, example_source, list_sessions, load, new_session, now,
        peek_case_code, save,
    )
    from .folder import sessions_dir
    from .peek import Peek, peek
