"""The minutes of a core-team meeting ("verslag kernteamoverleg"): short, along the
standing agenda. The date and who was there; each member's check-in in a line; the here
and now; progress against the content team's deadline; the course with on / partly /
off course and why; the carried actions with done / partly / not done and what got in
the way; the new actions (who, what, result, by when, bearable, who helps); the next
meeting."""

from __future__ import annotations

from ..model import Session
from ..reflow import reflow
from .document import Bullets, Choices, Document, Heading, Paragraph, Table
from .kind_document import build_kind
from .sections import Page, facts, yes_no


def build(session: Session, choices: Choices | None = None) -> Document:
    return build_kind(session, choices, {
        "checkin": checkin, "summary": summary, "progress": progress, "course_check": course_check,
        "actions_review": carried, "next_steps": next_steps,
    }, head=head, contents=False)  # two pages: a list of contents would be a third of them


def head(page: Page) -> None:
    facts(page, chair_key="kind_report.chair", time=page.session.meeting.starts)
    present = present_names(page)
    if present:
        page.add(Paragraph(page.T("kind_report.present"), "label"), Bullets(tuple(present)))


def present_names(page: Page) -> list[str]:
    """Who was there: the members who checked in, else the participants listed."""
    s = page.session
    by_id = {m.id: m for m in s.closing.core_team}
    names = []
    for c in s.meeting.checkins:
        m = by_id.get(c.member or "")
        if m:
            names.append(", ".join(filter(None, [m.name, m.organisation])))
    if not names:
        names = [", ".join(filter(None, [p.name, p.organisation])) for p in s.checkin.participants]
    return list(dict.fromkeys(names))


def checkin(page: Page, step) -> None:
    lines = []
    for c in page.session.meeting.checkins:
        # "Ja." alone does not say what was asked: the saddle's question goes with it.
        parts = [page.T("kind_report.saddle", text=reflow(c.saddle))] if c.saddle.strip() else []
        if c.chafes.strip():
            parts.append(page.T("kind_report.chafes", text=reflow(c.chafes)))
        if c.needs.strip():
            parts.append(page.T("kind_report.needs", text=reflow(c.needs)))
        said = " ".join(p if p[-1:] in ".!?" else p + "." for p in parts if p)
        if said:
            lines.append(f"{page.core_name(c.member) or '—'}: {said}")
    if lines:
        page.add(Bullets(tuple(lines)))


def summary(page: Page, step) -> None:
    if page.session.meeting.summary.strip():
        page.add(Paragraph(reflow(page.session.meeting.summary)))


def progress(page: Page, step) -> None:
    s = page.session
    deadline = s.closing.content_deadline
    if deadline:
        day = s.meeting.starts.date() if s.meeting.starts else s.session.date
        left = (deadline - day).days if day else None
        when = page.T("kind_report.deadline", date=page.day(deadline))
        if left is not None:
            when += " " + page.T("kind_report.days_left" if left >= 0 else "kind_report.days_past", count=abs(left))
        page.add(Paragraph(when, "label"))
    if s.meeting.progress.strip():
        page.add(Paragraph(reflow(s.meeting.progress)))


def course_check(page: Page, step) -> None:
    s = page.session
    checks = {c.item: c for c in s.meeting.course_checks}
    rows = []
    for n, item in enumerate(s.course.items, start=1):
        c = checks.pop(item.id, None)
        rows.append((str(n), reflow(item.text), page.L(c.state) if c else "", reflow(c.why) if c else ""))
    if rows:
        page.add(Table(("#", page.T("kind_report.course_item"), page.T("kind_report.on_course"), page.T("kind_report.why")),
                       tuple(rows)))


def carried(page: Page, step) -> None:
    actions = page.session.meeting.carried
    if actions:
        page.add(Table((page.T("kind_report.action"), page.T("field.who"), page.T("kind_report.due"),
                        page.T("kind_report.state"), page.T("kind_report.in_the_way")),
                       tuple((reflow(a.what), page.core_name(a.who), page.day(a.due), page.L(a.state), reflow(a.in_the_way))
                             for a in actions)))


def next_steps(page: Page, step) -> None:
    s = page.session
    if s.meeting.actions:
        page.add(Table((page.T("field.who"), page.T("kind_report.action"), page.T("kind_report.expected"),
                        page.T("kind_report.due"), page.T("kind_report.bearable"), page.T("kind_report.helpers")),
                       tuple((page.core_name(a.who), reflow(a.what), reflow(a.expected), page.day(a.due),
                              yes_no(page, a.bearable), ", ".join(filter(None, map(page.core_name, a.helpers))))
                             for a in s.meeting.actions)))
    if s.meeting.next_starts or s.meeting.next_place:
        page.add(Heading(page.T("kind_report.next_meeting"), 3))
        page.add(Paragraph(", ".join(filter(None, [page.moment(s.meeting.next_starts), s.meeting.next_place]))))
