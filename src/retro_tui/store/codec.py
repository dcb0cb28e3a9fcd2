"""TOML text <-> Session. Reading reports every problem with its line and field path.

Writing is deterministic: fields in model order (which is method order), defaults left
out so the file shows what was actually said, long text as multi-line strings. So the
same session always gives the same bytes.
"""

from __future__ import annotations

import ast
import functools
import re
import reprlib
import tomllib
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..method import catalogue_ids, kind_steps
from ..model import SCHEMA_VERSION, Session, find_problems, format_loc
from .errors import Finding, SessionError
from .locate import Locator
from .nesting import MAX_NESTING, nesting_problem, nests_deeper_than
from .render_process import render_toml
from .strict_toml import read_fast

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$|\s*\(at end of document\)\s*$")

# pydantic error types we explain in the user's language; others fall back to `other`.
_KNOWN_TYPES = {
    "missing", "extra_forbidden", "string_type", "string_too_short", "string_pattern_mismatch",
    "int_type", "int_parsing", "int_from_float", "greater_than_equal", "less_than_equal",
    "bool_type", "bool_parsing", "enum", "date_type", "date_parsing", "date_from_datetime_inexact",
    "date_from_datetime_parsing", "datetime_type", "datetime_parsing", "datetime_from_date_parsing",
    "list_type", "model_type", "model_attributes_type", "dict_type", "partial_date",
    "impossible_date", "relation_to_self", "pause_order", "catalogue_label",
    "control_character", "one_line",
}


def snapshot(session: Session) -> dict[str, Any]:
    """Plain data of the session, cheap enough for the UI thread; render it elsewhere."""
    return session.model_dump(mode="python", by_alias=True, exclude_defaults=True)


def render(data: dict[str, Any]) -> str:
    """The TOML text of a snapshot: the slow part of a save, safe off the UI thread."""
    return render_toml(data)


def dumps(session: Session) -> str:
    return render(snapshot(session))


# tomllib's reasons (English) mapped to keys under `toml.` so they can be translated.
_TOML_REASONS = [
    (re.compile(p), key)
    for p, key in [
        (r"^Expected newline or end of document after a statement$", "newline_expected"),
        (r"^Invalid value$", "invalid_value"),
        (r"^Cannot overwrite a value$", "overwrite"),
        (r"^Invalid initial character for a key part$", "key_start"),
        (r"^Expected '=' after a key in a key/value pair$", "equals_expected"),
        (r"^Unescaped '\\' in a string$", "backslash"),
        (r"^Cannot declare (?P<key>.+) twice$", "declared_twice"),
        (r"^Expected '\]' at the end of a table declaration$", "table_close"),
        (r"^Expected '\]\]' at the end of an array declaration$", "array_table_close"),
        (r"^Invalid statement$", "statement"),
        (r"^Invalid hex value$", "hex"),
        (r"^(?:Illegal|Found invalid) character (?P<char>.+)$", "character"),
        (r"^Unclosed inline table$", "inline_unclosed"),
        (r"^Unclosed array$", "array_unclosed"),
        (r"^Unterminated string$", "string_unterminated"),
        (r"^Cannot mutate immutable namespace (?P<key>.+)$", "immutable"),
        (r"^Invalid date or datetime$", "datetime"),
        (r"^Escaped character is not a Unicode scalar value$", "scalar"),
        (r"^Cannot redefine namespace (?P<key>.+)$", "redefine"),
        (r"^Duplicate inline table key (?P<key>.+)$", "inline_duplicate"),
        (r"^Expected (?P<quote>\S+)$", "quote_expected"),
    ]
]


def _key_name(raw: str) -> str:
    """`('tab', 'arr')` -> `tab.arr`, as the user wrote it."""
    try:
        value = ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        return raw
    return ".".join(value) if isinstance(value, tuple) else str(value)


def syntax_finding(error: tomllib.TOMLDecodeError, text: str) -> Finding:
    message = str(error)
    m = _TOML_POSITION.search(message)
    reason = message[: m.start()] if m else message
    if m and m.group(1):
        line, column = int(m.group(1)), int(m.group(2))
    else:
        line, column = text.count("\n") + 1, None
    for pattern, key in _TOML_REASONS:
        if match := pattern.match(reason):
            params = match.groupdict()
            if "key" in params:
                params["key"] = _key_name(params["key"])
            return Finding(f"toml.{key}", params, line=line, column=column)
    return Finding("toml_syntax", {"reason": reason}, line=line, column=column)


# reprlib stops at a depth and a length: a value nested 10,000 deep (dotted keys) or a
# megabyte long is shown as its start, without recursing through all of it.
_SHORT = reprlib.Repr()  # Python 3.11 takes no arguments here
_SHORT.maxlevel, _SHORT.maxstring, _SHORT.maxother, _SHORT.maxdict, _SHORT.maxlist = 3, 60, 60, 4, 4


