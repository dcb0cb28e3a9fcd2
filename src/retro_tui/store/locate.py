"""Find the line of a field path (`timeline.events[3].date`) in a TOML text.

Model errors name a field path; a person editing the file by hand also wants the line.
This reads the file's table headers and keys the way a person would count them. It is
best effort: where it cannot tell (dotted keys, inline tables), it returns None and the
message names the field path alone.

A file is read once for its table headers (one regular-expression pass, in C); a key is
then looked up only in the block of its table. So a file with 50,000 quotes and a
problem in each costs one pass, not one per problem, nor one Python step per key.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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
    """Lines of many field paths in one text, which is read once, on the first question."""

    def __init__(self, text: str):
        self.text = text
        self._headers: dict[FieldPath, int] | None = None
        # Each table's blocks: (start, end, line of start), in file order.
        self._blocks: dict[FieldPath, list[tuple[int, int, int]]] = {}

    def _read_headers(self) -> dict[FieldPath, int]:
        text = self.text
        headers: dict[FieldPath, int] = {}
        counts: dict[tuple[str, ...], int] = {}
        names: dict[str, tuple[str, ...]] = {}  # "quotes" is read 50,000 times, split once
        blocks = self._blocks
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
        blocks.setdefault(current, []).append((start, len(text), start_line))
        return headers

    def _key_line(self, table: FieldPath, key: str) -> int | None:
        for start, end, line in self._blocks.get(table, ()):
            for m in _KEYS.finditer(self.text, start, end):
                if m.group("key").strip("\"'") == key:
                    return line + self.text.count("\n", start, m.start())
        return None

    def __call__(self, loc: Sequence[str | int]) -> int | None:
        """The line of the deepest part of `loc` that the file spells out, or None."""
        if self._headers is None:
            self._headers = self._read_headers()
        for end in range(len(loc), 0, -1):
            part = tuple(loc[:end])
            line = self._headers.get(part)
            if line is None and isinstance(part[-1], str):
                line = self._key_line(part[:-1], part[-1])
            if line is not None:
                return line
        return None


def locate(text: str, loc: Sequence[str | int]) -> int | None:
    """The line of one field path; for many, use one Locator."""
    return Locator(text)(loc)
