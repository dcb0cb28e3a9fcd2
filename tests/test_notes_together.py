"""Two people typing at the end of the same notes at once, as the facilitator and the
notetaker do: each finishes their own last line while the other's saves come in. Every
line is kept, in both writers' sessions and in the file, and nothing is set aside as a
conflict; a real clash (the very same line changed by both) is kept where the notes
are, to be taken either way or both."""

from __future__ import annotations

import random

from line_writers import Writer, clash, type_at_once
from retro_tui.store import load


def test_two_people_adding_lines_at_the_end_keep_every_line(example_copy):
    rng = random.Random(11)
    facilitator, notetaker = Writer(example_copy, "timeline.notes"), Writer(example_copy, "timeline.notes")
    said = []
    for round_ in range(6):
        lines = {facilitator: f"Gespreksleider {round_}: de moeder was er niet bij",
                 notetaker: f"Notulist {round_}: Jeroen knikt en zegt niets"}
        said += lines.values()
        type_at_once(lines, rng)
    saved = load(example_copy)
    lines = saved.timeline.notes.split("\n")
    assert [line for line in said if line not in lines] == []
    assert saved.conflicts == []
    for writer in (facilitator, notetaker):
        assert writer.session.timeline.notes == saved.timeline.notes
    # In time order: each round's two lines after the round before.
    rounds = [int(line.split()[1].rstrip(":")) for line in lines if line.startswith(("Gespreksleider ", "Notulist "))]
    assert rounds == sorted(rounds)


async def test_a_real_clash_shows_in_both_apps_where_the_notes_are_and_can_be_taken_both_ways(example_copy, tmp_path):
    from textual.widgets import TextArea

    from apphelpers import opened, visible_text
    from retro_tui.ui.app import RetroApp
    from retro_tui.ui.keys import localized

    text = example_copy.read_text(encoding="utf-8")
    example_copy.write_text(text.replace("[session]\n", '[session]\ncurrent_step = "timeline"\n', 1), encoding="utf-8")
    # Two writers change the very same last line differently at once.
    clash(example_copy, "timeline.notes", load(example_copy).timeline.notes + "\nDe moeder belde",
          "De moeder belde de school", "De moeder belde de wijkagent")
    kept = load(example_copy).conflicts[-1]
    assert (kept.field, kept.kept, kept.text) == (
        "timeline.notes", "De moeder belde de school", "De moeder belde de wijkagent")

    notetaker = localized(RetroApp)(tmp_path, example_copy, notetaker=True)
    async with notetaker.run_test(size=(100, 30)) as pilot:
        await opened(pilot)
        assert "Tegelijk getypt: 1 apart gezet" in visible_text(notetaker)

    app = localized(RetroApp)(tmp_path, example_copy)
    async with app.run_test(size=(100, 30)) as pilot:
        await opened(pilot)
        assert "Tegelijk getypt: 1 apart gezet" in visible_text(app)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert "De moeder belde de wijkagent" in visible_text(app)
        await pilot.press("1")  # keep both
        await pilot.pause()
        notes = app.screen.query_one("#notes", TextArea).text
        assert notes.endswith("De moeder belde de school\nDe moeder belde de wijkagent")
        assert "Tegelijk getypt" not in visible_text(app)
        await pilot.press("ctrl+q")
    saved = load(example_copy)
    assert saved.timeline.notes.endswith("De moeder belde de school\nDe moeder belde de wijkagent")
    assert saved.conflicts == []
