"""What the first frame needs from a session file, read without pydantic or the models:
its title, its current step and its language. The file is read in full later."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..model.enums import Language, StepId
from .errors import SessionError
from .nesting import nesting_problem
from .safe_read import read_regular

_NEXT_TABLE = re.compile(r"(?m)^\s*\[(?!session\])")


@dataclass(frozen=True)
class Peek:
    title: str
    step: StepId
    language: Language


def peek(path: Path) -> Peek | None:
    """The [session] table's essentials, or None when anything is off: then the full
    load that follows reports the problem properly."""
    try:
        # Never a plain open(): a FIFO would hang the first frame, /dev/zero fill memory.
        text = read_regular(path).decode("utf-8")
        head = _NEXT_TABLE.split(text, maxsplit=1)[0]
        if nesting_problem(head):
            return None  # tomllib would recurse until RecursionError
        meta = tomllib.loads(head)["session"]
        return Peek(str(meta["title"]), StepId(meta.get("current_step", StepId.checkin)), Language(meta["language"]))
    except (SessionError, OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, ValueError, TypeError):
        return None
