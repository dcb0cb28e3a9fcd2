"""Text typed in a form keeps its own line breaks; shown in a narrower or wider place it
must flow again, or a sentence breaks in odd places. Blank lines and list items stay."""

from __future__ import annotations

import re

_ITEM = re.compile(r"^\s*([-*•–]|\d+[.)])\s")


def reflow(text: str) -> str:
    """Join the lines of each paragraph; keep blank lines and lines that start an item."""
    out: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if out and stripped and out[-1] and not _ITEM.match(line):
            out[-1] = f"{out[-1]} {stripped}"
        else:
            out.append(stripped if not _ITEM.match(line) else line.rstrip())
    return "\n".join(out)
