"""The report as PDF, for the final version that is kept and bundled for the region.

Written with ReportLab's page layout (Platypus), which installs with pip alone (no
system libraries, unlike HTML-to-PDF converters) and flows text, keeps headings with
what follows, repeats table headers and builds a contents list with page numbers, in
one pass (see _Contents). The text is set in Bitstream Vera, which ReportLab ships,
embedded so every reader shows the same letters. Vera has no ★, and a symbol font's
star depends on the reader's fonts, so the ★ of a crucial moment is drawn, as in the
timeline picture. The pictures are drawn as shapes (pdf_drawing), not placed as PNGs."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.graphics.shapes import Drawing, Polygon
from reportlab.lib.units import cm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, KeepTogether, ListFlowable, ListItem, PageTemplate,
                                Paragraph as Para, Spacer)
from reportlab.platypus import Table as Grid
from reportlab.platypus import TableStyle

from ..i18n import t
from .document import Bullets, Document, Heading, Paragraph, Picture, Table, column_widths
from .pdf_drawing import vector

MARGIN = 2.1 * cm
TEXT_WIDTH = A4[0] - 2 * MARGIN
STAR_COLOUR = colors.HexColor("#d97706")  # the timeline picture's crucial moments


def _fonts() -> str:
    folder = Path(reportlab.__file__).parent / "fonts"
    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        for name, file in (("Vera", "Vera.ttf"), ("Vera-Bold", "VeraBd.ttf"), ("Vera-Italic", "VeraIt.ttf"),
                           ("Vera-BoldItalic", "VeraBI.ttf")):
            pdfmetrics.registerFont(TTFont(name, str(folder / file)))
        pdfmetrics.registerFontFamily("Vera", normal="Vera", bold="Vera-Bold", italic="Vera-Italic",
                                      boldItalic="Vera-BoldItalic")
    return "Vera"


def _styles(font: str) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=font, fontSize=10, leading=14, spaceAfter=5)
    return {
        "body": body,
        "title": ParagraphStyle("title", body, fontName=font + "-Bold", fontSize=18, leading=23, spaceAfter=10),
        "h2": ParagraphStyle("h2", body, fontName=font + "-Bold", fontSize=14, leading=18, spaceBefore=14,
                             spaceAfter=6, textColor=colors.HexColor("#1f4e79"), keepWithNext=1),
        "h3": ParagraphStyle("h3", body, fontName=font + "-Bold", fontSize=11.5, leading=15, spaceBefore=8,
                             keepWithNext=1),
        "label": ParagraphStyle("label", body, fontName=font + "-Bold", spaceAfter=2, keepWithNext=1),
        "muted": ParagraphStyle("muted", body, fontName=font + "-Italic", textColor=colors.HexColor("#555555")),
        "banner": ParagraphStyle("banner", body, fontName=font + "-Bold", backColor=colors.HexColor("#fff4d6"),
                                 borderColor=colors.HexColor("#d97706"), borderWidth=0.6, borderPadding=5,
                                 spaceBefore=4, spaceAfter=12, textColor=colors.HexColor("#7c3f00")),
        "quote": ParagraphStyle("quote", body, fontName=font + "-Italic", leftIndent=14, spaceAfter=1,
                                keepWithNext=1),
        "by": ParagraphStyle("by", body, alignment=TA_RIGHT, fontSize=9, textColor=colors.HexColor("#555555")),
        "cell": ParagraphStyle("cell", body, fontSize=9, leading=11.5, spaceAfter=0),
        "head": ParagraphStyle("head", body, fontName=font + "-Bold", fontSize=9, leading=11.5, spaceAfter=0),
        "caption": ParagraphStyle("caption", body, fontName=font + "-Italic", fontSize=9,
                                  textColor=colors.HexColor("#555555")),
        "toc": ParagraphStyle("toc", body, spaceAfter=1),
        "contents": ParagraphStyle("contents", body, fontName=font + "-Bold", spaceAfter=2),
    }


def _markup(text: str) -> str:
    """Plain text as ReportLab's paragraph markup: escaped, its own lines kept."""
    return escape(text).replace("\n", "<br/>")


def _star(size: float = 9) -> Drawing:
    import math

    r, inner = size / 2, size / 5
    points = []
    for i in range(10):
        angle = math.pi / 2 + i * math.pi / 5
        radius = r if i % 2 == 0 else inner
        points += [r + radius * math.cos(angle), r + radius * math.sin(angle) - 0.5]
    drawing = Drawing(size, size)
    drawing.add(Polygon(points, fillColor=STAR_COLOUR, strokeColor=None))
    return drawing


CELL_PADDING = 6  # ReportLab's default left and right padding of a table cell
TOP_PADDING, BOTTOM_PADDING = 2.5, 3.5  # of every cell of a report's table


