"""Each kind's document, built from the session in its language and its kind's order.

`build` picks the kind's builder: the retrospective's report here (the facts, who took
part, how the group relates, the family portrait, the timeline, the insights, the
quotes marked for the report, the pauses, the perspective switch and the intention
declaration in full); the prospective analysis, the core team's minutes and the
evaluation in modules of their own. Pseudonymising happens before this, on the session
itself."""

from __future__ import annotations

from ..i18n import t
from ..method import catalogue
from ..model import InsightCategory, Session, StepId
from ..operations import events_in_order, member_label, short_name
from ..reflow import reflow
from .document import Bullets, Choices, Document, Heading, Paragraph, Picture, Table
from .pictures import family_drawing, timeline_drawing
from .sections import Page, facts, feedback_deadline, new_page  # noqa: F401 (feedback_deadline: for callers)
from . import sections
from .written_dates import spoken, when, written_day  # noqa: F401  (spoken: for callers)


def build(session: Session, choices: Choices | None = None) -> Document:
    """The document of the session's kind."""
    from . import evaluation, minutes, prospective
    from .kind_document import build_kind

    builders = {"retrospective": retrospective, "prospective": prospective.build,
                "meeting": minutes.build, "evaluation": evaluation.build}
    builder = builders.get(session.session.kind)
    # A kind without a document of its own is written from its steps' records.
    return builder(session, choices) if builder else build_kind(session, choices)


def retrospective(session: Session, choices: Choices | None = None) -> Document:
    page = new_page(session, choices, t("report.title", session.session.language.value,
                                                 title=session.session.title))
    facts(page)
    for section in (_checkin, _relate, _family, _timeline, _insights):
        section(page)
    sections.quotes(page)
    sections.pauses(page)
    _perspectives(page)
    # Passed over on purpose when a prospective analysis makes the declaration instead.
    if StepId.closing not in session.session.skipped_steps:
        sections.declaration(page)
    else:
        # Said, not left out silently: a reader would otherwise take it as forgotten.
        page.add(Heading(page.T("closing.declaration")), Paragraph(page.T("host.skipped_closing")))
    return page.doc


def _checkin(page: Page) -> None:
    page.add(Heading(page.title(StepId.checkin)))
    sections.participants(page)
    page.notes(page.session.checkin.notes)


def _relate(page: Page) -> None:
    session, relate = page.session, page.session.relate
    page.add(Heading(page.title(StepId.relate)))
    if relate.group_sense:
        page.add(Paragraph(page.T("report.group_sense", sense=page.L(relate.group_sense))))
    if relate.senses:
        page.add(Table((page.T("field.who"), page.T("field.sense"), page.T("field.note")), tuple(
            (short_name(session, r.participant) if r.participant else page.T("relate.group"), page.L(r.sense), reflow(r.note))
            for r in relate.senses)))
    for name in ("observations", "agreements"):
        page.bullets(f"relate.{name}", getattr(relate, name))
    page.notes(relate.notes)


def _family(page: Page) -> None:
    session, family = page.session, page.session.family
    page.add(Heading(page.title(StepId.family)))
    if family.members:
        page.add(Picture("family", page.T("report.family_picture"), family_drawing(session, page.lang)))
    for m in family.members:
        page.add(Heading(member_label(m), 3))
        for field in ("nature", "joys", "strengths", "needs", "limits"):
            value = getattr(m, field)
            if value:
                page.add(Paragraph(f"{page.T(f'field.{field}')}: {reflow(value)}"))
    if family.relations:
        page.add(Paragraph(page.T("family.relations"), "label"), Bullets(tuple(
            f"{short_name(session, r.source)} — {page.L(r.kind)} — {short_name(session, r.target)}"
            + (f" ({reflow(r.note)})" if r.note else "") for r in family.relations)))
    page.notes(family.notes)


def _timeline(page: Page) -> None:
    session, lang = page.session, page.lang
    events = events_in_order(session)
    page.add(Heading(page.title(StepId.timeline)))
    if events:
        page.add(Picture("timeline", page.T("report.timeline_picture"), timeline_drawing(session, lang)))
        page.add(Table((page.T("field.date"), "★", page.T("field.lane"), page.T("field.kind"), page.T("field.title")), tuple(
            (when(e, lang), "★" if e.crucial else "", page.L(e.lane), page.L(e.kind), e.title) for e in events)))
        crucial = [e for e in events if e.crucial]
        if crucial:
            page.add(Heading(page.T("report.crucial_moments"), 3))
            for e in crucial:
                page.add(Paragraph(f"★ {when(e, lang)} — {e.title}", "label"))
                for field in ("what_happened", "parents_dynamic", "effect_on_professionals", "next_step"):
                    value = getattr(e, field)
                    if value:
                        page.add(Paragraph(f"{page.T(f'field.{field}')}: {reflow(value)}"))
    page.notes(session.timeline.notes)


def _insights(page: Page) -> None:
    session, lang = page.session, page.lang
    page.add(Heading(page.title(StepId.insights)))
    by_id = {e.id: e for e in session.timeline.events}
    tags = {c.id: c.label.get(lang) or c.label["nl"] for c in catalogue()}
    tags.update({c.id: (c.nl if lang == "nl" else c.en) or c.nl or c.en for c in session.catalogue})
    for category in InsightCategory:
        items = [i for i in session.insights.items if i.category == category]
        if not items:
            continue
        page.add(Heading(page.L(category), 3))
        for insight in items:
            page.add(Paragraph(reflow(insight.text)))
            moments = [f"{when(by_id[e], lang)} {by_id[e].title}" for e in insight.events if e in by_id]
            if moments:
                page.add(Paragraph(page.T("report.linked_moments") + ": " + "; ".join(moments), "muted"))
            if insight.tags:
                page.add(Paragraph(page.T("report.tags") + ": " + "; ".join(tags.get(x, x) for x in insight.tags), "muted"))
    page.notes(session.insights.notes)


def _perspectives(page: Page) -> None:
    session = page.session
    if session.perspectives:
        page.add(Heading(page.T("perspectives.title")))
        page.add(Table((page.T("field.person"), page.T("field.taken_by"), page.T("field.dilemma_or_fear"), page.T("field.feeling")), tuple(
            (short_name(session, v.person_id) if v.person_id else v.person,
             short_name(session, v.taken_by) if v.taken_by else "", reflow(v.dilemma_or_fear), reflow(v.feeling))
            for v in session.perspectives)))


def declaration(session: Session) -> Document:
    """The intention declaration alone, as a document a manager opens and reads."""
    meta = session.session
    lang = meta.language.value
    page = Page(session, Document(title=t("report.declaration_title", lang, title=meta.title), language=lang,
                                  author=meta.facilitator), Choices.default(session))
    rows = [(page.T("report.date"), page.day(meta.date)), (page.T("report.case_code"), meta.case_code),
            (page.T("report.facilitator"), meta.facilitator)]
    page.add(Bullets(tuple(f"{k}: {v}" for k, v in rows if v)))
    sections.declaration(page, heading=False)
    return page.doc


# Dates in running text live in written_dates.py (the pictures need them too).
_date = written_day
