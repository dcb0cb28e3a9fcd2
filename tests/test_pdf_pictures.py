"""The PDF's pictures are drawn as shapes and text, not placed as PNGs: every label of
the example's timeline and family picture reads back from the PDF, no image is in it,
and the labels are set in the font the PNG for Word uses, or in the report's own font
on a system that has none of those."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import EXAMPLE
from retro_tui.report import pdf
from retro_tui.report.build import build
from retro_tui.report.document import Document, Picture
from retro_tui.report.drawing import Label
from retro_tui.report.export import prepared
from retro_tui.store import load

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdfimages") is None,
                                reason="poppler-utils (pdftotext, pdfimages, pdffonts) is not installed")


def _pictures() -> Document:
    doc = build(prepared(load(EXAMPLE)))
    pictures = [b for b in doc.blocks if isinstance(b, Picture)]
    assert {p.name for p in pictures} == {"timeline", "family"}
    return Document(title="Pictures", language="nl", blocks=pictures)


def _run(tool: list[str], data: bytes, tmp_path) -> str:
    path = tmp_path / "pictures.pdf"
    path.write_bytes(data)
    return subprocess.run([*tool, str(path), "-"] if tool[0] == "pdftotext" else [*tool, str(path)],
                          capture_output=True, text=True, check=True).stdout


def test_every_label_of_the_pictures_reads_back_from_the_pdf_and_no_image_is_placed(tmp_path):
    doc = _pictures()
    data = pdf.render(doc)
    text = " ".join(_run(["pdftotext", "-raw"], data, tmp_path).split())
    labels = [s.text for p in doc.blocks for s in p.drawing.shapes if isinstance(s, Label)]
    assert len(labels) > 40
    missing = [label for label in labels if " ".join(label.split()) not in text]
    assert not missing
    images = _run(["pdfimages", "-list"], data, tmp_path).splitlines()[2:]  # under its two header lines
    assert images == []


def test_the_labels_are_set_in_the_pngs_font_and_in_the_reports_own_without_it(tmp_path):
    from retro_tui.report import drawing

    fonts = _run(["pdffonts"], pdf.render(_pictures()), tmp_path)
    system_font = any(os.path.exists(f) for f in drawing.FONT_FILES[False][1:])
    if system_font:  # DejaVu or Liberation, as the PNG draws its labels
        assert any(name in fonts for name in ("DejaVu", "Liberation", "Arial")), fonts
    # A process whose system has none of them: ReportLab's Vera, which the report's text uses.
    script = ("import sys; from retro_tui.report import drawing, pdf_drawing; "
              "pdf_drawing.FONT_FILES = {False: ('/nonexistent.ttf',), True: ('/nonexistent-bold.ttf',)}; "
              "import test_pdf_pictures as t; from retro_tui.report import pdf; "
              "sys.stdout.buffer.write(pdf.render(t._pictures()))")
    data = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True,
                          cwd=str(EXAMPLE.parents[1] / "tests")).stdout
    fonts = _run(["pdffonts"], data, tmp_path)
    assert "Vera" in fonts and "DejaVu" not in fonts and "Liberation" not in fonts, fonts
    text = " ".join(_run(["pdftotext", "-raw"], data, tmp_path).split())
    assert "Legenda" in text
