"""Dates as people say them in a room and write them in case files, in Dutch and
English: `2019-03`, `14-3-2019`, `maart 2019`, `14 March 2019`, `voorjaar 2019`,
`eind 2019`, `na de scheiding`. Each becomes a partial ISO date the timeline can sort,
and the words are kept as the event's date label."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..i18n import t
from ..model.dates import PartialDateError, parse_partial

MONTHS = {
    **dict.fromkeys(("januari", "jan", "january"), 1),
    **dict.fromkeys(("februari", "feb", "febr", "february"), 2),
    **dict.fromkeys(("maart", "mrt", "mar", "march", "maa"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("mei", "may"), 5),
    **dict.fromkeys(("juni", "jun", "june"), 6),
    **dict.fromkeys(("juli", "jul", "july"), 7),
    **dict.fromkeys(("augustus", "aug", "august"), 8),
    **dict.fromkeys(("september", "sep", "sept"), 9),
    **dict.fromkeys(("oktober", "okt", "october", "oct"), 10),
    **dict.fromkeys(("november", "nov"), 11),
    **dict.fromkeys(("december", "dec"), 12),
}
# A season or part of a year is placed at a month in it, so it sorts among real dates.
PERIODS = {
    **dict.fromkeys(("voorjaar", "lente", "spring"), 4),
    **dict.fromkeys(("zomer", "summer", "zomervakantie"), 7),
    **dict.fromkeys(("najaar", "herfst", "autumn", "fall", "herfstvakantie"), 10),
    **dict.fromkeys(("winter",), 1),
    **dict.fromkeys(("begin", "early", "start", "eerste helft"), 2),
    **dict.fromkeys(("midden", "medio", "mid", "halverwege", "middle"), 6),
    **dict.fromkeys(("eind", "einde", "late", "end", "tweede helft"), 11),
}
RELATIVE = ("na", "voor", "rond", "rondom", "tijdens", "after", "before", "around", "during")
ARTICLES = {"de", "het", "een", "the", "a", "an", "of", "van"}

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[-/.](\d{4})$")
_WORD = r"[a-zà-ÿ]+\.?"
_NAMED = re.compile(rf"^(?:(\d{{1,2}})(?:st|nd|rd|th|e)?\s+)?({_WORD})\s+(\d{{4}})$")
_NAMED_US = re.compile(rf"^({_WORD})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})$")
_PERIOD = re.compile(rf"^((?:{'|'.join(sorted(map(re.escape, PERIODS), key=len, reverse=True))}))(?:\s+of)?\s+(?:({_WORD})\s+)?(\d{{4}})$")


@dataclass(frozen=True)
class When:
    date: str
    label: str


@dataclass
class WhenError(ValueError):
    key: str
    params: dict = field(default_factory=dict)

    def __str__(self) -> str:
        return self.message()

    def message(self) -> str:
        return t(self.key, **self.params)


def _iso(year: int, month: int = 0, day: int = 0, text: str = "") -> str:
    if month and not 1 <= month <= 12:
        raise WhenError("dates.no_month", {"text": text, "month": month})
    if year < 1900:
        raise WhenError("dates.too_early", {"text": text, "year": year})
    if day:
        try:
            dt.date(year, month, day)
        except ValueError:
            raise WhenError("dates.impossible", {"text": text}) from None
        return f"{year:04d}-{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}" if month else f"{year:04d}"


def parse_when(text: str, events: Sequence = (), anchor: str | None = None) -> When:
    """A partial ISO date and the words as said; WhenError with a clear message else."""
    said = " ".join(str(text).split())
    low = said.casefold().rstrip(".,:;")
    if not low:
        raise WhenError("dates.not_a_date", {"text": said})
    if m := _ISO.match(low):
        year, month, day = (int(g) if g else 0 for g in m.groups())
        iso = _iso(year, month, day, said)
        plain = len(low) in (4, 7, 10)  # written as ISO already: no label needed
        return When(iso, "" if plain else said)
    if m := _DAY_FIRST.match(low):
        day, month, year = map(int, m.groups())
        return When(_iso(year, month, day, said), said)
    if m := _MONTH_YEAR.match(low):
        month, year = map(int, m.groups())
        return When(_iso(year, month, 0, said), said)
    if (m := _NAMED.match(low)) and m.group(2).rstrip(".") in MONTHS:
        day = int(m.group(1) or 0)
        return When(_iso(int(m.group(3)), MONTHS[m.group(2).rstrip(".")], day, said), said)
    if (m := _NAMED_US.match(low)) and m.group(1).rstrip(".") in MONTHS:
        return When(_iso(int(m.group(3)), MONTHS[m.group(1).rstrip(".")], int(m.group(2)), said), said)
    if m := _PERIOD.match(low):
        period, month_word, year = m.group(1), m.group(2), int(m.group(3))
        if month_word and month_word.rstrip(".") in MONTHS:  # "begin maart 2019"
            return When(_iso(year, MONTHS[month_word.rstrip(".")], 0, said), said)
        if month_word is None:
            return When(_iso(year, PERIODS[period], 0, said), said)
    first, _, rest = low.partition(" ")
    if first in RELATIVE and rest:
        found = _refer(rest, events)
        if found is not None:
            return When(found, said)
        if anchor:
            return When(anchor, said)
        raise WhenError("dates.unknown_reference", {"text": said})
    raise WhenError("dates.not_a_date", {"text": said})


def _refer(words: str, events: Sequence) -> str | None:
    """The date of the event whose title holds these words (articles aside)."""
    wanted = [w for w in re.findall(r"\w+", words.casefold()) if w not in ARTICLES]
    if not wanted:
        return None
    best, score = None, 0
    for event in events:
        title = set(re.findall(r"\w+", event.title.casefold()))
        hits = sum(1 for w in wanted if w in title or any(x.startswith(w) for x in title))
        if hits > score:
            best, score = event, hits
    return best.date if best is not None and score == len(wanted) else None


def split_when(line: str, events: Sequence = (), anchor: str | None = None) -> tuple[When | None, str]:
    """The longest run of words at the start of the line that is a date, and the rest.
    A relative date ("na de scheiding ...") only counts when that event exists."""
    words = line.split()
    for n in range(min(len(words), 6), 0, -1):
        head = " ".join(words[:n])
        try:
            when = parse_when(head, events, None)
        except WhenError as error:
            if error.key == "dates.impossible" or error.key == "dates.no_month":
                raise  # it is a date, a wrong one: say so rather than make it the title
            continue
        rest = " ".join(words[n:]).lstrip(":-–—, ")
        return when, rest
    return None, line.strip()


def is_valid(date: str) -> bool:
    try:
        parse_partial(date)
    except PartialDateError:
        return False
    return True
