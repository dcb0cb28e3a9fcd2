"""Every kind of session exports its own document in every format: the prospective
analysis, the core team's minutes (with the next meeting as a calendar file at its
local time) and the evaluation, each built in the test from the model with real
content, exported from the command line as a user does, and read back format by format."""

from __future__ import annotations

import datetime as dt
import email
import io
import re
from email import policy
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from docx import Document as WordDocument
from icalendar import Calendar

from kind_sessions import KINDS, NEXT_MEETING
from retro_tui.cli import main
from retro_tui.method import kind as method_kind
from retro_tui.model import Language
from retro_tui.report.build import build
from retro_tui.report.document import Heading
from conftest import EXAMPLE
from retro_tui.store.files import example_arc_sources
from retro_tui.store import dumps, load
from test_report_export import pdf_text


def exported(tmp_path: Path, kind: str, lang: str = "nl") -> dict[str, bytes]:
    session = KINDS[kind]()
    session.session.language = Language(lang)
    tmp_path.mkdir(exist_ok=True)
    source = tmp_path / f"{kind}.toml"
    source.write_text(dumps(session), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["export", str(source), "--format", "all", "--out", str(out), "--lang", lang]) == 0
    return {p.name: p.read_bytes() for p in out.iterdir()}


def one(files: dict[str, bytes], suffix: str) -> tuple[str, bytes]:
    """The document itself in one format (the declaration's PDF has a longer name)."""
    name = min((n for n in files if n.endswith(suffix)), key=len)
    return name, files[name]


def word_text(data: bytes) -> str:
    document = WordDocument(io.BytesIO(data))
    return "\n".join([p.text for p in document.paragraphs]
                     + [c.text for t in document.tables for r in t.rows for c in r.cells])


def flat(text: str) -> str:
    return " ".join(text.split())


# What each kind's document must say: every step's title from the kind's file, and the
# values that a reader of that document comes for.
EXPECTED = {
    "prospective": [
        "Verslag perspectieve analyse: Prospectieve analyse",
        "Bij elk incident schieten we in de actie", "We bellen elkaar eerst, ook als het schuurt",
        "ieder het beste wil voor", "Geen gesloten setting", "Binnen acht weken één gedragen perspectiefplan",
        "Deadline voor het plan: 15 december 2026", "Fatima El Idrissi, Esther Vonk", "Rugdekking",
        "Besluiten nemen we samen in het kernteam", "3 november 2026", "gedragen door Esther Vonk",
        "Aanmelding bij het wijkteam",
    ],
    "meeting": [
        "Verslag kernteamoverleg 2", "27 oktober 2026, 08:30", "Aanwezig",
        "Gerard Smit, Regionaal Expertiseteam (RET) Lindeland", "Esther Vonk: In het zadel? Niet helemaal. Wringt: De rechter",
        "elke dag naar school geweest", "Deadline voor het plan: 15 december 2026 (nog 49 dagen)",
        "uit koers", "belde de school de politie", "niet gedaan", "De crisisdienst vroeg al haar tijd.",
        "Gesprek met de school over het incident", "De school belt eerst Esther", "2 november 2026",
        "Esther Vonk, Fatima El Idrissi", "3 november 2026, 08:30, RET-kantoor, kamer 2",
    ],
    "evaluation": [
        "Verslag evaluatie na drie maanden", "Betrouwbaar en open", "niet nagekomen",
        "besliste de wachtdienst alleen", "Geen gesloten setting", "Een week in de crisisopvang",
        "Jeugdbescherming Lindeland", "Bij de retrospectieve analyse", "vooral tegenover elkaar",
        "vooral naast elkaar", "zich voor het eerst gehoord voelt", "De wachtdienst belt voortaan",
    ],
}


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_exports_its_document_in_every_format(tmp_path, kind):
    files = exported(tmp_path, kind)
    titles = [s.in_language("nl").title for s in method_kind(kind).steps]
    md = flat(one(files, ".md")[1].decode())
    html = flat(re.sub(r"<[^>]+>", " ", one(files, ".html")[1].decode()))
    docx = flat(word_text(one(files, ".docx")[1]))
    pdf = flat(pdf_text(one(files, ".pdf")[1]))
    for text in (md, docx):
        for expected in [*titles, *EXPECTED[kind]]:
            assert expected in text, (kind, expected)
    # HTML escapes quotes and PDF breaks lines: their every step and a value or two.
    for expected in titles:
        assert expected in html.replace("&#x27;", "'").replace("&quot;", '"'), expected
        assert flat(expected) in pdf.replace("- ", "-"), expected
    assert EXPECTED[kind][-1] in pdf


