"""A picture (report.drawing) for the PDF as vector shapes, not as a PNG.

ReportLab can place a PNG only by decoding it, hashing and compressing every pixel
again: about half of the example's PDF (150 ms of CPU before, 70-100 ms now) and over
a tenth of a second of the big session's.
Drawn as shapes the picture is sharp at any zoom, a fraction of the size, and its
labels are text a reader can search. The labels are set in the font the PNG uses
(drawing.FONT_FILES, which has ▲ and ▼), so the PDF shows the picture Word shows."""

from __future__ import annotations

from reportlab.graphics import shapes
from reportlab.lib.colors import HexColor, toColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .drawing import ARROW_COLOUR, FONT_FILES, Box, Circle, Drawing, Label, Line, Polygon, arrow_head

# The PNG's outline of a polygon is one pixel at its scale of 2: half a unit.
POLYGON_OUTLINE = 0.5


def _font(bold: bool, fallback: str) -> str:
    """The registered name of the picture's font, registered once per process."""
    name = "retro-picture-bold" if bold else "retro-picture"
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    # Full paths first: ReportLab looks a bare name up through every folder of its font
    # path, three times as slow as reading the file. Pillow finds the same file by name.
    candidates = sorted(FONT_FILES[bold], key=lambda file: "/" not in file)
    for candidate in candidates:
        try:
            pdfmetrics.registerFont(TTFont(name, candidate))
            return name
        except Exception:  # not there, or a font ReportLab cannot read (a .ttc): the next
            continue
    return fallback


def _colour(value: str):
    return HexColor(value) if value.startswith("#") else toColor(value)


def vector(d: Drawing, width: float, fonts: tuple[str, str]) -> shapes.Drawing:
    """`d` as ReportLab shapes, `width` points wide; `fonts`: (regular, bold) to use when
    the system has none of the PNG's fonts."""
    scale = width / d.width
    height = d.height * scale
    out = shapes.Drawing(width, height)
    out.hAlign = "CENTER"  # as a placed image is, when a tall picture is made narrower
    regular = bold = None

    def p(x: float, y: float) -> tuple[float, float]:  # y runs up in PDF, down in SVG
        return x * scale, height - y * scale

    out.add(shapes.Rect(0, 0, width, height, fillColor=_colour("#ffffff"), strokeColor=None))
    for s in d.shapes:
        if isinstance(s, Line):
            out.add(shapes.Line(*p(s.x1, s.y1), *p(s.x2, s.y2), strokeColor=_colour(s.colour),
                                strokeWidth=s.width * scale,
                                strokeDashArray=[v * scale for v in s.dash] if s.dash else None))
            if s.arrow:
                points = [c for x, y in arrow_head(s) for c in p(x, y)]
                out.add(shapes.Polygon(points, fillColor=_colour(ARROW_COLOUR), strokeColor=None))
        elif isinstance(s, Box):
            x, y = p(s.x, s.y + s.h)
            out.add(shapes.Rect(x, y, s.w * scale, s.h * scale, rx=s.radius * scale, ry=s.radius * scale,
                                fillColor=_colour(s.fill), strokeColor=_colour(s.stroke) if s.stroke else None,
                                strokeWidth=s.stroke_width * scale))
        elif isinstance(s, Circle):
            out.add(shapes.Circle(*p(s.x, s.y), s.r * scale, fillColor=_colour(s.fill),
                                  strokeColor=_colour(s.stroke) if s.stroke else None,
                                  strokeWidth=s.stroke_width * scale))
        elif isinstance(s, Polygon):
            points = [c for x, y in s.points for c in p(x, y)]
            out.add(shapes.Polygon(points, fillColor=_colour(s.fill),
                                   strokeColor=_colour(s.stroke) if s.stroke else None,
                                   strokeWidth=POLYGON_OUTLINE * scale))
        elif isinstance(s, Label):
            if s.bold:
                bold = bold or _font(True, fonts[1])
            else:
                regular = regular or _font(False, fonts[0])
            out.add(shapes.String(*p(s.x, s.y), s.text, fontName=bold if s.bold else regular,
                                  fontSize=s.size * scale, fillColor=_colour(s.colour),
                                  textAnchor="middle" if s.anchor == "middle" else "start"))
    return out
