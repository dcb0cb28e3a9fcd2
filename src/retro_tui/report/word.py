"""The report as a Word document: real headings, tables and the pictures, because that
is where participants give their feedback, with tracked changes. Written with
python-docx; the pictures go in as PNG (python-docx cannot place SVG)."""

from __future__ import annotations

import io

from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from .document import Bullets, Document, Heading, Paragraph, Picture, Table
from .drawing import to_png

LANGUAGE_TAG = {"nl": "nl-NL", "en": "en-GB"}


def render(doc: Document) -> bytes:
    word = WordDocument()
    word.core_properties.title = doc.title
    word.core_properties.language = LANGUAGE_TAG.get(doc.language, doc.language)
    _language(word, LANGUAGE_TAG.get(doc.language, doc.language))
    section = word.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)  # A4
    section.left_margin = section.right_margin = Cm(2.2)
    word.add_heading(doc.title, level=0)
    for block in doc.blocks:
        if isinstance(block, Heading):
            word.add_heading(block.text, level=min(block.level, 4))
        elif isinstance(block, Paragraph):
            _paragraph(word, block)
        elif isinstance(block, Bullets):
            for item in block.items:
                word.add_paragraph(item, style="List Bullet")
        elif isinstance(block, Table):
            _table(word, block)
        elif isinstance(block, Picture):
            word.add_picture(io.BytesIO(to_png(block.drawing)), width=Cm(16.5))
            caption = word.add_paragraph(block.alt)
            caption.runs[0].italic = True
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _paragraph(word, block: Paragraph) -> None:
    if block.style == "banner":
        p = word.add_paragraph()
        run = p.add_run(block.text)
        run.bold = True
        run.font.color.rgb = RGBColor(0x7C, 0x3F, 0x00)
        _shade(p, "FFF4D6")
    elif block.style == "quote":
        p = word.add_paragraph(style="Quote")
        p.add_run(f"“{block.text}”")
        by = word.add_paragraph(f"— {block.by}")
        by.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif block.style == "label":
        word.add_paragraph().add_run(block.text).bold = True
    elif block.style == "muted":
        run = word.add_paragraph().add_run(block.text)
        run.italic = True
        run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    else:
        word.add_paragraph(block.text)


def _table(word, block: Table) -> None:
    table = word.add_table(rows=1, cols=len(block.header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, block.header):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
    for row in block.rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    # Columns as wide as their text needs (a star column must not take a quarter).
    need = [max(len(r[i]) for r in (block.header, *block.rows)) for i in range(len(block.header))]
    need = [min(max(n, 3), 60) for n in need]
    # No column so narrow that a word breaks in two ("profess-ionals").
    words = [max((len(w) for r in block.rows for w in r[i].split()), default=3) for i in range(len(need))]
    need = [max(n, 2 * w) for n, w in zip(need, words)]
    total = sum(need)
    table.autofit = False
    for column, n in zip(table.columns, need):
        column.width = Cm(16.5 * n / total)  # the grid, which LibreOffice follows
    for row in table.rows:
        for cell, n in zip(row.cells, need):
            cell.width = Cm(16.5 * n / total)
            for p in cell.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(9.5)
    word.add_paragraph()


def _shade(paragraph, colour: str) -> None:
    properties = paragraph._p.get_or_add_pPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), colour)
    properties.append(shading)


def _language(word, tag: str) -> None:
    """Spelling and grammar in the report's language, so Word does not mark every line."""
    style = word.styles["Normal"]
    run_properties = style.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), tag)
    run_properties.append(lang)
