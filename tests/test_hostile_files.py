"""Files made to break retro-tui, run through the real command.

Each hostile file is generated here and given to `check`, `open` (stdout to a pipe) and
`export`: exit 2, one message naming the file and the place, nothing raw from the file
on the terminal, no traceback, no hang, the file untouched and nothing written.

A file that could hang its reader or use up its memory or its stack goes to a real
process, under a timeout and a memory limit. The others can only do harm through what
they make the command print: for those the same `main` runs in the test's process, and
pytest's capfd reads file descriptors 1 and 2, all that a terminal would get."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLE, MINIMAL

DEEP = 10_000
# A dotted key nests as deep as it has parts, but tomllib takes time by the square of
# them (10,000 parts: 3.7 s for each of the three commands, all of it in tomllib).
# 3,000 is still three times Python's recursion limit, so anything that walks the
# nesting recursively still fails here; the refusal is the same.
DEEP_KEY = 3_000


def _with(old: str, new: str) -> str:
    assert old in MINIMAL, old
    return MINIMAL.replace(old, new, 1)


def _plain(name: str, text: str | bytes):
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        return path

    return make


def _fifo(folder: Path) -> Path:
    path = folder / "x.toml"
    os.mkfifo(path, 0o600)
    return path


def _zero(folder: Path) -> Path:
    path = folder / "zero.toml"
    path.symlink_to("/dev/zero")
    return path


def _huge(folder: Path) -> Path:
    path = folder / "huge.toml"
    with open(path, "wb") as handle:  # sparse: 40 MB that take no disk
        handle.write(MINIMAL.encode())
        handle.truncate(40 * 2**20)
    return path


# (case, how to make the file, what the one message must say)
CASES = [
    ("deep_arrays", _plain("arrays.toml", MINIMAL + "x = " + "[" * DEEP + "]" * DEEP + "\n"), ["line 31, column 37", "nest more than 32 deep"]),
    ("deep_inline_tables", _plain("tables.toml", MINIMAL + "x = " + "{a=" * DEEP + "1" + "}" * DEEP + "\n"), ["line 31, column 101", "nest more than 32 deep"]),
    ("deep_dotted_key", _plain("dotted.toml", _with("[session]\n", "[session]\n" + ".".join(["a"] * DEEP_KEY) + " = 1\n")), ["session.a", "unknown field"]),
    ("deep_table_header", _plain("header.toml", MINIMAL + "[" + ".".join(["a"] * DEEP) + "]\n"), ["a: unknown field"]),
    ("fifo", _fifo, ["pipe (FIFO), not a regular file"]),
    ("link_to_dev_zero", _zero, ["a device, not a regular file"]),
    ("too_large", _huge, ["40.0 MB, more than the 32 MB"]),
    ("nul_in_title", _plain("nul.toml", _with('title = "Test session"', 'title = "Test\\u0000session"')), ["line 4, session.title", "U+0000"]),
    ("ansi_in_title", _plain("ansi.toml", _with('title = "Test session"', 'title = "\\u001b[31mred\\u001b]0;owned\\u0007"')), ["line 4, session.title", "U+001B"]),
    ("c1_csi_in_name", _plain("csi.toml", _with('name = "Ann"', 'name = "Ann\\u009b2J"')), ["line 12, checkin.participants[0].name", "U+009B"]),
    ("escape_in_a_key", _plain("key.toml", _with('name = "Ann"', 'name = "Ann"\n"\\u001b[2J" = 1')), ["checkin.participants[0].\\x1b[2J", "unknown field"]),
    ("lone_cr_in_text", _plain("cr.toml", _with('text = "Everyone worked alone"', 'text = "Everyone\\rworked alone"')), ["insights.items[0].text", "U+000D"]),
    ("line_break_in_title", _plain("title.toml", _with('title = "Test session"', 'title = "Test\\nsession"')), ["line 4, session.title", "must be one line"]),
    ("paragraph_separator_in_event_title", _plain("event.toml", _with('title = "Placement"', 'title = "Place\u2029ment"')), ["line 21, timeline.events[0].title", "must be one line"]),
    ("escape_in_the_file_name", _plain("e\x1b[31mvil.toml", _with('title = "Test session"', 'title = "Test\\nsession"')), ["e\\x1b[31mvil.toml", "must be one line"]),
]


def _limit_memory() -> None:
    # Before the fix, reading /dev/zero grows until killed: stop it at 1 GB instead.
    resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "retro_tui", "--lang", "en", *args],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60,  # a hang fails, not blocks
        env={**os.environ, "LANG": "C.UTF-8", "COLUMNS": "300"}, preexec_fn=_limit_memory,
    )


IN_A_REAL_PROCESS = {"deep_arrays", "deep_inline_tables", "deep_dotted_key", "deep_table_header", "fifo", "link_to_dev_zero", "too_large"}


def _run_here(capfd, monkeypatch, *args: str) -> tuple[int, str, str]:
    from retro_tui.cli import main

    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("COLUMNS", "300")
    code = main(["--lang", "en", *args])  # an exception fails the test right here
    out, err = capfd.readouterr()
    return code, out, err


def _state(path: Path):
    info = os.lstat(path)
    content = path.read_bytes() if path.is_file() and not path.is_symlink() and info.st_size < 2**20 else None
    return info.st_mtime_ns, info.st_mode, info.st_size, content


@pytest.mark.parametrize("case,make,says", CASES, ids=[c[0] for c in CASES])
def test_hostile_file_is_refused_by_check_open_and_export(tmp_path, case, make, says, capfd, monkeypatch):
    folder = tmp_path / "sessions"
    folder.mkdir()
    path = make(folder)
    before = _state(path)
    out = tmp_path / "out"

    for args in (["check", str(path)], ["open", str(path)], ["export", str(path), "--format", "all", "--out", str(out)]):
        if case in IN_A_REAL_PROCESS:
            result = _run(*args)
            code, stdout, stderr = result.returncode, result.stdout, result.stderr
            assert "Traceback" not in stdout + stderr, stdout + stderr
        else:
            code, stdout, stderr = _run_here(capfd, monkeypatch, *args)
        shown = stdout + stderr
        assert code == 2, (args, shown)
        assert stdout == "", args
        message = stderr.rstrip("\n")
        assert "\n" not in message, ("one message", message)
        assert message.startswith(str(path).replace("\x1b", "\\x1b") + ":"), message
        for words in says:
            assert words in message, (words, message)
        # Nothing from the file reaches the terminal raw: no ESC, no CSI, no NUL, no BEL.
        assert not set(shown) & {"\x1b", "\x9b", "\x00", "\x07", "\r"}, repr(shown)

    assert _state(path) == before
    assert sorted(p.name for p in folder.iterdir()) == [path.name]  # no backup, no temp
    assert not out.exists()


def test_brackets_inside_strings_and_comments_are_not_nesting(run_cli, tmp_path):
    """The pre-scan reads strings and comments as TOML does: brackets there are words."""
    deep = "[" * 200 + "{" * 200
    text = _with('text = "Everyone worked alone"', f'text = """{deep}\n\\"""{deep}"""  # {deep}') + f"# {deep}\n"
    text = text.replace('name = "Ann"', f"name = 'Ann {deep}'")
    path = tmp_path / "brackets.toml"
    path.write_text(text)
    code, out, err = run_cli("check", str(path))
    assert (code, err) == (0, ""), err
    assert "valid session" in out


