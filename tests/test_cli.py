"""The command line as a user types it."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLE
from retro_tui.store.files import example_arc_sources
from retro_tui.store import load


def test_new_creates_a_private_session_with_the_closing_defaults(tmp_path, run_cli):
    folder = tmp_path / "sessions"
    code, out, _ = run_cli("new", "Casus Zeeland", "--lang", "nl", "--sessions-dir", str(folder))
    assert code == 0
    [path] = list(folder.glob("*.toml"))
    assert str(path) in out
    assert path.name == f"{load(path).session.date.isoformat()}-sessie-1.toml"  # never the title's words
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    session = load(path)
    assert session.session.title == "Casus Zeeland"
    assert session.session.language == "nl"
    assert session.session.status == "preparing"
    assert [c.id for c in session.closing.commitments] == [
        "cm-course", "cm-reliable", "cm-calm", "cm-transparent", "cm-trust"
    ]
    assert session.closing.agenda  # the standing agenda to start from


def test_new_twice_with_the_same_title_never_overwrites(tmp_path, run_cli):
    folder = tmp_path / "s"
    assert run_cli("new", "Same", "--sessions-dir", str(folder))[0] == 0
    [first] = list(folder.glob("*.toml"))
    before = first.read_bytes()
    assert run_cli("new", "Same", "--sessions-dir", str(folder))[0] == 0
    assert len(list(folder.glob("*.toml"))) == 2
    assert first.read_bytes() == before


def test_a_new_session_is_named_neutrally_and_says_so(tmp_path, run_cli):
    """The title often holds the family's name; the file name never does."""
    folder = tmp_path / "s"
    names = []
    for lang, word in (("nl", "sessie"), ("nl", "sessie"), ("en", "session")):
        code, out, _ = run_cli("new", "Casus Lotte Akkerman", "--lang", lang, "--sessions-dir", str(folder))
        assert code == 0
        [said] = [p for p in folder.iterdir() if str(p) in out]
        names.append(said.name)
        assert word in said.name and "akkerman" not in said.name.casefold() and "lotte" not in said.name.casefold()
    day = load(folder / names[0]).session.date.isoformat()
    assert names == [f"{day}-sessie-1.toml", f"{day}-sessie-2.toml", f"{day}-session-1.toml"]


def test_a_session_with_a_case_code_is_named_after_it(tmp_path):
    from retro_tui.store import create

    path, session = create(tmp_path, "Gezin Akkerman", "nl", case_code="LL-2026/07 ö")
    assert path.name == f"{session.session.date.isoformat()}-LL-2026-07-o.toml"
    again, _ = create(tmp_path, "Gezin Akkerman", "nl", case_code="LL-2026/07 ö")
    assert again.name == f"{session.session.date.isoformat()}-LL-2026-07-o-2.toml"


def test_new_with_a_case_code_and_a_date_is_named_after_them(tmp_path, run_cli):
    """As `new` says: the file name comes from the date and the case code. Given on the
    command line, they were set in the file after it was named after today."""
    folder = tmp_path / "s"
    code, out, _ = run_cli("new", "Gezin Bakker", "--case-code", "TST-01", "--date", "14 oktober 2026",
                           "--lang", "nl", "--sessions-dir", str(folder))
    assert code == 0
    [path] = folder.iterdir()
    assert path.name == "2026-10-14-TST-01.toml" and str(path) in out
    session = load(path)
    assert (session.session.case_code, session.session.date.isoformat()) == ("TST-01", "2026-10-14")


def test_new_without_title_uses_the_language(tmp_path, run_cli):
    folder = tmp_path / "s"
    assert run_cli("new", "--lang", "nl", "--sessions-dir", str(folder))[0] == 0
    [path] = list(folder.glob("*.toml"))
    assert load(path).session.title == "Nieuwe sessie"


def test_sessions_dir_from_the_environment(tmp_path, run_cli, monkeypatch):
    monkeypatch.setenv("RETRO_TUI_SESSIONS", str(tmp_path / "env"))
    assert run_cli("new", "Via env")[0] == 0
    assert len(list((tmp_path / "env").glob("*.toml"))) == 1


