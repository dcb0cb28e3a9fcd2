"""The prospective analysis's document: what the retrospective showed (briefly), the
undercurrent of the collaboration, "samen" and "vertrouwen" when it chafes, the course
as a numbered list, the core team with its assignment, content and process kept apart
(the content team and its deadline), backing per organisation, how the team works
together and how often it meets, and the commitments with who holds each."""

from __future__ import annotations

from ..model import Session
from ..reflow import reflow
from . import sections
from .document import Bullets, Choices, Document, Paragraph, Table
from .kind_document import build_kind
from .sections import Page

BACKDROP_SHOWN = 8  # the backdrop briefly: the analysis's own report has it in full


def build(session: Session, choices: Choices | None = None) -> Document:
    return build_kind(session, choices, {
        "checkin": lambda page, step: sections.participants(page),
        "backdrop": backdrop, "undercurrent": undercurrent, "together": together, "course": course,
        "core_team": core_team, "commitments": lambda page, step: sections.commitments(page),
    })


def backdrop(page: Page, step) -> None:
    b = page.session.backdrop
    if b.moments:
        lines = [f"★ {m.when} — {m.title}" if m.when else f"★ {m.title}" for m in b.moments[:BACKDROP_SHOWN]]
        page.add(Paragraph(page.T("report.crucial_moments"), "label"), Bullets(tuple(lines)))
    if b.insights:
        lines = [f"{page.L(i.category)}: {reflow(i.text)}" for i in b.insights[:BACKDROP_SHOWN]]
        page.add(Paragraph(page.T("kind_report.insights"), "label"), Bullets(tuple(lines)))
    left = max(0, len(b.moments) - BACKDROP_SHOWN) + max(0, len(b.insights) - BACKDROP_SHOWN)
    if left:
        page.add(Paragraph(page.T("kind_report.more_in_report", count=left), "muted"))


def undercurrent(page: Page, step) -> None:
    page.bullets("kind_report.pulls", page.session.undercurrent.pulls)


def together(page: Page, step) -> None:
    page.bullets("kind_report.together", page.session.undercurrent.together)
    page.bullets("kind_report.trust", page.session.undercurrent.trust)


def course(page: Page, step) -> None:
    items = page.session.course.items
    if items:
        page.add(Table(("#", page.T("kind_report.course_item")),
                       tuple((str(n), reflow(i.text)) for n, i in enumerate(items, start=1))))


def core_team(page: Page, step) -> None:
    sections.core_team(page)
    sections.declaration_texts(page, ("assignment", "content_and_process"))
    sections.content_team(page)
    sections.backing(page)
    sections.declaration_texts(page, ("collaboration", "frequency"))
    sections.dates_and_agenda(page)
