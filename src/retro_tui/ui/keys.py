"""Key bindings whose footer and help labels speak the active language.

Textual merges a class's BINDINGS once, when the class is made. So each UI class lists
its keys as `KEYS` (label = i18n key), and `localized(cls)` returns a subclass, one per
language, with the translated Bindings. Switching language rebuilds the screen from the
other language's subclasses; nothing private in Textual is touched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
    # Required, so no key is left that people cannot remap (settings' [keymap], loaded
    # with App.set_keymap). One id is one meaning: "cancel" is every dialog's cancel.
    id: str = field(kw_only=True)


# On every screen with a footer, so its label follows the screen's language (F4 rebuilds
# screens; the app's own bindings keep the language it started in). The app keeps one
# too, so Textual adds no English "palette" of its own.
PALETTE = Key("ctrl+p", "app.command_palette", "palette.open", show=False, priority=True, id="command_palette")


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


def every_key() -> dict[str, tuple[str, str]]:
    """Every key of the app by id: its default keys and its label's i18n key, for
    `retro-tui settings keys` and to refuse an id that does not exist."""
    import importlib
    import inspect
    import pkgutil

    from .. import ui

    found: dict[str, tuple[str, str]] = {}
    for module in pkgutil.iter_modules(ui.__path__):
        loaded = importlib.import_module(f"{ui.__name__}.{module.name}")
        for _, cls in inspect.getmembers(loaded, inspect.isclass):
            for key in getattr(cls, "KEYS", None) or []:
                if isinstance(key, Key):
                    keys, label = found.get(key.id, ("", key.label))
                    merged = ",".join(dict.fromkeys(filter(None, [*keys.split(","), *key.keys.split(",")])))
                    found[key.id] = (merged, label)
    return found
