"""The report as a Word document: real headings, tables and the pictures, because that
is where participants give their feedback, with tracked changes on from the first edit.
Written with python-docx; the pictures go in as PNG (python-docx cannot place SVG).
Page numbers and the contents list are Word fields, which Word and LibreOffice fill in."""

from __future__ import annotations

import datetime as dt
import io
from xml.sax.saxutils import escape

from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

from .document import Bullets, Document, Heading, Paragraph, Picture, Table, column_widths
from .drawing import to_png

LANGUAGE_TAG = {"nl": "nl-NL", "en": "en-GB"}
TEXT_WIDTH_CM = 16.6  # A4 less the margins
NARROWEST_COLUMN_CM = 1.4  # a ★ or a number stays readable, with its header
CELL_POINTS = 9.5


def render(doc: Document, now: dt.datetime | None = None) -> bytes:
    word = WordDocument()
    tag = LANGUAGE_TAG.get(doc.language, doc.language)
    _properties(word, doc, tag, now or dt.datetime.now(dt.UTC))
    _language(word, tag)
    _track_changes(word)
    section = word.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)  # A4
    section.left_margin = section.right_margin = Cm(2.2)
    _page_numbers(section)
    word.add_heading(doc.title, level=0)
    headings = [b for b in doc.blocks if isinstance(b, Heading) and b.level <= 2]
    if headings and doc.contents:
        _contents(word, doc.contents, headings)
    for block in doc.blocks:
        if isinstance(block, Heading):
            heading = _styled(word, f"Heading {min(block.level, 4)}", block.text)
            heading.paragraph_format.keep_with_next = True
        elif isinstance(block, Paragraph):
            _paragraph(word, block)
        elif isinstance(block, Bullets):
            for item in block.items:
                _lines(_styled(word, "List Bullet"), item)
        elif isinstance(block, Table):
            _table(word, block)
        elif isinstance(block, Picture):
            word.add_picture(io.BytesIO(to_png(block.drawing)), width=Cm(TEXT_WIDTH_CM))
            word.paragraphs[-1].paragraph_format.keep_with_next = True  # the picture with its caption
            caption = word.add_paragraph(block.alt)
            caption.runs[0].italic = True
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _properties(word, doc: Document, tag: str, now: dt.datetime) -> None:
    """What Word shows under File › Info: not "python-docx" in 2013."""
    props = word.core_properties
    # Word's core properties hold at most 255 characters; a longer one is refused.
    props.title = _property(doc.title)
    props.author = props.last_modified_by = _property(doc.author or "")
    props.language = tag
    props.created = props.modified = now.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    props.revision = 1
    props.comments = props.subject = props.keywords = props.category = ""


def _track_changes(word) -> None:
    """Every participant's edit shows as a tracked change; fields update on opening.

    Word refuses settings out of the schema's order: trackRevisions goes before
    defaultTabStop, updateFields before compat (both are in python-docx's template)."""
    settings = word.settings.element
    for name, before in (("w:trackRevisions", "w:defaultTabStop"), ("w:updateFields", "w:compat")):
        element = OxmlElement(name)
        if name == "w:updateFields":
            element.set(qn("w:val"), "true")
        settings.find(qn(before)).addprevious(element)


def _field(paragraph, instruction: str, shown: str = "") -> None:
    """A complex field: Word and LibreOffice compute it; `shown` is its text until then."""
    def char(kind: str):
        run = OxmlElement("w:r")
        mark = OxmlElement("w:fldChar")
        mark.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            mark.set(qn("w:dirty"), "true")
        run.append(mark)
        return run

    code = OxmlElement("w:r")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    code.append(text)
    p = paragraph._p
    p.append(char("begin"))
    p.append(code)
    p.append(char("separate"))
    p.add_r().text = shown
    p.append(char("end"))


def _page_numbers(section) -> None:
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(footer, "PAGE", "1")


def _contents(word, title: str, headings: list[Heading]) -> None:
    """A contents list: the TOC field, showing the section titles until it is updated."""
    word.add_paragraph().add_run(title).bold = True
    p = word.add_paragraph()
    _field(p, 'TOC \\o "1-2" \\h \\z \\u', "")
    # The field's result: the headings themselves, so the list reads before any update.
    runs = p._p.findall(qn("w:r"))
    result = runs[-2]
    for i, heading in enumerate(headings):
        if i:
            result.append(OxmlElement("w:br"))
        t = OxmlElement("w:t")
        t.text = heading.text
        result.append(t)


