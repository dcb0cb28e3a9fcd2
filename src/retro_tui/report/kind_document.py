"""A kind's document built from its file of steps: the facts, then each step under its
own title with what it records and its notes, then the quotes and pauses.

The prospective analysis, the minutes and the evaluation give some steps a section of
their own; any other step (and any kind added as a file alone) shows its records as
they are: a text as a paragraph, a list of remarks or names as a list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from enum import Enum

from pydantic import BaseModel

from ..model import Session
from ..reflow import reflow
from .document import Bullets, Choices, Document, Heading, Paragraph
from .sections import Builder, Page, facts, kind_title, new_page, pauses, quotes, declaration_texts


def build_kind(session: Session, choices: Choices | None = None, steps: Mapping[str, Builder] | None = None,
               head: Callable[[Page], None] = facts, contents: bool = True) -> Document:
    page = new_page(session, choices, kind_title(session), contents)
    head(page)
    skipped = set(session.session.skipped_steps)
    for step in page.kind.steps:
        if step.id in skipped:
            continue
        page.add(Heading(page.title(step.id)))
        (steps or {}).get(step.id, records)(page, step)
        page.notes_of(step)
    quotes(page)
    pauses(page)
    return page.doc


def records(page: Page, step) -> None:
    """What a step records, shown plainly, for a step without a section of its own."""
    for path in step.records:
        section, _, name = path.partition(".")
        if path == "closing.declaration":
            declaration_texts(page, ("assignment", "content_and_process", "collaboration", "frequency"))
            continue
        value = getattr(getattr(page.session, section, None), name, None)
        _show(page, value)


def _show(page: Page, value) -> None:
    if isinstance(value, Enum):
        page.add(Paragraph(page.L(value)))
    elif isinstance(value, dt.datetime):
        page.add(Paragraph(page.moment(value)))
    elif isinstance(value, dt.date):
        page.add(Paragraph(page.day(value)))
    elif isinstance(value, str):
        if value.strip():
            page.add(Paragraph(reflow(value)))
    elif isinstance(value, list) and value:
        lines = tuple(filter(None, (_line(item) for item in value)))
        if lines:
            page.add(Bullets(lines))


def _line(item) -> str:
    if isinstance(item, BaseModel):
        for field in ("text", "name", "title", "what", "pseudonym", "organisation"):
            value = getattr(item, field, "")
            if isinstance(value, str) and value:
                return reflow(value)
        return ""
    return str(item)
