"""Look at a session's document as its readers will: the Word file through LibreOffice
(to PDF, then PNG pages with pdftoppm), the HTML page through headless Chromium (a PDF on
A4 and a PNG screenshot) and the document's own PDF (PNG pages). Prints where the
pictures are, for a person to open and look at.

Needs Debian's libreoffice-writer-nogui, poppler-utils and chromium:
    apt-get install -y libreoffice-writer-nogui poppler-utils chromium
    .venv/bin/python bench/report_look.py [--out DIR] [SESSION.toml ...]

Without sessions it pictures the example's report; `--arc` adds every session of the
example arc (src/retro_tui/example_arc/: the prospective analysis, the meetings' minutes, the
evaluation). Each session's pictures go to a folder of its own, named after its file.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from retro_tui.report.export import render_all
from retro_tui.store import load

SESSIONS = Path(__file__).resolve().parents[1] / "sessions"
EXAMPLE = SESSIONS / "example.toml"
ARC = Path(__file__).resolve().parents[1] / "src" / "retro_tui" / "example_arc"
CHROMIUM = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def picture(session_file: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    # The file names are the document's own, in the session's language ("verslag",
    # "overlegverslag-2026-10-20"): found here by their extension, never spelled out.
    made = {Path(name).suffix: data for name, data in render_all(load(session_file), "look", {"html", "docx", "pdf"})}
    # Fixed names of our own: LibreOffice names its conversion after the Word file, so
    # the document's own PDF must not share that name.
    own, docx, html = out / "own.pdf", out / "word.docx", out / "page.html"
    own.write_bytes(made[".pdf"])
    docx.write_bytes(made[".docx"])
    html.write_bytes(made[".html"])
    print(f"{session_file.name} → {out}")

    subprocess.run(["pdftoppm", "-png", "-r", "60", str(own), str(out / "pdf-page")], check=True)
    print(f"  PDF → {len(list(out.glob('pdf-page*.png')))} PNG pages")

    start = time.perf_counter()
    subprocess.run(["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", str(out), str(docx)],
                   check=True, capture_output=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(out / "word.pdf"), str(out / "word-page")], check=True)
    print(f"  Word → PDF → {len(list(out.glob('word-page*.png')))} PNG pages ({time.perf_counter() - start:.1f} s)")

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("  no chromium: the HTML page is not pictured")
        return
    profile = tempfile.mkdtemp()
    try:
        subprocess.run([chromium, *CHROMIUM, f"--user-data-dir={profile}", f"--print-to-pdf={out / 'html.pdf'}",
                        "--no-pdf-header-footer", html.as_uri()], check=True, capture_output=True)
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(out / "html.pdf"), str(out / "html-page")], check=True)
        subprocess.run([chromium, *CHROMIUM, f"--user-data-dir={profile}", f"--screenshot={out / 'html.png'}",
                        "--window-size=1100,1600", html.as_uri()], check=True, capture_output=True)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    print(f"  HTML → A4 PDF → {len(list(out.glob('html-page*.png')))} PNG pages, and a screenshot html.png")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sessions", nargs="*", type=Path)
    parser.add_argument("--arc", action="store_true", help="also every session of the example arc")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    files = list(args.sessions) or [EXAMPLE]
    if args.arc:
        files += sorted(ARC.glob("*.toml"))
    out = args.out or Path(tempfile.mkdtemp(prefix="report-look-"))
    for session_file in files:
        picture(session_file, out / session_file.stem)
    print(f"Look at them in {out}")


if __name__ == "__main__":
    main()
