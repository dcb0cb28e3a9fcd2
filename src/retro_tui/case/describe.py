"""A case's state as sections of plain lines in the person's language: what
`retro-tui case` prints and what the case view in the app shows, from one place."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..i18n import label, t
from ..method import kind as kind_of
from ..model.enums import KeptState, ReviewAbout
from .state import CaseState


@dataclass
class Section:
    title: str
    lines: list[str] = field(default_factory=list)


def when(value: dt.datetime | dt.date | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, dt.datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    return value.isoformat()


def kind_name(kind: str, lang: str) -> str:
    try:
        return kind_of(kind).in_language(lang).name
    except KeyError:
        return kind


def in_sentence(name: str) -> str:
    """A kind's name inside a sentence: "uit de perspectieve analyse"."""
    return name[:1].lower() + name[1:]


def kind_short(kind: str, lang: str) -> str:
    try:
        return kind_of(kind).in_language(lang).short
    except KeyError:
        return kind


def session_line(item, lang: str) -> str:
    meta = item.session.session
    return f"{item.day.isoformat()}  {kind_short(meta.kind, lang)} · {meta.title}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _next(state: CaseState, today: dt.date) -> str:
    found = state.next_meeting
    if found is None:
        return t("case.next_none")
    day = found.date() if isinstance(found, dt.datetime) else found
    said = when(found) + (f" · {state.next_place}" if state.next_place else "")
    return said + (" " + t("case.next_past") if day < today else "")


def describe(state: CaseState, lang: str, today: dt.date | None = None) -> list[Section]:
    today = today or dt.date.today()
    case = state.case
    sections = [Section(t("case.sessions_title", count=len(case.sessions)),
                        [f"{session_line(s, lang)}\n    {s.path.name} · {label(s.session.session.status)}"
                         for s in case.sessions])]
    if case.unreadable:
        sections[0].lines += [t("case.unreadable", file=path.name, reason=reason.strip().splitlines()[0] if reason.strip() else "")
                              for path, reason in case.unreadable]
    sections.append(_declaration(state, lang))
    if state.course:
        sections.append(Section(t("case.course_title"), [
            f"{n}. {' '.join(line.item.text.split())} · "
            + (t("case.course_answer", state=label(line.state), date=when(line.checked)) if line.state else t("case.course_unasked"))
            + (f": {' '.join(line.why.split())}" if line.why.strip() else "")
            for n, line in enumerate(state.course, start=1)
        ]))
    sections.append(_actions(state))
    sections.append(Section(t("case.next_title"), [_next(state, today)]))
    if state.evaluation:
        sections.append(_evaluation(state))
    return sections


def _declaration(state: CaseState, lang: str) -> Section:
    if state.declaration is None or state.declaration_source is None:
        return Section(t("case.declaration_title"), [t("case.declaration_none")])
    source = state.declaration_source
    declaration = state.declaration
    section = Section(t("case.declaration_title"), [
        t("case.declaration_from", kind=in_sentence(kind_name(source.kind, lang)), date=source.day.isoformat()),
    ])
    if declaration.core_team:
        section.lines.append(t("case.core_team", names=", ".join(m.name for m in declaration.core_team)))
    names = {m.id: m.name for m in declaration.core_team}
    if declaration.content_team or declaration.content_deadline:
        team = ", ".join(names.get(i, i) for i in declaration.content_team) or "—"
        section.lines.append(t("case.content_team", names=team, date=when(declaration.content_deadline)))
    for commitment in declaration.commitments:
        holder = f" ({names[commitment.member]})" if commitment.member in names else ""
        section.lines.append(f"· {commitment.name}{holder}")
    return section


def _actions(state: CaseState) -> Section:
    section = Section(t("case.actions_title", open=len(state.open_actions), done=state.done_actions))
    if not state.open_actions:
        section.lines.append(t("case.actions_none"))
    person = None
    for item in state.open_actions:
        who = item.who or t("case.nobody")
        if who != person:
            section.lines.append(who)
            person = who
        line = f"  · {' '.join(item.action.what.split())}"
        if item.action.due:
            line += " · " + t("case.due", date=item.action.due.isoformat())
        if item.state:
            line += f" · {label(item.state)}"
            if item.in_the_way.strip():
                line += f": {' '.join(item.in_the_way.split())}"
        section.lines.append(line)
    return section


def _evaluation(state: CaseState) -> Section:
    result = state.evaluation
    assert result is not None
    section = Section(t("case.evaluation_title", date=result.source.day.isoformat()))
    for about in ReviewAbout:
        counts = result.tally(about)
        if counts:
            parts = [f"{counts[k]} {label(k)}" for k in KeptState if counts.get(k)]
            if counts.get(None):
                parts.append(t("case.unanswered", count=counts[None]))
            section.lines.append(f"{_capital(label(about))}: {', '.join(parts)}")
    if result.sense_now or result.sense_before:
        section.lines.append(t("case.sense", before=label(result.sense_before) if result.sense_before else "—",
                               now=label(result.sense_now) if result.sense_now else "—"))
    section.lines += [f"· {' '.join(change.split())}" for change in result.changes]
    return section
