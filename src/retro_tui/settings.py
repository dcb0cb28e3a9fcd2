"""The person's own settings, one TOML file in their config folder (places.py):
their language, their name and organisation (filled into new sessions and the e-mail
signature), where their sessions live, and keys of their own (binding id -> keys).

    language = "nl"
    name = "Anna de Vries"
    organisation = "Jeugdbescherming Regio Noord"
    sessions_dir = "~/Casusanalyses"

    [keymap]
    help = "f1,ctrl+h"

A file that does not read is one message naming the file, the line and the setting,
as for a session file (store/codec.py), never a traceback.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .model.enums import Language
from .places import settings_file
from .store.errors import Finding, SessionError


@dataclass(frozen=True)
class Settings:
    # Read by pydantic when a file needs checking (see _validate); a plain dict, so
    # this module does not import pydantic.
    __pydantic_config__ = {"extra": "forbid"}

    language: Language | None = None
    name: str = ""
    organisation: str = ""
    sessions_dir: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)


# What `retro-tui settings set` takes; a keymap entry is `keymap.<binding id>`.
KEYS = ("language", "name", "organisation", "sessions_dir")


class SettingsError(SessionError):
    """The settings file does not read: its path, line and setting, in people's words."""


def _read(path: Path) -> tuple[dict[str, Any], str]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}, ""
    except OSError as error:
        raise SettingsError(path, [Finding("unreadable", {"reason": error.strerror})]) from None
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise SettingsError(path, [Finding("not_utf8", {}, line=raw[: error.start].count(b"\n") + 1)]) from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as error:
        from .store.codec import syntax_finding

        raise SettingsError(path, [syntax_finding(error, text)]) from None


def _plain(data: dict[str, Any]) -> bool:
    """A file with only known settings of the right kind: read without pydantic, which
    every start would otherwise import before the first frame (about 0.1 s)."""
    texts = ("name", "organisation", "sessions_dir")
    keymap = data.get("keymap", {})
    return (
        set(data) <= {"language", "keymap", *texts}
        and data.get("language", "nl") in {lang.value for lang in Language}
        and all(isinstance(data[key], str) for key in texts if key in data)
        and isinstance(keymap, dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in keymap.items())
    )


def _validate(data: dict[str, Any], text: str, path: Path) -> Settings:
    if _plain(data):
        language = data.get("language")
        return Settings(language=Language(language) if language else None, name=data.get("name", ""),
                        organisation=data.get("organisation", ""), sessions_dir=data.get("sessions_dir"),
                        keymap=dict(data.get("keymap", {})))
    # Anything else is wrong somewhere: pydantic says where, in people's words.
    from pydantic import TypeAdapter, ValidationError

    from .store.codec import describe_validation

    try:
        return TypeAdapter(Settings).validate_python(data)
    except ValidationError as error:
        raise SettingsError(path, describe_validation(error, text)) from None


def load(path: Path | None = None) -> Settings:
    path = settings_file() if path is None else Path(path)
    data, text = _read(path)
    return _validate(data, text, path)


@cache
def current() -> Settings:
    """This process's settings, read once (the command line reads them first, so a bad
    file is said before anything starts)."""
    return load()


def set_value(key: str, value: str, path: Path | None = None) -> Path:
    """Set one setting (an empty value removes it), keeping the rest of the file."""
    # Here, not at the top: every start reads the settings before its first frame.
    import tomli_w

    from .store.atomic import ensure_private_dir, write_atomic

    path = settings_file() if path is None else Path(path)
    data, _ = _read(path)
    if key.startswith("keymap.") and len(key) > len("keymap."):
        table = data.setdefault("keymap", {})
        if value:
            table[key.removeprefix("keymap.")] = value
        else:
            table.pop(key.removeprefix("keymap."), None)
    elif key in KEYS:
        if value:
            data[key] = value
        else:
            data.pop(key, None)
    else:
        raise SettingsError(path, [Finding("extra_forbidden", {}, field=key)])
    _validate(data, "", path)  # never write a file that would not read back
    ensure_private_dir(path.parent)
    write_atomic(path, tomli_w.dumps(data).encode("utf-8"), keep_backup=False)
    current.cache_clear()
    return path
