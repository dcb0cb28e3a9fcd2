"""Every way the app's process ends keeps what is typed: a real `retro-tui open` in a
pseudo-terminal, a form half filled in on the family step, then a closed terminal,
SIGHUP, SIGTERM, SIGINT or ctrl+q. The process ends and its journal holds the form as
typed; the next start opens the form again with the words in it, and saving it puts
them in the session file."""

from __future__ import annotations

import signal

import pytest

from retro_tui.store import load
from retro_tui.store.recovery import Draft, journal_dir, recover
from retro_tui.store.shared import lock_path
from terminal import Terminal

ENDS_WITHIN = 5  # seconds; generous for a loaded machine, the app allows itself 1.5
# The half-filled form as the journal keeps it: what the next start is given back.
THE_FORM = Draft(
    step="family", where="Nieuw gezinslid", text="Pseudoniem: Zwaantje\nRol in het gezin: stiefoma",
    restore={"step": "family", "origin": {"node": "#members", "record": None},
             "values": {"pseudonym": "Zwaantje", "aliases": "", "role": "stiefoma", "age": "", "nature": "",
                        "joys": "", "strengths": "", "needs": "", "limits": ""}})


@pytest.fixture
def on_family_step(example_copy):
    text = example_copy.read_text(encoding="utf-8")
    example_copy.write_text(text.replace("[session]\n", '[session]\ncurrent_step = "family"\n', 1), encoding="utf-8")
    return example_copy


def _half_filled_form(path, state) -> Terminal:
    term = Terminal("open", str(path), env={"XDG_STATE_HOME": str(state)})
    term.wait_for("Sandra")  # a member in the family's list: the step is built
    term.type("a")
    term.wait_for("Nieuw gezinslid")
    # As typed: no wait for the Tabs' focus changes (the app keeps keys typed ahead).
    term.type("Zwaantje\t\tstiefoma")  # past the other names, to the role
    term.wait_for("stiefoma")
    return term


def _given_back(path, state) -> None:
    """The next start: the form is open again with the words; ctrl+s keeps them."""
    term = Terminal("open", str(path), env={"XDG_STATE_HOME": str(state)})
    try:
        term.wait_for("stiefoma")
        term.wait_for("Hersteld")
        term.type("\x13")  # ctrl+s: the form is saved as any form
        term.wait_until_saved(path, "Zwaantje")  # autosaved
        term.type("\x11")  # ctrl+q
        assert term.ended_within(ENDS_WITHIN)
    finally:
        term.close()
    member = next(m for m in load(path).family.members if m.pseudonym == "Zwaantje")
    assert member.role == "stiefoma"
    assert list(journal_dir().glob("*.json")) == []  # in the file: nothing to give back


def _journalled_words_come_back(command: str, path, env: dict[str, str], words: str) -> None:
    """The next start says what it restored, its autosave puts `words` in the file, and
    nothing is left in the journal."""
    term = Terminal(command, str(path), env=env)
    try:
        term.wait_for("Hersteld")
        term.wait_until_saved(path, words)
        term.press("ctrl+q")
        assert term.ended_within(ENDS_WITHIN)
    finally:
        term.close()
    assert list(journal_dir().glob("*.json")) == []


@pytest.mark.parametrize("how", ["closed terminal", "SIGHUP", "SIGTERM", "SIGINT", "ctrl+q"])
def test_an_open_form_survives_the_end_of_the_process(on_family_step, private_state, how):
    members = [m.pseudonym for m in load(on_family_step).family.members]
    term = _half_filled_form(on_family_step, private_state)
    try:
        if how == "closed terminal":
            term.hang_up()
        elif how == "ctrl+q":
            term.type("\x11")
        else:
            term.signal(getattr(signal, how))
        assert term.ended_within(ENDS_WITHIN), "the process lingers"
    finally:
        term.close()
    assert "Zwaantje" not in on_family_step.read_text(encoding="utf-8")  # not saved: a draft
    assert [m.pseudonym for m in load(on_family_step).family.members] == members  # the file reads, as it was
    assert len(list(journal_dir().glob("*.json"))) == 1
    # What the next start is given back, read as it reads it: the form, every field as
    # typed, and nothing left over to clean.
    found = recover(on_family_step, lock_path)
    assert (found.drafts, found.temp_files) == ([THE_FORM], 0)
    if how == "closed terminal":
        # The next start itself: it reads the same journal the same way whichever end
        # wrote it, so one real start proves the form opens again and saves.
        _given_back(on_family_step, private_state)


