"""The one i18n layer: every user-facing string comes from `locales/<lang>.toml` and
the files of `locales/<lang>/` (one per area, e.g. `timeline.toml`), merged; a key
defined twice is an error, so two areas never silently shadow each other.

Keys are dotted (`cli.created`); values use `str.format` fields (`{path}`). A count's
word takes its plural form in the text itself, singular|plural after the count's name:
`"{count} {count:gebeurtenis|gebeurtenissen}"` (Dutch and English both have these two
forms). The active language is chosen by the command line (cli.py).
"""

from __future__ import annotations

import os
import string
from collections.abc import Mapping
from enum import Enum
from functools import cache
from importlib import resources
from typing import Any

import rtoml

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "en"  # where a text missing in one language is taken from
NO_PREFERENCE = "nl"  # the language of someone who chose none: the users are Dutch

_active: list[str] = []


def detect_language(environ: Mapping[str, str] = os.environ) -> str | None:
    """The locale's language in gettext's order of variables: one we speak, English
    for any other, and None where the locale says nothing (unset, C or POSIX, as on
    many servers, containers and ssh sessions)."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(var, "")
        for part in value.split(":"):
            code = part.split("_")[0].split(".")[0].lower()
            if code in LANGUAGES:
                return code
            if code and code not in ("c", "posix"):
                return DEFAULT_LANGUAGE
    return None


def set_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language: {lang}")
    _active[:] = [lang]


def current_language() -> str:
    if not _active:
        _active.append(detect_language() or NO_PREFERENCE)
    return _active[0]


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        if isinstance(value, Mapping):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


@cache
def catalog(lang: str) -> dict[str, str]:
    folder = resources.files("retro_tui").joinpath("locales")
    sources = [folder.joinpath(f"{lang}.toml")]
    area = folder.joinpath(lang)
    if area.is_dir():
        sources += sorted((f for f in area.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name)
    flat: dict[str, str] = {}
    for source in sources:
        # rtoml (Rust) for the app's own files: a tenth of tomllib's time, and every
        # start reads one or two languages' texts before its first frame. People's
        # files (sessions, settings) stay with tomllib, which refuses what TOML 1.0 does.
        part = _flatten(rtoml.loads(source.read_text("utf-8")))
        doubled = flat.keys() & part.keys()
        if doubled:
            raise KeyError(f"{source.name} defines keys already defined: {sorted(doubled)}")
        flat.update(part)
    return flat


def t(key: str, /, lang: str | None = None, **params: Any) -> str:
    """The text for `key` in `lang` (default: the active language), filled with `params`."""
    lang = lang or current_language()
    text = catalog(lang).get(key)
    if text is None:
        # A missing translation must be visible, not a crash in front of the room.
        text = catalog(DEFAULT_LANGUAGE).get(key, key)
    return _FORMATTER.vformat(text, (), _Params(params)) if params else text


class _Params(dict):
    # An error message with a missing value must still be shown, never raise.
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class _Plurals(string.Formatter):
    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            one, _, other = format_spec.partition("|")
            return one if value == 1 else other
        return super().format_field(value, format_spec)


_FORMATTER = _Plurals()


def label(member: Enum, lang: str | None = None) -> str:
    """The translated label of an enum value, e.g. `EventKind.crisis` -> "crisis"."""
    return t(f"enum.{type(member).__name__}.{member.value}", lang=lang)
