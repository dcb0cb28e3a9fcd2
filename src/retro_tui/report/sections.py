"""What every kind's document shares: the page in the session's language (its texts,
enum labels, step titles and dates), the facts at the top, a step's notes, the
participants, the quotes and pauses, and the parts of the intention declaration.

Each kind's builder (build.py, prospective.py, minutes.py, evaluation.py) composes its
document from these and from sections of its own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from ..i18n import label, t
from ..method import Kind, Step, kind
from ..model import Session, Status
from ..reflow import reflow
from .document import Bullets, Choices, Document, Heading, Paragraph, Table
from .written_dates import written_day

FEEDBACK_DAYS = 7  # the method: participants have a week to respond


def feedback_deadline(session: Session) -> dt.date | None:
    meta = session.session
    if meta.feedback_deadline:
        return meta.feedback_deadline
    return meta.date + dt.timedelta(days=FEEDBACK_DAYS) if meta.date else None


@dataclass
class Page:
    """One document being written for one session, with the words it is written in."""

    session: Session
    doc: Document
    choices: Choices

    @property
    def lang(self) -> str:
        return self.session.session.language.value

    @property
    def kind(self) -> Kind:
        return kind(self.session.session.kind)

    def T(self, key: str, **params) -> str:
        return t(key, self.lang, **params)

    def L(self, member: Enum | None) -> str:
        return label(member, self.lang) if member is not None else ""

    def title(self, step_id: str) -> str:
        """A step's title as the kind's file names it."""
        return self.kind.step(step_id).in_language(self.lang).title

    def day(self, day: dt.date | None) -> str:
        return written_day(day, self.lang) if day else ""

    def moment(self, at: dt.datetime | None) -> str:
        """A day and its time, "24 november 2026, 09:00"."""
        return f"{self.day(at.date())}, {at:%H:%M}" if at else ""

    def add(self, *blocks) -> None:
        self.doc.add(*blocks)

    def text(self, label_key: str, value: str) -> None:
        """A labelled text, left out when empty."""
        if value.strip():
            self.add(Paragraph(self.T(label_key), "label"), Paragraph(reflow(value)))

    def bullets(self, label_key: str, items) -> None:
        """A labelled list of remarks (their text), left out when empty."""
        lines = tuple(reflow(i.text if hasattr(i, "text") else i) for i in items)
        if lines:
            self.add(Paragraph(self.T(label_key), "label"), Bullets(lines))

    def notes_of(self, step: Step) -> None:
        """The step's notes, wherever the kind keeps them (`checkin.notes`,
        `step_notes.<step>`)."""
        self.notes(notes_at(self.session, step.notes))

    def notes(self, text: str) -> None:
        if text.strip():
            self.add(Paragraph(self.T("report.notes"), "label"), Paragraph(reflow(text)))

    def core_name(self, ident: str | None) -> str:
        """A core-team member's name, else a participant's, by id."""
        for m in self.session.closing.core_team:
            if m.id == ident:
                return m.name
        for p in self.session.checkin.participants:
            if p.id == ident:
                return p.name
        return ""


def notes_at(session: Session, path: str) -> str:
    section, _, name = path.partition(".")
    if section == "step_notes":
        return session.step_notes.get(name, "")
    value = getattr(getattr(session, section, None), name or "notes", "")
    return value if isinstance(value, str) else ""


def new_page(session: Session, choices: Choices | None, title: str, contents: bool = True) -> Page:
    meta = session.session
    lang = meta.language.value
    doc = Document(title=title, language=lang, author=meta.facilitator,
                   contents=t("report.contents", lang) if contents else "")
    page = Page(session, doc, choices or Choices.default(session))
    if meta.status != Status.final:
        deadline = feedback_deadline(session)
        text = page.T("report.draft_until", date=page.day(deadline)) if deadline else page.T("report.draft")
        doc.add(Paragraph(text, "banner"))
    return page


def kind_title(session: Session) -> str:
    """The document's title with its kind's name: "Verslag kernteamoverleg: …"."""
    lang = session.session.language.value
    name = kind(session.session.kind).in_language(lang).name
    title = session.session.title
    # In the middle of a Dutch sentence the kind is a common noun; English keeps it.
    lower = (lambda text: text[0].lower() + text[1:]) if lang == "nl" else (lambda text: text)
    if title.casefold().startswith(name.casefold()):
        # A case's next session is titled with its kind ("Kernteamoverleg 2: …"): the
        # kind is said once, not "Verslag kernteamoverleg: Kernteamoverleg 2: …".
        return t("kind_report.title_named", lang, title=lower(title))
    return t("kind_report.title", lang, kind=lower(name), title=title)


def facts(page: Page, *, chair_key: str = "report.facilitator", time: dt.datetime | None = None) -> None:
    meta = page.session.session
    when = page.moment(time) if time else page.day(meta.date)
    rows = [(page.T("report.date"), when), (page.T("report.place"), meta.place),
            (page.T(chair_key), ", ".join(filter(None, [meta.facilitator, meta.facilitator_organisation]))),
            (page.T("report.notetaker"), meta.notetaker), (page.T("report.case_code"), meta.case_code)]
    page.add(Heading(page.T("report.facts")), Bullets(tuple(f"{k}: {v}" for k, v in rows if v)))
    if meta.learning_question:
        page.add(Paragraph(page.T("report.learning_question"), "label"), Paragraph(reflow(meta.learning_question)))


def participants(page: Page) -> None:
    people = page.session.checkin.participants
    if people:
        page.add(Table((page.T("field.name"), page.T("field.organisation"), page.T("field.role")),
                       tuple((p.name, p.organisation, p.role) for p in people)))
    # What each said at the check-in is personal: in the report only when chosen.
    words = [(p.name, reflow(p.check_in)) for p in people if p.check_in.strip()] if page.choices.checkin_words else []
    if words:
        page.add(Paragraph(page.T("report.checkin_words"), "label"), Bullets(tuple(f"{n}: {w}" for n, w in words)))


def quotes(page: Page) -> None:
    marked = page.choices.chosen_quotes(page.session)
    if marked:
        page.add(Heading(page.T("report.quotes")))
        for q in marked:
            page.add(Paragraph(q.text, "quote", by=_speaker_role(page.session, q) + f" · {_step_title(page, q.step)}"))


def pauses(page: Page) -> None:
    if page.session.pauses:
        page.add(Heading(page.T("report.pauses")))
        page.add(Table((page.T("report.when"), page.T("report.step"), page.T("report.minutes"), page.T("field.note")), tuple(
            (p.started.strftime("%H:%M"), _step_title(page, p.step),
             str(round((p.ended - p.started).total_seconds() / 60)) if p.ended else "", reflow(p.note))
            for p in page.session.pauses)))


def _step_title(page: Page, step_id: str) -> str:
    try:
        return page.title(step_id)
    except StopIteration:  # a step the kind no longer has: its id says enough
        return step_id


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


# --- the intention declaration, whole or in the prospective analysis's parts ----------


def core_team(page: Page) -> None:
    c = page.session.closing
    if c.core_team:
        content = set(c.content_team)
        mark = page.T("kind_report.in_content_team")
        page.add(Paragraph(page.T("closing.core_team"), "label"),
                 Table((page.T("field.name"), page.T("field.organisation"), page.T("field.core_role")),
                       tuple((m.name, m.organisation, ", ".join(filter(None, [m.role, mark if m.id in content else ""])))
                             for m in c.core_team)))


def declaration_texts(page: Page, fields: tuple[str, ...]) -> None:
    for field in fields:
        page.text(f"field.{field}", getattr(page.session.closing, field))


def content_team(page: Page) -> None:
    c = page.session.closing
    names = [page.core_name(i) for i in c.content_team]
    if any(names) or c.content_deadline:
        page.add(Paragraph(page.T("kind_report.content_team"), "label"))
        lines = []
        if any(names):
            lines.append(", ".join(n for n in names if n))
        if c.content_deadline:
            lines.append(page.T("kind_report.deadline", date=page.day(c.content_deadline)))
        page.add(Bullets(tuple(lines)))


def backing(page: Page) -> None:
    c = page.session.closing
    if c.backing:
        page.add(Paragraph(page.T("closing.backing"), "label"),
                 Table((page.T("field.organisation"), page.T("field.needed")),
                       tuple((b.organisation, reflow(b.needed)) for b in c.backing)))


def dates_and_agenda(page: Page) -> None:
    c = page.session.closing
    if c.meeting_dates:
        page.add(Paragraph(page.T("field.meeting_dates"), "label"),
                 Bullets(tuple(page.day(d) for d in sorted(c.meeting_dates))))
    if c.agenda:
        page.add(Paragraph(page.T("field.agenda"), "label"), Bullets(tuple(c.agenda)))


def commitments(page: Page) -> None:
    c = page.session.closing
    if c.commitments:
        def line(m) -> str:
            text = f"{m.name}: {reflow(m.sentence)}" if m.sentence else m.name
            holder = page.core_name(m.member)
            return f"{text} ({page.T('kind_report.held_by', name=holder)})" if holder else text

        page.add(Paragraph(page.T("closing.commitments"), "label"), Bullets(tuple(line(m) for m in c.commitments)))


def declaration(page: Page, heading: bool = True) -> None:
    if heading:
        page.add(Heading(page.T("closing.declaration")))
    core_team(page)
    declaration_texts(page, ("assignment", "content_and_process"))
    content_team(page)
    declaration_texts(page, ("collaboration", "frequency"))
    backing(page)
    dates_and_agenda(page)
    commitments(page)


def yes_no(page: Page, value: bool | None) -> str:
    return "" if value is None else page.T("kind_report.yes" if value else "kind_report.no")


Builder = Callable[[Page, Step], None]
