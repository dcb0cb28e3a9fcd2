"""Key bindings whose footer and help labels speak the active language.

Textual merges a class's BINDINGS once, when the class is made. So each UI class lists
its keys as `KEYS` (label = i18n key), and `localized(cls)` returns a subclass, one per
language, with the translated Bindings. Switching language rebuilds the screen from the
other language's subclasses; nothing private in Textual is touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TypeVar, cast

from textual.binding import Binding

from ..i18n import current_language, t

T = TypeVar("T", bound=type)


@dataclass(frozen=True)
class Key:
    keys: str
    action: str
    label: str  # i18n key
    show: bool = True
    priority: bool = False
    id: str | None = None  # lets users remap a key (Textual keymaps)


def translate(keys: list[Key], lang: str) -> list[Binding]:
    return [
        Binding(k.keys, k.action, t(k.label, lang=lang), show=k.show, priority=k.priority, id=k.id)
        for k in keys
    ]


def localized(cls: T) -> T:
    return _localized(cls, current_language())


@cache
def _localized(cls: T, lang: str) -> T:
    namespace = {"BINDINGS": translate(getattr(cls, "KEYS", []), lang), "__module__": cls.__module__}
    return cast(T, type(cls.__name__, (cls,), namespace))
