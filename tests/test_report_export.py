"""Exporting the report, as a user does it: every format at once, pseudonymised by
default, stopped by identifiers until they are fixed or accepted; from the command line
and from the app's export screen."""

from __future__ import annotations

import os
import re
import stat
import zipfile

from apphelpers import opened, visible_text
from retro_tui.store import dumps, load
from retro_tui.ui.app import RetroApp
from retro_tui.ui.keys import localized

FAMILY = ["Sandra", "Ruben", "Marco", "Lotte", "Sem", "Ria", "Akkerman"]


def pdf_text(data: bytes) -> str:
    """A PDF's text as a reader sees it (its streams are compressed: bytes say nothing)."""
    import shutil
    import subprocess

    import pytest

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian: poppler-utils) is not installed: a PDF's text cannot be read")
    return subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


def readable_text(path) -> str:
    """What a reader of the file could see: the XML inside Word files, the text of others."""
    if path.suffix == ".pdf":
        return pdf_text(path.read_bytes())
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            return " ".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))
    if path.suffix == ".eml":
        import email
        from email import policy

        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        parts = [message.get_body(("plain",)).get_content()]
        for part in message.iter_attachments():
            content = part.get_content()
            if isinstance(content, bytes) and part.get_filename().endswith(".pdf"):
                content = pdf_text(content)
            if isinstance(content, bytes) and part.get_filename().endswith(".docx"):
                import io

                with zipfile.ZipFile(io.BytesIO(content)) as z:
                    content = " ".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))
            parts.append(content if isinstance(content, str) else content.decode("utf-8", "replace"))
        return " ".join(parts)
    return path.read_text(encoding="utf-8", errors="replace")


def names_in(text: str) -> set[str]:
    found = set()
    for name in FAMILY:
        # Any case, possessive or plural: Lotte, LOTTE, Lottes, Lotte's, Sandra’s.
        if re.search(rf"(?i)(?<![\w]){name}(?:s|'s|’s)?(?![\w])", text):
            found.add(name)
    return found


def test_every_format_at_once_pseudonymised_and_private(run_cli, example_copy, tmp_path):
    out = tmp_path / "out"
    code, _stdout, err = run_cli("export", str(example_copy), "--format", "all", "--out", str(out))
    assert code == 0, err
    names = sorted(p.name for p in out.iterdir())
    assert set(names) >= {f"VOORBEELD-FICTIEF-01-{kind}" for kind in (
        "verslag.md", "verslag.html", "verslag.docx", "verslag.pdf", "mail.eml", "bijeenkomsten.ics",
        "intentieverklaring.toml", "intentieverklaring.pdf")}
    # PDFs (and the mail that carries them) last: without pdftotext their reading skips
    # the test, and it must not skip the other formats' check with it.
    for path in sorted(out.iterdir(), key=lambda p: p.suffix in (".pdf", ".eml")):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600, path
        assert names_in(readable_text(path)) == set(), (path.name, names_in(readable_text(path)))


def test_without_pseudonymising_the_names_are_there(run_cli, example_copy, tmp_path):
    out = tmp_path / "out"
    code, _, err = run_cli("export", str(example_copy), "--format", "md,html,docx", "--out", str(out), "--no-pseudonymise")
    assert code == 0, err
    for path in out.glob("*verslag*"):
        assert {"Sandra", "Lotte", "Akkerman"} <= names_in(readable_text(path)), path.name


def plant(path, text: str) -> None:
    session = load(path)
    session.timeline.notes += " " + text  # the step's notes are in the report
    path.write_text(dumps(session), encoding="utf-8")


def test_identifiers_stop_the_export_until_accepted(run_cli, example_copy, tmp_path):
    plant(example_copy, "Moeder is bereikbaar op 06-12345678, BSN 111222333.")
    before = example_copy.read_bytes()
    out = tmp_path / "out"
    code, _, err = run_cli("export", str(example_copy), "--format", "html", "--out", str(out))
    assert code == 2 and "06-12345678" in err and "111222333" in err
    assert not out.exists() and example_copy.read_bytes() == before
    code, _, err = run_cli("export", str(example_copy), "--format", "html", "--out", str(out), "--accept-identifiers")
    assert code == 0, err
    assert "06-12345678" in (out / "VOORBEELD-FICTIEF-01-verslag.html").read_text()


async def test_the_export_screen_lists_findings_and_exports_once_accepted(example_copy, tmp_path):
    from textual.widgets import Button, SelectionList

    from retro_tui.ui.export_screen import ExportScreen

    plant(example_copy, "Bel vader: 06-12345678.")
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await opened(pilot)
        await pilot.press("f9")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        assert "06-12345678" in visible_text(app)
        assert screen.query_one("#export", Button).disabled
        await pilot.press("ctrl+s")  # refused: nothing written yet
        await pilot.pause()
        assert app.screen is screen and not (tmp_path / "exports").exists()
        findings = screen.query_one("#findings", SelectionList)
        findings.focus()
        await pilot.press("space", "ctrl+a")  # tick the finding, accept it on purpose
        await pilot.pause()
        assert not screen.query_one("#export", Button).disabled
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()  # the files are written off the UI thread
        await pilot.pause()
        assert app.screen is not screen
        written = sorted(p.name for p in (tmp_path / "exports").iterdir())
        assert "VOORBEELD-FICTIEF-01-verslag.docx" in written and any(n.endswith(".eml") for n in written)
        await pilot.press("ctrl+q")
    assert len(load(example_copy).privacy.accepted) == 1  # remembered for the next export


