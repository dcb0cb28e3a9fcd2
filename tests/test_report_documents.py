"""The report as its readers get it: Word set up for feedback (tracked changes, real
properties, page numbers, a contents list), a PDF whose text reads back with pdftotext,
a calendar at the declaration's hours in Dutch time, and running text in people's words."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import zipfile
from zoneinfo import ZoneInfo

import pytest
from docx import Document as WordDocument
from icalendar import Calendar

from conftest import EXAMPLE
from retro_tui.report.build import build
from retro_tui.report.calendar import meeting_time
from retro_tui.report.export import render_all
from retro_tui.store import load


@pytest.fixture(scope="module")
def example():
    return load(EXAMPLE)


@pytest.fixture(scope="module")
def files(example):
    return dict(render_all(example, "example", {"docx", "pdf", "ics", "intention", "html"}))


def _xml(docx: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return z.read(name).decode("utf-8")


def test_word_tracks_changes_and_updates_its_fields(files):
    settings = _xml(files["example-verslag.docx"], "word/settings.xml")
    assert "<w:trackRevisions/>" in settings
    assert '<w:updateFields w:val="true"/>' in settings
    # Word rejects settings out of the schema's order.
    assert settings.index("w:trackRevisions") < settings.index("w:defaultTabStop")
    assert settings.index("w:updateFields") < settings.index("w:compat")


def test_word_properties_name_the_facilitator_now_and_the_language(files, example):
    props = WordDocument(io.BytesIO(files["example-verslag.docx"])).core_properties
    assert props.author == example.session.facilitator
    assert props.title.endswith(example.session.title)
    assert props.language == "nl-NL"
    assert abs(props.created.replace(tzinfo=dt.UTC) - dt.datetime.now(dt.UTC)) < dt.timedelta(hours=1)
    assert "python-docx" not in (props.author, props.last_modified_by, props.comments)


def test_word_has_page_numbers_a_contents_list_and_headings_kept_with_their_text(files):
    docx = files["example-verslag.docx"]
    footer = _xml(docx, "word/footer1.xml") if "word/footer1.xml" in zipfile.ZipFile(io.BytesIO(docx)).namelist() \
        else "".join(_xml(docx, n) for n in zipfile.ZipFile(io.BytesIO(docx)).namelist() if "footer" in n)
    assert "PAGE" in footer
    body = _xml(docx, "word/document.xml")
    assert "TOC \\o" in body
    word = WordDocument(io.BytesIO(docx))
    headings = [p for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings and all(p.paragraph_format.keep_with_next for p in headings)


def test_word_paragraphs_and_cells_flow_without_the_files_line_breaks(files, example):
    word = WordDocument(io.BytesIO(files["example-verslag.docx"]))
    # The example's texts are wrapped at about 90 characters in the TOML file.
    wrapped = example.closing.assignment
    assert "\n" in wrapped.strip()
    flowed = " ".join(wrapped.split())
    assert any(p.text == flowed for p in word.paragraphs)
    for table in word.tables:
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    assert "\n" not in p.text, p.text


def test_word_star_column_is_wide_enough_for_its_header(files):
    word = WordDocument(io.BytesIO(files["example-verslag.docx"]))
    timeline = next(t for t in word.tables if t.rows[0].cells[1].text == "★")
    assert timeline.columns[1].width.cm >= 1.3


def _pdftotext(data: bytes, tmp_path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (Debian: poppler-utils) is not installed")
def test_the_pdf_reads_back_with_every_section_page_numbers_and_contents(files, example, tmp_path):
    text = _pdftotext(files["example-verslag.pdf"], tmp_path)
    doc = build(example)
    sections = [b.text for b in doc.blocks if type(b).__name__ == "Heading" and b.level <= 2]
    flat = " ".join(text.split())
    for title in sections:
        assert flat.count(title) >= 2, title  # in the contents list and as the heading
    assert "Inhoud" in text and "Pagina 1" in text and "Pagina 3" in text
    assert " ".join(example.closing.assignment.split()) in flat
    assert "14 oktober 2026" in flat
    crucial = [e for e in example.timeline.events if e.crucial]
    assert all(e.title in flat for e in crucial)
    marked = [q for q in example.quotes if q.for_report]
    assert marked and all(" ".join(q.text.split())[:40] in flat for q in marked)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (Debian: poppler-utils) is not installed")
def test_the_pdf_contents_list_gives_the_page_each_section_starts_on(tmp_path):
    """The report is laid out once; each number in the contents list is filled in when
    its section lands. Checked on a session long enough that sections start late, and
    with more sections than fit on the contents page's first lines."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from big_session import big_session

    session = big_session(events=300, quotes=400, insights=40)
    pages = _pdftotext(dict(render_all(session, "big", {"pdf"}))["big-verslag.pdf"], tmp_path).split("\f")
    sections = [b.text for b in build(session).blocks if type(b).__name__ == "Heading" and b.level <= 2]
    listed = {}
    for line in pages[0].splitlines():
        title, _, number = line.rpartition(" . ")
        if number.strip().isdigit():
            listed[title.rstrip(" .").strip()] = int(number)
    assert set(listed) == set(sections) and max(listed.values()) > 10
    for title, number in listed.items():
        starts = [i + 1 for i, page in enumerate(pages) if title in [x.strip() for x in page.splitlines()]]
        assert starts and starts[0] == number, (title, number, starts)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (Debian: poppler-utils) is not installed")