def test_sessions_dir_defaults_to_the_users_data_folder_not_the_shells(tmp_path, run_cli, monkeypatch, private_state):
    # Installed with pipx, the terminal may be anywhere: nothing lands there.
    monkeypatch.delenv("RETRO_TUI_SESSIONS", raising=False)
    monkeypatch.chdir(tmp_path)
    assert run_cli("new", "Here")[0] == 0
    assert list(tmp_path.iterdir()) == []
    assert len(list((private_state / "data" / "retro-tui" / "sessions").glob("*.toml"))) == 1


def test_a_checkout_keeps_its_sessions_folder(tmp_path, run_cli, monkeypatch):
    monkeypatch.delenv("RETRO_TUI_SESSIONS", raising=False)
    (tmp_path / "sessions").mkdir()
    (tmp_path / "sessions" / "example.toml").write_text("")
    (tmp_path / "pyproject.toml").write_text("")
    monkeypatch.chdir(tmp_path)
    assert run_cli("new", "Here")[0] == 0
    assert len(list((tmp_path / "sessions").glob("2*.toml"))) == 1


def test_list_shows_date_title_and_status(tmp_path, run_cli):
    folder = tmp_path / "s"
    assert run_cli("new", "Eerste casus", "--sessions-dir", str(folder))[0] == 0
    (folder / "broken.toml").write_text("not toml at all")
    code, out, _ = run_cli("list", "--sessions-dir", str(folder))
    assert code == 0
    assert "Eerste casus" in out and "preparing" in out
    assert "broken.toml" in out and "cannot be read" in out


def test_list_of_an_empty_folder_says_how_to_start(tmp_path, run_cli):
    code, out, _ = run_cli("list", "--sessions-dir", str(tmp_path / "none"))
    assert code == 0
    assert "retro-tui new" in out


def test_check_a_valid_file(run_cli):
    before = EXAMPLE.read_bytes()
    code, out, err = run_cli("check", str(EXAMPLE))
    assert (code, err) == (0, "")
    assert out == f'{EXAMPLE}: valid session "{load(EXAMPLE).session.title}"\n'  # whole: "valid" is in "invalid" too
    assert EXAMPLE.read_bytes() == before


def test_example_piped_makes_a_fresh_copy_never_the_bundled_file(tmp_path, run_cli):
    folder = tmp_path / "s"
    before = EXAMPLE.read_bytes(), os.stat(EXAMPLE).st_mtime_ns
    code, out, _ = run_cli("example", "--sessions-dir", str(folder))
    assert code == 0
    [copy] = list(folder.glob("example-copy-*.toml"))
    assert copy.read_bytes() == EXAMPLE.read_bytes()
    assert stat.S_IMODE(os.stat(copy).st_mode) == 0o600
    assert (EXAMPLE.read_bytes(), os.stat(EXAMPLE).st_mtime_ns) == before
    assert load(copy).session.title in out


def test_a_bare_file_argument_piped_prints_its_summary(run_cli):
    code, out, _ = run_cli(str(EXAMPLE))
    assert code == 0
    assert load(EXAMPLE).session.title in out


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_a_bare_file_argument_on_a_terminal_opens_it_in_the_app(example_copy):
    from terminal import Terminal

    title = load(example_copy).session.title
    terminal = Terminal(str(example_copy), cols=100, rows=30)
    try:
        # The session screen: its title, the steps as tabs, and its autosave state.
        terminal.wait_for(title)
        terminal.wait_for("Tijdlijn")
        terminal.wait_for("opgeslagen")
        terminal.type("\x11")  # ctrl+q
        assert terminal.ended_within(20)
        assert terminal.process.returncode == 0
    finally:
        terminal.close()
    assert load(example_copy).session.title == title  # what it saved on quitting still loads


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_example_on_a_terminal_opens_a_fresh_copy_in_the_app(tmp_path):
    from terminal import Terminal

    folder = tmp_path / "s"
    before = EXAMPLE.read_bytes(), os.stat(EXAMPLE).st_mtime_ns
    terminal = Terminal("example", "--sessions-dir", str(folder), cols=100, rows=30)
    try:
        terminal.wait_for(load(EXAMPLE).session.title)
        terminal.wait_for("opgeslagen")
        terminal.type("\x11")  # ctrl+q
        assert terminal.ended_within(20)
        assert terminal.process.returncode == 0
    finally:
        terminal.close()
    [copy] = list(folder.glob("example-copy-*.toml"))
    assert load(copy).session.title == load(EXAMPLE).session.title
    assert (EXAMPLE.read_bytes(), os.stat(EXAMPLE).st_mtime_ns) == before


