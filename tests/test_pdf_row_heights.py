"""The PDF's tables are given their rows' heights (a big session's timeline table is
40 pages, and ReportLab worked every row out again for each page it split off). Given,
they must lay the report out exactly as ReportLab's own reckoning does: the same bytes."""

from __future__ import annotations

import pytest
from reportlab import rl_config

from conftest import EXAMPLE
from retro_tui.report import pdf
from retro_tui.report.build import build
from retro_tui.report.export import prepared
from retro_tui.store import load


@pytest.fixture
def invariant(monkeypatch):
    monkeypatch.setattr(rl_config, "invariant", 1)  # no time stamp or random id in the file


def test_given_row_heights_lay_out_the_same_bytes_as_reportlabs_own(invariant, monkeypatch):
    session = load(EXAMPLE)
    # Notes longer than a page, in lines and in one unbreakable word: rows split across pages.
    session.pauses[0].note = "\n".join(f"regel {i} met wat woorden om te breken " * 3 for i in range(120))
    session.pauses[1].note = "kort\n" + "x" * 300
    doc = build(prepared(session))
    given = pdf.render(doc)
    assert pdf._row_height(["a", "b\nc"], pdf._styles(pdf._fonts())["cell"]) is not None
    monkeypatch.setattr(pdf, "_row_height", lambda cells, style: None)
    assert pdf.render(doc) == given
