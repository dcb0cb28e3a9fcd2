"""Every kind of bad session file: one clear message naming the file and the line or
field, exit 2, no traceback, and the file left exactly as it was."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import MINIMAL


def replace(old: str, new: str) -> str:
    assert old in MINIMAL, old
    return MINIMAL.replace(old, new, 1)


# (case, file content, what the message must name, words it must say)
CASES = [
    ("not_utf8", MINIMAL.encode() + b'\n# caf\xe9\n', ["line 32"], ["not UTF-8"]),
    ("not_toml", replace('title = "Placement"', 'title = "Placement'), ["line 21"], ["not valid TOML"]),
    ("wrong_type", replace('name = "Ann"', "name = 42"), ["line 12", "checkin.participants[0].name"], ["must be text", "42"]),
    ("missing_field", replace('lane = "professionals"\n', ""), ["line 18", "timeline.events[0].lane"], ["required"]),
    ("impossible_date", replace('date = "2019-03"', 'date = "2019-02-30"'), ["line 20", "timeline.events[0].date"], ["2019-02-30", "calendar"]),
    ("not_a_date", replace('date = "2019-03"', 'date = "spring 2019"'), ["line 20", "timeline.events[0].date"], ["date_label"]),
    ("impossible_toml_date", replace("created = 2026-01-01T10:00:00", "created = 2026-02-30T10:00:00"), ["line 7"], ["not valid TOML"]),
    ("duplicate_id", replace('id = "fm-mother"', 'id = "p-ann"'), ["line 15", "family.members[0].id"], ['"p-ann" is used twice']),
    ("dangling_person", replace('people = ["fm-mother"]', 'people = ["fm-father"]'), ["line 23", "timeline.events[0].people[0]"], ['"fm-father"', "not a participant or family member"]),
    ("dangling_event", replace('events = ["ev-1"]', 'events = ["ev-9"]'), ["line 29", "insights.items[0].events[0]"], ['"ev-9"']),
    ("unknown_tag", replace('tags = ["pattern.islands"]', 'tags = ["pattern.no_such_thing"]'), ["line 30", "insights.items[0].tags[0]"], ["not in the catalogues"]),
    ("newer_schema", replace("schema_version = 1", "schema_version = 7"), ["line 1", "schema_version"], ["newer retro-tui", "7"]),
    ("schema_missing", replace("schema_version = 1\n", ""), ["schema_version"], ["missing"]),
    ("schema_text", replace("schema_version = 1", 'schema_version = "1"'), ["line 1", "schema_version"], ["whole number"]),
    ("unknown_key", replace('title = "Test session"', 'titel = "Test session"'), ["line 4", "session.titel"], ["unknown field"]),
    ("bad_enum", replace('lane = "professionals"', 'lane = "above"'), ["line 22", "timeline.events[0].lane"], ["'above'", "'professionals', 'family'"]),
    ("relation_to_self", MINIMAL + '\n[[family.relations]]\nid = "r-1"\nfrom = "fm-mother"\nto = "fm-mother"\nkind = "close"\n', ["line 32", "family.relations[0]"], ["two different people"]),
    ("bad_relation_kind", MINIMAL + '\n[[family.relations]]\nid = "r-1"\nfrom = "fm-mother"\nto = "p-ann"\nkind = "friends"\n', ["line 36", "family.relations[0].kind"], ["'friends'"]),
    ("empty_file", "", ["schema_version"], ["missing"]),
    ("age_out_of_range", replace('pseudonym = "Mother"', 'pseudonym = "Mother"\nage = 340'), ["line 17", "family.members[0].age"], ["at most 120"]),
]


@pytest.mark.parametrize("case,content,names,words", CASES, ids=[c[0] for c in CASES])
def test_bad_file_is_refused_clearly_and_left_untouched(tmp_path, run_cli, case, content, names, words):
    path = tmp_path / f"{case}.toml"
    data = content if isinstance(content, bytes) else content.encode()
    path.write_bytes(data)
    before = os.stat(path)

    for command in ("check", "open"):
        code, out, err = run_cli(command, str(path))
        assert code == 2
        assert out == ""
        assert str(path) in err
        for name in names + words:
            assert name in err, (name, err)
        # (In-process, an exception would fail the test at run_cli; what a real
        # process prints is checked in test_a_real_process_exits_2_without_traceback.)

    assert path.read_bytes() == data
    after = os.stat(path)
    assert (after.st_mtime_ns, after.st_mode) == (before.st_mtime_ns, before.st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no backup, no temp


def test_message_is_in_dutch_when_asked(tmp_path, run_cli):
    path = tmp_path / "s.toml"
    path.write_text(replace('date = "2019-03"', 'date = "2019-02-30"'))
    code, _, err = run_cli("check", "--lang", "nl", str(path))
    assert code == 2
    assert "regel 20" in err and "bestaat niet in de kalender" in err


def test_several_problems_are_listed_together(tmp_path, run_cli):
    text = replace('name = "Ann"', "name = 42").replace('lane = "professionals"', 'lane = "up"')
    path = tmp_path / "s.toml"
    path.write_text(text)
    code, _, err = run_cli("check", str(path))
    assert code == 2
    assert "2 problems" in err
    assert "checkin.participants[0].name" in err and "timeline.events[0].lane" in err


@pytest.mark.parametrize("make", ["missing", "folder"])
def test_missing_file_or_folder(tmp_path, run_cli, make):
    path = tmp_path / "nothing.toml"
    if make == "folder":
        path.mkdir()
    code, _, err = run_cli("check", str(path))
    assert code == 2
    assert str(path) in err
    assert ("no such file" if make == "missing" else "folder") in err


def test_a_real_process_exits_2_without_traceback(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_bytes(b"schema_version = 1\n[session\n")
    result = subprocess.run(
        [sys.executable, "-m", "retro_tui", "check", str(path)],
        capture_output=True, text=True, env={**os.environ, "LANG": "C.UTF-8"},
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert f"{path}: line 2" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == b"schema_version = 1\n[session\n"
