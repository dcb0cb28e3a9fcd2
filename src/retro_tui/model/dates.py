"""Partial dates as case files have them: a year, a month, or a day.

A timeline event may only be known as "2019" or "March 2019". We store the known part
as an ISO prefix (`2019`, `2019-03`, `2019-03-14`) so the file stays readable and the
events still sort: an unknown month or day sorts at the start of its year or month.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Annotated

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class PartialDateError(ValueError):
    """The text is not a partial ISO date, or names a day that does not exist."""


def parse_partial(text: str) -> tuple[int, int, int]:
    """Return (year, month, day) with 0 for the unknown parts; raise on an impossible date."""
    m = _PARTIAL.match(text)
    if not m:
        raise PartialDateError(f"not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: {text!r}")
    year = int(m.group(1))
    month = int(m.group(2) or 0)
    day = int(m.group(3) or 0)
    if year < 1900:
        raise PartialDateError(f"year {year} is before 1900")
    if m.group(2) is not None and not 1 <= month <= 12:
        raise PartialDateError(f"month {month:02d} does not exist")
    if m.group(3) is not None:
        try:
            dt.date(year, month, day)
        except ValueError:
            raise PartialDateError(f"{text} is not a day in the calendar") from None
    return year, month, day


def _check(text: str) -> str:
    if not _PARTIAL.match(text):
        raise PydanticCustomError(
            "partial_date", "not a date of the form YYYY, YYYY-MM or YYYY-MM-DD", {"value": text}
        )
    try:
        parse_partial(text)
    except PartialDateError as error:
        raise PydanticCustomError("impossible_date", str(error), {"value": text}) from None
    return text


PartialDate = Annotated[str, AfterValidator(_check)]


@lru_cache(maxsize=8192)  # sorting a big timeline on every change must stay cheap
def sort_key(text: str) -> tuple[int, int, int]:
    """Sort key of a valid partial date: unknown parts sort first within their period."""
    return parse_partial(text)
