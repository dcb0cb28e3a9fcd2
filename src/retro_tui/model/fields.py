"""The field types every session record is built from: cleaned text, one-line names,
local time stamps, and the base models that refuse unknown keys."""


import datetime as dt
import itertools
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from .ids import Id


def _naive_local(value: dt.datetime) -> dt.datetime:
    # A hand-edited file may carry an offset; the session works in local wall-clock time.
    if value.tzinfo is not None:
        value = value.astimezone().replace(tzinfo=None)
    return value


# Control characters other than line break and tab: an escape sequence in a title is
# run by the terminal that shows it, a NUL breaks Word, a lone CR hides text.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAK = re.compile("[\n\u2028\u2029]")


def _clean_text(value: str) -> str:
    # Text pasted from Windows carries CRLF; TOML multi-line strings would fold it anyway.
    value = value.replace("\r\n", "\n")
    if found := _CONTROL.search(value):
        raise PydanticCustomError(
            "control_character",
            "contains the control character {char} at position {position}",
            {"char": f"U+{ord(found.group()):04X}", "position": found.start() + 1},
        )
    return value


def _one_line(value: str) -> str:
    # A title or a name becomes an e-mail subject, a calendar summary, a heading.
    value = _clean_text(value)
    if _LINE_BREAK.search(value):
        raise PydanticCustomError("one_line", "must be one line, without line breaks")
    return value


Stamp = Annotated[dt.datetime, AfterValidator(_naive_local)]
Text = Annotated[str, AfterValidator(_clean_text)]


class WrittenAlong:
    """Marks a text people type into at the same time, each in their own app (a step's
    notes, a meeting's summary): two writers' versions are merged line by line
    (store/merge.py), and lines both changed are kept aside to be settled (ui/clashes.py)."""


WRITTEN_ALONG = WrittenAlong()
# Free prose typed straight into the session, in a box of its own.
Prose = Annotated[str, AfterValidator(_clean_text), WRITTEN_ALONG]
Name = Annotated[str, Field(min_length=1), AfterValidator(_clean_text)]
# Fields shown on one line everywhere: names, titles, organisations, roles.
Line = Annotated[str, AfterValidator(_one_line)]
NameLine = Annotated[str, Field(min_length=1), AfterValidator(_one_line)]
TagId = Annotated[str, Field(pattern=r"^(pattern|limiting|helpful|element|commitment)\.[a-z0-9_]+$")]


def new_list() -> list:
    # The default of the many list fields. pydantic inspects each default factory's
    # signature while it builds the models, and `list`'s is parsed from its text
    # signature: a quarter of a millisecond per field, some 8 ms of every start.
    return []


class Model(BaseModel):
    # Unknown keys are refused: in a hand-edited file they are almost always typos.
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def model_post_init(self, context: Any, /) -> None:
        # pydantic gives each model a set of the fields it was given (728 bytes for a
        # quote's five: 5 MB for a big session), for `exclude_unset` and
        # `model_fields_set`, neither of which retro-tui asks (test_model.py checks).
        # One set shared by all costs nothing; pydantic only ever adds names to it.
        object.__setattr__(self, "__pydantic_fields_set__", _FIELDS_SET)

    def __setattr__(self, name: str, value: object) -> None:
        super().__setattr__(name, value)
        # The autosave re-dumps only the records set since its last snapshot
        # (store/snapshots.py): each assignment is where a record changes.
        touched[id(self)] = next(_ticks)


_FIELDS_SET: set[str] = set()

# id of a model -> the tick of its latest assignment. An id reused by a new object
# finds an old tick: at worst one needless re-dump, never a stale one.
touched: dict[int, int] = {}
_ticks = itertools.count(1)


def tick() -> int:
    """The newest assignment's tick so far (a snapshot's "as of")."""
    return next(_ticks)


class Entity(Model):
    id: Id


class Remark(Entity):
    """One observation or agreement: a line of text with an id."""

    text: Name