def _row_height(cells: list, style) -> float | None:
    """A row of plain lines is as high as its longest cell, in the arithmetic ReportLab's
    table uses, so the layout is the same to the byte. Given, it spares the table
    working every row out again for each page it splits off (a big session's timeline
    table is 40 pages). A row with a paragraph or a star is left to ReportLab."""
    if not all(isinstance(c, str) for c in cells):
        return None
    return style.leading * max(c.count("\n") + 1 for c in cells) + (BOTTOM_PADDING + TOP_PADDING)


def _cell(text: str, style, width: float):
    """A cell's text as plain lines, broken at spaces to the column's width: the table
    sets them in the cell's font without laying out a paragraph (a big session's
    timeline table has 10,000 cells). A cell with a word wider than its column is a
    paragraph, which breaks the word."""
    if text == "★":
        return _star()
    room = width - 2 * CELL_PADDING
    font, size = style.fontName, style.fontSize
    if "\n" not in text and stringWidth(text, font, size) <= room:
        return text  # one line, the most common cell: no breaking to do
    lines = [line for part in text.split("\n")
             for line in simpleSplit(part, font, size, room) or [""]]
    if all(stringWidth(line, font, size) <= room for line in lines):
        return "\n".join(lines)
    return Para(_markup(text), style)


def _starred(text: str, style) -> list:
    """A crucial moment's heading, "★ 14 maart 2019 — ...": the star drawn before it."""
    line = Grid([[_star(), Para(_markup(text[1:].strip()), style)]], colWidths=[0.45 * cm, TEXT_WIDTH - 0.45 * cm],
                splitInRow=1)  # a heading longer than a page still goes in
    line.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("TOPPADDING", (0, 0), (0, 0), 3.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    line.keepWithNext = True
    return [line]


class _Contents(Flowable):
    """The contents list, laid out in the same single pass as the report.

    ReportLab's TableOfContents needs multiBuild, which lays out and draws the whole
    report twice (for a big session, seconds). Here each entry's page number is a PDF
    form: drawn where the number goes before it is known, and defined when the section
    lands (canvas.doForm allows a form defined later)."""

    NUMBER_WIDTH = 1.2 * cm

    def __init__(self, titles: list[tuple[int, str]], style: ParagraphStyle) -> None:
        super().__init__()
        self.titles, self.style = titles, style

    def _lines(self, width: float) -> list[list[str]]:
        text_width = width - self.NUMBER_WIDTH
        return [simpleSplit(title, self.style.fontName, self.style.fontSize, text_width) or [""]
                for _, title in self.titles]

    def _height(self, lines: list[str]) -> float:
        return len(lines) * self.style.leading + self.style.spaceAfter

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = sum(self._height(lines) for lines in self._lines(availWidth))
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list:
        used, fits = 0.0, 0
        for lines in self._lines(availWidth):
            if used + self._height(lines) > availHeight:
                break
            used, fits = used + self._height(lines), fits + 1
        if fits in (0, len(self.titles)):
            return []
        return [_Contents(self.titles[:fits], self.style), _Contents(self.titles[fits:], self.style)]

    def draw(self) -> None:
        canvas, style = self.canv, self.style
        size, leading = style.fontSize, style.leading
        dot_width = stringWidth(" .", style.fontName, size)
        canvas.setFont(style.fontName, size)
        y = self.height
        for (number, _), lines in zip(self.titles, self._lines(self.width)):
            for line in lines:
                y -= leading
                canvas.drawString(0, y + leading - size, line)
            baseline = y + leading - size
            start = stringWidth(lines[-1], style.fontName, size)
            dots = int((self.width - self.NUMBER_WIDTH - start) / dot_width)
            canvas.drawRightString(self.width - self.NUMBER_WIDTH + size / 2, baseline, " ." * max(dots, 0))
            canvas.saveState()
            canvas.translate(self.width, baseline)
            canvas.doForm(_page_form(number))
            canvas.restoreState()
            y -= style.spaceAfter


def _page_form(number: int) -> str:
    return f"contents-page-{number}"


class _Report(BaseDocTemplate):
    """Tells the contents list where each section heading landed."""

    def afterFlowable(self, flowable) -> None:
        number = getattr(flowable, "section", None)
        if isinstance(flowable, Para) and number is not None:
            style = self.contents_style
            canvas = self.canv
            # A form's box starts at its origin: the number is drawn to the left of it.
            canvas.beginForm(_page_form(number), lowerx=-self.number_width, lowery=-style.fontSize,
                             upperx=1, uppery=style.fontSize * 2)
            canvas.setFont(style.fontName, style.fontSize)
            canvas.drawRightString(0, 0, str(self.page))
            canvas.endForm()


def render(doc: Document, now: dt.datetime | None = None) -> bytes:
    font = _fonts()
    s = _styles(font)
    out = io.BytesIO()
    page_label = t("report.page", doc.language, page="{page}")

    def footer(canvas, template) -> None:
        canvas.saveState()
        canvas.setFont(font, 8.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawCentredString(A4[0] / 2, 1.2 * cm, page_label.format(page=canvas.getPageNumber()))
        canvas.restoreState()

    report = _Report(out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=1.9 * cm,
                     bottomMargin=2.0 * cm, title=doc.title, author=doc.author, lang=doc.language,
                     creator="retro-tui", subject=doc.title)
    frame = Frame(MARGIN, 2.0 * cm, TEXT_WIDTH, A4[1] - 3.9 * cm, id="text")
    report.addPageTemplates([PageTemplate("page", [frame], onPage=footer)])

    report.contents_style, report.number_width = s["toc"], _Contents.NUMBER_WIDTH
    story: list = [Para(_markup(doc.title), s["title"])]
    sections = [b.text for b in doc.blocks if isinstance(b, Heading) and b.level <= 2]
    if doc.contents and sections:
        story += [Para(_markup(doc.contents), s["contents"]), _Contents(list(enumerate(sections)), s["toc"]),
                  Spacer(1, 8)]
    numbers = iter(range(len(sections)))
    for block in doc.blocks:
        flowables = _flowables(block, s)
        if isinstance(block, Heading) and block.level <= 2:
            flowables[0].section = next(numbers)
        story += flowables
    report.build(_kept_with_next(story))
    return out.getvalue()


def _kept_with_next(story: list) -> list:
    """A heading or label and what follows it as one unit that moves to the next page
    together (the style's keepWithNext alone let a heading stay behind above a picture)."""
    out: list = []
    pending: list = []
    for flowable in story:
        if isinstance(flowable, Para) and getattr(flowable.style, "keepWithNext", False):
            pending.append(flowable)
            continue
        if pending:
            inner = flowable._content if isinstance(flowable, KeepTogether) else [flowable]
            out.append(KeepTogether([*pending, *inner]))
            pending = []
        else:
            out.append(flowable)
    return out + pending


def _flowables(block, s) -> list:
    if isinstance(block, Heading):
        return [Para(_markup(block.text), s["h2" if block.level <= 2 else "h3"])]
    if isinstance(block, Paragraph):
        if block.style == "quote":
            return [KeepTogether([Para(f"“{_markup(block.text)}”", s["quote"]),
                                  Para(f"— {_markup(block.by)}", s["by"])])]
        style = s[block.style] if block.style else s["body"]
        if block.text.startswith("★"):
            return _starred(block.text, style)
        parts = block.text.split("\n\n") if not block.style else [block.text]
        return [Para(_markup(part.strip("\n")), style) for part in parts if part.strip()]
    if isinstance(block, Bullets):
        items = [ListItem(Para(_markup(i), s["body"]), leftIndent=12) for i in block.items]
        return [ListFlowable(items, bulletType="bullet", start="•", leftIndent=12, bulletFontName="Vera")]
    if isinstance(block, Table):
        widths = [w * cm for w in column_widths(block, TEXT_WIDTH / cm, 1.2)]
        rows = [[_cell(c, s["head"], w) for c, w in zip(block.header, widths)]]
        rows += [[_cell(c, s["cell"], w) for c, w in zip(r, widths)] for r in block.rows]
        heights = [_row_height(rows[0], s["head"]), *(_row_height(r, s["cell"]) for r in rows[1:])]
        # A cell longer than a page (a long note) is split across pages, not refused.
        grid = Grid(rows, colWidths=widths, rowHeights=heights, repeatRows=1, splitByRow=1, splitInRow=1)
        grid.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#bbbbbb")),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f0f0f0")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), TOP_PADDING), ("BOTTOMPADDING", (0, 0), (-1, -1), BOTTOM_PADDING),
            ("FONT", (0, 0), (-1, 0), s["head"].fontName, s["head"].fontSize, s["head"].leading),
            ("FONT", (0, 1), (-1, -1), s["cell"].fontName, s["cell"].fontSize, s["cell"].leading),
        ]))
        return [grid, Spacer(1, 8)]
    if isinstance(block, Picture):
        ratio = block.drawing.height / block.drawing.width
        width = min(TEXT_WIDTH, 19 * cm / ratio)  # a tall picture still fits a page with its caption
        body = s["body"].fontName
        picture = vector(block.drawing, width, (body, body + "-Bold"))
        return [KeepTogether([picture, Para(_markup(block.alt), s["caption"])])]
    return []
