"""After `retro-tui example` a newcomer types `retro-tui case VOORBEELD-FICTIEF-01`: the
example's copies live among the state files, not in the sessions folder, so `case` (and
`new --case`) find the newest copy holding the code and say where it is; and `new`
says how to open what it made."""

from __future__ import annotations

from pathlib import Path

from test_case_cli import CODE, run


def test_case_finds_the_example_copy_and_says_where_it_is(private_state):
    made = run("example", "--lang", "nl")
    assert made.returncode == 0, made.stderr
    shown = run("case", CODE, "--lang", "nl", "--sessions-dir", str(private_state / "mine"))
    assert shown.returncode == 0, shown.stderr
    assert "6 sessies" in shown.stdout
    [copy] = [p for p in (private_state / "retro-tui" / "examples").iterdir() if p.is_dir()]
    assert f"Casus {CODE} staat niet in" in shown.stderr and str(copy) in shown.stderr


def test_new_in_the_example_case_says_the_command_that_opens_it(private_state):
    assert run("example").returncode == 0
    made = run("new", "--kind", "meeting", "--case", CODE, "--lang", "en", "--sessions-dir", str(private_state / "mine"))
    assert made.returncode == 0, made.stderr
    line = next(line for line in made.stdout.splitlines() if line.startswith("To open it: retro-tui open "))
    path = Path(line.removeprefix("To open it: retro-tui open "))
    assert path.is_file() and path.name.endswith(f"{CODE}-overleg-4.toml")
    opened = run("check", str(path))
    assert opened.returncode == 0, opened.stderr


def test_an_unknown_code_is_still_refused_with_exit_2(private_state):
    assert run("example").returncode == 0
    (private_state / "mine").mkdir()
    refused = run("case", "GEEN-CASUS", "--sessions-dir", str(private_state / "mine"))
    assert refused.returncode == 2 and "GEEN-CASUS" in refused.stderr