async def test_the_export_screen_says_how_many_quotes_and_the_facilitator_chooses(example_copy, tmp_path):
    from textual.widgets import RadioSet

    from retro_tui.ui.export_screen import ExportScreen

    from retro_tui.report.export import prepared

    session = prepared(load(example_copy))  # what the report says, pseudonymised
    total, marked = len(session.quotes), sum(q.for_report for q in session.quotes)
    assert 0 < marked < total
    left_out = next(q for q in session.quotes if not q.for_report)
    checkin = next(p.check_in for p in session.checkin.participants if p.check_in)
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.press("f9")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        await pilot.pause()
        shown = " ".join(visible_text(app).split())
        assert f"Citaten: {total}, waarvan {marked} gemarkeerd" in shown, shown
        assert screen.choices.quotes == "marked" and not screen.choices.checkin_words
        # By keys, as a facilitator does it: to the quote choice, across to "all", then
        # to the check-in words and tick them.
        while not isinstance(app.focused, RadioSet):
            await pilot.press("tab")
        await pilot.press("left", "enter", "tab", "space")
        await pilot.pause()
        assert screen.choices.quotes == "all" and screen.choices.checkin_words
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is not screen
        await pilot.press("ctrl+q")
    html = next((tmp_path / "exports").glob("*verslag.html")).read_text(encoding="utf-8")
    assert " ".join(left_out.text.split())[:40] in " ".join(html.split())
    assert " ".join(checkin.split())[:30] in " ".join(html.split())


def test_check_in_words_are_left_out_unless_chosen(run_cli, example_copy, tmp_path):
    from retro_tui.report.export import prepared

    session = prepared(load(example_copy))
    words = next(p.check_in for p in session.checkin.participants if p.check_in)
    run_cli("export", str(example_copy), "--format", "md", "--out", str(tmp_path / "a"))
    run_cli("export", str(example_copy), "--format", "md", "--out", str(tmp_path / "b"), "--checkin-words",
            "--quotes", "none")
    plain = next((tmp_path / "a").glob("*.md")).read_text(encoding="utf-8")
    chosen = next((tmp_path / "b").glob("*.md")).read_text(encoding="utf-8")
    assert words.split()[0] not in plain.split("##")[2] and " ".join(words.split())[:25] not in " ".join(plain.split())
    assert " ".join(words.split())[:25] in " ".join(chosen.replace("\\", "").split())
    assert "Woorden bij het inchecken" in chosen and "Woorden bij het inchecken" not in plain
    assert "## Citaten" in plain and "## Citaten" not in chosen  # --quotes none: no quotes section


def synced_paths(monkeypatch) -> list[str]:
    """Every path os.fsync is called on from now on, in order (read from /proc: Linux)."""
    import pytest

    if not os.path.isdir("/proc/self/fd"):
        pytest.skip("which file a descriptor is, is read from /proc (Linux)")
    synced: list[str] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    return synced


def test_each_file_is_synced_once_and_the_folder_once_after_all(run_cli, example_copy, tmp_path, monkeypatch):
    """Every file's bytes reach the disk before its rename; the renames are made durable
    by one sync of the folder after the last, not one per file."""
    out = tmp_path / "out"
    synced = synced_paths(monkeypatch)
    code, _stdout, err = run_cli("export", str(example_copy), "--format", "all", "--out", str(out))
    assert code == 0, err
    written = sorted(p.name for p in out.iterdir())
    assert len(written) >= 9
    here = [path for path in synced if path == str(out) or os.path.dirname(path) == str(out)]
    assert here.count(str(out)) == 1 and here[-1] == str(out)  # the folder: once, after every file
    files = sorted(os.path.basename(path) for path in here if path != str(out))
    assert len(files) == len(written)  # each file once, under its temporary name
    assert all(any(f.startswith(f".{name}.") for f in files) for name in written)


def test_a_file_that_is_a_link_has_the_folder_it_leads_to_synced(run_cli, example_copy, tmp_path, monkeypatch):
    """A link the user put in the export folder is written through (as every write is);
    the folder the file really lands in is the one whose rename must survive."""
    out, elsewhere = tmp_path / "out", tmp_path / "kept"
    out.mkdir(mode=0o700)
    elsewhere.mkdir(mode=0o700)
    (out / "VOORBEELD-FICTIEF-01-verslag.md").symlink_to(elsewhere / "verslag.md")
    synced = synced_paths(monkeypatch)
    code, _stdout, err = run_cli("export", str(example_copy), "--format", "md", "--out", str(out))
    assert code == 0, err
    assert (elsewhere / "verslag.md").read_text(encoding="utf-8").startswith("# ")
    assert synced.count(str(elsewhere)) == 1 and synced.count(str(out)) == 1
