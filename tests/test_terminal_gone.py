"""A terminal that goes away without a SIGHUP reaching the app (it was started by a
program that keeps the terminal as its own) must end the app as a closed window does:
what is typed kept, the process gone. Before, Textual's input thread read end-of-file
in a loop at full CPU, for ever."""

from __future__ import annotations

import time

from retro_tui.store import load
from retro_tui.store.recovery import journal_dir
from terminal import Terminal

ENDS_WITHIN = 6  # seconds: one look a second at the terminal, then the 1.5 s ending


def test_a_terminal_gone_without_a_hangup_signal_ends_the_app_and_keeps_the_words(example_copy, private_state):
    text = example_copy.read_text(encoding="utf-8")
    example_copy.write_text(text.replace("[session]\n", '[session]\ncurrent_step = "family"\n', 1), encoding="utf-8")
    term = Terminal("open", str(example_copy), env={"XDG_STATE_HOME": str(private_state)}, controlling=False)
    try:
        term.wait_for("Sandra")
        term.type("a")
        term.wait_for("Nieuw gezinslid")
        term.type("Zwaantje")
        term.wait_for("Zwaantje")
        term.hang_up()
        assert term.ended_within(ENDS_WITHIN), "the process lingers"
    finally:
        term.close()
    journals = list(journal_dir().glob("*.json"))
    assert len(journals) == 1 and "Zwaantje" in journals[0].read_text(encoding="utf-8")
    assert all(m.pseudonym != "Zwaantje" for m in load(example_copy).family.members)  # a draft, not saved half


def test_a_terminal_that_stays_is_left_alone(example_copy, private_state):
    term = Terminal("open", str(example_copy), env={"XDG_STATE_HOME": str(private_state)}, controlling=False)
    try:
        term.wait_for("Voorbeeld")
        time.sleep(2.5)  # past two looks at the terminal
        assert term.process.poll() is None
        term.type("\x11")  # ctrl+q
        assert term.ended_within(ENDS_WITHIN)
    finally:
        term.close()
