"""The report's two pictures: the timeline with both lanes and the crucial moments
named, and the family map with its relations. Each is a `Drawing`, written as SVG for
the HTML report, as PNG for the Word report and as shapes for the PDF.

Drawn to be read on A4 and on a projector: each picture is printed the text's width
wide (16.5 cm), so its width in drawing units sets how large its letters print; none
is smaller than 8 pt there. Every label is whole: wrapped, or shortened with an
ellipsis and a number whose full text is listed under the picture. Boxes are as wide
as their text; lines run from box edge to box edge and bend around a box in their way.
The timeline has a legend: the marker shapes, the star, the dotted quiet stretches."""

from __future__ import annotations

import math
import textwrap

from ..i18n import label, t
from ..model import EventKind, Lane, RelationKind, Session
from ..operations import events_in_order, role_beside
from ..timeline.layout import lay_out
from .written_dates import when
from .drawing import Box, Circle, Drawing, Label, Line, Polygon
import itertools

PRINT_WIDTH_PT = 16.5 / 2.54 * 72  # the width a picture is printed at
SMALLEST_PT = 8.0

COLOUR = {Lane.professionals: "#2f6fb3", Lane.family: "#2e8b57"}
CRUCIAL, CRUCIAL_EDGE = "#d97706", "#7c3f00"
SHAPE = {
    EventKind.decision: "diamond", EventKind.contact: "circle", EventKind.crisis: "triangle",
    EventKind.placement: "square", EventKind.family_fact: "circle", EventKind.family_need: "diamond",
    EventKind.family_experience: "ring", EventKind.other: "dot",
}
RELATION = {  # colour, dash pattern, width; told apart by dash as well as colour
    RelationKind.parent_of: ("#555555", (), 2),
    RelationKind.partners: ("#2e8b57", (), 3.5),
    RelationKind.separated: ("#b8860b", (8, 4), 2),
    RelationKind.close: ("#2e8b57", (1, 3), 2.5),
    RelationKind.distant: ("#999999", (2, 6), 1.5),
    RelationKind.conflict: ("#c0392b", (), 2.5),
    RelationKind.cut_off: ("#c0392b", (10, 3, 2, 3), 2),
    RelationKind.care: ("#2f6fb3", (4, 2), 2),
}


def _marker(shape: str, x: float, y: float, r: float, colour: str):
    if shape == "diamond":
        return Polygon(((x, y - r), (x + r, y), (x, y + r), (x - r, y)), colour)
    if shape == "triangle":
        return Polygon(((x, y - r), (x + r, y + r * 0.8), (x - r, y + r * 0.8)), colour)
    if shape == "square":
        return Box(x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6, colour)
    if shape == "ring":
        return Circle(x, y, r * 0.75, "#ffffff", colour, 2)
    if shape == "dot":
        return Circle(x, y, r * 0.5, colour)
    return Circle(x, y, r * 0.8, colour)


def _star(x: float, y: float, r: float) -> Polygon:
    points = []
    for i in range(10):
        angle = math.pi / 2 + i * math.pi / 5
        radius = r if i % 2 == 0 else r * 0.45
        points.append((x + radius * math.cos(angle), y - radius * math.sin(angle)))
    return Polygon(tuple(points), CRUCIAL, CRUCIAL_EDGE)




def printed_size(d: Drawing, size: float) -> float:
    """The size in points that a label of `size` drawing units prints at."""
    return size * PRINT_WIDTH_PT / d.width


def text_width(text: str, size: float, bold: bool = False) -> float:
    """A generous guess of a label's width: wide enough for Helvetica, Arial and DejaVu."""
    return len(text) * size * (0.62 if bold else 0.57)


def _wrap(text: str, size: float, room: float, lines: int) -> tuple[list[str], bool]:
    """The text in at most `lines` lines that fit `room`; True when it had to be shortened."""
    chars = max(8, int(room / (size * 0.57)))
    wrapped = textwrap.wrap(" ".join(text.split()), chars) or [""]
    if len(wrapped) <= lines:
        return wrapped, False
    kept = wrapped[:lines]
    kept[-1] = kept[-1][: chars - 5].rstrip(" ,;") + "…"
    return kept, True


# --- the timeline ----------------------------------------------------------------------

TIMELINE_WIDTH = 660  # units; a label of 12 prints at 8.5 pt
MARKER_STEP = 13  # units between two columns: markers never overlap
ROW = 15


