"""A session file's TOML read as tomllib reads it, at rtoml's speed where that is safe.

tomllib (the standard library) is the judge: it implements TOML 1.0 exactly and its
errors are the ones the store explains. It is also slow: 0.9 s for a 6 MB file, most
of `check` and a third of a big export. rtoml (Rust) parses the same text in a tenth of
that, but it reads TOML 1.1, which allows what 1.0 refuses: `\\e` and `\\xHH` escapes,
times without seconds, line breaks and a trailing comma in inline tables; and it skips
a byte-order mark (found by running both over tests/data/toml-test-invalid). It also
differs in two values: the time zone object of an offset time, and a CRLF inside a
multi-line string (tomllib gives LF).

So rtoml reads a text only when none of those can be in it, and tomllib reads every
other text and every text rtoml refuses: a file is refused exactly when tomllib
refuses it, with tomllib's words. The screens are conservative (a `\\e` inside a quote
also sends the file to tomllib); a file the app wrote passes them.

A big text is given to rtoml in pieces (`_in_pieces`): rtoml builds a tree of its own
beside the text before it makes the Python objects, 24 MB at its peak for a session of
5,000 quotes and 2,000 events, the top of the app's memory while it opens one; a piece
of 32 KB needs a tree of its size only."""

from __future__ import annotations

import functools
import itertools
import re
import tomllib
from collections.abc import Callable
from typing import Any

import rtoml

from ..platform_calls import give_back_freed_memory

# A TOML 1.1 escape (`\e`, `\xHH`), or an escaped backslash before e or x (harmless,
# but telling them apart needs a parser).
_NEW_ESCAPE = re.compile(r"\\[ex]")
# A time of day that is not HH:MM:SS[.fraction] without an offset: a 1.1 time without
# seconds, or an offset time (rtoml gives it another tzinfo than tomllib, which an error
# message would show). Also catches "om 17:45" in a text, which tomllib then reads.
# Found from its colon (the pattern starting with `\d\d` was tried at every digit of a
# 6 MB file: a quarter of a second); the look-behinds ask for HH before it, not after
# another digit or colon.
_NOT_PLAIN_TIME = re.compile(r":\d\d(?<=\d\d:\d\d)(?<![\d:]\d\d:\d\d)(?!:\d\d(?:\.\d+)?(?![\dZz+\-:]))")


def parse(text: str) -> dict[str, Any]:
    """tomllib.loads(text), the same data or the same TOMLDecodeError."""
    data = read_fast(text)
    return tomllib.loads(text) if data is None else data


# Given a run's path and its tables as read, what to keep of them instead, or None to
# keep them as they are.
Take = Callable[[tuple[str, ...], list[Any]], "list[Any] | None"]


def read_fast(text: str, take: Take | None = None) -> dict[str, Any] | None:
    """rtoml's reading of `text` where it is tomllib's too; None where tomllib must
    judge the text (which it may refuse). rtoml stops at a nesting depth of its own
    (about 80) with an error, where tomllib's recursion could fail.

    A big text is read in pieces, and `take` is given each run of an array of tables
    as soon as its piece is read (the store validates the records there, so their
    dicts are let go while the next piece is read, and that piece's take their place
    in memory)."""
    if _rtoml_reads_it_as_tomllib(text):
        # tomllib turns a CRLF in a multi-line string into LF; the rest of a file is
        # the same with either line end.
        fast = text.replace("\r\n", "\n") if "\r" in text else text
        try:
            data = _in_pieces(fast, take) if len(fast) >= PIECEWISE_FROM else None
            if data is None:
                data = rtoml.loads(fast)
        except Exception:
            pass  # whatever rtoml refuses, tomllib judges and says why in the store's words
        else:
            # rtoml's trees are freed now, but would stay resident in the reading
            # thread's arena, where the rest of the app never reuses them.
            give_back_freed_memory()
            return data
    return None


def _rtoml_reads_it_as_tomllib(text: str) -> bool:
    if text.startswith("\ufeff"):
        return False  # rtoml skips a byte-order mark; tomllib refuses one (the store drops the first)
    if _NEW_ESCAPE.search(text) or _NOT_PLAIN_TIME.search(text):
        return False
    return _no_table_over_an_earlier_array(text) and _inline_tables_on_one_line(text)


# A header line, indented or not, with bare keys (spaces around the dots allowed); the
# text's first line is looked at with a newline put before it. Found from its line
# break: a pattern that may also start at the text's start tries every position.
_HEADER_LINE = re.compile(r"\n[ \t]*(\[\[?[ \t]*[A-Za-z0-9_-]+(?:[ \t]*\.[ \t]*[A-Za-z0-9_-]+)*)[ \t]*\]")


def _no_table_over_an_earlier_array(text: str) -> bool:
    """No `[a]` after an `[[a.c]]`: below such a header rtoml lets a dotted key
    (`c.x = 1`) reach into the array of tables, where tomllib refuses the file. The app
    writes a table before the tables under it, so its files pass; a header-like line in
    a multi-line string only sends the file to tomllib."""
    under_arrays: set[tuple[str, ...]] = set()  # every table an earlier `[[...]]` lies in
    first = _HEADER_LINE.match("\n" + text[: text.find("\n") + 1 or len(text)])
    seen: set[str] = set()  # a session repeats a dozen headers thousands of times
    for header in itertools.chain([first.group(1)] if first else [], _HEADER_LINE.findall(text)):
        if header in seen:
            continue
        seen.add(header)
        path = tuple(key.strip(" \t") for key in header.lstrip("[ \t").split("."))
        if header.startswith("[["):
            under_arrays.update(path[:depth] for depth in range(1, len(path)))
        elif path in under_arrays:
            return False
    return True


