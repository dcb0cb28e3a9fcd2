"""A report's life after the session (the method): a draft goes to the participants,
who have a week to give feedback; then it is made final, and a final session is
read-only. Making it a draft again is a deliberate act, recorded in the file."""

from __future__ import annotations

import datetime as dt

from .model import Reopening, Session, Status

FEEDBACK_DAYS = 7


class NotFinal(ValueError):
    """Only a final session can be reopened."""


def is_read_only(session: Session) -> bool:
    return session.session.status == Status.final


def feedback_started(session: Session) -> bool:
    """The report went out before: its feedback week started (or the report is final)."""
    return session.session.status in (Status.report_draft, Status.final)


def start_draft(session: Session, today: dt.date) -> bool:
    """The report goes out as a draft: the feedback week starts. True if it changed."""
    meta = session.session
    if feedback_started(session):
        return False
    meta.status = Status.report_draft
    if meta.feedback_deadline is None:
        meta.feedback_deadline = today + dt.timedelta(days=FEEDBACK_DAYS)
    return True


def days_left(session: Session, today: dt.date) -> int | None:
    """Days of feedback left for a draft (0 on the last day, negative once past)."""
    meta = session.session
    if meta.status != Status.report_draft or meta.feedback_deadline is None:
        return None
    return (meta.feedback_deadline - today).days


def finalize(session: Session, now: dt.datetime) -> None:
    meta = session.session
    meta.status = Status.final
    meta.finalized = now


def reopen(session: Session, now: dt.datetime, reason: str = "") -> None:
    meta = session.session
    if meta.status != Status.final:
        raise NotFinal(meta.status)
    meta.reopenings.append(Reopening(at=now, reason=reason, finalized_before=meta.finalized))
    meta.status = Status.report_draft
    meta.finalized = None