def timeline_drawing(session: Session, lang: str, width: int = TIMELINE_WIDTH) -> Drawing:
    """The whole case on one line: professionals above, the family below; each crucial
    moment a star drawn over the rest with its number, named in a list under the line."""
    events = events_in_order(session)
    columns = int((width - 40) / MARKER_STEP)
    layout = lay_out(events, events, zoom=None, view_width=columns, rows=12)
    crucial = [e for e in events if e.crucial]
    numbers = {e.id: i for i, e in enumerate(crucial, start=1)}
    above = 1 + max((p.row for p in layout.placed if p.event.lane == Lane.professionals), default=0)
    below = 1 + max((p.row for p in layout.placed if p.event.lane == Lane.family), default=0)
    top_band = 44  # the numbers of the professionals' crucial moments
    axis = top_band + 26 + above * ROW
    bottom_band = axis + 22 + below * ROW + 22  # the family's numbers
    family_label = bottom_band + 30
    legend_top = family_label + 30
    d = Drawing(width, 0)

    def x_of(column: float) -> float:
        return 20 + column * MARKER_STEP

    d.add(Label(8, 22, "▲ " + label(Lane.professionals, lang), 14, colour=COLOUR[Lane.professionals], bold=True))
    d.add(Label(8, family_label, "▼ " + label(Lane.family, lang), 14, colour=COLOUR[Lane.family], bold=True))
    d.add(Line(x_of(0), axis, width - 8, axis, "#444444", 1.5))
    for gap in layout.gaps:  # the quiet periods the method asks about
        d.add(Line(x_of(gap.x0), axis, x_of(gap.x1), axis, CRUCIAL, 3, (3, 3)))
        if x_of(gap.x1) - x_of(gap.x0) > 60:
            d.add(Label((x_of(gap.x0) + x_of(gap.x1)) / 2, axis - 5, t("report.quiet_months", lang, months=gap.months),
                        12, "middle", CRUCIAL_EDGE))
    for tick in layout.ticks:
        if tick.year:
            x = x_of(tick.x)
            d.add(Line(x, axis - 5, x, axis + 5, "#444444"), Label(x + 2, axis + 17, tick.text, 12, colour="#444444"))

    def y_of(placed) -> float:
        offset = 12 + placed.row * ROW
        return axis - offset if placed.event.lane == Lane.professionals else axis + 22 + offset

    # The other moments first, so a star is never hidden behind them.
    for placed in layout.placed:
        if not placed.event.crucial:
            d.add(_marker(SHAPE[placed.event.kind], x_of(placed.x), y_of(placed), 5, COLOUR[placed.event.lane]))
    last_number_x = {Lane.professionals: [-99.0, -99.0], Lane.family: [-99.0, -99.0]}
    for placed in sorted((p for p in layout.placed if p.event.crucial), key=lambda p: p.x):
        e = placed.event
        x, y = x_of(placed.x), y_of(placed)
        # Its number in a band of its own, staggered when two stars are close together.
        band = last_number_x[e.lane]
        level = 0 if x - band[0] >= 20 else 1
        band[level] = x
        ny = (top_band + level * 14) if e.lane == Lane.professionals else (bottom_band + level * 14)
        reach = ny + 4 if e.lane == Lane.professionals else ny - 12
        d.add(Line(x, y - 8 if e.lane == Lane.professionals else y + 8, x, reach, CRUCIAL_EDGE, 0.8, (2, 2)))
        d.add(_star(x, y, 8))
        d.add(Label(x, ny, str(numbers[e.id]), 12, "middle", CRUCIAL_EDGE, True))
    hidden = sum(layout.overflow.values())
    y = legend_top
    if hidden:
        d.add(Label(8, y, t("report.not_drawn", lang, count=hidden), 12, colour="#555555"))
        y += 20
    y = _timeline_legend(d, events, lang, y, width)
    d.add(Label(8, y + 8, t("report.crucial_moments", lang), 13, bold=True))
    y += 28
    for i, e in enumerate(crucial, start=1):
        text = f"{i}. {when(e, lang)}: {e.title} ({label(e.lane, lang)})"
        lines, _ = _wrap(text, 12, width - 40, 3)
        d.add(_star(16, y - 4, 7))
        for n, line in enumerate(lines):
            d.add(Label(30, y + n * 16, line, 12))
        y += 16 * len(lines) + 4
    d.height = int(y + 10)
    return d


