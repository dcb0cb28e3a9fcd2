"""The status line: session clock against the kind's time (a retrospective's half-day,
a meeting's hour), the step's time against its suggested minutes (a calm colour when
over, never an alarm), a step passed over, pause time, saved state."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

from ..i18n import t
from ..method import kind

if TYPE_CHECKING:
    from ..model import Session


def clock(seconds: int) -> str:
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}"


def pause_seconds(session: Session, now: dt.datetime) -> int:
    total = 0
    for pause in session.pauses:
        end = pause.ended or now
        total += max(0, int((end - pause.started).total_seconds()))
    return total


def status_text(session: Session, now: dt.datetime, saved: str, paused: bool) -> Text:
    meta = session.session
    spent = meta.seconds_per_step
    current = meta.current_step
    session_kind = kind(meta.kind)
    step_seconds = spent.get(current, 0)
    suggested = session_kind.step(current).minutes
    over = step_seconds > suggested * 60
    text = Text()
    # The session's details are one click away where the session is summed up: a mark
    # narrow enough for an 80-column terminal.
    text.append("✎", style=Style(bold=True, meta={"@click": "screen.details"}))
    text.append(" ")
    text.append(t("status.session_time", used=clock(sum(spent.values())), total=clock(session_kind.minutes * 60)) + "  ")
    text.append(
        t("status.step_time", used=step_seconds // 60, suggested=suggested),
        style="yellow" if over else "",
    )
    if over:
        text.append(" " + t("status.over"), style="yellow italic")
    if current in meta.skipped_steps:
        text.append("  " + t("host.skipped"), style="italic")
    pauses = pause_seconds(session, now)
    if paused or pauses:
        text.append("  " + t("status.pause_time", used=clock(pauses)), style="cyan" if paused else "dim")
    text.append("  ")
    text.append(saved, style="green" if saved.startswith(t("status.saved")) else "yellow")
    return text
