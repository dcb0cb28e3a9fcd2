"""What the first frame needs from a session file, read without pydantic or the models:
its title, its kind, its current step and its language. The file is read in full later."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..method import RETROSPECTIVE, kind_steps
from ..model.enums import Language, StepId
from .errors import SessionError
from .nesting import nesting_problem
from .safe_read import read_regular

_NEXT_TABLE = re.compile(r"(?m)^\s*\[(?!session\])")


@dataclass(frozen=True)
class Peek:
    title: str
    # A retrospective's step is its StepId, as the full load reads it; other kinds' are str.
    step: str
    language: Language
    kind: str = RETROSPECTIVE


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
        kind_id = meta.get("kind", RETROSPECTIVE)
        step = meta.get("current_step", StepId.checkin)
        if not isinstance(kind_id, str) or step not in kind_steps().get(kind_id, ()):
            return None  # a kind or step the method does not know: the full load says so
        step = StepId(step) if step in StepId._value2member_map_ else step
        return Peek(str(meta["title"]), step, Language(meta["language"]), kind_id)
    except (SessionError, OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, ValueError, TypeError):
        return None
