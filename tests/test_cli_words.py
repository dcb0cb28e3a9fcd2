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


# argparse's own error sentences, as Python 3.11-3.13 word them.
ARGPARSE_ENGLISH = ("the following argument", "unrecognized argument", "expected one argument",
                    "invalid choice", "choose from", "argument --", "argument ACTIE", "error:")


@pytest.mark.parametrize(("argv", "says"), [
    (["open"], "retro-tui open: fout: dit ontbreekt: BESTAND\n"),
    (["merge"], "retro-tui merge: fout: deze ontbreken: BESTAND, KOPIE\n"),
    (["--bogus", "list"], "retro-tui: fout: onbekend argument: --bogus\n"),
    (["list", "--bogus", "--other"], "retro-tui: fout: onbekende argumenten: --bogus --other\n"),
    (["new", "--kind"], "retro-tui new: fout: --kind: verwacht één waarde\n"),
    (["settings", "extra"], "retro-tui settings: fout: ACTIE: ongeldige keuze 'extra' (kies uit 'set', 'keys')\n"),
])
def test_argparse_errors_are_one_dutch_sentence_naming_what_was_wrong(argv, says, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "C.UTF-8")
    with pytest.raises(SystemExit) as ended:
        main(["--lang", "nl", *argv])
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("gebruik: retro-tui") and err.endswith(says)
    assert err.count("fout:") == 1
    assert [w for w in ARGPARSE_ENGLISH if w in err] == []


def test_argparse_errors_in_english_name_no_python_type(capsys):
    with pytest.raises(SystemExit) as ended:
        main(["--lang", "en", "merge"])
    assert ended.value.code == 2
    assert capsys.readouterr().err.endswith("retro-tui merge: error: the following arguments are required: FILE, COPY\n")


def test_an_abbreviated_option_is_refused_not_read_as_something_else(capsys):
    # `--se x` once became `--sessions-dir open x`: "invalid choice 'x' (choose from 'open')".
    with pytest.raises(SystemExit) as ended:
        main(["--lang", "en", "--se", "x"])
    assert ended.value.code == 2
    assert capsys.readouterr().err.endswith("retro-tui: error: unrecognized argument: --se\n")


def test_every_translated_argparse_sentence_is_one_the_installed_argparse_says():
    # A Python that rewords a sentence would leave it English without this noticing.
    import argparse
    import inspect

    from retro_tui.cli_words import _ARGPARSE_SENTENCES

    source = inspect.getsource(argparse)
    assert [msgid for msgid, _, _ in _ARGPARSE_SENTENCES if repr(msgid) not in source and f'"{msgid}"' not in source] == []
