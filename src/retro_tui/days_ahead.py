"""Days ahead as a core team says them when it plans: "dinsdag 15 december", "15 december"
(the next one), "morgen", "dinsdag", "volgende week dinsdag", and every whole day the
timeline takes ("15-12-2026", "15 december 2026"). Counted from the meeting's own day,
so what was said in the meeting keeps its meaning when the minutes are read later."""

from __future__ import annotations

import datetime as dt
import re

from .timeline.spoken_dates import WhenError, parse_day

WEEKDAYS = {
    name: number
    for number, names in enumerate((
        ("maandag", "ma", "monday", "mon"), ("dinsdag", "di", "tuesday", "tue"),
        ("woensdag", "wo", "wednesday", "wed"), ("donderdag", "do", "thursday", "thu"),
        ("vrijdag", "vr", "friday", "fri"), ("zaterdag", "za", "saturday", "sat"),
        ("zondag", "zo", "sunday", "sun"),
    ))
    for name in names
}
FROM_TODAY = {"vandaag": 0, "today": 0, "morgen": 1, "tomorrow": 1, "overmorgen": 2}
NEXT_WEEK = (("volgende", "week"), ("next", "week"))
_DAY_MONTH = re.compile(r"^([0-9]{1,2})[-/.]([0-9]{1,2})$")


def parse_day_ahead(text: str, today: dt.date) -> dt.date:
    """The day meant, on or after `today` where the words leave the year open;
    WhenError with a message for the user else."""
    words = text.lower().replace(",", " ").split()
    said = " ".join(text.split())
    if len(words) == 1 and words[0] in FROM_TODAY:
        return today + dt.timedelta(days=FROM_TODAY[words[0]])
    next_week = tuple(words[:2]) in NEXT_WEEK
    if next_week:
        words = words[2:]
    weekday = WEEKDAYS.get(words[0]) if words else None
    if weekday is not None:
        words = words[1:]
    if not words:
        if weekday is None:
            raise WhenError("days_ahead.which_day", {"text": said})
        if next_week:  # that weekday in the week after this one
            monday = today + dt.timedelta(days=7 - today.weekday())
            return monday + dt.timedelta(days=weekday)
        return today + dt.timedelta(days=(weekday - today.weekday()) % 7 or 7)
    day = _day(" ".join(words), today)
    if weekday is not None and day.weekday() != weekday:
        raise WhenError("days_ahead.wrong_weekday", {"text": said, "day": day.strftime("%d-%m-%Y"),
                                                     "weekday": _weekday_name(day, text)})
    return day


def _day(rest: str, today: dt.date) -> dt.date:
    found = _DAY_MONTH.match(rest)
    if found:  # "15-12": the next 15 December
        rest = f"{found.group(1)}-{found.group(2)}-{today.year}"
    try:
        day = parse_day(rest)
    except WhenError as error:
        if error.key != "dates.no_year":
            raise
        day = parse_day(f"{rest} {today.year}")
    else:
        if not found:
            return day
    # A year left open is the next time that day comes.
    return day if day >= today else day.replace(year=day.year + 1)


def _weekday_name(day: dt.date, said: str) -> str:
    """The day's weekday in the language the words were said in."""
    names = [n for n, number in WEEKDAYS.items() if number == day.weekday()]
    english = any(w in said.lower().split() for w in ("monday", "tuesday", "wednesday", "thursday",
                                                      "friday", "saturday", "sunday", "next"))
    return names[2] if english else names[0]
