"""Stable ids for every entity in a session.

Ids are short random suffixes behind a readable prefix (`q-3f9a1c`), not counters:
two writers adding quotes to the same session at once must never pick the same id.
"""

from __future__ import annotations

import secrets
from collections.abc import Container
from typing import Annotated

from pydantic import StringConstraints

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]


def new_id(prefix: str, taken: Container[str] = ()) -> str:
    while True:
        candidate = f"{prefix}-{secrets.token_hex(3)}"
        if candidate not in taken:
            return candidate
