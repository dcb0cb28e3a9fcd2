"""Dates as people write them in running text, in the report's language: "14 oktober
2026", "maart 2019", "2019"; an event's date as the words said in the session when it
has them."""

from __future__ import annotations

import datetime as dt

from ..i18n import t
from ..model.dates import parse_partial


def written_day(day: dt.date, lang: str) -> str:
    """A day as people write it in running text: "14 oktober 2026"."""
    months = t("report.month_names", lang).split()
    return f"{day.day} {months[day.month - 1]} {day.year}"


def spoken(date: str, lang: str) -> str:
    """A partial date as people write it: "2019", "maart 2019", "14 maart 2019"."""
    year, month, day = parse_partial(date)
    if day:
        return written_day(dt.date(year, month, day), lang)
    if month:
        return f"{t('report.month_names', lang).split()[month - 1]} {year}"
    return str(year)


def when(event, lang: str) -> str:
    """An event's date in the report: the words said in the session, else its date written out."""
    return event.date_label or spoken(event.date, lang)