def test_open_follows_the_session_language_unless_asked(run_cli):
    code, out, _ = run_cli("open", str(EXAMPLE))
    assert code == 0 and "deelnemers" in out and "participants" not in out  # the example is Dutch
    code, out, _ = run_cli("open", "--lang", "en", str(EXAMPLE))
    assert code == 0 and "participants" in out and "deelnemers" not in out


def test_console_script_and_module_both_run(tmp_path):
    script = Path(sys.executable).with_name("retro-tui")
    for command in ([str(script)], [sys.executable, "-m", "retro_tui"]):
        result = subprocess.run([*command, "--lang", "en", "check", str(EXAMPLE)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        # Whole: "valid" alone is also in "invalid".
        assert result.stdout == f'{EXAMPLE}: valid session "{load(EXAMPLE).session.title}"\n', result.stdout


def test_options_work_before_and_after_the_command(tmp_path, run_cli):
    before, after = tmp_path / "before", tmp_path / "after"
    assert run_cli("--sessions-dir", str(before), "new", "Alfa")[0] == 0
    assert run_cli("new", "Bravo", "--sessions-dir", str(after))[0] == 0
    assert [load(p).session.title for p in before.glob("*.toml")] == ["Alfa"]
    assert [load(p).session.title for p in after.glob("*.toml")] == ["Bravo"]
    code, out, _ = run_cli("--sessions-dir", str(before), "list")
    assert code == 0 and "Alfa" in out and "Bravo" not in out


def test_export_writes_the_intention_declaration_alone(tmp_path, run_cli):
    import tomllib

    # As written, names and all: pseudonymising is tested with the report's formats.
    code, out, _ = run_cli("export", str(EXAMPLE), "--format", "intention", "--out", str(tmp_path / "out"),
                           "--no-pseudonymise")
    assert code == 0
    [path] = list((tmp_path / "out").glob("*.toml"))
    assert str(path) in out
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    data = tomllib.loads(path.read_text())["intention"]
    session = load(EXAMPLE)
    assert data["session"] == session.session.title
    assert [m["name"] for m in data["core_team"]] == [m.name for m in session.closing.core_team]
    assert [c["name"] for c in data["commitments"]] == [c.name for c in session.closing.commitments]
    assert data["meeting_dates"] == session.closing.meeting_dates
    assert "participants" not in data and "timeline" not in data  # nothing but the declaration


def test_export_starts_the_feedback_week_once_and_then_leaves_the_file_unread(example_copy, tmp_path, run_cli,
                                                                              monkeypatch):
    import retro_tui.store.shared as shared
    from retro_tui.model import Status

    text = example_copy.read_text(encoding="utf-8")
    example_copy.write_text(text.replace('status = "report_draft"', 'status = "in_session"', 1), encoding="utf-8")
    out_dir = str(tmp_path / "out")
    code, out, _ = run_cli("export", str(example_copy), "--format", "md", "--out", out_dir, "--accept-identifiers")
    assert code == 0 and load(example_copy).session.status == Status.report_draft
    assert out.splitlines()[-1] == "The report is a draft: feedback until 2026-10-21."  # the week's last day, said
    before = example_copy.read_bytes()

    def read_again(*_args, **_kwargs):
        raise AssertionError("the session was read again although its feedback week had started")

    # A big session's second read under the lock was a tenth of its export.
    monkeypatch.setattr(shared, "update", read_again)
    code, out, _ = run_cli("export", str(example_copy), "--format", "md", "--out", out_dir, "--accept-identifiers")
    assert code == 0 and example_copy.read_bytes() == before


def test_export_of_a_broken_file_fails_cleanly(tmp_path, run_cli):
    bad = tmp_path / "bad.toml"
    bad.write_text("schema_version = 3\n")
    code, _, err = run_cli("export", str(bad), "--format", "intention", "--out", str(tmp_path / "out"))
    assert code == 2 and str(bad) in err
    assert not (tmp_path / "out").exists()


def test_export_leaves_the_cyclic_collector_as_it_found_it(example_copy, tmp_path, run_cli):
    """An export runs without the cyclic collector (a one-shot command); whoever calls
    main() in a longer process (the tests, a script) gets it back, after a failure too."""
    import gc

    assert gc.isenabled()
    out_dir = str(tmp_path / "out")
    assert run_cli("export", str(example_copy), "--format", "md", "--out", out_dir, "--accept-identifiers")[0] == 0
    assert gc.isenabled()
    bad = tmp_path / "bad.toml"
    bad.write_text("schema_version = 3\n")
    assert run_cli("export", str(bad), "--format", "md", "--out", out_dir)[0] == 2
    assert gc.isenabled()
    gc.disable()
    try:
        assert run_cli("export", str(example_copy), "--format", "md", "--out", out_dir, "--accept-identifiers")[0] == 0
        assert not gc.isenabled()  # off before, off after
    finally:
        gc.enable()


def test_list_shows_the_newest_session_first(tmp_path, run_cli):

    folder = tmp_path / "s"
    folder.mkdir()
    for day, title in (("2025-01-10", "Oud"), ("2026-11-20", "Nieuw"), ("2026-03-01", "Midden")):
        text = EXAMPLE.read_text().replace("date = 2026-10-14", f"date = {day}", 1)
        text = text.replace('title = "Voorbeeld: gezin Akkerman (fictief)"', f'title = "{title}"', 1)
        (folder / f"{title}.toml").write_text(text)
    code, out, _ = run_cli("list", "--sessions-dir", str(folder))
    assert code == 0
    assert out.index("Nieuw") < out.index("Midden") < out.index("Oud")


def test_the_notetaker_without_a_terminal_says_so_and_points_to_quote(run_cli, example_copy):
    before = example_copy.read_bytes()
    code, out, err = run_cli("notetaker", str(example_copy))
    assert code == 2 and out == ""
    assert "needs a terminal" in err and "retro-tui quote" in err
    assert example_copy.read_bytes() == before


def test_quote_takes_the_steps_of_the_files_own_kind(run_cli, tmp_path):
    """A meeting's notetaker quotes into a meeting step; a retrospective's step names
    are refused there with the meeting's steps named, and the file is left as it was."""
    import shutil

    meeting = tmp_path / "overleg.toml"
    shutil.copy(next(p for p in example_arc_sources() if p.name.endswith("overleg-2.toml")), meeting)
    before = meeting.read_bytes()
    code, out, err = run_cli("quote", str(meeting), "--speaker", "Marieke", "--step", "insights", "Te laat")
    assert code == 2 and out == "" and meeting.read_bytes() == before
    assert '"Core-team meeting" has no step "insights"' in err
    assert "checkin, summary, progress, course_check, actions_review, next_steps" in err
    code, _, _ = run_cli("quote", str(meeting), "--speaker", "Marieke", "--step", "actions_review", "Het lukte niet")
    assert code == 0
    assert [(q.step, q.text) for q in load(meeting).quotes][-1] == ("actions_review", "Het lukte niet")
    code, _, err = run_cli("quote", str(EXAMPLE.parent / "example.toml"), "--speaker", "X", "--step", "summary", "Nee")
    assert code == 2 and '"Retrospective case analysis" has no step "summary"' in err


def test_all_formats_without_meeting_dates_says_there_is_no_calendar_file(tmp_path, run_cli):
    """`--format all` skipped the calendar without a word when no meeting has a date:
    people looked for the .ics the README lists. It is said, and nothing failed."""
    from retro_tui.store import create

    path, _ = create(tmp_path, "Casus", "nl", case_code="TST-01")
    code, out, err = run_cli("export", str(path), "--format", "all", "--out", str(tmp_path / "out"), "--lang", "nl")
    assert code == 0, err
    assert "Geen agendabestand (.ics)" in out
    assert not list((tmp_path / "out").glob("*.ics"))
    code, out, _ = run_cli("export", str(path), "--format", "md", "--out", str(tmp_path / "md"), "--lang", "nl")
    assert code == 0 and "agendabestand" not in out  # not asked for: not said
