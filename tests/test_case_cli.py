"""`retro-tui case`, `new --kind --case`, `list` and `example` as the console command
runs them: real processes, their exit codes and what they print."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLE
from retro_tui.store.files import example_arc_sources
from retro_tui.store import load

CODE = "VOORBEELD-FICTIEF-01"

ARC = example_arc_sources()
SCRIPT = Path(sys.executable).with_name("retro-tui")


def run(*args: str) -> subprocess.CompletedProcess:
    # The test's own state, settings and home (conftest) reach the process through
    # the environment; a wide terminal so rich does not wrap what is asserted.
    env = dict(os.environ, COLUMNS="200")
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, env=env, timeout=60)


def case_folder(tmp_path: Path, *files: Path) -> Path:
    folder = tmp_path / "sessions"
    folder.mkdir()
    for source in (EXAMPLE, *files):
        shutil.copy(source, folder / source.name)
    return folder


def test_case_prints_where_the_whole_arc_stands_in_dutch(tmp_path):
    folder = case_folder(tmp_path, *ARC)
    result = run("case", CODE, "--sessions-dir", str(folder), "--lang", "nl")
    assert (result.returncode, result.stderr) == (0, "")
    out = result.stdout
    assert out.startswith(f"Casus {CODE}\n")
    assert "6 sessies, op volgorde van tijd" in out
    order = [out.index(name) for name in (EXAMPLE.name, *(p.name for p in ARC))]
    assert order == sorted(order)
    assert "uit de perspectieve analyse van 2026-10-16" in out
    assert "Inhoudsteam: Fatima El Idrissi, Esther Vonk; plan klaar op 2026-11-17" in out
    assert "2. De stem van Lotte en haar ouders is leidend: elke week contact met Lotte. · deels (2026-11-03)" in out
    assert "Open acties (3 open, 5 gedaan)" in out
    assert "  Esther Vonk\n    · Oma Ria uitnodigen voor het inhoudsoverleg over de weekenden · vóór 2026-11-03 · deels" in out
    assert "het mandaat" not in out.lower().split("open acties")[1]  # done in the third meeting
    assert "Volgend overleg\n  2026-11-10 08:30" in out
    assert "Evaluatie van 2026-11-24" in out and "Rugdekking: 6 nagekomen, 1 deels, 1 niet nagekomen" in out
    assert "toen vooral naast elkaar, nu naast elkaar" in out


def test_case_in_english_on_request_and_at_the_second_meeting(tmp_path):
    folder = case_folder(tmp_path, *ARC[:3])
    result = run("case", CODE.lower(), "--sessions-dir", str(folder), "--lang", "en")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "4 sessions, in time order" in out and "Open actions (4 open, 2 done)" in out
    assert "Het mandaat voor maatwerkfinanciering op papier krijgen · due 2026-10-27 · not done" in out
    assert "Evaluation" not in out


def test_an_unknown_code_or_folder_is_one_message_and_exit_2(tmp_path):
    folder = case_folder(tmp_path)
    result = run("case", "ANDERS-02", "--sessions-dir", str(folder), "--lang", "en")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"There is no session with case code ANDERS-02 in {folder}. Case codes there: {CODE}.\n"
    result = run("case", CODE, "--sessions-dir", str(tmp_path / "nowhere"), "--lang", "en")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(f"{tmp_path / 'nowhere'} is not a folder of sessions.") and result.stderr.count("\n") == 1


def test_new_meeting_of_a_case_is_filled_in_and_named_after_it(tmp_path):
    folder = case_folder(tmp_path, *ARC[:4])
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    result = run("new", "--kind", "meeting", "--case", CODE, "--sessions-dir", str(folder), "--lang", "en")
    assert result.returncode == 0, result.stderr
    day = dt.date.today().isoformat()
    path = folder / f"{day}-{CODE}-overleg-4.toml"  # the case's language names it
    assert result.stdout == (f"Created {path}: Core-team meeting 4 of case {CODE}, filled in from the case.\n"
                             f"To open it: retro-tui open {path}\n")
    session = load(path)
    assert (session.session.kind, session.session.language, session.session.facilitator) == (
        "meeting", load(EXAMPLE).session.language, load(EXAMPLE).session.facilitator)
    assert sorted(a.id for a in session.meeting.carried) == ["ac-oma", "ac-plan", "ac-sem-praten"]
    assert session.meeting.starts == dt.datetime(2026, 11, 10, 8, 30)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p != path} == before  # nothing else touched


def test_new_in_a_case_refuses_without_a_retrospective_or_a_declaration(tmp_path):
    folder = tmp_path / "sessions"
    folder.mkdir()
    shutil.copy(ARC[0], folder)
    result = run("new", "--kind", "meeting", "--case", CODE, "--sessions-dir", str(folder), "--lang", "en")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(f"Case {CODE} has no retrospective analysis yet") and result.stderr.count("\n") == 1
    result = run("new", "--kind", "meeting", "--sessions-dir", str(folder), "--lang", "en")
    assert (result.returncode, result.stderr) == (2, "A Core-team meeting follows a case: give its case code with --case CODE.\n")
    assert [p.name for p in folder.iterdir()] == [ARC[0].name]


def test_list_shows_each_sessions_kind(tmp_path):
    folder = case_folder(tmp_path, *ARC)
    result = run("list", "--sessions-dir", str(folder), "--lang", "nl")
    assert result.returncode == 0, result.stderr
    rows = {line.split("│")[2].strip() for line in result.stdout.splitlines() if line.count("│") > 4 and "2026" in line}
    assert rows == {"Retrospectief", "Perspectief", "Overleg", "Evaluatie"}


def test_example_copies_the_whole_case_and_says_where(tmp_path):
    folder = tmp_path / "try"
    result = run("example", "--sessions-dir", str(folder), "--lang", "en")
    assert result.returncode == 0, result.stderr
    [copy] = folder.glob("example-copy-*.toml")
    assert copy.read_bytes() == EXAMPLE.read_bytes()
    assert sorted(p.name for p in folder.glob("2026-*.toml")) == [p.name for p in ARC]
    assert (f"The whole example case, from the retrospective analysis to the evaluation (6 sessions), is in {folder}. "
            f"See where it stands: retro-tui case {CODE} --sessions-dir {folder}") in result.stdout
    # A second copy in the same folder is a case of its own, not a second half of the first.
    again = run("example", "--sessions-dir", str(folder), "--lang", "en")
    assert again.returncode == 0, again.stderr
    assert f"retro-tui case {CODE}-2 --sessions-dir" in again.stdout
    # Not asked for a language, the case is told in its own (the example's: Dutch).
    first, second = run("case", CODE, "--sessions-dir", str(folder)), run("case", f"{CODE}-2", "--sessions-dir", str(folder))
    assert "6 sessies" in first.stdout and "6 sessies" in second.stdout


def test_example_without_a_folder_keeps_each_copy_apart_and_only_the_newest(private_state):
    from retro_tui.places import examples_dir
    from retro_tui.store import copy_example

    made = [copy_example() for _ in range(4)]
    folders = sorted(p for p in examples_dir().iterdir() if p.is_dir())
    assert folders == sorted(p.parent for p in made[1:])  # the oldest went
    for path in made[1:]:
        assert len(list(path.parent.glob("*.toml"))) == 6


def test_a_meeting_piped_is_summed_up_by_its_own_steps():
    result = run("open", str(ARC[2]))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Kernteamoverleg 2" in out and "Zijn we nog op koers?" in out and "6 regels" in out
    assert "Tijdlijn" not in out  # not the retrospective's steps


def test_two_people_starting_the_next_meeting_at_once_each_get_a_file(tmp_path):
    folder = case_folder(tmp_path, *ARC)
    command = [str(SCRIPT), "new", "--kind", "meeting", "--case", CODE, "--sessions-dir", str(folder), "--lang", "en"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(r.wait(timeout=60), *r.communicate()) for r in runs]
    assert [code for code, _, _ in results] == [0, 0], results
    made = sorted(set(folder.glob("*.toml")) - {folder / p.name for p in (EXAMPLE, *ARC)})
    assert len(made) == 2 and all(str(p) in "".join(out for _, out, _ in results) for p in made)
    assert [load(p).session.kind for p in made] == ["meeting", "meeting"]


def test_case_without_a_code_lists_the_cases_there_are(tmp_path):
    folder = case_folder(tmp_path, *ARC)
    session = load(EXAMPLE)
    session.session.case_code = "ANDERS-02"
    from retro_tui.store import save

    save(session, folder / "anders.toml")
    result = run("case", "--sessions-dir", str(folder), "--lang", "en")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (f"Cases in {folder} (retro-tui case CODE shows one):\n"
                             f"  ANDERS-02  1 session\n  {CODE}  6 sessions\n")


def test_a_meeting_dated_on_purpose_starts_at_that_days_next_meeting(tmp_path):
    folder = case_folder(tmp_path, ARC[0])
    result = run("new", "--kind", "meeting", "--case", CODE, "--date", "20-10-2026", "--sessions-dir", str(folder))
    assert result.returncode == 0, result.stderr
    session = load(folder / f"2026-10-20-{CODE}-overleg-1.toml")
    assert session.session.date == dt.date(2026, 10, 20)
    assert session.meeting.starts == dt.datetime(2026, 10, 20, 8, 30)  # "dinsdag van 08.30 tot 09.30"
    bad = run("new", "--kind", "meeting", "--case", CODE, "--date", "31-02-2026", "--sessions-dir", str(folder))
    assert (bad.returncode, bad.stdout) == (2, "") and bad.stderr.count("\n") == 1
