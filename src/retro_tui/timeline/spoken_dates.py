"""Dates as people say them in a room and write them in case files, in Dutch and
English: `2019-03`, `14-3-2019`, `maart 2019`, `14 March 2019`, `voorjaar 2019`,
`eind 2019`, `kerstvakantie 2020`, `na de zomer 2021`, `na de scheiding`. Each becomes a
partial ISO date the timeline can sort, and the words are kept as the event's date label.

A season or holiday sits at its middle month (spring in April); "na" a period is the
month after it and "voor" the month before it, because that is where the room means.
Before or after a plain date or another event keeps that date: the label carries the
nuance. The words live in guess_words.toml, as data.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from ..i18n import t
from ..model.dates import PartialDateError, parse_partial

# The longest opening run of words split_when tries ("kort na de aanmelding bij het wijkteam").
MAX_WORDS = 8
# A line that opens with "voor Lotte ..." means "for Lotte": a word in more event titles
# than this cannot open a line as a reference on its own.
DISTINCT = 3

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_YEAR = re.compile(r"[0-9]{4}")
_DAY = re.compile(r"([0-9]{1,2})(?:st|nd|rd|th|e|ste|de)?")
# Numeric forms in one word, day first as the Dutch write them.
_NUMERIC = (
    (re.compile(r"([0-9]{4})[-/.]([0-9]{1,2})(?:[-/.]([0-9]{1,2}))?"), "ymd"),
    (re.compile(r"([0-9]{1,2})[-/.]([0-9]{4})"), "my"),
    (re.compile(r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})"), "dmy"),
)


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


@cache
def _words() -> dict:
    text = resources.files(__package__).joinpath("guess_words.toml").read_text("utf-8")
    return tomllib.loads(text)["dates"]


@cache
def _relations() -> list[tuple[list[str], str]]:
    # Longest phrase first, so "ten tijde van" wins over a one-word relation.
    pairs = [(phrase.split(), rel) for rel in ("after", "before", "around") for phrase in _words()[rel]]
    return sorted(pairs, key=lambda pair: -len(pair[0]))


def _iso(year: int, month: int = 0, day: int = 0, text: str = "") -> str:
    if month and not 1 <= month <= 12:
        raise WhenError("dates.no_month", {"text": text, "month": month})
    if year < 1900:
        raise WhenError("dates.too_early", {"text": text, "year": year})
    if year > 9999:  # only "na eind 9999" gets here
        raise WhenError("dates.not_a_date", {"text": text})
    if day:
        try:
            dt.date(year, month, day)
        except ValueError:
            raise WhenError("dates.impossible", {"text": text}) from None
        return f"{year:04d}-{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}" if month else f"{year:04d}"


def _tokens(low: str) -> list[str]:
    low = re.sub(r"(?<=[^\W\d_])-(?=[0-9])", " ", low.replace(",", " "))  # "mid-2019"
    return re.sub(r"\.(?![0-9])", " ", low).split()  # "mrt." but not "14.3.2019"


def _relation(tokens: list[str]) -> tuple[str | None, list[str]]:
    start = 0
    while start < len(tokens) and tokens[start] in _words()["softeners"]:
        start += 1
    for phrase, rel in _relations():
        if tokens[start:start + len(phrase)] == phrase:
            return rel, tokens[start + len(phrase):]
    return None, tokens


def _read(tokens: list[str], said: str) -> tuple[int, int, int, tuple | None] | None:
    """(year, month, day, the period's months) the words name; None when no date."""
    words = _words()
    if tokens and tokens[-1] in words["fillers"]:
        return None  # "late 2023 the": the filler belongs to what follows
    tokens = [tok for tok in tokens if tok not in words["fillers"]]
    if len(tokens) == 1 and not _YEAR.fullmatch(tokens[0]):
        for pattern, order in _NUMERIC:
            if m := pattern.fullmatch(tokens[0]):
                got = dict(zip(order, (int(g or 0) for g in m.groups()), strict=True))
                return got["y"], got["m"], got.get("d", 0), None
    if not tokens:
        return None
    if not _YEAR.fullmatch(tokens[-1]):
        if _read([*tokens, "2000"], said) is not None:  # "maart": a date, but which year?
            raise WhenError("dates.no_year", {"text": said})
        return None
    year, body, part = int(tokens[-1]), tokens[:-1], None
    for n in (2, 1):  # "tweede helft" before "eind"
        if len(body) >= n and " ".join(body[:n]) in words["parts"]:
            part, body = words["parts"][" ".join(body[:n])], body[n:]
            break
    if not body:
        return year, 0, 0, None if part is None else tuple(words["year_parts"][part])
    if " ".join(body) in words["periods"]:
        span = tuple(words["periods"][" ".join(body)])
        return year, 0, 0, span if part is None else (span[part],) * 3
    if len(body) == 1 and body[0] in words["months"]:
        return year, words["months"][body[0]], 0, None  # "begin maart 2019" is March
    if len(body) == 2 and part is None:
        for day, month in (body, body[::-1]):
            if (m := _DAY.fullmatch(day)) and month in words["months"]:
                return year, words["months"][month], int(m.group(1)), None
    return None


def _resolve(parts: tuple, relation: str | None, said: str) -> str:
    year, month, day, span = parts
    if span is not None:
        first, middle, last = span
        month = {"after": last + 1, "before": first - 1}.get(relation or "", middle)
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return _iso(year, month, day, said)


def parse_when(text: str, events: Sequence = (), anchor: str | None = None) -> When:
    """A partial ISO date and the words as said; WhenError with a clear message else."""
    return _parse(text, events, anchor, strict=False)


def _parse(text: str, events: Sequence, anchor: str | None, strict: bool, names: Collection[str] = ()) -> When:
    said = " ".join(str(text).split()).rstrip(",:;")  # "March 14, 2019, decision"
    low = said.casefold().rstrip(".")
    if not low:
        raise WhenError("dates.not_a_date", {"text": said})
    if m := _ISO.match(low):
        year, month, day = (int(g) if g else 0 for g in m.groups())
        iso = _iso(year, month, day, said)
        plain = len(low) in (4, 7, 10)  # written as ISO already: no label needed
        return When(iso, "" if plain else said)
    relation, rest = _relation(_tokens(low))
    try:
        parts = _read(rest, said)
    except WhenError as error:
        if not (relation and error.key == "dates.no_year"):
            raise
        parts = None  # "na de zomer" may still be an event
    if parts is not None:
        return When(_resolve(parts, relation, said), said)
    if relation and rest:
        found = _refer(rest, events, strict, names)
        if found is not None:
            return When(found, said)
        if anchor and is_valid(anchor):
            return When(anchor, said)
        raise WhenError("dates.unknown_reference", {"text": said})
    raise WhenError("dates.not_a_date", {"text": said})


def _alike(said: str, word: str) -> bool:
    # A shared stem counts: "placement" finds "placed", "scheiden" finds "scheiding".
    return word.startswith(said) or len(os.path.commonprefix([said, word])) >= max(4, min(len(said), len(word)) - 2)  # noqa: RUF071 (a shared stem of letters, not paths)


def _refer(words: list[str], events: Sequence, strict: bool, names: Collection[str]) -> str | None:
    """The date of the first event whose title holds all these words (articles aside).
    Strict, for a line's opening words, where "voor moeder ..." means "for mother": not
    only names of people, not ending on an article, and one word in few titles."""
    stop = set(_words()["stopwords"])
    wanted = [w for w in re.findall(r"\w+", " ".join(words)) if w not in stop and len(w) > 1]
    if not wanted or (strict and (words[-1] in stop or all(w in names or w[:-1] in names for w in wanted))):
        return None
    titles = [(event.date, re.findall(r"\w+", event.title.casefold())) for event in events]
    hits = [[any(_alike(w, x) for x in title) for _, title in titles] for w in wanted]
    if strict and min(sum(found) for found in hits) > DISTINCT:
        return None
    return next((date for i, (date, _) in enumerate(titles) if all(found[i] for found in hits)), None)


def split_when(line: str, events: Sequence = (), anchor: str | None = None,
               names: Collection[str] = ()) -> tuple[When | None, str]:
    """The longest run of words at the start of the line that is a date, and the rest.
    A relative date ("na de scheiding ...") only counts when that event exists; `names`
    (lower case words) name people, not events."""
    words = line.split()
    for n in range(min(len(words), MAX_WORDS), 0, -1):
        head = " ".join(words[:n])
        try:
            when = _parse(head, events, None, strict=True, names=names)
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


def parse_day(text: str) -> dt.date:
    """A whole day as people type it ("8-12-2026", "5 januari 2027", "2026-12-08"), for
    the fields that need one (meeting dates, the session's date); WhenError else."""
    when = parse_when(text)
    year, month, day = parse_partial(when.date)
    if not day:
        raise WhenError("dates.need_day", {"text": " ".join(str(text).split())})
    return dt.date(year, month, day)
