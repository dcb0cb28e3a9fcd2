"""Two people typing at the end of the same notes at once, as the facilitator and the
notetaker do: each finishes their own last line while the other's saves come in. Every
line is kept, in both writers' sessions and in the file, and nothing is set aside as a
conflict; a real clash (the very same line changed by both) is kept where the notes
are, to be taken either way or both."""

from __future__ import annotations

import random

from retro_tui.store import load, snapshot
from retro_tui.store.in_place import refresh_in_place
from retro_tui.store.shared import SharedFile


class Writer:
    """One app's writing side: its session, its shared file, and its own line."""

    def __init__(self, path, name: str):
        self.session = load(path)
        self.shared = SharedFile.opened(path, self.session)
        self.name = name
        self.typing: str | None = None  # the line being typed, as far as typed

    def start(self, line: str) -> None:
        self.typing = ""
        notes = self.session.timeline.notes
        self.session.timeline.notes = notes + "\n"  # Enter at the end of the notes
        self.line = line

    def key(self) -> bool:
        """One more character of its line, where its line is now; False when done."""
        if len(self.typing) == len(self.line):
            return False
        lines = self.session.timeline.notes.split("\n")
        at = max(i for i, text in enumerate(lines) if text == self.typing) if self.typing else len(lines) - 1
        self.typing = self.line[: len(self.typing) + 1]
        lines[at] = self.typing
        self.session.timeline.notes = "\n".join(lines)
        return True

    def save(self) -> None:
        self.shared.write(snapshot(self.session))

    def take_in(self) -> None:
        """What the app's follower does twice a second (ui/follow.py, Autosave.adopt)."""
        found = self.shared.changed_on_disk()
        if found is not None:
            merged = self.shared.adopt(snapshot(self.session), *found)
            if merged is not None:
                refresh_in_place(self.session, merged)


def test_two_people_adding_lines_at_the_end_keep_every_line(example_copy):
    rng = random.Random(11)
    facilitator, notetaker = Writer(example_copy, "F"), Writer(example_copy, "N")
    said = []
    for round_ in range(6):
        lines = {facilitator: f"Gespreksleider {round_}: de moeder was er niet bij",
                 notetaker: f"Notulist {round_}: Jeroen knikt en zegt niets"}
        for writer, line in lines.items():
            writer.start(line)
            said.append(line)
        busy = [facilitator, notetaker]
        while busy:
            writer = rng.choice(busy)
            if not writer.key():
                busy.remove(writer)
            roll = rng.random()
            if roll < 0.15:
                writer.save()
            elif roll < 0.3:
                writer.take_in()
        for writer in (facilitator, notetaker, facilitator, notetaker):
            writer.save()
            writer.take_in()
    saved = load(example_copy)
    lines = saved.timeline.notes.split("\n")
    assert [line for line in said if line not in lines] == []
    assert saved.conflicts == []
    for writer in (facilitator, notetaker):
        assert writer.session.timeline.notes == saved.timeline.notes
    # In time order: each round's two lines after the round before.
    rounds = [int(line.split()[1].rstrip(":")) for line in lines if line.startswith(("Gespreksleider ", "Notulist "))]
    assert rounds == sorted(rounds)


def _clash(path) -> None:
    """Two writers change the very same last line differently at once."""
    start = Writer(path, "S")
    start.session.timeline.notes += "\nDe moeder belde"
    start.save()
    first, second = Writer(path, "F"), Writer(path, "N")
    base = first.session.timeline.notes
    first.session.timeline.notes = base.replace("De moeder belde", "De moeder belde de school")
    second.session.timeline.notes = base.replace("De moeder belde", "De moeder belde de wijkagent")
    second.save()
    first.save()


async def test_a_real_clash_shows_in_both_apps_where_the_notes_are_and_can_be_taken_both_ways(example_copy, tmp_path):
    from textual.widgets import TextArea

    from apphelpers import opened, visible_text
    from retro_tui.ui.app import RetroApp
    from retro_tui.ui.keys import localized

    text = example_copy.read_text(encoding="utf-8")
    example_copy.write_text(text.replace("[session]\n", '[session]\ncurrent_step = "timeline"\n', 1), encoding="utf-8")
    _clash(example_copy)
    clash = load(example_copy).conflicts[-1]
    assert (clash.field, clash.kept, clash.text) == (
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
