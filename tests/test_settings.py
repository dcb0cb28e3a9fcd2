"""The person's settings and places: remembered between sessions, honoured by every
command and by the app, and a broken settings file said plainly."""

from __future__ import annotations

import email
import os
import subprocess
import sys
from email import policy
from pathlib import Path

import pytest

from apphelpers import opened, visible_text
from retro_tui.model import Language
from retro_tui.report.export import render_all
from retro_tui.settings import current, load
from retro_tui.store import load as load_session


@pytest.fixture
def settings_path(private_state) -> Path:
    return private_state / "config" / "retro-tui" / "settings.toml"


def write_settings(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    current.cache_clear()


def test_name_and_organisation_go_into_new_sessions_and_the_email(tmp_path, run_cli, settings_path):
    write_settings(settings_path, 'name = "Anna de Vries"\norganisation = "Jeugdbescherming Noord"\n')
    folder = tmp_path / "s"
    assert run_cli("new", "Casus", "--sessions-dir", str(folder))[0] == 0
    [path] = folder.glob("*.toml")
    session = load_session(path)
    assert session.session.facilitator == "Anna de Vries"
    assert session.session.facilitator_organisation == "Jeugdbescherming Noord"
    [mail] = [content for name, content in render_all(session, "casus", {"eml"}) if name.endswith(".eml")]
    body = email.message_from_bytes(mail, policy=policy.default).get_body(("plain",)).get_content()
    assert body.replace("\r\n", "\n").rstrip().endswith("Kind regards,\nAnna de Vries\nJeugdbescherming Noord")


def test_the_settings_sessions_folder_is_used(tmp_path, run_cli, settings_path, monkeypatch):
    monkeypatch.delenv("RETRO_TUI_SESSIONS", raising=False)
    write_settings(settings_path, f'sessions_dir = "{(tmp_path / "mine").as_posix()}"\n')
    monkeypatch.chdir(tmp_path)
    run_cli("new", "Casus")
    assert len(list((tmp_path / "mine").glob("*.toml"))) == 1


def test_settings_set_writes_a_file_that_reads_back_and_settings_shows_it(run_cli, settings_path):
    code, out, _ = run_cli("settings", "set", "name", "Anna de Vries")
    assert code == 0 and str(settings_path) in out
    assert run_cli("settings", "set", "keymap.help", "f10")[0] == 0
    assert run_cli("settings", "set", "language", "nl")[0] == 0
    assert load(settings_path).name == "Anna de Vries"
    assert load(settings_path).keymap == {"help": "f10"}
    assert load(settings_path).language == Language.nl
    assert oct(settings_path.stat().st_mode & 0o777) == oct(0o600)
    code, out, _ = run_cli("settings")
    assert code == 0
    # "name (naam)   Anna de Vries": the id `settings set` takes, its meaning in Dutch, the value.
    lines = {line.split()[0]: line.rsplit("  ", 1)[1].strip() for line in out.splitlines() if "  " in line}
    assert lines["name"] == "Anna de Vries" and "name (naam)  " in out and "language (taal)  " in out
    assert lines["keymap.help"] == "f10"
    assert str(settings_path) in out and "retro-tui" in out
    # An empty value takes the setting away again.
    assert run_cli("settings", "set", "name", "")[0] == 0
    assert load(settings_path).name == ""


def test_settings_set_refuses_a_wrong_value_and_leaves_the_file(run_cli, settings_path):
    run_cli("settings", "set", "name", "Anna")
    before = settings_path.read_bytes()
    code, _, err = run_cli("settings", "set", "language", "de")
    assert code == 2 and "language" in err and str(settings_path) in err
    code, _, err = run_cli("settings", "set", "colour", "blue")
    assert code == 2 and "colour" in err
    assert settings_path.read_bytes() == before


def _cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "retro_tui", *args], capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL
    )


@pytest.mark.parametrize(
    "content,where",
    [
        ('name = "Anna\nlanguage = "nl"\n', "line 1"),  # an unclosed string
        ('name = "Anna"\nlanguage = "de"\n', "line 2, language"),
        ("name = 3\n", "line 1, name"),
        ('[keymap]\nhelp = 1\n', "keymap.help"),
    ],
)
def test_a_bad_settings_file_is_one_message_naming_file_and_place_exit_2(settings_path, content, where, tmp_path, capfd):
    from retro_tui.cli import main

    write_settings(settings_path, content)
    # `retro-tui` alone, as a person starts the app: a real process, its exit code and
    # all it wrote (the app would start in it, were the file not refused).
    result = _cli(env=dict(os.environ))
    said = [(result.returncode, result.stdout, result.stderr)]
    # Two commands more, through the same `main` in the test's process (an exception
    # fails the test right here); capfd reads what reaches file descriptors 1 and 2.
    for args in (["list", "--sessions-dir", str(tmp_path)], ["settings"]):
        current.cache_clear()
        code = main(args)
        said.append((code, *capfd.readouterr()))
    for code, out, err in said:
        assert code == 2, err
        assert str(settings_path) in err and where in err
        assert "Traceback" not in err and "pydantic" not in err
        assert out == ""


