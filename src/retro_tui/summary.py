"""Plain-terminal views of sessions for the command line (rich, no Textual)."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .i18n import current_language, label, t
from .method import RETROSPECTIVE, steps
from .model import Session
from .printable import printable
from .store import Listing


def print_summary(session: Session, path: Path, console: Console | None = None) -> None:
    console = console or Console()
    meta = session.session
    console.print(Text(meta.title, style="bold"))
    facts = [
        (t("field.file"), printable(str(path))),
        (t("field.date"), meta.date.isoformat() if meta.date else "—"),
        (t("field.place"), meta.place or "—"),
        (t("field.facilitator"), meta.facilitator or "—"),
        (t("field.notetaker"), meta.notetaker or "—"),
        (t("field.status"), label(meta.status)),
    ]
    if meta.feedback_deadline:
        facts.append((t("field.feedback_deadline"), meta.feedback_deadline.isoformat()))
    grid = Table.grid(padding=(0, 2))
    for name, value in facts:
        grid.add_row(Text(name, style="dim"), Text(value))
    console.print(grid)

    if meta.kind != RETROSPECTIVE:
        console.print(_kind_steps(session))
        console.print(Text(t("summary.captured", quotes=len(session.quotes),
                             marked=sum(q.for_report for q in session.quotes), pauses=len(session.pauses)), style="dim"))
        return
    counts = {
        "checkin": t("summary.checkin", count=len(session.checkin.participants)),
        "relate": t(
            "summary.relate",
            observations=len(session.relate.observations),
            agreements=len(session.relate.agreements),
        ),
        "family": t(
            "summary.family",
            members=len(session.family.members),
            relations=len(session.family.relations),
        ),
        "timeline": t(
            "summary.timeline",
            count=len(session.timeline.events),
            crucial=sum(e.crucial for e in session.timeline.events),
        ),
        "insights": t("summary.insights", count=len(session.insights.items)),
        "closing": t(
            "summary.closing",
            members=len(session.closing.core_team),
            commitments=len(session.closing.commitments),
        ),
    }
    table = Table(show_header=False, box=None, padding=(0, 2))
    for number, step in enumerate(steps(), start=1):
        text = step.in_language(current_language())
        table.add_row(f"{number}." if number <= 5 else "·", Text(text.title), Text(counts[step.id], style="cyan"))
    console.print(table)
    console.print(
        Text(
            t(
                "summary.captured",
                quotes=len(session.quotes),
                marked=sum(q.for_report for q in session.quotes),
                pauses=len(session.pauses),
            ),
            style="dim",
        )
    )


def _recorded(session: Session, path: str) -> object:
    section, name = path.split(".", 1)
    if (section, name) == ("closing", "declaration"):
        return session.closing.assignment or session.closing.collaboration or session.closing.frequency
    return getattr(getattr(session, section), name, None)


def _kind_steps(session: Session) -> Table:
    """A session of another kind: each of its steps with how much it holds, read from
    the records the kind's file names for the step."""
    from .method import kind

    table = Table(show_header=False, box=None, padding=(0, 2))
    for number, step in enumerate(kind(session.session.kind).steps, start=1):
        values = [_recorded(session, path) for path in step.records]
        entries = sum(len(v) for v in values if isinstance(v, list))
        written = any(v not in (None, "", []) and not isinstance(v, list) for v in values)
        parts = [t("summary.entries", count=entries)] if any(isinstance(v, list) for v in values) else []
        parts += [t("summary.written")] if written else []
        table.add_row(f"{number}.", Text(step.in_language(current_language()).title),
                      Text(", ".join(parts) or "—", style="cyan"))
    return table


def kind_short(kind_id: str) -> str:
    """The kind's short name ("Overleg"); a kind this version does not know, as written."""
    from .method import kind

    try:
        return kind(kind_id).in_language(current_language()).short
    except KeyError:
        return kind_id


def print_listing(folder: Path, listings: list[Listing], console: Console | None = None) -> None:
    console = console or Console()
    if not listings:
        console.print(Text(printable(t("list.empty", folder=folder))))
        return
    table = Table(title=Text(printable(t("list.title", folder=folder))), title_justify="left")
    table.add_column(t("field.date"))
    table.add_column(t("cli.kind_column"))
    table.add_column(t("field.title"))
    table.add_column(t("field.status"))
    table.add_column(t("field.file"), style="dim")
    for item in listings:
        if item.meta is None:
            table.add_row("—", "—", Text(t("list.unreadable"), style="red"), "—", Text(printable(item.path.name)))
            continue
        date = item.meta.date.isoformat() if item.meta.date else "—"
        table.add_row(date, kind_short(item.meta.kind), Text(item.meta.title), label(item.meta.status),
                      Text(printable(item.path.name)))
    console.print(table)