def test_pdf_table_cells_keep_every_word_however_they_are_set(tmp_path):
    """Cells are set as plain lines where they can be, and as paragraphs where a word is
    wider than the column: every word is in the PDF, markup characters as typed, a line
    of its own where the text has one, and a cell longer than a page goes on the next."""
    from retro_tui.report import pdf
    from retro_tui.report.document import Document, Table

    long_word = "Onderzoeksrapportage" * 8
    many_lines = "\n".join(f"regel {n}" for n in range(80))
    cells = ["a & <b> c", "eerste\n\nderde", long_word, many_lines]
    # Narrow columns beside a wide one: the first three cells sit in a column of 2.5 cm.
    doc = Document(title="T", language="nl", blocks=[
        Table(("Kolom", "Ruimte"), ((cell, "x " * 200),)) for cell in cells])
    text = _pdftotext(pdf.render(doc), tmp_path)
    lines = [" ".join(w for w in line.split() if set(w) != {"x"}) for line in text.splitlines()]
    words = " ".join(lines).split()
    assert " ".join(words[words.index("a"):words.index("a") + 4]) == "a & <b> c"
    assert lines.index("eerste") + 2 == lines.index("derde")  # the empty line kept
    assert long_word in "".join(words)  # all of it, and broken inside its column,
    assert not any(long_word in line.replace(" ", "") for line in lines)  # not running over the next
    assert all(f"regel {n}" in text for n in range(80))  # split across pages, all there


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (Debian: poppler-utils) is not installed")
def test_the_declaration_is_a_readable_pdf(files, example, tmp_path):
    flat = " ".join(_pdftotext(files["example-intentieverklaring.pdf"], tmp_path).split())
    assert "Intentieverklaring" in flat
    assert all(m.name in flat for m in example.closing.core_team)
    assert "20 oktober 2026" in flat


def test_meetings_are_at_the_declarations_hours_in_dutch_time(files, example):
    assert "08.30 tot 09.30" in example.closing.frequency
    cal = Calendar.from_ical(files["example-bijeenkomsten.ics"])
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(example.closing.meeting_dates)
    zone = ZoneInfo("Europe/Amsterdam")
    for event in events:
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert isinstance(start, dt.datetime), "an all-day meeting"
        assert str(event["dtstart"].params["TZID"]) == "Europe/Amsterdam"
        assert start.astimezone(zone).time() == dt.time(8, 30) and end.astimezone(zone).time() == dt.time(9, 30)
        assert start.date() in example.closing.meeting_dates
    assert [z["TZID"] for z in cal.walk("VTIMEZONE")] == ["Europe/Amsterdam"]


@pytest.mark.parametrize("said, hours", [
    ("Kernteam: op dinsdag van 08.30 tot 09.30.", ((8, 30), (9, 30))),
    ("Inhoudsteam 14:00–15:30. Kernteam elke week 8.30-9.30", ((8, 30), (9, 30))),
    ("Core team: Tuesdays from 16.00 to 17.00", ((16, 0), (17, 0))),
    ("wekelijks, tijd volgt", None),
])
def test_the_meeting_hours_are_read_as_people_write_them(said, hours):
    got = meeting_time(said)
    assert got == (None if hours is None else (dt.time(*hours[0]), dt.time(*hours[1])))


def test_without_hours_the_meetings_stay_all_day(example):
    session = example.model_copy(deep=True)
    session.closing.frequency = "Wekelijks."
    cal = Calendar.from_ical(dict(render_all(session, "x", {"ics"}))["x-bijeenkomsten.ics"])
    assert all(type(e.decoded("dtstart")) is dt.date for e in cal.walk("VEVENT"))
    assert not list(cal.walk("VTIMEZONE"))


def test_running_text_writes_dates_as_people_do(files):
    html = files["example-verslag.html"].decode("utf-8")
    assert "20 oktober 2026" in html  # a meeting date, not 2026-10-20
    assert "2026-10-20" not in html
    import re

    # Events without a spoken label: "maart 2022", never "2022-03", in the table and lists.
    assert not re.search(r"<td>\d{4}-\d{2}(-\d{2})?</td>", html)


def test_a_notetakers_lines_stay_lines_in_every_format(example):
    from markdown_it import MarkdownIt

    session = example.model_copy(deep=True)
    session.relate.notes = "Marloes: meer contact met vader\nHenk: school belt niet meer\n\nNa de pauze rustiger"
    got = dict(render_all(session, "x", {"md", "html", "docx"}))
    html = got["x-verslag.html"].decode("utf-8")
    assert "Marloes: meer contact met vader<br>Henk: school belt niet meer" in html
    rendered = MarkdownIt("commonmark").render(got["x-verslag.md"].decode("utf-8"))
    assert "Marloes: meer contact met vader<br />\nHenk: school belt niet meer</p>" in rendered
    assert "<p>Na de pauze rustiger</p>" in rendered
    word = WordDocument(io.BytesIO(got["x-verslag.docx"]))
    paragraph = next(p for p in word.paragraphs if p.text.startswith("Marloes"))
    assert paragraph.text == "Marloes: meer contact met vader\nHenk: school belt niet meer"
    assert any(p.text == "Na de pauze rustiger" for p in word.paragraphs)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (Debian: poppler-utils) is not installed")
def test_no_pdf_page_ends_with_a_heading(files, example, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(files["example-verslag.pdf"])
    headings = {b.text for b in build(example).blocks if type(b).__name__ == "Heading"}
    pages = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    assert len(pages) > 10
    for number, page in enumerate(pages, start=1):
        lines = [x.strip() for x in page.splitlines() if x.strip() and not x.strip().startswith("Pagina")]
        if lines:
            assert lines[-1] not in headings, (number, lines[-1])
