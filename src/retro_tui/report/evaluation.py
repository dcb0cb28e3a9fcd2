"""The evaluation's document: for each commitment, course item and organisation's
backing whether it was kept and what got in the way; the side-by-side ↔ opposite
sense asked again, beside the retrospective's; the family's view; what the core team
changes."""

from __future__ import annotations

from ..model import Session
from ..model.enums import ReviewAbout
from ..reflow import reflow
from . import sections
from .document import Choices, Document, Paragraph, Table
from .kind_document import build_kind
from .sections import Page


def build(session: Session, choices: Choices | None = None) -> Document:
    return build_kind(session, choices, {
        "checkin": lambda page, step: sections.participants(page),
        "kept": kept, "relate_again": relate_again, "family_view": family_view, "changes": changes,
    })


def reviewed(page: Page, review) -> str:
    """What a review looks back on, in the words of the file it came with."""
    s = page.session
    found = {
        ReviewAbout.commitment: {c.id: c.name for c in s.closing.commitments},
        ReviewAbout.course: {i.id: i.text for i in s.course.items},
        ReviewAbout.backing: {b.id: b.organisation for b in s.closing.backing},
    }[review.about]
    return review.text or found.get(review.ref or "", "") or review.commitment


def kept(page: Page, step) -> None:
    reviews = page.session.evaluation.reviews
    for about in ReviewAbout:
        rows = [(reviewed(page, r), page.L(r.kept), reflow(r.in_the_way)) for r in reviews if r.about == about]
        if rows:
            page.add(Paragraph(page.T(f"kind_report.reviews_{about.value}"), "label"),
                     Table((page.L(about).capitalize(), page.T("kind_report.kept"), page.T("kind_report.in_the_way")),
                           tuple(rows)))


def relate_again(page: Page, step) -> None:
    s = page.session
    then, now = s.evaluation.earlier_sense, s.relate.group_sense
    if then or now:
        page.add(Table((page.T("kind_report.sense_when"), page.T("field.sense")),
                       ((page.T("kind_report.sense_then"), page.L(then) or "—"),
                        (page.T("kind_report.sense_now"), page.L(now) or "—"))))
    if s.relate.senses:
        page.add(Table((page.T("field.who"), page.T("field.sense"), page.T("field.note")), tuple(
            (page.core_name(r.participant) if r.participant else page.T("relate.group"), page.L(r.sense), reflow(r.note))
            for r in s.relate.senses)))


def family_view(page: Page, step) -> None:
    if page.session.evaluation.family_view.strip():
        page.add(Paragraph(reflow(page.session.evaluation.family_view)))


def changes(page: Page, step) -> None:
    page.bullets("kind_report.changes", page.session.evaluation.changes)
