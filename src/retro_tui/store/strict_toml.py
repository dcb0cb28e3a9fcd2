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
also sends the file to tomllib); a file the app wrote passes them."""

from __future__ import annotations

import re
import tomllib
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
    if _rtoml_reads_it_as_tomllib(text):
        try:
            # tomllib turns a CRLF in a multi-line string into LF; the rest of a file is
            # the same with either line end.
            data = rtoml.loads(text.replace("\r\n", "\n") if "\r" in text else text)
        except Exception:
            pass  # whatever rtoml refuses, tomllib judges and says why in the store's words
        else:
            # rtoml's own tree is freed now, but would stay resident: 18 MB of a big
            # session's peak, 5 of them kept for good (measured with bench/memory.py).
            give_back_freed_memory()
            return data
    return tomllib.loads(text)


def _rtoml_reads_it_as_tomllib(text: str) -> bool:
    if text.startswith("\ufeff"):
        return False  # rtoml skips a byte-order mark; tomllib refuses one (the store drops the first)
    if _NEW_ESCAPE.search(text) or _NOT_PLAIN_TIME.search(text):
        return False
    return _inline_tables_on_one_line(text)


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
        except tomllib.TOMLDecodeError:
            return False
        start = text.find("{", end)
    return True
