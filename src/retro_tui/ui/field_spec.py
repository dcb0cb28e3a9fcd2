"""What a record's form asks, field by field (ui/forms.py builds the form from it). Kept
apart from the form, which the panes import only when one opens: the panes describe
their fields when they are built, while the session opens."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal["line", "text", "lines", "choice", "bool", "many", "number"]
Choices = Callable[[], Sequence[tuple[str, Any]]]


class FieldError(ValueError):
    """A typed value the form cannot take, with the field it is in (focused to fix)."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str  # i18n key
    kind: Kind = "line"
    choices: Choices | None = None
    hint: str | None = None  # i18n key of a placeholder that steers what to write
    optional: bool = True  # False: shown with a star, and the model refuses it empty
