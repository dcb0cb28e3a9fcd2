"""Text from files and file names made safe to show on a terminal.

A session's title or a file's name may hold an escape sequence (ESC [ … m recolours
the terminal, ESC ] can set its title or write to the clipboard), or bidirectional
overrides that show text in another order than it is. Shown raw they act; escaped
they are visible and harmless."""

from __future__ import annotations

import re

# C0 and C1 controls except tab and line break, DEL, and the bidirectional overrides.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with every unsafe character written as its Python escape (`\\x1b`)."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