def _timeline_legend(d: Drawing, events, lang: str, y: float, width: int) -> float:
    """What the shapes, the star and the dotted stretch mean; the kinds in this case only."""
    d.add(Label(8, y, t("report.legend", lang), 13, bold=True))
    y += 20
    kinds = [k for k in EventKind if any(e.kind == k for e in events)]
    items: list[tuple[EventKind | str, str]] = [(k, label(k, lang)) for k in kinds]
    items += [("star", t("report.legend_crucial", lang)), ("quiet", t("report.legend_quiet", lang))]
    column_width = (width - 16) / 2
    for i, (what, text) in enumerate(items):
        x = 12 + (i % 2) * column_width
        row_y = y + (i // 2) * 19
        if what == "star":
            d.add(_star(x + 8, row_y - 4, 7))
        elif what == "quiet":
            d.add(Line(x, row_y - 4, x + 18, row_y - 4, CRUCIAL, 3, (3, 3)))
        elif isinstance(what, EventKind):
            d.add(_marker(SHAPE[what], x + 8, row_y - 4, 5, "#555555"))
        lines, _ = _wrap(text, 12, column_width - 34, 1)
        d.add(Label(x + 26, row_y, lines[0], 12))
    rows = math.ceil(len(items) / 2)
    y += rows * 19 + 2
    d.add(Label(12, y, t("report.legend_lanes", lang), 12, colour="#555555"))
    return y + 14


# --- the family map --------------------------------------------------------------------

FAMILY_WIDTH = 640  # units; a label of 11 prints at 8 pt
NAME, ROLE = 14, 11.5
ROLE_LINES, ROLE_ROOM = 2, 150


def family_drawing(session: Session, lang: str, width: int = FAMILY_WIDTH) -> Drawing:
    """Members on an ellipse, relations as lines whose colour and dash tell their kind,
    with a legend; a professional named in a relation is a grey box. A role too long for
    two lines ends in an ellipsis and a number, and is given whole under the legend."""
    members = session.family.members
    participants = {p.id: p for p in session.checkin.participants}
    known = {m.id for m in members}
    extra: list[str] = []
    for rel in session.family.relations:
        for end in (rel.source, rel.target):
            if end not in known and end in participants and end not in extra:
                extra.append(end)
    nodes = [(m.id, m.pseudonym, role_beside(m), "#2e8b57") for m in members]
    nodes += [(p, participants[p].name, participants[p].organisation, "#777777") for p in extra]
    notes: list[str] = []
    boxes: dict[str, tuple[float, float, list[str], str, str]] = {}  # id: w, h, lines, name, colour
    for ident, name, role, colour in nodes:
        role = _besides(name, role)
        lines, cut = _wrap(role, ROLE, ROLE_ROOM, ROLE_LINES) if role else ([], False)
        if cut:
            notes.append(role)
            lines[-1] = f"{lines[-1]} ({len(notes)})"
        w = max([text_width(name, NAME, True)] + [text_width(x, ROLE) for x in lines]) + 18
        h = 10 + NAME + len(lines) * (ROLE + 3) + 6
        boxes[ident] = (w, h, lines, name, colour)
    widest = max((b[0] for b in boxes.values()), default=100)
    tallest = max((b[1] for b in boxes.values()), default=40)
    rx = width / 2 - widest / 2 - 8
    ry = max(150.0, min(260.0, len(nodes) * 34.0))
    cx, cy = width / 2, ry + tallest / 2 + 12
    where = {}
    for i, (ident, *_rest) in enumerate(nodes):
        angle = -math.pi / 2 + 2 * math.pi * i / max(1, len(nodes))
        where[ident] = (cx + rx * math.cos(angle), cy + ry * math.sin(angle))
    rects = {i: (x - boxes[i][0] / 2, y - boxes[i][1] / 2, x + boxes[i][0] / 2, y + boxes[i][1] / 2)
             for i, (x, y) in where.items()}
    legend_top = cy + ry + tallest / 2 + 40
    d = Drawing(width, 0)
    drawn = [rel for rel in session.family.relations if rel.source in where and rel.target in where]
    anchors = _anchors(drawn, where, boxes)
    for rel in drawn:
        colour, dash, stroke = RELATION[rel.kind]
        points = _route(anchors[rel.id, rel.source], anchors[rel.id, rel.target], rects, rel.source, rel.target,
                        (cx, cy))
        for n, ((x1, y1), (x2, y2)) in enumerate(itertools.pairwise(points)):
            last = n == len(points) - 2
            d.add(Line(x1, y1, x2, y2, colour, stroke, dash, arrow=last and rel.kind == RelationKind.parent_of))
    for ident, (x, y) in where.items():
        w, h, lines, name, colour = boxes[ident]
        top = y - h / 2
        d.add(Box(x - w / 2, top, w, h, "#ffffff", colour, 2, 8))
        d.add(Label(x, top + 6 + NAME, name, NAME, "middle", bold=True))
        for n, line in enumerate(lines):
            d.add(Label(x, top + 8 + NAME + (n + 1) * (ROLE + 3), line, ROLE, "middle", "#444444"))
    y = legend_top
    for i, (kind, (colour, dash, stroke)) in enumerate(RELATION.items()):
        x = 16 + (i % 2) * (width / 2)
        row_y = y + (i // 2) * 20
        d.add(Line(x, row_y - 4, x + 40, row_y - 4, colour, stroke, dash), Label(x + 50, row_y, label(kind, lang), 12))
    y += math.ceil(len(RELATION) / 2) * 20 + 8
    for n, note in enumerate(notes, start=1):
        lines, _ = _wrap(f"({n}) {note}", 12, width - 30, 4)
        for line in lines:
            d.add(Label(16, y, line, 12, colour="#444444"))
            y += 16
    d.height = int(y + 6)
    return d


def _anchors(relations, where, boxes) -> dict[tuple[str, str], tuple[float, float]]:
    """Where each relation's line starts inside each box: spread along the box, in the
    order of where the lines go, so lines from one person do not lie on top of each other."""
    ends: dict[str, list[tuple[float, str]]] = {}
    for rel in relations:
        for here, there in ((rel.source, rel.target), (rel.target, rel.source)):
            ends.setdefault(here, []).append((where[there][0], rel.id))
    anchors = {}
    for ident, going in ends.items():
        x, y = where[ident]
        width = boxes[ident][0]
        spacing = min(12.0, (width - 24) / max(1, len(going)))
        for k, (_, rel_id) in enumerate(sorted(going)):
            anchors[rel_id, ident] = (x + (k - (len(going) - 1) / 2) * spacing, y)
    return anchors


def _besides(name: str, role: str) -> str:
    """What the role adds to the name in the box: a name that is the role (after
    pseudonymising, "moeder") is not said twice."""
    role = " ".join(role.split())
    if role.casefold() == name.casefold():
        return ""
    if role.casefold().startswith(name.casefold()) and role[len(name):len(name) + 1] in (",", " ", "("):
        return role[len(name):].strip(" ,()") or ""
    return role


def _route(a, b, rects, source, target, centre) -> list[tuple[float, float]]:
    """A line from the edge of a's box to the edge of b's; if a straight line would cross
    another box, it bends through a point pulled towards the middle of the picture."""
    others = [r for i, r in rects.items() if i not in (source, target)]
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    length = math.hypot(b[0] - a[0], b[1] - a[1]) or 1.0
    normal = (-(b[1] - a[1]) / length, (b[0] - a[0]) / length)
    # Bend first to the side of the middle of the picture, where there is room.
    inward = 1 if (centre[0] - mid[0]) * normal[0] + (centre[1] - mid[1]) * normal[1] >= 0 else -1
    path = [a, b]
    for offset in (0, 35, -35, 70, -70, 110, -110, 160, -160):
        bend = (mid[0] + normal[0] * offset * inward, mid[1] + normal[1] * offset * inward)
        path = [a, b] if offset == 0 else [a, bend, b]
        if not any(_crosses(p, q, r) for p, q in itertools.pairwise(path) for r in others):
            break
    start = _edge(path[1], a, rects[source])
    end = _edge(path[-2], b, rects[target])
    return [start, *path[1:-1], end]


def _edge(outside, start, rect, gap: float = 3.0) -> tuple[float, float]:
    """Where the line from `start` (inside the box) towards `outside` leaves the box, a
    little beyond its edge."""
    (ox, oy), (sx, sy) = outside, start
    dx, dy = ox - sx, oy - sy
    x0, y0, x1, y1 = rect[0] - gap, rect[1] - gap, rect[2] + gap, rect[3] + gap
    steps = []
    if dx:
        steps.append(((x1 if dx > 0 else x0) - sx) / dx)
    if dy:
        steps.append(((y1 if dy > 0 else y0) - sy) / dy)
    step = min(steps) if steps else 0.0
    return sx + dx * step, sy + dy * step


def _crosses(p, q, rect, margin: float = 4.0) -> bool:
    """Does the segment p-q pass through the rectangle (grown by a margin)? Liang-Barsky."""
    x0, y0, x1, y1 = rect[0] - margin, rect[1] - margin, rect[2] + margin, rect[3] + margin
    (px, py), (qx, qy) = p, q
    dx, dy = qx - px, qy - py
    low, high = 0.0, 1.0
    for edge_p, edge_q in ((-dx, px - x0), (dx, x1 - px), (-dy, py - y0), (dy, y1 - py)):
        if edge_p == 0:
            if edge_q < 0:
                return False
            continue
        ratio = edge_q / edge_p
        if edge_p < 0:
            low = max(low, ratio)
        else:
            high = min(high, ratio)
        if low > high:
            return False
    return True