def _style_id(word, name: str) -> str:
    """A built-in style's id, looked up once per document: python-docx resolves a style
    given by name or object by scanning every style for the default each time, which
    for a regional bundle's thousands of paragraphs was most of the export."""
    ids = word.__dict__.setdefault("_retro_style_ids", {})
    if name not in ids:
        ids[name] = word.styles[name].style_id
    return ids[name]


def _styled(word, name: str, text: str = ""):
    """A paragraph in a built-in style, set on its properties by id (see _style_id)."""
    paragraph = word.add_paragraph(text)
    paragraph._p.get_or_add_pPr().style = _style_id(word, name)
    return paragraph


def _lines(paragraph, text: str) -> None:
    """Text whose lines are its own (a notetaker's notes) keeps them as line breaks."""
    paragraph.add_run(text)


def _add(word, properties: str, run: str) -> None:
    """A paragraph written as XML, before the section's properties that end the body:
    python-docx's add_paragraph, add_run and their setters search the tree for their
    place at each call, and a big session's report has thousands of paragraphs."""
    body = word.element.body
    p = parse_xml(f"<w:p {nsdecls('w')}>{f'<w:pPr>{properties}</w:pPr>' if properties else ''}{run}</w:p>")
    if body.sectPr is not None:
        body.sectPr.addprevious(p)
    else:
        body.append(p)


def _paragraph(word, block: Paragraph) -> None:
    if block.style == "banner":
        p = word.add_paragraph()
        run = p.add_run(block.text)
        run.bold = True
        run.font.color.rgb = RGBColor(0x7C, 0x3F, 0x00)
        _shade(p, "FFF4D6")
    elif block.style == "quote":
        quote = _style_id(word, "Quote")
        _add(word, f'<w:pStyle w:val="{escape(quote)}"/><w:keepNext/>', _run(f"“{block.text}”"))
        _add(word, '<w:jc w:val="right"/>', _run(f"— {block.by}"))
    elif block.style == "label":
        _add(word, "<w:keepNext/>", _run(block.text, "<w:b/>"))  # a label is a small heading
    elif block.style == "muted":
        _add(word, "", _run(block.text, '<w:i/><w:color w:val="555555"/>'))
    else:
        # A blank line in the text is a new paragraph, not two line breaks.
        for part in (x.strip("\n") for x in block.text.split("\n\n")):
            if part:
                _add(word, "", _run(part))


def _table(word, block: Table) -> None:
    """The header row through python-docx, the body as one piece of XML: python-docx's
    add_row and per-cell width and font setters search the tree for every cell, which
    made Word most of a big session's export (2,000 rows: seconds instead of a tenth)."""
    table = word.add_table(rows=1, cols=len(block.header))
    table.style = "Table Grid"
    widths = [Cm(w) for w in column_widths(block, TEXT_WIDTH_CM, NARROWEST_COLUMN_CM)]
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width  # the grid, which LibreOffice follows
    header = table.rows[0]
    for cell, text, width in zip(header.cells, block.header, widths):
        cell.width = width
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.size = Pt(CELL_POINTS)
    _repeat_header(header)
    if block.rows:
        size = f'<w:sz w:val="{int(CELL_POINTS * 2)}"/>'
        cells = [f'<w:tc><w:tcPr><w:tcW w:w="{w.twips}" w:type="dxa"/></w:tcPr><w:p>{{}}</w:p></w:tc>' for w in widths]
        rows = "".join(
            '<w:tr><w:trPr><w:cantSplit/></w:trPr>'
            + "".join(cell.format(_run(text, size)) for cell, text in zip(cells, row))
            + "</w:tr>"
            for row in block.rows
        )
        table._tbl.extend(parse_xml(f"<w:tbl {nsdecls('w')}>{rows}</w:tbl>"))
    word.add_paragraph()


def _run(text: str, properties: str = "") -> str:
    """Text as a run of XML with its properties, its lines and tabs kept as Word's own
    breaks (as python-docx's run.text does)."""
    if not text:
        return ""
    lines = "<w:br/>".join(
        "<w:tab/>".join(f'<w:t xml:space="preserve">{escape(part)}</w:t>' if part else "" for part in line.split("\t"))
        for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    )
    return f"<w:r>{f'<w:rPr>{properties}</w:rPr>' if properties else ''}{lines}</w:r>"


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:tblHeader"))


def _keep_row_whole(row) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))


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


def _property(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 255 else text[:254] + "…"