def test_notes_not_yet_saved_are_journalled_when_the_save_cannot_finish(on_family_step, private_state):
    """Another writer holds the session's lock (a stuck save): the app's last save waits,
    the process is ended anyway, and the notes typed since the last save come back."""
    from filelock import FileLock

    from retro_tui.store.shared import lock_path

    term = Terminal("open", str(on_family_step), env={"XDG_STATE_HOME": str(private_state)})
    lock = FileLock(str(lock_path(on_family_step)))
    try:
        term.wait_for("Sandra")
        term.type("\t\t\t")  # to the relations, the family map, the notes: as typed, no waits
        lock.acquire(timeout=10)  # from here on no save of the app can finish
        term.type("\x1b[1;5F")  # ctrl+End: wherever the cursor is, to the end of the notes
        term.type("\rOma wil vaker komen")
        term.wait_for("Oma wil vaker komen")
        term.signal(signal.SIGTERM)
        assert term.ended_within(ENDS_WITHIN), "the process lingers"
    finally:
        term.close()
        if lock.is_locked:
            lock.release()
    assert "Oma wil vaker komen" not in on_family_step.read_text(encoding="utf-8")
    assert any("Oma wil vaker komen" in j.read_text(encoding="utf-8") for j in journal_dir().glob("*.json"))
    _journalled_words_come_back("open", on_family_step, {"XDG_STATE_HOME": str(private_state)}, "Oma wil vaker komen")
    assert load(on_family_step).family.notes.count("Oma wil vaker komen") == 1


def test_the_notetakers_unsent_quote_survives_a_closed_terminal(example_copy, private_state):
    env = {"XDG_STATE_HOME": str(private_state)}
    term = Terminal("notetaker", str(example_copy), env=env)
    try:
        term.wait_for("notulist")
        term.wait_for("opgeslagen")  # the session is read: the name box has the focus
        term.type("Esther\rwe hebben het nooit samen besproken")  # Enter: to the words
        term.wait_for("nooit samen besproken")
        term.hang_up()
        assert term.ended_within(ENDS_WITHIN), "the process lingers"
    finally:
        term.close()
    term = Terminal("notetaker", str(example_copy), env=env)
    try:
        term.wait_for("Hersteld")
        term.wait_for("nooit samen besproken")  # back in the words box, not sent yet
        term.type("\r")  # Enter in the words keeps the quote
        term.wait_until_saved(example_copy, "nooit samen besproken")
        term.type("\x11")
        assert term.ended_within(ENDS_WITHIN)
    finally:
        term.close()
    quote = next(q for q in load(example_copy).quotes if q.text == "we hebben het nooit samen besproken")
    assert quote.speaker_id == "p-esther"  # the name typed before the hang-up, completed
    assert list(journal_dir().glob("*.json")) == []


@pytest.mark.parametrize("save", ["finishes", "cannot finish"])
def test_a_meetings_step_notes_survive_a_hang_up(tmp_path, private_state, save):
    """A meeting keeps its step's notes in `step_notes`: typed in the notetaker's box,
    then the terminal's process is hung up (SIGHUP). With the last save able to finish
    they are in the file; with another writer holding the lock they come back from the
    journal at the next start, into the same step's notes."""
    from filelock import FileLock

    from host_sessions import write_session
    from retro_tui.store.shared import lock_path

    path = write_session(tmp_path, "meeting", "nl", step="summary")
    words = "Jamal woont sinds maandag bij oma in Zwolle"
    env = {"XDG_STATE_HOME": str(private_state)}
    lock = FileLock(str(lock_path(path)))
    term = Terminal("notetaker", str(path), env=env)
    try:
        term.wait_for("Aantekeningen · Actualiteit")  # the meeting's step, read from its kind
        term.wait_for("opgeslagen")  # the session is read: the name box has the focus
        term.press("f5")  # to the step's notes
        if save == "cannot finish":
            lock.acquire(timeout=10)
        term.type(words)
        term.wait_for(words)
        term.signal(signal.SIGHUP)
        assert term.ended_within(ENDS_WITHIN), "the process lingers"
    finally:
        term.close()
        if lock.is_locked:
            lock.release()
    if save == "finishes":
        assert load(path).step_notes == {"summary": words}
        assert list(journal_dir().glob("*.json")) == []
        return
    assert words not in path.read_text(encoding="utf-8")
    assert any(words in j.read_text(encoding="utf-8") for j in journal_dir().glob("*.json"))
    _journalled_words_come_back("notetaker", path, env, words)
    assert load(path).step_notes == {"summary": words}


def test_a_meetings_summary_typed_in_its_own_box_comes_back_into_it_after_a_hang_up(tmp_path, private_state):
    """The here and now is typed straight into the session (h/panes' text box, class
    `in-session`): with another writer holding the lock at the hang-up, its words go to
    the journal and, at the next start, back into that same box and the file."""
    from filelock import FileLock

    from host_sessions import write_session
    from retro_tui.store.shared import lock_path

    path = write_session(tmp_path, "meeting", "nl", step="summary")
    words = "Jamal woont sinds maandag bij oma in Zwolle"
    env = {"XDG_STATE_HOME": str(private_state)}
    lock = FileLock(str(lock_path(path)))
    term = Terminal("open", str(path), env=env)
    try:
        term.wait_for("De actualiteit")
        term.wait_for("opgeslagen")  # the session is read and its step's box has the focus
        lock.acquire(timeout=10)
        term.type(words)
        term.wait_for(words)
        term.signal(signal.SIGHUP)
        assert term.ended_within(ENDS_WITHIN), "the process lingers"
    finally:
        term.close()
        if lock.is_locked:
            lock.release()
    assert words not in path.read_text(encoding="utf-8")
    assert any(words in j.read_text(encoding="utf-8") for j in journal_dir().glob("*.json"))
    _journalled_words_come_back("open", path, env, words)
    again = load(path)
    assert again.meeting.summary == words and words not in again.step_notes.get("summary", "")
