"""Look at the report as its readers will: the Word file through LibreOffice (to PDF,
then PNG pages with pdftoppm), the HTML page through headless Chromium (a PDF on A4
and a PNG screenshot) and the report's own PDF (PNG pages). Prints where the pictures
are, for a person to open and look at.

Needs Debian's libreoffice-writer-nogui, poppler-utils and chromium:
    apt-get install -y libreoffice-writer-nogui poppler-utils chromium
    .venv/bin/python bench/report_look.py [OUT_DIR]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from retro_tui.report.export import render_all
from retro_tui.store import load

EXAMPLE = Path(__file__).resolve().parents[1] / "sessions" / "example.toml"
CHROMIUM = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="report-look-"))
    out.mkdir(parents=True, exist_ok=True)
    for name, data in render_all(load(EXAMPLE), "example", {"html", "docx", "pdf"}):
        # The report's own PDF apart: LibreOffice writes its conversion under that name.
        (out / (name.replace("report.pdf", "own.pdf"))).write_bytes(data)
    docx, html = out / "example-report.docx", out / "example-report.html"
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(out / "example-own.pdf"), str(out / "pdf-page")], check=True)
    print(f"PDF → {len(list(out.glob('pdf-page*.png')))} PNG pages")

    start = time.perf_counter()
    subprocess.run(["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(docx)],
                   check=True, capture_output=True)
    pdf = out / "example-report.pdf"
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(out / "word-page")], check=True)
    print(f"Word → PDF → {len(list(out.glob('word-page*.png')))} PNG pages ({time.perf_counter() - start:.1f} s)")

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    profile = tempfile.mkdtemp()
    subprocess.run([chromium, *CHROMIUM, f"--user-data-dir={profile}", f"--print-to-pdf={out / 'html.pdf'}",
                    "--no-pdf-header-footer", html.as_uri()], check=True, capture_output=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(out / "html.pdf"), str(out / "html-page")], check=True)
    subprocess.run([chromium, *CHROMIUM, f"--user-data-dir={profile}", f"--screenshot={out / 'html.png'}",
                    "--window-size=1100,1600", html.as_uri()], check=True, capture_output=True)
    print(f"HTML → A4 PDF → {len(list(out.glob('html-page*.png')))} PNG pages, and a screenshot html.png")
    print(f"Look at them in {out}")


if __name__ == "__main__":
    main()
