"""The command line's help in the person's language, argparse's own words included."""

from __future__ import annotations

import pytest

from retro_tui.cli import main

ENGLISH = ("usage:", "positional arguments", "options:", "show this help message and exit",
           "show program's version number and exit", "error:")


@pytest.mark.parametrize("argv", [["--help"], ["case", "--help"], ["new", "--help"], ["settings", "set", "--help"]])
def test_the_dutch_help_has_no_english_words_of_argparse(argv, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "C.UTF-8")
    with pytest.raises(SystemExit) as ended:
        main(["--lang", "nl", *argv])
    assert ended.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("gebruik: retro-tui") and "opties:" in out and "toon deze hulp en stop" in out
    assert [w for w in ENGLISH if w in out] == []


def test_a_wrong_command_line_says_so_in_dutch_with_exit_2(capsys):
    with pytest.raises(SystemExit) as ended:
        main(["--lang", "nl", "export"])
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("gebruik: retro-tui export") and "retro-tui export: fout: " in err


def test_the_english_help_says_usage_and_options(capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "en", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("usage: retro-tui") and "\noptions:\n" in out and "\narguments:\n" in out