def _value(value: Any) -> str:
    text = _SHORT.repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class _Shown:
    """A value from the file, written out only when a message shows it: a file with
    50,000 problems shows eight, and need not write out the other 49,992."""

    __slots__ = ("value",)

    def __init__(self, value: Any):
        self.value = value

    def __str__(self) -> str:
        return _value(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    __repr__ = __str__


# Problems described in full; beyond these a file's problems are only counted. A
# message shows eight, and a file with a problem in each of 50,000 quotes must still
# get its answer in about the time it takes to parse.
DESCRIBED = 100


def describe_validation(error: ValidationError, text: str | None = None, limit: int | None = None) -> list[Finding]:
    """Each model error (the first `limit`) as a Finding in the user's language, with
    its line when the file's text is given (a form has no lines, only fields)."""
    findings = []
    locate = Locator(text) if text is not None else None
    for item in error.errors(include_url=False)[:limit]:
        loc = item["loc"]
        kind = item["type"] if item["type"] in _KNOWN_TYPES else "other"
        if item.get("input", ...) is None and kind.endswith("_type"):
            kind = "missing"  # a field left empty in a form: "required", not "not None"
        params = {str(k): v for k, v in (item.get("ctx") or {}).items()}
        params.update(value=_Shown(item.get("input")), detail=item["msg"])
        if kind == "enum":  # pydantic joins the choices with an English "or"
            params["expected"] = ", ".join(re.findall(r"'[^']*'", str(params.get("expected", ""))))
        line = locate(loc) if locate is not None else None
        findings.append(Finding(kind, params, line=line, field=format_loc(loc) or None))
    return findings


def _schema_version(data: dict[str, Any], text: str) -> list[Finding]:
    version = data.get("schema_version")
    if version == SCHEMA_VERSION and not isinstance(version, bool):
        return []  # the common case: no need to scan the file for a line
    where: dict[str, Any] = {"field": "schema_version", "line": Locator(text)(("schema_version",))}
    if version is None:
        return [Finding("schema_missing", {"supported": SCHEMA_VERSION}, **where)]
    if not isinstance(version, int) or isinstance(version, bool):
        return [Finding("schema_not_int", {"value": _value(version)}, **where)]
    if version > SCHEMA_VERSION:
        return [Finding("schema_newer", {"version": version, "supported": SCHEMA_VERSION}, **where)]
    return [Finding("schema_unknown", {"version": version}, **where)]


def decode(raw: bytes, path: Path) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SessionError(path, [Finding("not_utf8", {}, line=line)]) from None
    # Notepad and some spreadsheets write a byte-order mark; it is not part of the TOML.
    return text.removeprefix("\ufeff")


@functools.cache
def _record_types() -> dict[tuple[str, ...], type[BaseModel]]:
    """The session's lists of records by their place in the file (`quotes`,
    `timeline.events`): at the top or one section down, as the file's runs of
    `[[...]]` tables are."""
    found: dict[tuple[str, ...], type[BaseModel]] = {}

    def record(annotation: Any) -> type[BaseModel] | None:
        args = typing.get_args(annotation)
        if typing.get_origin(annotation) is list and len(args) == 1 and isinstance(args[0], type) and issubclass(args[0], BaseModel):
            return args[0]
        return None

    for name, info in Session.model_fields.items():
        key = info.alias or name
        if (item := record(info.annotation)) is not None:
            found[(key,)] = item
        elif isinstance(info.annotation, type) and issubclass(info.annotation, BaseModel):
            for inner, inner_info in info.annotation.model_fields.items():
                if (item := record(inner_info.annotation)) is not None:
                    found[(key, inner_info.alias or inner)] = item
    return found


def _validated(run: tuple[str, ...], tables: list[Any]) -> list[Any] | None:
    """A run of a big file's records, validated as soon as its piece is read, so that
    its dicts are freed while the next piece is read and the next piece's dicts reuse
    their memory: validated after the whole file, they left 4 MB of freed blocks among
    the big session's records, resident for good. The session takes records that are
    models as they are. A run with a problem stays as read: the session's validation
    then names its problems where they are in the file, as it always did."""
    record = _record_types().get(run)
    if record is None:
        return None
    validate = record.__pydantic_validator__.validate_python
    try:
        return [validate(table) for table in tables]
    except ValidationError:
        return None


def loads(text: str, path: Path) -> Session:
    """Parse and validate a session; raise SessionError naming every problem."""
    data = read_fast(text, _validated)
    # The scan guards tomllib's recursion, and names a too deep bracket first, before
    # any other problem: only a text tomllib reads, or rtoml found deep, needs it.
    if (data is None or nests_deeper_than(data, MAX_NESTING + 1)) and (too_deep := nesting_problem(text)):
        raise SessionError(path, [too_deep])
    if data is None:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise SessionError(path, [syntax_finding(error, text)]) from None
    if findings := _schema_version(data, text):
        raise SessionError(path, findings)
    try:
        session = Session.model_validate(data)
    except ValidationError as error:
        raise SessionError(path, describe_validation(error, text, DESCRIBED), total=error.error_count()) from None
    problems = find_problems(session, catalogue_ids(), kind_steps())
    if problems:
        locate = Locator(text)
        raise SessionError(
            path,
            [Finding(p.key, dict(p.params), line=locate(p.loc), field=format_loc(p.loc)) for p in problems[:DESCRIBED]],
            total=len(problems),
        )
    return session