def test_nesting_just_inside_the_limit_is_read(run_cli, tmp_path):
    from retro_tui.store.nesting import MAX_NESTING

    path = tmp_path / "nested.toml"
    # Inside [session], as an unknown field: the model, not the pre-scan, refuses it.
    path.write_text(_with("[session]\n", "[session]\nx = " + "[" * MAX_NESTING + "]" * MAX_NESTING + "\n"))
    code, _, err = run_cli("check", str(path))
    assert code == 2
    assert "session.x: unknown field" in err and "deep" not in err


@pytest.mark.parametrize("opening", ["[", "{a="])
def test_nesting_just_past_the_limit_is_named_though_rtoml_reads_it(run_cli, tmp_path, opening):
    """rtoml reads 33 levels (it stops near 80): the depth found in its data sends the
    text to the scan, which names the bracket as it did before rtoml read first."""
    import rtoml

    from retro_tui.store.nesting import MAX_NESTING

    deep = MAX_NESTING + 1
    value = opening * deep + "1" + ("]" if opening == "[" else "}") * deep
    rtoml.loads("x = " + value)  # rtoml's way, not its refusal, is what this tests
    path = tmp_path / "nested.toml"
    path.write_text(_with("[session]\n", "[session]\nx = " + value + "\n"))
    code, _, err = run_cli("check", str(path))
    assert code == 2
    assert "nest more than 32 deep" in err and "unknown field" not in err


