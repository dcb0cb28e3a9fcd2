"""Bound the nesting of arrays and inline tables before tomllib reads a file.

tomllib parses nested arrays and inline tables by recursion, so `x = [[[[…]]]]` ten
thousand deep ends in RecursionError. A linear pass over the text counts bracket depth
outside strings and comments, and names the first bracket too deep. Deep dotted keys
(`a.a.a… = 1`) need no guard here: tomllib builds them in a loop, and the model refuses
them as unknown fields."""

from __future__ import annotations

import re
from itertools import accumulate
from typing import Any

from .errors import Finding

# A session nests five levels deep (quotes[3].people[0]); hand-written inline tables
# may add a few. Far below where tomllib's recursion would fail (about 300).
MAX_NESTING = 32

# Strings and comments, where brackets are words. Every form matches even when
# unterminated (to the end of its line, or of the text), so no position is tried
# twice: the scan stays linear on hostile input.
_WORDS = (
    r'"""(?:\\.|[^\\])*?(?:"""(?!")|\Z)'
    r"|'''.*?(?:'''(?!')|\Z)"
    r'|"[^"\\\n]*(?:\\.[^"\\\n]*)*(?:"|$)'
    r"|'[^'\n]*(?:'|$)"
    r"|#[^\n]*"
)
# Everything but the brackets, removed in C: what is left is the brackets alone.
_NOT_BRACKETS = re.compile(_WORDS + r"""|[^\[\]{}"'#]+""", re.S | re.M)
_TOKEN = re.compile(_WORDS + r"|[\[\]{}]", re.S | re.M)


def nesting_problem(text: str, limit: int = MAX_NESTING) -> Finding | None:
    """The place where brackets nest deeper than `limit`, or None."""
    brackets = _NOT_BRACKETS.sub("", text)
    if len(brackets) <= limit:
        return None
    depths = list(accumulate(1 if c in "[{" else -1 for c in brackets))
    if max(depths) <= limit and min(depths) >= 0:
        return None  # the common case, in about a tenth of tomllib's time
    return _first_too_deep(text, limit)


def nests_deeper_than(data: Any, limit: int) -> bool:
    """Whether parsed TOML holds containers more than `limit` deep, the document itself
    counted. Its text nests its brackets at least one level less: every `[` or `{` of
    a value is a list or table inside the table the value is in, and a header's one or
    two brackets lie under a table or an array of tables of its own. So a text whose
    data is at most `limit + 1` deep passes `nesting_problem`, unread: a tenth of the
    time of the scan, which was a quarter of reading a big session."""
    level, depth = [data], 1
    while level:
        if depth > limit:
            return True
        below: list[Any] = []
        for node in level:  # parsed TOML: plain dicts and lists
            below += [v for v in (node.values() if type(node) is dict else node) if type(v) is dict or type(v) is list]
        level, depth = below, depth + 1
    return False


def _first_too_deep(text: str, limit: int) -> Finding | None:
    """The same count token by token, with where each bracket is; a stray closing
    bracket (invalid TOML, which tomllib will report) never counts below zero."""
    depth = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token == "[" or token == "{":
            depth += 1
            if depth > limit:
                start = match.start()
                line = text.count("\n", 0, start) + 1
                column = start - (text.rfind("\n", 0, start) + 1) + 1
                return Finding("too_deep", {"limit": limit}, line=line, column=column)
        elif token == "]" or token == "}":
            depth = max(depth - 1, 0)
    return None
