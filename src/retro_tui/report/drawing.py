"""A picture as a list of shapes, written as SVG (for HTML) or PNG (for Word, which
python-docx cannot give SVG); pdf_drawing draws it for the PDF. One drawing, three
writers, so all show the same thing."""

from __future__ import annotations

import io
import weakref
from dataclasses import dataclass, field
from html import escape


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    width: float = 1.0
    dash: tuple[int, ...] = ()
    arrow: bool = False


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    fill: str
    stroke: str = ""
    stroke_width: float = 0
    radius: float = 0


@dataclass(frozen=True)
class Circle:
    x: float
    y: float
    r: float
    fill: str
    stroke: str = ""
    stroke_width: float = 0


@dataclass(frozen=True)
class Polygon:
    points: tuple[tuple[float, float], ...]
    fill: str
    stroke: str = ""


@dataclass(frozen=True)
class Label:
    x: float
    y: float  # the baseline
    text: str
    size: float = 12
    anchor: str = "start"  # start | middle
    colour: str = "#222222"
    bold: bool = False


Shape = Line | Box | Circle | Polygon | Label


@dataclass(eq=False)  # a drawing is itself: the PNG cache below keys on it
class Drawing:
    width: int
    height: int
    shapes: list[Shape] = field(default_factory=list)

    def add(self, *shapes: Shape) -> None:
        self.shapes.extend(shapes)


FONT = "Helvetica, Arial, sans-serif"


def to_svg(d: Drawing, label: str = "", name: str = "picture") -> str:
    """`name` keeps ids apart when several pictures share one HTML page."""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{d.width}" height="{d.height}" '
        f'viewBox="0 0 {d.width} {d.height}" role="img" aria-label="{escape(label)}">',
        '<defs><marker id="arrow-' + name + '" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555555"/></marker></defs>',
        f'<rect width="{d.width}" height="{d.height}" fill="#ffffff"/>',
    ]
    for s in d.shapes:
        if isinstance(s, Line):
            dash = f' stroke-dasharray="{" ".join(map(str, s.dash))}"' if s.dash else ""
            arrow = f' marker-end="url(#arrow-{name})"' if s.arrow else ""
            parts.append(f'<line x1="{s.x1:.1f}" y1="{s.y1:.1f}" x2="{s.x2:.1f}" y2="{s.y2:.1f}" '
                         f'stroke="{s.colour}" stroke-width="{s.width}"{dash}{arrow}/>')
        elif isinstance(s, Box):
            stroke = f' stroke="{s.stroke}" stroke-width="{s.stroke_width}"' if s.stroke else ""
            parts.append(f'<rect x="{s.x:.1f}" y="{s.y:.1f}" width="{s.w:.1f}" height="{s.h:.1f}" rx="{s.radius}" '
                         f'fill="{s.fill}"{stroke}/>')
        elif isinstance(s, Circle):
            stroke = f' stroke="{s.stroke}" stroke-width="{s.stroke_width}"' if s.stroke else ""
            parts.append(f'<circle cx="{s.x:.1f}" cy="{s.y:.1f}" r="{s.r:.1f}" fill="{s.fill}"{stroke}/>')
        elif isinstance(s, Polygon):
            points = " ".join(f"{x:.1f},{y:.1f}" for x, y in s.points)
            stroke = f' stroke="{s.stroke}"' if s.stroke else ""
            parts.append(f'<polygon points="{points}" fill="{s.fill}"{stroke}/>')
        elif isinstance(s, Label):
            anchor = "middle" if s.anchor == "middle" else "start"
            weight = ' font-weight="bold"' if s.bold else ""
            parts.append(f'<text x="{s.x:.1f}" y="{s.y:.1f}" font-family="{FONT}" font-size="{s.size}" '
                         f'text-anchor="{anchor}" fill="{s.colour}"{weight}>{escape(s.text)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


_PNG: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def to_png(d: Drawing, scale: float = 2.0, optimize: bool = False) -> bytes:
    """The same drawing as PNG, drawn with Pillow. Word and the bundle place it: drawn
    once per export, not once per use."""
    key = (scale, optimize, len(d.shapes), d.width, d.height)
    cached = _PNG.get(d)
    if cached is None or cached[0] != key:
        _PNG[d] = cached = (key, _draw_png(d, scale, optimize))
    return cached[1]


def _draw_png(d: Drawing, scale: float, optimize: bool) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (int(d.width * scale), int(d.height * scale)), "white")
    pen = ImageDraw.Draw(image)
    fonts: dict[tuple[float, bool], ImageFont.ImageFont] = {}

    def font(size: float, bold: bool):
        key = (size, bold)
        if key not in fonts:
            fonts[key] = _font(ImageFont, size * scale, bold)
        return fonts[key]

    def p(x: float, y: float) -> tuple[float, float]:
        return x * scale, y * scale

    for s in d.shapes:
        if isinstance(s, Line):
            width = max(1, round(s.width * scale))
            if s.dash:
                _dashed(pen, p(s.x1, s.y1), p(s.x2, s.y2), [v * scale for v in s.dash], s.colour, width)
            else:
                pen.line([p(s.x1, s.y1), p(s.x2, s.y2)], fill=s.colour, width=width)
            if s.arrow:
                pen.polygon([p(x, y) for x, y in arrow_head(s)], fill=ARROW_COLOUR)
        elif isinstance(s, Box):
            box = [p(s.x, s.y), p(s.x + s.w, s.y + s.h)]
            pen.rounded_rectangle(box, radius=s.radius * scale, fill=s.fill, outline=s.stroke or None,
                                  width=max(1, round(s.stroke_width * scale)) if s.stroke else 0)
        elif isinstance(s, Circle):
            box = [p(s.x - s.r, s.y - s.r), p(s.x + s.r, s.y + s.r)]
            pen.ellipse(box, fill=s.fill, outline=s.stroke or None,
                        width=max(1, round(s.stroke_width * scale)) if s.stroke else 0)
        elif isinstance(s, Polygon):
            pen.polygon([p(x, y) for x, y in s.points], fill=s.fill, outline=s.stroke or None)
        elif isinstance(s, Label):
            anchor = "ms" if s.anchor == "middle" else "ls"  # baseline, like SVG
            pen.text(p(s.x, s.y), s.text, fill=s.colour, font=font(s.size, s.bold), anchor=anchor)
    out = io.BytesIO()
    # `optimize` squeezes about 4 % more at nearly four times the cost (a big session's
    # timeline: 0.8 s instead of 0.2 s).
    # Without it, zlib's level 3 makes the same size as its default 6 in two thirds of
    # the time: the picture is mostly flat colour.
    image.save(out, "PNG", optimize=optimize, **({} if optimize else {"compress_level": 3}))
    return out.getvalue()