def _inline_tables_on_one_line(text: str) -> bool:
    """Every line that holds a `{` is a whole TOML 1.0 document by itself. An inline
    table that goes on past its line, or ends in a comma, fails that on the line that
    opens it; a `{` in a string (one line, or a line of a multi-line string that is no
    statement) costs only a look at that line. The app writes inline tables on one line
    (`seconds_per_step = {...}`), so its files take rtoml's way."""
    start = text.find("{")
    while start != -1:
        begin = text.rfind("\n", 0, start) + 1
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        try:
            tomllib.loads(text[begin:end])
        except (tomllib.TOMLDecodeError, RecursionError):  # a deep line: the scan names it
            return False
        start = text.find("{", end)
    return True


# Texts from this size on are parsed in pieces of about PIECE characters.
PIECEWISE_FROM = 256 * 1024
PIECE = 32 * 1024

# A line that may be a table header: one that starts with `[` (at the top level nothing
# else does; inside a multi-line string or array it is no header, which the parse of
# the piece before it tells, below). Indented headers are not looked for (a regular
# expression that tries every line's start takes 15 ms over a big session, this one
# 2): a piece that holds one has a key more than its run, or one already there, and
# goes to the whole text's parse.
_HEADER_LIKE = re.compile(r"\n\[[^\n]*")
_PATH = r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*"
_ARRAY_HEADER = re.compile(rf"\[\[({_PATH})\]\]")
_TABLE_HEADER = re.compile(rf"\[({_PATH})\]")


def _in_pieces(text: str, take: Take | None = None) -> dict[str, Any] | None:
    """rtoml's reading of `text`, parsed piece by piece and put together; None when the
    pieces cannot be put together as the whole text reads (then it is parsed whole).

    The text is cut before header lines. Each piece is parsed as a document of its
    own, so a cut that falls inside a multi-line string or array leaves the piece
    before it unfinished, and rtoml refuses that piece: every piece parsed starts at
    the top level, and its first line is a real header. Put together, a piece means
    what it means in the whole text when it only adds what nothing before it touched:
    - a piece whose top-level keys are all new is added as it is;
    - a piece that is a run of one array of tables, `[[a.b]]` with only `[[a.b]]` and
      headers under `a.b.` in it, extends that array when headers made the array and
      the tables on its path (an earlier run did), not a value `a.b = [...]`.
    Anything else is left to the whole text's parse, which gives the same data or
    tomllib's refusal."""
    pieces = _cut(text)
    data: dict[str, Any] = {}
    by_headers: set[tuple[str, ...]] = set()  # paths of tables and arrays made by a run's header
    for start, end, run in pieces:
        try:
            piece = rtoml.loads(text[start:end])
        except Exception:
            return None  # a cut inside a string, say: the whole text's parse judges it
        if run is None:
            if any(key in data for key in piece):
                return None
            data.update(piece)
        elif not _extend(data, piece, run, by_headers, take):
            return None
    return data


def _extend(data: dict[str, Any], piece: dict[str, Any], run: tuple[str, ...], by_headers: set,
            take: Take | None = None) -> bool:
    """Put a run of the array of tables `run` into `data`, as its headers would."""
    node: Any = piece
    for name in run:
        if not (isinstance(node, dict) and list(node) == [name]):
            return False
        node = node[name]
    if not isinstance(node, list):
        return False
    if take is not None and (taken := take(run, node)) is not None:
        node = taken
    into = data
    for depth, name in enumerate(run[:-1], 1):
        if name not in into:
            into[name] = {}
        elif not (isinstance(into[name], dict) and run[:depth] in by_headers):
            return False
        by_headers.add(run[:depth])
        into = into[name]
    last = run[-1]
    if last not in into:
        into[last] = node
    elif isinstance(into[last], list) and run in by_headers:
        into[last].extend(node)
    else:
        return False
    by_headers.add(run)
    return True


def _cut(text: str) -> list[tuple[int, int, tuple[str, ...] | None]]:
    """(start, end, run) of each piece: `run` is the array-of-tables path of a piece
    made of one run of `[[run]]` tables, None for any other piece. A new piece starts
    where a run starts or ends, and within a run every PIECE characters."""
    pieces: list[tuple[int, int, tuple[str, ...] | None]] = []
    start, run, owned = 0, None, set()  # `owned`: top-level names the current other piece declares

    def cut(at: int, new_run: tuple[str, ...] | None) -> None:
        nonlocal start, run
        if at > start:
            pieces.append((start, at, run))
        start, run = at, new_run

    end = text.find("\n")
    first = [(-1, text if end == -1 else text[:end])] if text.startswith("[") else []
    lines = ((m.start(), m.group()[1:]) for m in _HEADER_LIKE.finditer(text))
    for newline, line in itertools.chain(first, lines):
        at = newline + 1  # the line's start
        array, path = _header(line)
        if run is not None:
            if path == run and array:
                if at - start >= PIECE:
                    cut(at, run)
            elif path is None or path[: len(run)] != run or len(path) == len(run):
                cut(at, path if array else None)
                owned = set() if array else {path[0] if path else None}
        elif array and path is not None and path[0] not in owned:
            cut(at, path)
        else:
            owned.add(path[0] if path else None)
    cut(len(text), None)
    return pieces


@functools.lru_cache(maxsize=256)
def _header(line: str) -> tuple[bool, tuple[str, ...] | None]:
    """Whether a header-like line is `[[...]]`, and its path of bare keys (None for
    any other form). A session has a dozen different ones, thousands of times each."""
    header = line.rstrip(" \t")
    array = _ARRAY_HEADER.fullmatch(header)
    named = array or _TABLE_HEADER.fullmatch(header)
    return array is not None, tuple(named.group(1).split(".")) if named else None
