"""Text typed in a form keeps its own line breaks; shown in a narrower or wider place it
must flow again, or a sentence breaks in odd places. But only lines that were wrapped
(by hand in a file, or by an editor) flow on: a notetaker's short lines are each a
thought of their own and stay lines. Blank lines and list items stay too."""

from __future__ import annotations

import re

_ITEM = re.compile(r"^\s*([-*•–]|\d+[.)])\s")
# A line this long, and nearly as long as the longest of its paragraph, was wrapped to
# a width; shorter lines ended where their writer pressed Enter.
WRAPPED = 60
_FULL = 0.75


def reflow(text: str) -> str:
    """Join the wrapped lines of each paragraph; keep blank lines, short lines and items."""
    lines = text.splitlines()
    out: list[str] = []
    widest = _widest_per_paragraph(lines)
    previous_full = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        item = _ITEM.match(line)
        indented_continuation = bool(out) and out[-1] and stripped and not item and line[:1].isspace() \
            and _ITEM.match(out[-1])
        if out and stripped and out[-1] and not item and (previous_full or indented_continuation):
            out[-1] = f"{out[-1]} {stripped}"
        else:
            out.append(stripped if not item else line.rstrip())
        previous_full = len(line.rstrip()) >= max(WRAPPED, _FULL * widest[index])
    return "\n".join(out)


def _widest_per_paragraph(lines: list[str]) -> list[int]:
    """For each line, the length of the longest line in its paragraph (blank-separated)."""
    widths, start = [0] * len(lines), 0
    for end in range(len(lines) + 1):
        if end == len(lines) or not lines[end].strip():
            wide = max((len(x.rstrip()) for x in lines[start:end]), default=0)
            for i in range(start, end):
                widths[i] = wide
            start = end + 1
    return widths