# Fonts with accents and arrows, where the system has them; Pillow's own font lacks é.
FONT_FILES = {
    False: ("DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
            "/Library/Fonts/Arial.ttf", "/System/Library/Fonts/Supplemental/Arial.ttf", "C:/Windows/Fonts/arial.ttf"),
    True: ("DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
           "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
           "/Library/Fonts/Arial Bold.ttf", "/System/Library/Fonts/Supplemental/Arial Bold.ttf",
           "C:/Windows/Fonts/arialbd.ttf"),
}


def _font(image_font, size: float, bold: bool):
    for candidate in FONT_FILES[bold]:
        try:
            return image_font.truetype(candidate, size)
        except OSError:
            continue
    return image_font.load_default(size=size)


def _dashed(pen, start, end, pattern, colour, width) -> None:
    import math

    (x1, y1), (x2, y2) = start, end
    length = math.hypot(x2 - x1, y2 - y1)
    if not length:
        return
    dx, dy = (x2 - x1) / length, (y2 - y1) / length
    at, i, on = 0.0, 0, True
    while at < length:
        step = min(pattern[i % len(pattern)], length - at)
        if on:
            pen.line([(x1 + dx * at, y1 + dy * at), (x1 + dx * (at + step), y1 + dy * (at + step))],
                     fill=colour, width=width)
        at, i, on = at + step, i + 1, not on


ARROW_COLOUR = "#555555"


def arrow_head(line: Line, size: float = 7) -> tuple[tuple[float, float], ...]:
    """The head at a line's end, in drawing units: one shape for every writer."""
    import math

    angle = math.atan2(line.y2 - line.y1, line.x2 - line.x1)
    left = (line.x2 - size * math.cos(angle - 0.4), line.y2 - size * math.sin(angle - 0.4))
    right = (line.x2 - size * math.cos(angle + 0.4), line.y2 - size * math.sin(angle + 0.4))
    return (line.x2, line.y2), left, right