def test_check_is_linear_in_the_number_of_problems(run_cli, tmp_path, monkeypatch):
    """The file is read for its lines once, however many problems there are (it was
    read once per problem: 1,000 bad quotes took 39 s)."""
    from retro_tui.store import locate

    class Counted:
        def __init__(self, pattern):
            self.pattern, self.passes = pattern, 0

        def finditer(self, *args):
            self.passes += 1
            return self.pattern.finditer(*args)

    headers = Counted(locate._HEADERS)
    monkeypatch.setattr(locate, "_HEADERS", headers)
    quote = '\n[[quotes]]\nid = "q-{n}"\ntime = 2026-01-01T10:00:00\nstep = "timeline"\ntekst = "x"\n'
    path = tmp_path / "quotes.toml"
    path.write_text(MINIMAL + "".join(quote.format(n=n) for n in range(2_000)))

    code, _, err = run_cli("check", str(path))

    assert code == 2
    assert headers.passes == 1
    lines = err.rstrip("\n").split("\n")
    assert lines[0] == f"{path}: 4000 problems"
    assert lines[1] == "  - line 32, quotes[0].text: this field is required"
    assert lines[2] == "  - line 36, quotes[0].tekst: unknown field (a typo?)"
    assert len(lines) == 1 + 8 + 1 and lines[-1] == "  … and 3992 more"


def test_the_lines_of_the_first_problems_are_found_without_reading_every_header(monkeypatch):
    """5,000 bad quotes: the eight shown lie in the first quotes, and their lines come
    from the headers before them; a later path still gets its line, and so does a key
    of a table whose header comes last."""
    from retro_tui.store import locate

    class Counted:
        def __init__(self, pattern):
            self.pattern, self.read = pattern, 0

        def finditer(self, *args):
            for match in self.pattern.finditer(*args):
                self.read += 1
                yield match

    headers = Counted(locate._HEADERS)
    monkeypatch.setattr(locate, "_HEADERS", headers)
    quote = '\n[[quotes]]\nid = "q-{n}"\ntekst = "x"\n'
    text = MINIMAL + "".join(quote.format(n=n) for n in range(5_000)) + '\n[later]\nkey = 1\n'
    first = MINIMAL.count("\n") + 2  # the first quote's header
    where = locate.Locator(text)
    assert where(("quotes", 0, "text")) == first
    assert where(("quotes", 0, "tekst")) == first + 2
    assert where(("quotes", 3, "tekst")) == first + 3 * 4 + 2
    assert headers.read < 50
    assert where(("quotes", 4_999, "tekst")) == first + 4_999 * 4 + 2
    assert where(("later", "key")) == first + 5_000 * 4 + 1
    assert where(("nowhere", "key")) is None


def test_a_valid_session_with_a_tab_and_line_breaks_in_free_text_passes(run_cli, tmp_path):
    path = tmp_path / "tabs.toml"
    path.write_text(_with('text = "Everyone worked alone"', 'text = "Everyone\\tworked\\nalone\\r\\ntogether"'))
    code, out, _ = run_cli("check", str(path))
    assert code == 0 and "valid session" in out