def test_the_files_are_named_by_case_code_kind_and_day_never_clashing(tmp_path):
    names = set()
    for kind in KINDS:
        files = exported(tmp_path / kind, kind)
        assert all(n.startswith("VOORBEELD-FICTIEF-01-") for n in files)
        assert not names & files.keys(), names & files.keys()
        names |= files.keys()
    assert "VOORBEELD-FICTIEF-01-overlegverslag-2026-10-27.docx" in names
    assert "VOORBEELD-FICTIEF-01-overlegverslag-2026-10-27-volgend-overleg.ics" in names
    assert "VOORBEELD-FICTIEF-01-evaluatie-2027-01-19.pdf" in names
    assert "VOORBEELD-FICTIEF-01-perspectieve-analyse-2026-10-28-intentieverklaring.toml" in names


def test_only_what_a_kind_makes_is_written(tmp_path):
    meeting = {n.rsplit(".", 1)[1] for n in exported(tmp_path / "m", "meeting")}
    evaluation = {n.rsplit(".", 1)[1] for n in exported(tmp_path / "e", "evaluation")}
    prospective = exported(tmp_path / "p", "prospective")
    assert meeting == {"md", "html", "docx", "pdf", "eml", "ics"}  # no declaration in minutes
    assert evaluation == {"md", "html", "docx", "pdf", "eml"}
    assert any(n.endswith("-intentieverklaring.toml") for n in prospective)
    assert any(n.endswith("-bijeenkomsten.ics") for n in prospective)


def test_the_minutes_calendar_file_has_the_next_meeting_at_its_local_time(tmp_path):
    _, data = one(exported(tmp_path, "meeting"), ".ics")
    assert b"DTSTART;TZID=Europe/Amsterdam:20261103T083000" in data
    [event] = Calendar.from_ical(data).walk("VEVENT")
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert start == NEXT_MEETING.replace(tzinfo=ZoneInfo("Europe/Amsterdam"))
    assert start.utcoffset() == dt.timedelta(hours=1)  # November: winter time, 07:30 UTC
    assert end - start == dt.timedelta(minutes=method_kind("meeting").minutes)
    assert str(event["location"]) == "RET-kantoor, kamer 2"
    assert "Kernteamoverleg" in str(event["summary"])
    for step in method_kind("meeting").steps:  # the standing agenda in the invitation
        assert step.in_language("nl").title in str(event["description"])
    assert Calendar.from_ical(data).walk("VTIMEZONE")


def test_the_minutes_mail_names_the_kind_says_the_next_meeting_and_carries_the_invitation(tmp_path):
    files = exported(tmp_path, "meeting")
    message = email.message_from_bytes(one(files, ".eml")[1], policy=policy.default)
    assert str(message["Subject"]) == "Verslag kernteamoverleg 2"
    body = message.get_body(("plain",)).get_content()
    assert "Volgend overleg: 3 november 2026, 08:30, RET-kantoor, kamer 2" in body
    attached = [part.get_filename() for part in message.iter_attachments()]
    assert attached == ["VOORBEELD-FICTIEF-01-overlegverslag-2026-10-27.docx",
                        "VOORBEELD-FICTIEF-01-overlegverslag-2026-10-27.pdf",
                        "VOORBEELD-FICTIEF-01-overlegverslag-2026-10-27-volgend-overleg.ics"]
    assert all(a in body for a in attached)
    invitation = list(message.iter_attachments())[-1]  # as text, so a mail program offers it for the agenda
    assert invitation.get_content_type() == "text/calendar" and "BEGIN:VCALENDAR" in invitation.get_content()


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_exports_in_english_too(tmp_path, kind):
    md = one(exported(tmp_path, kind, "en"), ".md")[1].decode()
    name = method_kind(kind).in_language("en").name
    assert md.startswith(f"# {name} report: ")
    for step in method_kind(kind).steps:
        assert f"## {step.in_language('en').title}" in md
    assert "kind_report." not in md and "{" not in md  # no key or unfilled field shows


def test_a_skipped_optional_step_is_left_out_of_the_document():
    session = KINDS["prospective"]()
    session.session.skipped_steps = ["backdrop"]
    headings = [b.text for b in build(session).blocks if isinstance(b, Heading)]
    assert method_kind("prospective").step("backdrop").in_language("nl").title not in headings
    assert method_kind("prospective").step("course").in_language("nl").title in headings


def test_no_word_in_the_minutes_tables_is_broken_in_two_on_the_pdf_page():
    """Six columns of dates, names and sentences: "2 nove-mber", "Draagba-ar?" read badly."""
    from retro_tui.report import pdf
    from retro_tui.report.document import Table

    doc = build(KINDS["meeting"]())
    text = pdf_text(pdf.render(doc))
    words = {w for b in doc.blocks if isinstance(b, Table) for row in (b.header, *b.rows) for cell in row
             for w in cell.split() if len(w) >= 5}
    assert words
    broken = {w for w in words if w not in text}
    assert not broken, sorted(broken)



ARC = example_arc_sources()


