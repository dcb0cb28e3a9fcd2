"""The report's pictures drawn for print: read at the size they print on A4 (the text's
width), every label at least 8 pt and whole, boxes as wide as their text, lines from
box edge to box edge that cross no other box, a legend, and every crucial moment drawn
over the other markers with its number."""

from __future__ import annotations

import re

import pytest

from conftest import EXAMPLE
from retro_tui.model import FamilyMember, Relation
from retro_tui.report.drawing import Box, Label, Line, Polygon
from retro_tui.report.export import prepared
from retro_tui.report.pictures import SMALLEST_PT, _crosses, family_drawing, printed_size, text_width, \
    timeline_drawing
from retro_tui.store import load


@pytest.fixture(scope="module")
def session():
    return prepared(load(EXAMPLE))  # as the report draws it: pseudonymised


def _labels(d):
    return [s for s in d.shapes if isinstance(s, Label)]


@pytest.mark.parametrize("draw", [timeline_drawing, family_drawing])
def test_no_text_prints_smaller_than_8_pt_and_all_of_it_is_inside(session, draw):
    d = draw(session, "nl")
    for label in _labels(d):
        assert printed_size(d, label.size) >= SMALLEST_PT, (label.text, printed_size(d, label.size))
        left = label.x - (text_width(label.text, label.size, label.bold) / 2 if label.anchor == "middle" else 0)
        assert left >= 0 and left + text_width(label.text, label.size, label.bold) * 0.9 <= d.width, label.text
        assert 0 < label.y <= d.height


def test_the_timeline_has_a_legend_for_its_shapes_star_and_quiet_stretches(session):
    d = timeline_drawing(session, "nl")
    texts = [label.text for label in _labels(d)]
    assert "Legenda" in texts
    for kind in {e.kind for e in session.timeline.events}:
        from retro_tui.i18n import label as name

        assert name(kind, "nl") in texts, kind
    assert any("cruciaal moment" in x for x in texts) and any("stille periode" in x for x in texts)


def test_every_crucial_moment_is_numbered_drawn_last_and_named_whole(session):
    d = timeline_drawing(session, "nl")
    crucial = [e for e in session.timeline.events if e.crucial]
    texts = [label.text for label in _labels(d)]
    for number in range(1, len(crucial) + 1):
        assert str(number) in texts  # the number beside its star
    # On the line, stars come after every other marker, so nothing is drawn over them.
    legend = next(i for i, x in enumerate(d.shapes) if isinstance(x, Label) and x.text == "Legenda")
    on_line = d.shapes[:legend]
    stars = [i for i, x in enumerate(on_line) if isinstance(x, Polygon) and len(x.points) == 10]
    plain = [i for i, x in enumerate(on_line) if type(x).__name__ in ("Circle", "Box")
             or (isinstance(x, Polygon) and len(x.points) != 10)]
    assert len(stars) == len(crucial) and min(stars) > max(plain)
    listed = " ".join(texts[texts.index("Cruciale momenten"):])
    for event in crucial:
        assert event.title in listed.replace("  ", " ") or all(w in listed for w in event.title.split())
    assert "…" not in listed


def test_family_boxes_hold_their_text_and_long_roles_are_given_whole(session):
    d = family_drawing(session, "nl")
    boxes = [s for s in d.shapes if isinstance(s, Box) and s.stroke]
    for label in _labels(d):
        inside = [b for b in boxes if b.x <= label.x <= b.x + b.w and b.y <= label.y <= b.y + b.h]
        for box in inside:
            assert text_width(label.text, label.size, label.bold) <= box.w, label.text
    texts = [label.text for label in _labels(d)]
    shortened = [x for x in texts if "…" in x]
    assert shortened  # the example has long roles: otherwise this test would check nothing
    # The whole texts, numbered, last under the legend: one note per shortened box, none cut.
    notes = " ".join(texts[next(i for i, x in enumerate(texts) if x.startswith("(1) ")):])
    assert re.findall(r"\((\d+)\) ", notes) == [str(n) for n in range(1, len(shortened) + 1)]
    assert "…" not in notes


def test_family_lines_run_from_box_to_box_and_cross_no_other_box(session):
    d = family_drawing(session, "nl")
    boxes = [s for s in d.shapes if isinstance(s, Box) and s.stroke]
    rects = [(b.x, b.y, b.x + b.w, b.y + b.h) for b in boxes]
    first_box = next(i for i, x in enumerate(d.shapes) if isinstance(x, Box))
    relation_lines = [x for x in d.shapes[:first_box] if isinstance(x, Line)]  # drawn before the boxes
    assert len(relation_lines) >= len(session.family.relations)

    def near_a_box(x, y):
        """At a box's edge: within a few units outside it, not inside it, not far off."""
        return any(r[0] - 5 <= x <= r[2] + 5 and r[1] - 5 <= y <= r[3] + 5
                   and not (r[0] + 1 < x < r[2] - 1 and r[1] + 1 < y < r[3] - 1) for r in rects)

    # Each relation is one line or a bent one; its two far ends sit at a box's edge.
    ends = [(ln.x1, ln.y1) for ln in relation_lines] + [(ln.x2, ln.y2) for ln in relation_lines]
    free = [p for p in ends if not near_a_box(*p)]
    # A bend's point is shared by two segments: every free end is such a shared point.
    assert all(ends.count(p) == 2 for p in free), free
    for ln in relation_lines:
        crossed = [r for r in rects if _crosses((ln.x1, ln.y1), (ln.x2, ln.y2), r, margin=-1)
                   and not (r[0] - 5 <= ln.x1 <= r[2] + 5 and r[1] - 5 <= ln.y1 <= r[3] + 5)
                   and not (r[0] - 5 <= ln.x2 <= r[2] + 5 and r[1] - 5 <= ln.y2 <= r[3] + 5)]
        assert not crossed, (ln, crossed)


def test_a_long_name_and_role_still_fit_their_box(session):
    s = session.model_copy(deep=True)
    s.family.members.append(FamilyMember(id="fm-long", pseudonym="tante van moeder",
                                         role="tante van moeder, woont sinds de scheiding in bij oma en zorgt in de "
                                              "vakanties voor beide kinderen"))
    s.family.relations.append(Relation(**{"id": "rel-long", "from": "fm-long", "to": s.family.members[0].id,
                                          "kind": "close"}))
    d = family_drawing(s, "nl")
    texts = [label.text for label in _labels(d)]
    assert any("(1)" in x for x in texts if "…" in x)
    notes = " ".join(texts[next(i for i, x in enumerate(texts) if x.startswith("(1) ")):])
    assert "zorgt in de vakanties voor beide kinderen" in notes and "…" not in notes  # the role to its end