def test_one_line_fields_stay_one_line_in_mail_calendar_and_headings():
    """Defence in depth: a session built in code (not read from a file) with a line
    break in its title still gives a one-line subject, SUMMARY and heading."""
    from email import message_from_bytes, policy

    from icalendar import Calendar

    from retro_tui.report.build import build
    from retro_tui.report.calendar import calendar
    from retro_tui.report.mail import draft
    from retro_tui.store import load

    session = load(EXAMPLE)
    meta = session.session.model_copy(update={"title": "Casus\r\nLotte\u2028A."})
    session = session.model_copy(update={"session": meta})

    mail = message_from_bytes(draft(session, [("a\nb.html", b"<p>x</p>")]), policy=policy.default)
    assert "Casus Lotte A." in mail["Subject"] and "\n" not in str(mail["Subject"])
    assert [part.get_filename() for part in mail.iter_attachments()] == ["a b.html"]
    summaries = [str(e["SUMMARY"]) for e in Calendar.from_ical(calendar(session)).walk("VEVENT")]
    assert summaries and all("Casus Lotte A." in s and "\n" not in s for s in summaries)
    assert "Casus Lotte A." in build(session).title


def test_one_format_failing_does_not_keep_the_others_from_being_written(run_cli, tmp_path, example_copy, monkeypatch):
    from retro_tui.report import calendar

    def broken(session):
        raise ValueError("no calendar today")

    real = calendar.calendar
    monkeypatch.setattr(calendar, "calendar", broken)
    out = tmp_path / "out"
    code, stdout, err = run_cli("export", str(example_copy), "--format", "all", "--out", str(out))
    assert code == 2
    assert err.strip() == f"{example_copy}: the ics export could not be made (no calendar today); the other formats were written"
    written = sorted(p.name for p in out.iterdir())
    monkeypatch.setattr(calendar, "calendar", real)
    code, _, _ = run_cli("export", str(example_copy), "--format", "all", "--out", str(tmp_path / "whole"))
    whole = sorted(p.name for p in (tmp_path / "whole").iterdir())
    assert code == 0
    assert written == [name for name in whole if not name.endswith(".ics")]  # all but the calendar
    assert stdout.count("Written:") == len(written)


def test_lines_are_counted_as_tomllib_counts_them(run_cli, tmp_path):
    """Only a newline ends a line: a paragraph separator inside a multi-line text (which
    TOML allows) does not shift the lines of what follows."""
    text = _with('name = "Ann"', 'name = "Ann"\ncheck_in = """Here\u2028and\u2029now"""').replace(
        'lane = "professionals"', 'lane = "above"'
    )
    path = tmp_path / "separator.toml"
    path.write_text(text)
    code, _, err = run_cli("check", str(path))
    assert code == 2
    assert err.strip() == f"{path}: line 23, timeline.events[0].lane: 'above' is not one of: 'professionals', 'family'"


def test_list_shows_hostile_files_as_unreadable_without_hanging(tmp_path):
    folder = tmp_path / "sessions"
    folder.mkdir()
    for _, make, _ in CASES:
        make(folder)
    (folder / "ok.toml").write_text(MINIMAL)

    result = _run("list", "--sessions-dir", str(folder))

    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and "Traceback" not in result.stdout
    rows = {line.split("│")[-2].strip(): line for line in result.stdout.splitlines() if line.startswith("│")}
    assert len(rows) == len(CASES) + 1  # every file has its row
    assert "Test session" in rows["ok.toml"]
    # `list` reads only the [session] table of a file; what is not a file, or too big,
    # or wrong in that table, is unreadable there already.
    for name in ("x.toml", "zero.toml", "huge.toml", "nul.toml", "ansi.toml", "title.toml", "e\\x1b[31mvil.toml"):
        assert "cannot be read" in rows[name], rows[name]
    assert "\x1b" not in result.stdout


def test_bundle_names_a_pipe_and_a_device_among_the_sessions_and_goes_on(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the bundle's index of its own
    folder = tmp_path / "sessions"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "a.toml")
    _fifo(folder)
    _zero(folder)

    result = _run("bundle", str(folder), "--all", "--out", str(tmp_path / "out"))

    assert result.returncode == 2, result.stderr  # named, the rest bundled, and bad input said by the code
    assert f"{folder / 'x.toml'}: this is a pipe (FIFO), not a regular file" in result.stderr
    assert f"{folder / 'zero.toml'}: this is a device, not a regular file" in result.stderr
    assert "1 case bundled (0 not final, 2 unreadable)" in result.stdout
