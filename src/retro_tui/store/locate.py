"""Find the line of a field path (`timeline.events[3].date`) in a TOML text.

Model errors name a field path; a person editing the file by hand also wants the line.
This reads the file's table headers and keys the way a person would count them. It is
best effort: where it cannot tell (dotted keys, inline tables), it returns None and the
message names the field path alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([^\[\]]+?)\s*\]\]\s*(#.*)?$")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")


def _name(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in dotted.split("."))


def _index(text: str) -> dict[tuple[str | int, ...], int]:
    """Map every table header and key path in `text` to its 1-based line."""
    found: dict[tuple[str | int, ...], int] = {}
    counts: dict[tuple[str, ...], int] = {}
    current: tuple[str | int, ...] = ()
    in_multiline: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if in_multiline:
            if line.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        if m := _ARRAY_HEADER.match(line):
            name = _name(m.group(1))
            index = counts.get(name, 0)
            counts[name] = index + 1
            current = (*name, index)
            found.setdefault(current, number)
            continue
        if m := _TABLE_HEADER.match(line):
            current = _name(m.group(1))
            found.setdefault(current, number)
            continue
        if m := _KEY.match(line):
            found.setdefault((*current, m.group(1).strip("\"'")), number)
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    in_multiline = quote
                    break
    return found


class Locator:
    """Lines of many field paths in one text. The text is indexed once, on the first
    question: a file with a problem in each of 50,000 quotes is read once, not 50,000
    times."""

    def __init__(self, text: str):
        self.text = text
        self._found: dict[tuple[str | int, ...], int] | None = None

    def __call__(self, loc: Sequence[str | int]) -> int | None:
        """The line of the deepest part of `loc` that the file spells out, or None."""
        if self._found is None:
            self._found = _index(self.text)
        for end in range(len(loc), 0, -1):
            line = self._found.get(tuple(loc[:end]))
            if line is not None:
                return line
        return None


def locate(text: str, loc: Sequence[str | int]) -> int | None:
    """The line of one field path; for many, use one Locator."""
    return Locator(text)(loc)
