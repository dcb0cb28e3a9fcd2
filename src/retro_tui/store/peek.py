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
from .safe_read import read_head

_NEXT_TABLE = re.compile(r"(?m)^\s*\[(?!session\])")
# The [session] table comes first and takes a few hundred bytes; a file whose first
# 64 KB hold no table after it is peeked at no further.
HEAD_BYTES = 64 * 1024
_RETROSPECTIVE_STEPS = {step.value: step for step in StepId}


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
        # Only the file's start: all of a big session (2 MB) was 14 ms of its first frame.
        data, whole = read_head(path, HEAD_BYTES)
        if not whole:
            data = data[: data.rfind(b"\n") + 1]  # whole lines, so no character is cut
        parts = _NEXT_TABLE.split(data.decode("utf-8"), maxsplit=1)
        if len(parts) == 1 and not whole:
            return None  # [session] runs on past what was read: the full load reads it
        head = parts[0]
        if nesting_problem(head):
            return None  # tomllib would recurse until RecursionError
        meta = tomllib.loads(head)["session"]
        kind_id = meta.get("kind", RETROSPECTIVE)
        step = meta.get("current_step", StepId.checkin)
        if not isinstance(kind_id, str) or step not in kind_steps().get(kind_id, ()):
            return None  # a kind or step the method does not know: the full load says so
        step = _RETROSPECTIVE_STEPS.get(step, step)
        return Peek(str(meta["title"]), step, Language(meta["language"]), kind_id)
    except (SessionError, OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, ValueError, TypeError):
        return None