def test_no_preference_means_dutch_and_a_c_locale_is_no_preference(tmp_path, run_cli, monkeypatch):
    monkeypatch.setenv("LANG", "C.UTF-8")
    folder = tmp_path / "s"
    code, out, _ = run_cli("new", "--sessions-dir", str(folder))
    assert code == 0 and "Nieuwe sessie aangemaakt" in out
    [path] = folder.glob("*.toml")
    session = load_session(path)
    assert session.session.language == Language.nl
    assert session.session.title == "Nieuwe sessie"
    # The closing's standing agenda and commitments come in the session's language too.
    from retro_tui.method import intention_defaults

    assert session.closing.agenda == list(intention_defaults(Language.nl)["agenda"])


def test_the_settings_language_beats_the_locale_and_lang_beats_the_settings(tmp_path, run_cli, settings_path, monkeypatch):
    monkeypatch.setenv("LANG", "C")
    write_settings(settings_path, 'language = "en"\n')
    assert "New session created" in run_cli("new", "--sessions-dir", str(tmp_path / "a"))[1]
    assert "Nieuwe sessie aangemaakt" in run_cli("new", "--lang", "nl", "--sessions-dir", str(tmp_path / "b"))[1]


async def test_keymap_from_the_settings_remaps_a_key_in_the_app(tmp_path, settings_path):
    from retro_tui.ui.app import RetroApp
    from retro_tui.ui.help import HelpScreen
    from retro_tui.ui.keys import localized

    write_settings(settings_path, '[keymap]\nhelp = "f10"\nnext_step = "ctrl+n"\n')
    app = localized(RetroApp)(tmp_path / "sessions")
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.press("n", *"Casus", "enter")
        await opened(pilot)
        await pilot.press("f1")
        assert not isinstance(app.screen, HelpScreen)  # F1 is no longer help: f10 is
        await pilot.press("f10")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        start = app.screen.current
        await pilot.press("ctrl+n")
        assert app.screen.current != start
        assert "^n" in visible_text(app) or "ctrl+n" in visible_text(app).lower()


def test_every_key_has_an_id_people_can_remap():
    # Key's id is required: a Key without one cannot even be made.
    from retro_tui.ui.keys import Key

    with pytest.raises(TypeError):
        Key("x", "thing", "key.thing")  # type: ignore[call-arg]


def test_example_copies_go_to_the_state_folder_and_do_not_pile_up(tmp_path, run_cli, private_state, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for _ in range(5):
        assert run_cli("example")[0] == 0
    # Each copy is the whole example case in a folder of its own; the newest three stay.
    copies = [p for p in (private_state / "retro-tui" / "examples").iterdir() if p.name.startswith("example-copy-")]
    assert len(copies) == 3 and all(p.is_dir() for p in copies)
    assert all(len(list(p.glob("*.toml"))) == 6 for p in copies)
    assert list(tmp_path.iterdir()) == []  # nothing where the terminal is


def test_settings_keys_lists_every_id_and_an_unknown_id_is_refused(run_cli, settings_path):
    code, out, _ = run_cli("settings", "keys")
    ids = {line.split()[0] for line in out.splitlines() if line.strip()}
    assert code == 0 and {"help", "quote", "next_step", "save_form", "cancel", "command_palette"} <= ids
    code, _, err = run_cli("settings", "set", "keymap.helpp", "f2")
    assert code == 2 and '"helpp"' in err and "settings keys" in err
    assert not settings_path.exists()
    assert run_cli("settings", "set", "keymap.help", "f10")[0] == 0
    code, out, _ = run_cli("settings", "keys")
    assert next(line for line in out.splitlines() if line.startswith("help ")).split()[1] == "f10"


def test_the_settings_language_beats_the_sessions_on_screen(run_cli, settings_path, minimal_file):
    # minimal_file is an English session: shown in English, unless the person chose Dutch.
    assert "1 participant" in run_cli("open", str(minimal_file))[1]
    write_settings(settings_path, 'language = "nl"\n')
    out = run_cli("open", str(minimal_file))[1]
    assert "1 deelnemer" in out and "participant" not in out
