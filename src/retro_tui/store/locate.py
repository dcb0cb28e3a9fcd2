"""Find the line of a field path (`timeline.events[3].date`) in a TOML text.

Model errors name a field path; a person editing the file by hand also wants the line.
This reads the file's table headers and keys the way a person would count them. It is
best effort: where it cannot tell (dotted keys, inline tables), it returns None and the
message names the field path alone.

A file is read once for its table headers (one regular-expression pass, in C), and only
as far as the questions asked need; a key is then looked up only in the block of its
table. So a file with 50,000 quotes and a problem in each costs at most one pass, not
one per problem.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

_HEADER = (
    r"""^[ \t]*\[\[[ \t]*(?P<array>[^\[\]\n]+?)[ \t]*\]\][ \t]*(?:#[^\n]*)?$"""
    r"""|^[ \t]*\[[ \t]*(?P<table>[^\[\]\n]+?)[ \t]*\][ \t]*(?:#[^\n]*)?$"""
)
# A key at the start of a line; a multi-line string value is consumed whole, so lines
# inside it are never taken for keys or headers.
_KEY = (
    r"""^[ \t]*(?P<key>"[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_-]+)[ \t]*="""
    r"""(?:[ \t]*(?:\"\"\"(?:\\.|[^\\])*?\"\"\"|'''[\s\S]*?'''))?"""
)
# Headers, and keys with a multi-line value: the only keys the header pass must see.
_LONG_VALUE = (
    r"""^[ \t]*(?:"[^"\n]*"|'[^'\n]*'|[A-Za-z0-9_-]+)[ \t]*=[ \t]*"""
    r"""(?:\"\"\"(?:\\.|[^\\])*?\"\"\"|'''[\s\S]*?''')"""
)
_HEADERS = re.compile(_HEADER + "|" + _LONG_VALUE, re.M)
_KEYS = re.compile(_KEY, re.M)

FieldPath = tuple[str | int, ...]


def _name(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in dotted.split("."))


class Locator:
    """Lines of many field paths in one text, read as far as the questions need: the
    first problems of a file with 50,000 quotes lie in its first quotes, and finding
    their lines need not read the other headers."""

    def __init__(self, text: str):
        self.text = text
        self._headers: dict[FieldPath, int] = {}
        # Each table's blocks: (start, end, line of start), in file order.
        self._blocks: dict[FieldPath, list[tuple[int, int, int]]] = {}
        self._scan = self._read_headers()
        self._done = False

    def _read_headers(self) -> Iterator[FieldPath]:
        """Yields each table as its block closes (the next header begins)."""
        text = self.text
        headers, blocks = self._headers, self._blocks
        counts: dict[tuple[str, ...], int] = {}
        names: dict[str, tuple[str, ...]] = {}  # "quotes" is read 50,000 times, split once
        current: FieldPath = ()
        start = counted = 0
        line = start_line = 1
        for m in _HEADERS.finditer(text):
            kind = m.lastgroup
            if kind is None:
                continue  # a key with a multi-line value: skipped whole
            here = m.start()
            line += text.count("\n", counted, here)
            counted = here
            blocks.setdefault(current, []).append((start, here, start_line))
            closed = current
            raw = m.group(kind)
            name = names.get(raw) or names.setdefault(raw, _name(raw))
            if kind == "array":
                index = counts.get(name, 0)
                counts[name] = index + 1
                current = (*name, index)
            else:
                current = name
            headers.setdefault(current, line)
            start, start_line = here, line
            yield closed
        blocks.setdefault(current, []).append((start, len(text), start_line))

    def _read_until(self, closed: Callable[[], bool]) -> None:
        while not self._done and not closed():
            if next(self._scan, None) is None:
                self._done = True

    def _key_line(self, table: FieldPath, key: str) -> int | None:
        # A table's block is whole once the header after it is read (TOML defines a
        # table once); a table without a header of its own needs the whole file.
        self._read_until(lambda: table in self._blocks and (table == () or table in self._headers))
        for start, end, line in self._blocks.get(table, ()):
            for m in _KEYS.finditer(self.text, start, end):
                if m.group("key").strip("\"'") == key:
                    return line + self.text.count("\n", start, m.start())
        return None

    def _header_line(self, part: FieldPath) -> int | None:
        # Headers are names with at most an array's index at the end: `quotes[0].text`
        # is never one, and asking for it must not read the file to its end.
        if any(isinstance(p, int) for p in part[:-1]):
            return None
        self._read_until(lambda: part in self._headers)
        return self._headers.get(part)

    def __call__(self, loc: Sequence[str | int]) -> int | None:
        """The line of the deepest part of `loc` that the file spells out, or None."""
        for end in range(len(loc), 0, -1):
            part = tuple(loc[:end])
            line = self._header_line(part)
            if line is None and isinstance(part[-1], str):
                line = self._key_line(part[:-1], part[-1])
            if line is not None:
                return line
        return None


def locate(text: str, loc: Sequence[str | int]) -> int | None:
    """The line of one field path; for many, use one Locator."""
    return Locator(text)(loc)
