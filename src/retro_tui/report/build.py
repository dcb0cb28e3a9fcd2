"""The report's contents, in the session's language and the method's order: the facts,
who took part, how the group relates, the family portrait, the timeline, the insights,
the quotes marked for the report, the pauses, the perspective switch and the intention
declaration in full. Pseudonymising happens before this, on the session itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ..i18n import label, t
from ..method import catalogue, step
from ..model import InsightCategory, Session, Status, StepId
from ..operations import events_in_order, member_label, short_name
from .written_dates import spoken, when, written_day  # noqa: F401  (spoken: for callers)
from ..reflow import reflow
from .document import Bullets, Choices, Document, Heading, Paragraph, Picture, Table
from .pictures import family_drawing, timeline_drawing

FEEDBACK_DAYS = 7  # the method: participants have a week to respond


def feedback_deadline(session: Session) -> dt.date | None:
    meta = session.session
    if meta.feedback_deadline:
        return meta.feedback_deadline
    return meta.date + dt.timedelta(days=FEEDBACK_DAYS) if meta.date else None


def build(session: Session, choices: Choices | None = None) -> Document:
    choices = choices or Choices.default(session)
    lang = session.session.language.value
    T: Callable[..., str] = lambda key, **kw: t(key, lang, **kw)  # noqa: E731
    L = lambda member: label(member, lang)  # noqa: E731
    meta = session.session
    doc = Document(title=T("report.title", title=meta.title), language=lang, author=meta.facilitator,
                   contents=T("report.contents"))

    if meta.status != Status.final:
        deadline = feedback_deadline(session)
        text = T("report.draft_until", date=_date(deadline, lang)) if deadline else T("report.draft")
        doc.add(Paragraph(text, "banner"))

    facts = [(T("report.date"), _date(meta.date, lang) if meta.date else ""), (T("report.place"), meta.place),
             (T("report.facilitator"), ", ".join(filter(None, [meta.facilitator, meta.facilitator_organisation]))), (T("report.notetaker"), meta.notetaker),
             (T("report.case_code"), meta.case_code)]
    doc.add(Heading(T("report.facts")), Bullets(tuple(f"{k}: {v}" for k, v in facts if v)))
    if meta.learning_question:
        doc.add(Paragraph(T("report.learning_question"), "label"), Paragraph(reflow(meta.learning_question)))

    def title(step_id: str) -> str:
        return step(step_id, session.session.kind).in_language(lang).title

    def notes(text: str) -> None:
        if text.strip():
            doc.add(Paragraph(T("report.notes"), "label"), Paragraph(reflow(text)))

    people = session.checkin.participants
    doc.add(Heading(title(StepId.checkin)))
    doc.add(Table((T("field.name", ), T("field.organisation"), T("field.role")),
                  tuple((p.name, p.organisation, p.role) for p in people)))
    # What each said at the check-in is personal: in the report only when chosen.
    words = [(p.name, reflow(p.check_in)) for p in people if p.check_in.strip()] if choices.checkin_words else []
    if words:
        doc.add(Paragraph(T("report.checkin_words"), "label"), Bullets(tuple(f"{n}: {w}" for n, w in words)))
    notes(session.checkin.notes)

    relate = session.relate
    doc.add(Heading(title(StepId.relate)))
    if relate.group_sense:
        doc.add(Paragraph(T("report.group_sense", sense=L(relate.group_sense))))
    if relate.senses:
        doc.add(Table((T("field.who"), T("field.sense"), T("field.note")), tuple(
            (short_name(session, r.participant) if r.participant else T("relate.group"), L(r.sense), reflow(r.note))
            for r in relate.senses)))
    for name in ("observations", "agreements"):
        items = getattr(relate, name)
        if items:
            doc.add(Paragraph(T(f"relate.{name}"), "label"), Bullets(tuple(reflow(i.text) for i in items)))
    notes(relate.notes)

    family = session.family
    doc.add(Heading(title(StepId.family)))
    if family.members:
        doc.add(Picture("family", T("report.family_picture"), family_drawing(session, lang)))
    for m in family.members:
        doc.add(Heading(member_label(m), 3))
        for field in ("nature", "joys", "strengths", "needs", "limits"):
            value = getattr(m, field)
            if value:
                doc.add(Paragraph(f"{T(f'field.{field}')}: {reflow(value)}"))
    if family.relations:
        doc.add(Paragraph(T("family.relations"), "label"), Bullets(tuple(
            f"{short_name(session, r.source)} — {L(r.kind)} — {short_name(session, r.target)}"
            + (f" ({reflow(r.note)})" if r.note else "") for r in family.relations)))
    notes(family.notes)

    events = events_in_order(session)
    doc.add(Heading(title(StepId.timeline)))
    if events:
        doc.add(Picture("timeline", T("report.timeline_picture"), timeline_drawing(session, lang)))
        doc.add(Table((T("field.date"), "★", T("field.lane"), T("field.kind"), T("field.title")), tuple(
            (when(e, lang), "★" if e.crucial else "", L(e.lane), L(e.kind), e.title) for e in events)))
        crucial = [e for e in events if e.crucial]
        if crucial:
            doc.add(Heading(T("report.crucial_moments"), 3))
            for e in crucial:
                doc.add(Paragraph(f"★ {when(e, lang)} — {e.title}", "label"))
                for field in ("what_happened", "parents_dynamic", "effect_on_professionals", "next_step"):
                    value = getattr(e, field)
                    if value:
                        doc.add(Paragraph(f"{T(f'field.{field}')}: {reflow(value)}"))
    notes(session.timeline.notes)

    doc.add(Heading(title(StepId.insights)))
    by_id = {e.id: e for e in events}
    tags = {c.id: c.label.get(lang) or c.label["nl"] for c in catalogue()}
    tags.update({c.id: (c.nl if lang == "nl" else c.en) or c.nl or c.en for c in session.catalogue})
    for category in InsightCategory:
        items = [i for i in session.insights.items if i.category == category]
        if not items:
            continue
        doc.add(Heading(L(category), 3))
        for insight in items:
            doc.add(Paragraph(reflow(insight.text)))
            moments = [f"{when(by_id[e], lang)} {by_id[e].title}" for e in insight.events if e in by_id]
            if moments:
                doc.add(Paragraph(T("report.linked_moments") + ": " + "; ".join(moments), "muted"))
            if insight.tags:
                doc.add(Paragraph(T("report.tags") + ": " + "; ".join(tags.get(x, x) for x in insight.tags), "muted"))
    notes(session.insights.notes)

    marked = choices.chosen_quotes(session)
    if marked:
        doc.add(Heading(T("report.quotes")))
        for q in marked:
            doc.add(Paragraph(q.text, "quote", by=_speaker_role(session, q) + f" · {title(q.step)}"))

    if session.pauses:
        doc.add(Heading(T("report.pauses")))
        doc.add(Table((T("report.when"), T("report.step"), T("report.minutes"), T("field.note")), tuple(
            (p.started.strftime("%H:%M"), title(p.step),
             str(round((p.ended - p.started).total_seconds() / 60)) if p.ended else "", reflow(p.note))
            for p in session.pauses)))

    if session.perspectives:
        doc.add(Heading(T("perspectives.title")))
        doc.add(Table((T("field.person"), T("field.taken_by"), T("field.dilemma_or_fear"), T("field.feeling")), tuple(
            (short_name(session, v.person_id) if v.person_id else v.person,
             short_name(session, v.taken_by) if v.taken_by else "", reflow(v.dilemma_or_fear), reflow(v.feeling))
            for v in session.perspectives)))

    _declaration(doc, session, T, lang)
    return doc


def declaration(session: Session) -> Document:
    """The intention declaration alone, as a document a manager opens and reads."""
    lang = session.session.language.value
    T: Callable[..., str] = lambda key, **kw: t(key, lang, **kw)  # noqa: E731
    meta = session.session
    doc = Document(title=T("report.declaration_title", title=meta.title), language=lang, author=meta.facilitator)
    facts = [(T("report.date"), _date(meta.date, lang) if meta.date else ""), (T("report.case_code"), meta.case_code),
             (T("report.facilitator"), meta.facilitator)]
    doc.add(Bullets(tuple(f"{k}: {v}" for k, v in facts if v)))
    _declaration(doc, session, T, lang, heading=False)
    return doc


def _declaration(doc: Document, session: Session, T, lang: str, heading: bool = True) -> None:
    c = session.closing
    if heading:
        doc.add(Heading(T("closing.declaration")))
    if c.core_team:
        doc.add(Paragraph(T("closing.core_team"), "label"),
                Table((T("field.name"), T("field.organisation"), T("field.core_role")),
                      tuple((m.name, m.organisation, m.role) for m in c.core_team)))
    for field in ("assignment", "content_and_process", "collaboration", "frequency"):
        value = getattr(c, field)
        if value:
            doc.add(Paragraph(T(f"field.{field}"), "label"), Paragraph(reflow(value)))
    if c.backing:
        doc.add(Paragraph(T("closing.backing"), "label"),
                Table((T("field.organisation"), T("field.needed")),
                      tuple((b.organisation, reflow(b.needed)) for b in c.backing)))
    if c.meeting_dates:
        doc.add(Paragraph(T("field.meeting_dates"), "label"), Bullets(tuple(_date(d, lang) for d in sorted(c.meeting_dates))))
    if c.agenda:
        doc.add(Paragraph(T("field.agenda"), "label"), Bullets(tuple(c.agenda)))
    if c.commitments:
        doc.add(Paragraph(T("closing.commitments"), "label"),
                Bullets(tuple(f"{m.name}: {reflow(m.sentence)}" if m.sentence else m.name for m in c.commitments)))


def _speaker_role(session: Session, quote) -> str:
    """Quotes are attributed by role, not by name: a family member's role, a
    professional's role and organisation."""
    for m in session.family.members:
        if m.id == quote.speaker_id:
            return m.role or m.pseudonym
    for p in session.checkin.participants:
        if p.id == quote.speaker_id:
            return ", ".join(x for x in (p.role, p.organisation) if x) or p.name
    return quote.speaker


# Dates in running text live in written_dates.py (the pictures need them too).
_date = written_day