@pytest.mark.parametrize("session_file", ARC, ids=[f.stem.split("-", 3)[-1] for f in ARC])
def test_no_name_date_or_ordinary_word_in_the_example_arcs_tables_is_broken_on_the_pdf_page(session_file):
    """The example's own minutes, with real names and a six-column action table whose
    words together are wider than the page: only a sentence's very long compound word
    ("maatwerkfinanciering") may give way, never a name, a date, a header or an
    ordinary word ("Gerar d Smit", "23 ok tober", "Draagb aar?" read badly)."""
    from retro_tui.report import pdf
    from retro_tui.report.document import Table

    doc = build(load(session_file))
    text = pdf_text(pdf.render(doc))
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    words = {w for b in tables for row in (b.header, *b.rows) for cell in row for w in cell.split() if 5 <= len(w) <= 15}
    assert len(words) > 20
    broken = {w for w in words if w not in text}
    assert not broken, sorted(broken)


def test_a_fifth_kind_defined_here_exports_its_steps_records_without_a_builder_of_its_own(tmp_path, monkeypatch):
    """Adding a kind is adding a file: its document comes from its steps' records."""
    import retro_tui.method as method
    from retro_tui.method import Kind, KindText, Step, StepText
    from retro_tui.report.export import export

    def text(title: str) -> dict[str, StepText]:
        return {lang: StepText(f"{title} ({lang})", title, "purpose", ("question?",), ()) for lang in ("nl", "en")}

    aftercare = Kind("aftercare", 9, 30, {lang: KindText(f"Nazorg {lang}", "Nazorg", "about") for lang in ("nl", "en")}, (
        Step("looking_back", 20, text("Terugblik"), ("evaluation.changes", "evaluation.family_view"),
             "step_notes.looking_back"),
        Step("next", 10, text("Hoe verder"), ("meeting.next_starts", "meeting.next_place"), "step_notes.next"),
    ))
    known = method.kinds()
    monkeypatch.setattr(method, "kinds", lambda: (*known, aftercare))
    session = KINDS["evaluation"]()
    session.session.kind = "aftercare"
    session.step_notes = {"looking_back": "Lotte belde zelf."}
    session.meeting.next_starts, session.meeting.next_place = NEXT_MEETING, "Het wijkteam"
    written = export(session, tmp_path / "x.toml", tmp_path / "out", {"md", "html", "docx", "pdf", "eml", "ics", "intention"})
    # Its steps record the next meeting, none the declaration: a calendar file, no declaration.
    assert {p.suffix for p in written} == {".md", ".html", ".docx", ".pdf", ".eml", ".ics"}
    md = next(p for p in written if p.suffix == ".md").read_text("utf-8")
    assert md.startswith("# Verslag nazorg nl: Evaluatie na drie maanden")
    for expected in ("## Terugblik (nl)", "- De wachtdienst belt voortaan de casusregisseur.",
                     "zich voor het eerst gehoord voelt", "Dochter belde zelf.", "## Hoe verder (nl)",
                     "3 november 2026, 08:30", "Het wijkteam"):
        assert expected in md, expected
    assert "Lotte" not in md


def test_a_declaration_asked_of_minutes_by_name_is_refused_with_the_reason(tmp_path, capsys):
    session = KINDS["meeting"]()
    source = tmp_path / "overleg.toml"
    source.write_text(dumps(session), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["export", str(source), "--format", "md,intention", "--out", str(out), "--lang", "nl"]) == 2
    assert "een kernteamoverleg maakt geen intentieverklaring" in capsys.readouterr().err
    assert [p.suffix for p in out.iterdir()] == [".md"]  # the rest is written all the same


def test_the_declaration_exported_alone_from_a_prospective_analysis_does_not_replace_the_analysiss(tmp_path):
    from retro_tui.intention_export import export_intention

    retrospective = export_intention(load(EXAMPLE), tmp_path / "a.toml", tmp_path)
    prospective = export_intention(KINDS["prospective"](), tmp_path / "b.toml", tmp_path)
    assert retrospective.name == "VOORBEELD-FICTIEF-01-intentieverklaring.toml"
    assert prospective.name == "VOORBEELD-FICTIEF-01-perspectieve-analyse-2026-10-28-intentieverklaring.toml"
    assert retrospective.exists() and prospective.exists()


@pytest.mark.parametrize("lang, heading, follows", [
    ("nl", "Intentieverklaring", "De intentieverklaring volgt in de perspectieve analyse."),
    ("en", "Intention declaration", "The intention declaration follows in the prospective analysis."),
])
def test_a_retrospective_whose_closing_was_passed_over_says_the_declaration_follows(lang, heading, follows):
    session = load(EXAMPLE)
    session.session.language = Language(lang)
    session.session.skipped_steps = ["closing"]  # its closing data stays in the file, unshown
    blocks = build(session).blocks
    at = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == heading)
    assert [type(b).__name__ for b in blocks[at:]] == ["Heading", "Paragraph"]  # the last section, nothing else
    assert blocks[at + 1].text == follows
