"""The report's two pictures: the timeline with both lanes and the crucial moments
named, and the family map with its relations. Each is a `Drawing`, written as SVG for
the HTML report and as PNG for the Word report."""

from __future__ import annotations

import math

from ..i18n import label, t
from ..model import EventKind, Lane, RelationKind, Session
from ..operations import events_in_order, role_beside
from ..timeline.layout import lay_out
from .drawing import Box, Circle, Drawing, Label, Line, Polygon

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


def timeline_drawing(session: Session, lang: str, width: int = 960) -> Drawing:
    """The whole case on one line: professionals above, the family below, each crucial
    moment a numbered star, named in a list under the line."""
    events = events_in_order(session)
    columns = 120
    step = (width - 30) / columns  # room on the right for the last year's label
    layout = lay_out(events, events, zoom=None, view_width=columns, rows=6)
    crucial = [e for e in events if e.crucial]
    # Only as tall as the crowd on each side needs.
    above = 1 + max((p.row for p in layout.placed if p.event.lane == Lane.professionals), default=0)
    below = 1 + max((p.row for p in layout.placed if p.event.lane == Lane.family), default=0)
    axis = 36 + above * 16 + 20
    names_top = axis + below * 16 + 90
    d = Drawing(width, names_top + 18 * max(1, len(crucial)) + 20)
    d.add(Label(8, 20, "▲ " + label(Lane.professionals, lang), 13, colour=COLOUR[Lane.professionals], bold=True))
    d.add(Label(8, axis + below * 16 + 50, "▼ " + label(Lane.family, lang), 13, colour=COLOUR[Lane.family], bold=True))
    d.add(Line(0, axis, width, axis, "#444444", 1.5))
    for gap in layout.gaps:  # the quiet periods the method asks about
        d.add(Line(gap.x0 * step, axis, gap.x1 * step, axis, CRUCIAL, 3, (3, 3)))
    for tick in layout.ticks:
        if tick.year:
            x = tick.x * step
            d.add(Line(x, axis - 6, x, axis + 6, "#444444"), Label(x + 3, axis + 20, tick.text, 11, colour="#444444"))
    numbers = {e.id: i for i, e in enumerate(crucial, start=1)}
    for placed in layout.placed:
        e = placed.event
        x = placed.x * step
        offset = 14 + placed.row * 16
        y = axis - offset if e.lane == Lane.professionals else axis + offset + 14
        if e.crucial:
            d.add(_star(x, y, 8))
            d.add(Label(x + 9, y + 4, str(numbers[e.id]), 10, "start", CRUCIAL_EDGE, True))
        else:
            d.add(_marker(SHAPE[e.kind], x, y, 5, COLOUR[e.lane]))
    d.add(Label(8, names_top - 4, t("report.crucial_moments", lang), 13, bold=True))
    for i, e in enumerate(crucial, start=1):
        y = names_top + 12 + (i - 1) * 18
        d.add(_star(16, y - 4, 7))
        d.add(Label(30, y, f"{i}. {e.date_label or e.date} — {e.title} ({label(e.lane, lang)})", 12))
    return d


def family_drawing(session: Session, lang: str, width: int = 720) -> Drawing:
    """Members on a circle, relations as lines whose colour and dash tell their kind,
    with a legend; a professional named in a relation is a grey box."""
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
    radius = 210 if len(nodes) > 4 else 150
    cx, cy = width / 2, radius + 60
    legend_top = cy + radius + 70
    d = Drawing(width, int(legend_top + 22 * math.ceil(len(RELATION) / 2) + 10))
    where = {}
    for i, (ident, *_rest) in enumerate(nodes):
        angle = -math.pi / 2 + 2 * math.pi * i / max(1, len(nodes))
        where[ident] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    for rel in session.family.relations:
        if rel.source not in where or rel.target not in where:
            continue
        (x1, y1), (x2, y2) = where[rel.source], where[rel.target]
        length = math.hypot(x2 - x1, y2 - y1) or 1
        # Stop short of the name boxes, so arrows and dashes stay visible.
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        colour, dash, stroke = RELATION[rel.kind]
        d.add(Line(x1 + ux * 40, y1 + uy * 40, x2 - ux * 40, y2 - uy * 40, colour, stroke, dash,
                   arrow=rel.kind == RelationKind.parent_of))
    for ident, name, role, colour in nodes:
        x, y = where[ident]
        d.add(Box(x - 72, y - 22, 144, 44, "#ffffff", colour, 2, 10), Label(x, y - 3, name, 13, "middle", bold=True))
        if role:
            d.add(Label(x, y + 13, role[:26], 10, "middle", "#555555"))
    for i, (kind, (colour, dash, stroke)) in enumerate(RELATION.items()):
        x = 20 + (i % 2) * (width / 2)
        y = legend_top + (i // 2) * 22
        d.add(Line(x, y - 4, x + 44, y - 4, colour, stroke, dash), Label(x + 54, y, label(kind, lang), 12))
    return d
