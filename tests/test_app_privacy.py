"""The names the family goes by, entered in the app at 80x24 by keyboard: the family's
surnames in the family step, a member's other names in their form, and a participant
marked as family. Typed in bursts (no waiting between keys, as a fast typist or a paste
does), saved, shown, and masked in the export."""

from __future__ import annotations

import re

from textual import events

from apphelpers import opened, visible_text
from retro_tui.model import ParticipantSide, StepId
from retro_tui.report.export import render_all, prepared
from retro_tui.store import load
from retro_tui.ui.app import RetroApp
from retro_tui.ui.forms import RecordForm
from retro_tui.ui.keys import localized

NAMED = {" ": "space", "\n": "enter", "-": "minus", ",": "comma", "'": "apostrophe"}


async def burst(pilot, text: str) -> None:
    """Every key posted at once, then one wait: nothing idles between the keys."""
    for char in text:
        pilot.app.post_message(events.Key(NAMED.get(char, char), char))
    await pilot.pause()


async def keys(pilot, *names: str) -> None:
    """Moving about: each key waits for the one before (a list opens, a form appears)."""
    await pilot.press(*names)


async def test_surnames_other_names_and_family_participants_are_typed_saved_shown_and_masked(tmp_path, example_copy):
    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.press("f6", "f6")
        screen = app.screen
        assert screen.session.session.current_step == StepId.family
        shown = screen.query_one("#pane-family #family-names")
        assert str(shown.render()) == "Achternamen van het gezin: Akkerman"
        assert "Achternamen van het gezin: Akkerman" in visible_text(app)

        await keys(pilot, "n")
        assert isinstance(app.screen, RecordForm)
        await burst(pilot, "van der Berg\nBakker")  # the form opens on a new line under "Akkerman"
        await keys(pilot, "ctrl+s")
        assert not isinstance(app.screen, RecordForm)
        assert str(shown.render()) == "Achternamen van het gezin: Akkerman, van der Berg, Bakker"
        assert "Bakker" in visible_text(app)  # (the line wraps beside the side panel)

        await keys(pilot, "down", "down", "down", "e")  # Lotte
        form = app.screen
        assert isinstance(form, RecordForm) and form.record.pseudonym == "Lotte"
        await keys(pilot, "tab")
        await burst(pilot, "Lot\nCharlotte Bakker\nLottie")
        await keys(pilot, "ctrl+s")
        assert not isinstance(app.screen, RecordForm)
        # The table's "Ook" column, fitted to 80 columns: the names start it, "…" says more.
        assert re.search(r"\bLot(, C\w*)?…", visible_text(app)), visible_text(app)

        await keys(pilot, "f5", "f5")  # check-in: the last participant takes part as family
        await keys(pilot, "ctrl+end", "e")
        form = app.screen
        assert isinstance(form, RecordForm)
        form.query_one("#field-name").value = ""
        await burst(pilot, "Kees Bakker")
        await keys(pilot, "tab", "tab", "tab")  # organisation, role, then "takes part as"
        assert form.focused.id == "field-side"
        await keys(pilot, "enter", "down", "enter")
        await keys(pilot, "ctrl+s")
        assert not isinstance(app.screen, RecordForm), form.query_one("#form-error").render()
        # Kees's own row says he takes part as family ("gezin" alone is in the title too).
        [row] = [line for line in visible_text(app).splitlines() if line.lstrip().startswith("Kees")]
        assert re.search(r"\bgezin\b", row), row
        await pilot.press("ctrl+q")

    session = load(example_copy)
    assert session.family.family_names == ["Akkerman", "van der Berg", "Bakker"]
    lotte = next(m for m in session.family.members if m.pseudonym == "Lotte")
    assert lotte.aliases == ["Lot", "Charlotte Bakker", "Lottie"]
    kees = session.checkin.participants[-1]
    assert (kees.name, kees.side) == ("Kees Bakker", ParticipantSide.family)

    session.timeline.notes += "\nLottie en Lot gingen met Kees naar Charlotte Bakker. Bakkers huis, Van der Berg."
    report = dict(render_all(prepared(session), "x", {"md"}))["x-verslag.md"].decode()
    for name in ("Lottie", "Lot", "Charlotte", "Kees", "Bakker", "Berg"):
        assert name not in report, name
